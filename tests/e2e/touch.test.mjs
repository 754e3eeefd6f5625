// Touch on a phone-sized screen (issue 3): a short press lifts a card and the finger drags it;
// a quick swipe scrolls the board and moves nothing; a tap opens the card. Real touch input
// goes through the DevTools protocol (Input.dispatchTouchEvent) on a 390×844 touch viewport.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openAppFor,
  stopSharedServer,
  assertNoErrors,
  PHONE,
  card,
  cardTitles,
  cardIds,
  boardTitles,
  columnById,
  dealDialog,
  liveRegion,
  pointIn,
  finger,
  dropIndicators,
  NO_DRAG,
  boardScrollLeft,
  storedStageIds,
  waitForStoredBoard,
  waitForLiveRegion,
  toast,
} from './helpers.mjs';

after(stopSharedServer);

const START_LEAD = ['Stark upgrade', 'Hooli expansion', 'Vandelay imports', 'Dunder Mifflin paper'];
const START_QUALIFIED = ['Umbrella data platform', 'Oscorp backup', 'Pied Piper compression', 'Stark Asia pilot'];

/**
 * Opens the app on the phone viewport and returns it with a finger on its page. `clock: true`
 * installs Playwright's clock (running as usual until a test pauses it).
 */
async function phone(t, { clock = false } = {}) {
  const app = await openAppFor(t, { contextOptions: PHONE, ...(clock ? { clock: new Date() } : {}) });
  const touch = await finger(app.page);
  t.after(() => touch.detach());
  assert.deepEqual(
    await app.page.evaluate(() => [innerWidth, innerHeight, navigator.maxTouchPoints > 0]),
    [390, 844, true],
    'a 390×844 touch screen',
  );
  return { ...app, touch };
}

test('touch: a short press lifts the card, the finger drags it, release drops it (within a stage)', async (t) => {
  const app = await phone(t);
  const { page, touch } = app;
  // Cards are big enough to hit with a finger.
  const size = await card(page, 'Hooli expansion').boundingBox();
  assert.ok(size.height >= 44 && size.width >= 200, `card size ${JSON.stringify(size)}`);

  const from = await pointIn(card(page, 'Hooli expansion'), { fx: 0.35, fy: 0.6, scroll: false });
  // When the card lifts is timed in the page (the touch's own event time to the ghost's
  // appearing), so a busy machine delaying this test's own round trips cannot fail it.
  await page.evaluate(() => {
    window.__lift = { touched: null, lifted: null };
    document.addEventListener('touchstart', (ev) => { window.__lift.touched ??= ev.timeStamp; }, { capture: true, once: true });
    new MutationObserver((_, observer) => {
      if (document.querySelector('.drag-ghost')) {
        window.__lift.lifted = performance.now();
        observer.disconnect();
      }
    }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["class"] });
  });
  await touch.start(from.x, from.y);
  await page.waitForFunction(() => window.__lift.lifted != null, null, { timeout: 5_000 });
  const lift = await page.evaluate(() => window.__lift);
  const delay = lift.lifted - lift.touched;
  assert.ok(delay >= 240 && delay < 2_000, `lifted after the ~250 ms press delay, not before: ${delay} ms`);
  const held = await dropIndicators(page);
  assert.equal(held.ghost, 1, 'the card is lifted');
  assert.deepEqual(held.lifted, ['sample-07']);

  // Drag it over the upper part of Stark upgrade (1st of Lead).
  const to = await pointIn(card(page, 'Stark upgrade'), { fx: 0.35, fy: 0.2, scroll: false });
  await touch.move(to.x, to.y, 8);
  const during = await dropIndicators(page);
  assert.deepEqual(during.targets, ['lead']);
  assert.deepEqual(during.before, ['sample-05'], 'the indicator shows it lands before Stark upgrade');
  assert.equal(await boardScrollLeft(page), 16, 'dragging does not scroll the board');
  await touch.end();

  await page.waitForFunction(
    () => document.querySelector('[data-stage-id=lead] article.deal-card h3')?.textContent === 'Hooli expansion',
  );
  assert.deepEqual(await cardTitles(page, 'Lead'), ['Hooli expansion', 'Stark upgrade', 'Vandelay imports', 'Dunder Mifflin paper']);
  assert.equal(await liveRegion(page), '“Hooli expansion” moved from Lead, 2 of 4, to Lead, 1 of 4');
  // The toast with Undo takes the phone's width in two lines at most, not a squeezed column.
  const note = await toast(page).boundingBox();
  assert.ok(note.width >= 300 && note.height <= 80, `toast ${JSON.stringify(note)}`);
  assert.deepEqual(await dropIndicators(page), NO_DRAG);
  await page.waitForTimeout(300);
  assert.equal(await dealDialog(page).count(), 0, 'a touch drag does not open the card');
  await waitForStoredBoard(page, (b) => b.deals.filter((d) => d.stage === 'lead').sort((x, y) => x.rank - y.rank)[0]?.id === 'sample-07');
  assert.deepEqual(await storedStageIds(page, 'lead'), ['sample-07', 'sample-05', 'sample-14', 'sample-18']);
  assertNoErrors(app, assert);
});

test('touch: long press and drag a card into the next column', async (t) => {
  const app = await phone(t);
  const { page, touch } = app;
  // Only a strip of Qualified shows at the right; drop there over the upper part of its
  // 3rd card (Pied Piper compression), and let go at once.
  const pied = await card(page, 'Pied Piper compression').boundingBox();
  const strip = await columnById(page, 'qualified').boundingBox();
  assert.ok(strip.x < 390 - 20, `a strip of Qualified is visible: ${JSON.stringify(strip)}`);
  const to = { x: Math.min(strip.x + 20, 385), y: pied.y + pied.height * 0.25 };

  const from = await pointIn(card(page, 'Stark upgrade'), { fx: 0.35, fy: 0.6, scroll: false });
  await touch.start(from.x, from.y);
  await page.waitForTimeout(400);
  assert.equal((await dropIndicators(page)).ghost, 1, 'lifted');
  await touch.move(to.x, to.y, 10);
  // Near the screen's edge the board scrolls by itself (as a finger would want): hold until
  // Qualified has come in, then move onto Oscorp backup (its 2nd card) where it now is.
  await page.waitForFunction(() => document.querySelector('[data-stage-id=qualified]').getBoundingClientRect().x < 120, null, { timeout: 5_000 });
  // The board may still be settling: follow the card until the finger is over it.
  let during;
  for (let i = 0; i < 6; i += 1) {
    const piedNow = await pointIn(card(page, 'Oscorp backup'), { fx: 0.5, fy: 0.25, scroll: false });
    await touch.move(piedNow.x, piedNow.y, 3);
    await page.waitForTimeout(150);
    during = await dropIndicators(page);
    if (during.targets[0] === 'qualified' && during.before[0] === 'sample-12') break;
  }
  assert.deepEqual(during.targets, ['qualified'], 'Qualified is the drop target');
  assert.deepEqual(during.before, ['sample-12'], 'it would land before Oscorp backup');
  await touch.end();

  await card(page, 'Stark upgrade', columnById(page, 'qualified')).waitFor({ state: 'attached' });
  assert.deepEqual(await cardTitles(page, 'Qualified'), [
    'Umbrella data platform',
    'Stark upgrade',
    'Oscorp backup',
    'Pied Piper compression',
    'Stark Asia pilot',
  ]);
  assert.deepEqual(await cardTitles(page, 'Lead'), ['Hooli expansion', 'Vandelay imports', 'Dunder Mifflin paper']);
  assert.equal(
    await waitForLiveRegion(page, '“Stark upgrade” moved from Lead, 1 of 4, to Qualified, 2 of 5'),
    '“Stark upgrade” moved from Lead, 1 of 4, to Qualified, 2 of 5',
  );
  await waitForStoredBoard(page, (b) => b.deals.find((d) => d.id === 'sample-05')?.stage === 'qualified');
  assert.deepEqual(await storedStageIds(page, 'qualified'), ['sample-04', 'sample-05', 'sample-12', 'sample-17', 'sample-24']);
  assertNoErrors(app, assert);
});

test('touch: a finger held near the right edge scrolls the board to later stages', async (t) => {
  const app = await phone(t);
  const { page, touch } = app;
  const start = await boardScrollLeft(page);
  const from = await pointIn(card(page, 'Hooli expansion'), { fx: 0.35, fy: 0.5, scroll: false });
  await touch.start(from.x, from.y);
  await page.waitForTimeout(400);
  assert.equal((await dropIndicators(page)).ghost, 1, 'lifted');
  await touch.move(382, from.y, 10);
  const seen = [start];
  for (let i = 0; i < 8; i += 1) {
    await page.waitForTimeout(150);
    seen.push(await boardScrollLeft(page));
  }
  const scrolled = seen.at(-1) > start + 100;
  // Drop in the middle of the screen, on whatever column is there now. (The point can fall in
  // the gap between two columns while the board settles: nudge the finger until it is over one.)
  let during;
  for (const x of [195, 175, 215, 155, 235]) {
    await touch.move(x, from.y, 4);
    await page.waitForTimeout(120);
    during = await dropIndicators(page);
    if (during.targets.length === 1) break;
  }
  await touch.end();
  assert.ok(scrolled, `a lifted card held at the right edge must scroll the board; scrollLeft over 1.2 s: ${seen.join(', ')}`);
  assert.equal(during.targets.length, 1);
  const landed = during.targets[0];
  assert.notEqual(landed, 'lead', 'the card is dropped into a later stage');
  await card(page, 'Hooli expansion', columnById(page, landed)).waitFor({ state: 'attached' });
  assertNoErrors(app, assert);
});

test('touch: a quick swipe scrolls the board sideways and moves nothing; a tap opens the card', async (t) => {
  const app = await phone(t, { clock: true });
  const { page, touch } = app;
  const before = await boardTitles(page);
  const start = await boardScrollLeft(page);
  // Quick in the page's own time: its timers (the press delay's among them) stand still from
  // the touch to the finger's lift, so a busy machine slowing this test's round trips to the
  // browser cannot turn the swipe or the tap into a long press. Scrolling is the browser's
  // and does not wait for the page's timers.
  // The page's clock runs on between reading it and pausing it: on a busy machine that took
  // more than the margin once, and Playwright refuses to pause in the past. So: a margin, and
  // another try with a fresh reading when the clock overtook it anyway.
  const pause = async () => {
    for (let tries = 1; ; tries += 1) {
      const now = await page.evaluate(() => Date.now());
      try {
        return await page.clock.pauseAt(now + 20);
      } catch (err) {
        if (tries >= 5 || !/past/.test(String(err))) throw err;
      }
    }
  };

  // Swipe left across Hooli expansion at once (no press delay): a scroll, not a drag.
  const from = await pointIn(card(page, 'Hooli expansion'), { fx: 0.8, fy: 0.5, scroll: false });
  await pause();
  await touch.start(from.x, from.y);
  await touch.move(from.x - 220, from.y, 8);
  const during = await dropIndicators(page);
  await touch.end();
  await page.clock.resume();
  await page.waitForTimeout(600);
  assert.deepEqual(during, NO_DRAG, 'a swipe lifts nothing');
  const after = await boardScrollLeft(page);
  assert.ok(after > start + 100, `the board scrolled sideways: ${start} → ${after}`);
  assert.deepEqual(await boardTitles(page), before, 'nothing moved');
  assert.deepEqual(await dropIndicators(page), NO_DRAG);
  assert.equal(await dealDialog(page).count(), 0, 'a swipe does not open the card');
  assert.equal(await liveRegion(page), '');

  // A slow press that moves a little (within the tolerance) and lets go early is a tap.
  const qualified = await pointIn(card(page, 'Oscorp backup'), { fx: 0.35, fy: 0.6, scroll: false });
  assert.ok(qualified.x > 20 && qualified.x < 370, `Qualified is on screen now: ${qualified.x}`);
  await pause();
  await touch.start(qualified.x, qualified.y);
  await touch.move(qualified.x + 2, qualified.y + 1, 1);
  await page.clock.runFor(80);
  await touch.end();
  await page.clock.resume();
  const dialog = dealDialog(page);
  await dialog.waitFor({ state: 'visible' });
  assert.equal(await dialog.getByLabel('Title', { exact: true }).inputValue(), 'Oscorp backup');
  // Opened to be read: the dialog has the focus, not Title (which would raise the keyboard).
  assert.ok(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), 'a touch screen');
  await page.waitForFunction(() => document.activeElement?.classList.contains('deal-dialog'));
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.deepEqual(await cardIds(page, 'qualified'), ['sample-04', 'sample-12', 'sample-17', 'sample-24']);
  assert.deepEqual(await cardTitles(page, 'Lead'), START_LEAD);
  assert.deepEqual(await cardTitles(page, 'Qualified'), START_QUALIFIED);
  assertNoErrors(app, assert);
});

/** The search box's placeholder and whether it fits the box (cut off, it read "Search title, customer, con"). */
function searchPlaceholderFits(page) {
  // Measured as the box draws it: the placeholder put in as its value at the placeholder's
  // size (no input event is fired), then whether the text overflows. (A canvas measure of the font passed while the
  // box cut off the last letter.)
  return page.locator('input[type=search]').evaluate((el) => {
    const typed = el.value;
    el.value = el.placeholder;
    el.style.fontSize = getComputedStyle(el, '::placeholder').fontSize; // the hint's own size
    const fits = el.scrollWidth <= el.clientWidth;
    el.style.fontSize = '';
    el.value = typed;
    return { text: el.placeholder, fits };
  });
}

test('phone: New deal, search, rep and off track in sight, the rest behind "More", nothing off to the side', async (t) => {
  const app = await phone(t);
  const { page } = app;
  const tools = page.locator('.board-tools');
  const inSight = async (locator) => {
    const box = await locator.boundingBox();
    return box !== null && box.x >= 0 && box.x + box.width <= 390;
  };
  assert.equal(await tools.evaluate((el) => el.scrollWidth <= el.clientWidth), true, 'the row does not scroll sideways');
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390, 'nor does the page');
  for (const tool of [
    page.getByRole('button', { name: 'New deal', exact: true }),
    page.getByRole('searchbox', { name: 'Search deals' }),
    page.getByLabel('Filter by owner', { exact: true }),
    page.getByTestId('off-track-filter'),
  ]) {
    assert.ok(await inSight(tool), `${tool} in sight`);
  }
  assert.deepEqual(await searchPlaceholderFits(page), { text: 'Find title, customer, contact', fits: true });
  const firstCard = await card(page, 'Stark upgrade').boundingBox();
  // (0.5 before the title and Targets shared a line; ~0.43 since.)
  assert.ok(firstCard.y < 844 * 0.45, `the first card starts at y=${firstCard.y}, in the upper 45 %`);
  const [title, targets] = [page.locator('h1'), page.getByRole('button', { name: 'Targets', exact: true })];
  const [a, b] = [await title.boundingBox(), await targets.boundingBox()];
  assert.ok(a.y < b.y + b.height && b.y < a.y + a.height, `Targets on the title line: ${JSON.stringify([a, b])}`);
  // A card's "⋯" is finger-sized (44 px) inside the card, without a blank line under the title.
  const stark = card(page, 'Stark upgrade');
  const [box, dealTitle, trigger, customer] = await Promise.all(
    [stark, stark.locator('h3'), stark.getByRole('button', { name: 'Actions for Stark upgrade' }), stark.locator('.deal-customer')].map((l) => l.boundingBox()),
  );
  assert.ok(trigger.width >= 44 && trigger.height >= 44, `trigger ${JSON.stringify(trigger)}`);
  assert.ok(trigger.x + trigger.width <= box.x + box.width && trigger.y >= box.y, 'the trigger is inside the card');
  const gap = customer.y - (dealTitle.y + dealTitle.height);
  assert.ok(gap < 8, `the customer line follows the title (gap ${gap} px; 29 px before)`);

  // The rest is folded away until "More" is tapped, then wraps in sight, and works.
  const more = page.getByTestId('more-tools');
  const stages = page.getByRole('button', { name: 'Stages', exact: true });
  const language = page.getByLabel('Language', { exact: true });
  assert.equal(await more.getAttribute('aria-expanded'), 'false');
  assert.equal(await stages.isVisible(), false, 'Stages folded away');
  await more.tap();
  assert.equal(await more.getAttribute('aria-expanded'), 'true');
  for (const tool of [stages, language, page.getByLabel('Filter by region', { exact: true })]) {
    assert.ok(await inSight(tool), `${tool} in sight after More`);
  }
  assert.equal(await tools.evaluate((el) => el.scrollWidth <= el.clientWidth), true, 'still nothing sideways');
  // Escape folds it, with the focus back on "More".
  await stages.focus();
  await page.keyboard.press('Escape');
  assert.equal(await more.getAttribute('aria-expanded'), 'false', 'Escape folds it');
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'more-tools');
  await more.tap();
  await language.selectOption('zh-CN');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  assert.equal((await more.textContent()).trim(), '更多 ▾');
  assert.equal(await more.getAttribute('aria-expanded'), 'false', 'a language chosen folds it');
  assert.equal((await searchPlaceholderFits(page)).fits, true, 'the Chinese placeholder fits too');
  await more.tap();
  await page.getByRole('button', { name: '阶段', exact: true }).tap();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: '关闭', exact: true }).tap();
  await dialog.waitFor({ state: 'detached' });
  await more.tap();
  assert.equal(await language.isVisible(), false, 'folded again');
  assertNoErrors(app, assert);
});

test('a wide screen has every tool in the row and no "More"', async (t) => {
  const app = await openAppFor(t, { contextOptions: { viewport: { width: 1366, height: 768 } } });
  const { page } = app;
  await card(page, 'Stark upgrade').waitFor();
  assert.equal(await page.getByTestId('more-tools').isVisible(), false);
  for (const name of ['Stages', 'Import', 'Export', 'Clear board']) {
    assert.ok(await page.getByRole('button', { name, exact: true }).isVisible(), `${name} in the row`);
  }
  assert.ok(await page.getByLabel('Filter by region', { exact: true }).isVisible());
  // The two exports side by side say what each file is for.
  assert.equal(
    await page.getByRole('button', { name: 'Export', exact: true }).getAttribute('title'),
    'The whole board as a file, to share with the team or import back',
  );
  assert.match(await page.getByRole('button', { name: 'Export CSV', exact: true }).getAttribute('title'), /spreadsheet \(CSV\)/);
  assert.deepEqual(await searchPlaceholderFits(page), { text: 'Find title, customer, contact', fits: true });
  assertNoErrors(app, assert);
});
