// What the widget's start-up is made of, from Chrome's own trace: loads the demo page N times
// and prints, for the span from tend.js starting to handle.ready (mount done), the main
// thread's time by trace event, and V8's lazy wasm compilation (how many functions were
// compiled on first call, and for how long). Prints numbers, asserts nothing.
//
//   node tests/bench/start_trace.mjs [N]       (TEND_SITE=dir for another built site)
//
// Read the per-event sums as nested (a task includes what runs inside it), not additive.
import { start, waitReady, markStartup } from '../browser/harness.mjs';

const N = Number(process.argv[2]) || 3;
const CATEGORIES = 'devtools.timeline,v8,v8.wasm,blink,loading,toplevel,blink.user_timing';
const h = await start();
for (let run = 0; run < N; run++) {
  const page = await h.newPage();
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  await page.addInitScript(markStartup);
  await page.goto(h.base + '/demo/');
  await waitReady(page);
  await page.waitForTimeout(200);
  await cdp.send('Tracing.end');
  await complete;
  await page.context().close();

  const t0 = events.find((e) => e.name === 'tend-start');
  const t1 = events.find((e) => e.name === 'tend-ready');
  if (!t0 || !t1) { console.log(`run ${run}: no marks in the trace`); continue; }
  const onMain = events.filter((e) => e.pid === t0.pid && e.tid === t0.tid && e.ph === 'X' && e.ts >= t0.ts && e.ts <= t1.ts);
  const byName = new Map();
  for (const e of onMain) byName.set(e.name, (byName.get(e.name) || 0) + (e.dur || 0) / 1000);
  const lazy = onMain.filter((e) => e.name === 'wasm.CompileLazy');
  console.log(`run ${run}: tend.js start → ready ${((t1.ts - t0.ts) / 1000).toFixed(1)} ms; ` +
    `wasm compiled on first call: ${lazy.length} functions, ${(lazy.reduce((a, e) => a + e.dur, 0) / 1000).toFixed(1)} ms`);
  for (const [name, ms] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${name}`);
}
await h.close();
