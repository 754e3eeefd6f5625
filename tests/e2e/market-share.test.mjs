// Market share (SEED-NOTES §1: target achievement is measured by revenue, customer
// satisfaction and market share): a target's market size typed on its row, the share won and
// the share aimed at shown beside the figures, refused input, undo and redo, storage, reload,
// export, and the Chinese texts.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openAppFor,
  stopSharedServer,
  assertNoErrors,
  undoButton,
  redoButton,
  storedBoard,
  waitForStoredBoard,
  openTargets,
  addTarget,
  targetName,
  targetRow,
  targetFigures,
  usdCents,
  liveRegion,
  DOWNLOADS,
  exportJson,
} from './helpers.mjs';

after(stopSharedServer);

const marketInput = (page, name) =>
  targetRow(page, name).getByRole('textbox', { name: 'Market size', exact: true });
const shareText = (page, name) => targetRow(page, name).getByTestId('target-share');

/** "4.2 %" for `part` of `whole`, in tenths of a percent rounded half up, as the app shows it. */
function percentOf(part, whole) {
  const tenths = Math.floor((Math.max(part, 0) * 2000 + whole) / (2 * whole));
  return `${Math.floor(tenths / 10)}.${tenths % 10} %`;
}

async function setMarket(page, name, text) {
  const input = marketInput(page, name);
  await input.fill(text);
  await input.press('Enter');
}

test('Market share: typed market size, the shares shown, refusals, undo, storage and export', async (t) => {
  const app = await openAppFor(t, DOWNLOADS);
  const { page } = app;
  await openTargets(page);
  const year = String(new Date().getUTCFullYear());
  const name = targetName(year, '');
  await addTarget(page, { period: year, amount: '1000000' }, name);
  assert.equal(await shareText(page, name).count(), 0, 'no market size, no share');
  assert.equal(await marketInput(page, name).inputValue(), '');
  // Both boxes have their caption in sight.
  const captions = await targetRow(page, name).locator('label.target-field > span').allTextContents();
  assert.deepEqual(captions.map((c) => c.trim()), ['Target', 'Market size']);

  // $25,000,000 market: the target aims at 4.0 %; the share won follows the attained figure.
  await setMarket(page, name, '25,000,000');
  const attained = usdCents((await targetFigures(page, name)).attained);
  const market = 2_500_000_000;
  const expected = `Market share: ${percentOf(attained, market)} · target 4.0 %`;
  await shareText(page, name).filter({ hasText: expected }).waitFor();
  assert.equal(await marketInput(page, name).inputValue(), '25000000');
  await waitForStoredBoard(page, (b) => b.targets.some((t) => t.market === 2_500_000_000));

  // Refused: zero, a negative amount, and text. The input shows the size kept, and says why.
  for (const bad of ['0', '-5', 'lots']) {
    await setMarket(page, name, bad);
    await page.waitForFunction(
      (label) => document.querySelector(`input[aria-label="${label}"]`)?.value === '25000000',
      'Market size',
    );
    assert.equal(
      await liveRegion(page),
      'Market size: enter an amount above 0, or leave it empty.',
      `refusing ${bad}`,
    );
    // The reason stays in sight under the row, not only in the input's fading bubble.
    assert.equal(
      (await targetRow(page, name).getByTestId('target-row-error').textContent()).trim(),
      'Market size: enter an amount above 0, or leave it empty.',
    );
  }
  assert.equal((await storedBoard(page)).targets[0].market, 2_500_000_000);
  // The target's own amount refused says "Target", the field's name (it once said "Value").
  const amountInput = targetRow(page, name).getByRole('textbox', { name: 'Target', exact: true });
  await amountInput.fill('250k');
  await amountInput.press('Enter');
  await page.waitForFunction(
    () => document.querySelector('[role=status]')?.textContent.trim() === 'Target: enter an amount such as 12500 or 12,500.50.',
  );
  await targetRow(page, name).getByTestId('target-row-error').filter({ hasText: 'Target: enter an amount' }).waitFor();
  // A change saved clears it.
  await amountInput.fill('1,000,000');
  await amountInput.press('Enter');
  await targetRow(page, name).getByTestId('target-row-error').waitFor({ state: 'detached' });

  // A reload keeps it.
  await page.reload();
  await shareText(page, name).filter({ hasText: expected }).waitFor();

  // A changed size is one undoable step.
  await setMarket(page, name, '50000000');
  await shareText(page, name).filter({ hasText: 'target 2.0 %' }).waitFor();
  await undoButton(page).click();
  await shareText(page, name).filter({ hasText: 'target 4.0 %' }).waitFor();
  assert.equal(await marketInput(page, name).inputValue(), '25000000');
  await redoButton(page).click();
  await shareText(page, name).filter({ hasText: 'target 2.0 %' }).waitFor();

  // The export carries it.
  const exported = (await exportJson(page)).envelope;
  assert.equal(exported.board.targets[0].market, 5_000_000_000);

  // Emptied: no share, and the stored target has no market member.
  await setMarket(page, name, '');
  await shareText(page, name).waitFor({ state: 'detached' });
  await waitForStoredBoard(page, (b) => b.targets.every((t) => !('market' in t)));
  assert.equal(await marketInput(page, name).inputValue(), '');
  assertNoErrors(app, assert);
});

test('Market share: the Chinese interface names it 市场占有率', async (t) => {
  const app = await openAppFor(t);
  const { page } = app;
  await openTargets(page);
  const year = String(new Date().getUTCFullYear());
  const name = targetName(year, '');
  await addTarget(page, { period: year, amount: '1000' }, name);
  await setMarket(page, name, '10000');
  await shareText(page, name).filter({ hasText: 'target 10.0 %' }).waitFor();
  await page.getByLabel('Language', { exact: true }).selectOption('zh-CN');
  const row = page.locator('li[data-target-id] > .target-row').first();
  await row.getByTestId('target-share').filter({ hasText: /^市场占有率：.* · 目标 10\.0 %$/ }).waitFor();
  assert.equal(await row.getByRole('textbox', { name: '市场规模', exact: true }).inputValue(), '10000');
  assertNoErrors(app, assert);
});
