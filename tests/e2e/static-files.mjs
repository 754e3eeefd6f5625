// How the tests' and the benchmark's servers send a file of the release build: as a static host
// that serves precompressed files does (nginx `gzip_static on`). When scripts/precompress.sh
// wrote NAME.gz beside the file and the browser accepts gzip, NAME.gz goes out as it is, with
// `Content-Encoding: gzip`; so every end-to-end test runs the app from the bytes a real
// deployment sends, and the benchmark can read the bytes received off the browser.

import fs from 'node:fs';
import path from 'node:path';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** True when the request's Accept-Encoding lists gzip (and does not refuse it with q=0). */
function acceptsGzip(req) {
  return String(req.headers['accept-encoding'] ?? '')
    .split(',')
    .map((part) => part.trim().split(';'))
    .some(([coding, ...params]) => coding.trim() === 'gzip' && !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p)));
}

/** Sends `file` (or its precompressed .gz) with 200, or 404 when it is missing. */
export function sendFile(req, res, file) {
  const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  const headers = { 'content-type': type, 'cache-control': 'no-store', vary: 'accept-encoding' };
  const send = (body, extra = {}) => {
    res.writeHead(200, { ...headers, ...extra, 'content-length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  const plain = () =>
    fs.readFile(file, (err, body) => {
      if (err) res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      else send(body);
    });
  if (!acceptsGzip(req)) return plain();
  fs.readFile(file + '.gz', (err, body) => {
    // Only a file that is there too: a stray .gz must not stand in for a file that is gone.
    if (err || !fs.existsSync(file)) plain();
    else send(body, { 'content-encoding': 'gzip' });
  });
}
