// What wasm-bindgen and the linker leave in a release build that nothing can call, for
// scripts/shrink-release.mjs. Leptos depends on server_fn, which brings wasm-streams: three
// `#[wasm_bindgen]` classes (IntoUnderlyingSource, …) that are exported from the wasm and the
// glue although the app never makes one, and their exports keep their code, and the futures
// code under it, in the wasm (~1.7 kB gzip). Also exported and never named by the glue:
// `main` (the start function calls it), `__wbindgen_free` and wasm-bindgen's and Leptos's
// markers. Every step checks what it expects and calls `fail` otherwise.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readEntries, readSections } from './wasm-sections.mjs';

/**
 * The glue without its exported classes that the wasm never hands to JavaScript: the glue
 * makes an instance only in `X.__wrap(ptr)` (called by an import when Rust passes one out) or
 * `new X(…)`, so a class with neither in the glue is never made by the app. Its methods and its
 * finalization registry go with it; the page's loader only reads the glue's `default`.
 */
export function dropUnusedClasses(js, fail) {
  const names = [...js.matchAll(/^export class (\w+) \{$/gm)].map((m) => m[1]);
  for (const name of names) {
    if (js.includes(`${name}.__wrap(`) || js.includes(`new ${name}(`)) continue;
    const parts = [
      // The class ends at the first `}` at the start of a line (its members are indented).
      new RegExp(`^export class ${name} \\{\\n[\\s\\S]*?^\\}\\n`, 'm'),
      new RegExp(`^if \\(Symbol\\.dispose\\) ${name}\\.prototype\\[Symbol\\.dispose\\] = ${name}\\.prototype\\.free;\\n`, 'm'),
      new RegExp(`^const ${name}Finalization = \\(typeof FinalizationRegistry === 'undefined'\\)\\n.*\\n.*\\n`, 'm'),
    ];
    for (const part of parts) {
      if (!part.test(js)) fail(`the glue's class ${name} is not written as expected (${part})`);
      js = js.replace(part, '');
    }
    if (new RegExp(`\\b${name}\\b`).test(js)) fail(`the glue still names ${name} after removing it`);
  }
  return js;
}

/** The wasm with only the exports that the glue names (`wasm.name`). */
export function keepNamedExports(wasm, js, fail) {
  const exports = readEntries(wasm, 7, fail);
  if (!exports) fail('the wasm has no export section');
  const named = new Set([...js.matchAll(/\bwasm\.(\w+)/g)].map((m) => m[1]));
  const kept = exports.entries.filter((e) => named.has(e.field));
  for (const name of named) {
    if (!kept.some((e) => e.field === name)) fail(`the glue calls wasm.${name}, which the wasm does not export`);
  }
  if (!kept.some((e) => e.field === '__wbindgen_start')) fail('the glue does not start the wasm');
  return { wasm: exports.write(kept), dropped: exports.entries.length - kept.length };
}

/**
 * wasm-opt again, as Trunk ran it (`-Oz`, the page's parameters; the features from the
 * wasm's own target_features section), so that the code only the dropped exports reached
 * goes; then the custom sections (producers, target features, wasm-split's marker), which
 * the browser does not read.
 */
export function optimize(wasm, params) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shrink-'));
  try {
    const input = path.join(dir, 'in.wasm');
    const output = path.join(dir, 'out.wasm');
    fs.writeFileSync(input, wasm);
    execFileSync('wasm-opt', ['-Oz', ...params, input, '-o', output], { stdio: 'inherit' });
    const optimized = fs.readFileSync(output);
    const custom = readSections(optimized).filter((s) => s.id === 0);
    let out = optimized;
    for (const s of custom.reverse()) {
      out = Buffer.concat([out.subarray(0, s.headerStart), out.subarray(s.end)]);
    }
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The glue's import object without the functions the wasm no longer imports (those only the
 * dropped code called). Each is a member `        name: function…` of the object that
 * `__wbg_get_imports` builds, up to the next member or the object's end.
 */
export function dropUnusedImports(js, wasm, fail) {
  const imports = readEntries(wasm, 2, fail);
  const imported = new Set(imports ? imports.entries.map((e) => e.field) : []);
  const start = js.indexOf('function __wbg_get_imports() {');
  const end = js.indexOf('\n    return {', start);
  if (start < 0 || end < 0) fail("the glue's import object is not written as expected");
  let object = js.slice(start, end);
  const unused = [...object.matchAll(/^ {8}(__wb\w+): /gm)].map((m) => m[1]).filter((n) => !imported.has(n));
  for (const name of unused) {
    const entry = new RegExp(`^ {8}${name}: [\\s\\S]*?(?=^ {8}\\w+: |^ {4}\\};)`, 'm');
    if (!entry.test(object)) fail(`the glue's import ${name} is not written as expected`);
    object = object.replace(entry, '');
  }
  return { js: js.slice(0, start) + object + js.slice(end), dropped: unused.length };
}
