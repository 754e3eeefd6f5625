// A deal's next step (kind, due date, what to do): set in the deal dialog, shown on the card,
// an alert once overdue, kept in storage and exports, taken back by undo. On a fixed day
// (Playwright's clock: 2026-11-20) so the day counts are exact.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openAppFor, stopSharedServer, assertNoErrors, card, dealDialog, dealField, storedBoard, waitForStoredBoard,
  undoButton, exportJson, DOWNLOADS, setNextStep,
} from './helpers.mjs';

after(stopSharedServer);

const DAY = new Date('2026-11-20T09:00:00Z');

const cardState = (page, title) =>
  card(page, title).evaluate((el) => ({
    next: el.querySelector('.deal-next')?.textContent.trim() ?? null,
    alert: el.querySelector('[data-alert="step"]')?.textContent.trim() ?? null,
    offTrack: el.classList.contains('off-track'),
  }));

test('a next step is set on a deal, shown on its card, overdue after its day, stored and undone', async (t) => {
  const app = await openAppFor(t, { clock: DAY, contextOptions: DOWNLOADS });
  const { page } = app;
  await card(page, 'Stark upgrade').waitFor();
  const before = await cardState(page, 'Stark upgrade');

  // Due two days ago: shown, and overdue by 2 days. A note that looks like markup is text.
  await setNextStep(page, 'Stark upgrade', { kind: 'Meeting', due: '2026-11-18', note: 'Bring the <b>quote</b>' });
  await dealDialog(page).waitFor({ state: 'detached' });
  await card(page, 'Stark upgrade').locator('[data-alert="step"]').waitFor();
  assert.deepEqual(await cardState(page, 'Stark upgrade'), {
    next: 'Meeting · 2026-11-18 · Bring the <b>quote</b>',
    alert: 'Next step overdue 2 days',
    offTrack: true,
  });
  await waitForStoredBoard(page, (b) => b.deals.some((d) => d.next_step?.kind === 'meeting'));
  const stored = (await storedBoard(page)).deals.find((d) => d.title === 'Stark upgrade');
  assert.deepEqual(stored.next_step, { kind: 'meeting', due: '2026-11-18', note: 'Bring the <b>quote</b>' });

  // The export keeps it; a reload reads it back from storage.
  const exported = (await exportJson(page)).envelope.board.deals.find((d) => d.title === 'Stark upgrade');
  assert.deepEqual(exported.next_step, stored.next_step);
  await app.reload();
  await card(page, 'Stark upgrade').locator('.deal-next').waitFor();
  assert.equal((await cardState(page, 'Stark upgrade')).next, 'Meeting · 2026-11-18 · Bring the <b>quote</b>');

  // Undo (after the reload: this tab's history is gone, so edit again first) takes it back.
  await setNextStep(page, 'Stark upgrade', { kind: 'Call', due: '2026-11-25', note: '' });
  await dealDialog(page).waitFor({ state: 'detached' });
  await card(page, 'Stark upgrade').locator('.deal-next').filter({ hasText: 'Call · 2026-11-25' }).waitFor();
  assert.equal((await cardState(page, 'Stark upgrade')).alert, null, 'due in five days');
  await undoButton(page).click();
  await card(page, 'Stark upgrade').locator('.deal-next').filter({ hasText: 'Meeting' }).waitFor();
  assert.notDeepEqual(before, await cardState(page, 'Stark upgrade'));
  assertNoErrors(app, assert);
});

test('a note without a due date is refused with a message, and clearing both removes the step', async (t) => {
  const app = await openAppFor(t, { clock: DAY });
  const { page } = app;
  await setNextStep(page, 'Hooli expansion', { due: '2026-11-30', note: 'Call back' });
  await card(page, 'Hooli expansion').locator('.deal-next').waitFor();

  await setNextStep(page, 'Hooli expansion', { due: '' });
  const alert = dealDialog(page).getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /due date/);
  await dealField(page, 'What to do').fill('');
  await dealDialog(page).getByRole('button', { name: 'Save', exact: true }).click();
  await dealDialog(page).waitFor({ state: 'detached' });
  await card(page, 'Hooli expansion').locator('.deal-next').waitFor({ state: 'detached' });
  await waitForStoredBoard(page, (b) => b.deals.find((d) => d.title === 'Hooli expansion').next_step === undefined);
  assertNoErrors(app, assert);
});

test('a won deal’s overdue after-sales complaint is off track; its old close date is not', async (t) => {
  const app = await openAppFor(t, { clock: DAY });
  const { page } = app;
  const won = page.locator('section.stage[data-stage-id="won"] article.deal-card').first();
  await won.waitFor();
  const title = (await won.locator('h3').textContent()).trim();
  const filter = page.getByTestId('off-track-filter');
  const count = async () => Number((await filter.textContent()).match(/\d+/)[0]);
  const before = await count();
  assert.equal(await won.locator('.deal-alert').count(), 0);

  await setNextStep(page, title, { kind: 'Complaint', due: '2026-11-18', note: 'Invoice sent twice' });
  await dealDialog(page).waitFor({ state: 'detached' });
  const card2 = card(page, title);
  await card2.locator('[data-alert="step"]').filter({ hasText: 'Next step overdue 2 days' }).waitFor();
  assert.equal((await cardState(page, title)).next, 'Complaint · 2026-11-18 · Invoice sent twice');
  assert.equal(await card2.locator('.deal-alert').count(), 1, 'only the complaint, not its close date');
  await filter.filter({ hasText: `Off track · ${before + 1}` }).waitFor();
  assertNoErrors(app, assert);
});
