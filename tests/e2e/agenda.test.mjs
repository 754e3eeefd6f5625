// "Next steps": every deal's next step, soonest first (overdue at the top), for the rep the
// board is filtered to or the whole team; "Mark done" logs a step from the list (one undoable
// edit) and the deal's title opens it. On a fixed day (Playwright's clock: 2026-11-20).

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openAppFor, stopSharedServer, assertNoErrors, card, dealDialog, dealField, storedBoard, waitForStoredBoard,
  undoButton, setNextStep,
} from './helpers.mjs';

after(stopSharedServer);

const DAY = new Date('2026-11-20T09:00:00Z');

const agendaDialog = (page) => page.locator('.agenda-dialog');

/** Opens "Next steps" and reads it: the heading and, per row, [when, what, deal line]. */
async function openAgenda(page) {
  await page.getByTestId('agenda-button').click();
  await agendaDialog(page).waitFor();
  return readAgenda(page);
}

const readAgenda = (page) =>
  agendaDialog(page).evaluate((d) => ({
    heading: d.querySelector('h2').textContent.trim(),
    rows: [...d.querySelectorAll('.agenda li')].map((li) => [
      li.querySelector('.agenda-when').textContent.trim(),
      li.querySelector('.agenda-what').textContent.trim(),
      li.querySelector('.agenda-deal').textContent.trim(),
      li.classList.contains('overdue'),
    ]),
    empty: d.querySelector('.agenda-empty')?.textContent.trim() ?? null,
  }));

test('next steps are listed soonest first, per rep; Mark done logs one, undo brings it back; a title opens its deal', async (t) => {
  const app = await openAppFor(t, { clock: DAY });
  const { page } = app;
  await card(page, 'Stark upgrade').waitFor();

  // The sample's open deals each have a step; these three get new ones.
  await setNextStep(page, 'Vandelay imports', { kind: 'Demo', due: '2026-11-25', note: 'Show the reports' });
  await setNextStep(page, 'Stark upgrade', { kind: 'Call', due: '2026-11-18', note: 'Ask about budget' });
  await setNextStep(page, 'Hooli expansion', { kind: 'Meeting', due: '2026-11-20', note: '' });
  await waitForStoredBoard(page, (b) => b.deals.find((d) => d.title === 'Hooli expansion').next_step?.due === '2026-11-20');
  const deals = (await storedBoard(page)).deals;
  const whose = (title) => {
    const d = deals.find((x) => x.title === title);
    return `${title} — ${d.customer} · ${d.owner}`;
  };
  // Every step of a deal not lost, soonest first, then by title.
  const planned = deals
    .filter((d) => d.next_step && d.status !== 'lost')
    .sort((a, b) => a.next_step.due.localeCompare(b.next_step.due) || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
  const mine = (rows) => rows.filter((r) => ['Stark upgrade', 'Hooli expansion', 'Vandelay imports'].includes(r[2].split(' — ')[0]));

  const all = await openAgenda(page);
  assert.equal(all.heading, 'Next steps');
  assert.deepEqual(all.rows.map((r) => r[2]), planned.map((d) => whose(d.title)));
  assert.ok(planned.length > 10, `${planned.length} steps`);
  assert.deepEqual(mine(all.rows), [
    ['Next step overdue 2 days', 'Call · 2026-11-18 · Ask about budget', whose('Stark upgrade'), true],
    ['Today', 'Meeting · 2026-11-20', whose('Hooli expansion'), false],
    ['In 5 days', 'Demo · 2026-11-25 · Show the reports', whose('Vandelay imports'), false],
  ]);

  // Mark done from the list: it leaves the list, the deal logs it done today.
  await agendaDialog(page).locator('li', { hasText: 'Ask about budget' }).getByTestId('agenda-done').click();
  await agendaDialog(page).locator('li', { hasText: 'Ask about budget' }).waitFor({ state: 'detached' });
  await waitForStoredBoard(page, (b) => b.deals.some((d) => d.activities?.length));
  const stark = (await storedBoard(page)).deals.find((d) => d.title === 'Stark upgrade');
  assert.deepEqual(stark.activities, [{ kind: 'call', done: '2026-11-20', note: 'Ask about budget' }]);
  assert.equal(stark.next_step, undefined);
  assert.equal((await readAgenda(page)).rows.length, planned.length - 1);
  await page.keyboard.press('Escape');
  await undoButton(page).click();
  await card(page, 'Stark upgrade').locator('.deal-next').waitFor();

  // The rep filter narrows the list to that rep's steps.
  const owner = deals.find((d) => d.title === 'Hooli expansion').owner;
  await page.getByLabel('Filter by owner', { exact: true }).selectOption(owner);
  const theirs = await openAgenda(page);
  assert.equal(theirs.heading, `Next steps · ${owner}`);
  const expected = planned.filter((d) => d.owner === owner).map((d) => whose(d.title));
  assert.deepEqual(theirs.rows.map((r) => r[2]), expected);

  // A deal's title opens its dialog.
  await agendaDialog(page).getByRole('button', { name: 'Hooli expansion', exact: true }).click();
  await dealDialog(page).waitFor();
  assert.equal(await dealField(page, 'Title').inputValue(), 'Hooli expansion');
  await page.keyboard.press('Escape');
  await dealDialog(page).waitFor({ state: 'detached' });

  // With no deal left, the list says so.
  await page.locator('header.board-header').getByRole('button', { name: 'Clear board', exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Clear board', exact: true }).click();
  await page.getByRole('heading', { name: 'Your pipeline is empty' }).waitFor();
  assert.equal((await openAgenda(page)).empty, 'No next step is planned.');
  assertNoErrors(app, assert);
});

test('next steps speak Chinese', async (t) => {
  const app = await openAppFor(t, { clock: DAY });
  const { page } = app;
  await setNextStep(page, 'Stark upgrade', { kind: 'Call', due: '2026-11-23', note: '' });
  await page.getByLabel('Language', { exact: true }).selectOption('zh-CN');
  await page.getByTestId('agenda-button').click();
  const read = await readAgenda(page);
  assert.equal(read.heading, '下一步计划');
  assert.equal(read.rows.find((r) => r[2].startsWith('Stark upgrade'))[0], '3 天后');
  assert.equal((await agendaDialog(page).getByTestId('agenda-done').first().textContent()).trim(), '标记完成');
  assertNoErrors(app, assert);
});
