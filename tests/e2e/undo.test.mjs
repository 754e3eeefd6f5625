// Undo and redo (issue 3): after a drag (header buttons, Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y), after
// a delete (the toast's Undo), after an edit and a creation; what is undone is saved like any
// other change and survives a reload.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openAppFor,
  stopSharedServer,
  assertNoErrors,
  card,
  cardTitles,
  boardTitles,
  columnById,
  dealDialog,
  liveRegion,
  pointIn,
  mouseDrag,
  deleteByMenu,
  openMenu,
  editDeal,
  addDeal,
  storedBoard,
  storedStageIds,
  waitForStoredBoard,
  waitForLiveRegion,
  undoButton,
  redoButton,
  toast,
  waitForFocusOn,
} from './helpers.mjs';

after(stopSharedServer);

const WIDE = { contextOptions: { viewport: { width: 1800, height: 1000 } } };
const DEMO = ['Globex pilot', 'Tyrell archive', 'Jinhai retail pilot', 'Wonka logistics'];
const PROPOSAL = ['Initech rollout', 'Massive Dynamic seats', 'Huawen distribution', 'Monarch renewal'];
const PROPOSAL_AFTER = ['Initech rollout', 'Globex pilot', 'Massive Dynamic seats', 'Huawen distribution', 'Monarch renewal'];

/** Waits until the stored board has sample-02 (Globex pilot) in `stage` at 0-based `index`. */
async function storedGlobexAt(page, stage, index) {
  await waitForStoredBoard(
    page,
    new Function(
      'board',
      `const deals = board.deals.filter((d) => d.stage === ${JSON.stringify(stage)}).sort((a, b) => a.rank - b.rank);
       return deals[${index}]?.id === 'sample-02';`,
    ),
  );
}

test('undo after a drag: Undo button, Ctrl+Shift+Z, Ctrl+Z, Ctrl+Y; each saved', async (t) => {
  const app = await openAppFor(t, WIDE);
  const { page } = app;
  assert.ok(await undoButton(page).isDisabled(), 'nothing to undo at first');
  assert.ok(await redoButton(page).isDisabled(), 'nothing to redo at first');

  const target = await pointIn(card(page, 'Massive Dynamic seats'), { fx: 0.5, fy: 0.25 });
  await mouseDrag(page, card(page, 'Globex pilot'), target);
  await card(page, 'Globex pilot', columnById(page, 'proposal')).waitFor({ state: 'visible' });
  assert.deepEqual(await cardTitles(page, 'Proposal'), PROPOSAL_AFTER);
  assert.ok(await undoButton(page).isEnabled(), 'the drag can be undone');
  await storedGlobexAt(page, 'proposal', 1);

  // The header's Undo button: back to the top of Demo.
  await undoButton(page).click();
  await card(page, 'Globex pilot', columnById(page, 'demo')).waitFor({ state: 'visible' });
  assert.deepEqual(await cardTitles(page, 'Demo'), DEMO);
  assert.deepEqual(await cardTitles(page, 'Proposal'), PROPOSAL);
  assert.equal(await liveRegion(page), 'Undone');
  assert.ok(await redoButton(page).isEnabled(), 'the undone drag can be redone');
  assert.ok(await undoButton(page).isDisabled(), 'only one step was taken');
  // Undo went disabled under the focus: Redo has it, not the page.
  await page.waitForFunction(() => document.activeElement?.classList.contains('redo-button'));
  await storedGlobexAt(page, 'demo', 0);
  assert.deepEqual(await storedStageIds(page, 'demo'), ['sample-02', 'sample-09', 'sample-16', 'sample-21']);
  assert.deepEqual(await storedStageIds(page, 'proposal'), ['sample-03', 'sample-11', 'sample-15', 'sample-23']);
  const undone = (await storedBoard(page)).deals.find((d) => d.id === 'sample-02');
  assert.equal(undone.stage, 'demo');
  assert.equal(undone.status, 'open');

  // Ctrl+Shift+Z redoes (focus is not in a text field).
  await page.locator('h1').click();
  await page.keyboard.press('Control+Shift+Z');
  await card(page, 'Globex pilot', columnById(page, 'proposal')).waitFor({ state: 'visible' });
  assert.deepEqual(await cardTitles(page, 'Proposal'), PROPOSAL_AFTER);
  assert.equal(await liveRegion(page), 'Redone');
  await storedGlobexAt(page, 'proposal', 1);

  // Ctrl+Z undoes again, Ctrl+Y redoes again.
  await page.keyboard.press('Control+z');
  await card(page, 'Globex pilot', columnById(page, 'demo')).waitFor({ state: 'visible' });
  assert.deepEqual(await cardTitles(page, 'Demo'), DEMO);
  await page.keyboard.press('Control+y');
  await card(page, 'Globex pilot', columnById(page, 'proposal')).waitFor({ state: 'visible' });
  assert.deepEqual(await cardTitles(page, 'Proposal'), PROPOSAL_AFTER);

  // Ctrl+Z in the search box is the text field's own undo, not the board's.
  const search = page.getByRole('searchbox', { name: 'Search deals' });
  await search.fill('x');
  await search.press('Control+z');
  await page.waitForTimeout(200);
  assert.deepEqual(await cardTitles(page, 'Proposal'), PROPOSAL_AFTER, 'Ctrl+Z in a text field leaves the board alone');
  await search.fill('');

  // Finally undone, and that is what a reload shows.
  await page.locator('h1').click();
  await page.keyboard.press('Control+z');
  await card(page, 'Globex pilot', columnById(page, 'demo')).waitFor({ state: 'visible' });
  await storedGlobexAt(page, 'demo', 0);
  await app.reload();
  assert.deepEqual(await cardTitles(page, 'Demo'), DEMO);
  assert.deepEqual(await cardTitles(page, 'Proposal'), PROPOSAL);
  assert.ok(await undoButton(page).isDisabled(), 'history is not kept across a reload');
  assertNoErrors(app, assert);
});

test('the toast after a move shows what happened; its Undo puts the card back', async (t) => {
  const app = await openAppFor(t, WIDE);
  const { page } = app;
  await card(page, 'Acme renewal').focus();
  await page.keyboard.press('Alt+ArrowRight');
  const text = '“Acme renewal” moved from Negotiation, 1 of 3, to Won, 4 of 4';
  assert.equal(await waitForLiveRegion(page, text), text);
  await toast(page).waitFor({ state: 'visible' });
  // The toast says where it went, shorter than the announcement (whose positions are for
  // screen readers).
  assert.equal((await toast(page).locator('span').textContent()).trim(), '“Acme renewal” moved to Won');
  await toast(page).getByRole('button', { name: 'Undo', exact: true }).click();
  await card(page, 'Acme renewal', columnById(page, 'negotiation')).waitFor({ state: 'visible' });
  assert.deepEqual(await cardTitles(page, 'Negotiation'), ['Acme renewal', 'Cyberdyne analytics', 'Aperture research']);
  assert.deepEqual(await cardTitles(page, 'Won'), ['Wayne support', 'Nakatomi storage', 'Gringotts compliance']);
  assert.equal(await card(page, 'Acme renewal').locator('.deal-status').count(), 0, 'no longer marked won');
  assert.equal(await toast(page).count(), 0, 'the toast goes once used');
  assert.equal(await waitForFocusOn(page, 'sample-01'), 'sample-01', 'focus goes to the card put back, not the page top');
  await waitForStoredBoard(page, (b) => {
    const d = b.deals.find((x) => x.id === 'sample-01');
    return d?.stage === 'negotiation' && d.status === 'open' && d.won_at == null;
  });
  assertNoErrors(app, assert);
});

test('undo after a delete with the toast’s Undo button: the deal is back, saved, after reload too', async (t) => {
  const app = await openAppFor(t, WIDE);
  const { page } = app;
  const before = await boardTitles(page);
  await deleteByMenu(page, 'Tyrell archive');
  assert.deepEqual(await cardTitles(page, 'Demo'), ['Globex pilot', 'Jinhai retail pilot', 'Wonka logistics']);
  await waitForStoredBoard(page, (b) => !b.deals.some((d) => d.id === 'sample-09'));
  const tombstones = (await storedBoard(page)).deleted.map((x) => x.id);
  assert.ok(tombstones.includes('sample-09'), `the deletion is recorded: ${tombstones}`);

  await toast(page).waitFor({ state: 'visible' });
  assert.equal((await toast(page).locator('span').textContent()).trim(), 'Deleted “Tyrell archive”');
  await toast(page).getByRole('button', { name: 'Undo', exact: true }).click();
  await card(page, 'Tyrell archive', columnById(page, 'demo')).waitFor({ state: 'visible' });
  assert.deepEqual(await boardTitles(page), before, 'the deal is back in its place');
  assert.equal(await waitForFocusOn(page, 'sample-09'), 'sample-09', 'focus on the deal put back');
  assert.equal((await card(page, 'Tyrell archive').locator('.deal-value').textContent()).trim(), '$33,000');

  await waitForStoredBoard(page, (b) => b.deals.some((d) => d.id === 'sample-09'));
  const saved = await storedBoard(page);
  assert.equal(saved.deals.length, 24);
  assert.ok(!saved.deleted.some((x) => x.id === 'sample-09'), 'the tombstone is gone');
  const tyrell = saved.deals.find((d) => d.id === 'sample-09');
  assert.equal(tyrell.title, 'Tyrell archive');
  assert.equal(tyrell.stage, 'demo');
  assert.equal(tyrell.value, 3_300_000);
  assert.deepEqual(await storedStageIds(page, 'demo'), ['sample-02', 'sample-09', 'sample-16', 'sample-21']);

  await app.reload();
  assert.deepEqual(await boardTitles(page), before, 'after a reload');
  assertNoErrors(app, assert);
});

test('the toast goes away by itself after a few seconds', async (t) => {
  const app = await openAppFor(t);
  const { page } = app;
  await deleteByMenu(page, 'Wonka logistics');
  await toast(page).waitFor({ state: 'visible' });
  const shown = Date.now();
  await toast(page).waitFor({ state: 'detached', timeout: 9_000 });
  const lasted = Date.now() - shown;
  assert.ok(lasted > 4_000 && lasted < 8_000, `the toast stayed ${lasted} ms (about 6 s)`);
  // Undo still works from the header once the toast is gone.
  await undoButton(page).click();
  await card(page, 'Wonka logistics', columnById(page, 'demo')).waitFor({ state: 'visible' });
  assertNoErrors(app, assert);
});

test('undo and redo an edit and a creation', async (t) => {
  const app = await openAppFor(t);
  const { page } = app;
  await editDeal(page, 'Hooli expansion', { title: 'Hooli expansion (EMEA)', value: '50,000' });
  await addDeal(page, { title: 'Brand new deal', value: '1,000', stage: 'Qualified' });
  assert.equal((await cardTitles(page, 'Qualified')).at(-1), 'Brand new deal');

  await page.locator('h1').click();
  await page.keyboard.press('Control+z');
  await card(page, 'Brand new deal').waitFor({ state: 'detached' });
  await page.keyboard.press('Control+z');
  await card(page, 'Hooli expansion').waitFor({ state: 'visible' });
  assert.equal((await card(page, 'Hooli expansion').locator('.deal-value').textContent()).trim(), '$42,000');
  assert.equal(await card(page, 'Hooli expansion (EMEA)').count(), 0);
  await waitForStoredBoard(
    page,
    (b) => b.deals.find((d) => d.id === 'sample-07')?.title === 'Hooli expansion' && !b.deals.some((d) => d.title === 'Brand new deal'),
  );

  await page.keyboard.press('Control+Shift+Z');
  await card(page, 'Hooli expansion (EMEA)').waitFor({ state: 'visible' });
  await page.keyboard.press('Control+Shift+Z');
  await card(page, 'Brand new deal', columnById(page, 'qualified')).waitFor({ state: 'visible' });
  assert.ok(await redoButton(page).isDisabled(), 'everything redone');
  await waitForStoredBoard(
    page,
    (b) => b.deals.find((d) => d.id === 'sample-07')?.title === 'Hooli expansion (EMEA)' && b.deals.some((d) => d.title === 'Brand new deal'),
  );
  assert.equal(await dealDialog(page).count(), 0);
  assertNoErrors(app, assert);
});

test('the Undo toast does not cover the buttons of a dialog opened while it shows', async (t) => {
  // Playwright's default window, 1280×720, like a common laptop screen.
  const app = await openAppFor(t);
  const { page } = app;
  await card(page, 'Acme renewal').focus();
  await page.keyboard.press('Alt+ArrowDown');
  await toast(page).waitFor({ state: 'visible' });
  // Within the toast's 6 s, delete another deal from its menu: the confirmation opens.
  const menu = await openMenu(page, 'Stark upgrade');
  await menu.getByRole('menuitem', { name: 'Delete', exact: true }).click();
  const confirm = dealDialog(page).getByRole('alertdialog');
  await confirm.waitFor({ state: 'visible' });
  for (const name of ['Confirm', 'Cancel']) {
    const button = confirm.getByRole('button', { name, exact: true });
    await button.scrollIntoViewIfNeeded();
    const box = await button.boundingBox();
    const hit = await page.evaluate(
      ([x, y]) => {
        const el = document.elementFromPoint(x, y);
        return { tag: el?.tagName, text: (el?.closest('button, .toast') ?? el)?.textContent?.trim().slice(0, 60), toast: !!el?.closest('.toast') };
      },
      [box.x + box.width / 2, box.y + box.height / 2],
    );
    assert.equal(hit.toast, false, `the ${name} button is under the toast (a click there hits ${JSON.stringify(hit)})`);
  }
  await confirm.getByRole('button', { name: 'Confirm', exact: true }).click({ timeout: 2_000 });
  await card(page, 'Stark upgrade').waitFor({ state: 'detached' });
  assertNoErrors(app, assert);
});

test('the header keeps Undo and Redo together on one line, however the tools wrap', async (t) => {
  const app = await openAppFor(t);
  const { page } = app;
  // 1280 px is where the row used to break between them ("Undo" ending one line, "Redo"
  // starting the next); the others wrap the tools elsewhere.
  for (const width of [1440, 1280, 1100, 900, 700]) {
    await page.setViewportSize({ width, height: 800 });
    const undo = await undoButton(page).boundingBox();
    const redo = await redoButton(page).boundingBox();
    assert.equal(Math.round(undo.y), Math.round(redo.y), `at ${width} px Undo is at y ${undo.y}, Redo at ${redo.y}`);
    assert.ok(redo.x > undo.x, `at ${width} px Redo follows Undo`);
  }
  assertNoErrors(app, assert);
});
