// The view in the address: the rep filter, search, off-track filter and the Targets page are
// written after `#`, so a reload keeps them and a link opens them; the address is replaced, not
// added to the history; a link typed by hand is read as the board spells its names.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openAppFor,
  stopSharedServer,
  assertNoErrors,
  ownerFilter,
  allCardTitles,
  targetsView,
  openTargets,
  openBoardView,
  waitForBoard,
} from './helpers.mjs';

after(stopSharedServer);

const hash = (page) => page.evaluate(() => location.hash);

/** The titles of the cards whose owner is `owner` (on the unfiltered sample board), sorted. */
function titlesOf(page, owner) {
  return page.evaluate((owner) =>
    [...document.querySelectorAll('article.deal-card')]
      .filter((c) => c.querySelector('.deal-owner')?.title === owner)
      .map((c) => c.querySelector('h3').textContent.trim())
      .sort(), owner);
}

test('Address: filters and the page are kept in the address, survive a reload and open from a link', async (t) => {
  const app = await openAppFor(t);
  const { page } = app;
  assert.equal(await hash(page), '', 'the whole board needs no link');
  const entries = await page.evaluate(() => history.length);
  const everyone = (await allCardTitles(page)).length;

  await ownerFilter(page).selectOption('Alice Chen');
  await page.waitForFunction(() => location.hash === '#owner=Alice%20Chen');
  const alices = await titlesOf(page, 'Alice Chen');
  assert.deepEqual((await allCardTitles(page)).sort(), alices);

  await page.getByRole('searchbox').fill('a b');
  await page.waitForFunction(() => location.hash === '#q=a%20b&owner=Alice%20Chen');
  await page.getByRole('searchbox').fill('');
  await page.waitForFunction(() => location.hash === '#owner=Alice%20Chen');
  assert.equal(await page.evaluate(() => history.length), entries, 'replaced, not added to history');

  // A reload keeps the rep's view.
  await page.reload();
  await waitForBoard(page);
  assert.equal(await ownerFilter(page).inputValue(), 'Alice Chen');
  assert.deepEqual((await allCardTitles(page)).sort(), alices);

  // The Targets page too.
  await openTargets(page);
  await page.waitForFunction(() => location.hash === '#owner=Alice%20Chen&page=targets');
  await page.reload();
  await targetsView(page).waitFor({ state: 'visible' });
  await openBoardView(page);
  await page.waitForFunction(() => location.hash === '#owner=Alice%20Chen');

  // Changing the address in the page (a link followed) changes the view; a name is read as
  // the board spells it, whatever its case; a rep no deal has is left out.
  await page.evaluate(() => { location.hash = '#owner=ben+okafor&off'; });
  await page.waitForFunction(() => location.hash === '#owner=Ben%20Okafor&off');
  assert.equal(await ownerFilter(page).inputValue(), 'Ben Okafor');
  assert.equal(await page.getByTestId('off-track-filter').getAttribute('aria-pressed'), 'true');
  await page.evaluate(() => { location.hash = '#owner=Nobody'; });
  await page.waitForFunction(() => location.hash === '');
  assert.equal(await ownerFilter(page).inputValue(), '');
  assert.equal((await allCardTitles(page)).length, everyone);
  assert.equal(await page.evaluate(() => location.href.includes('#')), false, 'no empty # left');
  assertNoErrors(app, assert);
});

test('Address: a link to one rep opens a new tab on their deals', async (t) => {
  const app = await openAppFor(t);
  const { page } = app;
  const carlas = await titlesOf(page, 'Carla Ruiz');
  assert.ok(carlas.length > 0);
  await page.goto(`${page.url().split('#')[0]}#owner=Carla%20Ruiz&page=targets`);
  await targetsView(page).waitFor({ state: 'visible' });
  await openBoardView(page);
  assert.deepEqual((await allCardTitles(page)).sort(), carlas);
  assertNoErrors(app, assert);
});
