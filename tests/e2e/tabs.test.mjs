// Several tabs (issue 3): two pages of one browser context share localStorage. A change saved
// in one shows up in the other without a reload; interleaved edits of different deals all
// survive in both; the same deal edited in both ends the same in both, the later change
// winning; undo history is per tab.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openAppFor,
  openTab,
  stopSharedServer,
  assertNoErrors,
  card,
  cardTitles,
  boardTitles,
  columnById,
  dealDialog,
  fillDeal,
  deleteByMenu,
  addDeal,
  storedBoard,
  waitForLiveRegion,
  undoButton,
} from './helpers.mjs';

after(stopSharedServer);

/** Waits until `check(titlesByStage)` holds in the page (a self-contained function). */
async function waitForBoardState(page, check, timeout = 8_000) {
  await page.waitForFunction(
    (source) => {
      const titles = Object.fromEntries(
        [...document.querySelectorAll('main.board section.stage')].map((s) => [
          s.dataset.stageId,
          [...s.querySelectorAll('article.deal-card h3')].map((h) => h.textContent.trim()),
        ]),
      );
      // eslint-disable-next-line no-new-func
      return new Function('t', `return (${source})(t)`)(titles);
    },
    check.toString(),
    { timeout, polling: 100 },
  );
}

/**
 * Two tabs of one context, both showing the board. A tall window, so that dialogs fit; the
 * tab being worked in is brought to the front first (`use`), as a user would, since a
 * background tab's animation frames are throttled.
 */
async function twoTabs(t) {
  const app = await openAppFor(t, { contextOptions: { viewport: { width: 1600, height: 1000 } } });
  const a = app.page;
  const b = await openTab(app);
  await a.bringToFront();
  return { app, a, b };
}

/** Brings `page` to the front and returns it. */
async function use(page) {
  await page.bringToFront();
  return page;
}

/** Every edit of the interleaving test, checked on the titles of each stage (by stage id). */
function everyEdit(t) {
  return (
    t.proposal.at(-1) === 'Globex pilot' &&
    !t.demo.includes('Globex pilot') &&
    t.negotiation.includes('Cyberdyne analytics v2') &&
    !t.negotiation.includes('Cyberdyne analytics') &&
    !t.lost.includes('Soylent trial') &&
    t.qualified[0] === 'Pied Piper compression' &&
    t.lead.at(-1) === 'Opened in tab A' &&
    !t.lead.includes('Dunder Mifflin paper')
  );
}

const FINAL = {
  Lead: ['Stark upgrade', 'Hooli expansion', 'Vandelay imports', 'Opened in tab A'],
  Qualified: ['Pied Piper compression', 'Umbrella data platform', 'Oscorp backup', 'Stark Asia pilot'],
  Demo: ['Tyrell archive', 'Jinhai retail pilot', 'Wonka logistics'],
  Proposal: ['Initech rollout', 'Massive Dynamic seats', 'Huawen distribution', 'Monarch renewal', 'Globex pilot'],
  Negotiation: ['Acme renewal', 'Cyberdyne analytics v2', 'Aperture research'],
  Won: ['Wayne support', 'Nakatomi storage', 'Gringotts compliance'],
  Lost: ['Black Mesa support'],
};

test('two tabs: interleaved edits of different deals all end up in both tabs and in storage', async (t) => {
  const { app, a, b } = await twoTabs(t);

  // B starts editing Cyberdyne analytics (not saved yet).
  await use(b);
  await card(b, 'Cyberdyne analytics').locator('h3').click();
  await dealDialog(b).waitFor({ state: 'visible' });
  await fillDeal(b, { title: 'Cyberdyne analytics v2' });
  // A moves Globex pilot to the next stage (Demo → bottom of Proposal) …
  await use(a);
  await card(a, 'Globex pilot').focus();
  await a.keyboard.press('Alt+ArrowRight');
  await card(a, 'Globex pilot', columnById(a, 'proposal')).waitFor({ state: 'visible' });
  // … and B saves its edit at once, before A's save (300 ms later) lands.
  await saveNow(b);
  await use(b);
  await dealDialog(b).waitFor({ state: 'detached' });
  // A deletes Soylent trial; B moves Pied Piper compression to the top of Qualified.
  await use(a);
  await deleteByMenu(a, 'Soylent trial');
  await use(b);
  await card(b, 'Pied Piper compression').focus();
  await b.keyboard.press('Alt+Home');
  await waitForLiveRegion(b, '“Pied Piper compression” moved from Qualified, 3 of 4, to Qualified, 1 of 4');
  // A adds a deal; B deletes one.
  await use(a);
  await addDeal(a, { title: 'Opened in tab A', value: '2,500', stage: 'Lead' });
  await use(b);
  await deleteByMenu(b, 'Dunder Mifflin paper');

  // Both tabs end with every edit, without a reload.
  await waitForBoardState(a, everyEdit).catch(() => {});
  await waitForBoardState(b, everyEdit).catch(() => {});
  assert.deepEqual(await boardTitles(a), FINAL, 'tab A shows every edit');
  assert.deepEqual(await boardTitles(b), FINAL, 'tab B shows every edit');

  // Storage settles on the same board.
  await a.waitForTimeout(800);
  const stored = await storedBoard(a);
  const byId = Object.fromEntries(stored.deals.map((d) => [d.id, d]));
  assert.equal(byId['sample-02']?.stage, 'proposal', 'Globex pilot moved (A)');
  assert.equal(byId['sample-10']?.title, 'Cyberdyne analytics v2', 'Cyberdyne renamed (B)');
  assert.equal(byId['sample-08'], undefined, 'Soylent trial deleted (A)');
  assert.equal(byId['sample-18'], undefined, 'Dunder Mifflin paper deleted (B)');
  assert.ok(stored.deals.some((d) => d.title === 'Opened in tab A'), 'the new deal (A)');
  assert.equal(stored.deals.length, 23);

  // A reload of either tab shows the same.
  await a.reload();
  await card(a, 'Globex pilot').waitFor();
  assert.deepEqual(await boardTitles(a), FINAL, 'tab A after a reload');
  await b.reload();
  await card(b, 'Globex pilot').waitFor();
  assert.deepEqual(await boardTitles(b), FINAL, 'tab B after a reload');
  assertNoErrors(app, assert);
});

test('two tabs: a change in one shows up in the other without a reload', async (t) => {
  const { app, a, b } = await twoTabs(t);
  const navigations = [];
  b.on('framenavigated', (f) => navigations.push(f.url()));
  await b.evaluate(() => {
    window.__sameDocument = true;
  });
  await card(a, 'Acme renewal').focus();
  await a.keyboard.press('Alt+ArrowRight');
  await card(b, 'Acme renewal', columnById(b, 'won')).waitFor({ state: 'visible', timeout: 5_000 });
  assert.deepEqual(await cardTitles(b, 'Won'), ['Wayne support', 'Nakatomi storage', 'Gringotts compliance', 'Acme renewal']);
  assert.equal((await card(b, 'Acme renewal').locator('.deal-status').textContent()).trim(), 'Won');
  assert.equal(await b.evaluate(() => window.__sameDocument), true, 'tab B was not reloaded');
  assert.deepEqual(navigations, []);
  assertNoErrors(app, assert);
});

test('two tabs: undo is per tab; Ctrl+Z in B never undoes A’s change', async (t) => {
  const { app, a, b } = await twoTabs(t);
  // A moves Globex pilot to Proposal; B sees it.
  await card(a, 'Globex pilot').focus();
  await a.keyboard.press('Alt+ArrowRight');
  await card(b, 'Globex pilot', columnById(b, 'proposal')).waitFor({ state: 'visible', timeout: 5_000 });
  assert.ok(await undoButton(b).isDisabled(), 'B has nothing of its own to undo');

  // B moves Tyrell archive (now first in Demo) to the next stage.
  await use(b);
  await card(b, 'Tyrell archive').focus();
  await b.keyboard.press('Alt+ArrowRight');
  await card(b, 'Tyrell archive', columnById(b, 'proposal')).waitFor({ state: 'visible' });
  await card(a, 'Tyrell archive', columnById(a, 'proposal')).waitFor({ state: 'visible', timeout: 5_000 });

  // B: Ctrl+Z three times. Only B's own move is undone.
  await use(b);
  await b.locator('h1').click();
  for (let i = 0; i < 3; i += 1) {
    await b.keyboard.press('Control+z');
    await b.waitForTimeout(100);
  }
  await card(b, 'Tyrell archive', columnById(b, 'demo')).waitFor({ state: 'visible' });
  assert.equal(await card(b, 'Globex pilot', columnById(b, 'proposal')).count(), 1, 'A’s move stays in B');
  assert.ok(await undoButton(b).isDisabled());

  // A sees B's undo, keeps its own move, and can still undo it itself.
  await use(a);
  await card(a, 'Tyrell archive', columnById(a, 'demo')).waitFor({ state: 'visible', timeout: 5_000 });
  assert.equal(await card(a, 'Globex pilot', columnById(a, 'proposal')).count(), 1, 'A’s move stays in A');
  assert.ok(await undoButton(a).isEnabled(), 'A can undo its own move');
  await undoButton(a).click();
  await card(a, 'Globex pilot', columnById(a, 'demo')).waitFor({ state: 'visible' });
  await card(b, 'Globex pilot', columnById(b, 'demo')).waitFor({ state: 'visible', timeout: 5_000 });
  const expected = ['Globex pilot', 'Tyrell archive', 'Jinhai retail pilot', 'Wonka logistics'];
  assert.deepEqual(await cardTitles(a, 'Demo'), expected);
  assert.deepEqual(await cardTitles(b, 'Demo'), expected);
  await a.waitForTimeout(800);
  const stored = await storedBoard(a);
  assert.equal(stored.deals.find((d) => d.id === 'sample-02').stage, 'demo');
  assert.equal(stored.deals.find((d) => d.id === 'sample-09').stage, 'demo');
  assertNoErrors(app, assert);
});

/** Clicks the Save button of the page's open deal dialog at once (no waiting for animation frames). */
function saveNow(page) {
  return page.evaluate(() => {
    const save = [...document.querySelectorAll('[role=dialog] button')].find((b) => b.textContent.trim() === 'Save');
    save.click();
  });
}

/** What tab `page` itself holds for the first card of Proposal: the card's title and its dialog's. */
async function firstProposalCard(page) {
  const first = page.locator('[data-stage-id=proposal] article.deal-card').first();
  const shown = (await first.locator('h3').textContent()).trim();
  await first.locator('.deal-customer').click();
  await dealDialog(page).waitFor({ state: 'visible' });
  const inDialog = await dealDialog(page).getByLabel('Title', { exact: true }).inputValue();
  await page.keyboard.press('Escape');
  await dealDialog(page).waitFor({ state: 'detached' });
  return { shown, inDialog };
}

test('two tabs: the same deal changed once in each tab; the later change wins in both', async (t) => {
  const { app, a, b } = await twoTabs(t);
  // B opens Initech rollout and types a new title (not saved yet).
  await use(b);
  await card(b, 'Initech rollout').locator('h3').click();
  await dealDialog(b).waitFor({ state: 'visible' });
  await fillDeal(b, { title: 'Initech rollout (B)' });
  // A moves the same deal down one place; B saves right after, well inside A's 300 ms save
  // delay, so neither tab has seen the other's change: B's is the later one.
  await use(a);
  await card(a, 'Initech rollout').focus();
  await a.keyboard.press('Alt+ArrowDown');
  await saveNow(b);
  await waitForLiveRegion(a, '“Initech rollout” moved from Proposal, 1 of 4, to Proposal, 2 of 4');
  await dealDialog(b).waitFor({ state: 'detached' });

  await a.waitForTimeout(1_500);
  const stored = (await storedBoard(a)).deals.find((d) => d.id === 'sample-03');
  assert.equal(stored.title, 'Initech rollout (B)', 'the later change (B’s title) wins in storage');
  const inA = await cardTitles(a, 'Proposal');
  const inB = await cardTitles(b, 'Proposal');
  assert.deepEqual(inB, ['Initech rollout (B)', 'Massive Dynamic seats', 'Huawen distribution', 'Monarch renewal'], 'tab B');
  // Tab A merged B's version (the card is back at the top), so it must show B's title too.
  const firstInA = await firstProposalCard(a);
  assert.deepEqual(
    inA,
    inB,
    `tab A must show what it holds: its first Proposal card reads ${JSON.stringify(firstInA.shown)} ` +
      `while opening it shows ${JSON.stringify(firstInA.inDialog)}`,
  );
  assertNoErrors(app, assert);
});

test('two tabs: the same deal, two quick changes in A then a later one in B; the later change wins', async (t) => {
  const { app, a, b } = await twoTabs(t);
  await use(b);
  await card(b, 'Initech rollout').locator('h3').click();
  await dealDialog(b).waitFor({ state: 'visible' });
  await fillDeal(b, { title: 'Initech rollout (B)' });
  // A moves it down twice in quick succession (two changes of the deal), then B saves its
  // title at once, before A's save has landed: B's change is the later one.
  await use(a);
  await card(a, 'Initech rollout').focus();
  await a.keyboard.press('Alt+ArrowDown');
  await a.keyboard.press('Alt+ArrowDown');
  await saveNow(b);
  await waitForLiveRegion(a, '“Initech rollout” moved from Proposal, 2 of 4, to Proposal, 3 of 4');
  await dealDialog(b).waitFor({ state: 'detached' });

  await a.waitForTimeout(1_500);
  const inA = await cardTitles(a, 'Proposal');
  const inB = await cardTitles(b, 'Proposal');
  const stored = (await storedBoard(a)).deals.find((d) => d.id === 'sample-03');
  assert.deepEqual(inA, inB, 'both tabs end the same');
  assert.equal(
    stored.title,
    'Initech rollout (B)',
    `the later change (B's title, saved after A's moves) should win; tabs show ${JSON.stringify(inA)}, stored revision ${stored.revision}`,
  );
  assertNoErrors(app, assert);
});
