// The built folder works from any static URL: a sub-folder of a host (a project page, a shared
// drive) as well as a site's root. The page links its wasm, JS and stylesheet relative to
// itself, and the bundled stylesheet and minified glue (scripts/shrink-release.mjs) load with
// their integrity hashes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, openAppFor, assertNoErrors, columns, moveByMenu, column, cardTitles, DIST } from './helpers.mjs';

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
