// A tiny static server for dist/: what a plain static host does, plus the fallback to
// index.html for client-side routes (paths without a file extension).
// Used by the e2e specs (random port) and by `make serve` (port 8080).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/** Starts serving `root`; resolves to { url, port, close() }. Port 0 picks a free one. */
export function startServer({ root, port = 0, host = '127.0.0.1' } = {}) {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = path.join(base, rel);
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    if (rel.endsWith('/')) file = path.join(file, 'index.html');
    if (!fs.existsSync(file) && !path.extname(rel)) file = path.join(base, 'index.html');
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
        // Like a static host with short caching; the service worker does the offline part.
        'cache-control': 'no-cache',
      });
      res.end(body);
    });
  });
  // Keep-alive sockets would hold close() open; track and destroy them.
  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      resolve({
        url: `http://${host}:${actual}`,
        port: actual,
        // Idempotent: a spec may stop the server early (offline test) and again in `after`.
        close: () => new Promise((done) => {
          for (const s of sockets) s.destroy();
          if (!server.listening) return done();
          server.close(() => done());
        }),
      });
    });
  });
}

// CLI: node lib/server.mjs <root> [port]
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] || 'dist';
  const port = Number(process.argv[3] || 8080);
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    console.error(`No ${root}/index.html: build first (trunk build --release).`);
    process.exit(1);
  }
  startServer({ root, port }).then(({ url }) => {
    console.log('');
    console.log(`  Mueang is ready: ${url}`);
    console.log('  (serving the release build from ' + root + '/; Ctrl+C stops)');
    console.log('');
  }, (e) => {
    console.error(`Cannot listen on 127.0.0.1:${port}: ${e.message}`);
    process.exit(1);
  });
}
