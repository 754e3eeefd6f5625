// Saving and loading the board in localStorage: changes survive a reload (debounced save and
// the flush on page hide), unreadable data is kept as a backup and never overwritten, full
// and blocked storage are reported without losing the board.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openAppFor,
  stopSharedServer,
  assertNoErrors,
  columns,
  column,
  card,
  cardTitles,
  allCardTitles,
  stageFigures,
  banners,
  moveByMenu,
  addDeal,
  storageGet,
  storageKeys,
  storedBoard,
  readStoredText,
  waitForStorageChange,
  waitForStoredBoard,
  deleteByMenu,
  editDeal,
  BOARD_KEY,
  BACKUP_KEY,
  STAGES,
} from './helpers.mjs';

after(stopSharedServer);

test('first run stores nothing until the user changes something', async (t) => {
  const app = await openAppFor(t);
  const { page } = app;
  await page.waitForTimeout(700);
  assert.equal(await storageGet(page, BOARD_KEY), null, 'the sample board is not written on load');
  assertNoErrors(app, assert);
});

test('add, edit, move and delete are saved (debounced) and restored after a reload', async (t) => {
  const app = await openAppFor(t);
  const { page } = app;
  await addDeal(page, { title: 'Persisted deal', customer: 'Keep Co', value: '5,000', stage: 'Lead', owner: 'Alice Chen' });
  await editDeal(page, 'Persisted deal', { title: 'Persisted deal v2', value: '7,250.25' });
  await moveByMenu(page, 'Persisted deal v2', 'Negotiation');
  await moveByMenu(page, 'Acme renewal', 'Won');
  await deleteByMenu(page, 'Hooli expansion');

  await waitForStoredBoard(
    page,
    (board) =>
      board.deals.length === 24 &&
      board.deals.some((d) => d.title === 'Persisted deal v2' && d.stage === 'negotiation' && d.value === 725025) &&
      board.deals.some((d) => d.title === 'Acme renewal' && d.stage === 'won') &&
      !board.deals.some((d) => d.title === 'Hooli expansion'),
  );
  const raw = await storageGet(page, BOARD_KEY);
  assert.equal(JSON.parse(raw).format, 'dealboard-store', 'stored in the compact form');
  const envelope = readStoredText(raw);
  assert.equal(envelope.version, 3);
  assert.equal(typeof envelope.saved_at, 'number');
  assert.ok(Math.abs(envelope.saved_at - Date.now()) < 60_000, `saved_at is about now: ${envelope.saved_at}`);
  assert.equal(typeof envelope.app_version, 'string');
  assert.deepEqual(envelope.board.stages.map((s) => s.id), ['lead', 'qualified', 'demo', 'proposal', 'negotiation', 'won', 'lost']);
  const saved = envelope.board.deals.find((d) => d.title === 'Persisted deal v2');
  assert.equal(saved.currency, 'USD');
  assert.equal(saved.customer, 'Keep Co');
  assert.equal(saved.owner, 'Alice Chen');
  const acme = envelope.board.deals.find((d) => d.title === 'Acme renewal');
  assert.equal(acme.status, 'won');

  const figuresBefore = {};
  for (const stage of STAGES) figuresBefore[stage] = await stageFigures(page, stage);
  const titlesBefore = {};
  for (const stage of STAGES) titlesBefore[stage] = await cardTitles(page, stage);

  await app.reload();
  assert.equal(await banners(page).count(), 0, 'no banner after a normal reload');
  for (const stage of STAGES) {
    assert.deepEqual(await cardTitles(page, stage), titlesBefore[stage], `cards of ${stage} after reload`);
    assert.deepEqual(await stageFigures(page, stage), figuresBefore[stage], `figures of ${stage} after reload`);
  }
  const persisted = card(page, 'Persisted deal v2', column(page, 'Negotiation'));
  assert.equal(await persisted.count(), 1);
  assert.equal((await persisted.locator('.deal-value').textContent()).trim(), '$7,250.25');
  assert.equal(await card(page, 'Acme renewal', column(page, 'Won')).count(), 1);
  assert.equal((await card(page, 'Acme renewal').locator('.deal-status').textContent()).trim(), 'Won');
  assert.equal(await card(page, 'Hooli expansion').count(), 0, 'a deleted deal stays deleted');
  assert.equal(await card(page, 'Persisted deal').count(), 0, 'the old title does not come back');
  assertNoErrors(app, assert);
});

test('a change followed at once by a reload is saved by the flush on page hide', async (t) => {
  const app = await openAppFor(t);
  const { page } = app;
  // Hold back the app's debounce timer (any timeout of 100 ms or more) so that only the flush
  // on page hide can save: this makes the test deterministic on a slow machine.
  await page.evaluate(() => {
    const original = window.setTimeout;
    window.__heldTimers = 0;
    window.setTimeout = function (fn, ms, ...args) {
      if (typeof ms === 'number' && ms >= 100) {
        window.__heldTimers += 1;
        return original.call(window, () => {}, 2_147_483_647);
      }
      return original.call(window, fn, ms, ...args);
    };
  });
  await moveByMenu(page, 'Globex pilot', 'Proposal');
  await page.waitForTimeout(500);
  assert.ok((await page.evaluate(() => window.__heldTimers)) >= 1, 'the change scheduled a delayed save');
  assert.equal(await storageGet(page, BOARD_KEY), null, 'not saved yet: the debounced save is held back');

  await app.reload();
  assert.equal(await card(page, 'Globex pilot', column(page, 'Proposal')).count(), 1, 'the move survived the reload');
  assert.equal((await stageFigures(page, 'Demo')).count, 3);
  const board = await storedBoard(page);
  assert.equal(board?.deals.find((d) => d.title === 'Globex pilot')?.stage, 'proposal');
  assertNoErrors(app, assert);
});

test('a change followed at once by a reload (real timers) is not lost', async (t) => {
  const app = await openAppFor(t);
  const { page } = app;
  await addDeal(page, { title: 'Quick before reload', value: '900', stage: 'Demo' });
  await app.reload();
  assert.equal(await card(page, 'Quick before reload', column(page, 'Demo')).count(), 1);
  assertNoErrors(app, assert);
});

test('unreadable stored data is kept as a backup, byte for byte, and never overwritten', async (t) => {
  const app = await openAppFor(t);
  const { page } = app;
  const garbage = '{not json';
  await page.evaluate(([k, v]) => window.localStorage.setItem(k, v), [BOARD_KEY, garbage]);
  await app.reload();

  const banner = banners(page);
  await banner.first().waitFor({ state: 'visible' });
  assert.equal(await banner.count(), 1);
  assert.match(await banner.textContent(), /Your saved board could not be read/);
  assert.match(await banner.textContent(), /not JSON/);
  assert.equal(await storageGet(page, BACKUP_KEY), garbage, 'backup holds the garbage unchanged');

  // An empty board: the stages, no deals, and a way to load the sample.
  assert.equal(await columns(page).count(), 7);
  assert.equal(await page.locator('article.deal-card').count(), 0);
  await page.getByRole('heading', { name: 'Your pipeline is empty' }).waitFor({ state: 'visible' });
  assert.equal(await page.getByRole('button', { name: 'Load sample pipeline', exact: true }).count(), 1);

  // Nothing is written over the board key until the user changes something.
  await page.waitForTimeout(700);
  assert.equal(await storageGet(page, BOARD_KEY), garbage, 'board key untouched before any change');

  // The banner offers the unreadable text for download, unchanged.
  const downloadButton = banner.getByRole('button', { name: 'Download the unreadable data', exact: true });
  const [download] = await Promise.all([page.waitForEvent('download'), downloadButton.click()]);
  const downloaded = await download.path().then((p) => import('node:fs').then((fs) => fs.readFileSync(p, 'utf8')));
  assert.equal(downloaded, garbage, 'the download is the backup text');

  // The first change saves the new board; the backup stays as it was.
  await addDeal(page, { title: 'Fresh start', value: '1,000', stage: 'Lead' });
  const saved = await waitForStorageChange(page, BOARD_KEY, garbage);
  const envelope = readStoredText(saved);
  assert.deepEqual(envelope.board.deals.map((d) => d.title), ['Fresh start']);
  assert.equal(await storageGet(page, BACKUP_KEY), garbage, 'backup unchanged after saving');
  assert.deepEqual(
    (await storageKeys(page)).filter((k) => k.startsWith(BACKUP_KEY)),
    [BACKUP_KEY],
    'no second backup was made',
  );

  // Reloading reads the new board without complaint.
  await app.reload();
  assert.equal(await banners(page).count(), 0);
  assert.deepEqual(await allCardTitles(page), ['Fresh start']);
  assert.equal(await storageGet(page, BACKUP_KEY), garbage);
  assertNoErrors(app, assert);
});

test('a second unreadable board gets its own backup key; the first backup is kept', async (t) => {
  const app = await openAppFor(t);
  const { page } = app;
  const older = 'older unreadable data';
  const garbage = '{"format":"dealboard","version":1,"board":{"stages":[],"deals":[]}}';
  await page.evaluate(
    ([b, g]) => {
      window.localStorage.setItem(b[0], b[1]);
      window.localStorage.setItem(g[0], g[1]);
    },
    [
      [BACKUP_KEY, older],
      [BOARD_KEY, garbage],
    ],
  );
  await app.reload();
  await banners(page).first().waitFor({ state: 'visible' });
  // A well-formed envelope with a board that has no stages: invalid, with the place named.
  assert.match(await banners(page).first().textContent(), /stages/);
  assert.equal(await storageGet(page, BACKUP_KEY), older, 'the older backup is not overwritten');
  assert.equal(await storageGet(page, `${BACKUP_KEY}.2`), garbage, 'the new one goes to .2');
  assert.equal(await storageGet(page, BOARD_KEY), garbage);
  assert.equal(await page.locator('article.deal-card').count(), 0);
  assertNoErrors(app, assert);
});

test('unreadable data that cannot be backed up is never written over', async (t) => {
  const app = await openAppFor(t);
  const { page, context } = app;
  const garbage = '{"format":"dealboard", truncated';
  await page.evaluate(([k, v]) => window.localStorage.setItem(k, v), [BOARD_KEY, garbage]);
  // From the next load on, writing a backup key fails as if storage were full.
  await context.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (String(key).startsWith('dealboard.backup')) throw new DOMException('full', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  await app.reload();
  await banners(page).first().waitFor({ state: 'visible' });
  const text = await banners(page).first().textContent();
  assert.match(text, /could not be read/);
  assert.match(text, /no room for a backup/);
  assert.match(text, /nothing you change now will be saved/);
  // The only copy is still under the board key: that is what the download offers.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    banners(page).getByRole('button', { name: 'Download the unreadable data' }).click(),
  ]);
  const fs = await import('node:fs');
  assert.equal(fs.readFileSync(await download.path(), 'utf8'), garbage);
  assert.equal(await storageGet(page, BACKUP_KEY), null);

  // Changes stay in memory: the only copy of the old data must survive them and a reload.
  await addDeal(page, { title: 'Must not overwrite', value: '10', stage: 'Lead' });
  await page.waitForTimeout(700);
  assert.equal(await storageGet(page, BOARD_KEY), garbage);
  await app.reload();
  assert.equal(await storageGet(page, BOARD_KEY), garbage, 'still the original text after the page was hidden');
  assertNoErrors(app, assert);
});

test('a board saved by a newer version is kept and reported as such', async (t) => {
  const app = await openAppFor(t);
  const { page } = app;
  const newer = JSON.stringify({ format: 'dealboard', version: 99, saved_at: 1, app_version: '9.0.0', board: {} });
  await page.evaluate(([k, v]) => window.localStorage.setItem(k, v), [BOARD_KEY, newer]);
  await app.reload();
  await banners(page).first().waitFor({ state: 'visible' });
  assert.match(await banners(page).first().textContent(), /newer version of Dealboard/);
  assert.equal(await storageGet(page, BACKUP_KEY), newer);
  assert.equal(await storageGet(page, BOARD_KEY), newer);
  assertNoErrors(app, assert);
});

test('storage full: a banner says so and the stored board is left as it was', async (t) => {
  const app = await openAppFor(t);
  const { page } = app;
  await moveByMenu(page, 'Acme renewal', 'Won');
  await waitForStoredBoard(page, (board) => board.deals.some((d) => d.title === 'Acme renewal' && d.stage === 'won'));
  const stored = await storageGet(page, BOARD_KEY);

  await page.evaluate(() => {
    window.__setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function () {
      throw new DOMException('full', 'QuotaExceededError');
    };
  });
  await moveByMenu(page, 'Cyberdyne analytics', 'Won');
  const banner = banners(page).filter({ hasText: /Storage is full/ });
  await banner.waitFor({ state: 'visible' });
  assert.match(await banner.textContent(), /your last change is not saved/);
  assert.equal(await storageGet(page, BOARD_KEY), stored, 'stored board text unchanged');
  // The board in memory still has the change.
  assert.equal(await card(page, 'Cyberdyne analytics', column(page, 'Won')).count(), 1);

  // A second failed save does not stack a second banner.
  await moveByMenu(page, 'Aperture research', 'Won');
  await page.waitForTimeout(600);
  assert.equal(await banners(page).filter({ hasText: /Storage is full/ }).count(), 1);
  assert.equal(await storageGet(page, BOARD_KEY), stored);

  // Once storage works again, the next save goes through and the banner goes away.
  await page.evaluate(() => {
    Storage.prototype.setItem = window.__setItem;
  });
  await moveByMenu(page, 'Globex pilot', 'Proposal');
  await waitForStoredBoard(
    page,
    (board) =>
      ['Acme renewal', 'Cyberdyne analytics', 'Aperture research'].every((t) =>
        board.deals.some((d) => d.title === t && d.stage === 'won'),
      ) && board.deals.some((d) => d.title === 'Globex pilot' && d.stage === 'proposal'),
  );
  await banner.waitFor({ state: 'detached' });
  assertNoErrors(app, assert);
});

test('storage blocked: the sample board still works, with a warning and no errors', async (t) => {
  const block = () => {
    const deny = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    Object.defineProperty(window, 'localStorage', { get: deny, configurable: true });
  };
  const app = await openAppFor(t, { initScript: block });
  const { page } = app;
  // The block really is in place.
  assert.equal(
    await page.evaluate(() => {
      try {
        void window.localStorage;
        return 'readable';
      } catch (e) {
        return e.name;
      }
    }),
    'SecurityError',
  );
  assert.equal(await page.locator('article.deal-card').count(), 24, 'the sample board is shown');
  const banner = banners(page).filter({ hasText: /This browser blocks storage/ });
  await banner.waitFor({ state: 'visible' });

  // Working on the board still works: add, move, switch language.
  await addDeal(page, { title: 'Memory only', value: '2,000', stage: 'Lead' });
  assert.equal((await stageFigures(page, 'Lead')).count, 5);
  await moveByMenu(page, 'Memory only', 'Demo');
  await page.getByLabel('Language').selectOption({ label: '简体中文' });
  await page.waitForFunction(() => document.querySelector('section.stage h2')?.textContent === '潜在客户');
  await page.waitForTimeout(700); // past the save delay: nothing may throw
  assert.equal(await banners(page).count(), 1, 'one banner, no save-failure banners on top');

  // Nothing persisted: a reload is back to the English sample.
  await app.reload();
  assert.equal(await page.locator('article.deal-card').count(), 24);
  assert.equal(await card(page, 'Memory only').count(), 0);
  assert.equal(await page.locator('section.stage h2').first().textContent(), 'Lead');
  assertNoErrors(app, assert);
});
