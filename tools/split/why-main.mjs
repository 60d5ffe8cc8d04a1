// `make size-why`: what keeps code in the split build's main module, and what would leave it.
//
// Reads rustc's wasm before the split (target/split/.../mueang-app.wasm, linked with
// --emit-relocs, so its `linking` section names every function and its reloc sections say
// which function calls or takes the address of which, and which data points at which). The
// main module is what the exports reach without passing a split point (wasm-split-cli's
// rule; this count agrees with the real main module to within 0.1 %). For each of our own
// functions in it, prints how much code would leave the main module if that function were
// reached only through a split point: the places where a `#[wasm_split]` pays most.
// Sizes are raw code bytes before wasm-opt and brotli (brotli is roughly a quarter).
//
// Usage: node tools/split/why-main.mjs WASM [regex ...]
//   each regex: the code that leaves if every function whose mangled name matches is cut.
//   WHY_EACH=regex picks the functions listed one by one (default: our ui, sync, app code).
import fs from 'node:fs';
const [inPath, ...pats] = process.argv.slice(2);
const buf = fs.readFileSync(inPath);
function reader(p0) { const r = { p: p0 };
  r.u8 = () => buf[r.p++];
  r.leb = () => { let x = 0, s = 0, b; do { b = buf[r.p++]; x += (b & 0x7f) * 2 ** s; s += 7; } while (b & 0x80); return x; };
  r.sleb = () => { let x = 0n, s = 0n, b; do { b = buf[r.p++]; x |= BigInt(b & 0x7f) << s; s += 7n; } while (b & 0x80); return x; };
  r.str = () => { const n = r.leb(); const s = buf.slice(r.p, r.p + n).toString(); r.p += n; return s; };
  return r; }
const secs = []; { const r = reader(8); while (r.p < buf.length) { const id = r.u8(); const size = r.leb(); const start = r.p; let name = null; if (id === 0) name = r.str(); secs.push({ id, name, start, end: start + size, pay: r.p }); r.p = start + size; } }
const sec = (id, name) => secs.find((s) => s.id === id && (name == null || s.name === name));
// imports
let nImp = 0; { const s = sec(2); const r = reader(s.start); const n = r.leb(); for (let i = 0; i < n; i++) { r.str(); r.str(); const k = r.u8(); if (k === 0) { r.leb(); nImp++; } else if (k === 1) { r.u8(); const fl = r.leb(); r.leb(); if (fl & 1) r.leb(); } else if (k === 2) { const fl = r.leb(); r.leb(); if (fl & 1) r.leb(); } else if (k === 3) { r.u8(); r.u8(); } else if (k === 4) { r.u8(); r.leb(); } } }
// bodies
const code = sec(10); const bodies = []; { const r = reader(code.start); const n = r.leb(); for (let i = 0; i < n; i++) { const size = r.leb(); bodies.push({ rel: r.p - code.start, size }); r.p += size; } }
// data segments: payload offsets
const data = sec(11); const segs = []; { const r = reader(data.start); const n = r.leb(); for (let i = 0; i < n; i++) { const fl = r.leb(); if (fl === 2) r.leb(); if (fl !== 1) { while (buf[r.p] !== 0x0b) r.p++; r.p++; } const size = r.leb(); segs.push({ rel: r.p - data.start, size }); r.p += size; } }
// exports
const exportsF = []; { const s = sec(7); const r = reader(s.start); const n = r.leb(); for (let i = 0; i < n; i++) { const nm = r.str(); const k = r.u8(); const idx = r.leb(); if (k === 0) exportsF.push([nm, idx]); } }
// symbols
const syms = []; const funcName = new Map();
{ const s = sec(0, 'linking'); const r = reader(s.pay); r.leb(); while (r.p < s.end) { const t = r.u8(); const len = r.leb(); const end = r.p + len;
  if (t === 8) { const n = r.leb(); for (let i = 0; i < n; i++) { const kind = r.u8(); const flags = r.leb(); const sy = { kind, flags };
    if (kind === 0 || kind === 2 || kind === 4 || kind === 5) { sy.index = r.leb(); if (!(flags & 0x10) || (flags & 0x40)) sy.name = r.str(); if (kind === 0 && sy.name && !funcName.has(sy.index)) funcName.set(sy.index, sy.name); }
    else if (kind === 1) { sy.name = r.str(); if (!(flags & 0x10)) { sy.seg = r.leb(); sy.off = r.leb(); sy.size = r.leb(); } }
    else if (kind === 3) { sy.index = r.leb(); }
    syms.push(sy); } }
  r.p = end; } }
// nodes: functions by function index (defined: >= nImp); data symbols as 'd'+symIndex
const FUNC_SYM = new Set([0, 1, 2, 8, 12, 18, 19, 22, 24, 26]);
const DATA_SYM = new Set([3, 4, 5, 11, 14, 15, 16, 17, 21, 23, 25]);
const ADDEND = new Set([3, 4, 5, 8, 9, 11, 14, 15, 16, 17, 21, 22, 23, 25]);
const edges = new Map(); const add = (a, b) => { if (!edges.has(a)) edges.set(a, new Set()); edges.get(a).add(b); };
const target = (type, si) => { const sy = syms[si]; if (!sy) return null; if (FUNC_SYM.has(type) && sy.kind === 0) return 'f' + sy.index; if (DATA_SYM.has(type) && sy.kind === 1) return 'd' + si; return null; };
function relocs(name, cb) { const s = sec(0, name); const r = reader(s.pay); r.leb(); const n = r.leb(); for (let i = 0; i < n; i++) { const t = r.u8(); const off = r.leb(); const si = r.leb(); if (ADDEND.has(t)) r.sleb(); cb(t, off, si); } }
// code relocs -> owning function by binary search
const bodyAt = (off) => { let lo = 0, hi = bodies.length - 1; while (lo < hi) { const m = (lo + hi + 1) >> 1; if (bodies[m].rel <= off) lo = m; else hi = m - 1; } return lo; };
relocs('reloc.CODE', (t, off, si) => { const tg = target(t, si); if (tg) add('f' + (bodyAt(off) + nImp), tg); });
// data relocs -> owning data symbol (by segment ranges)
const dsyms = []; syms.forEach((sy, i) => { if (sy.kind === 1 && sy.seg != null) dsyms.push({ i, start: segs[sy.seg].rel + sy.off, end: segs[sy.seg].rel + sy.off + sy.size }); });
dsyms.sort((a, b) => a.start - b.start);
const dataAt = (off) => { let lo = 0, hi = dsyms.length - 1, best = -1; while (lo <= hi) { const m = (lo + hi) >> 1; if (dsyms[m].start <= off) { best = m; lo = m + 1; } else hi = m - 1; } for (let k = best; k >= 0 && k > best - 50; k--) if (dsyms[k].start <= off && off < dsyms[k].end) return dsyms[k].i; return null; };
let unowned = 0; relocs('reloc.DATA', (t, off, si) => { const tg = target(t, si); if (!tg) return; const d = dataAt(off); if (d == null) { unowned++; add('ROOT', tg); } else add('d' + d, tg); });
const size = (n) => { if (n[0] !== 'f') return 0; const i = Number(n.slice(1)) - nImp; return i >= 0 ? bodies[i].size : 0; };
const roots = exportsF.filter(([nm]) => !nm.startsWith('__wasm_split_00')).map(([, i]) => 'f' + i);
const splitExports = exportsF.filter(([nm]) => nm.startsWith('__wasm_split_00'));
function reach(blocked) { const seen = new Set(); const st = ['ROOT', ...roots]; while (st.length) { const n = st.pop(); if (seen.has(n) || (blocked && blocked(n))) continue; seen.add(n); for (const m of edges.get(n) || []) st.push(m); } return seen; }
const total = (set) => [...set].reduce((a, n) => a + size(n), 0);
const all = reach();
console.log(`main module by reach: ${total(all)} bytes of code, ${[...all].filter((n) => n[0] === 'f').length} functions (${splitExports.length} split points)`);
for (const pat of pats) {
  const re = new RegExp(pat);
  const blocked = (n) => n[0] === 'f' && re.test(funcName.get(Number(n.slice(1))) || '');
  const cut = reach(blocked);
  const hits = [...all].filter(blocked).length;
  console.log(`${pat}: ${hits} matching functions in main; cutting them leaves ${total(cut)} (-${total(all) - total(cut)} bytes)`);
}
{
  const re = new RegExp(process.env.WHY_EACH || 'mueang.{0,4}(ui|sync|app)');
  const cands = [...all].filter((n) => n[0] === 'f' && re.test(funcName.get(Number(n.slice(1))) || ''));
  const base = total(all); const rows = [];
  for (const c of cands) { const cut = reach((n) => n === c); rows.push([base - total(cut), funcName.get(Number(c.slice(1)))]); }
  rows.sort((a, b) => b[0] - a[0]);
  console.log('\nbytes that would leave the main module if one function were split off:');
  for (const [s, n] of rows.slice(0, Number(process.env.WHY_ROWS || 25))) console.log(String(s).padStart(9), demangle(n).slice(0, 150));
}

/** Rust's legacy mangling made readable enough to find the function. */
function demangle(s) {
  if (!s.startsWith('_ZN')) return s;
  let p = 3; const parts = [];
  while (p < s.length && s[p] !== 'E') { let n = 0; while (/[0-9]/.test(s[p])) n = n * 10 + Number(s[p++]); parts.push(s.slice(p, p + n)); p += n; }
  return parts.filter((x) => !/^h[0-9a-f]{16}$/.test(x)).join('::')
    .replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>').replace(/\$u20\$/g, ' ').replace(/\$C\$/g, ',')
    .replace(/\$u7b\$\$u7b\$closure\$u7d\$\$u7d\$/g, '{closure}').replace(/\$RF\$/g, '&').replace(/\.\./g, '::');
}
