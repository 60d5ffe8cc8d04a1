// `make profile-load`: where a repeat visit's time goes, on `make bench-load`'s profile (Slow
// 4G + CPU ×4, brotli, the service worker in charge). A first visit installs the worker,
// then one repeat visit is traced as bench-load times it: the page's marks (each wasm
// fetched and instantiated, the navigation in the DOM, the click, the heading of /cities),
// whether Chrome had compiled code cached for each wasm, how much of the main thread went
// to compiling wasm functions on their first call, and the main thread's long tasks. The
// trace is written to OUT (DevTools → Performance opens it). Prints; asserts nothing.
//
// Usage: node bench/load-trace.mjs [OUT.json]   (MUEANG_DIST picks the build)
//   PROFILE=1       also samples the CPU (JS/wasm stacks in the trace; slows the page)
//   DOMLOG=1        also prints what was added to the DOM, and when
import fs from 'node:fs';
import path from 'node:path';
import { DIST, launch } from '../lib/browser.mjs';
import { startServer } from '../lib/server.mjs';
import { TARGET, offlineReady, throttle, visit } from './visit.mjs';

const OUT = path.resolve(process.argv[2] || 'load-trace.json');
const col = (n) => String(n).padStart(6);
const short = (url) => String(url).split('/').pop().replace(/-[0-9a-f]{8,16}/, '');

// In the page, before its own scripts: marks (also as performance marks, so they are in the
// trace) around every streaming instantiation, and the moments bench-load waits for.
function instrument() {
  const marks = (window.__marks = []);
  const domlog = (window.__domlog = []);
  const mark = (what) => {
    marks.push([Math.round(performance.now()), what]);
    performance.mark(what);
  };
  window.__mark = mark;
  const name = (r) => (r && r.url ? r.url.split('/').pop().replace(/-[0-9a-f]{8,16}/, '') : '?');
  for (const key of ['instantiateStreaming', 'compileStreaming']) {
    const real = WebAssembly[key].bind(WebAssembly);
    WebAssembly[key] = async (src, imports) => {
      const resp = await src;
      mark(`${key} ${name(resp)}: start`);
      try {
        return await real(resp, imports);
      } finally {
        mark(`${key} ${name(resp)}: done`);
      }
    };
  }
  let nav = false;
  let h1 = false;
  new MutationObserver((records) => {
    const added = new Map();
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (n.nodeType !== 1) continue;
        const cls = typeof n.className === 'string' && n.className ? '.' + n.className.split(' ')[0] : '';
        const k = `${n.tagName.toLowerCase()}${n.id ? '#' + n.id : ''}${cls}${n.dataset.testid ? `[${n.dataset.testid}]` : ''}`;
        added.set(k, (added.get(k) || 0) + 1 + n.querySelectorAll('*').length);
      }
    }
    if (added.size) domlog.push([Math.round(performance.now()), [...added].slice(0, 6).map(([k, v]) => `${k}:${v}`).join(' ')]);
    if (!nav && document.querySelector('[data-testid="nav-group-places"]')) {
      nav = true;
      mark('navigation in the DOM');
    }
    if (!h1 && location.pathname === '/cities' && document.querySelector('main h1')) {
      h1 = true;
      mark('/cities heading in the DOM');
    }
  }).observe(document, { childList: true, subtree: true });
}

// The two moments bench-load times, as marks in the trace.
const marked = (page) => (what) => page.evaluate((w) => window.__mark(`bench: ${w}`), what);

const server = await startServer({ root: DIST, static: true });
const browser = await launch();
try {
  {
    // Compress once before timing, as bench-load does.
    const warm = await browser.newContext();
    const p = await warm.newPage();
    await p.goto(server.url + '/');
    await p.locator('nav.mainnav').waitFor({ timeout: 120_000 });
    await warm.close();
  }
  const context = await browser.newContext({ viewport: { width: 800, height: 1280 }, serviceWorkers: 'allow' });
  await context.addInitScript(instrument);
  let last = await context.newPage();
  await throttle(last);
  await visit(last, server.url);
  await offlineReady(last);
  const page = await context.newPage();
  await throttle(page);
  await last.close();
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.wasm', 'v8.execute',
      'blink.user_timing', 'loading', ...(process.env.PROFILE ? ['disabled-by-default-v8.cpu_profiler'] : [])],
  });
  await visit(page, server.url, marked(page));
  const trace = await browser.stopTracing();
  fs.writeFileSync(OUT, trace);
  const { marks, domlog, fetches } = await page.evaluate(() => ({
    marks: window.__marks,
    domlog: window.__domlog,
    fetches: performance.getEntriesByType('resource').filter((r) => /\.(wasm|js)$/.test(r.name))
      .map((r) => [Math.round(r.startTime), Math.round(r.responseEnd), r.name, r.workerStart > 0 ? 'worker' : 'network']),
  }));
  console.log(`\nRepeat visit, Slow 4G + CPU ×4, ${DIST}; ms from the navigation's start\n`);
  console.log('fetches (start → response end):');
  for (const [s, e, n, via] of fetches.sort((a, b) => a[0] - b[0])) console.log(`  ${col(s)} → ${col(e)}  ${short(n)} (${via})`);
  console.log('marks:');
  for (const [t, m] of marks) console.log(`  ${col(t)}  ${m}`);
  if (process.env.DOMLOG) {
    console.log('added to the DOM (element:nodes):');
    for (const [t, m] of domlog) console.log(`  ${col(t)}  ${m}`);
  }
  summarise(JSON.parse(trace).traceEvents, marks);
  console.log(`\ntrace: ${OUT}`);
} finally {
  await browser.close();
  await server.close();
}

/** The page's main thread, read from the trace, on the page's clock (the marks'). */
function summarise(ev, marks) {
  const anchor = ev.find((e) => e.name === 'bench: navigation shown' && (e.cat || '').includes('user_timing'));
  if (!anchor) return console.log('(no marks in the trace)');
  const pageMark = marks.find(([, m]) => m === 'bench: navigation shown')[0];
  const t0 = anchor.ts - pageMark * 1000;
  const main = (e) => e.pid === anchor.pid && e.tid === anchor.tid;
  const at = (e) => (e.ts - t0) / 1000;
  const markAt = (m) => (marks.find(([, x]) => x === m) || [Infinity])[0];
  const phases = [
    ['navigation → navigation in the DOM', 0, markAt('navigation in the DOM')],
    ['… → the bench sees it and clicks', markAt('navigation in the DOM'), pageMark],
    ['… → /cities heading in the DOM', pageMark, markAt('/cities heading in the DOM')],
  ];

  console.log('\ncode cache (Chrome keeps compiled wasm only once a module has optimised code):');
  for (const e of ev.filter((x) => /^v8\.wasm\.(moduleCacheHit|moduleCacheInvalid|cachedModule|compiledModule)$/.test(x.name))) {
    console.log(`  ${e.name.replace('v8.wasm.', '')}: ${short(e.args?.url || '?')} ${JSON.stringify(e.args || {}).slice(0, 80)}`);
  }
  const hits = ev.filter((x) => x.name === 'v8.wasm.moduleCacheHit').length;
  const streamed = ev.filter((x) => x.name === 'v8.wasm.streamFromResponseCallback').length;
  console.log(`  ${hits} of ${streamed} streamed modules found compiled code in the cache`);

  const tasks = ev.filter((e) => main(e) && e.ph === 'X' && e.name === 'RunTask');
  const lazy = ev.filter((e) => main(e) && e.ph === 'X' && e.name === 'wasm.CompileLazy');
  console.log('\nmain thread by phase (busy = its tasks; lazy = wasm functions compiled on their first call):');
  for (const [label, lo, hi] of phases) {
    const inside = (e) => at(e) >= lo && at(e) < hi;
    const busy = tasks.filter(inside).reduce((s, e) => s + e.dur, 0) / 1000;
    const lz = lazy.filter(inside);
    const lzMs = lz.reduce((s, e) => s + e.dur, 0) / 1000;
    console.log(`  ${label.padEnd(38)} ${col(Math.round(hi - lo))} ms, busy ${col(Math.round(busy))}, lazy compile ${col(Math.round(lzMs))} ms (${lz.length} functions)`);
  }

  console.log('\nmain-thread tasks over 30 ms (start, ms, what is inside):');
  for (const t of tasks.filter((e) => e.dur > 30_000)) {
    const inner = new Map();
    for (const e of ev) {
      if (!main(e) || e.ph !== 'X' || e === t || e.ts < t.ts || e.ts + e.dur > t.ts + t.dur) continue;
      if (/^(V8\.|RunTask|ThreadController|v8\.callFunction|RunMicrotasks|FunctionCall)/.test(e.name)) continue;
      inner.set(e.name, (inner.get(e.name) || 0) + e.dur / 1000);
    }
    const top = [...inner].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([n, d]) => `${n} ${Math.round(d)}`).join(', ');
    console.log(`  ${col(Math.round(at(t)))} ${col(Math.round(t.dur / 1000))}  ${top}`);
  }
}
