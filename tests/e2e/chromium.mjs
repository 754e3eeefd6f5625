// Chromium as the end-to-end tests and the benchmark launch it: Debian's build, headless, in a
// fresh profile of its own, without the background traffic that would disturb timings.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

/**
 * Launches Chromium with a fresh profile in a temporary folder named `prefix…`, with
 * `contextOptions` (viewport, locale, touch …). Returns { context, close }; `close` shuts the
 * browser and removes the folder.
 */
export async function launchChromium(prefix, contextOptions = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  // Chromium leaves its own scoped_dir folders (~80 MB each) in TMPDIR: they go under `dir`.
  const tmp = path.join(dir, 'tmp');
  fs.mkdirSync(tmp);
  const context = await chromium
    .launchPersistentContext(path.join(dir, 'profile'), {
      executablePath: '/usr/bin/chromium',
      headless: true,
      env: { ...process.env, TMPDIR: tmp },
      ...contextOptions,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    })
    .catch((err) => {
      remove();
      throw err;
    });
  const close = async () => {
    await context.close().catch(() => {});
    remove();
  };
  return { context, close };
}
