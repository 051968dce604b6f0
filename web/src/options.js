// Tend: what a practice asks of a widget (its data-tend-* attributes, or Tend.mount's
// options), and the exercise it names.
import { checked, fetchBytes } from './integrity.js';

// The data attributes, as Tend.mount's options.
export function dataOptions(el) {
  const d = el.dataset, o = {};
  if (d.tendExercise) o.exerciseRef = d.tendExercise;
  const map = { tendAccent: 'accent', tendBackground: 'background', tendPracticeName: 'practiceName',
    tendCtaText: 'ctaText', tendCtaLink: 'ctaLink', tendSection: 'section' };
  for (const k in map) if (d[k]) o[map[k]] = d[k];
  if (d.tendFontScale) o.fontScale = parseFloat(d.tendFontScale);
  if (d.tendRadius) o.radius = parseFloat(d.tendRadius);
  return o;
}

// Answers are stored under tend/<section>/<exercise-id>/: by default the first part of the
// page's path ("blog" for /blog/some-post), so a practice's sections keep apart.
function sectionOf(options) {
  let s = options.section || location.pathname.split('/').filter(Boolean)[0] || 'site';
  s = String(s).toLowerCase().replace(/\.[a-z0-9]+$/, '').replace(/[^a-z0-9_-]+/g, '-').slice(0, 64);
  return s || 'site';
}

const matches = (query) => !!(window.matchMedia && matchMedia(query).matches);

// The widget's configuration as the engine reads it (src/web/config.cpp).
export function engineConfig(options) {
  return JSON.stringify({
    section: sectionOf(options), practiceName: options.practiceName || '', ctaText: options.ctaText || '',
    ctaLink: options.ctaLink || '', accent: options.accent || '', background: options.background || '',
    fontScale: options.fontScale || 0,
    radius: typeof options.radius === 'number' && !isNaN(options.radius) ? options.radius : -1,
    reducedMotion: matches('(prefers-reduced-motion: reduce)'),
    highContrast: matches('(prefers-contrast: more)'),
  });
}

// The exercise's JSON text. Built-in ids ("self-compassion-impossible") live in exercises/
// beside the loader, and must be the files it was built with (integrity.js); anything else is
// a URL, which must be on the page's own site (or the loader's) unless allowCrossOrigin says
// otherwise. An exercise can also come inline.
export function loadExercise(options, base) {
  const inline = options.exercise;
  if (inline && typeof inline === 'object') return Promise.resolve(JSON.stringify(inline));
  if (typeof inline === 'string' && /^\s*\{/.test(inline)) return Promise.resolve(inline);
  const ref = typeof inline === 'string' ? inline : options.exerciseRef;
  if (!ref) return Promise.reject(new Error('no exercise given (data-tend-exercise or options.exercise)'));
  const shipped = /^[a-z][a-z0-9_-]{0,63}$/.test(ref) ? 'exercises/' + ref + '.json' : '';
  const url = shipped ? base + shipped : new URL(ref, document.baseURI).href;
  const origin = new URL(url).origin;
  if (origin !== location.origin && origin !== new URL(base).origin && !options.allowCrossOrigin) {
    return Promise.reject(new Error('the exercise ' + url + ' is on another site; pass allowCrossOrigin: true to Tend.mount to allow it'));
  }
  return fetchBytes(url).then((r) => r.arrayBuffer())
    .then((bytes) => (shipped ? checked(shipped, url, bytes) : bytes))
    .then((bytes) => new TextDecoder().decode(bytes));
}
