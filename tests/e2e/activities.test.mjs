// Steps done: the deal dialog's "Mark done" logs the next step as typed, done today, with the
// customer's satisfaction rating, in a list newest first (markup shown as text, "Remove" takes
// one out); Cancel drops them, Save keeps them as one undoable edit, in storage and exports
// (oldest first) and after a reload; a step done restarts a deal's idle days; the scorecard
// counts them ("Satisfaction", "Activities done"), after-sales visits on old wins included;
// Chinese wording. On a fixed day (Playwright's clock: 2026-11-20, in 2026-Q4).

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openAppFor, stopSharedServer, assertNoErrors, card, dealDialog, dealField, labelled, storedBoard,
  waitForStoredBoard, undoButton, exportJson, openTargets, openMenu, DOWNLOADS, BOARD_KEY, LANG_KEY,
} from './helpers.mjs';

after(stopSharedServer);

const DAY = new Date('2026-11-20T09:00:00Z');
const at = (iso) => Date.parse(`${iso}T12:00:00Z`);

/** Opens a deal's dialog by its title. */
async function openDeal(page, title) {
  await card(page, title).locator('h3').click();
  const dialog = dealDialog(page);
  await dialog.waitFor({ state: 'visible' });
  return dialog;
}

/** Types a step into the open dialog's "Next step" fields (those given) and clicks "Mark done". */
async function markDone(page, { kind, due, note, rating } = {}) {
  const dialog = dealDialog(page);
  const before = await dialog.locator('ul[data-testid="deal-activities"] > li').count();
  if (kind !== undefined) await dialog.getByTestId('step-kind').selectOption({ label: kind });
  if (due !== undefined) await dealField(page, 'Due').fill(due);
  if (note !== undefined) await dealField(page, 'What to do').fill(note);
  if (rating !== undefined) await dialog.getByTestId('step-rating').selectOption(String(rating));
  await dialog.getByTestId('step-done').click();
  await dialog.locator('ul[data-testid="deal-activities"] > li').nth(before).waitFor();
}

/** The open dialog's list of steps done, as shown (top to bottom). */
const doneList = async (page) =>
  (await dealDialog(page).locator('div.steps-done ul[data-testid="deal-activities"] > li > span').allTextContents()).map((s) => s.trim());

const save = async (page) => {
  await dealDialog(page).getByRole('button', { name: 'Save', exact: true }).click();
  await dealDialog(page).waitFor({ state: 'detached' });
};

test('"Mark done" logs the step as typed, newest first, clears the fields; Remove and Cancel', async (t) => {
  const app = await openAppFor(t, { clock: DAY });
  const { page } = app;
  const dialog = await openDeal(page, 'Stark upgrade');
  const rating = dialog.getByTestId('step-rating');
  const doneButton = dialog.getByTestId('step-done');
  assert.equal((await doneButton.textContent()).trim(), 'Mark done');
  assert.equal(await labelled(dialog, 'Customer satisfaction').getAttribute('data-testid'), 'step-rating');
  assert.deepEqual(
    await rating.locator('option').evaluateAll((os) => os.map((o) => [o.value, o.textContent.trim()])),
    [['0', '–'], ['1', '1'], ['2', '2'], ['3', '3'], ['4', '4'], ['5', '5']],
  );
  assert.equal(await dialog.locator('div.steps-done').count(), 0, 'no list before a step is done');

  // The step the sample planned (a call, to confirm the budget), done today.
  assert.equal(await dealField(page, 'What to do').inputValue(), 'Confirm budget and timing');
  await markDone(page);
  assert.deepEqual(await doneList(page), ['✓ Call · 2026-11-20 · Confirm budget and timing']);
  // Nothing typed: still a call done today.
  await markDone(page, { kind: 'Call' });
  assert.deepEqual(await doneList(page), ['✓ Call · 2026-11-20', '✓ Call · 2026-11-20 · Confirm budget and timing']);
  assert.equal((await dialog.locator('div.steps-done > p').textContent()).trim(), 'Done');

  // Due a later day, but done today; rated 4. The fields empty again, the kind stays.
  await markDone(page, { kind: 'Follow-up visit', due: '2026-11-25', note: 'Checked the install', rating: 4 });
  assert.deepEqual(
    [await dealField(page, 'Due').inputValue(), await dealField(page, 'What to do').inputValue(), await rating.inputValue()],
    ['', '', '0'],
  );
  assert.equal(await dialog.getByTestId('step-kind').evaluate((s) => s.selectedOptions[0].textContent.trim()), 'Follow-up visit');

  // A note that looks like markup is text.
  await markDone(page, { kind: 'Meeting', note: '<b>x</b>' });
  assert.deepEqual(await doneList(page), [
    '✓ Meeting · 2026-11-20 · <b>x</b>',
    '✓ Follow-up visit · 2026-11-20 · Checked the install · ★ 4/5',
    '✓ Call · 2026-11-20',
    '✓ Call · 2026-11-20 · Confirm budget and timing',
  ]);
  assert.equal(await dialog.locator('ul[data-testid="deal-activities"] b').count(), 0, 'no <b> element');

  // Remove takes that one entry out.
  await dialog.locator('ul[data-testid="deal-activities"] > li').nth(2).getByRole('button', { name: /^Remove / }).click();
  await dialog.locator('ul[data-testid="deal-activities"] > li').nth(3).waitFor({ state: 'detached' });
  assert.deepEqual(await doneList(page), [
    '✓ Meeting · 2026-11-20 · <b>x</b>',
    '✓ Follow-up visit · 2026-11-20 · Checked the install · ★ 4/5',
    '✓ Call · 2026-11-20 · Confirm budget and timing',
  ]);

  // Cancel drops them: the dialog opens without them, and storage never gets them.
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await dialog.getByRole('button', { name: 'Discard', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  await openDeal(page, 'Stark upgrade');
  assert.equal(await dealDialog(page).locator('div.steps-done').count(), 0, 'cancelled steps are gone');
  await page.waitForTimeout(700); // longer than the save's debounce, so a wrong save would show
  const board = await storedBoard(page);
  assert.deepEqual(board?.deals.filter((d) => 'activities' in d).map((d) => d.title) ?? [], []);
  assertNoErrors(app, assert);
});

test('Save stores the steps oldest first, exports them, keeps them over a reload; one undo takes an edit back', async (t) => {
  const app = await openAppFor(t, { clock: DAY, contextOptions: DOWNLOADS });
  const { page } = app;
  await openDeal(page, 'Hooli expansion');
  await markDone(page, { kind: 'Follow-up visit', note: 'Site visit', rating: 4 });
  await markDone(page, { kind: 'Complaint', note: 'Late delivery' });
  await save(page);

  const first = [
    { kind: 'follow_up', done: '2026-11-20', note: 'Site visit', rating: 4 },
    { kind: 'complaint', done: '2026-11-20', note: 'Late delivery' },
  ];
  await waitForStoredBoard(page, (b) => b.deals.some((d) => d.activities));
  const stored = await storedBoard(page);
  assert.deepEqual(stored.deals.find((d) => d.title === 'Hooli expansion').activities, first);
  assert.deepEqual(stored.deals.filter((d) => 'activities' in d).map((d) => d.title), ['Hooli expansion'], 'no member without steps done');
  const exported = (await exportJson(page)).envelope.board.deals;
  assert.deepEqual(exported.find((d) => d.title === 'Hooli expansion').activities, first);
  assert.deepEqual(exported.filter((d) => 'activities' in d).map((d) => d.title), ['Hooli expansion']);

  // After a reload the dialog lists them again, newest first.
  await app.reload();
  const listed = ['✓ Complaint · 2026-11-20 · Late delivery', '✓ Follow-up visit · 2026-11-20 · Site visit · ★ 4/5'];
  await openDeal(page, 'Hooli expansion');
  assert.deepEqual(await doneList(page), listed);

  // One edit: remove the complaint and mark a rated demo; one undo takes both back.
  const complaint = dealDialog(page).locator('ul[data-testid="deal-activities"] > li', { hasText: 'Complaint' });
  assert.equal(await complaint.getByRole('button').getAttribute('aria-label'), 'Remove Complaint · 2026-11-20 · Late delivery');
  await complaint.getByRole('button', { name: /^Remove / }).click();
  await complaint.waitFor({ state: 'detached' });
  await markDone(page, { kind: 'Demo', rating: 5 });
  assert.deepEqual(await doneList(page), ['✓ Demo · 2026-11-20 · ★ 5/5', '✓ Follow-up visit · 2026-11-20 · Site visit · ★ 4/5']);
  await save(page);
  await waitForStoredBoard(page, (b) => b.deals.some((d) => d.activities?.some((a) => a.kind === 'demo')));
  assert.deepEqual((await storedBoard(page)).deals.find((d) => d.title === 'Hooli expansion').activities, [first[0], { kind: 'demo', done: '2026-11-20', note: '', rating: 5 }]);

  await undoButton(page).click();
  await waitForStoredBoard(page, (b) => b.deals.some((d) => d.activities?.some((a) => a.kind === 'complaint')));
  assert.deepEqual((await storedBoard(page)).deals.find((d) => d.title === 'Hooli expansion').activities, first);
  await openDeal(page, 'Hooli expansion');
  assert.deepEqual(await doneList(page), listed);
  assertNoErrors(app, assert);
});

const STAGE = (id, probability, kind, extra = {}) => ({ id, name: id[0].toUpperCase() + id.slice(1), preset: id, probability, kind, ...extra });
const BOARD = (stages, deals) => ({
  format: 'dealboard', version: 3, saved_at: at('2026-11-20'), app_version: '0.1.0',
  board: { stages, deals, deleted: [], settings: { default_currency: 'USD', behind_threshold: 85 }, targets: [], deleted_targets: [] },
});
/** A seeded deal through `path` ([stage, ISO day] …), ending in the last stage as `status`. */
function deal(id, owner, path, { status = 'open', activities } = {}) {
  const history = path.map(([stage, day]) => ({ stage, entered: at(day) }));
  const last = history[history.length - 1];
  return {
    id, title: `Deal ${id}`, customer: 'Acme', contact: '', value: 100_000, currency: 'USD', owner, product: '', region: '',
    close_date: null, notes: '', ...(activities ? { activities } : {}), stage: last.stage, rank: 1, status,
    created: history[0].entered, updated: last.entered, stage_entered: last.entered,
    won_at: status === 'won' ? last.entered : null, history, revision: 0,
  };
}
const done = (kind, day, rating) => ({ kind, done: day, note: '', ...(rating ? { rating } : {}) });

/** Opens the app on the fixed day with `snapshot` in storage (and `lang`). */
async function openSeeded(t, snapshot, lang) {
  const app = await openAppFor(t, { clock: DAY });
  const entries = [[BOARD_KEY, JSON.stringify(snapshot)], ...(lang ? [[LANG_KEY, lang]] : [])];
  await app.page.evaluate((kv) => kv.forEach(([k, v]) => window.localStorage.setItem(k, v)), entries);
  await app.reload();
  return app;
}

test('idle days count from the last step done: marking one done clears the idle alert, undo brings it back', async (t) => {
  const stages = [STAGE('lead', 10, 'open', { idle_days: 30 }), STAGE('won', 100, 'won'), STAGE('lost', 0, 'lost')];
  const app = await openSeeded(t, BOARD(stages, [
    deal('i1', 'Ben Okafor', [['lead', '2026-10-11']]), // 40 days, nothing done
    deal('i2', 'Ben Okafor', [['lead', '2026-10-01']], { activities: [done('call', '2026-11-10')] }), // called 10 days ago
    deal('i3', 'Ben Okafor', [['lead', '2026-10-01']], { activities: [done('meeting', '2026-10-16', 3)] }), // 35 days ago
  ]));
  const { page } = app;
  const idle = (id) => card(page, `Deal ${id}`).locator('[data-alert="idle"]');
  await idle('i1').filter({ hasText: 'Idle 40 days in this stage' }).waitFor();
  assert.equal((await idle('i3').textContent()).trim(), 'Idle 35 days in this stage', 'counted from the meeting');
  assert.equal(await idle('i2').count(), 0, 'a call 10 days ago: not idle');

  await openDeal(page, 'Deal i1');
  await markDone(page, { note: 'Called back' });
  await save(page);
  await idle('i1').waitFor({ state: 'detached' });
  await waitForStoredBoard(page, (b) => b.deals.find((d) => d.id === 'i1').activities?.length === 1);

  await undoButton(page).click();
  await idle('i1').filter({ hasText: 'Idle 40 days in this stage' }).waitFor();
  assert.equal(await idle('i2').count(), 0);
  assertNoErrors(app, assert);
});

/** Q4 2026: Alice 4 steps (rated 4, 5, 4) on an open deal and a win of 2025; Ben 1 unrated on a
 * lost deal; Cara 2 (5, 4) on a win of the quarter; Dan only an old win's rated visit. */
const SCORED = BOARD(
  ['lead', 'demo', 'won', 'lost'].map((id, i) => STAGE(id, [10, 40, 100, 0][i], i < 2 ? 'open' : id)),
  [
    deal('a1', 'Alice Chen', [['demo', '2026-09-01']], {
      activities: [done('demo', '2026-06-01', 1), done('call', '2026-10-05', 4), done('meeting', '2026-11-02', 5)],
    }),
    deal('a2', 'Alice Chen', [['lead', '2025-01-10'], ['won', '2025-03-01']], {
      status: 'won', activities: [done('follow_up', '2026-11-15', 4), done('complaint', '2026-11-18')],
    }),
    deal('b1', 'Ben Okafor', [['lead', '2026-09-20'], ['lost', '2026-11-10']], { status: 'lost', activities: [done('call', '2026-10-12')] }),
    deal('c1', 'Cara Diaz', [['lead', '2026-10-01'], ['won', '2026-11-05']], {
      status: 'won', activities: [done('meeting', '2026-10-28', 5), done('follow_up', '2026-11-12', 4)],
    }),
    deal('d1', 'Dan Ito', [['lead', '2025-05-01'], ['won', '2025-06-01']], { status: 'won', activities: [done('follow_up', '2026-10-20', 3)] }),
  ],
);

/** The scorecard as rows of cell texts (header row first). */
const scoreRows = (page) =>
  page.getByTestId('scorecard').evaluate((el) => [...el.querySelectorAll('tr')].map((tr) => [...tr.children].map((c) => c.textContent.trim())));

test('the scorecard shows each rep’s and the team’s satisfaction and activities done in the period', async (t) => {
  const app = await openSeeded(t, SCORED);
  const { page } = app;
  await page.locator('main.board section.stage').first().waitFor();
  await openTargets(page);
  await page.getByTestId('scorecard').locator('tr').nth(1).waitFor();
  const rows = await scoreRows(page);
  assert.deepEqual(rows[0].slice(6, 10), ['Repeat customers', 'Satisfaction', 'Activities done', 'Open pipeline']);
  const pick = (rs) => rs.slice(1).map((r) => [r[0], r[7], r[8]]);
  assert.deepEqual(pick(rows), [
    ['Alice Chen', '4.3 (3)', '4'],
    ['Ben Okafor', '–', '1'],
    ['Cara Diaz', '4.5 (2)', '2'],
    ['Dan Ito', '3.0 (1)', '1'],
    ['Whole team', '4.2 (6)', '8'],
  ]);

  // The whole year: Alice's Q2 demo (rated 1) counts too.
  await page.getByTestId('scorecard-period').fill('2026');
  await page.getByTestId('scorecard').locator('tr', { hasText: 'Alice Chen' }).filter({ hasText: '3.5 (4)' }).waitFor();
  const year = pick(await scoreRows(page));
  assert.deepEqual(year[0], ['Alice Chen', '3.5 (4)', '5']);
  assert.deepEqual(year[year.length - 1], ['Whole team', '3.7 (7)', '9']);
  assertNoErrors(app, assert);
});

test('Chinese: the button, the list, the rating and the scorecard columns', async (t) => {
  const app = await openSeeded(t, SCORED, 'zh-CN');
  const { page } = app;
  const dialog = await openDeal(page, 'Deal a1');
  assert.equal((await dialog.getByTestId('step-done').textContent()).trim(), '标记完成');
  assert.equal(await labelled(dialog, '客户满意度').getAttribute('data-testid'), 'step-rating');
  assert.equal(await dialog.locator('div.steps-done > p').textContent().then((s) => s.trim()), '已完成');
  await dialog.getByTestId('step-done').click();
  await dialog.locator('ul[data-testid="deal-activities"] > li').nth(3).waitFor();
  assert.match((await doneList(page))[0], /^✓ .+ · 2026-11-20$/);
  await dialog.getByRole('button', { name: '取消', exact: true }).click();
  assert.equal(await dialog.getByRole('alertdialog').locator('p').textContent(), '放弃刚才输入的内容？这些内容尚未保存。');
  await dialog.getByRole('button', { name: '放弃', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });

  await page.locator('.board-header button').filter({ hasText: /目标/ }).first().click();
  await page.getByTestId('scorecard').locator('tr').nth(1).waitFor();
  const rows = await scoreRows(page);
  assert.deepEqual(rows[0].slice(7, 9), ['客户满意度', '完成活动']);
  assert.deepEqual(rows[1].slice(7, 9), ['4.3 (3)', '4'], 'the same figures');
  assertNoErrors(app, assert);
});

test('the card menu’s "Next step done" logs the step done today and clears it; only a deal with a step has it; undo', async (t) => {
  const app = await openAppFor(t, { clock: DAY });
  const { page } = app;
  // The sample's won deals have no next step.
  await card(page, 'Wayne support').waitFor();
  const menu = await openMenu(page, 'Wayne support');
  assert.equal(await menu.getByTestId('menu-step-done').count(), 0, 'no next step, no item');
  await page.keyboard.press('Escape');

  const dialog = await openDeal(page, 'Stark upgrade');
  await dialog.getByTestId('step-kind').selectOption({ label: 'Demo' });
  await dealField(page, 'Due').fill('2026-11-24');
  await dealField(page, 'What to do').fill('Show the reports');
  await save(page);
  await card(page, 'Stark upgrade').locator('.deal-next').waitFor();

  const withStep = await openMenu(page, 'Stark upgrade');
  const item = withStep.getByTestId('menu-step-done');
  assert.equal((await item.textContent()).trim(), 'Next step done');
  await item.click();
  await card(page, 'Stark upgrade').locator('.deal-next').waitFor({ state: 'detached' });
  await waitForStoredBoard(page, (b) => b.deals.some((d) => d.activities?.length));
  const stored = (await storedBoard(page)).deals.find((d) => d.title === 'Stark upgrade');
  assert.deepEqual(stored.activities, [{ kind: 'demo', done: '2026-11-20', note: 'Show the reports' }]);
  assert.equal(stored.next_step, undefined);

  await undoButton(page).click();
  await card(page, 'Stark upgrade').locator('.deal-next').waitFor();
  await waitForStoredBoard(page, (b) => !b.deals.some((d) => d.activities?.length));
  assertNoErrors(app, assert);
});
