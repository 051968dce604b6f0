// Tend: when a widget starts. A guest in someone's article costs the article nothing before
// the reader comes near it.
//
// The loader builds each widget's box at once (its height reserved, so nothing jumps), then:
//   - once the page has loaded, painted and is idle, the engine is fetched and compiled (streaming
//     compilation runs off the main thread) at low priority, and each widget's exercise is
//     fetched, so a broken one shows its message early and a reader who scrolls down finds
//     everything on hand (prefetch());
//   - a widget starts (mount: instantiate, lay out, the first frame) when it comes within
//     two screens of the viewport; one already on the first screen starts at once, but
//     after the article's first paint (startWhen(el, 'visible'));
//   - start: 'now' (data-tend-start="now") starts it at once, as soon as the loader runs.
// Without IntersectionObserver (very old browsers) a widget starts once the page is idle.

const NEAR = '200% 0px 200% 0px'; // two screens above and below the viewport

let idle = null; // Promise: the page has loaded and gone idle (once per page)

// After the window's load event and the article's first paint, then an idle period (or 2 s
// at most), in a task of its own. A small page can load before it has painted: a request
// made then counts in the time of the article's largest paint (Lighthouse's simulation puts
// every request made before it on that paint's way).
export function whenIdle() {
  if (!idle) {
    idle = new Promise((resolve) => {
      const go = () => afterFirstPaint().then(() => {
        if (window.requestIdleCallback) requestIdleCallback(() => resolve(), { timeout: 2000 });
        else setTimeout(resolve, 200);
      });
      if (document.readyState === 'complete') go();
      else window.addEventListener('load', go, { once: true });
    });
  }
  return idle;
}

// Runs fn once the page is idle after load (the engine's and the exercises' low-priority fetch).
export function prefetch(fn) {
  whenIdle().then(fn);
}

// After the page's first paint: its first contentful paint has been reported, or two frames
// have gone by (a page with nothing contentful, or no Paint Timing).
function afterFirstPaint() {
  return new Promise((resolve) => {
    let done = false;
    const go = () => { if (!done) { done = true; setTimeout(resolve, 0); } };
    const painted = () => performance.getEntriesByName && performance.getEntriesByName('first-contentful-paint').length > 0;
    if (painted()) return go();
    try {
      const po = new PerformanceObserver(() => { if (painted()) { po.disconnect(); go(); } });
      po.observe({ type: 'paint', buffered: true });
    } catch (e) { /* no Paint Timing: the frames below */ }
    requestAnimationFrame(() => requestAnimationFrame(go));
  });
}

// Which start an option or data attribute asks for: 'now' or (anything else) 'visible'.
export function startOption(value) {
  return String(value || '').toLowerCase() === 'now' ? 'now' : 'visible';
}

const waiting = new Map(); // element → stop(): widgets not yet started

// Resolves when the widget in `el` should start: at once for 'now'; for 'visible', when it
// comes within two screens of the viewport, after the page's first paint.
export function startWhen(el, start) {
  if (startOption(start) === 'now') return Promise.resolve(true);
  return new Promise((resolve) => {
    let io = null;
    const stop = (go) => {
      if (!waiting.has(el)) return;
      waiting.delete(el);
      if (io) io.disconnect();
      resolve(go);
    };
    waiting.set(el, stop);
    if (typeof IntersectionObserver === 'undefined') {
      whenIdle().then(() => stop(true));
      return;
    }
    // Watched only from the first paint on: before it the viewport may not be settled (a
    // phone's first layout can be the 980 px default before the viewport meta applies, which
    // puts the whole article "near"), and nothing starts before the article has painted anyway.
    afterFirstPaint().then(() => {
      if (!waiting.has(el)) return;
      io = new IntersectionObserver((entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        // Believed only if the window agrees: under a phone's emulation the observer's root can
        // still be the zoomed-out 980 px page for a moment. If not, look again a little later.
        const r = el.getBoundingClientRect(), h = window.innerHeight || 0;
        if (!h || (r.top < 3 * h && r.bottom > -2 * h)) return stop(true);
        io.unobserve(el);
        setTimeout(() => { if (waiting.has(el)) io.observe(el); }, 250);
      }, { rootMargin: NEAR });
      io.observe(el);
    });
  });
}

// The widget went away before it started: its wait resolves false.
export function stopWaiting(el) {
  const stop = waiting.get(el);
  if (stop) stop(false);
}

// Is this widget still waiting to start? (handle._debug.waiting, for tests)
export const isWaiting = (el) => waiting.has(el);
