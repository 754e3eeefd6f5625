// Sharing the board by file (issue 4): JSON export and import (Replace, undoable; Merge after a
// preview), files with errors that change nothing, repeated ids renamed, CSV out (BOM, formula
// cells neutralised) and in (column mapping, per-line errors), files dropped on the board, and
// hostile text that must stay text. Input files live in tests/e2e/files/.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  openAppFor,
  stopSharedServer,
  assertNoErrors,
  column,
  card,
  cardTitles,
  boardTitles,
  stageNames,
  stageFigures,
  pipelineFigures,
  moveByMenu,
  deleteByMenu,
  editDeal,
  addDeal,
  dealDialog,
  dealField,
  storageGet,
  storedBoard,
  waitForStoredBoard,
  waitForStorageChange,
  undoButton,
  BOARD_KEY,
  STAGES,
  DOWNLOADS,
  FILES,
  downloadFrom,
  exportJson,
  importDialog,
  importFile,
  confirmReplace,
  mergePreview,
  mergeText,
  counted,
  mergeStagesText,
  dropFile,
  parseCsvText,
} from './helpers.mjs';

after(stopSharedServer);

const ROOT = path.resolve(FILES, '..', '..', '..');
const PIPEDRIVE = path.join(ROOT, 'tests', 'fixtures', 'pipedrive-export.csv');
const file = (name) => path.join(FILES, name);
const readFile = (name) => fs.readFileSync(file(name), 'utf8');

/** Everything the board shows: card titles per column, each column's figures, the pipeline. */
async function boardSummary(page) {
  const titles = await boardTitles(page);
  const figures = {};
  for (const name of Object.keys(titles)) figures[name] = await stageFigures(page, name);
  return { titles, figures, pipeline: await pipelineFigures(page) };
}

/** The import summary line for a snapshot: "N deals and M stages, saved YYYY-MM-DD HH:MM." */
function summaryText(deals, stages, savedAt) {
  const saved = new Date(savedAt).toISOString().replace('T', ' ').slice(0, 16);
  return `${counted(deals, 'deal', 'deals')} and ${counted(stages, 'stage', 'stages')}, saved ${saved}.`;
}

/** The first paragraph of an open snapshot dialog (its summary). */
async function dialogSummary(dialog) {
  return (await dialog.locator('p').first().textContent()).trim();
}

/** The texts of a list's items, trimmed. */
async function itemTexts(locator) {
  return (await locator.locator('li').allTextContents()).map((s) => s.trim());
}

/** The stored deal with this title (null when missing). */
async function storedDeal(page, title) {
  const board = await storedBoard(page);
  return board?.deals.find((d) => d.title === title) ?? null;
}

// ---------------------------------------------------------------------------------------------
// 1. Export → import round trip

test('Export downloads a JSON snapshot; Replace in a fresh profile restores the same board', async (t) => {
  const app = await openAppFor(t, { contextOptions: DOWNLOADS });
  const { page } = app;
  // Make the board differ from the sample board that a fresh profile starts with.
  await addDeal(page, {
    title: '出口测试 round trip',
    customer: 'Roundtrip Ltd',
    value: '12345.67',
    currency: 'EUR',
    stage: 'Demo',
    closeDate: '2027-02-03',
    notes: 'line one\nline two, "quoted"',
  });
  await moveByMenu(page, 'Acme renewal', 'Won');
  const soylentId = await card(page, 'Soylent trial').getAttribute('data-deal-id');
  await deleteByMenu(page, 'Soylent trial');
  await waitForStoredBoard(
    page,
    (b) => b.deals.length === 24 && b.deleted.length === 1 && b.deals.some((d) => d.title === 'Acme renewal' && d.stage === 'won'),
  );
  const before = await boardSummary(page);
  assert.deepEqual(before.titles.Demo, ['Globex pilot', 'Tyrell archive', 'Jinhai retail pilot', 'Wonka logistics', '出口测试 round trip']);

  const started = Date.now();
  const exported = await exportJson(page);
  assert.equal(exported.name, `dealboard-${new Date().toISOString().slice(0, 10)}.json`);
  const env = exported.envelope;
  assert.equal(env.format, 'dealboard');
  assert.ok(Number.isInteger(env.version) && env.version >= 2, `version ${env.version}`);
  assert.ok(Math.abs(env.saved_at - started) < 60_000, `saved_at ${env.saved_at} is the export time`);
  assert.match(env.app_version, /^\d+\.\d+\.\d+/);
  assert.deepEqual(Object.keys(env).slice(0, 5), ['format', 'version', 'saved_at', 'app_version', 'board']);
  assert.ok(exported.text.includes('\n  "board": {'), 'readable (indented) JSON');
  const { board } = env;
  for (const key of ['stages', 'deals', 'deleted', 'settings']) assert.ok(key in board, `board.${key}`);
  assert.equal(board.stages.length, 7);
  assert.equal(board.deals.length, 24);
  assert.deepEqual(board.deleted.map((d) => d.id), [soylentId], 'the deletion travels as a tombstone');
  assert.equal(board.settings.default_currency, 'USD');
  const added = board.deals.find((d) => d.title === '出口测试 round trip');
  assert.equal(added.value, 1234567);
  assert.equal(added.currency, 'EUR');
  assert.equal(added.close_date, '2027-02-03');
  assert.equal(added.notes, 'line one\nline two, "quoted"');
  // The file holds exactly what the app stored.
  assert.deepEqual(board, await storedBoard(page));

  // A fresh profile starts with the sample board; importing with Replace gives ours.
  const other = await openAppFor(t);
  assert.notDeepEqual(await boardSummary(other.page), before);
  const dialog = await importFile(other.page, { name: exported.name, text: exported.text });
  assert.equal(await dialogSummary(dialog), summaryText(24, 7, env.saved_at));
  await confirmReplace(dialog);
  assert.deepEqual(await boardSummary(other.page), before);
  await waitForStoredBoard(other.page, (b) => b.deals.some((d) => d.title === '出口测试 round trip'));
  assert.deepEqual(await storedBoard(other.page), board, 'the imported board is stored as it was exported');

  // And it survives a reload there.
  await other.reload();
  assert.deepEqual(await boardSummary(other.page), before);
  assertNoErrors(app, assert);
  assertNoErrors(other, assert);
});

// ---------------------------------------------------------------------------------------------
// 2. Files with errors change nothing

/** Adds a deal so that a board is stored; resolves to { stored, summary } afterwards. */
async function storedStart(page) {
  await addDeal(page, { title: 'Keep me', stage: 'Lead' });
  await waitForStoredBoard(page, (b) => b.deals.some((d) => d.title === 'Keep me'));
  return { stored: await storageGet(page, BOARD_KEY), summary: await boardSummary(page) };
}

/** Asserts that the open dialog refused the file with exactly `problems`, closes it, and checks that nothing changed. */
async function assertRefused(page, dialog, problems, start) {
  const alert = dialog.getByRole('alert');
  assert.equal(
    (await alert.locator('p').textContent()).trim(),
    'This file was not imported and nothing changed. Problems found:',
  );
  assert.deepEqual(await itemTexts(alert), problems);
  for (const name of ['Replace my board', 'Merge into my board', 'Merge']) {
    assert.equal(await dialog.getByRole('button', { name, exact: true }).count(), 0, `no ${name} button`);
  }
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.waitForTimeout(700); // past the save delay
  assert.equal(await storageGet(page, BOARD_KEY), start.stored, 'stored board unchanged');
  assert.deepEqual(await boardSummary(page), start.summary, 'board unchanged');
}

test('a file with errors lists each problem with its place and changes nothing', async (t) => {
  const app = await openAppFor(t);
  const { page } = app;
  const start = await storedStart(page);
  const dialog = await importFile(page, file('bad-references.json'));
  await assertRefused(
    page,
    dialog,
    [
      'stages[1].probability: expected 0 to 100',
      'deals[0].stage: no stage has id "nowhere"',
      'deals[1].value: cannot be negative',
    ],
    start,
  );
  assertNoErrors(app, assert);
});

test('a wrong type and a missing stage in one file are both reported', async (t) => {
  const app = await openAppFor(t);
  const { page } = app;
  const start = await storedStart(page);
  // deals[0].value is "abc" and deals[2] is in a stage that does not exist: two problems.
  const dialog = await importFile(page, file('bad-type-and-reference.json'));
  await assertRefused(
    page,
    dialog,
    ['deals[0].value: expected a number, found string "abc"', 'deals[2].stage: no stage has id "nowhere"'],
    start,
  );
  assertNoErrors(app, assert);
});

test('a newer format, broken JSON and foreign JSON are refused with why, changing nothing', async (t) => {
  const app = await openAppFor(t);
  const { page } = app;
  const start = await storedStart(page);

  let dialog = await importFile(page, file('newer-version.json'));
  await assertRefused(page, dialog, ['format version 99, this app reads up to version 3'], start);

  dialog = await importFile(page, { name: 'cut-off.json', text: '{"format": "dealboard", "version": 2, "board": {' });
  const cut = await itemTexts(dialog.getByRole('alert'));
  assert.equal(cut.length, 1);
  assert.match(cut[0], /^not JSON: /);
  await assertRefused(page, dialog, cut, start);

  dialog = await importFile(page, { name: 'other-app.json', text: '{"hello": "world"}' });
  await assertRefused(page, dialog, ['not a Dealboard snapshot: it has no "format" field'], start);
  assertNoErrors(app, assert);
});

// ---------------------------------------------------------------------------------------------
// 3. Merge

/** A new deal for a crafted file, shaped like the exported ones. */
function newDeal(template, id, title, stage, value, at) {
  const deal = {
    ...structuredClone(template),
    id,
    title,
    customer: 'Teammate Co',
    value,
    currency: 'USD',
    stage,
    rank: 1_000_000,
    status: 'open',
    notes: '',
    close_date: null,
    created: at,
    updated: at,
    stage_entered: at,
    history: [{ stage, entered: at }],
    revision: 0,
  };
  delete deal.won_at;
  delete deal.loss_reason;
  return deal;
}

test('Merge: preview counts and result; local edits and deletions are kept, newer changes come in', async (t) => {
  const app = await openAppFor(t, { contextOptions: DOWNLOADS });
  const { page } = app;
  const exported = await exportJson(page);
  const idOf = Object.fromEntries(exported.envelope.board.deals.map((d) => [d.title, d.id]));

  // Local changes after the export: an edit and a deletion.
  await editDeal(page, 'Acme renewal', { value: '30000' });
  await deleteByMenu(page, 'Globex pilot');
  await waitForStoredBoard(page, (b) => b.deleted.length === 1 && b.deals.some((d) => d.value === 3_000_000));

  // Merging the older export changes nothing: the edit is newer, the deletion is later.
  let dialog = await importFile(page, { name: 'older.json', text: exported.text });
  assert.equal(await dialogSummary(dialog), summaryText(24, 7, exported.envelope.saved_at));
  assert.deepEqual(await mergePreview(dialog), [mergeText({ unchanged: 23 }), mergeStagesText({ byId: 7 })]);
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await card(page, 'Globex pilot').count(), 0, 'the deleted deal stays deleted');
  assert.equal(await card(page, 'Acme renewal').locator('.deal-value').textContent(), '$30,000', 'the local edit is kept');
  assert.equal(await page.locator('article.deal-card').count(), 23);
  await waitForStoredBoard(page, (b) => b.deals.length === 23);
  let stored = await storedBoard(page);
  assert.equal(stored.deals.find((d) => d.id === idOf['Acme renewal']).value, 3_000_000);
  assert.ok(stored.deleted.some((d) => d.id === idOf['Globex pilot']));

  // A teammate's file, crafted from the export.
  const theirs = structuredClone(exported.envelope);
  const b = theirs.board;
  const later = Date.now() + 60_000;
  const find = (title) => b.deals.find((d) => d.title === title);
  // Their Demo stage has another id and a differently written name: matched by name.
  // Trial is theirs only: added after our stages.
  b.stages = b.stages.map((s) => (s.id === 'demo' ? { id: 's-demo', name: ' demo ', probability: 40, kind: 'open' } : s));
  b.stages.push({ id: 's-trial', name: 'Trial', probability: 30, kind: 'open' });
  for (const d of b.deals) {
    if (d.stage === 'demo') d.stage = 's-demo';
    for (const visit of d.history) if (visit.stage === 'demo') visit.stage = 's-demo';
  }
  // Updated: a plainly newer version (higher revision, later time).
  const initech = find('Initech rollout');
  Object.assign(initech, { title: 'Initech rollout v2', value: 6_100_000, revision: initech.revision + 1, updated: later });
  // Conflict: both changed Acme; theirs has more revisions but an older time. The later
  // change (ours) wins (docs/merge.md).
  const acme = find('Acme renewal');
  Object.assign(acme, { title: 'Acme renewal (teammate)', revision: acme.revision + 3 });
  // Removed: they deleted Tyrell archive.
  b.deals = b.deals.filter((d) => d.title !== 'Tyrell archive');
  b.deleted.push({ id: idOf['Tyrell archive'], at: Date.now() });
  // New: two deals.
  b.deals.push(
    newDeal(b.deals[0], 'tm-1', 'Teammate deal one', 's-demo', 1_500_000, later),
    newDeal(b.deals[0], 'tm-2', 'Teammate deal two', 's-trial', 800_000, later),
  );
  theirs.saved_at = later;
  const text = JSON.stringify(theirs, null, 2);

  dialog = await importFile(page, { name: 'teammate.json', text });
  assert.equal(await dialogSummary(dialog), summaryText(25, 8, later));
  assert.deepEqual(await mergePreview(dialog), [
    mergeText({ added: 2, updated: 1, unchanged: 20, conflicts: 1, removed: 1 }),
    mergeStagesText({ byId: 6, byName: 1, added: 1 }),
  ]);
  // Back returns to the choice without changing anything.
  await dialog.getByRole('button', { name: 'Back', exact: true }).click();
  await mergePreview(dialog);
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });

  assert.deepEqual(await stageNames(page), [...STAGES, 'Trial'], 'our stages keep their order and names; Trial is added');
  const titles = await boardTitles(page);
  assert.deepEqual(titles.Demo, ['Jinhai retail pilot', 'Wonka logistics', 'Teammate deal one']);
  assert.deepEqual(titles.Trial, ['Teammate deal two']);
  assert.deepEqual(titles.Proposal, ['Initech rollout v2', 'Massive Dynamic seats', 'Huawen distribution', 'Monarch renewal']);
  assert.deepEqual(titles.Negotiation, ['Acme renewal', 'Cyberdyne analytics', 'Aperture research']);
  assert.equal(await card(page, 'Initech rollout v2').locator('.deal-value').textContent(), '$61,000');
  assert.equal(await card(page, 'Acme renewal').locator('.deal-value').textContent(), '$30,000', 'our later edit wins');
  assert.equal(await card(page, 'Tyrell archive').count(), 0, 'their deletion travels');
  assert.equal(await card(page, 'Globex pilot').count(), 0, 'our deletion stays');
  assert.equal(await page.locator('article.deal-card').count(), 24);
  assert.deepEqual(await stageFigures(page, 'Trial'), { count: 1, total: '$8,000', weighted: '$2,400' });

  await waitForStoredBoard(page, (board) => board.deals.some((d) => d.id === 'tm-2'));
  stored = await storedBoard(page);
  assert.equal(stored.deals.find((d) => d.id === 'tm-1').stage, 'demo', 'deals of a stage matched by name follow our id');
  assert.deepEqual(
    stored.deleted.map((d) => d.id).sort(),
    [idOf['Globex pilot'], idOf['Tyrell archive']].sort(),
  );

  // Merging the same file again changes nothing. Acme still differs on both sides (and is
  // still reported as a conflict), but ours stays: it is the later change.
  dialog = await importFile(page, { name: 'teammate.json', text });
  assert.deepEqual(await mergePreview(dialog), [
    mergeText({ unchanged: 23, conflicts: 1 }),
    mergeStagesText({ byId: 7, byName: 1 }),
  ]);
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.deepEqual(await boardTitles(page), titles);
  assertNoErrors(app, assert);
});

// ---------------------------------------------------------------------------------------------
// 4. Replace is confirmed and undoable

const SMALL = {
  Lead: ['Northwind pilot'],
  Pilot: ['Contoso rollout'],
  Won: ['Fabrikam renewal'],
};

test('Replace asks first, then replaces the board; Undo and Ctrl+Z bring the old board back', async (t) => {
  const app = await openAppFor(t);
  const { page } = app;
  const before = await boardSummary(page);
  const small = JSON.parse(readFile('small-board.json'));

  const dialog = await importFile(page, file('small-board.json'));
  assert.equal(await dialogSummary(dialog), summaryText(3, 3, small.saved_at));
  await dialog.getByRole('button', { name: 'Replace my board', exact: true }).click();
  assert.equal(
    (await dialog.getByRole('alert').textContent()).trim(),
    "Replace every deal and stage on this board with the file's? You can undo this.",
  );
  // Back: nothing changed, the choice is offered again.
  await dialog.getByRole('button', { name: 'Back', exact: true }).click();
  await dialog.getByRole('button', { name: 'Merge into my board', exact: true }).waitFor();
  assert.deepEqual(await boardSummary(page), before);
  await confirmReplace(dialog);

  assert.deepEqual(await boardTitles(page), SMALL);
  assert.deepEqual(await stageFigures(page, 'Pilot'), { count: 1, total: '€25,000', weighted: '€12,500' });
  await waitForStoredBoard(page, (b) => b.deals.length === 3 && b.stages.length === 3);

  await undoButton(page).click();
  assert.deepEqual(await boardSummary(page), before, 'Undo brings the previous board back');
  await waitForStoredBoard(page, (b) => b.deals.length === 24 && b.stages.length === 7);

  await page.keyboard.press('Control+Shift+Z');
  assert.deepEqual(await boardTitles(page), SMALL, 'Redo replaces again');
  await page.keyboard.press('Control+Z');
  assert.deepEqual(await boardSummary(page), before, 'Ctrl+Z undoes the Replace');
  await waitForStoredBoard(page, (b) => b.deals.length === 24 && b.stages.length === 7);
  await app.reload();
  assert.deepEqual(await boardSummary(page), before, 'the undone board is what is stored');
  assertNoErrors(app, assert);
});

test('undoing a Replace keeps the deletions made before it (an older file cannot bring them back)', async (t) => {
  const app = await openAppFor(t, { contextOptions: DOWNLOADS });
  const { page } = app;
  const older = await exportJson(page); // still holds Globex pilot
  const globexId = older.envelope.board.deals.find((d) => d.title === 'Globex pilot').id;
  await deleteByMenu(page, 'Globex pilot');
  await waitForStoredBoard(page, (b) => b.deleted.length === 1);
  const before = await boardSummary(page);

  await confirmReplace(await importFile(page, file('small-board.json')));
  assert.deepEqual(await boardTitles(page), SMALL);
  await waitForStoredBoard(page, (b) => b.deals.length === 3);
  const replaced = await storageGet(page, BOARD_KEY);
  await undoButton(page).click();
  assert.deepEqual(await boardSummary(page), before);
  await waitForStorageChange(page, BOARD_KEY, replaced); // the undone board is saved
  const stored = await storedBoard(page);
  assert.equal(stored.deals.length, 23);
  assert.ok(
    stored.deleted.some((d) => d.id === globexId),
    `the tombstone of Globex pilot is back after Undo; stored deletions: ${JSON.stringify(stored.deleted)}`,
  );

  // What that means for the user: merging the older export must not bring Globex pilot back.
  const dialog = await importFile(page, { name: 'older.json', text: older.text });
  const preview = await mergePreview(dialog);
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await card(page, 'Globex pilot').count(), 0, `Globex pilot came back; the preview said: ${preview[0]}`);
  assert.equal(preview[0], mergeText({ unchanged: 23 }));
  assertNoErrors(app, assert);
});

// ---------------------------------------------------------------------------------------------
// 5. CSV import

const PIPEDRIVE_HEADERS = [
  'Deal - ID',
  'Deal - Title',
  'Deal - Organization',
  'Deal - Contact person',
  'Deal - Value',
  'Deal - Currency',
  'Deal - Stage',
  'Deal - Owner',
  'Deal - Expected close date',
  'Deal - Status',
  'Deal - Notes',
];
const GUESSED = [
  // Pipedrive's "Deal - ID": read as an Id, but Pipedrive's ids are no deal's here, so the
  // rows are new deals.
  'Id (updates that deal)',
  'Title',
  'Customer',
  'Contact',
  'Value',
  'Currency',
  'Stage',
  'Owner',
  'Expected close date',
  '(ignore)',
  'Notes',
];

/** The shown choice of every column's mapping select, in column order. */
function mappingChoices(dialog) {
  return dialog
    .locator('select[data-column]')
    .evaluateAll((els) =>
      els
        .sort((a, b) => Number(a.dataset.column) - Number(b.dataset.column))
        .map((s) => s.selectedOptions[0]?.textContent.trim() ?? null),
    );
}

test('CSV import: guessed mapping, preview, valid rows added, bad rows listed by line; a corrected mapping changes the result', async (t) => {
  const app = await openAppFor(t);
  const { page } = app;
  const before = await boardSummary(page);

  let dialog = await importFile(page, PIPEDRIVE);
  assert.deepEqual(await mappingChoices(dialog), GUESSED);
  const labels = (await dialog.locator('label.csv-column > span').allTextContents()).map((s) => s.trim());
  assert.deepEqual(labels, PIPEDRIVE_HEADERS.map((h) => `Column “${h}”`));
  const options = (await dialog.locator('select[data-column="1"] option').allTextContents()).map((s) => s.trim());
  assert.deepEqual(options, [
    '(ignore)',
    'Title',
    'Customer',
    'Contact',
    'Value',
    'Currency',
    'Stage',
    'Owner',
    'Product line',
    'Region',
    'Expected close date',
    'Notes',
    'Loss reason',
    'Id (updates that deal)',
  ]);

  // The preview: the headers and the first five rows, quoted cells undone.
  const table = dialog.locator('.csv-preview table');
  assert.deepEqual((await table.locator('th').allTextContents()).map((s) => s.trim()), PIPEDRIVE_HEADERS);
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.equal(rows.length, 5);
  assert.deepEqual(rows[0].slice(0, 5), ['101', 'Acme renewal', 'Acme Corp', 'Jane Doe', '24,000.50']);
  assert.equal(rows[1][10], 'Call back after the budget meeting.\nAsk about the second site, "Cypress Creek".');
  assert.equal(rows[2][4], 'abc');

  await dialog.getByRole('button', { name: 'Import the valid rows', exact: true }).click();
  await dialog.getByTestId('csv-added').waitFor();
  assert.equal((await dialog.getByTestId('csv-added').textContent()).trim(), '6 deals imported.');
  assert.deepEqual(await itemTexts(dialog.getByRole('alert')), [
    'line 5: Value: expected an amount, found "abc"',
    'line 6: Title: a deal needs a title',
  ]);
  assert.deepEqual(await dialog.getByTestId('csv-errors').locator('li').count(), 2);
  assert.deepEqual(await itemTexts(dialog.locator('.import-warnings')), [
    'line 8: Stage: no stage is named "Contact Made"; the deal goes to "Lead"',
    'line 10: Stage: empty; the deal goes to "Lead"',
  ]);
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });

  // The six valid rows are on the board, in the stages named in the file.
  assert.equal(await page.locator('article.deal-card').count(), 30);
  assert.equal(await card(page, 'Acme renewal', column(page, 'Proposal')).count(), 1);
  assert.ok((await cardTitles(page, 'Qualified')).includes('Globex expansion'));
  assert.ok((await cardTitles(page, 'Negotiation')).includes('华文分销'));
  assert.ok((await cardTitles(page, 'Won')).includes('Wayne security audit'));
  const lead = await cardTitles(page, 'Lead');
  assert.ok(lead.includes('Stark "Mark II" upgrade') && lead.includes('Soylent renewal'), lead.join(' | '));
  assert.equal(await card(page, 'Initech pilot').count(), 0, 'the row with value "abc" is not imported');
  assert.equal(await card(page, '华文分销').locator('.deal-value').textContent(), '¥350,000');
  assert.equal(await card(page, 'Stark "Mark II" upgrade').locator('.deal-value').textContent(), '$1,200,000');
  await waitForStoredBoard(page, (b) => b.deals.length === 30);
  const acme = (await storedBoard(page)).deals.find((d) => d.title === 'Acme renewal' && d.stage === 'proposal');
  assert.deepEqual(
    [acme.value, acme.currency, acme.customer, acme.contact, acme.owner, acme.close_date],
    [2_400_050, 'USD', 'Acme Corp', 'Jane Doe', 'Alice Chen', '2026-12-15'],
  );
  const huawen = await storedDeal(page, '华文分销');
  assert.deepEqual([huawen.value, huawen.currency, huawen.customer, huawen.notes], [35_000_000, 'CNY', '华文贸易', '重点客户']);
  assert.equal((await storedDeal(page, 'Globex expansion')).notes, 'Call back after the budget meeting.\nAsk about the second site, "Cypress Creek".');
  assert.equal((await storedDeal(page, 'Stark "Mark II" upgrade')).notes, '=HYPERLINK("http://example.com")');

  // The whole file was one step: Undo takes all six out.
  await undoButton(page).click();
  assert.deepEqual(await boardSummary(page), before);

  // Again, reading the Value column as nothing: the "abc" row now imports (value 0).
  dialog = await importFile(page, PIPEDRIVE);
  await dialog.locator('select[data-column="4"]').selectOption({ label: '(ignore)' });
  assert.deepEqual(await mappingChoices(dialog), GUESSED.map((g, i) => (i === 4 ? '(ignore)' : g)));
  await dialog.getByRole('button', { name: 'Import the valid rows', exact: true }).click();
  await dialog.getByTestId('csv-added').waitFor();
  assert.equal((await dialog.getByTestId('csv-added').textContent()).trim(), '7 deals imported.');
  assert.deepEqual(await itemTexts(dialog.getByTestId('csv-errors')), ['line 6: Title: a deal needs a title']);
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await page.locator('article.deal-card').count(), 31);
  assert.equal(await card(page, 'Initech pilot', column(page, 'Demo')).count(), 1);
  assert.equal(await card(page, 'Initech pilot').locator('.deal-value').textContent(), '$0');
  assert.equal(await card(page, 'Globex expansion').locator('.deal-value').textContent(), '$0', 'values are not read now');
  assertNoErrors(app, assert);
});

// ---------------------------------------------------------------------------------------------
// 6. CSV export

const EXPORT_HEADERS = [
  'Title',
  'Customer',
  'Contact',
  'Value',
  'Currency',
  'Stage',
  'Owner',
  'Product line',
  'Region',
  'Expected close date',
  'Status',
  'Loss reason',
  'Notes',
  'Created',
  'Updated',
  'Id',
];

test('Export CSV: BOM, header row, Chinese text intact, formula cells written with a leading quote; it imports back', async (t) => {
  const app = await openAppFor(t, { contextOptions: DOWNLOADS });
  const { page } = app;
  await addDeal(page, { title: '华为云迁移项目', customer: '深圳华为', contact: '张伟', value: '88000', currency: 'CNY', stage: 'Qualified', notes: '重点：年底前签约' });
  const formula = '=HYPERLINK("http://evil.example","click")';
  await addDeal(page, { title: formula, customer: '@SUM(1+1)', contact: '+44 20 7946 0000', notes: '-1 discount', stage: 'Lead' });

  const csv = await downloadFrom(page, 'Export CSV');
  assert.equal(csv.name, `dealboard-deals-${new Date().toISOString().slice(0, 10)}.csv`);
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
  const text = csv.text.slice(1);
  assert.ok(text.startsWith(`${EXPORT_HEADERS.join(',')}\r\n`), 'header row, CRLF');
  const rows = parseCsvText(text);
  assert.deepEqual(rows[0], EXPORT_HEADERS);
  assert.equal(rows.length, 1 + 26);
  const col = Object.fromEntries(EXPORT_HEADERS.map((h, i) => [h, i]));
  assert.ok(rows.slice(1).every((r) => r.length === EXPORT_HEADERS.length), 'every row has every column');

  const chinese = rows.find((r) => r[col.Title] === '华为云迁移项目');
  assert.ok(chinese, 'the Chinese title survives');
  assert.deepEqual(
    [chinese[col.Customer], chinese[col.Contact], chinese[col.Value], chinese[col.Currency], chinese[col.Stage], chinese[col.Notes]],
    ['深圳华为', '张伟', '88000.00', 'CNY', 'Qualified', '重点：年底前签约'],
  );
  const guarded = rows.find((r) => r[col.Title] === `'${formula}`);
  assert.ok(guarded, `a title starting with = gets a leading ': ${rows.map((r) => r[0]).join(' | ')}`);
  assert.equal(guarded[col.Customer], "'@SUM(1+1)");
  assert.equal(guarded[col.Contact], "'+44 20 7946 0000");
  assert.equal(guarded[col.Notes], "'-1 discount");
  assert.ok(text.includes(`"'=HYPERLINK(""http://evil.example"",""click"")"`), 'quotes doubled inside a quoted cell');
  for (const row of rows.slice(1)) {
    for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `a cell a spreadsheet would run: ${cell}`);
  }

  // Imported back into the board it came from, every row names its own deal (Id): nothing
  // is doubled, nothing changes.
  let dialog = await importFile(page, { name: csv.name, buffer: csv.bytes });
  const choices = await mappingChoices(dialog);
  assert.deepEqual(choices.slice(0, 10), EXPORT_HEADERS.slice(0, 10));
  assert.equal(choices.at(-1), 'Id (updates that deal)');
  await dialog.getByRole('button', { name: 'Import the valid rows', exact: true }).click();
  await dialog.getByTestId('csv-added').waitFor();
  assert.equal((await dialog.getByTestId('csv-added').textContent()).trim(), '26 deals were already up to date.');
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  // Waited for, not read at once: the board is saved 300 ms after its last change
  // (`app/persist.rs`), and the two deals added above, the export and this import take
  // ~210 ms, so the first save of this fresh profile (whose sample board is not stored until
  // it changes) lands ~100 ms after the dialog closes.
  await waitForStoredBoard(page, (b) => b.deals.length === 26);
  assert.equal((await storedBoard(page)).deals.length, 26, 'no deal doubled');

  // Edited in a spreadsheet: the Chinese deal's value and stage change, and the formula row
  // loses its Id (so it comes in as a new deal, its guard taken off again).
  chinese[col.Value] = '99000';
  chinese[col.Stage] = 'Proposal';
  guarded[col.Id] = '';
  const quote = (cell) => `"${cell.replaceAll('"', '""')}"`;
  const edited = rows.map((r) => r.map(quote).join(',')).join('\r\n');
  dialog = await importFile(page, { name: 'edited.csv', text: edited });
  await dialog.getByRole('button', { name: 'Import the valid rows', exact: true }).click();
  await dialog.getByTestId('csv-added').waitFor();
  assert.equal(
    (await dialog.getByTestId('csv-added').textContent()).trim(),
    '1 deal imported. 1 deal on the board updated (same Id). 24 deals were already up to date.',
  );
  assert.equal(await dialog.getByTestId('csv-errors').count(), 0);
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await card(page, formula).count(), 2, 'the formula title comes back without the guard');
  const moved = card(page, '华为云迁移项目', column(page, 'Proposal'));
  await moved.waitFor();
  assert.match(await moved.textContent(), /99,000/);
  assert.equal(await card(page, '华为云迁移项目').count(), 1, 'updated, not copied');
  await waitForStoredBoard(page, (b) => b.deals.length === 27);
  const copies = (await storedBoard(page)).deals.filter((d) => d.title === formula);
  assert.deepEqual(copies.map((d) => [d.customer, d.contact, d.notes]), [
    ['@SUM(1+1)', '+44 20 7946 0000', '-1 discount'],
    ['@SUM(1+1)', '+44 20 7946 0000', '-1 discount'],
  ]);
  // One Undo takes the whole file back.
  await undoButton(page).click();
  await card(page, '华为云迁移项目', column(page, 'Qualified')).waitFor();
  await waitForStoredBoard(page, (b) => b.deals.length === 26);
  assertNoErrors(app, assert);
});

// ---------------------------------------------------------------------------------------------
// 7. Hostile input

const H = {
  img: '<img src=x onerror="window.__pwned=1">',
  script: '<script>window.__pwned=2</script>',
  alert: '<img src=x onerror=alert(1)>',
  svg: '"><svg onload="window.__pwned=3;alert(3)">',
  owner: '<b onmouseover=alert(4)>Eve</b>',
  template: "{{constructor.constructor('window.__pwned=5')()}}",
  entities: '&lt;b&gt;not bold&lt;/b&gt; &amp; &#60;i&#62;',
  textarea: '</textarea><img src=x onerror="window.__pwned=6">',
  stage: '<img src=x onerror="window.__pwned=7">',
};

/** Watches for browser dialogs (alert, confirm, prompt) opened by the page. */
function watchDialogs(page) {
  const seen = [];
  page.on('dialog', (d) => {
    seen.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  return seen;
}

/** Asserts that no injected script ran and no element with an inline handler exists. */
async function assertNothingRan(page, dialogs) {
  await page.waitForTimeout(300); // let any image error or load handler fire
  assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined', 'an injected script ran');
  assert.deepEqual(dialogs, [], 'a browser dialog opened');
  const injected = await page.evaluate(
    () => document.querySelectorAll('[onerror], [onload], [onmouseover], img[src="x"], main script, .app script').length,
  );
  assert.equal(injected, 0, 'elements from the file were created');
}

test('hostile text in a snapshot shows as text, never runs, and is exported back unchanged', async (t) => {
  const app = await openAppFor(t, { contextOptions: DOWNLOADS });
  const { page } = app;
  const dialogs = watchDialogs(page);
  const source = JSON.parse(readFile('hostile.json'));
  const name = '<img src=x onerror="window.__pwned=8">.json';

  const dialog = await importFile(page, { name, text: readFile('hostile.json') });
  assert.equal((await dialog.locator('h2').textContent()).trim(), `Import “${name}”`);
  await confirmReplace(dialog);
  await assertNothingRan(page, dialogs);

  assert.deepEqual(await stageNames(page), ['Lead', H.stage, 'Won']);
  assert.deepEqual(await boardTitles(page), { Lead: [H.img, H.script], [H.stage]: ['Plain deal'], Won: [] });
  assert.equal(await card(page, H.img).locator('.deal-customer').textContent(), H.alert);
  assert.equal(await card(page, 'Plain deal').locator('.deal-customer').textContent(), H.script);
  assert.equal(await card(page, H.img).getAttribute('aria-label'), `${H.img}, $1,000, ${H.alert}`);

  // The edit dialog shows every field as typed.
  await card(page, H.img).locator('h3').click();
  await dealDialog(page).waitFor({ state: 'visible' });
  const fields = {};
  for (const label of ['Title', 'Customer', 'Contact', 'Owner', 'Product line', 'Region', 'Notes']) {
    fields[label] = await dealField(page, label).inputValue();
  }
  assert.deepEqual(fields, {
    Title: H.img,
    Customer: H.alert,
    Contact: H.svg,
    Owner: H.owner,
    'Product line': H.template,
    Region: H.entities,
    Notes: `${H.script}\n${H.img}`,
  });
  await page.keyboard.press('Escape');
  await dealDialog(page).waitFor({ state: 'detached' });
  await card(page, 'Plain deal').locator('h3').click();
  await dealDialog(page).waitFor({ state: 'visible' });
  assert.equal(await dealField(page, 'Notes').inputValue(), H.textarea);
  await page.keyboard.press('Escape');
  await dealDialog(page).waitFor({ state: 'detached' });
  await assertNothingRan(page, dialogs);

  // Exported again: the same text, byte for byte.
  const exported = await exportJson(page);
  const strings = (d) => ({ id: d.id, title: d.title, customer: d.customer, contact: d.contact, owner: d.owner, product: d.product, region: d.region, notes: d.notes });
  assert.deepEqual(exported.envelope.board.deals.map(strings), source.board.deals.map(strings));
  assert.deepEqual(exported.envelope.board.stages.map((s) => s.name), source.board.stages.map((s) => s.name));
  const csvRows = parseCsvText((await downloadFrom(page, 'Export CSV')).text.slice(1));
  assert.deepEqual(csvRows.slice(1).map((r) => [r[0], r[1], r[12]]), [
    [H.img, H.alert, `${H.script}\n${H.img}`],
    [H.script, "Robert'); DROP TABLE deals;--", H.entities],
    ['Plain deal', H.script, H.textarea],
  ]);

  // And the export imports back the same.
  await confirmReplace(await importFile(page, { name: exported.name, text: exported.text }));
  assert.deepEqual(await boardTitles(page), { Lead: [H.img, H.script], [H.stage]: ['Plain deal'], Won: [] });
  await assertNothingRan(page, dialogs);
  assertNoErrors(app, assert);
});

test('hostile text in a CSV file shows as text in the preview and on the cards, never runs', async (t) => {
  const app = await openAppFor(t);
  const { page } = app;
  const dialogs = watchDialogs(page);
  const dialog = await importFile(page, file('hostile.csv'));
  const cells = await dialog
    .locator('.csv-preview tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.deepEqual(cells, [
    [H.img, H.script, '</td></tr></table><img src=x onerror=alert(1)>', '1000'],
    [H.script, H.svg, H.textarea, '2000'],
  ]);
  await assertNothingRan(page, dialogs);
  await dialog.getByRole('button', { name: 'Import the valid rows', exact: true }).click();
  await dialog.getByTestId('csv-added').waitFor();
  assert.equal((await dialog.getByTestId('csv-added').textContent()).trim(), '2 deals imported.');
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  const lead = await cardTitles(page, 'Lead');
  assert.deepEqual(lead.slice(-2), [H.img, H.script]);
  assert.equal(await card(page, H.script).locator('.deal-customer').textContent(), H.svg);
  await assertNothingRan(page, dialogs);
  assertNoErrors(app, assert);
});

// ---------------------------------------------------------------------------------------------
// 8. Dropping a file

test('a file dropped on the board opens the same import dialog', async (t) => {
  const app = await openAppFor(t);
  const { page } = app;
  const text = readFile('small-board.json');
  const small = JSON.parse(text);

  // Dropped anywhere on the app (here on a column): the page takes the drop.
  const taken = await dropFile(page, { name: 'dropped-board.json', text }, 'main.board section.stage');
  assert.deepEqual(taken, { overAccepted: true, dropTaken: true });
  const dialog = importDialog(page, 'dropped-board.json');
  await dialog.waitFor({ state: 'visible' });
  assert.equal(await dialogSummary(dialog), summaryText(3, 3, small.saved_at));
  for (const name of ['Cancel', 'Replace my board', 'Merge into my board']) {
    assert.equal(await dialog.getByRole('button', { name, exact: true }).count(), 1, name);
  }
  assert.deepEqual(await mergePreview(dialog), [mergeText({ added: 3 }), mergeStagesText({ byId: 2, added: 1 })]);
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.deepEqual(await stageNames(page), [...STAGES, 'Pilot']);
  assert.equal(await page.locator('article.deal-card').count(), 27);
  assert.ok((await cardTitles(page, 'Lead')).includes('Northwind pilot'));
  assert.deepEqual(await cardTitles(page, 'Pilot'), ['Contoso rollout']);

  // A CSV dropped on a card opens the column mapping.
  const csvTaken = await dropFile(page, { name: 'dropped.csv', text: 'Deal name,Amount\r\nDropped deal,5000\r\n' }, 'article.deal-card');
  assert.deepEqual(csvTaken, { overAccepted: true, dropTaken: true });
  const csvDialog = importDialog(page, 'dropped.csv');
  await csvDialog.waitFor({ state: 'visible' });
  assert.deepEqual(await mappingChoices(csvDialog), ['Title', 'Value']);
  await csvDialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await csvDialog.waitFor({ state: 'detached' });
  assert.equal(await card(page, 'Dropped deal').count(), 0, 'Cancel imports nothing');

  // Dropped text that is not a file is left alone.
  const textDrop = await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData('text/plain', 'just some text');
    const target = document.querySelector('.app');
    const over = new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true });
    target.dispatchEvent(over);
    const drop = new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true });
    target.dispatchEvent(drop);
    return { overAccepted: over.defaultPrevented, dropTaken: drop.defaultPrevented };
  });
  assert.deepEqual(textDrop, { overAccepted: false, dropTaken: false });
  await page.waitForTimeout(300);
  assert.equal(await importDialog(page).count(), 0);
  assertNoErrors(app, assert);
});

// ---------------------------------------------------------------------------------------------
// 9. Repeated ids

test('repeated deal ids in a file are renamed and reported; unknown fields are ignored', async (t) => {
  const app = await openAppFor(t);
  const { page } = app;
  const source = JSON.parse(readFile('duplicate-ids.json'));
  const dialog = await importFile(page, file('duplicate-ids.json'));
  assert.equal(await dialogSummary(dialog), summaryText(6, 2, source.saved_at));
  const repaired = dialog.locator('.import-warnings');
  assert.equal((await repaired.locator('p').textContent()).trim(), 'Repaired while reading:');
  assert.deepEqual(await itemTexts(repaired), [
    'deals[2].id: "d-1" is used twice; renamed to "d-1-2"',
    'deals[4].id: "d-5" is used 3 times; renamed to "d-5-3"',
    'deals[5].id: "d-5" is used 3 times; renamed to "d-5-4"',
  ]);
  await confirmReplace(dialog);
  assert.deepEqual(await boardTitles(page), {
    Lead: ['Dup first', 'Dup second', 'Dup third', 'Dup fourth'],
    Won: ['Dup fifth', 'Dup sixth'],
  });
  await waitForStoredBoard(page, (b) => b.deals.length === 6);
  const stored = await storedBoard(page);
  assert.deepEqual(
    stored.deals.map((d) => [d.title, d.id]),
    [
      ['Dup first', 'd-1'],
      ['Dup second', 'd-2'],
      ['Dup third', 'd-1-2'],
      ['Dup fourth', 'd-5'],
      ['Dup fifth', 'd-5-3'],
      ['Dup sixth', 'd-5-4'],
    ],
  );
  assert.deepEqual(stored.deleted.map((d) => d.id), ['d-5-2'], 'the tombstone is kept');
  // Each renamed deal is its own card: editing one leaves the other alone.
  await editDeal(page, 'Dup third', { title: 'Dup third edited' });
  assert.deepEqual(await cardTitles(page, 'Lead'), ['Dup first', 'Dup second', 'Dup third edited', 'Dup fourth']);
  assertNoErrors(app, assert);
});
