// Dealboard's benchmark (issue 6): drives the release build in headless Chromium on generated
// boards and prints a Markdown table of first render (and its ratio to a plain-DOM floor),
// moves through the real drag path, save, import, memory, transfer size and storage capacity,
// each next to its budget. Writes the figures to bench/results.json.
//
//   node bench/bench.mjs [--sizes 1000,5000,10000,50000] [--moves 50] [--runs 3]
//                        [--timeout 180] [--dist dist] [--out bench/results.json]
//
// Usually run through scripts/bench.sh, which builds dist/ first. See bench/README.md for
// what each figure measures exactly.

import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { launchChromium } from '../tests/e2e/chromium.mjs';
import { MIME, sendFile } from '../tests/e2e/static-files.mjs';
import { generateText, STAGES } from './generate.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const BOARD_KEY = 'dealboard.board';
const OPEN_STAGES = STAGES.filter((s) => s.kind === 'open').map((s) => s.id);
const VIEWPORT = { width: 2400, height: 1100 }; // all 8 columns side by side

// ---------------------------------------------------------------------------------------------
// Options

function parseArgs(argv) {
  const o = {
    sizes: [1000, 5000, 10000, 50000],
    moves: 50,
    moveRounds: 3,
    runs: 3,
    importRuns: 3,
    timeout: 180,
    moveTime: 300,
    dist: path.join(ROOT, 'dist'),
    frameworkFloor: path.join(ROOT, 'target', 'leptos-floor'),
    out: path.join(HERE, 'results.json'),
    markdown: null,
    profile: null,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    const [flag, inline] = a.includes('=') ? a.split(/=(.*)/s) : [a, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--sizes':
        o.sizes = value()
          .split(',')
          .map((s) => Number(s.trim().replace(/_/g, '')))
          .filter((n) => Number.isInteger(n) && n > 0);
        break;
      case '--moves':
        o.moves = Number(value());
        break;
      case '--move-rounds':
        o.moveRounds = Math.max(1, Number(value()));
        break;
      case '--runs':
        o.runs = Math.max(1, Number(value()));
        break;
      case '--import-runs':
        o.importRuns = Math.max(1, Number(value()));
        break;
      case '--timeout':
        o.timeout = Number(value());
        break;
      case '--move-time':
        o.moveTime = Number(value());
        break;
      case '--dist':
        o.dist = path.resolve(value());
        break;
      case '--framework-floor':
        o.frameworkFloor = path.resolve(value());
        break;
      case '--out':
        o.out = path.resolve(value());
        break;
      case '--markdown':
        o.markdown = path.resolve(value());
        break;
      case '--profile':
        o.profile = path.resolve(value());
        break;
      case '--table':
        o.table = path.resolve(value());
        break;
      case '-h':
      case '--help':
        console.log(
          'usage: node bench/bench.mjs [--sizes 1000,5000,10000,50000] [--moves 50] [--move-rounds 3] [--runs 3]\n' +
            '         [--import-runs 3] [--timeout 180] [--move-time 300] [--dist dist] [--out bench/results.json] [--markdown file.md]\n' +
            '         [--framework-floor target/leptos-floor] [--profile DIR]\n' +
            '       node bench/bench.mjs --table bench/results.json   (prints the table of a saved run)\n' +
            '  --runs: first renders per size (median; 1 above 20,000 deals)\n' +
            '  --move-rounds: rounds of --moves moves per size, one after another on the same page;\n' +
            '    the median and p95 reported are the median of the rounds\' (each round\'s are kept)\n' +
            '  --import-runs: imports of the largest size, each in a fresh browser (median)\n' +
            '  --timeout: seconds any one wait may take before it is reported as a timeout\n' +
            '  --move-time: seconds of moves per size; slower sizes report the moves made by then\n' +
            '  --framework-floor: where scripts/leptos-floor.sh built the smallest Leptos apps (their\n' +
            '    transfer size is reported when they are there)\n' +
            '  --profile: writes a CPU profile of each size\'s moves to DIR/moves-<size>.cpuprofile\n' +
            '    (open it in Chromium\'s DevTools; build with wasm names kept to read the wasm frames)',
        );
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${a}`);
    }
  }
  if (!o.sizes.length) throw new Error('--sizes: give at least one positive size');
  o.sizes.sort((a, b) => a - b);
  return o;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

const log = (...a) => console.error('[bench]', ...a);
const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  // Nearest rank, so a p95 of 50 samples is the 48th value (no interpolation).
  const rank = Math.min(v.length, Math.max(1, Math.ceil(q * v.length)));
  return v[rank - 1];
}
const round = (x, d = 1) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);

class Timeout extends Error {}
/** Races `promise` against a timeout; a timeout rejects with Timeout. */
/** Progress details on stderr when BENCH_DEBUG is set. */
function debug(text) {
  if (process.env.BENCH_DEBUG) process.stderr.write(`[bench debug] ${text}\n`);
}

function within(seconds, what, promise) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Timeout(`${what}: timed out after ${seconds} s`)), seconds * 1000);
    }),
  ]).finally(() => clearTimeout(timer));
}
const isTimeout = (err) => err instanceof Timeout || err?.name === 'TimeoutError' || /Timeout \d+ms exceeded/.test(String(err?.message));

// ---------------------------------------------------------------------------------------------
// The release build, copied aside so that a concurrent rebuild of dist/ cannot change it
// under the benchmark, and a server for it plus the floor page and the generated boards.

function snapshotDist(dist) {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const index = path.join(dist, 'index.html');
    if (!fs.existsSync(index)) {
      throw new Error(`${index} is missing: build first (scripts/bench.sh without --skip-build)`);
    }
    const html = fs.readFileSync(index, 'utf8');
    const refs = [...html.matchAll(/(?:href|src|module_or_path:)\s*=?\s*["']([^"']+\.(?:js|wasm|css))["']/g)].map(
      (m) => path.basename(m[1]),
    );
    const missing = refs.filter((f) => !fs.existsSync(path.join(dist, f)));
    if (missing.length === 0) {
      const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'dealboard-bench-dist-'));
      for (const f of fs.readdirSync(dist)) {
        const from = path.join(dist, f);
        if (fs.statSync(from).isFile()) fs.copyFileSync(from, path.join(copy, f));
      }
      if (fs.readFileSync(path.join(copy, 'index.html'), 'utf8') === html) return copy;
      fs.rmSync(copy, { recursive: true, force: true });
    }
    log(`dist/ is changing (a build is running?); waiting … ${missing.join(' ')}`);
    execFileSync('sleep', ['5']);
  }
  throw new Error('dist/ stayed inconsistent; rebuild it');
}

/** The app's stylesheet links from its index.html, with absolute paths (for the floor). */
function appCssLinks(distDir) {
  const html = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8');
  // Quoted or not: Trunk minifies index.html in release builds (`href=/x.css rel=stylesheet`).
  const links = [...html.matchAll(/<link\b[^>]*\brel="?stylesheet"?[^>]*>/g)]
    .map((m) => /\bhref="?([^" >]+)"?/.exec(m[0])?.[1])
    .filter(Boolean)
    .map((href) => `<link rel="stylesheet" href="/${path.basename(href)}">`);
  // Without the app's styles the floor would lay out bare cards: a cheaper floor, an unfair ratio.
  if (!links.length) throw new Error(`no stylesheet link in ${distDir}/index.html for the floor page`);
  return links.join('\n    ');
}

async function startServer(distDir, boardsDir) {
  const floorHtml = fs
    .readFileSync(path.join(HERE, 'floor.html'), 'utf8')
    .replace('<!--APP_CSS-->', appCssLinks(distDir));
  const server = http.createServer((req, res) => {
    // Cross-origin isolated pages get performance.now() in 5 µs steps instead of 100 µs ones
    // (with jitter): a move takes ~3 ms, so the coarse clock alone spread its samples by ±7 %.
    // Everything here is same-origin, so the app runs exactly as on any host.
    res.setHeader('cross-origin-opener-policy', 'same-origin');
    res.setHeader('cross-origin-embedder-policy', 'require-corp');
    const url = new URL(req.url, 'http://127.0.0.1');
    const p = decodeURIComponent(url.pathname);
    const send = (status, type, body) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (p === '/favicon.ico') return send(204, 'image/x-icon', '');
    if (p === '/__bench/blank.html') return send(200, MIME['.html'], '<!DOCTYPE html><title>blank</title>');
    if (p === '/__bench/floor.html') return send(200, MIME['.html'], floorHtml);
    if (p === '/__bench/floor.js') return send(200, MIME['.js'], fs.readFileSync(path.join(HERE, 'floor.js')));
    if (p.startsWith('/__bench/boards/')) return sendFile(req, res, path.join(boardsDir, path.basename(p)));
    sendFile(req, res, path.join(distDir, path.basename(p === '/' ? 'index.html' : p)));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// The browser, launched as the e2e tests do, with the page instrumentation below.

async function launch() {
  const browser = await launchChromium('dealboard-bench-', { viewport: VIEWPORT, locale: 'en-US' });
  const { context } = browser;
  await context.addInitScript(INSTRUMENT);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  const consoleErrors = [];
  page.on('pageerror', (err) => errors.push(String(err?.stack ?? err).slice(0, 2000)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text().slice(0, 500));
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { context, page, cdp, errors, consoleErrors, close: browser.close };
}

/**
 * Runs in every page before its own scripts: times first render, moves, saves, long tasks and
 * import, all with performance.now() (milliseconds since the navigation started).
 */
const INSTRUMENT = `(() => {
  const B = (window.__bench = {
    firstRender: null, cardsAt: null, cardsInDom: null, wasm: null,
    longtasks: [], saves: [], saveTasks: [], moves: [], move: null, imp: null,
  });
  const afterFrame = (cb) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => cb(performance.now());
      ch.port2.postMessage(0);
    });
  B.afterFrame = afterFrame;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.longtasks.push({ start: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}
  addEventListener('TrunkApplicationStarted', (e) => { B.wasm = e.detail && e.detail.wasm; B.startedAt = performance.now(); });

  // First render: the first card on the page, then one frame (rAF, then a task after it, so
  // style, layout and paint of that frame are included).
  const first = new MutationObserver(() => {
    if (!document.querySelector('article.deal-card')) return;
    first.disconnect();
    B.cardsAt = performance.now();
    B.cardsInDom = document.querySelectorAll('article.deal-card').length;
    afterFrame((t) => { B.firstRender = t; });
  });
  first.observe(document, { childList: true, subtree: true });

  // Saves: the time spent inside localStorage.setItem for the board key.
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    const t0 = performance.now();
    let ok = false, error = null;
    try { const r = setItem.call(this, key, value); ok = true; return r; }
    catch (e) { error = e && e.name; throw e; }
    finally {
      if (key === '${BOARD_KEY}') B.saves.push({ at: t0, ms: performance.now() - t0, length: String(value).length, ok, error });
    }
  };
  // The debounced save (a 300 ms timer): the whole task, i.e. serialise + capacity check +
  // write + banners. Every run is recorded, also one that wrote nothing because the board does
  // not fit (the app checks before writing).
  const setTimeout0 = window.setTimeout;
  window.setTimeout = function (fn, ms, ...rest) {
    if (typeof fn === 'function' && ms === 300) {
      const wrapped = function (...a) {
        const n = B.saves.length, t0 = performance.now();
        try { return fn.apply(this, a); }
        finally { B.saveTasks.push({ at: t0, ms: performance.now() - t0, wrote: B.saves.length > n }); }
      };
      return setTimeout0.call(this, wrapped, ms, ...rest);
    }
    return setTimeout0.call(this, fn, ms, ...rest);
  };

  // Moves: armed by the benchmark before it releases the mouse.
  addEventListener('pointerup', () => { if (B.move && B.move.up == null) B.move.up = performance.now(); }, true);
  B.armMove = (deal, stage) => {
    const m = (B.move = { deal, stage, up: null, dom: null, frame: null });
    const sel = 'section.stage[data-stage-id="' + stage + '"] [data-deal-id="' + deal + '"]';
    const mo = new MutationObserver(() => {
      if (m.up == null || !document.querySelector(sel)) return;
      mo.disconnect();
      m.dom = performance.now();
      afterFrame((t) => { m.frame = t; B.moves.push(m); });
    });
    mo.observe(document.body, { childList: true, subtree: true });
  };

  // Import: from the file input's change to the dialog, and from the confirming click to the
  // imported board on the page.
  B.armImport = (firstDeal) => {
    const imp = (B.imp = { change: null, dialog: null, confirm: null, board: null, frame: null, progress: false, firstDeal });
    document.addEventListener('change', (e) => {
      if (e.target && e.target.type === 'file' && imp.change == null) imp.change = performance.now();
    }, true);
    document.addEventListener('click', (e) => {
      if (imp.dialog != null && imp.confirm == null && e.target.closest && e.target.closest('button.danger')) imp.confirm = performance.now();
    }, true);
    const mo = new MutationObserver(() => {
      if (!imp.progress && document.querySelector('progress, [role=progressbar]')) imp.progress = true;
      // The file is read when the dialog offers its choice (a large file first shows progress).
      if (imp.dialog == null && imp.change != null && document.querySelector('.import-dialog button.primary')) {
        const t = performance.now();
        afterFrame(() => { imp.dialog = t; });
      }
      if (imp.confirm != null && imp.board == null && document.querySelector('[data-deal-id="' + firstDeal + '"]')) {
        imp.board = performance.now();
        afterFrame((t) => { imp.frame = t; mo.disconnect(); });
      }
    });
    mo.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['role'] });
  };
})();`;

/** Cumulative renderer metrics of the page (ms / bytes): script, layout, style, heap. */
async function metrics(cdp, { gc = false } = {}) {
  if (gc) await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(list.map((x) => [x.name, x.value]));
  return {
    script: m.ScriptDuration * 1000,
    layout: m.LayoutDuration * 1000,
    style: m.RecalcStyleDuration * 1000,
    task: m.TaskDuration * 1000,
    heap: m.JSHeapUsedSize,
    nodes: m.Nodes,
  };
}
const diffMetrics = (a, b) => ({
  script: b.script - a.script,
  layout: b.layout - a.layout,
  style: b.style - a.style,
  task: b.task - a.task,
});

// ---------------------------------------------------------------------------------------------
// The measurements

/** Waits until window.__bench.firstRender is set; resolves to what the page measured. */
async function waitFirstRender(page, timeout) {
  await page.waitForFunction(() => window.__bench && window.__bench.firstRender != null, null, {
    timeout: timeout * 1000,
    polling: 50,
  });
  return page.evaluate(() => {
    const B = window.__bench;
    const wasmEntry = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      firstRender: B.firstRender,
      cardsAt: B.cardsAt,
      cardsInDom: B.cardsInDom,
      domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
      wasmFetched: wasmEntry ? wasmEntry.responseEnd : null,
      wasmMemory: B.wasm && B.wasm.memory ? B.wasm.memory.buffer.byteLength : null,
      longestTask: Math.max(0, ...B.longtasks.filter((t) => t.start < B.firstRender).map((t) => t.ms)),
    };
  });
}

/** The localStorage quota of one origin, as the longest value `key` can hold (binary search). */
async function measureQuota(server, timeout) {
  const b = await launch();
  try {
    await b.page.goto(server.url + '__bench/blank.html');
    return await within(timeout, 'quota', b.page.evaluate((key) => {
      localStorage.clear();
      const fits = (n, ch) => {
        try {
          localStorage.setItem(key, ch.repeat(n));
          return true;
        } catch {
          return false;
        } finally {
          localStorage.removeItem(key);
        }
      };
      const search = (ch) => {
        let lo = 0;
        let hi = 1 << 20;
        while (fits(hi, ch)) {
          lo = hi;
          hi *= 2;
          if (hi > 1 << 30) return hi;
        }
        while (hi - lo > 1) {
          const mid = Math.floor((lo + hi) / 2);
          if (fits(mid, ch)) lo = mid;
          else hi = mid;
        }
        return lo;
      };
      return { key, asciiChars: search('x'), cjkChars: search('中') };
    }, BOARD_KEY));
  } finally {
    await b.close();
  }
}

/**
 * The board as the app itself stores it (its compact encoding, src/io/store.rs): the file is
 * imported once (Replace) and the app's save is read back. Null when the app could not save it
 * (over the quota).
 */
async function appStoredText(server, filePath, size, timeout) {
  const b = await launch();
  try {
    const { page } = b;
    await page.goto(server.url);
    await page.locator('main.board section.stage').first().waitFor({ state: 'visible', timeout: timeout * 1000 });
    await page.getByLabel('Import', { exact: true }).setInputFiles(filePath, { timeout: timeout * 1000 });
    const dialog = page.locator('.import-dialog');
    await dialog.getByRole('button', { name: 'Replace my board', exact: true }).click({ timeout: timeout * 1000 });
    await dialog.locator('button.danger', { hasText: 'Replace my board' }).click({ timeout: timeout * 1000 });
    const saved = await page.waitForFunction(
      ([key, n]) => {
        if (document.querySelector('.banner')?.textContent.includes('Storage is full')) return { text: null };
        const text = localStorage.getItem(key);
        return text && text.startsWith('{"format":"dealboard-store"') && JSON.parse(text).board.deals.length === n
          ? { text }
          : false;
      },
      [BOARD_KEY, size],
      { timeout: timeout * 1000, polling: 200 },
    );
    return (await saved.jsonValue()).text;
  } finally {
    await b.close();
  }
}

/** Puts the board's stored text into localStorage; false when over the quota. */
async function storeBoard(page, server, file) {
  await page.goto(server.url + '__bench/blank.html');
  return page.evaluate(
    async ([key, url]) => {
      const text = await (await fetch(url)).text();
      localStorage.clear();
      try {
        localStorage.setItem(key, text);
        return { ok: true, length: text.length };
      } catch (e) {
        return { ok: false, length: text.length, error: e.name };
      }
    },
    [BOARD_KEY, server.url + '__bench/boards/' + file],
  );
}

/** `runs` first renders of `url` in `b`; resolves to the list of page measurements. */
async function firstRenders(b, url, runs, timeout) {
  const out = [];
  for (let i = 0; i < runs; i += 1) {
    await b.page.goto(url, { timeout: timeout * 1000, waitUntil: 'commit' });
    const m = await waitFirstRender(b.page, timeout);
    // The renderer's counters start again with each document: these are this load's.
    const { script, layout, style, task } = await metrics(b.cdp);
    out.push({ ...m, work: { script, layout, style, task } });
  }
  return out;
}

/** Drags `moves` cards between the open stages with the mouse; per move the page timings. */
/** What is typed into the search box, one keystroke at a time, then cleared: a customer's name. */
const SEARCH_KEYS = ['g', 'gl', 'glo', 'glob', 'globe', 'globex', 'globex ', 'globex l', '', 'zq', ''];

/**
 * Search as the user types: for each keystroke (the box's value set and its input event sent,
 * as typing does), ms until the first task after the next frame, the board filtered on it.
 */
async function runSearch(page) {
  const out = [];
  for (const value of SEARCH_KEYS) {
    out.push(
      await page.evaluate(async (value) => {
        const input = document.querySelector('input.search');
        const started = performance.now();
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        return new Promise((done) => window.__bench.afterFrame((t) => done(t - started)));
      }, value),
    );
  }
  return out;
}

async function runMoves(b, moves, timeout, maxSeconds, profile) {
  const { page } = b;
  const out = [];
  // Let the page settle first: after an import its first save comes 300 ms later and may put
  // a banner ("Storage is full") above the board, moving every column down between measuring
  // where to drag and dragging.
  await page.waitForTimeout(1500);
  const isolated = await page.evaluate(() => self.crossOriginIsolated);
  const before = await metrics(b.cdp);
  if (profile) {
    await b.cdp.send('Profiler.enable');
    await b.cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await b.cdp.send('Profiler.start');
  }
  const started = Date.now();
  for (let i = 0; i < moves; i += 1) {
    if (i > 0 && (Date.now() - started) / 1000 > maxSeconds) break;
    // From the next open stage that has a card (tiny boards leave some empty) to the one after.
    const filled = await page.evaluate((ids) =>
      ids.map((id) => !!document.querySelector(`main.board section.stage[data-stage-id="${id}"] article.deal-card`)),
    OPEN_STAGES);
    const k = [...OPEN_STAGES.keys()].map((j) => (i + j) % OPEN_STAGES.length).find((j) => filled[j]);
    if (k === undefined) throw new Error('no card in any open stage to move');
    const from = OPEN_STAGES[k];
    const to = OPEN_STAGES[(k + 1) % OPEN_STAGES.length];
    const cardLoc = page.locator(`main.board section.stage[data-stage-id="${from}"] article.deal-card`).first();
    const deal = await cardLoc.getAttribute('data-deal-id', { timeout: timeout * 1000 });
    const box = await cardLoc.boundingBox();
    const head = await page.locator(`main.board section.stage[data-stage-id="${to}"] .stage-header`).boundingBox();
    if (!box || !head) throw new Error(`move ${i}: no box for the card or the target column`);
    const savesBefore = await page.evaluate(() => window.__bench.saveTasks.length);
    debug(`move ${i}: ${deal} ${from} → ${to}`);
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.7);
    await page.mouse.down();
    await page.mouse.move(head.x + head.width / 2, head.y + head.height / 2, { steps: 6 });
    await page.locator('.drag-ghost').waitFor({ state: 'visible', timeout: timeout * 1000 });
    debug(`move ${i}: lifted`);
    await page.evaluate(([d, s]) => window.__bench.armMove(d, s), [deal, to]);
    await page.mouse.up();
    await page.waitForFunction((n) => window.__bench.moves.length > n, out.length, {
      timeout: timeout * 1000,
      polling: 20,
    });
    debug(`move ${i}: in the DOM`);
    // Wait for the debounced save of this move (it may fail, or not write, when storage is full).
    await page.waitForFunction((n) => window.__bench.saveTasks.length > n, savesBefore, {
      timeout: timeout * 1000,
      polling: 50,
    });
    const m = await page.evaluate(() => {
      const B = window.__bench;
      const mv = B.moves[B.moves.length - 1];
      const task = B.saveTasks[B.saveTasks.length - 1];
      const save = task.wrote ? B.saves[B.saves.length - 1] : null;
      return {
        dom: mv.dom - mv.up,
        frame: mv.frame - mv.up,
        setItem: save ? save.ms : null,
        saveOk: save ? save.ok : false,
        saveError: save ? save.error : 'not written: over the quota, found before writing',
        savedLength: save ? save.length : null,
        saveTask: task.at >= mv.up ? task.ms : null,
      };
    });
    out.push(m);
  }
  const after = await metrics(b.cdp);
  if (profile) {
    const { profile: cpu } = await b.cdp.send('Profiler.stop');
    fs.mkdirSync(path.dirname(profile), { recursive: true });
    fs.writeFileSync(profile, JSON.stringify(cpu));
    log(`moves profiled: ${profile}`);
  }
  return { list: out, work: diffMetrics(before, after), isolated };
}

/** How long after an import's paint its remaining long tasks are looked for. */
const AFTER_IMPORT_MS = 1500;

/**
 * Exports the board on the page through the header's Export button: ms from the click to the
 * download, the file's size, and how much the wasm's memory grew (it never shrinks, so what an
 * export takes stays taken).
 */
async function measureExport(page, timeout) {
  const memory = () => page.evaluate(() => window.__bench.wasm?.memory?.buffer.byteLength ?? null);
  const before = await memory();
  const started = Date.now();
  // Waited for together, so that a failed click leaves no download wait behind.
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: timeout * 1000 }),
    page.getByRole('banner').getByRole('button', { name: 'Export', exact: true }).click(),
  ]);
  const ms = Date.now() - started; // up to the browser starting the download
  const file = await download.path();
  const after = await memory();
  return {
    ms,
    bytes: file ? fs.statSync(file).size : null,
    memoryGrowth: before != null && after != null ? after - before : null,
  };
}

/** Imports `file` through the Import button and Replace (confirmed) in a fresh profile. */
async function runImport(server, file, filePath, firstDeal, timeout) {
  const b = await launch();
  try {
    const { page } = b;
    await page.goto(server.url);
    await page.locator('main.board section.stage').first().waitFor({ state: 'visible', timeout: timeout * 1000 });
    await page.evaluate((d) => window.__bench.armImport(d), firstDeal);
    const ltBefore = await page.evaluate(() => window.__bench.longtasks.length);
    await page.getByLabel('Import', { exact: true }).setInputFiles(filePath, { timeout: timeout * 1000 });
    const dialog = page.locator('.import-dialog');
    await dialog.waitFor({ state: 'visible', timeout: timeout * 1000 });
    const problems = dialog.locator('.import-problems');
    if (await problems.count()) {
      throw new Error(`import refused the file: ${(await problems.textContent()).slice(0, 500)}`);
    }
    await page.waitForFunction(() => window.__bench.imp.dialog != null, null, { timeout: timeout * 1000 });
    await dialog.getByRole('button', { name: 'Replace my board', exact: true }).click({ timeout: timeout * 1000 });
    await dialog.locator('button.danger', { hasText: 'Replace my board' }).click({ timeout: timeout * 1000 });
    await page.waitForFunction(() => window.__bench.imp.frame != null, null, {
      timeout: timeout * 1000,
      polling: 50,
    });
    const r = await page.evaluate((n) => {
      const B = window.__bench;
      const i = B.imp;
      const tasks = B.longtasks.slice(n).filter((t) => t.start >= i.change - 1 && t.start <= i.frame);
      return {
        readAndCheck: i.dialog - i.change,
        replaceAndRender: i.frame - i.confirm,
        wall: i.frame - i.change,
        longestTask: Math.max(0, ...tasks.map((t) => t.ms)),
        tasksOver100: tasks.filter((t) => t.ms > 100).length,
        // Every task over 50 ms: when it started (ms after the file was chosen) and how long.
        longTasks: tasks.map((t) => ({ at: Math.round(t.start - i.change), ms: Math.round(t.ms) })),
        marks: { dialog: Math.round(i.dialog - i.change), confirm: Math.round(i.confirm - i.change) },
        progressShown: i.progress,
        cardsInDom: document.querySelectorAll('article.deal-card').length,
      };
    }, ltBefore);
    r.total = r.readAndCheck + r.replaceAndRender;
    // What the page still does after the board is painted (the deferred undo step, the first
    // save or its refusal): tasks of 50 ms or more in the next 1.5 s.
    await page.waitForTimeout(AFTER_IMPORT_MS);
    r.afterLongestTask = await page.evaluate(() => {
      const B = window.__bench;
      const after = B.longtasks.filter((t) => t.start > B.imp.frame);
      return Math.max(0, ...after.map((t) => t.ms));
    });
    // The wasm's memory once the page has settled: read at the paint, it sometimes held the
    // import's undo step (worked out when the page is idle) and sometimes not (58 or 73 MiB).
    r.wasmMemory = await page.evaluate(() => {
      const B = window.__bench;
      return B.wasm && B.wasm.memory ? B.wasm.memory.buffer.byteLength : null;
    });
    const m = await metrics(b.cdp, { gc: true });
    r.heap = m.heap;
    try {
      r.export = await measureExport(page, timeout);
    } catch (err) {
      r.export = { note: String(err?.message ?? err).split('\n')[0] };
    }
    // At 50,000 deals this page goes on to the moves: the export's garbage collected first.
    await metrics(b.cdp, { gc: true });
    return { result: r, browser: b };
  } catch (err) {
    await b.close();
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------
// One size

async function benchSize(size, o, server, boardsDir, isLargest, failures) {
  const file = `board-${size}.json`;
  const filePath = path.join(boardsDir, file);
  const text = generateText(size);
  fs.writeFileSync(filePath, text);
  const envelope = JSON.parse(text);
  // The top card of the first column: on the page at once even when columns only render
  // their visible cards.
  const firstStage = envelope.board.stages[0].id;
  const firstDeal = envelope.board.deals
    .filter((d) => d.stage === firstStage)
    .sort((x, y) => x.rank - y.rank || (x.id < y.id ? -1 : 1))[0].id;
  const r = { size, fileBytes: Buffer.byteLength(text), notes: [] };
  const runs = size >= 20000 ? 1 : o.runs;
  log(`${size} deals: ${(r.fileBytes / 1e6).toFixed(1)} MB`);
  // First render reads the board from storage in the app's own encoding, as after real use.
  let storedFile = file;
  try {
    const stored = await within(o.timeout * 2, 'stored form', appStoredText(server, filePath, size, o.timeout));
    if (stored) {
      storedFile = `stored-${size}.json`;
      fs.writeFileSync(path.join(boardsDir, storedFile), stored);
      r.storedLength = stored.length;
      log(`${size}: stored form ${(stored.length / 1e6).toFixed(2)} M chars`);
    } else {
      r.notes.push('the app could not store this board (over the quota): it said so before saving');
    }
  } catch (err) {
    r.notes.push(`stored form: ${String(err.message ?? err).split('\n')[0]}`);
  }

  const step = async (name, fn) => {
    try {
      return await fn();
    } catch (err) {
      const msg = String(err?.message ?? err).split('\n')[0];
      if (isTimeout(err)) {
        r.notes.push(`${name}: timeout (${o.timeout} s)`);
        log(`${size}: ${name} timed out`);
      } else {
        r.notes.push(`${name}: error: ${msg}`);
        failures.push(`${size} ${name}: ${msg}`);
        log(`${size}: ${name} failed: ${err?.stack ?? err}`);
      }
      return null;
    }
  };

  // Uncaught errors in a page break the run; console errors are only kept.
  const noteErrors = (bb) => {
    if (!bb) return;
    if (bb.errors.length) {
      r.pageErrors = [...(r.pageErrors ?? []), ...bb.errors];
      failures.push(`${size}: page error: ${bb.errors[0].split('\n')[0]}`);
    }
    if (bb.consoleErrors.length) r.consoleErrors = [...(r.consoleErrors ?? []), ...bb.consoleErrors].slice(0, 5);
    bb.errors.length = 0;
    bb.consoleErrors.length = 0;
  };

  let b = await launch();
  try {
    const stored = await step('store', () => within(o.timeout, 'store', storeBoard(b.page, server, storedFile)));
    r.fits = !!stored?.ok;
    const floorUrl = server.url + '__bench/floor.html' + (r.fits ? '' : `?src=/__bench/boards/${file}`);
    const floor = await step('floor', () => within(o.timeout * runs, 'floor', firstRenders(b, floorUrl, runs, o.timeout)));
    if (floor) {
      r.floor = { runs: floor, median: median(floor.map((x) => x.firstRender)) };
      log(`${size}: floor ${round(r.floor.median)} ms`);
    }
    let ready = false;
    if (r.fits) {
      const app = await step('first render', () =>
        within(o.timeout * runs + 30, 'first render', firstRenders(b, server.url, runs, o.timeout)),
      );
      if (app) {
        r.first = { runs: app, median: median(app.map((x) => x.firstRender)) };
        r.first.ratio = r.floor ? r.first.median / r.floor.median : null;
        const m = await metrics(b.cdp, { gc: true });
        r.heap = m.heap;
        r.wasmMemory = app[app.length - 1].wasmMemory;
        r.domNodes = m.nodes;
        ready = true;
        log(`${size}: first render ${round(r.first.median)} ms (${round(r.first.ratio, 2)}× floor)`);
      }
    } else {
      r.notes.push(`first render: n/a, over quota (${stored?.error ?? 'not stored'}); measured through import`);
    }
    if (!r.fits || isLargest) {
      noteErrors(b);
      await b.close();
      b = null;
      // Several imports, each in a fresh browser: one import's total varies by ±10 % on a
      // shared machine, so the table shows the median run and the range.
      const imports = [];
      for (let i = 0; i < (isLargest ? o.importRuns : 1); i += 1) {
        const one = await step('import', () =>
          within(o.timeout * 2, 'import', runImport(server, file, filePath, firstDeal, o.timeout)),
        );
        if (!one) break;
        log(`${size}: import ${round(one.result.total)} ms, longest task ${round(one.result.longestTask)} ms`);
        imports.push(one);
      }
      const byTotal = [...imports].sort((x, y) => x.result.total - y.result.total);
      const imp = byTotal.length ? byTotal[(byTotal.length - 1) >> 1] : null;
      for (const other of imports) {
        if (other === imp) continue;
        noteErrors(other.browser);
        await other.browser.close();
      }
      if (imp) {
        r.import = {
          ...imp.result,
          runs: imports.map((x) => round(x.result.total)),
          // Every run must keep its tasks short, so the longest of all runs is reported.
          longestTask: Math.max(...imports.map((x) => x.result.longestTask)),
          afterLongestTask: Math.max(...imports.map((x) => x.result.afterLongestTask ?? 0)),
          tasksOver100: imports.reduce((n, x) => n + x.result.tasksOver100, 0),
        };
        log(`${size}: import median ${round(r.import.total)} ms of ${r.import.runs.join(', ')}`);
        if (!r.fits) {
          r.heap = imp.result.heap;
          r.wasmMemory = imp.result.wasmMemory;
          b = imp.browser;
          ready = true;
        } else {
          noteErrors(imp.browser);
          await imp.browser.close();
        }
      }
      if (!b) {
        // The moves still need a board: load the stored one again in a fresh profile.
        if (r.fits) {
          b = await launch();
          await storeBoard(b.page, server, storedFile);
          await b.page.goto(server.url);
          ready = !!(await step('reload', () => waitFirstRender(b.page, o.timeout)));
        }
      }
    }
    if (ready && b && o.moves > 0) {
      // Rounds of `moves` moves each: a p95 of 50 samples rests on its 2–3 largest, so one
      // round's p95 swings by ±20 % from run to run; the median of the rounds' is steadier.
      const rounds = [];
      for (let k = 0; k < o.moveRounds; k += 1) {
        const profile = k === 0 && o.profile && path.join(o.profile, `moves-${size}.cpuprofile`);
        const mv = await step(`moves (round ${k + 1})`, () =>
          within(o.timeout * 2 + o.moveTime + 60, 'moves', runMoves(b, o.moves, o.timeout, o.moveTime, profile)),
        );
        if (!mv) break;
        rounds.push(mv);
      }
      if (rounds.length) {
        const l = rounds.flatMap((mv) => mv.list);
        const each = rounds.map((mv) => ({
          count: mv.list.length,
          domMedian: median(mv.list.map((x) => x.dom)),
          domP95: quantile(mv.list.map((x) => x.dom), 0.95),
        }));
        const work = rounds.reduce((sum, mv) => {
          for (const [k, v] of Object.entries(mv.work)) sum[k] = (sum[k] ?? 0) + v;
          return sum;
        }, {});
        r.move = {
          count: l.length,
          rounds: each,
          // performance.now()'s step in the page: 5 µs when cross-origin isolated, else 100 µs.
          clockStepUs: rounds[0].isolated ? 5 : 100,
          domMedian: median(each.map((x) => x.domMedian)),
          domP95: median(each.map((x) => x.domP95)),
          frameMedian: median(l.map((x) => x.frame)),
          frameP95: quantile(l.map((x) => x.frame), 0.95),
          setItemMedian: median(l.map((x) => x.setItem)),
          saveTaskMedian: median(l.map((x) => x.saveTask)),
          savesFailed: l.filter((x) => !x.saveOk).length,
          saveError: l.find((x) => !x.saveOk)?.saveError ?? null,
          savedLength: l[l.length - 1].savedLength,
          workPerMove: Object.fromEntries(Object.entries(work).map(([k, v]) => [k, v / l.length])),
          samples: l.map((x) => ({ dom: round(x.dom, 2), frame: round(x.frame, 2), setItem: round(x.setItem, 2), saveTask: round(x.saveTask, 2) })),
        };
        const wanted = o.moves * o.moveRounds;
        if (l.length < wanted) r.notes.push(`moves: ${l.length} of ${wanted} made within the ${o.moveTime} s limit per round`);
        if (r.move.savesFailed) r.notes.push(`save: ${r.move.savesFailed} of ${l.length} saves failed (${r.move.saveError})`);
        log(`${size}: move p95 ${round(r.move.domP95)} ms (rounds ${each.map((x) => round(x.domP95)).join(', ')}), setItem median ${round(r.move.setItemMedian)} ms`);
      }
      const typed = await step('search', () => within(o.timeout, 'search', runSearch(b.page)));
      if (typed) {
        r.search = { median: median(typed), max: Math.max(...typed), samples: typed.map((x) => round(x, 2)) };
        log(`${size}: search median ${round(r.search.median)} ms, max ${round(r.search.max)} ms`);
      }
    }
    noteErrors(b);
  } finally {
    if (b) await b.close();
    fs.rmSync(filePath, { force: true });
  }
  return r;
}

// ---------------------------------------------------------------------------------------------
// Machine, transfer size, capacity

/** The commit the working tree is at, and whether it has changes (the build is of the tree). */
function gitState() {
  try {
    const commit = execFileSync('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['-C', ROOT, 'status', '--porcelain', '--', 'src', 'style', 'index.html', 'Cargo.toml', 'Cargo.lock', 'scripts', 'vendor'], {
      encoding: 'utf8',
    }).trim();
    return { commit, dirty: dirty.length > 0 };
  } catch {
    return null;
  }
}

function machine(chromiumVersion) {
  const cpuinfo = fs.readFileSync('/proc/cpuinfo', 'utf8');
  const meminfo = fs.readFileSync('/proc/meminfo', 'utf8');
  let nproc = os.availableParallelism?.() ?? os.cpus().length;
  try {
    nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
  } catch {}
  const memKb = Number(/MemTotal:\s+(\d+)/.exec(meminfo)?.[1] ?? 0);
  return {
    nproc,
    cpu: /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown',
    memory: `${(memKb / 1024 / 1024).toFixed(1)} GiB`,
    chromium: chromiumVersion,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
  };
}

async function chromiumVersion() {
  const b = await launch();
  try {
    const v = await b.cdp.send('Browser.getVersion');
    return v.product;
  } finally {
    await b.close();
  }
}

/**
 * The transfer size of the smallest Leptos apps (bench/leptos-floor/), built exactly as the app
 * is by scripts/leptos-floor.sh: what the framework alone takes of the budget. Null when they
 * were not built.
 */
function frameworkFloor(dir) {
  const built = (a) => fs.existsSync(path.join(dir, a)) && fs.readdirSync(path.join(dir, a)).some((f) => f.endsWith('.wasm'));
  const apps = ['hello', 'counter'].filter(built);
  if (apps.length !== 2) return null;
  return Object.fromEntries(apps.map((a) => [a, transferSize(path.join(dir, a)).total]));
}

/**
 * The bytes sent for the wasm, JS and CSS, through scripts/transfer-size.sh: the precompressed
 * .gz files when the build wrote them (scripts/precompress.sh), else gzip -9; and gzip -9 of the
 * same files (what a host compressing as it sends gives). Computed here if the script fails.
 */
function transferSize(distDir) {
  const files = fs.readdirSync(distDir).filter((f) => /\.(wasm|js|css)$/.test(f));
  const perFile = Object.fromEntries(
    files.map((f) => {
      const raw = fs.readFileSync(path.join(distDir, f));
      const gz = path.join(distDir, f + '.gz');
      const gzip9 = zlib.gzipSync(raw, { level: 9 }).length;
      return [f, { raw: raw.length, gzip9, sent: fs.existsSync(gz) ? fs.statSync(gz).size : gzip9 }];
    }),
  );
  let total = Object.values(perFile).reduce((s, x) => s + x.sent, 0);
  let gzip9 = Object.values(perFile).reduce((s, x) => s + x.gzip9, 0);
  let source = 'node zlib -9 and the .gz files';
  try {
    const outText = execFileSync('bash', [path.join(ROOT, 'scripts/transfer-size.sh'), distDir], { encoding: 'utf8' });
    const m = /^transfer size[^:]*:\s*(\d+)/m.exec(outText);
    const m9 = /^gzip -9 of the same files[^:]*:\s*(\d+)/m.exec(outText);
    if (m && m9) {
      total = Number(m[1]);
      gzip9 = Number(m9[1]);
      source = 'scripts/transfer-size.sh';
    }
  } catch {}
  return { total, gzip9, perFile, source };
}

/**
 * What Chromium received for the app's wasm, JS and CSS on opening it (Resource Timing's
 * encodedBodySize: the bytes on the wire, before unpacking), and their unpacked sizes. The
 * server sends precompressed files as a host with gzip_static does (tests/e2e/static-files.mjs).
 */
async function measureReceived(server, timeout) {
  const b = await launch();
  try {
    await b.page.goto(server.url);
    await waitFirstRender(b.page, timeout);
    return await b.page.evaluate(() => {
      const entries = performance.getEntriesByType('resource').filter((e) => /\.(wasm|js|css)$/.test(new URL(e.name).pathname));
      return {
        files: entries.length,
        bytes: entries.reduce((s, e) => s + e.encodedBodySize, 0),
        unpacked: entries.reduce((s, e) => s + e.decodedBodySize, 0),
      };
    });
  } finally {
    await b.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The table

const BUDGET = {
  firstRatio: 2,
  moveP95: 16,
  moveGrowth: 1.2,
  importMs: 500,
  importTask: 100,
  transfer: 150_000,
  capacityDeals: 10_000,
  capacityLeft: 0.3,
};

/** "; Chromium received 256,002 B" from the browser's own count, else nothing. */
function receivedText(r) {
  return r?.bytes != null ? `; Chromium received ${r.bytes.toLocaleString('en-US')} B for the ${r.files} files` : '';
}

/** "median of 3: 471–563; " for an import run several times, else nothing. */
function runsText(runs) {
  if (!runs || runs.length < 2) return '';
  return `median of ${runs.length}: ${fmtMs(Math.min(...runs))}–${fmtMs(Math.max(...runs))}; `;
}

function fmtMs(x) {
  if (x == null) return '–';
  return x >= 100 ? `${Math.round(x).toLocaleString('en-US')}` : x >= 10 ? x.toFixed(1) : x.toFixed(2);
}
const fmtMB = (b) => (b == null ? '–' : `${(b / 1024 / 1024).toFixed(1)} MiB`);
const yes = (ok) => (ok == null ? 'not measured' : ok ? '**met**' : '**missed**');

function buildTable(res) {
  const sizes = res.sizes;
  const cell = (s, f) => {
    const v = f(s);
    return v ?? (s.notes.find((n) => /timeout|error|over quota/.test(n)) ? 'n/a' : '–');
  };
  const head = `| figure | ${sizes.map((s) => s.size.toLocaleString('en-US')).join(' | ')} | budget | met? |`;
  const sep = `|---|${sizes.map(() => '---:').join('|')}|---|---|`;
  const at = (n) => sizes.find((s) => s.size === n);
  const s5k = at(5000);
  const s1k = at(1000);
  const s50k = at(50000);
  const rows = [];
  const row = (label, f, budget = '', met = '') =>
    rows.push(`| ${label} | ${sizes.map((s) => cell(s, f)).join(' | ')} | ${budget} | ${met} |`);

  row('first render (ms, median)', (s) =>
    s.first ? fmtMs(s.first.median) : s.fits === false ? 'n/a: over quota²' : null,
  );
  row('floor first render (ms, median)', (s) => (s.floor ? fmtMs(s.floor.median) + (s.fits ? '' : '¹') : null));
  const ratio5k = s5k?.first?.ratio;
  row(
    'first render ÷ floor',
    (s) => (s.first?.ratio != null ? `${s.first.ratio.toFixed(2)}×` : null),
    '≤ 2× at 5,000',
    ratio5k == null ? yes(null) : `${yes(ratio5k <= BUDGET.firstRatio)} (${ratio5k.toFixed(2)}×)`,
  );
  row('– of which: wasm fetched (ms)', (s) => (s.first ? fmtMs(median(s.first.runs.map((x) => x.wasmFetched))) : null));
  row('– cards in the DOM (ms)', (s) => (s.first ? fmtMs(median(s.first.runs.map((x) => x.cardsAt))) : null));
  row('– longest task during load (ms)', (s) => (s.first ? fmtMs(median(s.first.runs.map((x) => x.longestTask))) : null));
  row('cards on the page after load / import', (s) => {
    const n = s.first?.runs?.[s.first.runs.length - 1]?.cardsInDom ?? s.import?.cardsInDom;
    return n == null ? null : n.toLocaleString('en-US');
  });
  row('import: file chosen → board painted (ms)', (s) => (s.import ? fmtMs(s.import.total) : null));
  row('import: longest task (ms)', (s) => (s.import ? fmtMs(s.import.longestTask) : null));
  row(`import: longest task in the ${AFTER_IMPORT_MS / 1000} s after paint (ms; 0: none ≥ 50)`, (s) =>
    s.import?.afterLongestTask != null ? fmtMs(s.import.afterLongestTask) : null,
  );
  row('move: drop → DOM, median (ms; median of the rounds)', (s) => (s.move ? fmtMs(s.move.domMedian) : null));
  const p95at5k = s5k?.move?.domP95;
  row(
    'move: drop → DOM, p95 (ms; median of the rounds)',
    (s) => (s.move ? fmtMs(s.move.domP95) : null),
    '≤ 16 ms at 5,000',
    p95at5k == null ? yes(null) : `${yes(p95at5k <= BUDGET.moveP95)} (${fmtMs(p95at5k)} ms)`,
  );
  row('move: p95 of each round (ms)', (s) => (s.move?.rounds ? s.move.rounds.map((x) => fmtMs(x.domP95)).join(' / ') : null));
  const growth = s1k?.move && s50k?.move ? s50k.move.domP95 / s1k.move.domP95 : null;
  row(
    'move p95 ÷ move p95 at 1,000',
    (s) => (s.move && s1k?.move ? `${(s.move.domP95 / s1k.move.domP95).toFixed(2)}×` : null),
    '50,000 ≤ 1.2× of 1,000',
    growth == null
      ? yes(null)
      : `${yes(growth <= BUDGET.moveGrowth)} (${growth.toFixed(1)}×; medians ${(s50k.move.domMedian / s1k.move.domMedian).toFixed(1)}×)`,
  );
  row('move: drop → next frame, p95 (ms)', (s) => (s.move ? fmtMs(s.move.frameP95) : null));
  row('search: keystroke → next frame, median / max (ms)', (s) => (s.search ? `${fmtMs(s.search.median)} / ${fmtMs(s.search.max)}` : null));
  row('save: setItem, median (ms)', (s) =>
    s.move ? fmtMs(s.move.setItemMedian) + (s.move.savesFailed ? ` (fails: ${s.move.saveError})` : '') : null,
  );
  row('save: serialise + write task, median (ms)', (s) => (s.move ? fmtMs(s.move.saveTaskMedian) : null));
  row('JS heap after load', (s) => (s.heap != null ? fmtMB(s.heap) : null));
  row('wasm memory after load', (s) => (s.wasmMemory != null ? fmtMB(s.wasmMemory) : null));
  row('board file / stored text', (s) => fmtMB(s.fileBytes));

  const lines = [head, sep, ...rows];
  lines.push('');
  const imp = res.import;
  const impSize = imp?.size;
  const impBudgetSize = impSize === 50000;
  if (imp?.result) {
    const i = imp.result;
    const totalOk = i.total <= BUDGET.importMs;
    const taskOk = i.longestTask <= BUDGET.importTask;
    lines.push('| single figures | value | budget | met? |', '|---|---:|---|---|');
    lines.push(
      `| import of ${impSize.toLocaleString('en-US')} deals (${fmtMB(imp.fileBytes)}): total | ${fmtMs(i.total)} ms (${runsText(i.runs)}read + check ${fmtMs(i.readAndCheck)}, replace + render ${fmtMs(i.replaceAndRender)}) | ≤ 500 ms at 50,000 | ${impBudgetSize ? yes(totalOk) : 'n/a (not 50,000)'} |`,
    );
    lines.push(
      `| import: longest main-thread task | ${fmtMs(i.longestTask)} ms (${i.tasksOver100} tasks > 100 ms${i.runs?.length > 1 ? `; all ${i.runs.length} runs` : ''}) | ≤ 100 ms | ${impBudgetSize ? yes(taskOk) : 'n/a (not 50,000)'} |`,
    );
    lines.push(`| import: progress shown | ${i.progressShown ? 'yes' : 'no'} | shown | ${impBudgetSize ? yes(i.progressShown) : 'n/a'} |`);
    const e = i.export;
    if (e?.ms != null) {
      lines.push(
        `| export of the imported ${impSize.toLocaleString('en-US')} deals (readable JSON, ${fmtMB(e.bytes)}) | ${fmtMs(e.ms)} ms from the click to the download starting; wasm memory ${e.memoryGrowth != null ? `+${fmtMB(e.memoryGrowth)}` : 'n/a'} (it never shrinks) | – | – |`,
      );
    } else if (e?.note) {
      lines.push(`| export of the imported board | n/a (${e.note}) | – | – |`);
    }
  } else {
    lines.push('| single figures | value | budget | met? |', '|---|---:|---|---|');
    lines.push(`| import of ${impSize?.toLocaleString('en-US') ?? '?'} deals | n/a (${imp?.note ?? 'not run'}) | ≤ 500 ms, no task > 100 ms | not measured |`);
  }
  const t = res.transfer;
  lines.push(
    `| transfer size (gzip wasm + JS + CSS, as sent: the precompressed .gz files⁵) | ${(t.total / 1000).toFixed(1)} kB (${t.total.toLocaleString('en-US')} B)${receivedText(res.received)}${t.gzip9 != null ? `; gzip -9 as a host compressing on the fly would send: ${(t.gzip9 / 1000).toFixed(1)} kB` : ''} | ≤ 150 kB (aim 100 kB) | ${yes(t.total <= BUDGET.transfer)} |`,
  );
  const f = res.frameworkFloor;
  if (f) {
    const kB = (b) => `${(b / 1000).toFixed(1)} kB`;
    lines.push(
      `| framework floor: the smallest Leptos 0.8 apps, built the same way⁴ | ${kB(f.hello)} (one paragraph); ${kB(f.counter)} (signal, memo, effect, event, keyed list, conditional view) | – | leaves ${kB(BUDGET.transfer - f.counter)} of the budget for Dealboard's own code, which takes ${kB(t.total - f.counter)} |`,
    );
  }
  const c = res.capacity;
  if (c?.deals != null) {
    lines.push(
      `| capacity: deals that fit in localStorage | ${c.deals.toLocaleString('en-US')} (quota ${c.quotaChars.toLocaleString('en-US')} chars ÷ ${c.bytesPerDeal.toFixed(0)} chars per deal³) | ≥ 10,000 with 30 % of the quota left | ${yes(c.tenThousandWith30Left)} (10,000 deals fill ${(c.tenThousandShare * 100).toFixed(0)} %) |`,
    );
  } else {
    lines.push(`| capacity | n/a (${c?.note ?? 'not measured'}) | ≥ 10,000 with 30 % left | not measured |`);
  }
  const notes = [];
  if (sizes.some((s) => s.fits === false)) {
    notes.push('¹ over the storage quota: the floor fetched the board file (?src=), so its figure includes the fetch.');
    notes.push('² the board does not fit in localStorage, so it cannot be there at start-up: see the import rows.');
  }
  if (c?.deals != null) {
    notes.push(
      `³ Chromium's localStorage quota counts UTF-16 code units (2 bytes each), whatever the text; chars per deal from ${c.from}.`,
    );
  }
  if (f) notes.push('⁴ bench/leptos-floor/, built by scripts/leptos-floor.sh with the same profile, standard library, wasm-opt, glue minifier and precompression.');
  notes.push(
    '⁵ scripts/precompress.sh writes a zopfli-made .gz beside each file, which a host serving precompressed files (nginx gzip_static, Caddy precompressed) sends as it is; the bench\'s server does, and Chromium\'s own count of the bytes it received is given beside it.',
  );
  for (const s of sizes) for (const n of s.notes) notes.push(`${s.size.toLocaleString('en-US')}: ${n}`);
  if (notes.length) lines.push('', ...notes.map((n) => `- ${n}`));
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------

function header(res) {
  const build = res.git ? `build of ${res.git.commit}${res.git.dirty ? ' + local changes' : ''}` : 'build';
  const o = res.options;
  return `Dealboard benchmark — ${res.date.slice(0, 16).replace('T', ' ')} UTC — ${build} — ${res.machine.nproc} × ${res.machine.cpu}, ${res.machine.memory}, ${res.machine.chromium} — ${o.moveRounds ?? 1} × ${o.moves} moves, ${o.runs} runs per first render (1 above 20,000), ${o.importRuns ?? 1} imports of the largest size, ${res.seconds} s`;
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (o.table) {
    const res = JSON.parse(fs.readFileSync(o.table, 'utf8'));
    console.log(`${header(res)}\n\n${buildTable(res)}`);
    return;
  }
  const started = Date.now();
  const distDir = snapshotDist(o.dist);
  const boardsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealboard-bench-boards-'));
  const server = await startServer(distDir, boardsDir);
  const failures = [];
  const res = { date: new Date().toISOString(), options: { sizes: o.sizes, moves: o.moves, moveRounds: o.moveRounds, runs: o.runs, importRuns: o.importRuns, timeout: o.timeout } };
  try {
    res.machine = machine(await chromiumVersion());
    log(`machine: ${res.machine.nproc} × ${res.machine.cpu}, ${res.machine.memory}, ${res.machine.chromium}`);
    res.git = gitState();
    res.build = fs.readdirSync(distDir).find((f) => f.endsWith('.wasm')) ?? null;
    res.transfer = transferSize(distDir);
    log(`transfer size: ${res.transfer.total} B (gzip -9: ${res.transfer.gzip9} B)`);
    try {
      res.received = await measureReceived(server, o.timeout);
      log(`received in Chromium: ${res.received.bytes} B for ${res.received.files} files (${res.received.unpacked} B unpacked)`);
    } catch (err) {
      res.received = { note: String(err.message ?? err) };
      if (!isTimeout(err)) failures.push(`received: ${err.message ?? err}`);
    }
    res.frameworkFloor = frameworkFloor(o.frameworkFloor);
    try {
      res.quota = await measureQuota(server, o.timeout);
      log(`localStorage quota: ${res.quota.asciiChars} ASCII chars, ${res.quota.cjkChars} CJK chars`);
    } catch (err) {
      res.quota = { note: String(err.message ?? err) };
      if (!isTimeout(err)) failures.push(`quota: ${err.message ?? err}`);
    }
    res.sizes = [];
    const largest = o.sizes[o.sizes.length - 1];
    for (const size of o.sizes) {
      try {
        res.sizes.push(await benchSize(size, o, server, boardsDir, size === largest, failures));
      } catch (err) {
        failures.push(`${size}: ${err.message ?? err}`);
        log(`${size}: ${err.stack ?? err}`);
        res.sizes.push({ size, notes: [`error: ${String(err.message ?? err).split('\n')[0]}`] });
      }
    }
    const big = res.sizes.find((s) => s.size === largest);
    res.import = { size: largest, fileBytes: big?.fileBytes, result: big?.import ?? null, note: big?.notes?.find((n) => n.startsWith('import')) };

    // Capacity: the app's own stored text per deal (from its saves after the moves; the
    // generated file otherwise) against the measured quota.
    const withSave = [...res.sizes].reverse().find((s) => s.move?.savedLength && !s.move.savesFailed);
    const sample = withSave ?? res.sizes.find((s) => s.fileBytes);
    const empty = generateText(0).length;
    if (res.quota?.asciiChars && sample) {
      const length = withSave ? withSave.move.savedLength : sample.fileBytes;
      const perDeal = (length - empty) / sample.size;
      const deals = Math.floor((res.quota.asciiChars - empty) / perDeal);
      const share = (empty + 10_000 * perDeal) / res.quota.asciiChars;
      res.capacity = {
        quotaChars: res.quota.asciiChars,
        quotaCjkChars: res.quota.cjkChars,
        bytesPerDeal: perDeal,
        from: withSave ? `the app's save at ${sample.size} deals` : `the generated file at ${sample.size} deals`,
        deals,
        tenThousandShare: share,
        tenThousandWith30Left: share <= 1 - BUDGET.capacityLeft,
      };
      log(`capacity: ${deals} deals (${perDeal.toFixed(0)} B/deal)`);
    } else {
      res.capacity = { note: 'quota or stored size not measured' };
    }
    res.failures = failures;
    res.seconds = Math.round((Date.now() - started) / 1000);
    const table = buildTable(res);
    res.table = table;
    const head = header(res);
    console.log(`${head}\n\n${table}\n`);
    fs.mkdirSync(path.dirname(o.out), { recursive: true });
    fs.writeFileSync(o.out, JSON.stringify(res, null, 2) + '\n');
    if (o.markdown) fs.writeFileSync(o.markdown, `${head}\n\n${table}\n`);
    log(`figures written to ${path.relative(process.cwd(), o.out) || o.out}`);
    if (failures.length) {
      log(`something broke:\n  ${failures.join('\n  ')}`);
      process.exitCode = 1;
    }
  } finally {
    await server.close();
    fs.rmSync(distDir, { recursive: true, force: true });
    fs.rmSync(boardsDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err?.stack ?? err);
  process.exit(1);
});
