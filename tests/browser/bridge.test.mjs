// One bridge to the page: each change is one message, and only what changed. A reader typing
// in the reply box is not answered by their own words coming back, and the mirror leaves the
// rest of the step alone while they type.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as H from './harness.mjs';

let h;
before(async () => { h = await H.start(); });
after(async () => { await h.close(); });

const messages = (page) => page.evaluate((s) => document.querySelector(s).__tend._debug.messages(), H.WIDGET);

test('typing a reply sends nothing back but what it changes (Continue, once), and the mirror touches nothing else', async () => {
  const page = await h.newPage({ width: 1024 });
  await H.openPage(page, h.base + '/demo/');
  await H.runPlan(page, H.LONG_PATH, H.pointerDriver(page), H.WIDGET, { stopAt: 'reach_notice' });
  // Every change to the mirror's step words and to the reply box's value, while typing.
  await page.evaluate((s) => {
    const el = document.querySelector(s), mirror = el.querySelector('.tend-mirror'), field = el.querySelector('.tend-field');
    window.__mutations = [];
    new MutationObserver((list) => list.forEach((m) => {
      if (m.target === field || field.contains(m.target)) return; // its own placement and attributes
      window.__mutations.push(m.type + ' ' + (m.target.getAttribute ? m.target.getAttribute('data-k') || m.target.className : m.target.nodeName) +
        (m.attributeName ? ' ' + m.attributeName : ''));
    })).observe(mirror, { subtree: true, childList: true, attributes: true, characterData: true });
    window.__assigned = 0;
    const desc = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value');
    Object.defineProperty(field, 'value', { get() { return desc.get.call(this); }, set(v) { window.__assigned++; desc.set.call(this, v); } });
  }, H.WIDGET);
  const before = await messages(page);

  await H.typeReply(page, 'A softness in my chest, then a tightening.');
  await page.waitForFunction((s) => (document.querySelector(s).__tend.state().answers.reach_notice || {}).text === 'A softness in my chest, then a tightening.',
    H.WIDGET);
  await H.waitStable(page);
  const after = await messages(page);
  const { mutations, assigned } = await page.evaluate(() => ({ mutations: window.__mutations, assigned: window.__assigned }));
  await page.close();

  assert.equal(assigned, 0, 'the widget never wrote the reader\'s words back into the box they are typing in');
  // The step is optional: Continue is enabled before and after, so typing changes no part of the screen.
  assert.equal((after.screen || 0) - (before.screen || 0), 0, `screen messages while typing: ${JSON.stringify([before, after])}`);
  assert.deepEqual(mutations, [], 'the mirror redrew nothing while the reader typed');
});

test('a required question: the first letter enables Continue in one message that redraws only the ways on', async () => {
  const page = await h.newPage({ width: 1024 });
  const exercise = JSON.parse(JSON.stringify(H.FLAGSHIP));
  exercise.steps.find((s) => s.id === 'reach_notice').required = true;
  await page.route(h.base + '/demo/required.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(exercise) }));
  await page.route(h.base + '/demo/', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: (await response.text()).replace('data-tend-exercise="self-compassion-impossible"', 'data-tend-exercise="/demo/required.json"') });
  });
  await H.openPage(page, h.base + '/demo/');
  await H.runPlan(page, H.LONG_PATH, H.pointerDriver(page), H.WIDGET, { stopAt: 'reach_notice', exercise });
  assert.equal(await page.evaluate((s) => document.querySelector(s + ' [data-k=continue]').getAttribute('aria-disabled'), H.WIDGET), 'true');
  await page.evaluate((s) => {
    const parts = [...document.querySelector(s + ' .tend-mirror').children];
    window.__touched = new Set();
    new MutationObserver((list) => list.forEach((m) => {
      const part = parts.find((p) => p.contains(m.target));
      if (part) window.__touched.add(part.className);
    })).observe(document.querySelector(s + ' .tend-mirror'), { subtree: true, childList: true, attributes: true, characterData: true });
  }, H.WIDGET);
  const before = await messages(page);
  await H.typeReply(page, 'Warm.');
  await page.waitForFunction((s) => document.querySelector(s + ' [data-k=continue]').getAttribute('aria-disabled') === null, H.WIDGET);
  await H.waitStable(page);
  const after = await messages(page);
  const touched = await page.evaluate(() => [...window.__touched]);
  await page.close();
  assert.equal((after.screen || 0) - (before.screen || 0), 1, 'one screen message: the first letter enabled Continue');
  assert.deepEqual(touched.filter((c) => !/tend-part-question/.test(c)), ['tend-part tend-part-nav']);
});
