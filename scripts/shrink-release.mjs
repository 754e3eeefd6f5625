// Finishes a release build where Trunk leaves bytes on the table, and keeps index.html's
// integrity hashes true to the files (a stale hash would stop the app loading):
// - what nothing can call goes (scripts/prune-unused.mjs): the exports the glue does not name,
//   the code only they reached (wasm-opt again, which also puts the functions in the order
//   gzip packs best: scripts/order-functions.mjs), and the wasm's custom sections;
// - the wasm's imports and exports get short names, in the wasm and in the glue
//   (`renameImports`, `renameExports`);
// - the JS glue that wasm-bindgen writes is minified with terser (Trunk's minifier cannot
//   parse its `export default`): 9.4 → 7.2 kB gzip;
// - the stylesheets, one per part of the page in the source, become one file in the same
//   order (Trunk does not bundle CSS): one request instead of five, and 4.3 → 3.0 kB gzip.
// Nothing is written unless every step matched what it expects; otherwise it fails and the
// build stays as Trunk made it.
//
//   node scripts/shrink-release.mjs [dist]
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { minify } from 'terser';
import { keepNamedExports, optimize } from './prune-unused.mjs';
import { readEntries } from './wasm-sections.mjs';

// Must be the page's data-wasm-opt-params (index.html), which Trunk gave wasm-opt.
const WASM_OPT_PARAMS = ['--low-memory-unused'];

const dist = process.argv[2] ?? 'dist';
const htmlPath = path.join(dist, 'index.html');
const sri = (bytes) => `sha384-${crypto.createHash('sha384').update(bytes).digest('base64')}`;
const fail = (message) => {
  throw new Error(`shrink-release: ${message}`);
};

let html = fs.readFileSync(htmlPath, 'utf8');
const writes = new Map(); // path → new content
const removes = [];

// The wasm and its JS glue: imports renamed, then the glue minified.
const wasmFiles = fs.readdirSync(dist).filter((f) => f.endsWith('.wasm'));
const jsFiles = fs.readdirSync(dist).filter((f) => f.endsWith('.js'));
if (wasmFiles.length !== 1 || jsFiles.length !== 1) fail(`expected one .wasm and one .js in ${dist}`);
const wasmPath = path.join(dist, wasmFiles[0]);
const jsPath = path.join(dist, jsFiles[0]);
const wasm = fs.readFileSync(wasmPath);
const glue = fs.readFileSync(jsPath);
for (const [file, bytes] of [[wasmFiles[0], wasm], [jsFiles[0], glue]]) {
  if (!html.includes(sri(bytes))) fail(`index.html does not carry the integrity hash of ${file}`);
}
const js = glue.toString('utf8');
const pruned = keepNamedExports(wasm, js, fail);
const optimized = optimize(pruned.wasm, WASM_OPT_PARAMS, fail);
console.log(`  ${pruned.dropped} exports nothing called: dropped`);
const renamed = renameExports(renameImports(optimized, js));
const { code } = await minify(renamed.js, { module: true, compress: true, mangle: true });
html = html.split(sri(wasm)).join(sri(renamed.wasm));
html = html.split(sri(glue)).join(sri(Buffer.from(code)));
writes.set(wasmPath, renamed.wasm);
writes.set(jsPath, code);

// The stylesheets: every <link> to one of them, in page order, becomes one <link>.
const sheets = fs.readdirSync(dist).filter((f) => f.endsWith('.css'));
const links = [...html.matchAll(/<link\b[^>]*>/g)]
  .map((m) => ({ tag: m[0], href: /\bhref="?([^" >]+\.css)"?/.exec(m[0])?.[1] }))
  .filter((l) => l.href && /\brel="?stylesheet"?/.test(l.tag));
const linked = links.map((l) => path.posix.basename(l.href));
if (linked.length !== sheets.length || !sheets.every((s) => linked.includes(s))) {
  fail(`the stylesheet links (${linked.join(', ')}) are not the CSS files in ${dist} (${sheets.join(', ')})`);
}
if (sheets.length > 1) {
  const css = linked.map((href) => fs.readFileSync(path.join(dist, href), 'utf8')).join('\n');
  const name = `dealboard-${crypto.createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
  // The bundle sits where the sheets were, linked the way Trunk linked them ("./" or "/").
  const where = links[0].href.slice(0, links[0].href.length - linked[0].length);
  const tag = `<link href="${where}${name}" integrity="${sri(Buffer.from(css))}" rel="stylesheet">`;
  html = html.replace(links[0].tag, tag);
  for (const l of links.slice(1)) html = html.replace(l.tag, '');
  writes.set(path.join(dist, name), css);
  removes.push(...linked.map((href) => path.join(dist, href)));
}

for (const file of removes) fs.rmSync(file);
for (const [file, content] of writes) {
  fs.writeFileSync(file, content);
  console.log(`  ${path.basename(file)}: ${Buffer.byteLength(content)} B`);
}
fs.writeFileSync(htmlPath, html);

/**
 * Gives the wasm's imports one- or two-letter names, in the wasm's import section and in the
 * glue's import object. wasm-bindgen names each `__wbg_<name>_<16 hex digits>`: ~190 of them,
 * written twice, whose hex digits gzip cannot shrink. Every old name must appear exactly once
 * in the glue (as its import object's key), or nothing is renamed.
 */
function renameImports(wasm, js) {
  const imports = readEntries(wasm, 2, fail);
  if (!imports) return { wasm, js };
  const names = new Map();
  const entries = imports.entries.map((e) => {
    // Only wasm-bindgen's own names: a build already shrunk keeps its short ones.
    if (e.field.startsWith('__wb') && !names.has(e.field)) names.set(e.field, shortName(names.size));
    return { ...e, field: names.get(e.field) ?? e.field };
  });
  for (const [old, short] of names) {
    const found = js.split(old).length - 1;
    if (found !== 1) fail(`import ${old} appears ${found} times in the glue, not once`);
    js = js.replace(new RegExp(`\\b${old}\\b`), short);
  }
  return { wasm: imports.write(entries), js };
}

/**
 * Gives the wasm's exports short names too. wasm-bindgen names a closure's entry point after
 * its whole type (~200 characters each); the glue reads every export as `wasm.<name>`, which
 * the minifier leaves as it is. Each must be read only that way, or nothing is renamed.
 * `memory` keeps its name: the benchmark reads it from the exports Trunk's loader announces.
 */
function renameExports({ wasm, js }) {
  const exports = readEntries(wasm, 7, fail);
  const renamed = (e) => e.field !== 'memory';
  const entries = exports.entries.map((e, i) => {
    if (!renamed(e)) return e;
    const read = js.match(new RegExp(`\\bwasm\\.${e.field}\\b`, 'g'))?.length ?? 0;
    const quoted = [`'${e.field}'`, `"${e.field}"`, `\`${e.field}\``].some((q) => js.includes(q));
    if (read === 0 || quoted) fail(`export ${e.field} is not only read as wasm.${e.field} in the glue`);
    return { ...e, field: shortName(i) };
  });
  for (const [i, e] of exports.entries.entries()) {
    if (renamed(e)) js = js.replace(new RegExp(`\\bwasm\\.${e.field}\\b`, 'g'), `wasm.${shortName(i)}`);
  }
  return { wasm: exports.write(entries), js };
}

/** a … z, A … Z, then two letters: valid JS property names that cannot collide. */
function shortName(i) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return i < letters.length ? letters[i] : letters[Math.floor(i / letters.length) - 1] + letters[i % letters.length];
}
