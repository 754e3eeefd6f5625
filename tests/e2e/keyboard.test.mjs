// Moving cards with the keyboard (issue 3): Tab reaches every card, Alt+arrows and Alt+Home
// move the focused card, the card menu offers Move up / Move down / Move to top; each move is
// announced in the live region and focus stays on the moved card. `?` opens the shortcuts.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openAppFor,
  stopSharedServer,
  assertNoErrors,
  card,
  column,
  cardTitles,
  cardIds,
  boardTitles,
  dealDialog,
  liveRegion,
  activeDealId,
  openMenu,
  storedStageIds,
  waitForStoredBoard,
  waitForLiveRegion,
  waitForFocusOn,
  undoButton,
  toast,
} from './helpers.mjs';

after(stopSharedServer);

/** Presses `key` on the focused card and waits for the announcement `text`. */
async function pressAndHear(page, key, text) {
  await page.keyboard.press(key);
  return waitForLiveRegion(page, text);
}

test('keyboard: Tab reaches the cards; Enter opens one and m opens its menu', async (t) => {
  const app = await openAppFor(t);
  const { page } = app;
  // From the top of the page, Tab until a card has focus: the first card of the first stage.
  await page.locator('h1').click();
  let presses = 0;
  while ((await activeDealId(page)) === '' && presses < 40) {
    await page.keyboard.press('Tab');
    presses += 1;
  }
  assert.equal(await activeDealId(page), 'sample-05', 'the first card reached with Tab is Stark upgrade');
  // Tab goes on to the card's menu button, then to the next card.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Actions for Stark upgrade');
  await page.keyboard.press('Tab');
  assert.equal(await activeDealId(page), 'sample-07', 'then Hooli expansion');

  // Every card is focusable.
  const tabindexes = await page.locator('article.deal-card').evaluateAll((els) => els.map((e) => e.tabIndex));
  assert.equal(tabindexes.length, 24);
  assert.ok(tabindexes.every((i) => i === 0), `every card has tabindex 0: ${tabindexes}`);

  // m opens the focused card's menu on its first item; Escape closes it.
  await page.keyboard.press('m');
  const menu = card(page, 'Hooli expansion').getByRole('menu');
  await menu.waitFor({ state: 'visible' });
  const items = (await menu.getByRole('menuitem').evaluateAll((items) => items.map((el) => el.getAttribute('aria-label') ?? el.textContent))).map((s) => s.trim());
  assert.deepEqual(items, [
    'Edit',
    'Next step done',
    'Move to Qualified',
    'Move to Demo',
    'Move to Proposal',
    'Move to Negotiation',
    'Move to Won',
    'Move to Lost',
    'Move up',
    'Move down',
    'Move to top',
    'Delete',
  ]);
  await page.keyboard.press('Escape');
  await menu.waitFor({ state: 'detached' });

  // Enter on a focused card opens it.
  await card(page, 'Vandelay imports').focus();
  await page.keyboard.press('Enter');
  const dialog = dealDialog(page);
  await dialog.waitFor({ state: 'visible' });
  assert.equal(await dialog.getByLabel('Title', { exact: true }).inputValue(), 'Vandelay imports');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assertNoErrors(app, assert);
});

test('keyboard: Alt+arrows and Alt+Home move the focused card; announced; focus follows', async (t) => {
  const app = await openAppFor(t);
  const { page } = app;
  // Oscorp backup is the 2nd of 4 in Qualified (sample-12).
  await card(page, 'Oscorp backup').focus();
  assert.equal(await activeDealId(page), 'sample-12');

  // Alt+ArrowDown: one down within the stage.
  assert.equal(
    await pressAndHear(page, 'Alt+ArrowDown', '“Oscorp backup” moved from Qualified, 2 of 4, to Qualified, 3 of 4'),
    '“Oscorp backup” moved from Qualified, 2 of 4, to Qualified, 3 of 4',
  );
  assert.deepEqual(await cardTitles(page, 'Qualified'), ['Umbrella data platform', 'Pied Piper compression', 'Oscorp backup', 'Stark Asia pilot']);
  assert.equal(await waitForFocusOn(page, 'sample-12'), 'sample-12', 'focus stays on the moved card');

  // Alt+ArrowRight: to the bottom of the next stage.
  assert.equal(
    await pressAndHear(page, 'Alt+ArrowRight', '“Oscorp backup” moved from Qualified, 3 of 4, to Demo, 5 of 5'),
    '“Oscorp backup” moved from Qualified, 3 of 4, to Demo, 5 of 5',
  );
  assert.deepEqual(await cardTitles(page, 'Demo'), ['Globex pilot', 'Tyrell archive', 'Jinhai retail pilot', 'Wonka logistics', 'Oscorp backup']);
  assert.deepEqual(await cardTitles(page, 'Qualified'), ['Umbrella data platform', 'Pied Piper compression', 'Stark Asia pilot']);
  assert.equal(await waitForFocusOn(page, 'sample-12'), 'sample-12');

  // Alt+ArrowUp, then Alt+Home.
  assert.equal(
    await pressAndHear(page, 'Alt+ArrowUp', '“Oscorp backup” moved from Demo, 5 of 5, to Demo, 4 of 5'),
    '“Oscorp backup” moved from Demo, 5 of 5, to Demo, 4 of 5',
  );
  assert.equal(await waitForFocusOn(page, 'sample-12'), 'sample-12');
  assert.equal(
    await pressAndHear(page, 'Alt+Home', '“Oscorp backup” moved from Demo, 4 of 5, to Demo, 1 of 5'),
    '“Oscorp backup” moved from Demo, 4 of 5, to Demo, 1 of 5',
  );
  assert.deepEqual(await cardTitles(page, 'Demo'), ['Oscorp backup', 'Globex pilot', 'Tyrell archive', 'Jinhai retail pilot', 'Wonka logistics']);
  assert.equal(await waitForFocusOn(page, 'sample-12'), 'sample-12');

  // Alt+ArrowLeft: back to the bottom of the previous stage.
  assert.equal(
    await pressAndHear(page, 'Alt+ArrowLeft', '“Oscorp backup” moved from Demo, 1 of 5, to Qualified, 4 of 4'),
    '“Oscorp backup” moved from Demo, 1 of 5, to Qualified, 4 of 4',
  );
  assert.deepEqual(await cardTitles(page, 'Qualified'), ['Umbrella data platform', 'Pied Piper compression', 'Stark Asia pilot', 'Oscorp backup']);
  assert.deepEqual(await cardTitles(page, 'Demo'), ['Globex pilot', 'Tyrell archive', 'Jinhai retail pilot', 'Wonka logistics']);
  assert.equal(await waitForFocusOn(page, 'sample-12'), 'sample-12');

  // Ctrl+Z on the focused card takes the move back, and focus goes with the card to its old
  // column rather than to the page's top; Ctrl+Shift+Z the same way forward.
  await page.keyboard.press('Control+z');
  await card(page, 'Oscorp backup', column(page, 'Demo')).waitFor();
  assert.equal(await waitForFocusOn(page, 'sample-12'), 'sample-12', 'focus follows the undone move');
  await page.keyboard.press('Control+Shift+Z');
  await card(page, 'Oscorp backup', column(page, 'Qualified')).waitFor();
  assert.equal(await waitForFocusOn(page, 'sample-12'), 'sample-12', 'and the redone one');

  await waitForStoredBoard(page, (b) => {
    const q = b.deals.filter((d) => d.stage === 'qualified').sort((x, y) => x.rank - y.rank);
    return q.at(-1)?.id === 'sample-12';
  });
  assert.deepEqual(await storedStageIds(page, 'qualified'), ['sample-04', 'sample-17', 'sample-24', 'sample-12']);
  assert.deepEqual(await storedStageIds(page, 'demo'), ['sample-02', 'sample-09', 'sample-16', 'sample-21']);
  assert.equal(await dealDialog(page).count(), 0, 'no dialog opened along the way');
  assertNoErrors(app, assert);
});

test('keyboard: the card menu’s Move up, Move down and Move to top', async (t) => {
  const app = await openAppFor(t);
  const { page } = app;
  const menuItem = async (title, name) => {
    const menu = await openMenu(page, title);
    await menu.getByRole('menuitem', { name, exact: true }).click();
  };

  // Huawen distribution is 3rd of 4 in Proposal (sample-15).
  await menuItem('Huawen distribution', 'Move up');
  assert.equal(
    await waitForLiveRegion(page, '“Huawen distribution” moved from Proposal, 3 of 4, to Proposal, 2 of 4'),
    '“Huawen distribution” moved from Proposal, 3 of 4, to Proposal, 2 of 4',
  );
  assert.deepEqual(await cardTitles(page, 'Proposal'), ['Initech rollout', 'Huawen distribution', 'Massive Dynamic seats', 'Monarch renewal']);
  assert.equal(await waitForFocusOn(page, 'sample-15'), 'sample-15', 'focus is on the moved card, not lost with the menu');

  await menuItem('Monarch renewal', 'Move to top');
  assert.equal(
    await waitForLiveRegion(page, '“Monarch renewal” moved from Proposal, 4 of 4, to Proposal, 1 of 4'),
    '“Monarch renewal” moved from Proposal, 4 of 4, to Proposal, 1 of 4',
  );
  assert.deepEqual(await cardTitles(page, 'Proposal'), ['Monarch renewal', 'Initech rollout', 'Huawen distribution', 'Massive Dynamic seats']);
  assert.equal(await waitForFocusOn(page, 'sample-23'), 'sample-23');

  await menuItem('Initech rollout', 'Move down');
  assert.equal(
    await waitForLiveRegion(page, '“Initech rollout” moved from Proposal, 2 of 4, to Proposal, 3 of 4'),
    '“Initech rollout” moved from Proposal, 2 of 4, to Proposal, 3 of 4',
  );
  assert.deepEqual(await cardTitles(page, 'Proposal'), ['Monarch renewal', 'Huawen distribution', 'Initech rollout', 'Massive Dynamic seats']);
  assert.deepEqual(await cardIds(page, 'proposal'), ['sample-23', 'sample-15', 'sample-03', 'sample-11']);
  assert.equal(await waitForFocusOn(page, 'sample-03'), 'sample-03');

  // The menu works from the keyboard too: m, then End/ArrowUp to "Move to top", Enter.
  await card(page, 'Massive Dynamic seats').focus();
  await page.keyboard.press('m');
  const menu = card(page, 'Massive Dynamic seats').getByRole('menu');
  await menu.waitFor({ state: 'visible' });
  await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'menuitem');
  // The last card has no Move down.
  const items = (await menu.getByRole('menuitem').evaluateAll((items) => items.map((el) => el.getAttribute('aria-label') ?? el.textContent))).map((s) => s.trim());
  assert.deepEqual(items.slice(-3), ['Move up', 'Move to top', 'Delete']);
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Move to top');
  await page.keyboard.press('Enter');
  assert.equal(
    await waitForLiveRegion(page, '“Massive Dynamic seats” moved from Proposal, 4 of 4, to Proposal, 1 of 4'),
    '“Massive Dynamic seats” moved from Proposal, 4 of 4, to Proposal, 1 of 4',
  );
  assert.equal(await waitForFocusOn(page, 'sample-11'), 'sample-11');
  assert.equal(await dealDialog(page).count(), 0, 'Enter on the menu item does not open the card');
  await waitForStoredBoard(page, (b) => {
    const p = b.deals.filter((d) => d.stage === 'proposal').sort((x, y) => x.rank - y.rank);
    return p[0]?.id === 'sample-11';
  });
  assert.deepEqual(await storedStageIds(page, 'proposal'), ['sample-11', 'sample-23', 'sample-15', 'sample-03']);
  assertNoErrors(app, assert);
});

test('keyboard: a move past the edge of the board or of a stage does nothing', async (t) => {
  const app = await openAppFor(t);
  const { page } = app;
  const before = await boardTitles(page);
  const nothingHappened = async (what) => {
    await page.waitForTimeout(250);
    assert.deepEqual(await boardTitles(page), before, `${what}: no card moved`);
    assert.equal(await liveRegion(page), '', `${what}: nothing is announced`);
    assert.equal(await toast(page).count(), 0, `${what}: no Undo toast`);
    assert.ok(await undoButton(page).isDisabled(), `${what}: nothing to undo`);
  };

  // First card of the first stage: up, left and to the top go nowhere.
  await card(page, 'Stark upgrade').focus();
  await page.keyboard.press('Alt+ArrowUp');
  await nothingHappened('Alt+ArrowUp on the top card');
  await page.keyboard.press('Alt+ArrowLeft');
  await nothingHappened('Alt+ArrowLeft in the first stage');
  // Last card of the last stage: right goes nowhere.
  await card(page, 'Black Mesa support').focus();
  await page.keyboard.press('Alt+ArrowRight');
  await nothingHappened('Alt+ArrowRight in the last stage');
  // Down from the bottom card and to the top from the top card are no moves either.
  await card(page, 'Dunder Mifflin paper').focus();
  await page.keyboard.press('Alt+ArrowDown');
  await nothingHappened('Alt+ArrowDown on the bottom card');
  await card(page, 'Stark upgrade').focus();
  await page.keyboard.press('Alt+Home');
  await nothingHappened('Alt+Home on the top card');
  assertNoErrors(app, assert);
});

test('keyboard: ? opens the shortcuts dialog, Escape closes it', async (t) => {
  const app = await openAppFor(t);
  const { page } = app;
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await card(page, 'Acme renewal').focus();
  await page.keyboard.press('?');
  await help.waitFor({ state: 'visible' });
  assert.equal(await help.getAttribute('aria-modal'), 'true');
  const keys = (await help.locator('kbd').allTextContents()).map((s) => s.trim());
  for (const k of ['/', 'N', 'Enter', 'M', 'Alt + ↑ / ↓', 'Alt + ← / →', 'Alt + Home', 'Ctrl/⌘ + Z, Ctrl/⌘ + Shift + Z', 'Esc']) {
    assert.ok(keys.includes(k), `the dialog lists ${k}: ${JSON.stringify(keys)}`);
  }
  // Each key with what it does, as a term and its description.
  const pairs = await help.locator('dl.shortcuts > div').evaluateAll((ds) =>
    ds.map((d) => [d.querySelector('dt kbd').textContent, d.querySelector('dd').textContent]));
  assert.deepEqual(pairs[0], ['/', 'Search deals']);
  assert.equal(pairs.length, 10);
  // Focus moves into the dialog (its Close button).
  assert.equal(await page.evaluate(() => !!document.activeElement?.closest('[role=dialog]')), true);
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'detached' });

  // Opened from the header's “Shortcuts (?)” button too, and closed with Close.
  await page.locator('header.board-header').getByRole('button', { name: 'Shortcuts (?)', exact: true }).click();
  await help.waitFor({ state: 'visible' });
  await help.getByRole('button', { name: 'Close', exact: true }).click();
  await help.waitFor({ state: 'detached' });

  // Typed into the search box, ? is just a character.
  const search = page.getByRole('searchbox', { name: 'Search deals' });
  await search.focus();
  await page.keyboard.press('?');
  assert.equal(await search.inputValue(), '?');
  await page.waitForTimeout(150);
  assert.equal(await help.count(), 0, '? in a text field does not open the dialog');
  assertNoErrors(app, assert);
});
