// `make bench`: times the import of a 100,000-record bundle in headless Chromium, the
// no-op re-import, the naive way (one IndexedDB put per record), and the first screen
// after a reload with everything stored. Prints the numbers; asserts nothing about time.
//
//   node bench/sync.mjs BUNDLE.json        (MUEANG_DIST picks the build, as for the specs)
import fs from 'node:fs';
import path from 'node:path';
import { DIST } from '../lib/browser.mjs';
import { openBenchPage } from './page.mjs';

const bundle = path.resolve(process.argv[2] || '../../target/bench/bundle-100k.json');
if (!fs.existsSync(bundle)) {
  console.error(`no bundle at ${bundle}: run \`mueang bench-sync -o ${bundle}\` first`);
  process.exit(2);
}
const RELOADS = Number(process.env.BENCH_RELOADS || 3);
// Which count on the home page says the data is on screen: a survey bundle has no projects.
const COUNT_KIND = process.env.BENCH_COUNT_KIND || 'projects';
// BENCH_IMPORT_ONLY=1: the first import alone (`/sync?bench=import`), for a second form of
// the same data without the no-op re-import, the naive way and the reloads.
const IMPORT_ONLY = process.env.BENCH_IMPORT_ONLY === '1';

const bench = await openBenchPage(IMPORT_ONLY ? 'bench=import' : 'bench');
const { page, server } = bench;
try {
  const r = await bench.run(bundle);
  if (IMPORT_ONLY) printImports(r, [['import into an empty store', r.import_empty]]);
  else await fullReport(r);
} finally {
  await bench.close();
}

async function fullReport(r) {

  // The first screen after a reload: the shell, then the home page's counts.
  const firstScreen = [];
  for (let i = 0; i < RELOADS; i++) {
    await page.goto(server.url + '/');
    const shell = await page.waitForFunction(() => document.querySelector('header.topbar') && performance.now(),
      null, { polling: 'raf', timeout: 30_000 }).then((h) => h.jsonValue());
    const counts = await page.waitForFunction((kind) => {
      const n = document.querySelector(`[data-testid="counts"] [data-kind="${kind}"] .card-number`);
      return n && Number(n.textContent.replace(/[^0-9]/g, '')) > 0 && performance.now();
    }, COUNT_KIND, { polling: 'raf', timeout: 60_000 }).then((h) => h.jsonValue());
    firstScreen.push({ shell, counts });
  }

  printImports(r, [['import into an empty store', r.import_empty], ['no-op re-import (same bundle again)', r.reimport]]);
  const n = r.naive;
  const e = r.import_empty;
  const naiveWhole = steps(e).parse + steps(e).hash + steps(e).merge + n.total;
  console.log(`\nnaive: one IndexedDB put per record, one transaction`);
  console.log(`  records → objects (JSON.parse each)  ${ms(n.to_objects)}`);
  console.log(`  puts + commit                        ${ms(n.puts_and_commit)}`);
  console.log(`  persist total                        ${ms(n.total)}`);
  console.log(`  whole import the naive way           ${ms(naiveWhole)}`);
  console.log(`\nratio, naive persist / our persist:        ${(n.total / persist(e)).toFixed(1)}×`);
  console.log(`ratio, naive whole import / our whole:     ${(naiveWhole / e.wall).toFixed(1)}×`);
  console.log(`\nfirst screen after reload, ${r.records.toLocaleString('en-US')} records stored (from navigation start):`);
  for (const [i, f] of firstScreen.entries()) {
    console.log(`  reload ${i + 1}: shell ${ms(f.shell)}, home counts shown ${ms(f.counts)}`);
  }
  const med = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`  median: shell ${ms(med(firstScreen.map((f) => f.shell)))}, counts ${ms(med(firstScreen.map((f) => f.counts)))}`);
  console.log('\ntargets: whole import ≤ 1,000 ms (both), ≥ 10× the naive way, first screen ≤ 1,000 ms');
}

function ms(x) {
  return `${Math.round(x).toLocaleString('en-US').padStart(7)} ms`;
}

function steps(run) {
  return run.steps;
}

function persist(run) {
  return steps(run).plan + steps(run).peers + steps(run).write;
}

function printImports(r, runs) {
  const mb = (r.bytes / 1e6).toFixed(1);
  console.log(`\nbundle: ${r.records.toLocaleString('en-US')} records, ${mb} MB (${path.basename(bundle)}); build: ${DIST}`);
  console.log(`read the file                          ${ms(r.read_ms)}`);
  for (const [name, run] of runs) {
    const s = steps(run);
    console.log(`\n${name}: ${run.written.toLocaleString('en-US')} records written, changed: ${run.changed}`);
    console.log(`  parse + verify (types, checks)       ${ms(s.parse)}`);
    // Started before the parse for an exporter's (canonical) file: what is left to wait.
    console.log(`  checksum (Web Crypto SHA-256, wait)  ${ms(s.hash)}`);
    console.log(`  merge                                ${ms(s.merge)}`);
    console.log(`  persist (plan + one transaction)     ${ms(persist(run))}   (records ${Math.round(s.plan)}, peers ${Math.round(s.peers)}, transaction ${Math.round(s.write)})`);
    console.log(`  whole import (sum of steps)          ${ms(s.parse + s.hash + s.merge + persist(run))}`);
    console.log(`  whole import (wall, file bytes → in-memory data)${ms(run.wall)}`);
  }
}
