// What the linker leaves in a release build that nothing can call, for
// scripts/shrink-release.mjs: exports the glue never names (`main`, which the start function
// calls; `__wbindgen_free`; wasm-bindgen's and Leptos's markers), the code only they reached,
// and the custom sections. Every step checks what it expects and calls `fail` otherwise.
//
// It also dropped the glue's classes the app never makes, and the imports only their code
// used: wasm-streams' three. Since that crate is replaced by a stand-in (vendor/wasm-streams),
// there are none, and those two steps were taken out (docs/size.md, ninth session).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nameForOrder } from './order-functions.mjs';
import { readEntries, readSections } from './wasm-sections.mjs';

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
 * goes, and with the functions put in the order that gzip packs best (the names
 * scripts/order-functions.mjs gives them say it; wasm-opt writes no names back without `-g`);
 * then the custom sections, which the browser does not read.
 */
export function optimize(wasm, params, fail) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shrink-'));
  try {
    const input = path.join(dir, 'in.wasm');
    const output = path.join(dir, 'out.wasm');
    fs.writeFileSync(input, nameForOrder(wasm, fail));
    execFileSync('wasm-opt', ['-Oz', ...params, '--reorder-functions-by-name', input, '-o', output], {
      stdio: 'inherit',
    });
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
