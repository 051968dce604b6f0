// The flagship exercise, start to end, as a reader does it: once with the pointer (real mouse
// events on the controls' rectangles, real typing into the reply box), once with the
// keyboard only (Tab into the widget, arrows, Space/Enter, Tab to the reply box). At the end
// the state shows the answers, 'complete' fired once, and the export downloads the words.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import * as H from './harness.mjs';

let h;
before(async () => { h = await H.start(); });
after(async () => { await h.close(); });

async function downloadFrom(page, driver, id, label) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), driver.target(id, label)]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
}

test('pointer: the flagship from start to end, answers kept, complete fired, .txt and .json export', async () => {
  const page = await h.newPage({ width: 1024 });
  await H.openPage(page, h.base + '/demo/');
  await H.recordEvents(page);
  const driver = H.pointerDriver(page);

  const visited = await H.runPlan(page, H.LONG_PATH, driver);
  assert.deepEqual(visited.slice(-3), ['acknowledge', 'acknowledge_offer', 'closing']);
  assert.ok(visited.includes('part_speaks') && visited.includes('distress_mid'), `took the part's path: ${visited.join(' → ')}`);
  assert.equal(visited.length, 16, `the main path is 16 screens: ${visited.join(' → ')}`);

  const st = await H.state(page);
  assert.equal(st.exerciseId, H.FLAGSHIP_ID);
  assert.equal(st.stepId, 'closing');
  assert.equal(st.finished, true);
  const a = st.answers;
  assert.deepEqual(a.kind_phrase.chosen, ['go_gently']);
  assert.equal(a.reach_notice.text, H.WORDS.body);
  assert.equal(a.distress_first.value, 4);
  assert.deepEqual([...a.which_part.chosen].sort(), ['critic', 'protector']);
  assert.deepEqual(a.part_permission.chosen, ['yes']);
  assert.deepEqual(a.feel_toward.chosen, ['curious']);
  assert.equal(a.part_speaks.text, H.WORDS.partSays);
  assert.deepEqual(a.checkin_first.chosen, ['keep_going']);
  assert.equal(a.part_fear.text, H.WORDS.fear);
  assert.equal(a.part_hopes.skipped, true);
  assert.equal(a.distress_mid.value, 3);
  assert.deepEqual(a.acknowledge.chosen, ['see_you']);

  const ev = await H.events(page);
  const completes = ev.filter((e) => e.name === 'complete');
  assert.equal(completes.length, 1, `'complete' fired ${completes.length} times`);
  assert.equal(completes[0].value.finished, true);
  assert.equal(completes[0].value.answers.part_fear.text, H.WORDS.fear);
  const stepIds = ev.filter((e) => e.name === 'step').map((e) => e.value.stepId);
  assert.deepEqual(stepIds, visited.slice(1), "a 'step' event for every step after the first");

  // The end screen offers the words to keep.
  const txt = await downloadFrom(page, driver, '##txt', 'Download .txt');
  fs.writeFileSync(H.artifact('complete-pointer-export.txt'), txt.text);
  assert.match(txt.name, /\.txt$/);
  for (const w of [H.WORDS.body, H.WORDS.partSays, H.WORDS.fear]) assert.ok(txt.text.includes(w), `the .txt has "${w}"`);
  assert.ok(txt.text.includes('What it’s afraid of'), 'a reply is kept under its short heading (reflect_label)');
  const keepGoing = H.optionLabel('checkin_first', 'keep_going');
  assert.ok(!txt.text.includes(keepGoing), `a check-in's answer isn't the reader's words (reflect: false): "${keepGoing}"`);
  const json = await downloadFrom(page, driver, '##json', 'Download .json');
  assert.match(json.name, /\.json$/);
  const parsed = JSON.parse(json.text);
  assert.ok(JSON.stringify(parsed).includes(H.WORDS.fear), 'the .json has the reply to part_fear');

  // And what the reader finished is in the journal on this device.
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.ok(keys.some((k) => k.startsWith(`tend/demo/${H.FLAGSHIP_ID}/journal/`)), `a journal entry: ${keys.join(', ')}`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('keyboard only: Tab in, arrows, Space/Enter, Escape for a pause, Tab to the reply box; reaches the end', async () => {
  const page = await h.newPage({ width: 1024 });
  await H.openPage(page, h.base + '/demo/');
  await H.recordEvents(page);
  const driver = H.keyboardDriver(page);

  // The focus ring is something a reader can see: Tab into the widget, then on; the control
  // the focus left and the one it reached both look different afterwards.
  await driver.start();
  const canvas = page.locator('.tend-canvas');
  const ringAt = async () => (await H.targets(page)).find((t) => t.focused);
  const first = await ringAt();
  assert.ok(first, 'Tab into the widget puts the focus ring on a control');
  const shot1 = H.decodePng(await canvas.screenshot());
  await H.pressKey(page, 'Tab');
  const second = await ringAt();
  assert.ok(second && second.key !== first.key, `Tab moves the ring (${first.key} → ${second && second.key})`);
  const shot2 = H.decodePng(await canvas.screenshot());
  const d1 = H.meanDiff(shot1, shot2, { x: first.x - 6, y: first.y - 6, w: first.w + 12, h: first.h + 12 });
  const d2 = H.meanDiff(shot1, shot2, { x: second.x - 6, y: second.y - 6, w: second.w + 12, h: second.h + 12 });
  assert.ok(d1 > 1 && d2 > 1, `the ring is visible where it leaves (${d1.toFixed(2)}) and arrives (${d2.toFixed(2)})`);

  // Escape, from inside the widget, is "Pause and get help"; the way back is a key press away too.
  await H.pressKey(page, 'Escape');
  await H.waitForStep(page, 'ground');
  assert.equal((await H.state(page)).inSafety, true);
  await driver.target('##return');
  await H.waitForStep(page, 'arrive');
  assert.equal((await H.state(page)).inSafety, false);

  const visited = await H.runPlan(page, H.SHORT_PATH, driver);
  assert.deepEqual(visited.slice(-2), ['savour_notice', 'savour_close']);

  const st = await H.state(page);
  assert.equal(st.finished, true);
  assert.deepEqual(st.answers.kind_phrase.chosen, []);
  assert.equal(st.answers.kind_phrase.other, 'May I go slowly.');
  assert.equal(st.answers.reach_notice.skipped, true);
  assert.deepEqual(st.answers.which_part.chosen, ['nothing']);
  assert.equal(st.answers.savour_notice.text, H.WORDS.savour);
  const completes = (await H.events(page)).filter((e) => e.name === 'complete');
  assert.equal(completes.length, 1);

  const txt = await downloadFrom(page, driver, '##txt', 'Download .txt');
  fs.writeFileSync(H.artifact('complete-keyboard-export.txt'), txt.text);
  assert.ok(txt.text.includes(H.WORDS.savour), 'the .txt has the typed reply');
  assert.ok(txt.text.includes('May I go slowly.'), 'the .txt has the own-words choice');
  assert.deepEqual(page.errors, []);
  await page.close();
});
