// A/B of the widget's start-up: two built sites, loaded in alternation in fresh browser
// contexts, tend.js starting → handle.ready (mount done; mount draws the first frame).
// Prints numbers, asserts nothing. This machine's noise is ±50 ms per load: use N ≥ 25 and
// don't believe a difference much under 30 ms.
//
//   TEND_A=dir TEND_B=dir node tests/bench/start_ab.mjs [N]     (N loads of each, default 25)
//
// e.g. cp -r build-web/site /tmp/site-a, change something, scripts/build-web, then
// TEND_A=/tmp/site-a TEND_B=build-web/site node tests/bench/start_ab.mjs
import { start, markStartup } from '../browser/harness.mjs';
import { serve } from '../../scripts/serve.mjs';

const N = Number(process.argv[2]) || 25;
if (!process.env.TEND_A || !process.env.TEND_B) throw new Error('set TEND_A and TEND_B to two built sites');
const h = await start({ site: process.env.TEND_A });
const other = await serve(process.env.TEND_B, 0);
const bases = { A: h.base, B: `http://127.0.0.1:${other.address().port}` };
const times = { A: [], B: [] };
for (let i = 0; i < N; i++) {
  for (const k of i % 2 ? ['A', 'B'] : ['B', 'A']) {
    const page = await h.newPage();
    await page.addInitScript(markStartup);
    await page.goto(bases[k] + '/demo/');
    await page.waitForFunction(() => performance.getEntriesByName('tend-ready').length, null, { timeout: 20000 });
    times[k].push(await page.evaluate(() => performance.getEntriesByName('tend-ready')[0].startTime - performance.getEntriesByName('tend-start')[0].startTime));
    await page.context().close();
  }
}
const sorted = (xs) => [...xs].sort((a, b) => a - b);
for (const k of ['A', 'B']) {
  const s = sorted(times[k]);
  console.log(`${k} ${process.env['TEND_' + k]}: median ${s[s.length >> 1].toFixed(1)} ms   ${s.map((x) => x.toFixed(0)).join(' ')}`);
}
await h.close();
other.close();
