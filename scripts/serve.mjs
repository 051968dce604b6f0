// Serves a built Tend site on 127.0.0.1 for the demo and the browser tests.
//
// Usage: node scripts/serve.mjs DIR [PORT]   (PORT 0 picks a free one; the address is printed)
//
// serve(dir, port, options) also takes { host } (another loopback address: 127.0.0.2 is
// another *site*, which other ports are not), { cdn: true } (answer like a CDN that mirrors
// npm: CORS for every origin and a year's immutable cache), { csp } (another policy) and
// { log } (an array: every request's URL and headers are pushed to it).
//
// Pages go out with a strict Content-Security-Policy, the kind a careful practice's blog
// might have: scripts only from this origin, no eval (WebAssembly still allowed), and no
// connections anywhere else. If the widget ever tried to phone home or eval, the browser
// would refuse and the tests would see it.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ttf': 'font/ttf', '.woff2': 'font/woff2', '.txt': 'text/plain; charset=utf-8',
};
export const CSP = [
  "default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:", "connect-src 'self'", "font-src 'self'", "object-src 'none'", "base-uri 'none'",
].join('; ');

// `before(req, res, urlPath, send)`, for tests: sees every request first and returns true
// when it answered it itself; send(res, status, type, body) answers with the same headers
// (the CSP above) as the site's own files.
export function send(res, status, type, body, { csp = CSP, cdn = false } = {}) {
  res.writeHead(status, {
    'Content-Type': type, 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff',
    ...(cdn ? { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=31536000, immutable', 'Cross-Origin-Resource-Policy': 'cross-origin' }
      : { 'Cache-Control': 'no-store' }),
  });
  res.end(body);
}

export function serve(root, port = 0, { host = '127.0.0.1', cdn = false, csp = CSP, log = null, before = null } = {}) {
  root = path.resolve(root);
  const server = http.createServer((req, res) => {
    if (log) log.push({ url: req.url, headers: req.headers });
    let urlPath;
    try { urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { res.writeHead(400).end(); return; }
    if (before && before(req, res, urlPath, send)) return;
    let file = path.join(root, path.normalize(urlPath));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
      if (!urlPath.endsWith('/')) { res.writeHead(301, { Location: urlPath + '/' }).end(); return; }
      file = path.join(file, 'index.html');
    }
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found'); return; }
      send(res, 200, TYPES[path.extname(file)] || 'application/octet-stream', body, { csp, cdn });
    });
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [root = 'build-web/site', port = '8080'] = process.argv.slice(2);
  const server = await serve(root, Number(port));
  const { port: actual } = server.address();
  console.log(`Tend demo: http://127.0.0.1:${actual}/demo/  (two widgets: http://127.0.0.1:${actual}/demo/two-widgets.html)`);
  console.log(`The page that writes the snippet: http://127.0.0.1:${actual}/snippet.html`);
  console.log('Press Ctrl+C to stop.');
}
