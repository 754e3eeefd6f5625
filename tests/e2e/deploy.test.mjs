// The built folder works from any static URL: a sub-folder of a host (a project page, a shared
// drive) as well as a site's root. The page links its wasm, JS and stylesheet relative to
// itself, and the bundled stylesheet and minified glue (scripts/shrink-release.mjs) load with
// their integrity hashes.

import { test, after } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { startServer, stopSharedServer, openAppFor, assertNoErrors, columns, moveByMenu, column, cardTitles, DIST } from './helpers.mjs';

after(stopSharedServer);

test('the app runs from a sub-folder of a static host, styled, and keeps its board', async (t) => {
  const server = await startServer(DIST, { prefix: '/team/pipeline/' });
  t.after(() => server.close());
  const app = await openAppFor(t, { server });
  const { page } = app;
  assert.ok(page.url().endsWith('/team/pipeline/'));
  assert.equal(await columns(page).count(), 7);
  // Styled: the columns sit side by side (without the stylesheet they would stack).
  const [first, second] = await Promise.all([columns(page).nth(0).boundingBox(), columns(page).nth(1).boundingBox()]);
  assert.ok(second.x > first.x + first.width / 2, `second column at x=${second.x}, first at x=${first.x}`);
  await moveByMenu(page, 'Acme renewal', 'Won');
  await app.reload();
  assert.ok((await cardTitles(page, 'Won')).includes('Acme renewal'), 'the move was saved and read back');
  assert.equal(await column(page, 'Won').count(), 1);
  assertNoErrors(app, assert);
});

// The release build ships a zopfli-made .gz beside each file (scripts/precompress.sh), and the
// test server sends those as a host with gzip_static does: what the browser receives for the
// wasm, JS and CSS is exactly the .gz files, and they unpack to the files themselves (the page
// checks each against its integrity hash, and the board runs).
test('the browser receives the precompressed files, and they unpack to the app', async (t) => {
  const app = await openAppFor(t);
  const { page } = app;
  const received = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => /\.(wasm|js|css)$/.test(new URL(e.name).pathname))
      .map((e) => ({ file: new URL(e.name).pathname.split('/').pop(), sent: e.encodedBodySize, unpacked: e.decodedBodySize })),
  );
  const files = fs.readdirSync(DIST).filter((f) => /\.(wasm|js|css)$/.test(f)).sort();
  assert.deepEqual(received.map((r) => r.file).sort(), files, 'the page fetched each of the build files once');
  for (const r of received) {
    const gz = fs.statSync(path.join(DIST, r.file + '.gz')).size;
    assert.equal(r.sent, gz, `${r.file}: bytes received are the .gz file's`);
    assert.equal(r.unpacked, fs.statSync(path.join(DIST, r.file)).size, `${r.file}: unpacked to the file's size`);
    assert.ok(r.sent < r.unpacked, `${r.file}: sent compressed`);
  }
  await moveByMenu(page, 'Acme renewal', 'Won');
  assert.ok((await cardTitles(page, 'Won')).includes('Acme renewal'));
  assertNoErrors(app, assert);
});
