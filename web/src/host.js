// Tend: what a widget's engine messages do in the page.
//
// The engine sends one message per change (src/web/bridge.cpp): the screen, in the parts
// that changed; the layout of the canvas; the pacer's words; the theme; and requests only a
// page can carry out (copy, download, open a link). This is the one place they arrive: the
// mirror draws the screen, and the rest happens here.

import { keepByHand } from './by_hand.js';
import { holdEach } from './hold.js';
import { Mirror, has, setLang, table } from './mirror.js';

let fontAdded = false; // one FontFace for every widget on the page

function reducedMotion() {
  return !!(window.matchMedia && matchMedia('(prefers-reduced-motion: reduce)').matches);
}

// dom: the widget's elements ({ frame, canvas, live, layer, field, uid }); emit(name, value)
// tells the page's listeners. The engine is attached once it runs (attach()).
export function Host(dom, emit) {
  let engine = null, reveal = false;
  const counts = table({}); // messages by type, for tests
  const mirror = Mirror(dom.layer, dom.field, dom.uid, {
    press: (key) => engine && engine.press(key),
    typed: (key, words) => engine && engine.typed(key, words),
  });

  // A link or a download, through a real <a> inside the widget (never window.open).
  function follow(href, download) {
    const a = document.createElement('a');
    a.href = href;
    if (download) a.download = download;
    else if (/^https?:/i.test(href)) { a.target = '_blank'; a.rel = 'noopener noreferrer'; }
    a.style.display = 'none';
    dom.frame.appendChild(a);
    a.click();
    a.remove();
  }

  // The widget's top in view, if the reader's step change left it above (or below) the window;
  // and, in a box smaller than it, where it scrolls within itself (room.js), its top at the top.
  function revealTop() {
    if (!reveal) return;
    reveal = false;
    dom.frame.scrollTop = 0;
    const top = dom.frame.getBoundingClientRect().top;
    if (top < 0 || top > innerHeight * 0.8) {
      window.scrollTo({ top: window.scrollY + top, behavior: reducedMotion() ? 'auto' : 'smooth' });
    }
  }

  const messages = table({
    screen(m) {
      if (has(m, 'step')) {
        setLang(dom.frame, m.step.language);
        // The exercise's own direction, whatever the page's (an English exercise on a right-to-left page stays left to right).
        dom.frame.setAttribute('dir', m.step.dir);
        dom.frame.setAttribute('aria-label', m.step.label);
      }
      mirror.show(m);
      if (has(m, 'say')) {
        setLang(dom.live, m.say.language);
        dom.live.textContent = m.say.text;
      }
      // The reader moved on: once the new step has its height (the next layout, or now without
      // a canvas), bring the widget's top into view. Never for a change made elsewhere (another
      // tab): a page in the background doesn't scroll.
      if (has(m, 'reveal')) {
        reveal = true;
        requestAnimationFrame(() => requestAnimationFrame(revealTop)); // if no new layout comes
      }
      if (!has(m, 'step')) return;
      emit('view', m.step);
      emit('step', { exerciseId: m.step.exercise_id, stepId: m.step.step_id, kind: m.step.kind, inSafety: m.step.in_safety });
    },
    layout(m) {
      if (has(m, 'height')) dom.canvas.style.setProperty('height', m.height + 'px', 'important'); // over any theme's canvas rule
      if (has(m, 'rects')) mirror.layout(m.rects, m.field);
      if (has(m, 'rects')) revealTop();
    },
    pacer(m) { mirror.pacer(m); },
    // The canvas steps aside for a screen whose words only the page can draw well (another
    // script, an emoji), and comes back after it.
    mode(m) { showAlone(!m.canvas); },
    style(vars) { for (const k of Object.keys(vars)) dom.frame.style.setProperty(k, vars[k]); },
    complete(state) { emit('complete', state); },
    copy(m) {
      const done = (ok) => engine && engine.copyResult(ok);
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(m.text).then(() => done(true), () => done(false));
      else done(false);
    },
    download(m) {
      const url = URL.createObjectURL(new Blob([m.text], { type: m.mime }));
      follow(url, m.name);
      setTimeout(() => URL.revokeObjectURL(url), 4000);
      keepByHand(dom.frame, m.text); // in a frame, which may forbid downloads: the words to select too
    },
    open(m) { follow(m.url); },
  });

  function showAlone(on) {
    dom.canvas.hidden = on;
    holdEach(dom.canvas, 'canvas'); // shown or not, whatever a theme says of a canvas's display
    dom.frame.classList.toggle('tend-dom', on);
    mirror.showAlone(on);
  }

  return {
    mirror,
    showAlone,
    attach(e) { engine = e; },
    counts,
    message(type, json) {
      counts[type] = (counts[type] || 0) + 1;
      const handle = messages[type];
      if (handle) handle(JSON.parse(json));
    },
    useFont(bytes) {
      if (fontAdded || typeof FontFace === 'undefined') return;
      fontAdded = true;
      try {
        const face = new FontFace('Tend Lato', bytes.buffer);
        face.load().then((f) => document.fonts.add(f)).catch(() => {});
      } catch (e) { /* the reply box falls back to the page's sans-serif */ }
    },
  };
}
