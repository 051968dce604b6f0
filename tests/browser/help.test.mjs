// Help for where the reader is: the grounding path offers the crisis lines of the reader's
// region (the practice's choice, or the browser's languages), every number tappable, the
// practice's own line first after the emergency number; in full on the path's first screen,
// then one line that opens it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as H from './harness.mjs';
import * as A from './a11y_kit.mjs';

let h;
before(async () => { h = await H.start(); });
after(async () => { await h.close(); });

// The demo article with its widget's attributes changed (exercise, region, own line…).
async function article(locale, attrs = {}) {
  const context = await h.browser.newContext({ viewport: { width: 1024, height: 900 }, locale });
  const page = await context.newPage();
  page.errors = [];
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  await page.route(h.base + '/demo/', async (route) => {
    const response = await route.fetch();
    let body = await response.text();
    const { 'data-tend-exercise': exercise, ...rest } = attrs;
    if (exercise) body = body.replace('data-tend-exercise="self-compassion-impossible"', `data-tend-exercise="${exercise}"`);
    const added = Object.entries(rest).map(([k, v]) => `${k}="${v}"`).join(' ');
    body = body.replace('<div data-tend-exercise', `<div ${added} data-tend-exercise`);
    await route.fulfill({ response, body });
  });
  await H.openPage(page, h.base + '/demo/');
  return page;
}

// Into the grounding path by its button; the help panel's entries and their links, in order.
async function helpShown(page) {
  await A.keyboardOnly(page).start();
  await A.keyboardOnly(page).target('need_pause');
  await H.waitStable(page);
  return page.evaluate((s) => {
    const panel = document.querySelector(s + ' .tend-part-help .tend-panel');
    if (!panel) return null;
    const strong = [...panel.querySelectorAll('.tend-strong')].map((e) => e.textContent);
    const links = [...panel.querySelectorAll('a[data-k]')].map((a) => ({ href: a.getAttribute('href'), label: a.textContent }));
    return { strong, links, text: panel.textContent };
  }, A.W);
}

test('a reader in the UK (en-GB) is offered 999 and then Samaritans\' 116 123, and told the region was guessed', async () => {
  const page = await article('en-GB');
  const help = await helpShown(page);
  await page.context().close();
  assert.ok(help, 'the grounding path shows its help');
  assert.deepEqual(help.links.slice(0, 2).map((l) => l.href), ['tel:999', 'tel:116123']);
  assert.equal(help.links[0].label, 'Call 999');
  assert.match(help.text, /Chosen from your browser’s settings: United Kingdom/);
  assert.ok(!help.links.some((l) => l.href === 'tel:988'), 'no US line for a reader in the UK');
});

test('a reader in Spain of the Spanish exercise meets 112 and then 024, in Spanish', async () => {
  const page = await article('es-ES', { 'data-tend-exercise': 'self-compassion-impossible-es' });
  const help = await helpShown(page);
  await page.context().close();
  assert.deepEqual(help.links.slice(0, 2).map((l) => l.href), ['tel:112', 'tel:024']);
  assert.equal(help.links[1].label, 'Llamar al 024');
  assert.equal(help.strong[0], 'Emergencias');
});

test('the practice names the region and its own line: Ireland\'s set, their line right after the emergency number', async () => {
  const page = await article('en-US', { 'data-tend-region': 'IE', 'data-tend-help-label': 'Willow Street after hours',
    'data-tend-help-text': 'Our own line, for clients.', 'data-tend-help-link': 'tel:+35315550100' });
  const help = await helpShown(page);
  await page.context().close();
  assert.deepEqual(help.links.slice(0, 3).map((l) => l.href), ['tel:112', 'tel:+35315550100', 'tel:116123']);
  assert.equal(help.strong[1], 'Willow Street after hours');
  assert.doesNotMatch(help.text, /Chosen from your browser/, 'the practice chose the region: nothing was guessed');
});

test('the help is in full on the first grounding screen, then one line that opens it; the instruction comes first', async () => {
  const page = await article('en-GB');
  await helpShown(page);
  const order = await page.evaluate((s) => [...document.querySelector(s + ' .tend-mirror').children].map((e) => e.className), A.W);
  assert.ok(order.indexOf('tend-part tend-part-body') < order.indexOf('tend-part tend-part-help'), 'the step\'s words before the help');
  // The next grounding screen: one line.
  await A.keyboardOnly(page).continue();
  await H.waitStable(page);
  const folded = await page.evaluate((s) => ({
    panel: !!document.querySelector(s + ' .tend-part-help .tend-panel'),
    more: document.querySelector(s + ' [data-k=show_help]')?.textContent,
  }), A.W);
  assert.deepEqual(folded, { panel: false, more: H.SAY.show_help });
  // The canvas draws the same single line.
  assert.ok((await H.targets(page)).some((t) => t.key === 'show_help'));
  await A.keyboardOnly(page).target('show_help');
  await H.waitStable(page);
  assert.ok(await page.evaluate((s) => !!document.querySelector(s + ' .tend-part-help a[href="tel:116123"]'), A.W), 'one tap opens it');
  await page.context().close();
});
