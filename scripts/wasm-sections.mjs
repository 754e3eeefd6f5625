// Reading and writing the parts of a wasm binary that scripts/shrink-release.mjs edits: the
// sections, LEB128 numbers and names, and the import and export sections' entries.

/** Each section's id and where its header and body are. */
export function readSections(wasm) {
  const out = [];
  let at = 8; // magic and version
  while (at < wasm.length) {
    const headerStart = at;
    const id = wasm[at];
    const [size, start] = readLeb(wasm, at + 1);
    out.push({ id, headerStart, start, end: start + size });
    at = start + size;
  }
  return out;
}

export function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

export function writeLeb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}

export function nameBytes(name) {
  return Buffer.concat([writeLeb(Buffer.byteLength(name)), Buffer.from(name, 'utf8')]);
}

/**
 * The entries of section `id` (2 imports, 7 exports), each as its names and its raw rest, and
 * a way to write the section back with other entries. `fail` is called on anything unexpected.
 */
export function readEntries(wasm, id, fail) {
  const section = readSections(wasm).find((s) => s.id === id);
  if (!section) return null;
  const body = wasm.subarray(section.start, section.end);
  let at = 0;
  const read = () => {
    const [value, next] = readLeb(body, at);
    at = next;
    return value;
  };
  const readName = () => {
    const length = read();
    const name = body.subarray(at, at + length).toString('utf8');
    at += length;
    return name;
  };
  const skipLimits = () => {
    const flags = body[at++];
    read();
    if (flags & 1) read();
  };
  const entries = [];
  const count = read();
  for (let i = 0; i < count; i += 1) {
    const module = id === 2 ? readName() : null;
    const field = readName();
    const start = at;
    const kind = body[at++];
    if (id === 7) read(); // export: the index of what it exports
    else if (kind === 0) read(); // import of a function: type index
    else if (kind === 1) { at += 1; skipLimits(); } // table: element type, limits
    else if (kind === 2) skipLimits(); // memory
    else if (kind === 3) at += 2; // global: type, mutability
    else if (kind === 4) { at += 1; read(); } // tag
    else fail(`import ${field}: unknown kind ${kind}`);
    entries.push({ module, field, rest: body.subarray(start, at) });
  }
  if (at !== body.length) fail(`section ${id} did not read to its end`);
  const write = (kept) => {
    const parts = [writeLeb(kept.length)];
    for (const e of kept) {
      if (e.module !== null) parts.push(nameBytes(e.module));
      parts.push(nameBytes(e.field), e.rest);
    }
    const content = Buffer.concat(parts);
    return Buffer.concat([
      wasm.subarray(0, section.headerStart),
      Buffer.from([id]),
      writeLeb(content.length),
      content,
      wasm.subarray(section.end),
    ]);
  };
  return { entries, write };
}
