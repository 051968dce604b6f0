// Tend: what a practice asks of a widget (its data-tend-* attributes, or Tend.mount's
// options), and the exercise it names.
import { checked, fetchBytes } from './integrity.js';

// The data attributes, as Tend.mount's options.
export function dataOptions(el) {
  const d = el.dataset, o = Object.create(null);
  if (d.tendExercise) o.exerciseRef = d.tendExercise;
  const map = { tendAccent: 'accent', tendBackground: 'background', tendPracticeName: 'practiceName',
    tendCtaText: 'ctaText', tendCtaLink: 'ctaLink', tendSection: 'section', tendRegion: 'region',
    tendHelpLabel: 'helpLabel', tendHelpText: 'helpText', tendHelpLink: 'helpLink', tendStart: 'start',
    tendReviewedBy: 'reviewedBy', tendReviewedOn: 'reviewedOn' };
  for (const k of Object.keys(map)) if (d[k]) o[map[k]] = d[k];
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

// The widget's configuration as the engine reads it (src/web/config.cpp). `source` names the
// exercise in the console's messages about it.
export function engineConfig(options, source) {
  return JSON.stringify({
    source,
    section: sectionOf(options), practiceName: options.practiceName || '', ctaText: options.ctaText || '',
    ctaLink: options.ctaLink || '', accent: options.accent || '', background: options.background || '',
    region: options.region || '', helpLabel: options.helpLabel || '', helpText: options.helpText || '',
    helpLink: options.helpLink || '',
    // Who reviewed the exercise for the practice, and when ("About this exercise"; the engine cuts them short).
    reviewedBy: String(options.reviewedBy || ''), reviewedOn: String(options.reviewedOn || ''),
    // Where the reader probably is, for their crisis lines when the practice names no region.
    locales: Array.from(navigator.languages || [navigator.language || '']),
    fontScale: options.fontScale || 0,
    radius: typeof options.radius === 'number' && !isNaN(options.radius) ? options.radius : -1,
    reducedMotion: matches('(prefers-reduced-motion: reduce)'),
    // A sandboxed frame without allow-same-origin: no storage, and likely no downloads or clipboard.
    sandboxed: self.origin === 'null',
    highContrast: matches('(prefers-contrast: more)'),
  });
}

// Where the exercise comes from, for messages: its URL, or "an exercise given inline".
export function exerciseSource(options, base) {
  const inline = options.exercise;
  if (inline && (typeof inline === 'object' || /^\s*\{/.test(inline))) return 'the exercise given to Tend.mount';
  const ref = typeof inline === 'string' ? inline : options.exerciseRef;
  if (!ref) return '';
  try { return /^[a-z][a-z0-9_-]{0,63}$/.test(ref) ? base + 'exercises/' + ref + '.json' : new URL(ref, document.baseURI).href; } catch (e) { return ref; }
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
