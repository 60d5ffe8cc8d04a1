// A tiny static server for dist/: what a plain static host does, plus the fallback to
// index.html for client-side routes (paths without a file extension).
// Used by the e2e specs (random port), by `make serve` (port 8080) and, with `host: true`,
// by `make bench-load`, which needs what a well-set-up static host sends (README, "Putting
// the app online"): brotli, and hashed files cached for a year.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
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

// Trunk's hashed names (`mueang-app-0123456789abcdef_bg.wasm`): their content never changes.
// Trunk drops the hash's leading zeros (15 digits in one build of 16), hence 8 to 16.
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.(wasm|js|css)$/;
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.webmanifest', '.svg']);

/** The headers a static host should send for `file` (see the README's hosting section). */
export function hostCaching(file) {
  const name = path.basename(file);
  if (HASHED.test(name)) return 'public, max-age=31536000, immutable';
  // index.html and sw.js must be checked on every visit, or a deploy never reaches anyone.
  return 'no-cache';
}

/**
 * Starts serving `root`; resolves to { url, port, bytes(), close() }. Port 0 picks a free
 * one. `host: true` behaves like a production static host (brotli when asked for, hashed
 * files immutable); otherwise everything is `no-cache` and uncompressed, as the e2e specs
 * expect. `bytes()` is what went over the wire so far (bodies, after compression).
 */
export function startServer({ root, port = 0, host = '127.0.0.1', static: asHost = false } = {}) {
  const base = path.resolve(root);
  let sent = 0;
  const compressed = new Map();
  const brotli = (file, body) => {
    if (!compressed.has(file)) {
      compressed.set(file, zlib.brotliCompressSync(body, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
      }));
    }
    return compressed.get(file);
  };
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
      const headers = {
        'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
        // Like a static host with short caching; the service worker does the offline part.
        'cache-control': asHost ? hostCaching(file) : 'no-cache',
      };
      if (asHost && COMPRESSIBLE.has(path.extname(file)) && /\bbr\b/.test(req.headers['accept-encoding'] || '')) {
        body = brotli(file, body);
        headers['content-encoding'] = 'br';
        headers.vary = 'Accept-Encoding';
      }
      sent += body.length;
      res.writeHead(200, headers);
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
        bytes: () => sent,
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
  // `make serve` behaves like the hosting the README describes.
  startServer({ root, port, static: true }).then(({ url }) => {
    console.log('');
    console.log(`  Mueang is ready: ${url}`);
    console.log('  (serving the release build from ' + root + '/; Ctrl+C stops)');
    console.log('');
  }, (e) => {
    console.error(`Cannot listen on 127.0.0.1:${port}: ${e.message}`);
    process.exit(1);
  });
}
