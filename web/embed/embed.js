// Tend: embed.html's own script. It shows one exercise from the page's URL parameters (the
// data attributes without their prefix: exercise, accent, background, font-scale, radius,
// practice-name, cta-text, cta-link, section, reviewed-by, reviewed-on), and tells the page around it how tall it is.
//
// The height goes to the parent window whatever its origin (a number, and a nudge after each
// step); the parent's tend-frame.js takes it only from this frame and this origin. Nothing
// else crosses: no answers, no step names.

const NAMES = {
  exercise: 'exerciseRef', accent: 'accent', background: 'background', 'font-scale': 'fontScale', radius: 'radius',
  'practice-name': 'practiceName', 'cta-text': 'ctaText', 'cta-link': 'ctaLink', section: 'section',
  'reviewed-by': 'reviewedBy', 'reviewed-on': 'reviewedOn',
};

function options(params) {
  const o = {};
  for (const k in NAMES) {
    const v = params.get(k);
    if (v) o[NAMES[k]] = k === 'font-scale' || k === 'radius' ? parseFloat(v) : v;
  }
  return o;
}

function start() {
  if (!window.Tend) return; // tend.js didn't load: nothing to show
  const el = document.getElementById('tend');
  const handle = window.Tend.mount(el, options(new URLSearchParams(location.search)));
  const framed = window.parent !== window;
  const tell = (type, extra) => { if (framed) window.parent.postMessage(Object.assign({ tend: 1, type }, extra), '*'); };
  const size = () => tell('size', { height: Math.ceil(document.body.getBoundingClientRect().height) });
  if (typeof ResizeObserver !== 'undefined') new ResizeObserver(size).observe(document.body);
  // The resizer may come after the first size was told: it asks.
  window.addEventListener('message', (e) => { if (e.source === window.parent && e.data && e.data.tend === 1 && e.data.type === 'ask') size(); });
  handle.on('step', () => tell('step'));
  handle.ready.then((h) => {
    if (!h) return;
    // The page takes the widget's language and name (its frame has them once it runs).
    const frame = el.querySelector('.tend-frame');
    if (frame.lang) document.documentElement.lang = frame.lang;
    if (frame.getAttribute('aria-label')) document.title = frame.getAttribute('aria-label');
  });
}

if (window.Tend) start();
else document.addEventListener('DOMContentLoaded', start, { once: true });
