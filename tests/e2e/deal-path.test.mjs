// A deal's stages in its dialog: the stage history (`domain::stays`: each stage it entered,
// the day, and the days it stayed, the stage it is in now marked; a move adds a line), and
// the Stage select, which moves the deal on Save, edit and move undone as one step. On a
// fixed day (Playwright's clock) so the sample's history has exact dates.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openAppFor, stopSharedServer, assertNoErrors, card, column, dealDialog, dealField, moveByMenu, LANG_KEY, undoButton, redoButton,
  storedBoard, waitForStoredBoard,
} from './helpers.mjs';

after(stopSharedServer);

const DAY = new Date('2026-11-20T09:00:00Z');

/** The open dialog's history: [text, current] per line. */
function stays(page) {
  return dealDialog(page)
    .getByTestId('deal-path')
    .locator('li')
    .evaluateAll((lis) => lis.map((li) => [li.textContent.trim(), li.getAttribute('aria-current') === 'step']));
}

async function openDeal(page, title) {
  await card(page, title).locator('.deal-title, h3').first().click();
  await dealDialog(page).waitFor();
}

test('a deal’s dialog lists the stages it went through with their days; a move adds one', async (t) => {
  const app = await openAppFor(t, { clock: DAY });
  const { page } = app;
  // The sample's Acme renewal was created 26 days ago and moved on every 6 days.
  await openDeal(page, 'Acme renewal');
  const heading = dealDialog(page).getByRole('region', { name: 'Stage history' });
  assert.equal(await heading.count(), 1, 'a region named by its heading');
  assert.deepEqual(await stays(page), [
    ['Lead 2026-10-25 · 6 days', false],
    ['Qualified 2026-10-31 · 6 days', false],
    ['Demo 2026-11-06 · 6 days', false],
    ['Proposal 2026-11-12 · 6 days', false],
    ['Negotiation since 2026-11-18 · 2 days', true],
  ]);
  await page.keyboard.press('Escape');
  await dealDialog(page).waitFor({ state: 'detached' });

  // Won today: Negotiation closes at 2 days, Won starts at 0 (and "1 day" is singular).
  await moveByMenu(page, 'Acme renewal', 'Won');
  await openDeal(page, 'Acme renewal');
  const after = await stays(page);
  assert.deepEqual(after.slice(-2), [
    ['Negotiation 2026-11-18 · 2 days', false],
    ['Won since 2026-11-20 · 0 days', true],
  ]);
  await page.keyboard.press('Escape');
  await page.clock.fastForward(24 * 3600 * 1000);
  await openDeal(page, 'Acme renewal');
  await page.waitForFunction(() => {
    const last = [...document.querySelectorAll('[data-testid="deal-path"] li')].pop();
    return last?.textContent.includes('1 day') && !last.textContent.includes('days');
  });
  // A new deal has no history yet: the section is not there.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'New deal', exact: true }).click();
  await dealDialog(page).waitFor();
  assert.equal(await dealDialog(page).getByTestId('deal-path').count(), 0);
  assertNoErrors(app, assert);
});

test('the stage history speaks Chinese', async (t) => {
  const app = await openAppFor(t, { clock: DAY, initScript: `localStorage.setItem('${LANG_KEY}', 'zh-CN')` });
  const { page } = app;
  await openDeal(page, 'Acme renewal');
  assert.equal((await dealDialog(page).getByTestId('deal-path').locator('h3').textContent()).trim(), '阶段历程');
  const lines = await stays(page);
  assert.equal(lines.length, 5);
  assert.match(lines[4][0], /^商务谈判 2026-11-18 至今 · 2 天$/);
  assert.match(lines[0][0], /^潜在客户 2026-10-25 · 6 天$/);
  assertNoErrors(app, assert);
});

test('the Stage select moves the deal on Save; edit and move are one undo; a lost stage asks why', async (t) => {
  const app = await openAppFor(t, { clock: DAY });
  const { page } = app;
  await openDeal(page, 'Cyberdyne analytics');
  const stage = dealField(page, 'Stage');
  assert.equal(await stage.evaluate((s) => s.selectedOptions[0].textContent.trim()), 'Negotiation');
  assert.equal(await dealField(page, 'Loss reason (optional)').count(), 0, 'no reason for an open deal');

  // Won, with a new value: one Save, the card in Won with the value, at the foot.
  await dealField(page, 'Value').fill('70000');
  await stage.selectOption({ label: 'Won' });
  await dealDialog(page).getByRole('button', { name: 'Save', exact: true }).click();
  await dealDialog(page).waitFor({ state: 'detached' });
  const won = card(page, 'Cyberdyne analytics', column(page, 'Won'));
  await won.waitFor();
  assert.match(await won.textContent(), /\$70,000/);
  await waitForStoredBoard(page, (b) => b.deals.some((d) => d.title === 'Cyberdyne analytics' && d.stage === 'won'));
  const stored = (await storedBoard(page)).deals.find((d) => d.title === 'Cyberdyne analytics');
  assert.deepEqual([stored.status, stored.value], ['won', 7_000_000]);
  await page.waitForFunction(() => document.activeElement?.closest?.('[data-stage-id="won"]') !== null);

  // One Undo takes both back: Negotiation and $64,000; one Redo makes both again.
  await undoButton(page).click();
  const back = card(page, 'Cyberdyne analytics', column(page, 'Negotiation'));
  await back.waitFor();
  assert.match(await back.textContent(), /\$64,000/);
  await redoButton(page).click();
  await card(page, 'Cyberdyne analytics', column(page, 'Won')).filter({ hasText: '$70,000' }).waitFor();
  await undoButton(page).click();
  await back.waitFor();

  // Lost: the reason box appears with the choice, and its text goes with the move.
  await openDeal(page, 'Cyberdyne analytics');
  await dealField(page, 'Stage').selectOption({ label: 'Lost' });
  await dealField(page, 'Loss reason (optional)').fill('Went with a competitor');
  await dealDialog(page).getByRole('button', { name: 'Save', exact: true }).click();
  await card(page, 'Cyberdyne analytics', column(page, 'Lost')).waitFor();
  await waitForStoredBoard(page, (b) => b.deals.some((d) => d.title === 'Cyberdyne analytics' && d.loss_reason === 'Went with a competitor'));

  // Only the stage changed counts as typed: Escape asks before dropping it.
  await openDeal(page, 'Acme renewal');
  await dealField(page, 'Stage').selectOption({ label: 'Won' });
  await page.keyboard.press('Escape');
  await dealDialog(page).getByRole('button', { name: 'Discard', exact: true }).waitFor();
  assertNoErrors(app, assert);
});
