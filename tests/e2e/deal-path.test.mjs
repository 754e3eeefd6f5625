// A deal's stage history in its dialog (`domain::stays`): each stage it entered, the day, and
// the days it stayed, the stage it is in now marked; a move adds a line. On a fixed day
// (Playwright's clock) so the sample's history has exact dates.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openAppFor, stopSharedServer, assertNoErrors, card, dealDialog, moveByMenu, LANG_KEY } from './helpers.mjs';

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
