// `make size`: the app's transfer sizes, raw / gzip / brotli, from dist/.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = process.argv[2] || 'dist';
const budget = Number(process.env.SIZE_BUDGET_BROTLI || 250_000);
// Everything the service worker precaches counts: that is what a first visit transfers.
const kinds = { '.wasm': 1, '.js': 1, '.css': 1, '.html': 1, '.webmanifest': 1, '.json': 1, '.png': 1, '.svg': 1 };

const files = [];
const walk = (d) => {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) { if (!e.name.startsWith('.')) walk(p); } else files.push(p);
  }
};
walk(dist);

const rows = [];
for (const f of files.sort()) {
  const kind = kinds[path.extname(f)];
  if (!kind) continue;
  const buf = fs.readFileSync(f);
  rows.push({
    file: path.relative(dist, f), kind, raw: buf.length,
    gzip: zlib.gzipSync(buf, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  });
}
const kb = (n) => (n / 1000).toFixed(1).padStart(8) + ' kB';
console.log('file'.padEnd(44) + 'raw'.padStart(11) + 'gzip'.padStart(11) + 'brotli'.padStart(11));
for (const r of rows) console.log(r.file.padEnd(44) + kb(r.raw) + kb(r.gzip) + kb(r.brotli));
const sum = (k) => rows.reduce((a, r) => a + r[k], 0);
console.log('total (what a first visit transfers)'.padEnd(44) + kb(sum('raw')) + kb(sum('gzip')) + kb(sum('brotli')));
// A split build (src/ui/lazy.rs): the chunks in split/ are loaded when one of their pages
// opens (and precached by the service worker after the first screen); the rest is what the
// first screen waits for.
const chunks = rows.filter((r) => r.file.startsWith('split' + path.sep) && r.file.endsWith('.wasm'));
if (chunks.length) {
  const part = (list, k) => list.reduce((a, r) => a + r[k], 0);
  const first = rows.filter((r) => !chunks.includes(r));
  console.log('  first screen (all but split/*.wasm)'.padEnd(44) + kb(part(first, 'raw')) + kb(part(first, 'gzip')) + kb(part(first, 'brotli')));
  console.log(`  chunks loaded on demand (${chunks.length} files)`.padEnd(44) + kb(part(chunks, 'raw')) + kb(part(chunks, 'gzip')) + kb(part(chunks, 'brotli')));
}
const br = sum('brotli');
console.log(`brotli budget ${(budget / 1000).toFixed(0)} kB: ${br <= budget ? 'within' : 'OVER'} (${(br / 1000).toFixed(1)} kB)`);
process.exit(br <= budget ? 0 : 1);
