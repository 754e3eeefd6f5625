// Shared helpers for Dealboard's end-to-end tests: a static server for the release build in
// dist/, a fresh Chromium profile per app, and a small vocabulary for the board (columns,
// cards, menus, the deal dialog, storage). Not a test file itself.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.mjs';
import { sendFile } from './static-files.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// DEALBOARD_DIST serves another build (a copy, while dist/ is rebuilt for measuring).
export const DIST = process.env.DEALBOARD_DIST ?? path.join(ROOT, 'dist');

/** localStorage keys the app uses. */
export const BOARD_KEY = 'dealboard.board';
export const BACKUP_KEY = 'dealboard.backup';
export const LANG_KEY = 'dealboard.lang';

/** Stage names of the default board, in pipeline order (English). */
export const STAGES = ['Lead', 'Qualified', 'Demo', 'Proposal', 'Negotiation', 'Won', 'Lost'];
export const STAGE_IDS = ['lead', 'qualified', 'demo', 'proposal', 'negotiation', 'won', 'lost'];

/**
 * Serves dist/ on 127.0.0.1 at a random port, with its precompressed .gz files where the
 * browser takes gzip (static-files.mjs). Resolves to { url, close }.
 * Fails at once when the release build is missing, with the command that makes it.
 * `prefix` serves it under a sub-folder (e.g. '/team/pipeline/'), as a static host's
 * project page would, with nothing at the root.
 */
export async function startServer(dir = DIST, { prefix = '/' } = {}) {
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`${dir}/index.html is missing: build first with SKIP_SETUP=1 scripts/build-release.sh`);
  }
  const root = fs.realpathSync(dir);
  const server = http.createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    if (!pathname.startsWith(prefix)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    pathname = '/' + pathname.slice(prefix.length);
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = path.resolve(root, '.' + pathname);
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    sendFile(req, res, file);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

let shared = null;

/** The server shared by the tests of one file (each test file runs in its own process). */
export function sharedServer() {
  shared ??= startServer();
  return shared;
}

/** Closes the shared server; call it in the file's `after` hook. */
export async function stopSharedServer() {
  if (!shared) return;
  const pending = shared;
  shared = null;
  await (await pending.catch(() => null))?.close();
}

/**
 * Opens the app in a fresh Chromium profile (fresh localStorage) and waits until the board's
 * stage columns are rendered. Collects uncaught page errors and console errors.
 *
 * options.server: a server from startServer(); defaults to the shared one.
 * options.initScript: a function (or source string) to run before the app's scripts on every
 *   page load of this context (e.g. to block localStorage).
 * options.locale: defaults to 'en-US'.
 * options.wait: false to skip waiting for the board.
 * options.timeout: the page's default timeout for actions and waits (10 s).
 * options.contextOptions: more options for the browser context (viewport, hasTouch, isMobile,
 *   deviceScaleFactor …), e.g. PHONE below.
 *
 * Returns { page, context, errors, consoleErrors, close, reload }.
 */
export async function openApp(options = {}) {
  const server = options.server ?? (await sharedServer());
  const browser = await launchChromium('dealboard-e2e-', {
    ...(options.contextOptions ?? {}),
    locale: options.locale ?? 'en-US',
  });
  const { context } = browser;
  const errors = [];
  const consoleErrors = [];
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await browser.close();
  };
  try {
    if (options.initScript) await context.addInitScript(options.initScript);
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(options.timeout ?? 10_000);
    page.on('pageerror', (err) => errors.push(String(err?.stack ?? err)));
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(msg.text());
    });
    // A fake clock starting at `options.clock` (a Date), moved on with page.clock.fastForward.
    if (options.clock) await page.clock.install({ time: options.clock });
    await page.goto(server.url);
    if (options.wait !== false) await waitForBoard(page);
    const reload = async () => {
      await page.reload();
      await waitForBoard(page);
    };
    return { page, context, errors, consoleErrors, close, reload };
  } catch (err) {
    await close();
    throw err;
  }
}

/** openApp() for one node:test test: the browser closes when the test ends. */
export async function openAppFor(t, options) {
  const app = await openApp(options);
  t.after(() => app.close());
  return app;
}

/** Waits until the stage columns are on the page (the wasm app has mounted). */
export async function waitForBoard(page) {
  await page.locator('main.board section.stage').first().waitFor({ state: 'visible' });
}

/** Fails with the collected messages when the page threw or logged an error. */
export function assertNoErrors(app, assert) {
  assert.deepEqual(app.errors, [], `uncaught page errors:\n${app.errors.join('\n')}`);
  assert.deepEqual(app.consoleErrors, [], `console errors:\n${app.consoleErrors.join('\n')}`);
}

const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A regex that matches exactly `text` (after trimming). */
export const exactly = (text) => new RegExp(`^\\s*${escapeRegex(text)}\\s*$`);

// ---------------------------------------------------------------------------------------------
// The board

/** All stage columns, in page order. */
export function columns(page) {
  return page.locator('main.board section.stage');
}

/** The column whose heading is `stageName` (as shown, in the current language). */
export function column(page, stageName) {
  return columns(page).filter({ has: page.locator('h2', { hasText: exactly(stageName) }) });
}

/** The column with data-stage-id `id`. */
export function columnById(page, id) {
  return page.locator(`main.board section.stage[data-stage-id="${id}"]`);
}

/** Stage headings in page order. */
export async function stageNames(page) {
  return (await columns(page).locator('h2').allTextContents()).map((s) => s.trim());
}

/** A deal card by its exact title, anywhere on the board (or inside `scope`). */
export function card(page, title, scope = page) {
  return scope.locator('article.deal-card').filter({ has: page.locator('h3', { hasText: exactly(title) }) });
}

/** The titles of the cards in a column, top to bottom. */
export async function cardTitles(page, stageName) {
  return (await column(page, stageName).locator('article.deal-card h3').allTextContents()).map((s) => s.trim());
}

/** Titles of every card on the board, in page order. */
export async function allCardTitles(page) {
  return (await page.locator('article.deal-card h3').allTextContents()).map((s) => s.trim());
}

/** A column's header figures: { count: number, total: string, weighted: string }. */
export async function stageFigures(page, stageName) {
  const col = column(page, stageName);
  const [count, total, weighted] = await Promise.all([
    col.getByTestId('stage-count').textContent(),
    col.getByTestId('stage-total').textContent(),
    col.getByTestId('stage-weighted').textContent(),
  ]);
  return { count: Number(count.trim()), total: total.trim(), weighted: weighted.trim() };
}

/** The header's open-pipeline figures: { total, weighted }. */
export async function pipelineFigures(page) {
  const [total, weighted] = await Promise.all([
    page.getByTestId('pipeline-total').textContent(),
    page.getByTestId('pipeline-weighted').textContent(),
  ]);
  return { total: total.trim(), weighted: weighted.trim() };
}

/**
 * Waits until a column's figures equal `expected` (any subset of count/total/weighted) and
 * returns them; on timeout returns the last figures so the caller's assert shows a diff.
 */
export async function waitForFigures(page, stageName, expected, timeout = 5_000) {
  const deadline = Date.now() + timeout;
  let figures;
  for (;;) {
    figures = await stageFigures(page, stageName);
    const ok = Object.entries(expected).every(([k, v]) => figures[k] === v);
    if (ok || Date.now() > deadline) return figures;
    await page.waitForTimeout(50);
  }
}

const SYMBOLS = [
  ['HK$', 'HKD'],
  ['$', 'USD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'CNY/JPY'],
];

/**
 * Parses a money text such as "$1,000 + ¥3,500 + €2,000" into
 * { first: 'USD', amounts: { USD: 1000, 'CNY/JPY': 3500, EUR: 2000 } } (major units).
 */
export function parseMoney(text) {
  const amounts = {};
  let first = null;
  for (const part of text.split(' + ')) {
    const match = SYMBOLS.find(([sym]) => part.startsWith(sym));
    let code;
    let number;
    if (match) {
      code = match[1];
      number = part.slice(match[0].length);
    } else {
      [code, number] = part.split(' ');
    }
    const value = Number(number.replace(/,/g, ''));
    if (!Number.isFinite(value)) throw new Error(`not money: ${JSON.stringify(text)}`);
    amounts[code] = value;
    first ??= code;
  }
  return { first, amounts };
}

/** The text of the polite live region. */
export async function liveRegion(page) {
  return ((await page.locator('[role=status]').textContent()) ?? '').trim();
}

/** The data-deal-id of the focused element ('' when it is not a card). */
export function activeDealId(page) {
  return page.evaluate(() => document.activeElement?.dataset?.dealId ?? '');
}

/** The banners (role=alert) across the top of the board. */
export function banners(page) {
  return page.locator('.banners [role=alert]');
}

// ---------------------------------------------------------------------------------------------
// Card menu

/** The "Actions for <title>" button of a card. */
export function menuButton(page, title) {
  return card(page, title).getByRole('button', { name: `Actions for ${title}`, exact: true });
}

/** Opens a card's menu with a click; resolves to the menu locator. */
export async function openMenu(page, title) {
  await menuButton(page, title).click();
  const menu = card(page, title).getByRole('menu');
  await menu.waitFor({ state: 'visible' });
  return menu;
}

/**
 * Moves a deal through its menu. For a lost stage pass { lossReason: '…' } to confirm with a
 * reason, or { skipLossReason: true } to skip it.
 */
export async function moveByMenu(page, title, stageName, options = {}) {
  const menu = await openMenu(page, title);
  await menu.getByRole('menuitem', { name: `Move to ${stageName}`, exact: true }).click();
  if (options.lossReason !== undefined || options.skipLossReason) {
    const ask = page.getByRole('alertdialog');
    await ask.waitFor({ state: 'visible' });
    if (options.skipLossReason) {
      await ask.getByRole('button', { name: 'Skip', exact: true }).click();
    } else {
      await ask.getByLabel('Loss reason (optional)').fill(options.lossReason);
      await ask.getByRole('button', { name: 'Confirm', exact: true }).click();
    }
    await ask.waitFor({ state: 'detached' });
  }
  await card(page, title, column(page, stageName)).waitFor({ state: 'visible' });
}

/** The accessible name / text of the focused element. */
export function activeText(page) {
  return page.evaluate(() => (document.activeElement?.textContent ?? '').trim());
}

// ---------------------------------------------------------------------------------------------
// Deal dialog

/** The deal dialog (New deal / Edit deal). */
export function dealDialog(page) {
  return page.getByRole('dialog').filter({ has: page.locator('#deal-dialog-title') });
}

/**
 * A field of the open deal dialog by its label: "Title", "Currency", "Stage", …
 * Selects are found by role and accessible name, since their label's text also holds the
 * option texts.
 */
export function dealField(page, label) {
  const dialog = dealDialog(page);
  return dialog
    .getByLabel(label, { exact: true })
    .or(dialog.getByRole('combobox', { name: label, exact: true }));
}

const TEXT_FIELDS = {
  title: 'Title',
  customer: 'Customer',
  contact: 'Contact',
  value: 'Value',
  owner: 'Owner',
  product: 'Product line',
  region: 'Region',
  closeDate: 'Expected close date',
  notes: 'Notes',
};

/**
 * Fills the open deal dialog. `fields` may hold title, customer, contact, value, currency,
 * owner, product, region, closeDate (YYYY-MM-DD), stage (shown name), notes.
 */
export async function fillDeal(page, fields) {
  await dealDialog(page).waitFor({ state: 'visible' });
  for (const [key, label] of Object.entries(TEXT_FIELDS)) {
    if (fields[key] !== undefined) await dealField(page, label).fill(String(fields[key]));
  }
  if (fields.currency !== undefined) {
    await dealField(page, 'Currency').selectOption(fields.currency);
  }
  if (fields.stage !== undefined) {
    await dealField(page, 'Stage').selectOption({ label: fields.stage });
  }
}

/** Opens "New deal" from the header, fills it and saves with Enter in the Title field. */
export async function addDeal(page, fields) {
  await page.locator('header.board-header').getByRole('button', { name: 'New deal', exact: true }).click();
  const dialog = dealDialog(page);
  await dialog.waitFor({ state: 'visible' });
  await fillDeal(page, fields);
  await dealField(page, 'Title').press('Enter');
  await dialog.waitFor({ state: 'detached' });
}

// ---------------------------------------------------------------------------------------------
// Storage

/** localStorage.getItem(key) in the page (null when absent). */
export function storageGet(page, key) {
  return page.evaluate((k) => window.localStorage.getItem(k), key);
}

/** Every localStorage key in the page, sorted. */
export function storageKeys(page) {
  return page.evaluate(() => Object.keys(window.localStorage).sort());
}

/** Waits until localStorage[key] differs from `previous`; resolves to the new value. */
export async function waitForStorageChange(page, key, previous, timeout = 5_000) {
  const handle = await page.waitForFunction(
    ([k, prev]) => {
      const now = window.localStorage.getItem(k);
      return now !== prev ? { now } : false;
    },
    [key, previous],
    { timeout, polling: 50 },
  );
  return (await handle.jsonValue()).now;
}

/**
 * The stored text as a readable snapshot envelope. The app stores the compact form of
 * `src/io/store.rs` (format "dealboard-store": deals as rows, texts as indexes into `strings`,
 * times after `created` as differences); this expands it to what an export holds, so tests
 * compare boards field by field. Self-contained: `waitForStoredBoard` runs it in the page.
 */
export function readStoredText(text) {
  const envelope = JSON.parse(text);
  if (envelope.format !== 'dealboard-store') return envelope;
  const s = envelope.strings;
  const deal = (r) => {
    const [id, title, customer, contact, value, currency, cost, owner, product, region, close, notes,
      stage, rank, status, loss, created, updated, entered, wonAt, history, revision, step, ticked, done] = r;
    const d = { id, title: s[title], customer: s[customer], contact: s[contact], value, currency: s[currency] };
    // Optional values after the 22: the next step [kind index, due, note] or null, then the
    // ticked exit criteria (empty when only steps done follow), then the steps done
    // [kind index, day, note, rating or null].
    const kinds = ['call', 'meeting', 'demo', 'follow_up', 'complaint'];
    const nextStep = step ? { next_step: { kind: kinds[step[0]], due: s[step[1]], note: s[step[2]] } } : {};
    if (ticked?.length) nextStep.checked = ticked.map((i) => s[i]);
    if (done?.length) {
      nextStep.activities = done.map(([kind, day, note, rating]) => ({
        kind: kinds[kind], done: s[day], note: s[note], ...(rating === null ? {} : { rating }),
      }));
    }
    if (cost !== null) d.cost = cost;
    Object.assign(d, {
      owner: s[owner], product: s[product], region: s[region],
      close_date: close === null ? null : s[close], notes: s[notes],
      ...nextStep, stage: s[stage], rank, status: ['open', 'won', 'lost'][status],
    });
    if (loss !== null) d.loss_reason = s[loss];
    Object.assign(d, { created, updated: created + updated, stage_entered: created + entered });
    if (wonAt !== null) d.won_at = created + wonAt;
    d.history = [];
    for (let i = 0; i < history.length; i += 2) d.history.push({ stage: s[history[i]], entered: created + history[i + 1] });
    d.revision = revision;
    return d;
  };
  const b = envelope.board;
  return {
    format: 'dealboard', version: envelope.version, saved_at: envelope.saved_at, app_version: envelope.app_version,
    board: {
      stages: b.stages, deals: b.deals.map(deal), deleted: b.deleted.map(([id, at]) => ({ id, at })),
      settings: b.settings, targets: b.targets, deleted_targets: b.deleted_targets,
    },
  };
}

/** The stored board (as a readable snapshot's .board), or null. */
export async function storedBoard(page) {
  const text = await storageGet(page, BOARD_KEY);
  return text === null ? null : readStoredText(text).board;
}

/**
 * Waits until the stored board satisfies `check(board)`. `check` is a self-contained function
 * that runs in the page (it cannot use variables of the test).
 */
export async function waitForStoredBoard(page, check, timeout = 5_000) {
  await page.waitForFunction(
    ([key, source, reader]) => {
      const text = window.localStorage.getItem(key);
      if (!text) return false;
      try {
        // eslint-disable-next-line no-new-func
        const read = new Function(`return (${reader})`)();
        // eslint-disable-next-line no-new-func
        return new Function('board', `return (${source})(board)`)(read(text).board);
      } catch {
        return false;
      }
    },
    [BOARD_KEY, check.toString(), readStoredText.toString()],
    { timeout, polling: 50 },
  );
}

/** Deletes a deal through its card menu and the confirmation. */
export async function deleteByMenu(page, title) {
  await openMenu(page, title);
  await card(page, title).getByRole('menuitem', { name: 'Delete', exact: true }).click();
  const confirm = dealDialog(page).getByRole('alertdialog');
  await confirm.getByRole('button', { name: 'Confirm', exact: true }).click();
  await card(page, title).waitFor({ state: 'detached' });
}

/** Opens a deal by clicking its title, fills `fields` (as fillDeal) and saves. */
export async function editDeal(page, title, fields) {
  await card(page, title).locator('h3').click();
  const dialog = dealDialog(page);
  await dialog.waitFor({ state: 'visible' });
  await fillDeal(page, fields);
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

// ---------------------------------------------------------------------------------------------
// Dragging, touch, several tabs (issue 3)

/** A phone-sized touch screen, for openApp({ contextOptions: PHONE }). */
export const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };

/** The data-deal-id of the cards in the column with stage id `stageId`, top to bottom. */
export function cardIds(page, stageId) {
  return columnById(page, stageId)
    .locator('article.deal-card')
    .evaluateAll((els) => els.map((e) => e.dataset.dealId));
}

/** Titles of every column, keyed by shown stage name: { Lead: [...], Qualified: [...], … }. */
export async function boardTitles(page) {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('main.board section.stage')].map((s) => [
        s.querySelector('h2').textContent.trim(),
        [...s.querySelectorAll('article.deal-card h3')].map((h) => h.textContent.trim()),
      ]),
    ),
  );
}

/**
 * A point inside a locator's box, as fractions of its width and height ({ fx: 0.5, fy: 0.5 }
 * is the centre). Scrolls it into view first unless `scroll` is false.
 */
export async function pointIn(locator, { fx = 0.5, fy = 0.5, scroll = true } = {}) {
  if (scroll) await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  if (!box) throw new Error('pointIn: the element has no box');
  return { x: box.x + box.width * fx, y: box.y + box.height * fy };
}

/**
 * Where a card is grabbed: left of centre and below its title row, so the press lands on the
 * card itself, never on its "⋯" menu button.
 */
export function grabPoint(cardLocator, options = {}) {
  return pointIn(cardLocator, { fx: 0.3, fy: 0.7, ...options });
}

/**
 * Presses the mouse on a card and moves it (still pressed) to `to` in `steps` steps; the
 * card is then lifted. Resolves once the drag ghost is on the page. Release with
 * page.mouse.up() (drop) or press Escape (cancel).
 */
export async function mouseLift(page, cardLocator, to, { steps = 12 } = {}) {
  const from = await grabPoint(cardLocator);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps });
  await page.locator('.drag-ghost').waitFor({ state: 'visible', timeout: 3_000 });
  return from;
}

/** Drags a card with the mouse and drops it at `to` (viewport coordinates). */
export async function mouseDrag(page, cardLocator, to, options = {}) {
  await mouseLift(page, cardLocator, to, options);
  await page.mouse.up();
}

/**
 * Where a dragged card would land now, read from the page's drop indicators:
 * { ghost, lifted: [ids], targets: [stage ids], before: [deal ids], atEnd: [stage ids], body }.
 */
export function dropIndicators(page) {
  return page.evaluate(() => ({
    ghost: document.querySelectorAll('.drag-ghost').length,
    ghostText: document.querySelector('.drag-ghost')?.textContent?.trim() ?? null,
    lifted: [...document.querySelectorAll('.lifted')].map((e) => e.dataset.dealId),
    targets: [...document.querySelectorAll('.drop-target')].map((e) => e.dataset.stageId),
    before: [...document.querySelectorAll('.drop-before')].map((e) => e.dataset.dealId),
    atEnd: [...document.querySelectorAll('.drop-at-end')].map((e) => e.dataset.stageId),
    body: document.body.classList.contains('dragging-deal'),
  }));
}

/** The indicators when nothing is being dragged. */
export const NO_DRAG = { ghost: 0, ghostText: null, lifted: [], targets: [], before: [], atEnd: [], body: false };

/**
 * Real touch input through the DevTools protocol (the page's context needs hasTouch).
 * Returns { start(x, y), move(x, y, steps), end() } — one finger.
 */
export async function finger(page) {
  const cdp = await page.context().newCDPSession(page);
  let at = null;
  const send = (type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points });
  return {
    async start(x, y) {
      at = { x, y };
      await send('touchStart', [{ x, y, id: 1 }]);
    },
    async move(x, y, steps = 1) {
      const from = at;
      for (let i = 1; i <= steps; i += 1) {
        const p = { x: from.x + ((x - from.x) * i) / steps, y: from.y + ((y - from.y) * i) / steps };
        await send('touchMove', [{ x: p.x, y: p.y, id: 1 }]);
      }
      at = { x, y };
    },
    async end() {
      await send('touchEnd', []);
      at = null;
    },
    detach: () => cdp.detach().catch(() => {}),
  };
}

/** main.board's horizontal scroll offset. */
export function boardScrollLeft(page) {
  return page.evaluate(() => document.querySelector('main.board').scrollLeft);
}

/** The deal ids of a stage in the stored board (localStorage), ordered by rank. */
export async function storedStageIds(page, stageId) {
  const board = await storedBoard(page);
  if (!board) return null;
  return board.deals
    .filter((d) => d.stage === stageId)
    .sort((a, b) => a.rank - b.rank)
    .map((d) => d.id);
}

/** Waits until the live region reads exactly `text` (returns the last text either way). */
export async function waitForLiveRegion(page, text, timeout = 3_000) {
  await page
    .waitForFunction((t) => (document.querySelector('[role=status]')?.textContent ?? '').trim() === t, text, {
      timeout,
      polling: 50,
    })
    .catch(() => {});
  return liveRegion(page);
}

/** Waits until the focused element is the card of deal `id` (returns the focused deal id). */
export async function waitForFocusOn(page, id, timeout = 3_000) {
  await page
    .waitForFunction((d) => document.activeElement?.dataset?.dealId === d, id, { timeout, polling: 50 })
    .catch(() => {});
  return activeDealId(page);
}

/** The header's Undo and Redo buttons. */
export function undoButton(page) {
  return page.locator('header.board-header').getByRole('button', { name: 'Undo', exact: true });
}
export function redoButton(page) {
  return page.locator('header.board-header').getByRole('button', { name: 'Redo', exact: true });
}

/** The "… — Undo" toast. */
export function toast(page) {
  return page.locator('.toast');
}

/**
 * Opens another tab (page) of the app's browser context: it shares localStorage with the
 * first. Its page errors are collected into the app's lists as well. Resolves to the page.
 */
export async function openTab(app, options = {}) {
  const server = options.server ?? (await sharedServer());
  const page = await app.context.newPage();
  page.setDefaultTimeout(options.timeout ?? 10_000);
  page.on('pageerror', (err) => app.errors.push(String(err?.stack ?? err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') app.consoleErrors.push(msg.text());
  });
  await page.goto(server.url);
  if (options.wait !== false) await waitForBoard(page);
  return page;
}

// ---------------------------------------------------------------------------------------------
// Files: export, import, drop (issue 4)

/** Context options that let the page download files: openApp({ contextOptions: DOWNLOADS }). */
export const DOWNLOADS = { acceptDownloads: true };

/** The input files of the end-to-end tests (tests/e2e/files/). */
export const FILES = path.join(ROOT, 'tests', 'e2e', 'files');

/**
 * Clicks the header button `buttonName` ("Export", "Export CSV") and waits for the download.
 * The context needs DOWNLOADS. Resolves to { name, bytes (Buffer), text (UTF-8, BOM kept) }.
 */
export async function downloadFrom(page, buttonName) {
  const button = page.locator('header.board-header').getByRole('button', { name: buttonName, exact: true });
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const bytes = fs.readFileSync(await download.path());
  return { name: download.suggestedFilename(), bytes, text: bytes.toString('utf8') };
}

/** Export: resolves to { name, text, envelope } (the parsed JSON). */
export async function exportJson(page) {
  const file = await downloadFrom(page, 'Export');
  return { ...file, envelope: JSON.parse(file.text) };
}

/** The import dialog, of the file called `fileName` when given. */
export function importDialog(page, fileName) {
  if (fileName === undefined) return page.getByRole('dialog').filter({ has: page.locator('#import-title') });
  return page.getByRole('dialog', { name: `Import “${fileName}”`, exact: true });
}

const FILE_TYPES = { '.json': 'application/json', '.csv': 'text/csv' };

/** A file for setInputFiles: a path, or { name, text } / { name, buffer } (type from the name). */
function filePayload(file) {
  if (typeof file === 'string') return file;
  const mimeType = file.mimeType ?? FILE_TYPES[path.extname(file.name).toLowerCase()] ?? 'application/octet-stream';
  return { name: file.name, mimeType, buffer: file.buffer ?? Buffer.from(file.text, 'utf8') };
}

/**
 * Chooses a file with the header's Import input: a path, or { name, text } (or { name,
 * buffer, mimeType }). Resolves to the import dialog once it is open.
 */
export async function importFile(page, file) {
  await page.getByLabel('Import', { exact: true }).setInputFiles(filePayload(file));
  const dialog = importDialog(page, typeof file === 'string' ? path.basename(file) : file.name);
  await dialog.waitFor({ state: 'visible' });
  return dialog;
}

/** In an open snapshot import dialog: Replace my board, confirm, wait until it closes. */
export async function confirmReplace(dialog) {
  await dialog.getByRole('button', { name: 'Replace my board', exact: true }).click();
  await dialog.getByRole('button', { name: 'Back', exact: true }).waitFor({ state: 'visible' });
  await dialog.getByRole('button', { name: 'Replace my board', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** In an open snapshot import dialog: Merge into my board; resolves to the preview's paragraphs. */
export async function mergePreview(dialog) {
  await dialog.getByRole('button', { name: 'Merge into my board', exact: true }).click();
  const preview = dialog.getByTestId('merge-preview');
  await preview.waitFor({ state: 'visible' });
  return (await preview.locator('p').allTextContents()).map((s) => s.trim());
}

/** "1 deal", "3 deals": a number and its word, as the app's texts count. */
export const counted = (n, one, many) => `${n} ${n === 1 ? one : many}`;

/** The merge preview's first paragraph, worded as the app words it. */
export function mergeText({ added = 0, updated = 0, unchanged = 0, conflicts = 0, removed = 0 }) {
  return (
    `Merging adds ${counted(added, 'new deal', 'new deals')}, updates ${updated}, leaves ${unchanged} unchanged, ` +
    `resolves ${counted(conflicts, 'conflict', 'conflicts')} by the newest change, and removes ` +
    `${counted(removed, 'deleted deal', 'deleted deals')}.`
  );
}

/** The merge preview's second paragraph. */
export function mergeStagesText({ byId = 0, byName = 0, added = 0 }) {
  return `Stages: ${byId} matched by id, ${byName} matched by name, ${added} added.`;
}

/**
 * Drops a file onto `selector` (default the app) as a drag from the desktop would: dragenter,
 * dragover, drop, each with a DataTransfer holding the File. Resolves to
 * { overAccepted, dropTaken }: whether the page cancelled dragover (so the browser lets the
 * drop through) and the drop (so it does not open the file itself).
 */
export function dropFile(page, { name, text, type }, selector = '.app') {
  return page.evaluate(
    ([sel, name, text, type]) => {
      const target = document.querySelector(sel);
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type }));
      const fire = (kind) => {
        const ev = new DragEvent(kind, { dataTransfer: dt, bubbles: true, cancelable: true, composed: true });
        target.dispatchEvent(ev);
        return ev.defaultPrevented;
      };
      fire('dragenter');
      const overAccepted = fire('dragover');
      const dropTaken = fire('drop');
      return { overAccepted, dropTaken };
    },
    [selector, name, text, type ?? FILE_TYPES[path.extname(name).toLowerCase()] ?? ''],
  );
}

/**
 * Reads CSV text (RFC 4180: quoted cells, doubled quotes, line breaks inside quotes, CRLF)
 * into rows of cells. A leading BOM is kept in the first cell; strip it first if unwanted.
 */
export function parseCsvText(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c === '"' && cell === '') {
      quoted = true;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += c;
    }
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Targets (issue 5)

/** A button of the board header by its exact name ("Targets", "Board", "Undo" …). */
export function headerButton(page, name) {
  return page.locator('header.board-header').getByRole('button', { name, exact: true });
}

/** The Targets view (main.targets-view). */
export function targetsView(page) {
  return page.locator('main.targets-view');
}

/** Switches to the Targets view with the header's "Targets" button. */
export async function openTargets(page) {
  await headerButton(page, 'Targets').click();
  await targetsView(page).waitFor({ state: 'visible' });
}

/** Switches back to the board with the header's "Board" button. */
export async function openBoardView(page) {
  await headerButton(page, 'Board').click();
  await waitForBoard(page);
}

/**
 * The form control inside the <label> whose <span> reads exactly `text`, within `scope`
 * (`control`: 'select' or 'input'). Labels here wrap a span and the control, so a select's
 * accessible name also holds its option texts.
 */
export function labelled(scope, text, control = 'select') {
  return scope
    .locator('label')
    .filter({ has: scope.page().locator('span', { hasText: exactly(text) }) })
    .locator(control);
}

/** The "New target" form of the Targets view. */
export function targetForm(page) {
  return page.getByRole('form', { name: 'New target', exact: true });
}

/**
 * Fills the "New target" form and adds the target. `fields`: measure ('Won value', 'Won deals',
 * 'Gross margin'; default 'Won value'), period ('2026-Q4'; default: as the form is), owner,
 * product, region (a value; default 'Any', since the form keeps the last choice), amount.
 * The Targets view must be open. Resolves once a row with `name` (when given) is shown.
 */
export async function addTarget(page, fields, name) {
  const form = targetForm(page);
  await labelled(form, 'Measure').selectOption({ label: fields.measure ?? 'Won value' });
  if (fields.period !== undefined) await labelled(form, 'Period', 'input').fill(fields.period);
  for (const [key, label] of [
    ['owner', 'Owner'],
    ['product', 'Product line'],
    ['region', 'Region'],
  ]) {
    await labelled(form, label).selectOption({ label: fields[key] ?? 'Any' });
  }
  if (fields.currency !== undefined) await labelled(form, 'Currency').selectOption(fields.currency);
  await labelled(form, 'Target', 'input').fill(String(fields.amount));
  await form.getByRole('button', { name: 'Add target', exact: true }).click();
  if (name !== undefined) await targetRow(page, name).waitFor({ state: 'visible' });
}

/** The name a target row shows: "2026-Q4 · Alice Chen · Won value". */
export function targetName(period, scope, measure = 'Won value') {
  return `${period} · ${scope || 'Whole team'} · ${measure}`;
}

/** A target's own row (name, status, figures, gap, actions) by its exact name. */
export function targetRow(page, name) {
  return page
    .locator('li[data-target-id] > .target-row')
    .filter({ has: page.locator('.target-name', { hasText: exactly(name) }) });
}

/** A target's tree item (li[data-target-id]: its row, split panel and children). */
export function targetItem(page, name) {
  return targetRow(page, name).locator('xpath=..');
}

/**
 * A target's figures as shown: { status (data-status), statusText, attained, amount,
 * forecast, pace, gap (text, or null when none is shown) }.
 */
export async function targetFigures(page, name) {
  const row = targetRow(page, name);
  await row.waitFor({ state: 'visible' });
  return row.evaluate((el) => {
    const text = (id) => el.querySelector(`[data-testid="${id}"]`)?.textContent.trim() ?? null;
    return {
      status: el.querySelector('[data-testid="target-status"]').dataset.status,
      statusText: text('target-status'),
      attained: text('target-attained'),
      amount: text('target-amount'),
      forecast: text('target-forecast'),
      pace: text('target-pace'),
      gap: text('target-gap'),
    };
  });
}

/** Types a new amount into a target row's "Target" field and commits it (change event). */
export async function setTargetAmount(page, name, amount) {
  const input = targetRow(page, name).getByRole('textbox', { name: 'Target', exact: true });
  await input.fill(String(amount));
  await input.press('Enter');
}

/**
 * Opens a target's split panel (if closed) and chooses `by` ('Time', 'Owner', 'Product line',
 * 'Region', 'Customer'), `method` ('Even', "Last year's wins (seasonal)", 'Weights') and the
 * typed `weights`. Resolves to { panel, preview: [[label, amount], …] } (an error preview is
 * [[text]]).
 */
export async function openSplit(page, name, { by = 'Time', method = 'Even', weights } = {}) {
  const item = targetItem(page, name);
  const panel = item.locator(':scope > .split-panel');
  if (!(await panel.isVisible())) {
    await targetRow(page, name).getByRole('button', { name: 'Split', exact: true }).click();
    await panel.waitFor({ state: 'visible' });
  }
  await labelled(panel, 'Split by').selectOption({ label: by });
  await labelled(panel, 'Method').selectOption({ label: method });
  if (weights !== undefined) await labelled(panel, 'Weights', 'input').fill(weights);
  return { panel, preview: await splitPreview(panel) };
}

/** The rows of a split panel's preview: [label, amount] per part, or [error text]. */
export function splitPreview(panel) {
  return panel
    .getByTestId('split-preview')
    .locator('li')
    .evaluateAll((lis) =>
      lis.map((li) =>
        li.querySelector('strong')
          ? [li.querySelector('span').textContent.trim(), li.querySelector('strong').textContent.trim()]
          : [li.textContent.trim()],
      ),
    );
}

/** Splits a target as openSplit() does and clicks the panel's Split; resolves to the preview. */
export async function splitTarget(page, name, options = {}) {
  const { panel, preview } = await openSplit(page, name, options);
  await panel.getByRole('button', { name: 'Split', exact: true }).click();
  await panel.waitFor({ state: 'detached' });
  return preview;
}

/** Unfolds every folded target of the tree. */
export async function expandAllTargets(page) {
  for (let i = 0; i < 200; i += 1) {
    const folded = page.locator('li[data-target-id][aria-expanded="false"] > .target-row > .twisty');
    if ((await folded.count()) === 0) return;
    await folded.first().click();
  }
  throw new Error('expandAllTargets: the tree keeps folding');
}

/** The shown target tree, unfolded: [{ name, depth, amount, status }] in page order. */
export async function targetTree(page) {
  await expandAllTargets(page);
  return page.locator('li[data-target-id]').evaluateAll((items) =>
    items.map((li) => {
      let depth = 0;
      for (let p = li.parentElement; p; p = p.parentElement) if (p.matches('li[data-target-id]')) depth += 1;
      const row = li.querySelector(':scope > .target-row');
      return {
        name: row.querySelector('.target-name').textContent.trim(),
        depth,
        amount: row.querySelector('[data-testid="target-amount"]').textContent.trim(),
        status: row.querySelector('[data-testid="target-status"]').dataset.status,
      };
    }),
  );
}

/** Minor units of a "$1,234.56" text (USD): 123456. */
export function usdCents(text) {
  const { amounts } = parseMoney(text);
  if (!('USD' in amounts) || Object.keys(amounts).length !== 1) throw new Error(`not USD: ${JSON.stringify(text)}`);
  return Math.round(amounts.USD * 100);
}

/** "$1,234.56" for a number of US cents, as the app formats it (no cents when whole). */
export function usd(cents) {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  const rest = abs % 100;
  return `${sign}$${whole}${rest ? '.' + String(rest).padStart(2, '0') : ''}`;
}

/** The header's "N targets behind" badge. */
export function behindBadge(page) {
  return page.getByTestId('targets-behind');
}

/** The header's filtered rep's target ("Alice Chen target 2026-Q4: $X of $Y — Ahead"). */
export function scopeTarget(page) {
  return page.getByTestId('scope-target');
}

/** The header's "Filter by owner" select. */
export function ownerFilter(page) {
  return page.locator('header.board-header').getByRole('combobox', { name: 'Filter by owner', exact: true });
}

/** Opens `title`'s dialog and sets its next step; saves. */
export async function setNextStep(page, title, { kind, due, note }) {
  await card(page, title).locator('h3').click();
  const dialog = dealDialog(page);
  await dialog.waitFor({ state: 'visible' });
  if (kind !== undefined) await dialog.getByTestId('step-kind').selectOption({ label: kind });
  if (due !== undefined) await dealField(page, 'Due').fill(due);
  if (note !== undefined) await dealField(page, 'What to do').fill(note);
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
}
