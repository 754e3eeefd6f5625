// The order of the wasm's functions, for gzip: functions of one signature and of about one
// size, which are mostly copies of one generic function for different types (Leptos's render
// code, drop glue, closures' shims), are put next to each other, so that gzip's 32 KiB
// window finds each one's likeness in the one before. Signatures are ordered by their results,
// then their parameters, so that alike ones are neighbours too. wasm-opt's
// --reorder-functions-by-name does the moving: this names every function for it,
// "<results>|<parameters> <body size> <index>". The running code is the same; only where each
// function sits in the file changes (docs/size.md, tenth session: −8.3 kB gzip against
// wasm-opt's own order; sorting by the functions' Rust names gave half of that).
import { nameBytes, readEntries, readLeb, readSections, writeLeb } from './wasm-sections.mjs';

/** The wasm with each defined function named by its place in the order (see above). */
export function nameForOrder(wasm, fail) {
  const sections = readSections(wasm);
  const find = (id) => sections.find((s) => s.id === id) ?? fail(`the wasm has no section ${id}`);
  // Imported functions come first in the index space (an import's kind 0 is a function).
  const imports = readEntries(wasm, 2, fail)?.entries ?? [];
  const importedFunctions = imports.filter((e) => e.rest[0] === 0).length;
  const typeOf = readVector(wasm, find(3), (at) => readLeb(wasm, at));
  const sizeOf = readVector(wasm, find(10), (at) => {
    const [size, start] = readLeb(wasm, at);
    return [size, start + size];
  });
  if (typeOf.length !== sizeOf.length) fail('the function and code sections disagree');
  const signatures = readVector(wasm, find(1), (at) => {
    if (wasm[at] !== 0x60) fail(`type at byte ${at} is not a function type`);
    const [params, afterParams] = readValueTypes(wasm, at + 1, fail);
    const [results, end] = readValueTypes(wasm, afterParams, fail);
    return [`${results}|${params}`, end];
  });
  const largestSize = sizeOf.reduce((a, b) => Math.max(a, b), 0);
  const [sizeWidth, indexWidth] = [largestSize, importedFunctions + typeOf.length].map((n) => String(n).length);
  const entries = typeOf.map((type, i) => {
    const index = importedFunctions + i;
    // The index last: names must differ, and it keeps ties in wasm-opt's own order.
    const name = [
      signatures[type],
      String(sizeOf[i]).padStart(sizeWidth, '0'),
      String(index).padStart(indexWidth, '0'),
    ].join(' ');
    return Buffer.concat([writeLeb(index), nameBytes(name)]);
  });
  const functionNames = Buffer.concat([writeLeb(entries.length), ...entries]);
  const content = Buffer.concat([
    nameBytes('name'),
    Buffer.from([1]), // the function names subsection
    writeLeb(functionNames.length),
    functionNames,
  ]);
  const section = Buffer.concat([Buffer.from([0]), writeLeb(content.length), content]);
  const rest = sections.filter((s) => !(s.id === 0 && customName(wasm, s) === 'name'));
  const withoutNames = Buffer.concat([wasm.subarray(0, 8), ...rest.map((s) => wasm.subarray(s.headerStart, s.end))]);
  return Buffer.concat([withoutNames, section]);
}

function customName(wasm, section) {
  const [length, start] = readLeb(wasm, section.start);
  return wasm.subarray(start, start + length).toString('utf8');
}

function readVector(wasm, section, readItem) {
  let [count, at] = readLeb(wasm, section.start);
  const items = [];
  for (; count > 0; count -= 1) {
    const [item, next] = readItem(at);
    items.push(item);
    at = next;
  }
  return items;
}

/** A vector of value types as text: its length (three digits), then each type's byte in hex. */
function readValueTypes(wasm, at, fail) {
  const [count, start] = readLeb(wasm, at);
  const bytes = [...wasm.subarray(start, start + count)];
  // i32 … v128, funcref, externref: one byte each (types that take more are not expected).
  if (!bytes.every((t) => (t >= 0x7b && t <= 0x7f) || t === 0x70 || t === 0x6f)) {
    fail(`a value type at byte ${start} is not one this script reads`);
  }
  return [`${String(count).padStart(3, '0')}${bytes.map((t) => t.toString(16)).join('')}`, start + count];
}
