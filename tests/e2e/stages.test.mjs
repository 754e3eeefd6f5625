// The stage editor: rename, set the probability, reorder, add, and remove a stage (its deals
// moved first), with the board, the totals and storage following; undo brings a stage back.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openAppFor,
  assertNoErrors,
  stageNames,
  stageFigures,
  cardTitles,
  waitForStoredBoard,
  stopSharedServer,
} from './helpers.mjs';

after(stopSharedServer);

/** The stage editor's row for a stage id. */
const row = (page, id) => page.locator(`[data-stage-row="${id}"]`);

async function openEditor(page) {
  await page.getByRole('button', { name: 'Stages', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit stages' });
  await dialog.waitFor({ state: 'visible' });
  return dialog;
}

test('stages are renamed, re-weighted, reordered, added and removed; the board follows', async (t) => {
  const app = await openAppFor(t);
  const { page } = app;
  const dialog = await openEditor(page);
  // Taller than the window (1280 × 720): Close stays in sight at the window's foot.
  const foot = await page.evaluate(() => ({
    dialog: document.querySelector('.stage-editor').getBoundingClientRect().height,
    actions: document.querySelector('.stage-editor > .dialog-actions').getBoundingClientRect().bottom,
    height: innerHeight,
  }));
  assert.ok(foot.dialog > foot.height && Math.abs(foot.actions - foot.height) <= 1, `Close at the foot: ${JSON.stringify(foot)}`);

  // Rename Lead; the column heading follows and the name no longer follows the language.
  await row(page, 'lead').getByLabel('Stage name').fill('Prospect');
  await row(page, 'lead').getByLabel('Stage name').press('Tab');
  // Demo 40 % → 50 %: its weighted total follows ($41,500 + ¥120,000 + €31,000 at 50 %).
  await row(page, 'demo').getByLabel('Win probability (%)').fill('50');
  await row(page, 'demo').getByLabel('Win probability (%)').press('Tab');
  // Won moves one place earlier, before Negotiation.
  await row(page, 'won').getByRole('button', { name: 'Move earlier' }).click();
  // A new stage is appended.
  await dialog.getByRole('button', { name: 'Add stage' }).click();
  await page.getByRole('button', { name: 'Close', exact: true }).click();

  assert.deepEqual(await stageNames(page), ['Prospect', 'Qualified', 'Demo', 'Proposal', 'Won', 'Negotiation', 'Lost', 'New stage']);
  const demo = await stageFigures(page, 'Demo');
  assert.equal(demo.weighted, '$20,750 + ¥60,000 + €15,500');

  // Removing a stage with deals needs a destination.
  await openEditor(page);
  await row(page, 'qualified').getByRole('button', { name: 'Remove stage' }).click();
  // The refusal shows in the stage's own row, and the focus goes to the choice it asks for.
  assert.match(await row(page, 'qualified').getByRole('alert').textContent(), /still has 4 deals/);
  const focused = () => page.evaluate(() => [document.activeElement?.closest('[data-stage-row]')?.dataset.stageRow, document.activeElement?.tagName]);
  await page.waitForFunction(() => document.activeElement?.tagName === 'SELECT');
  assert.deepEqual(await focused(), ['qualified', 'SELECT']);
  await row(page, 'qualified').getByRole('combobox').selectOption({ label: 'Proposal' });
  assert.equal(await row(page, 'qualified').getByRole('alert').count(), 0, 'a choice made clears the refusal');
  await row(page, 'qualified').getByRole('button', { name: 'Remove stage' }).click();
  // Removed: the focus goes to the stage that took its place, not to the page.
  await page.waitForFunction(() => document.activeElement?.closest('[data-stage-row]')?.dataset.stageRow === 'demo');
  assert.deepEqual(await focused(), ['demo', 'INPUT']);
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  assert.ok(!(await stageNames(page)).includes('Qualified'));
  const proposal = await cardTitles(page, 'Proposal');
  assert.equal(proposal.length, 8, `Proposal took Qualified's 4 deals: ${proposal}`);
  assert.ok(proposal.includes('Oscorp backup'));

  // Saved, and restored after a reload.
  await waitForStoredBoard(page, (b) => !b.stages.some((s) => s.id === 'qualified') && b.stages[0].name === 'Prospect');
  await app.reload();
  assert.deepEqual(await stageNames(page), ['Prospect', 'Demo', 'Proposal', 'Won', 'Negotiation', 'Lost', 'New stage']);

  // Undo brings the removed stage back with its deals (this tab's history is new after a
  // reload, so remove again first).
  await openEditor(page);
  await row(page, 'demo').getByRole('combobox').selectOption({ label: 'Lost' });
  await row(page, 'demo').getByRole('button', { name: 'Remove stage' }).click();
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  assert.ok(!(await stageNames(page)).includes('Demo'));
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  assert.deepEqual(await stageNames(page), ['Prospect', 'Demo', 'Proposal', 'Won', 'Negotiation', 'Lost', 'New stage']);
  assert.equal((await cardTitles(page, 'Demo')).length, 4);
  assertNoErrors(app, assert);
});

test('the last stage cannot be removed, and a probability over 100 is refused', async (t) => {
  const app = await openAppFor(t);
  const { page } = app;
  await page.getByRole('button', { name: 'Clear board' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Clear board' }).click();
  await openEditor(page);
  await row(page, 'demo').getByLabel('Win probability (%)').fill('140');
  await row(page, 'demo').getByLabel('Win probability (%)').press('Tab');
  assert.match(await page.getByRole('dialog').getByRole('alert').textContent(), /between 0 and 100/);
  for (const id of ['lead', 'qualified', 'demo', 'proposal', 'negotiation', 'won']) {
    await row(page, id).getByRole('button', { name: 'Remove stage' }).click();
  }
  await row(page, 'lost').getByRole('button', { name: 'Remove stage' }).click();
  assert.match(await page.getByRole('dialog').getByRole('alert').textContent(), /at least one stage/);
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  assert.deepEqual(await stageNames(page), ['Lost']);
  assertNoErrors(app, assert);
});
