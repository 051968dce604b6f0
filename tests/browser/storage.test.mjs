// When localStorage can't be used — blocked (cookies off, a sandboxed frame), full, or holding
// something unreadable — the reader is told kindly, the exercise still works to the end in
// memory, their words can still be taken away, and nothing already saved is thrown away.
//
// The widget's notices are drawn into the canvas and written into its DOM (the mirror of the
// step, and the aria-live region when they change), so the tests read the widget's text, and
// check the canvas made room for them (its controls sit lower than on a page without one).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import * as H from './harness.mjs';

let h;
before(async () => { h = await H.start(); });
after(async () => { await h.close(); });

const NOTICE = {
  blocked: /isn’t letting the page save anything/,
  full: /storage for this site is full/,
  recovered: /couldn’t be read, so this is a fresh start/,
};
const KEY = `tend/demo/${H.FLAGSHIP_ID}/`;

// The shortest kind walk to the end: skip what can be skipped, one typed reply.
const QUICK = {
  arrive: [], kind_phrase: [['skip']], reach_offer: [],
  reach_notice: [['type', H.WORDS.body]], distress_first: [['skip']],
  which_part: [['choose', 'nothing']], savour: [], savour_notice: [['skip']],
};

const liveText = (page) => page.evaluate(() => document.querySelector('[data-tend-exercise]').textContent);

// Where the first step's Continue sits on a page with working storage (no notice).
let plainContinueY = null;
async function plainContinue() {
  if (plainContinueY !== null) return plainContinueY;
  const page = await h.newPage({ width: 1024, reducedMotion: 'reduce' });
  await H.openPage(page, h.base + '/demo/');
  plainContinueY = (await H.findTarget(page, '##continue', 'Continue')).y;
  await page.close();
  return plainContinueY;
}

async function finishAndExport(page, label, notice) {
  await H.recordEvents(page);
  await H.runPlan(page, QUICK, H.pointerDriver(page));
  const st = await H.state(page);
  assert.equal(st.finished, true, `${label}: finished`);
  assert.equal(st.stepId, 'savour_close');
  assert.equal(st.answers.reach_notice.text, H.WORDS.body, `${label}: the typed reply is kept in memory`);
  const completes = (await H.events(page)).filter((e) => e.name === 'complete');
  assert.equal(completes.length, 1, `${label}: 'complete' fired`);
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), H.clickTarget(page, '##txt', 'Download .txt')]);
  const text = fs.readFileSync(await download.path(), 'utf8');
  fs.writeFileSync(H.artifact(`storage-${label}-export.txt`), text);
  assert.ok(text.includes(H.WORDS.body), `${label}: the export has the reader's words`);
  // Where the export is offered, the reader is still told their words aren't kept.
  assert.match(await liveText(page), notice, `${label}: the notice is still shown at the end`);
}

test('storage blocked (SecurityError on window.localStorage): a kind notice, and it still completes in memory', async () => {
  const y0 = await plainContinue();
  const page = await h.newPage({ width: 1024, reducedMotion: 'reduce' });
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  await H.openPage(page, h.base + '/demo/');
  assert.match(await liveText(page), NOTICE.blocked, 'the notice is announced');
  const y1 = (await H.findTarget(page, '##continue', 'Continue')).y;
  assert.ok(y1 > y0 + 40, `the notice is drawn above the step (Continue at ${y1}, ${y0} without a notice)`);
  await H.clickTarget(page, '##continue', 'Continue');
  await H.waitForStep(page, 'kind_phrase');
  await finishAndExport(page, 'blocked', NOTICE.blocked);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('storage full (QuotaExceededError from setItem): a kind notice, and it still completes', async () => {
  const page = await h.newPage({ width: 1024, reducedMotion: 'reduce' });
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  await H.openPage(page, h.base + '/demo/');
  // Nothing is written before the reader does something, so the notice comes with the first step.
  await H.clickTarget(page, '##continue', 'Continue');
  await H.waitForStep(page, 'kind_phrase');
  assert.match(await liveText(page), NOTICE.full, 'the notice is announced when saving fails');
  await finishAndExport(page, 'full', NOTICE.full);
  assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing could be (or was) stored');
  assert.deepEqual(page.errors, []);
  await page.close();
});

for (const [name, garbage] of [
  ['not JSON', '{"exercise_id": "self-compassion-impossible", "current": "reach_bo'],
  ['JSON of the wrong shape', '[1, 2, 3]'],
  // Storage holds UTF-16 strings; whatever another script or a half-written value left there
  // (here a NUL, which C strings end at) must come back byte for byte.
  ['binary noise', '\u0000\u00ff\ud83d\ude00 garbage \u202e'],
  // Under the byte cap, but 120,000 values: more than the engine's reader will build a tree of
  // (its budget keeps a stored value from exhausting the widget's 16 MiB), so it is refused by
  // its count, and recovery runs as for any other unreadable save.
  ['a flat array of 120,000 numbers', '[' + '0,'.repeat(120000) + '0]'],
]) {
  test(`corrupt saved session (${name}): a notice, a fresh start, the original kept under a backup key`, async () => {
    const y0 = await plainContinue();
    const page = await h.newPage({ width: 1024, reducedMotion: 'reduce' });
    // Seed the reader's storage from a page of the same origin that has no widget.
    await page.goto(h.base + '/tend.css');
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY + 'session', garbage]);
    await page.goto(h.base + '/demo/');
    await H.waitReady(page);

    assert.match(await liveText(page), NOTICE.recovered, 'the notice is announced');
    const y1 = (await H.findTarget(page, '##continue', 'Continue')).y;
    assert.ok(y1 > y0 + 40, `the notice is drawn (Continue at ${y1}, ${y0} without)`);
    const st = await H.state(page);
    assert.equal(st.stepId, 'arrive', 'a fresh start');
    assert.deepEqual(st.answers, {});
    const all = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
    const backups = Object.keys(all).filter((k) => k.startsWith(KEY + 'backup/'));
    assert.equal(backups.length, 1, `one backup key: ${Object.keys(all).join(', ')}`);
    assert.equal(all[backups[0]], garbage, 'the original bytes, untouched');
    assert.doesNotThrow(() => JSON.parse(all[KEY + 'session']), 'the session key now holds a readable session');

    // The fresh session works and is kept; the notice doesn't come back on the next visit.
    await H.clickTarget(page, '##continue', 'Continue');
    await H.waitForStep(page, 'kind_phrase');
    await page.reload();
    await H.waitReady(page);
    assert.equal((await H.state(page)).stepId, 'kind_phrase');
    assert.doesNotMatch(await liveText(page), NOTICE.recovered);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), backups[0]), garbage, 'the backup is still there');
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

// Harm prevented: a notice that promised "set aside, not deleted" when the copy was never
// written, and the reader's first step then overwriting the only copy of their old words.
test('nearly full with a corrupt save: no copy fits, so nothing is said to be set aside and the original is never overwritten', async () => {
  const garbage = '{"exercise_id": "self-compassion-impossible", "current": "half a wo';
  const page = await h.newPage({ width: 1024, reducedMotion: 'reduce' });
  // Room for nothing new: the backup copy fails, and so would anything else (until it frees up below).
  await page.addInitScript(() => {
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (!window.__roomAgain) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return set.call(this, k, v);
    };
  });
  await page.goto(h.base + '/tend.css');
  await page.evaluate(([k, v]) => { window.__roomAgain = true; localStorage.setItem(k, v); }, [KEY + 'session', garbage]);
  await page.goto(h.base + '/demo/');
  await H.waitReady(page);
  const text = await liveText(page);
  assert.match(text, /couldn’t be read, so this is a fresh start\. The old data is left just as it was/, 'the reader is told what was done');
  assert.doesNotMatch(text, /set aside/, 'no promise of a copy that was never written');
  const first = (await H.state(page)).stepId;
  // Storage frees up; the reader moves on. Their old words must still be there, untouched.
  await page.evaluate(() => { window.__roomAgain = true; });
  await H.clickTarget(page, '##continue', 'Continue');
  await page.waitForFunction((f) => document.querySelector('[data-tend-exercise]').__tend.state().stepId !== f, first);
  const stored = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
  assert.equal(stored[KEY + 'session'], garbage, 'the only copy, byte for byte');
  assert.deepEqual(Object.keys(stored).filter((k) => k.startsWith(KEY + 'backup/')), [], 'no backup was claimed');
  assert.deepEqual(page.errors, []);
  await page.close();
});

// Harm prevented: storage that gives out part-way (the quota reached after a few saves, or the
// browser withdrawing storage mid-exercise) silently dropping the reader's later words.
for (const [name, init, notice, label] of [
  ['the quota reached after three saves', () => {
    const set = Storage.prototype.setItem;
    window.__saves = 0;
    Storage.prototype.setItem = function (k, v) {
      if (++window.__saves > 3) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return set.call(this, k, v);
    };
  }, NOTICE.full, 'quota-later'],
  ['storage withdrawn mid-exercise (SecurityError from then on)', () => {
    const real = Object.getOwnPropertyDescriptor(window, 'localStorage').get;
    window.__saves = 0;
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) { window.__saves++; return set.call(this, k, v); };
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        if (window.__saves >= 3) throw new DOMException('The operation is insecure.', 'SecurityError');
        return real.call(window);
      },
    });
  }, NOTICE.blocked, 'withdrawn-later'],
]) {
  test(`${name}: told kindly when it happens, the words after it kept in memory to the end and its export`, async () => {
    const page = await h.newPage({ width: 1024, reducedMotion: 'reduce' });
    await page.addInitScript(init);
    await H.openPage(page, h.base + '/demo/');
    assert.doesNotMatch(await liveText(page), notice, 'nothing to tell before anything failed');
    await finishAndExport(page, label, notice);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}
