// Tend: what a widget's engine messages do in the page.
//
// The engine sends one message per change (src/web/bridge.cpp): the screen, in the parts
// that changed; the layout of the canvas; the pacer's words; the theme; and requests only a
// page can carry out (copy, download, open a link). This is the one place they arrive: the
// mirror draws the screen, and the rest happens here.

import { keepByHand } from './keep.js';
import { Mirror, setLang } from './mirror.js';

let fontAdded = false; // one FontFace for every widget on the page

function reducedMotion() {
  return !!(window.matchMedia && matchMedia('(prefers-reduced-motion: reduce)').matches);
}

// dom: the widget's elements ({ frame, canvas, live, layer, field, uid }); emit(name, value)
// tells the page's listeners. The engine is attached once it runs (attach()).
export function Host(dom, emit) {
  let engine = null, first = true;
  const counts = {}; // messages by type, for tests
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

  const messages = {
    screen(m) {
      if (m.step) {
        setLang(dom.frame, m.step.language);
        dom.frame.setAttribute('aria-label', m.step.label);
      }
      mirror.show(m);
      if (m.say) {
        setLang(dom.live, m.say.language);
        dom.live.textContent = m.say.text;
      }
      if (!m.step) return;
      // After a step change, bring the widget's top back into view if the reader scrolled past it.
      if (!first && dom.frame.getBoundingClientRect().top < 0) {
        dom.frame.scrollIntoView({ block: 'start', behavior: reducedMotion() ? 'auto' : 'smooth' });
      }
      first = false;
      emit('view', m.step);
      emit('step', { exerciseId: m.step.exercise_id, stepId: m.step.step_id, kind: m.step.kind, inSafety: m.step.in_safety });
    },
    layout(m) {
      if ('height' in m) dom.canvas.style.height = m.height + 'px';
      if (m.rects) mirror.layout(m.rects, m.field);
    },
    pacer(m) { mirror.pacer(m); },
    style(vars) { for (const k in vars) dom.frame.style.setProperty(k, vars[k]); },
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
  };

  return {
    mirror,
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
