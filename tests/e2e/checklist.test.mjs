// Stages' exit criteria (SEED-NOTES §2: every stage has clear operating norms): written in the
// stage editor, ticked per deal in the deal dialog, counted on the card, kept over a reload.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openAppFor, stopSharedServer, assertNoErrors, card, dealDialog, waitForStoredBoard, storedBoard,
} from './helpers.mjs';

after(stopSharedServer);

const checks = (page, title) => card(page, title).locator('[data-testid="deal-checks"]');

async function tick(page, title, criterion) {
  await card(page, title).locator('h3').click();
  const dialog = dealDialog(page);
  await dialog.getByTestId('deal-checklist').getByLabel(criterion, { exact: true }).check();
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

test('exit criteria are set per stage, ticked per deal and counted on its card', async (t) => {
  const app = await openAppFor(t);
  const { page } = app;
  await card(page, 'Umbrella data platform').waitFor();
  assert.equal(await checks(page, 'Umbrella data platform').count(), 0, 'no criteria, no count');

  await page.getByRole('button', { name: 'Stages', exact: true }).click();
  const field = page.locator('li.stage-row[data-stage-row="qualified"] [data-testid="stage-checklist"]');
  await field.fill('Budget confirmed\n\nDecision maker known\n');
  await field.press('Tab');
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await checks(page, 'Umbrella data platform').filter({ hasText: '✓ 0/2' }).waitFor();
  assert.equal(await checks(page, 'Stark upgrade').count(), 0, 'Lead has no criteria');

  await tick(page, 'Umbrella data platform', 'Decision maker known');
  await checks(page, 'Umbrella data platform').filter({ hasText: '✓ 1/2' }).waitFor();
  assert.equal(await checks(page, 'Umbrella data platform').getAttribute('aria-label'), '1 of 2 exit criteria met');
  await tick(page, 'Umbrella data platform', 'Budget confirmed');
  const done = checks(page, 'Umbrella data platform');
  await done.filter({ hasText: '✓ 2/2' }).waitFor();
  assert.equal(await done.evaluate((el) => el.classList.contains('done')), true);

  await waitForStoredBoard(page, (b) => b.deals.some((d) => (d.checked ?? []).length === 2));
  const stored = await storedBoard(page);
  assert.deepEqual(stored.stages.find((s) => s.id === 'qualified').checklist, ['Budget confirmed', 'Decision maker known']);
  await app.reload();
  await checks(page, 'Umbrella data platform').filter({ hasText: '✓ 2/2' }).waitFor();
  await checks(page, 'Oscorp backup').filter({ hasText: '✓ 0/2' }).waitFor();
  assertNoErrors(app, assert);
});
