// Tend: the snippet page's script. What the practice picks goes to the live preview (a
// <tend-exercise> of this package's own tend.js) and into three snippets: the script with a
// data-tend-* element, the <tend-exercise> custom element, and the iframe with its resizer.
// The first two load tend.js by late_script.js (after the article has painted), with the
// Content-Security-Policy source that allows it printed beside them. Each script carries the integrity hash of the file it loads (fixed at build time, in
// tend-package), crossorigin (the CDN's copy is checked with CORS) and no referrer (a CDN
// never learns which article is open). Nothing here asks the network for anything.
import { PACKAGE } from 'tend-package';
import { lateScript, lateScriptBody, cspSource } from './late_script.js';
import { PLACE_STYLE } from '../src/place.js';

const CDN = {
  jsdelivr: `https://cdn.jsdelivr.net/npm/${PACKAGE.name}@${PACKAGE.version}/dist/`,
  unpkg: `https://unpkg.com/${PACKAGE.name}@${PACKAGE.version}/dist/`,
};
// The attributes, in the order the snippets write them (data-tend-<name> on a plain element).
const ATTRS = ['exercise', 'accent', 'background', 'font-scale', 'radius', 'practice-name', 'cta-text', 'cta-link', 'section'];

const $ = (id) => document.getElementById(id);
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const folder = (url) => { const u = String(url || '').trim(); return !u ? '' : u.endsWith('/') ? u : u + '/'; };

function picked() {
  const v = { exercise: $('exercise').value };
  if ($('use-accent').checked) v.accent = $('accent').value;
  if ($('use-background').checked) v.background = $('background').value;
  for (const k of ['font-scale', 'radius', 'practice-name', 'cta-text', 'cta-link', 'section']) {
    const x = $(k).value.trim();
    if (x) v[k] = x;
  }
  return v;
}

function filesBase() {
  const host = document.querySelector('input[name=host]:checked').value;
  return host === 'own' ? folder($('own-base').value) || 'https://example.org/tend/' : CDN[host];
}

// The iframe's page must come from a real static host (not a CDN that serves it as text).
function frameBase() {
  const given = folder($('frame-base').value);
  if (given) return given;
  const here = new URL('.', location.href);
  const onCdn = Object.keys(CDN).some((k) => here.href.startsWith(new URL(CDN[k]).origin));
  return /^https?:$/.test(here.protocol) && !onCdn ? here.href : '';
}

const script = (base, file) => `<script src="${esc(base + file)}" integrity="${PACKAGE.integrity[file]}" crossorigin="anonymous" referrerpolicy="no-referrer" defer></script>`;
const attrs = (v, prefix) => ATTRS.filter((k) => v[k]).map((k) => `\n    ${prefix}${k}="${esc(v[k])}"`).join('');
const query = (v) => ATTRS.filter((k) => v[k]).map((k) => `${k}=${encodeURIComponent(v[k])}`).join('&');

function snippets(v) {
  const base = filesBase(), frame = frameBase();
  const title = (PACKAGE.exercises.find((e) => e.id === v.exercise) || {}).title || 'A guided exercise';
  return {
    script: `${lateScript(base + 'tend.js', PACKAGE.integrity['tend.js'])}\n<div${attrs(v, 'data-tend-')}\n    style="${PLACE_STYLE}"></div>`,
    element: `${lateScript(base + 'tend.js', PACKAGE.integrity['tend.js'])}\n<tend-exercise${attrs(v, '')}\n    style="${PLACE_STYLE}"></tend-exercise>`,
    late: lateScriptBody(base + 'tend.js', PACKAGE.integrity['tend.js']),
    wix: `${base}tend.js?${query(v)}`,
    iframe: frame ? `<iframe src="${esc(frame + 'embed.html?' + query(v))}" data-tend-frame\n    title="${esc(title)}" referrerpolicy="no-referrer" allow="clipboard-write"\n` +
      `    style="display:block;width:100%;height:640px;border:0"></iframe>\n${script(frame, 'tend-frame.js')}` : '',
  };
}

// A strict policy allows the late script by its hash (crypto.subtle: a secure context only).
let cspAsked = 0;
function showCsp(body, origin) {
  const asked = ++cspAsked, p = $('csp');
  if (!(window.crypto && crypto.subtle)) {
    p.textContent = 'If your site sends a Content-Security-Policy: open this page over https to see the hash its script-src needs.';
    return;
  }
  const digest = (bytes) => crypto.subtle.digest('SHA-256', bytes);
  Promise.all([cspSource(body, digest), cspSource(PLACE_STYLE, digest)]).then(([src, place]) => {
    if (asked !== cspAsked) return;
    p.textContent = `If your site sends a Content-Security-Policy, its script-src needs ${src} ${origin} 'wasm-unsafe-eval', ` +
      `its connect-src ${origin}, and its style-src ${origin} 'unsafe-hashes' ${place} (the element's style, which holds the exercise's place until it is drawn).`;
    p.setAttribute('data-source', src);
    p.setAttribute('data-style-source', place);
  });
}

let previewTimer = 0;
function update() {
  const v = picked(), s = snippets(v);
  $('script').value = s.script;
  $('element').value = s.element;
  $('iframe').value = s.iframe;
  $('frame-warn').hidden = !!s.iframe;
  showCsp(s.late, new URL(filesBase()).origin);
  $('wix-element').textContent = `Wix's Custom Element takes a script address and a tag name only: give it ${s.wix} as the server URL and tend-exercise as the tag name.`;
  // The preview starts again on a change of attribute; typing waits for a pause.
  clearTimeout(previewTimer);
  previewTimer = setTimeout(() => {
    const p = $('preview');
    for (const k of ATTRS) {
      if (k === 'section') continue; // the preview keeps its answers apart
      if (v[k]) { if (p.getAttribute(k) !== v[k]) p.setAttribute(k, v[k]); } else if (p.hasAttribute(k)) p.removeAttribute(k);
    }
  }, 250);
}

function copy(button) {
  const area = $(button.getAttribute('data-copy')), status = button.nextElementSibling;
  const done = (ok) => { status.textContent = ok ? 'Copied.' : 'Selected: press Ctrl+C (⌘C on a Mac) to copy.'; };
  area.focus();
  area.select();
  if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(area.value).then(() => done(true), () => done(false));
  else done(false);
}

function start() {
  const list = $('exercise');
  for (const e of PACKAGE.exercises) {
    const o = document.createElement('option');
    o.value = e.id;
    o.textContent = `${e.title} (${e.language}${e.minutes ? `, about ${e.minutes} min` : ''})`;
    list.appendChild(o);
  }
  list.value = PACKAGE.exercises.some((e) => e.id === 'self-compassion-impossible') ? 'self-compassion-impossible' : PACKAGE.exercises[0].id;
  $('version').textContent = `This is ${PACKAGE.name} ${PACKAGE.version}.`;
  $('choices').addEventListener('input', update);
  $('choices').addEventListener('change', update);
  $('choices').addEventListener('submit', (e) => e.preventDefault());
  document.querySelectorAll('button[data-copy]').forEach((b) => b.addEventListener('click', () => copy(b)));
  update();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
