// Two widgets on one page (web/demo/two-widgets.html: the flagship and "A pause for
// self-compassion") keep to themselves: answering in one leaves the other's state, storage
// and reply box alone, and their storage keys don't overlap.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as H from './harness.mjs';

let h;
before(async () => { h = await H.start(); });
after(async () => { await h.close(); });

const A = '#first', B = '#second';
const storage = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
const changedKeys = (x, y) => [...new Set([...Object.keys(x), ...Object.keys(y)])].filter((k) => x[k] !== y[k]);

test('two widgets on one page do not interfere', async () => {
  const page = await h.newPage({ width: 1024 });
  await H.openPage(page, h.base + '/demo/two-widgets.html', [A, B]);

  const ids = await page.evaluate(([a, b]) => [document.querySelector(a + ' canvas').id, document.querySelector(b + ' canvas').id], [A, B]);
  assert.notEqual(ids[0], ids[1], 'each canvas has its own id');
  const a0 = await H.state(page, A), b0 = await H.state(page, B);
  assert.equal(a0.exerciseId, 'self-compassion-impossible');
  assert.equal(b0.exerciseId, 'pause-for-self-compassion');

  // Answer in the first: its state moves, the second's doesn't, and only the first's keys change.
  let s0 = await storage(page);
  await H.runPlan(page, H.LONG_PATH, H.pointerDriver(page, A), A, { stopAt: 'reach_notice' });
  await H.typeReply(page, H.WORDS.body, A);
  await page.waitForFunction(([s, t]) => (document.querySelector(s).__tend.state().answers.reach_notice || {}).text === t, [A, H.WORDS.body]);
  const a1 = await H.state(page, A);
  assert.equal(a1.stepId, 'reach_notice');
  assert.deepEqual(a1.answers.kind_phrase.chosen, ['go_gently']);
  assert.deepEqual(await H.state(page, B), b0, 'the second widget is untouched');
  assert.equal(await page.locator(`${B} .tend-field`).isHidden(), true, "the second's reply box stays hidden");
  let s1 = await storage(page);
  const aPrefix = `tend/demo/${a0.exerciseId}/`, bPrefix = `tend/demo/${b0.exerciseId}/`;
  const changedA = changedKeys(s0, s1);
  assert.ok(changedA.length > 0, 'the first widget saved something');
  assert.ok(changedA.every((k) => k.startsWith(aPrefix)), `only the first's keys changed: ${changedA.join(', ')}`);

  // Now the second: Continue, then a reply of its own.
  s0 = s1;
  await H.clickTarget(page, '##continue', 'Continue', B);
  await H.waitForStep(page, 'hard_thing', B);
  const other = 'Work has been a lot this week.';
  await H.typeReply(page, other, B);
  await page.waitForFunction(([s, t]) => (document.querySelector(s).__tend.state().answers.hard_thing || {}).text === t, [B, other]);
  assert.deepEqual(await H.state(page, A), a1, 'the first widget is untouched by the second');
  assert.equal(await H.fieldValue(page, A), H.WORDS.body, "the first's reply box still holds its own words");
  assert.equal(await H.fieldValue(page, B), other);
  s1 = await storage(page);
  const changedB = changedKeys(s0, s1);
  assert.ok(changedB.length > 0 && changedB.every((k) => k.startsWith(bPrefix)), `only the second's keys changed: ${changedB.join(', ')}`);

  // The keys of the two never overlap, and every key the page has is one of theirs.
  const keys = Object.keys(s1);
  assert.ok(keys.some((k) => k.startsWith(aPrefix)) && keys.some((k) => k.startsWith(bPrefix)));
  assert.ok(keys.every((k) => k.startsWith(aPrefix) || k.startsWith(bPrefix)), `unexpected keys: ${keys.join(', ')}`);

  // After a reload each resumes its own step with its own words.
  await page.reload();
  await H.waitReady(page, A);
  await H.waitReady(page, B);
  assert.equal((await H.state(page, A)).stepId, 'reach_notice');
  assert.equal((await H.state(page, B)).stepId, 'hard_thing');
  assert.equal(await H.fieldValue(page, A), H.WORDS.body);
  assert.equal(await H.fieldValue(page, B), other);
  assert.deepEqual(page.errors, []);
  await page.close();
});
