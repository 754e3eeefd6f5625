// Deal alerts: a stage may carry `idle_days` (a deal there that long is idle) and `limit` (the
// most deals it should hold). Cards of open deals in open stages say why they are off track
// (idle, or past their close date), columns count them and flag a broken limit, the header
// filters the board down to them, the stage editor sets both as undoable commands, and both
// travel with storage and export. The board is seeded in storage (as storage.test.mjs does:
// write the key, reload) with times computed from the browser's clock, so each day count is
// exact on any day. Days are UTC days, as the app counts them; "Stale lead" entered its stage
// late in the day, so an app counting 24-hour spans instead of calendar days is caught.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import {
  openAppFor, stopSharedServer, exactly, assertNoErrors, card, ownerFilter, undoButton, storedBoard,
  waitForStoredBoard, exportJson, DOWNLOADS, BOARD_KEY, LANG_KEY,
} from './helpers.mjs';

after(stopSharedServer);

const DAY = 86_400_000;
const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);

/** The seeded board on the UTC day starting at `today` (ms). Alice's deals are the off-track ones. */
function seedBoard(today) {
  const stage = (id, probability, kind, extra = {}) => ({ id, name: id[0].toUpperCase() + id.slice(1), preset: id, probability, kind, ...extra });
  let rank = 0;
  const deal = (id, title, stageId, entered, close, extra = {}) => ({
    id, title, customer: 'Acme Corp', contact: '', value: 1_000_000, currency: 'USD', owner: 'Ben Okafor',
    product: '', region: '', close_date: close, notes: '', stage: stageId, rank: rank++, status: 'open',
    created: entered, updated: entered, stage_entered: entered, history: [{ stage: stageId, entered }],
    revision: 0, ...extra,
  });
  const alice = { owner: 'Alice Chen' };
  return {
    format: 'dealboard', version: 3, saved_at: today, app_version: '0.1.0',
    board: {
      stages: [
        stage('lead', 10, 'open', { idle_days: 30, limit: 5 }),
        stage('demo', 40, 'open', { idle_days: 30, limit: 2 }), // 3 deals: over its limit
        stage('proposal', 60, 'open', { limit: 2 }), // 2 deals: at its limit, not over
        stage('negotiation', 80, 'open'), // no thresholds
        stage('won', 100, 'won', { idle_days: 1 }), // never off track: not an open stage
        stage('lost', 0, 'lost'),
      ],
      deals: [
        // 23:30 on the day 40 days ago: 40 calendar days, though under 40 × 24 hours.
        deal('a-1', 'Stale lead', 'lead', today - 40 * DAY + 23.5 * 3_600_000, isoDay(today + 30 * DAY), alice),
        deal('a-2', 'Fresh lead', 'lead', today, isoDay(today + 30 * DAY)),
        deal('a-3', 'Late demo', 'demo', today - 2 * DAY, isoDay(today - 9 * DAY), alice),
        deal('a-4', 'Stale late demo', 'demo', today - 31 * DAY, isoDay(today - 3 * DAY), alice),
        // Just inside both thresholds: 29 days of 30, and due today (not before today).
        deal('a-5', 'Almost stale demo', 'demo', today - 29 * DAY + 300_000, isoDay(today)),
        deal('a-6', 'Proposal one', 'proposal', today - 5 * DAY, isoDay(today + 20 * DAY)),
        deal('a-7', 'Proposal two', 'proposal', today - 5 * DAY, null),
        deal('a-8', 'Ten-day negotiation', 'negotiation', today - 10 * DAY, isoDay(today + 10 * DAY)),
        deal('a-9', 'Won long ago', 'won', today - 50 * DAY, isoDay(today - 20 * DAY), { status: 'won', won_at: today - 20 * DAY }),
        deal('a-10', 'Lost long ago', 'lost', today - 15 * DAY, isoDay(today - 15 * DAY), { status: 'lost' }),
      ],
      deleted: [], settings: { default_currency: 'USD', behind_threshold: 85 }, targets: [], deleted_targets: [],
    },
  };
}

/** Opens the app on the seeded board (and `lang`), clear of UTC midnight so "today" holds. */
async function openSeeded(t, { lang, ...options } = {}) {
  const left = DAY - (Date.now() % DAY);
  if (left < 90_000) await new Promise((resolve) => setTimeout(resolve, left + 1_000));
  const app = await openAppFor(t, options);
  const today = Math.floor((await app.page.evaluate(() => Date.now())) / DAY) * DAY;
  const entries = [[BOARD_KEY, JSON.stringify(seedBoard(today))], ...(lang ? [[LANG_KEY, lang]] : [])];
  await app.page.evaluate((kv) => kv.forEach(([k, v]) => window.localStorage.setItem(k, v)), entries);
  await app.reload();
  await card(app.page, 'Stale lead').waitFor({ state: 'visible' });
  return app;
}

/**
 * All the alerts show, read at once so one deepEqual shows the whole difference: shown cards
 * { title: { offTrack, idle?, overdue? } }, columns { id: { count, offTrack, offTrackLabel,
 * limit, over, overLimit } }, the header's filter { text, pressed, disabled }; hidden = null.
 */
function alerts(page) {
  return page.evaluate(() => {
    const shown = (el) => (el && el.checkVisibility() ? el : null);
    const text = (el) => shown(el)?.textContent.trim() ?? null;
    const cards = {};
    for (const c of document.querySelectorAll('article.deal-card')) {
      if (!shown(c)) continue;
      const found = { offTrack: c.classList.contains('off-track') };
      for (const a of c.querySelectorAll('.deal-alert')) if (shown(a)) found[a.dataset.alert] = text(a);
      cards[text(c.querySelector('h3'))] = found;
    }
    const stages = {};
    for (const s of document.querySelectorAll('main.board section.stage')) {
      const chip = shown(s.querySelector('[data-testid="stage-off-track"]'));
      const limit = shown(s.querySelector('[data-testid="stage-limit"]'));
      stages[s.dataset.stageId] = {
        count: Number(text(s.querySelector('[data-testid="stage-count"]'))),
        offTrack: text(chip), offTrackLabel: chip?.getAttribute('aria-label') ?? null,
        limit: text(limit), over: limit ? limit.classList.contains('over') : null, // The column's red top edge (style/board.css), drawn for a chip that is over.
        overLimit: getComputedStyle(s).boxShadow !== 'none',
      };
    }
    const b = shown(document.querySelector('[data-testid="off-track-filter"]'));
    return { cards, stages, filter: b && { text: text(b), pressed: b.getAttribute('aria-pressed'), disabled: b.disabled } };
  });
}

/** Polls alerts() until `pick(state)` deep-equals `expected` (5 s); returns the last pick for the assert. */
async function settle(page, pick, expected) {
  const deadline = Date.now() + 5_000;
  let got = pick(await alerts(page));
  while (!isDeepStrictEqual(got, expected) && Date.now() < deadline) {
    await page.waitForTimeout(50);
    got = pick(await alerts(page));
  }
  return got;
}

const ok = { offTrack: false };
/** The seeded board's cards as the contract words their alerts. */
const SEEDED_CARDS = {
  'Stale lead': { offTrack: true, idle: 'Idle 40 days in this stage' },
  'Fresh lead': ok,
  'Late demo': { offTrack: true, overdue: 'Close date passed 9 days ago' },
  'Stale late demo': { offTrack: true, idle: 'Idle 31 days in this stage', overdue: 'Close date passed 3 days ago' },
  'Almost stale demo': ok, 'Proposal one': ok, 'Proposal two': ok, 'Ten-day negotiation': ok, 'Won long ago': ok, 'Lost long ago': ok,
};
const column = (count, extra = {}) => ({ count, offTrack: null, offTrackLabel: null, limit: null, over: null, overLimit: false, ...extra });
const SEEDED_STAGES = {
  lead: column(2, { offTrack: '⚠ 1', offTrackLabel: '1 deal off track', limit: 'Limit 5', over: false }),
  demo: column(3, { offTrack: '⚠ 2', offTrackLabel: '2 deals off track', limit: 'Limit 2', over: true, overLimit: true }),
  proposal: column(2, { limit: 'Limit 2', over: false }),
  negotiation: column(1), won: column(1), lost: column(1),
};

test('seeded alerts: idle and overdue cards, open deals only, column chips and limits', async (t) => {
  const app = await openSeeded(t);
  const { page } = app;
  assert.deepEqual(await settle(page, (s) => s.cards, SEEDED_CARDS), SEEDED_CARDS);
  assert.deepEqual(await settle(page, (s) => s.stages, SEEDED_STAGES), SEEDED_STAGES);
  // The chips share the name's line: a column with chips starts its cards as high as one
  // without (with the chips on a line of their own, Lead's and Demo's cards started lower).
  const tops = await page.evaluate(() =>
    [...document.querySelectorAll('main.board section.stage')].map((s) => [s.dataset.stageId, Math.round(s.querySelector('.deal-list').getBoundingClientRect().top)]),
  );
  assert.equal(new Set(tops.map(([, top]) => top)).size, 1, `every column's cards start at one height: ${JSON.stringify(tops)}`);
  assertNoErrors(app, assert);
});

test('header filter: counts the shown off-track deals, shows only them, and back; disabled at 0', async (t) => {
  const app = await openSeeded(t);
  const { page } = app;
  const all = { text: 'Off track · 3', pressed: 'false', disabled: false };
  assert.deepEqual(await settle(page, (s) => s.filter, all), all);

  await page.getByTestId('off-track-filter').click();
  const offTrack = Object.fromEntries(Object.entries(SEEDED_CARDS).filter(([, c]) => c.offTrack));
  assert.deepEqual(await settle(page, (s) => s.cards, offTrack), offTrack);
  const counts = (s) => Object.fromEntries(Object.entries(s.stages).map(([id, c]) => [id, c.count]));
  const filtered = { lead: 1, demo: 2, proposal: 0, negotiation: 0, won: 0, lost: 0 };
  assert.deepEqual(await settle(page, counts, filtered), filtered);
  const state = await alerts(page);
  assert.deepEqual(state.filter, { text: 'Off track · 3', pressed: 'true', disabled: false });
  // The limit counts all of the stage's deals, not the 2 the filter leaves shown.
  assert.equal(state.stages.demo.overLimit, true, 'Demo stays over its limit of 2 while filtered');

  await page.getByTestId('off-track-filter').click();
  assert.deepEqual(await settle(page, (s) => s.cards, SEEDED_CARDS), SEEDED_CARDS);
  assert.deepEqual(await settle(page, (s) => s.filter, all), all);

  // The count follows the other filters: Ben's deals are all on track, so there is nothing to show.
  await ownerFilter(page).selectOption({ label: 'Ben Okafor' });
  const none = { text: 'Off track · 0', pressed: 'false', disabled: true };
  assert.deepEqual(await settle(page, (s) => s.filter, none), none);
  assertNoErrors(app, assert);
});

/** The stage editor's row for a stage id, and its two threshold inputs. */
const row = (page, id) => page.locator(`li.stage-row[data-stage-row="${id}"]`);
const idleInput = (page, id) => row(page, id).getByTestId('stage-idle-days');
const limitInput = (page, id) => row(page, id).getByTestId('stage-limit-input');

async function openEditor(page) {
  await page.locator('header.board-header').getByRole('button', { name: 'Stages', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit stages' });
  await dialog.waitFor({ state: 'visible' });
  return dialog;
}
const closeEditor = (dialog) => dialog.getByRole('button', { name: 'Close', exact: true }).click();

/** Types `value` into an editor input and commits it with Tab (a change event). */
const commit = async (input, value) => (await input.fill(value), await input.press('Tab'));

test('stage editor: idle days and limit are set, undone, refused at 0, stored and exported', async (t) => {
  const app = await openSeeded(t, { contextOptions: DOWNLOADS });
  const { page } = app;
  const tenDay = (s) => [s.cards['Ten-day negotiation'], s.stages.negotiation.offTrack, s.filter.text];
  const before = [ok, null, 'Off track · 3'];
  const idle = [{ offTrack: true, idle: 'Idle 10 days in this stage' }, '⚠ 1', 'Off track · 4'];

  let dialog = await openEditor(page);
  // Each box has its caption in sight (its <label>), not only a tooltip.
  const labels = [idleInput, limitInput].map((input) =>
    input(page, 'negotiation').evaluate((el) => {
      const caption = el.labels[0]?.querySelector('span');
      return caption?.checkVisibility() ? caption.textContent.trim() : null;
    }),
  );
  assert.deepEqual(await Promise.all(labels), ['Idle alert after (days)', 'Deal limit']);
  assert.equal(await idleInput(page, 'negotiation').inputValue(), '', 'no threshold: empty');
  await commit(idleInput(page, 'negotiation'), '5');
  await closeEditor(dialog);
  assert.deepEqual(await settle(page, tenDay, idle), idle, 'idle after 5 days: the 10-day deal is idle');

  // One undo takes the setting back.
  await undoButton(page).click();
  assert.deepEqual(await settle(page, tenDay, before), before, 'undone');
  await waitForStoredBoard(page, (b) => !('idle_days' in b.stages.find((s) => s.id === 'negotiation')));
  dialog = await openEditor(page);
  assert.equal(await idleInput(page, 'negotiation').inputValue(), '', 'the editor shows it off again');

  // 0 is refused with an error in the dialog, in either field (a fresh dialog each, so each
  // error is its own), and nothing changes.
  for (const input of [idleInput, limitInput]) {
    if (input === limitInput) dialog = await openEditor(page);
    await commit(input(page, 'negotiation'), '0');
    const error = dialog.getByRole('alert');
    await error.waitFor({ state: 'visible' });
    assert.notEqual((await error.textContent()).trim(), '', 'the error says something');
    await closeEditor(dialog);
  }
  await page.waitForTimeout(700); // longer than the save's debounce, so a wrong save would show
  const unchanged = await alerts(page);
  assert.deepEqual(tenDay(unchanged), before);
  assert.deepEqual(unchanged.stages.negotiation, SEEDED_STAGES.negotiation, 'no limit chip either');
  const negotiation = (await storedBoard(page)).stages.find((s) => s.id === 'negotiation');
  assert.ok(!('idle_days' in negotiation) && !('limit' in negotiation), JSON.stringify(negotiation));

  // Idle days again, and a limit below Proposal's 2 deals.
  dialog = await openEditor(page);
  await commit(idleInput(page, 'negotiation'), '5');
  await commit(limitInput(page, 'proposal'), '1');
  await closeEditor(dialog);
  const overOne = column(2, { limit: 'Limit 1', over: true, overLimit: true });
  assert.deepEqual(await settle(page, (s) => s.stages.proposal, overOne), overOne);
  assert.deepEqual(await settle(page, tenDay, idle), idle);

  // Stored, exported (left out where off), and still there after a reload.
  await waitForStoredBoard(page, (b) => {
    const byId = Object.fromEntries(b.stages.map((s) => [s.id, s]));
    return byId.negotiation.idle_days === 5 && byId.proposal.limit === 1;
  });
  const exported = Object.fromEntries((await exportJson(page)).envelope.board.stages.map((s) => [s.id, s]));
  const pick = (id) => ['idle_days', 'limit'].filter((k) => k in exported[id]).map((k) => [k, exported[id][k]]);
  assert.deepEqual(
    ['negotiation', 'proposal', 'demo', 'won', 'lost'].map((id) => [id, ...pick(id)]),
    [['negotiation', ['idle_days', 5]], ['proposal', ['limit', 1]], ['demo', ['idle_days', 30], ['limit', 2]], ['won', ['idle_days', 1]], ['lost']],
    'set, kept from the seed, or left out when off',
  );

  await app.reload();
  assert.deepEqual(await settle(page, (s) => s.stages.proposal, overOne), overOne, 'after reload');
  assert.deepEqual(await settle(page, tenDay, idle), idle, 'after reload');
  await openEditor(page);
  assert.deepEqual([await idleInput(page, 'negotiation').inputValue(), await limitInput(page, 'proposal').inputValue()], ['5', '1']);
  assertNoErrors(app, assert);
});

test('Chinese: the alerts are translated and keep their day counts', async (t) => {
  const app = await openSeeded(t, { lang: 'zh-CN' });
  const { page } = app;
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  await card(page, 'Stale lead').locator('.deal-alert').first().waitFor({ state: 'visible' });
  const { cards } = await alerts(page);
  // Not the English words, but the same day counts (the Chinese wording itself may change).
  for (const [title, kind, days, english] of [['Stale lead', 'idle', 40, /Idle|days/], ['Late demo', 'overdue', 9, /Close date|ago/]]) {
    const text = cards[title]?.[kind] ?? '';
    assert.equal(cards[title]?.offTrack, true, title);
    assert.doesNotMatch(text, english, `${title}: not the English text`);
    assert.match(text, new RegExp(`(^|\\D)${days}(\\D|$)`), `${title}: the day count ${days} in ${JSON.stringify(text)}`);
  }
  assertNoErrors(app, assert);
});

test('a page left open over midnight shows the deals that went off track, without a change', async (t) => {
  // 23:59 UTC: "Almost stale demo" has been in Demo 29 of its 30 days and closes today.
  const app = await openSeeded(t, { clock: new Date('2027-03-10T23:59:00Z') });
  const { page } = app;
  const almost = card(page, 'Almost stale demo');
  assert.equal(await almost.locator('.deal-alert').count(), 0);
  assert.equal((await page.getByTestId('off-track-filter').textContent()).trim(), 'Off track · 3');
  // Two minutes later it is the next day. Nothing was done on the board: only the app's own
  // check of the day (every 30 s) can tell the card, the column and the header.
  await page.clock.fastForward(120_000);
  await almost.locator('[data-alert="overdue"]').filter({ hasText: exactly('Close date passed 1 day ago') }).waitFor();
  assert.equal((await almost.locator('[data-alert="idle"]').textContent()).trim(), 'Idle 30 days in this stage');
  await page.getByTestId('off-track-filter').filter({ hasText: 'Off track · 4' }).waitFor();
  const demo = page.locator('section.stage[data-stage-id="demo"] [data-testid="stage-off-track"]');
  assert.equal((await demo.textContent()).trim(), '⚠ 3');
  assertNoErrors(app, assert);
});
