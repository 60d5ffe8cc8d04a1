// `make bench-survey-wasm`: the survey views' work in headless Chromium (issue #12, part 7)
// on a fictional survey of BENCH_HOUSEHOLDS households made in the page: the city summary
// (target ≤ 100 ms), every region's view, and the city household list's index, filters
// and sorts (target: within a frame, 16.7 ms). Prints the numbers; asserts nothing.
//
//   node bench/survey.mjs [HOUSEHOLDS]        (MUEANG_DIST picks the build, with `bench`)
import { DIST } from '../lib/browser.mjs';
import { openBenchPage } from './page.mjs';

const households = Number(process.argv[2] || 100000);
const bench = await openBenchPage(`bench=survey&households=${households}`);
try {
  const { page } = bench;
  await page.waitForFunction(() => document.querySelector('[data-testid="bench-result"]')?.textContent.trim().length > 0,
    null, { timeout: 600_000, polling: 500 });
  const r = JSON.parse(await page.getByTestId('bench-result').textContent());
  const t = ([median, min, max]) => `median ${median.toFixed(2)} ms (min ${min.toFixed(2)}, max ${max.toFixed(2)})`;
  const n = (x) => x.toLocaleString('en-US');
  console.log(`\nsurvey in wasm: ${n(r.households)} fictional households made in ${Math.round(r.generate_ms)} ms; build: ${DIST}`);
  console.log(`city summary, largest city (${n(r.city_households)} households, scanning all): ${t(r.city_summary)}   target ≤ 100 ms`);
  console.log(`every region's view (all cities summed):                 ${t(r.all_regions)}`);
  console.log(`household list of that city: index built in ${Math.round(r.index_ms)} ms (median of 3)`);
  console.log(`  filter + sort, all by community:          ${t(r.select_all)}   a frame is 16.7 ms`);
  console.log(`  dilapidated, most members first:          ${t(r.select_dilapidated_by_members)}`);
  console.log(`  words "1", by house number:               ${t(r.select_text)}`);
  console.log(`every household in one city (${n(r.one_city_households)}): index built in ${Math.round(r.one_city_index_ms)} ms (median of 3)`);
  console.log(`  filter + sort, all by community:          ${t(r.one_city_select_all)}`);
  console.log(`  words "1", by house number:               ${t(r.one_city_select_text)}`);
} finally {
  await bench.close();
}
