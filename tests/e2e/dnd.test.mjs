// Drag and drop with the mouse (issue 3): between stages and within a stage with the final
// order checked, the drop indicators while dragging, Escape, click versus drag, and the board
// and columns scrolling near their edges.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openAppFor,
  stopSharedServer,
  assertNoErrors,
  card,
  cardTitles,
  cardIds,
  boardTitles,
  columnById,
  stageFigures,
  dealDialog,
  liveRegion,
  pointIn,
  grabPoint,
  mouseLift,
  mouseDrag,
  dropIndicators,
  NO_DRAG,
  boardScrollLeft,
  storedStageIds,
  storedBoard,
  waitForStoredBoard,
  waitForLiveRegion,
  waitForFocusOn,
} from './helpers.mjs';

after(stopSharedServer);

// The sample board as it starts (src/domain/sample.rs; sorted by id within a stage).
const START = {
  Lead: ['Stark upgrade', 'Hooli expansion', 'Vandelay imports', 'Dunder Mifflin paper'],
  Qualified: ['Umbrella data platform', 'Oscorp backup', 'Pied Piper compression', 'Stark Asia pilot'],
  Demo: ['Globex pilot', 'Tyrell archive', 'Jinhai retail pilot', 'Wonka logistics'],
  Proposal: ['Initech rollout', 'Massive Dynamic seats', 'Huawen distribution', 'Monarch renewal'],
  Negotiation: ['Acme renewal', 'Cyberdyne analytics', 'Aperture research'],
  Won: ['Wayne support', 'Nakatomi storage', 'Gringotts compliance'],
  Lost: ['Soylent trial', 'Black Mesa support'],
};

// A roomy window, so that no drop point lies in an auto-scroll zone by accident.
const WIDE = { contextOptions: { viewport: { width: 1800, height: 1000 } } };

test('mouse: drag a card to another stage, between two cards; order, live region, storage', async (t) => {
  const app = await openAppFor(t, WIDE);
  const { page } = app;
  assert.deepEqual(await boardTitles(page), START);

  // Globex pilot (Demo, 1 of 4) onto the upper half of "Massive Dynamic seats" in Proposal:
  // it lands between Initech rollout and Massive Dynamic seats.
  const target = await pointIn(card(page, 'Massive Dynamic seats'), { fx: 0.5, fy: 0.25 });
  await mouseDrag(page, card(page, 'Globex pilot'), target);

  await card(page, 'Globex pilot', columnById(page, 'proposal')).waitFor({ state: 'visible' });
  assert.deepEqual(await cardTitles(page, 'Proposal'), [
    'Initech rollout',
    'Globex pilot',
    'Massive Dynamic seats',
    'Huawen distribution',
    'Monarch renewal',
  ]);
  assert.deepEqual(await cardTitles(page, 'Demo'), ['Tyrell archive', 'Jinhai retail pilot', 'Wonka logistics']);
  assert.deepEqual(await boardTitles(page), {
    ...START,
    Demo: ['Tyrell archive', 'Jinhai retail pilot', 'Wonka logistics'],
    Proposal: ['Initech rollout', 'Globex pilot', 'Massive Dynamic seats', 'Huawen distribution', 'Monarch renewal'],
  });
  assert.equal((await stageFigures(page, 'Demo')).count, 3);
  assert.equal((await stageFigures(page, 'Proposal')).count, 5);
  assert.equal(
    await waitForLiveRegion(page, '“Globex pilot” moved from Demo, 1 of 4, to Proposal, 2 of 5'),
    '“Globex pilot” moved from Demo, 1 of 4, to Proposal, 2 of 5',
  );
  assert.equal(await waitForFocusOn(page, 'sample-02'), 'sample-02', 'focus is on the dropped card');
  assert.deepEqual(await dropIndicators(page), NO_DRAG, 'no ghost or drop classes after the drop');
  assert.equal(await dealDialog(page).count(), 0, 'the drop does not open the card');

  // Saved (debounced 300 ms) with the same order.
  await waitForStoredBoard(page, (board) => board.deals.find((d) => d.id === 'sample-02')?.stage === 'proposal');
  assert.deepEqual(await storedStageIds(page, 'proposal'), ['sample-03', 'sample-02', 'sample-11', 'sample-15', 'sample-23']);
  assert.deepEqual(await storedStageIds(page, 'demo'), ['sample-09', 'sample-16', 'sample-21']);
  const globex = (await storedBoard(page)).deals.find((d) => d.id === 'sample-02');
  assert.equal(globex.history.at(-1).stage, 'proposal', 'the stage visit is recorded');

  await app.reload();
  assert.deepEqual(await cardTitles(page, 'Proposal'), [
    'Initech rollout',
    'Globex pilot',
    'Massive Dynamic seats',
    'Huawen distribution',
    'Monarch renewal',
  ]);
  assertNoErrors(app, assert);
});

test('mouse: reorder within a stage (first card below the third)', async (t) => {
  const app = await openAppFor(t, WIDE);
  const { page } = app;
  // Stark upgrade (Lead, 1 of 4) onto the lower half of "Vandelay imports" (3rd).
  const target = await pointIn(card(page, 'Vandelay imports'), { fx: 0.5, fy: 0.8 });
  await mouseDrag(page, card(page, 'Stark upgrade'), target);

  await page.waitForFunction(
    () => document.querySelector('[data-stage-id=lead] article.deal-card h3')?.textContent === 'Hooli expansion',
  );
  assert.deepEqual(await cardTitles(page, 'Lead'), ['Hooli expansion', 'Vandelay imports', 'Stark upgrade', 'Dunder Mifflin paper']);
  assert.deepEqual(await cardIds(page, 'lead'), ['sample-07', 'sample-14', 'sample-05', 'sample-18']);
  assert.equal(await liveRegion(page), '“Stark upgrade” moved from Lead, 1 of 4, to Lead, 3 of 4');
  const others = { ...(await boardTitles(page)) };
  delete others.Lead;
  const startOthers = { ...START };
  delete startOthers.Lead;
  assert.deepEqual(others, startOthers, 'no other column changed');
  await waitForStoredBoard(page, (board) => {
    const lead = board.deals.filter((d) => d.stage === 'lead').sort((a, b) => a.rank - b.rank);
    return lead[2]?.id === 'sample-05';
  });
  assert.deepEqual(await storedStageIds(page, 'lead'), ['sample-07', 'sample-14', 'sample-05', 'sample-18']);

  // And up again: Dunder Mifflin paper (last) onto the upper half of the first card.
  const top = await pointIn(card(page, 'Hooli expansion'), { fx: 0.5, fy: 0.2 });
  await mouseDrag(page, card(page, 'Dunder Mifflin paper'), top);
  await page.waitForFunction(
    () => document.querySelector('[data-stage-id=lead] article.deal-card h3')?.textContent === 'Dunder Mifflin paper',
  );
  assert.deepEqual(await cardTitles(page, 'Lead'), ['Dunder Mifflin paper', 'Hooli expansion', 'Vandelay imports', 'Stark upgrade']);
  assert.equal(await liveRegion(page), '“Dunder Mifflin paper” moved from Lead, 4 of 4, to Lead, 1 of 4');
  assertNoErrors(app, assert);
});

test('mouse: drop below the last card puts it at the end of the column', async (t) => {
  const app = await openAppFor(t, WIDE);
  const { page } = app;
  // Below Aperture research, the last card of Negotiation, still inside the column.
  const last = await pointIn(card(page, 'Aperture research'));
  const box = await card(page, 'Aperture research').boundingBox();
  const below = { x: last.x, y: box.y + box.height + 30 };
  await mouseLift(page, card(page, 'Initech rollout'), below);
  const during = await dropIndicators(page);
  assert.deepEqual(during.targets, ['negotiation']);
  assert.deepEqual(during.atEnd, ['negotiation'], 'the column shows the end-of-list indicator');
  assert.deepEqual(during.before, []);
  await page.mouse.up();
  await card(page, 'Initech rollout', columnById(page, 'negotiation')).waitFor({ state: 'visible' });
  assert.deepEqual(await cardTitles(page, 'Negotiation'), ['Acme renewal', 'Cyberdyne analytics', 'Aperture research', 'Initech rollout']);
  assert.deepEqual(await cardTitles(page, 'Proposal'), ['Massive Dynamic seats', 'Huawen distribution', 'Monarch renewal']);
  assert.equal(await liveRegion(page), '“Initech rollout” moved from Proposal, 1 of 4, to Negotiation, 4 of 4');
  assertNoErrors(app, assert);
});

test('mouse: while dragging, ghost, column highlight and drop indicator; Escape cancels', async (t) => {
  const app = await openAppFor(t, WIDE);
  const { page } = app;
  assert.deepEqual(await dropIndicators(page), NO_DRAG);

  // Lift Oscorp backup (Qualified) over the upper half of "Huawen distribution" (Proposal).
  const over = await pointIn(card(page, 'Huawen distribution'), { fx: 0.5, fy: 0.3 });
  await mouseLift(page, card(page, 'Oscorp backup'), over);
  let during = await dropIndicators(page);
  assert.equal(during.ghost, 1, 'a drag ghost follows the pointer');
  assert.equal(during.ghostText, 'Oscorp backup');
  assert.deepEqual(during.lifted, ['sample-12'], 'the lifted card is marked in place');
  assert.deepEqual(during.targets, ['proposal'], 'only the column under the pointer is highlighted');
  assert.deepEqual(during.before, ['sample-15'], 'the indicator sits on the card it would land before');
  assert.deepEqual(during.atEnd, []);
  assert.equal(during.body, true);
  // The lifted card lets go of the focus the press gave it: the drop takes it out of its
  // column, and a focused element's removal cost Chromium ~1–2 ms of the drop (docs/benchmark.md).
  assert.equal(
    await page.evaluate(() => !!document.activeElement?.closest('[data-deal-id="sample-12"]')),
    false,
    'the lifted card does not hold the focus',
  );

  // Moving on over another column moves the highlight and the indicator.
  const other = await pointIn(card(page, 'Cyberdyne analytics'), { fx: 0.5, fy: 0.7 });
  await page.mouse.move(other.x, other.y, { steps: 8 });
  during = await dropIndicators(page);
  assert.deepEqual(during.targets, ['negotiation']);
  assert.deepEqual(during.before, ['sample-19'], 'lower half of Cyberdyne: lands before Aperture research');

  await page.keyboard.press('Escape');
  assert.deepEqual(await dropIndicators(page), NO_DRAG, 'Escape removes the ghost and every drop class');
  await page.mouse.up();
  await page.waitForTimeout(400);
  assert.deepEqual(await boardTitles(page), START, 'nothing moved');
  assert.equal(await dealDialog(page).count(), 0);
  assert.equal(await liveRegion(page), '', 'nothing was announced');
  assert.equal(await waitForFocusOn(page, 'sample-12'), 'sample-12', 'focus goes back to the card');
  assert.equal(await storedBoard(page), null, 'nothing was saved');
  assertNoErrors(app, assert);
});

test('mouse: the drag ghost stays next to the pointer, wherever it is on the screen', async (t) => {
  const app = await openAppFor(t, WIDE);
  const { page } = app;
  // The ghost is drawn at the pointer + 8 px (drag.rs). Near the top-left corner and far to the
  // right and bottom, its top-left corner must be that close to the pointer.
  const points = [
    await pointIn(card(page, 'Hooli expansion'), { fx: 0.5, fy: 0.5 }),
    await pointIn(card(page, 'Gringotts compliance'), { fx: 0.5, fy: 0.5 }),
    await pointIn(card(page, 'Black Mesa support'), { fx: 0.8, fy: 0.9 }),
  ];
  await mouseLift(page, card(page, 'Stark upgrade'), points[0]);
  const offsets = [];
  for (const p of points) {
    await page.mouse.move(p.x, p.y, { steps: 6 });
    const ghost = await page.locator('.drag-ghost').boundingBox();
    offsets.push({ at: [Math.round(p.x), Math.round(p.y)], dx: Math.round(ghost.x - p.x), dy: Math.round(ghost.y - p.y) });
  }
  await page.keyboard.press('Escape');
  await page.mouse.up();
  for (const o of offsets) {
    assert.ok(
      o.dx >= -4 && o.dx <= 20 && o.dy >= -4 && o.dy <= 20,
      `the ghost should sit just below-right of the pointer; offsets (ghost corner − pointer): ${JSON.stringify(offsets)}`,
    );
  }
  assertNoErrors(app, assert);
});

test('mouse: after Escape the rest of the gesture (moving on, releasing) moves nothing', async (t) => {
  const app = await openAppFor(t, WIDE);
  const { page } = app;
  const over = await pointIn(card(page, 'Huawen distribution'), { fx: 0.5, fy: 0.3 });
  await mouseLift(page, card(page, 'Oscorp backup'), over);
  await page.keyboard.press('Escape');
  assert.deepEqual(await dropIndicators(page), NO_DRAG);

  // The button is still down: the user carries on moving, then lets go over another column.
  const further = await pointIn(card(page, 'Acme renewal'), { fx: 0.5, fy: 0.3 });
  await page.mouse.move(further.x, further.y, { steps: 8 });
  const during = await dropIndicators(page);
  await page.mouse.up();
  await page.waitForTimeout(400);
  assert.deepEqual(during, NO_DRAG, 'a cancelled drag must not lift the card again when the mouse moves on');
  assert.deepEqual(await cardTitles(page, 'Qualified'), START.Qualified, 'Oscorp backup stays in Qualified');
  assert.deepEqual(await cardTitles(page, 'Negotiation'), START.Negotiation);
  assertNoErrors(app, assert);
});

test('mouse: a drag cancelled with Escape and released on its own card does not open it', async (t) => {
  const app = await openAppFor(t, WIDE);
  const { page } = app;
  // Lift Globex pilot a little (it stays under the pointer), cancel, let go where it is.
  const globex = card(page, 'Globex pilot');
  const from = await grabPoint(globex);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 20, from.y + 10, { steps: 5 });
  await page.locator('.drag-ghost').waitFor({ state: 'visible' });
  await page.keyboard.press('Escape');
  assert.deepEqual(await dropIndicators(page), NO_DRAG);
  await page.mouse.up();
  await page.waitForTimeout(300);
  assert.equal(await dealDialog(page).count(), 0, 'ending a cancelled drag is not a click: the card must not open');
  assert.deepEqual(await boardTitles(page), START);
  assertNoErrors(app, assert);
});

test('mouse: a plain click opens the card; a drag does not', async (t) => {
  const app = await openAppFor(t, WIDE);
  const { page } = app;
  const dialog = dealDialog(page);

  // A drag to another column: no dialog.
  const target = await pointIn(card(page, 'Acme renewal'), { fx: 0.5, fy: 0.25 });
  await mouseDrag(page, card(page, 'Tyrell archive'), target);
  await card(page, 'Tyrell archive', columnById(page, 'negotiation')).waitFor({ state: 'visible' });
  await page.waitForTimeout(300);
  assert.equal(await dialog.count(), 0, 'a drop into another column does not open the card');

  // A short drag that ends on the card itself (a click event reaches the card): no dialog.
  const wonka = card(page, 'Wonka logistics');
  const from = await grabPoint(wonka);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 12, from.y + 4, { steps: 4 });
  await page.locator('.drag-ghost').waitFor({ state: 'visible' });
  await page.mouse.up();
  await page.waitForTimeout(300);
  assert.equal(await dialog.count(), 0, 'a drag released on its own card does not open it');
  assert.deepEqual(await cardTitles(page, 'Demo'), ['Globex pilot', 'Jinhai retail pilot', 'Wonka logistics']);

  // A press that moves less than the tolerance is still a click.
  const jinhai = card(page, 'Jinhai retail pilot');
  const at = await grabPoint(jinhai);
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  await page.mouse.move(at.x + 2, at.y + 2);
  await page.mouse.up();
  await dialog.waitFor({ state: 'visible' });
  assert.equal(await dialog.getByRole('heading').first().textContent(), 'Edit deal');
  assert.equal(await dialog.getByLabel('Title', { exact: true }).inputValue(), 'Jinhai retail pilot');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });

  // A plain click on the card that was just dragged opens it as well.
  await card(page, 'Tyrell archive').locator('.deal-customer').click();
  await dialog.waitFor({ state: 'visible' });
  assert.equal(await dialog.getByLabel('Title', { exact: true }).inputValue(), 'Tyrell archive');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assertNoErrors(app, assert);
});

test('mouse: near the right edge the board scrolls; drop into a stage that was off-screen', async (t) => {
  // Narrow, and tall enough that the drop point below is not at the foot of Won's list
  // (where the list itself would scroll: the next test).
  const app = await openAppFor(t, { contextOptions: { viewport: { width: 800, height: 760 } } });
  const { page } = app;
  const board = page.locator('main.board');
  const boardBox = await board.boundingBox();
  const startLeft = await boardScrollLeft(page);
  // Won is off-screen at the start.
  const wonBox = await columnById(page, 'won').boundingBox();
  assert.ok(wonBox.x > boardBox.x + boardBox.width, `Won starts off-screen: ${JSON.stringify(wonBox)}`);

  // Lift Stark upgrade (Lead) and hold it 10 px from the board's right edge.
  const y = (await pointIn(card(page, 'Hooli expansion'), { scroll: false })).y;
  const edge = { x: boardBox.x + boardBox.width - 10, y };
  await mouseLift(page, card(page, 'Stark upgrade'), edge, { steps: 15 });
  // At up to 18 px a frame, a second at the edge scrolls several hundred pixels.
  const seen = [startLeft];
  for (let i = 0; i < 8; i += 1) {
    await page.waitForTimeout(150);
    seen.push(await boardScrollLeft(page));
  }
  assert.ok(
    seen.at(-1) > startLeft + 100,
    `holding a lifted card at the board's right edge must scroll it sideways; scrollLeft over 1.2 s: ${seen.join(', ')}`,
  );
  // Keep holding until the board has scrolled to its end.
  await page.waitForFunction(
    () => {
      const b = document.querySelector('main.board');
      return b.scrollLeft + b.clientWidth >= b.scrollWidth - 1;
    },
    null,
    { timeout: 6_000 },
  );
  assert.ok((await boardScrollLeft(page)) > startLeft + 500, 'the board scrolled sideways');

  // Now drop on the upper half of Nakatomi storage (Won, 2 of 3), away from every edge.
  const drop = await pointIn(card(page, 'Nakatomi storage'), { fx: 0.5, fy: 0.3, scroll: false });
  assert.ok(drop.x > boardBox.x + 60 && drop.x < boardBox.x + boardBox.width - 60, `drop point inside: ${drop.x}`);
  await page.mouse.move(drop.x, drop.y, { steps: 10 });
  const during = await dropIndicators(page);
  assert.deepEqual(during.targets, ['won']);
  assert.deepEqual(during.before, ['sample-13']);
  await page.mouse.up();
  await card(page, 'Stark upgrade', columnById(page, 'won')).waitFor({ state: 'visible' });
  assert.deepEqual(await cardTitles(page, 'Won'), ['Wayne support', 'Stark upgrade', 'Nakatomi storage', 'Gringotts compliance']);
  assert.deepEqual(await cardTitles(page, 'Lead'), ['Hooli expansion', 'Vandelay imports', 'Dunder Mifflin paper']);
  assert.equal((await card(page, 'Stark upgrade').locator('.deal-status').textContent()).trim(), 'Won');
  assert.equal(await liveRegion(page), '“Stark upgrade” moved from Lead, 1 of 4, to Won, 2 of 4');
  await waitForStoredBoard(page, (b) => {
    const d = b.deals.find((x) => x.id === 'sample-05');
    return d?.stage === 'won' && d.status === 'won' && typeof d.won_at === 'number';
  });

  // And back towards the left edge: the board scrolls back. (The move's Undo toast sits at
  // the bottom of this small window over the cards: dismiss it first.)
  await page.locator('.toast').getByRole('button', { name: 'Dismiss' }).click();
  const endLeft = await boardScrollLeft(page);
  const leftEdge = { x: boardBox.x + 8, y: drop.y };
  await mouseLift(page, card(page, 'Gringotts compliance'), leftEdge, { steps: 15 });
  await page.waitForFunction((s) => document.querySelector('main.board').scrollLeft < s - 100, endLeft, { timeout: 3_000 });
  await page.keyboard.press('Escape');
  await page.mouse.up();
  assert.deepEqual(await cardTitles(page, 'Won'), ['Wayne support', 'Stark upgrade', 'Nakatomi storage', 'Gringotts compliance']);
  assertNoErrors(app, assert);
});

test('mouse: near the bottom of a long column its list scrolls down', async (t) => {
  // A short window: the Lead column's list is taller than the room it has.
  const app = await openAppFor(t, { contextOptions: { viewport: { width: 1800, height: 520 } } });
  const { page } = app;
  const list = columnById(page, 'lead').locator('.deal-list');
  const metrics = () => list.evaluate((el) => ({ top: el.scrollTop, max: el.scrollHeight - el.clientHeight }));
  const before = await metrics();
  assert.equal(before.top, 0);
  assert.ok(before.max > 50, `the Lead list overflows: ${JSON.stringify(before)}`);

  const box = await list.boundingBox();
  const nearBottom = { x: box.x + box.width / 2, y: box.y + box.height - 8 };
  // Lift a Qualified card and hold it near the bottom of Lead's list.
  await mouseLift(page, card(page, 'Umbrella data platform'), nearBottom, { steps: 15 });
  await page.waitForFunction((el) => el.scrollTop > 30, await list.elementHandle(), { timeout: 3_000 });
  // Carry it to the very end and drop: it lands last.
  await page.waitForFunction((el) => el.scrollTop >= el.scrollHeight - el.clientHeight - 1, await list.elementHandle(), {
    timeout: 5_000,
  });
  const during = await dropIndicators(page);
  assert.deepEqual(during.targets, ['lead']);
  await page.mouse.up();
  await card(page, 'Umbrella data platform', columnById(page, 'lead')).waitFor({ state: 'visible' });
  assert.equal((await cardTitles(page, 'Lead')).length, 5);
  assertNoErrors(app, assert);
});

test('mouse: the wheel scrolls the column under a lifted card, and the drop lands where it points', async (t) => {
  const app = await openAppFor(t, { contextOptions: { viewport: { width: 1800, height: 520 } } });
  const { page } = app;
  const list = columnById(page, 'lead').locator('.deal-list');
  const top = () => list.evaluate((el) => el.scrollTop);
  const box = await list.boundingBox();
  // Hold a Qualified card over the middle of Lead's list (away from the auto-scroll edges).
  await mouseLift(page, card(page, 'Umbrella data platform'), { x: box.x + box.width / 2, y: box.y + box.height / 2 });
  assert.equal(await top(), 0);
  await page.mouse.wheel(0, 400);
  await page.waitForFunction((el) => el.scrollTop > 20, await list.elementHandle(), { timeout: 3_000 });
  const during = await dropIndicators(page);
  assert.deepEqual(during.targets, ['lead']);
  // The drop line follows the scrolled list: it is before a card that is now under the pointer.
  const before = during.before[0];
  assert.ok(before, 'a card is marked as the landing place');
  const order = await cardIds(page, 'lead');
  await page.mouse.up();
  await card(page, 'Umbrella data platform', columnById(page, 'lead')).waitFor({ state: 'visible' });
  const after = await cardIds(page, 'lead');
  const moved = after.find((id) => !order.includes(id));
  assert.equal(after.indexOf(moved), order.indexOf(before), 'it landed just above the marked card');
  assertNoErrors(app, assert);
});

test('mouse: a drop into Lost asks for the reason; Skip moves it there, Escape puts it back', async (t) => {
  const app = await openAppFor(t, WIDE);
  const { page } = app;
  // Monarch renewal onto the upper half of Black Mesa support (Lost, 2 of 2).
  let target = await pointIn(card(page, 'Black Mesa support'), { fx: 0.5, fy: 0.25 });
  await mouseDrag(page, card(page, 'Monarch renewal'), target);
  const ask = page.getByRole('alertdialog');
  await ask.waitFor({ state: 'visible' });
  assert.match(await ask.textContent(), /Why was “Monarch renewal” lost\?/);
  assert.equal(await card(page, 'Monarch renewal', columnById(page, 'proposal')).count(), 1, 'not moved before answering');
  await ask.getByRole('button', { name: 'Skip', exact: true }).click();
  await ask.waitFor({ state: 'detached' });
  await card(page, 'Monarch renewal', columnById(page, 'lost')).waitFor({ state: 'visible' });
  assert.deepEqual(await cardTitles(page, 'Lost'), ['Soylent trial', 'Monarch renewal', 'Black Mesa support'], 'lands where it was dropped');
  assert.equal(await liveRegion(page), '“Monarch renewal” moved from Proposal, 4 of 4, to Lost, 2 of 3');
  assert.equal((await card(page, 'Monarch renewal').locator('.deal-status').textContent()).trim(), 'Lost');

  // Escape in the question cancels the move.
  target = await pointIn(card(page, 'Soylent trial'), { fx: 0.5, fy: 0.25 });
  await mouseDrag(page, card(page, 'Huawen distribution'), target);
  await ask.waitFor({ state: 'visible' });
  await page.keyboard.press('Escape');
  await ask.waitFor({ state: 'detached' });
  await page.waitForTimeout(300);
  assert.deepEqual(await cardTitles(page, 'Proposal'), ['Initech rollout', 'Massive Dynamic seats', 'Huawen distribution']);
  assert.deepEqual(await cardTitles(page, 'Lost'), ['Soylent trial', 'Monarch renewal', 'Black Mesa support']);
  await waitForStoredBoard(page, (b) => b.deals.find((d) => d.id === 'sample-23')?.status === 'lost');
  assert.equal((await storedBoard(page)).deals.find((d) => d.id === 'sample-15').stage, 'proposal');
  assertNoErrors(app, assert);
});
