// `make profile-import`: a CPU profile of the first import alone (`/sync?bench=import`),
// written to target/import.cpuprofile (open it in Chrome DevTools → Performance) and
// summarised here: the functions with the most self time, then the time by category.
// For readable wasm names, profile a build with its name section kept (the Makefile's
// target builds one with `strip = false` and no wasm-opt).
//
//   node bench/profile.mjs BUNDLE.json OUT.cpuprofile
import fs from 'node:fs';
import path from 'node:path';
import { openBenchPage } from './page.mjs';

const bundle = path.resolve(process.argv[2]);
const out = path.resolve(process.argv[3] || 'import.cpuprofile');
const TOP = Number(process.env.PROFILE_TOP || 40);

const bench = await openBenchPage('bench=import');
try {
  const cdp = await bench.context.newCDPSession(bench.page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const r = await bench.run(bundle);
  const { profile } = await cdp.send('Profiler.stop');
  fs.writeFileSync(out, JSON.stringify(profile));
  console.log('steps (ms):', JSON.stringify(r.import_empty.steps), 'wall', Math.round(r.import_empty.wall));

  // Self time per node, from the sample deltas (µs).
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) || 0) + (profile.timeDeltas[i] || 0));
  });
  const byName = new Map();
  for (const [id, us] of self) {
    const f = byId.get(id).callFrame;
    const name = f.functionName || `(anonymous ${path.basename(f.url)}:${f.lineNumber})`;
    byName.set(name, (byName.get(name) || 0) + us);
  }
  const total = [...byName.values()].reduce((a, b) => a + b, 0);
  const rows = [...byName].sort((a, b) => b[1] - a[1]).slice(0, TOP);
  console.log(`\nself time, top ${TOP} of ${Math.round(total / 1000)} ms sampled:`);
  for (const [name, us] of rows) {
    console.log(`${String(Math.round(us / 1000)).padStart(7)} ms  ${name.slice(0, 140)}`);
  }
  console.log(`\nprofile: ${out}`);
} finally {
  await bench.close();
}
