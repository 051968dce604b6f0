// Tend: the DOM mirror of a widget's screen.
//
// A canvas is invisible to assistive technology, so every screen is also written out here as
// real page content (the model Flutter's web renderer uses): text, a radio group (or
// checkboxes), a 0–10 radio row, the reply box and buttons, in reading order. It is drawn
// from the Screen the engine sends (src/web/bridge.cpp) and decides nothing: every word and
// every control comes from there, and using a control only sends back its key.
//
// While the canvas draws, text is visually hidden and each control sits transparent over the
// place the canvas drew it (so focus scrolls there and touch exploration finds it); the canvas
// draws the focus ring. Without WebGL this is the widget itself, styled plainly (tend.css).
//
// The screen comes in parts (head, question, nav, …), each only when it changed; each part is
// one element here, and only the parts that came are drawn again. Keys are handled only
// inside the widget: Tab and Shift+Tab are the browser's.

import { hold } from './hold.js';

// The instruction comes first on a grounding screen, then its help (body before help).
const PART_ORDER = ['head', 'opening', 'body', 'help', 'question', 'pacer', 'nav', 'ending', 'footer'];
// Where focus goes when the control it was on goes away by being used: from "Delete my answers"
// to the gentler answer of its question, from the one line of help to the help it opened, into
// "About this exercise" and back out of it, and from starting the pacer to its pause button.
const FOCUS_AFTER = table({ delete: '[data-k="delete_no"]', delete_no: '[data-k="delete"]', show_help: '.tend-part-help [data-k]',
  about: '[data-k="about_close"]', about_close: '[data-k="about"]', pacer_start: '[data-k="pacer_toggle"]' });
const LOOK_CLASS = table({ primary: 'tend-primary', secondary: 'tend-soft', quiet: 'tend-quiet', caution: 'tend-caution' });

// Lookups that a page's additions to Object.prototype can't answer.
export function table(entries) { return Object.assign(Object.create(null), entries); }
export const has = (o, k) => Object.prototype.hasOwnProperty.call(o, k);

// lang="" would say "unknown language": without one, inherit.
export function setLang(e, lang) {
  if (lang) e.setAttribute('lang', lang); else e.removeAttribute('lang');
  return e;
}

// One part of the screen: an element whose children are pooled by key, so the same node stays
// across redraws (and focus stays on it).
function Part(name) {
  const el = document.createElement('div');
  el.className = 'tend-part tend-part-' + name;
  const pool = table({});
  let used = table({});
  return {
    el,
    begin() { used = table({}); },
    make(key, tag, text, attrs) {
      let e = pool[key];
      if (!e || e.localName !== tag) e = pool[key] = document.createElement(tag);
      used[key] = true;
      if (text != null && e.textContent !== text) e.textContent = text;
      for (const a of Object.keys(attrs || {})) {
        const v = attrs[a];
        if (a === 'checked') e.checked = !!v;
        else if (v === null || v === false || v === undefined) e.removeAttribute(a);
        else if (e.getAttribute(a) !== String(v)) e.setAttribute(a, v === true ? '' : v);
      }
      return e;
    },
    end(children) {
      setChildren(el, children);
      for (const k of Object.keys(pool)) if (!used[k]) delete pool[k];
    },
    find(key) { return pool[key] || null; },
  };
}

function setChildren(parent, list) {
  list = list.filter(Boolean);
  for (let c = parent.firstChild, next; c; c = next) { next = c.nextSibling; if (list.indexOf(c) < 0) parent.removeChild(c); }
  let ref = parent.firstChild;
  list.forEach((c) => { if (c === ref) ref = ref.nextSibling; else parent.insertBefore(c, ref); });
  return parent;
}

// root: the mirror's element; field: the reply box (one element for the widget's life);
// uid: unique on the page; send: { press(key), typed(fieldKey, words) }.
export function Mirror(root, field, uid, send) {
  const parts = table({}), drawn = table({});
  PART_ORDER.forEach((name) => { drawn[name] = Part(name); });
  let screen = table({}), pacerWords = null, rects = table({}), fieldBox = null, fieldKey = null;
  let domOnly = false; // without a canvas the mirror shows the reply box itself
  let stepsShown = 0;

  const exerciseLang = () => (screen.step && screen.step.exercise_language) || '';
  // The focused element as seen from the mirror: inside a shadow root (<tend-exercise>) the
  // document's activeElement is only the host.
  const focused = () => (root.getRootNode().activeElement || document.activeElement);

  // ---- the pieces every part is made of ---------------------------------------------------

  function text(p, key, words, cls, tag, exercise) {
    if (!words) return null;
    const e = p.make(key, tag || 'p', words, { class: 'tend-t ' + (cls || '') });
    return exercise ? setLang(e, exerciseLang()) : e;
  }

  // A control the engine listed: a button, or a link when it opens one.
  function control(p, c, attrs) {
    const cls = 'tend-c tend-b ' + (LOOK_CLASS[c.look] || '');
    let e;
    if (c.href) {
      e = p.make(c.key, 'a', c.label, Object.assign({ class: cls, 'data-k': c.key, href: c.href,
        target: /^https?:/.test(c.href) ? '_blank' : null, rel: 'noopener noreferrer' }, attrs));
    } else {
      e = p.make(c.key, 'button', c.label, Object.assign({ class: cls, 'data-k': c.key, type: 'button',
        'aria-disabled': c.disabled ? 'true' : null }, attrs));
    }
    return c.exercise ? setLang(e, exerciseLang()) : e;
  }

  // One answer: <label><input type=radio|checkbox><span>label</span></label>.
  function pick(p, c, group) {
    const input = p.make(c.key, 'input', null, { class: 'tend-c', 'data-k': c.key, name: group,
      type: c.look === 'check' ? 'checkbox' : 'radio', checked: !!c.on });
    const span = p.make('s' + c.key, 'span', c.label, { class: 'tend-t' });
    if (c.exercise) setLang(span, exerciseLang());
    const cls = 'tend-pick' + (c.look === 'number' ? ' tend-num' : '') + (c.on ? ' tend-on' : '');
    return setChildren(p.make('l' + c.key, 'label', null, { class: cls }), [input, span]);
  }

  const row = (p, key, cls, list) => setChildren(p.make(key, 'div', null, { class: cls }), list);

  // ---- the parts, top to bottom -----------------------------------------------------------

  const draw = {
    head(p, h) {
      return [
        row(p, 'head', 'tend-head', [
          setChildren(p.make('headtext', 'div', null, {}), [text(p, 'name', h.name, 'tend-small'), text(p, 'progress', h.progress, 'tend-small')]),
          ...h.controls.map((c) => control(p, c)),
        ]),
        ...h.notices.map((n, i) => text(p, 'notice' + i, n, 'tend-notice')),
        // Always there (empty when quiet), so a screen reader hears it when words arrive.
        p.make('flash', 'p', h.flash, { class: 'tend-t tend-muted', role: 'status' }),
      ];
    },
    help(p, h) {
      if (!h.title) return h.controls.map((c) => control(p, c)); // folded: one line that opens it
      const list = [text(p, 'title', h.title)];
      h.resources.forEach((r, i) => {
        list.push(text(p, 'rl' + i, r.label, 'tend-strong', 'p', true), text(p, 'rt' + i, r.text, 'tend-small', 'p', true));
        const c = h.controls.find((x) => x.key === r.control);
        if (c) list.push(control(p, c));
      });
      list.push(text(p, 'note', h.note, 'tend-small'));
      return [row(p, 'panel', 'tend-panel', list)];
    },
    opening(p, o) {
      const privacy = [text(p, 'privacy', o.privacy, 'tend-small'), ...o.controls.map((c) => pick(p, c, uid + ':keep'))];
      if (!o.shown) return privacy;
      return [text(p, 'title', o.title, 'tend-prompt', 'p', true), text(p, 'minutes', o.minutes, 'tend-small'),
        text(p, 'intro', o.intro, '', 'p', true), text(p, 'cnote', o.content_note, 'tend-muted'),
        text(p, 'disclaimer', o.disclaimer, 'tend-small', 'p', true), ...privacy];
    },
    body(p, b) {
      return b.paragraphs.map((t, i) => text(p, 'para' + i, t, '', 'p', true));
    },
    question(p, q) {
      const group = uid + ':' + q.group;
      if (q.kind === 'text') {
        const prompt = text(p, 'prompt', q.prompt, 'tend-prompt', 'p', true);
        prompt.id = uid + '-prompt';
        return [prompt, text(p, 'hint', q.hint, 'tend-muted', 'p', true), field];
      }
      if (q.kind !== 'choice' && q.kind !== 'scale') return [];
      const list = [text(p, 'legend', q.prompt, 'tend-prompt', 'legend', true)];
      let note = null;
      if (q.kind === 'choice') {
        list.push(text(p, 'note', q.note, 'tend-muted'), text(p, 'hint', q.hint, 'tend-muted', 'p', true));
        q.controls.forEach((c) => list.push(pick(p, c, group)));
      } else {
        note = text(p, 'scalenote', q.scale_note, 'tend-muted');
        note.id = uid + '-scale';
        list.push(note, row(p, 'row', 'tend-row', q.controls.map((c) => pick(p, c, group))));
      }
      const set = setChildren(p.make('q', 'fieldset', null, { class: 'tend-q', 'aria-describedby': note ? note.id : null }), list);
      return [set, parts.field && parts.field.shown && q.kind === 'choice' ? field : null];
    },
    pacer(p, pc) {
      if (!pc.shown) return [];
      const w = pacerWords || { count: '', cue: '' };
      return [
        p.make('count', 'p', w.count, { class: 'tend-t tend-count', 'aria-hidden': 'true' }),
        p.make('cue', 'p', w.cue, { class: 'tend-t tend-muted tend-center' }),
        pc.controls.length ? row(p, 'actions', 'tend-actions tend-center', pc.controls.map((c) => control(p, c))) : null,
      ];
    },
    nav(p, n) {
      return [row(p, 'nav', 'tend-actions tend-nav', n.controls.map((c) => control(p, c))),
        n.keep && n.keep.length ? row(p, 'keep', 'tend-actions tend-keep', n.keep.map((c) => control(p, c))) : null];
    },
    ending(p, e) {
      if (!e.shown) return [];
      const list = [];
      // A quiet end: the reader's words folded away, one tap from being seen.
      e.words_toggle.forEach((c) => list.push(control(p, c, { 'aria-expanded': c.on ? 'true' : 'false' })));
      if (e.title) {
        list.push(text(p, 'title', e.title, 'tend-prompt'));
        e.words.forEach((w, i) => list.push(text(p, 'wq' + i, w.label, 'tend-small', 'p', true), text(p, 'wa' + i, w.text, 'tend-quote', 'blockquote', true)));
      }
      list.push(text(p, 'keep', e.keep_them, 'tend-small'), row(p, 'exports', 'tend-actions', e.exports.map((c) => control(p, c))),
        p.make('flash', 'p', e.flash, { class: 'tend-t tend-muted', role: 'status' }));
      // Where nothing can be downloaded or copied for the reader: their words, to select by hand.
      if (e.words_text) {
        const box = p.make('wordstext', 'textarea', null, { class: 'tend-words', readonly: true, 'aria-label': e.words_text_label, rows: 8 });
        if (box.value !== e.words_text) box.value = e.words_text;
        list.push(setLang(box, exerciseLang()));
      }
      if (e.invite.length) list.push(row(p, 'invite', 'tend-panel', [text(p, 'lead', e.invitation), ...e.invite.map((c) => control(p, c))]));
      e.journal_toggle.forEach((c) => {
        list.push(control(p, c, { 'aria-expanded': c.on ? 'true' : 'false' }));
        e.journal.forEach((past, i) => {
          list.push(text(p, 'jw' + i, past.when, 'tend-strong'));
          past.words.forEach((w, k) => list.push(text(p, `jq${i}.${k}`, w.label, 'tend-small', 'p', true),
            text(p, `ja${i}.${k}`, w.text, 'tend-quote', 'blockquote', true)));
        });
      });
      list.push(row(p, 'last', 'tend-actions', e.closing.map((c) => control(p, c))));
      return [row(p, 'end', 'tend-end', list)];
    },
    // "Delete my answers", on every step; asked, then confirmed. Then "About this exercise".
    footer(p, f) {
      const buttons = f.controls.map((c) => control(p, c));
      let deleting;
      if (!f.confirm) deleting = row(p, 'foot', 'tend-actions tend-foot', buttons);
      else {
        const q = text(p, 'confirm', f.confirm);
        q.id = uid + '-confirm';
        deleting = setChildren(p.make('confirming', 'div', null, { class: 'tend-panel', role: 'group', 'aria-labelledby': q.id }),
          [q, row(p, 'yn', 'tend-actions', buttons)]);
      }
      return [deleting, about(p, f.about)];
    },
  };

  // "About this exercise": its button, or the small panel it opens (a group named by its heading).
  function about(p, a) {
    const buttons = a.controls.map((c) => control(p, c, a.open ? {} : { 'aria-expanded': 'false' }));
    if (!a.open) return row(p, 'aboutrow', 'tend-actions tend-foot', buttons);
    const title = text(p, 'atitle', a.title, 'tend-strong');
    title.id = uid + '-about';
    return setChildren(p.make('aboutpanel', 'div', null, { class: 'tend-panel', role: 'group', 'aria-labelledby': title.id }), [
      title, text(p, 'aversion', a.version, 'tend-small tend-hash'), text(p, 'asources', a.sources_title, 'tend-small'),
      a.sources.length ? setChildren(p.make('alist', 'ul', null, { class: 'tend-list' }),
        a.sources.map((src, i) => setLang(p.make('as' + i, 'li', src, { class: 'tend-t tend-small' }), exerciseLang()))) : null,
      text(p, 'areviewed', a.reviewed, 'tend-small'), text(p, 'anot', a.not_therapy, 'tend-muted'),
      row(p, 'aclose', 'tend-actions', buttons)]);
  }

  // The reply box: its name and limit change only with the answer it holds; its words only
  // when they came in this message (a new question, or changed elsewhere) and the reader isn't
  // typing in it.
  function updateField(f, fresh) {
    if (!f || !f.shown) {
      fieldKey = null;
      if (domOnly) field.hidden = true;
      return;
    }
    if (domOnly) field.hidden = false;
    if (f.key !== fieldKey) {
      fieldKey = f.key;
      field.value = f.words || '';
      field.placeholder = f.placeholder;
      field.setAttribute('aria-label', f.label);
      setLang(field, exerciseLang()); // its name, and the reader's words (spelling), are in the exercise's language
      if (f.max_length > 0) field.maxLength = f.max_length; else field.removeAttribute('maxlength');
      field.classList.remove('tend-fade');
      void field.offsetWidth; // restart the fade for the new question
      field.classList.add('tend-fade');
    } else if (fresh && has(f, 'words') && field.value !== f.words && (f.elsewhere || focused() !== field)) {
      // Words from another tab replace the box's even while the reader is in it, or their next
      // keystroke would write over them; the caret goes to the end of the words.
      field.value = f.words;
      if (f.elsewhere && focused() === field) field.setSelectionRange(f.words.length, f.words.length);
    }
  }

  // Over the canvas, every element of the mirror holds its place inline (hold.js), so no theme
  // can move a control off the one the canvas drew, nor the reply box off its box: the layer on
  // the canvas's top left, each control and the reply box on their drawn boxes, the text unseen,
  // and every box between them placing nothing. Without a canvas the mirror is the widget, in
  // the flow, styled by tend.css.
  const NOWHERE = [0, 0, 44, 44]; // a control the last layout didn't place (as yet)
  function placeAll() {
    const all = [root].concat(Array.prototype.slice.call(root.querySelectorAll('*')));
    if (!all.includes(field)) all.push(field);
    for (const e of all) {
      if (domOnly) { if (e.hasAttribute('style')) e.removeAttribute('style'); continue; }
      const key = e.getAttribute('data-k');
      if (e === root) hold(e, 'layer');
      else if (e === field) hold(e, 'field', fieldBox);
      else if (key) hold(e, 'control', has(rects, key) ? rects[key] : NOWHERE);
      else if (e.classList.contains('tend-t')) hold(e, 'unseen');
      else hold(e, 'still');
    }
  }

  function show(message) {
    const active = focused();
    const had = root.contains(active) ? active.getAttribute('data-k') || (active === field ? 'field' : '') : null;
    if (has(message, 'step')) screen.step = message.step;
    if (has(message, 'field')) parts.field = message.field;
    const redraw = PART_ORDER.filter((name) => has(message, name));
    redraw.forEach((name) => { parts[name] = message[name]; });
    if (!PART_ORDER.every((name) => parts[name])) return; // the first message holds every part
    // The reply box belongs to the question's part; a new field alone moves it there too.
    if (has(message, 'field') && redraw.indexOf('question') < 0) redraw.push('question');
    for (const name of redraw) {
      const p = drawn[name];
      p.begin();
      p.end(draw[name](p, parts[name]));
    }
    const order = PART_ORDER.map((name) => drawn[name].el);
    if (!order.some((e) => e.contains(field))) order.push(field); // kept in the widget between questions, hidden
    setChildren(root, order);
    updateField(parts.field, has(message, 'field'));
    placeAll();

    // A new step, with the reader's focus in the widget: focus goes to its first words (the
    // question, or what the step says), so a screen reader reads them and Tab goes on from there.
    // Otherwise focus stays where it was if that control is still here, or goes to the step's
    // first control; never to the page's body, and never taken from outside the widget.
    const stepped = has(message, 'step') && stepsShown++ > 0;
    if (had === null) return;
    if (stepped) {
      const first = root.querySelector('.tend-part-question .tend-prompt') || root.querySelector('.tend-part-body .tend-t');
      if (first) {
        first.setAttribute('tabindex', '-1');
        first.focus({ preventScroll: true });
        return;
      }
    }
    if (!root.contains(focused())) {
      const keep = had === 'field' ? (fieldKey ? field : null) : root.querySelector('[data-k="' + CSS.escape(had) + '"]');
      let to = keep && root.contains(keep) ? keep : root.querySelector(FOCUS_AFTER[had] || ':not(*)');
      ['.tend-q [data-k]', '.tend-panel [data-k]', '.tend-nav [data-k]', '.tend-end [data-k]', '[data-k]']
        .forEach((q) => { to = to || root.querySelector(q); });
      if (to) to.focus();
    }
  }

  // Activation: buttons by click (Enter and Space are native), choices by change (the arrows
  // of a native radio group move and select, per the ARIA radio pattern).
  root.addEventListener('click', (e) => {
    const b = e.target.closest('button[data-k]');
    if (b && b.getAttribute('aria-disabled') !== 'true') send.press(b.getAttribute('data-k'));
  });
  root.addEventListener('change', (e) => {
    const i = e.target;
    if (!i.getAttribute || !i.getAttribute('data-k') || i.localName !== 'input') return;
    if (i.type === 'radio' && !i.checked) return;
    send.press(i.getAttribute('data-k'));
  });
  // Checkboxes have no arrow keys of their own: give them the radio group's.
  root.addEventListener('keydown', (e) => {
    const i = e.target, d = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[e.key];
    if (!d || i.type !== 'checkbox' || e.altKey || e.ctrlKey || e.metaKey) return;
    const all = Array.prototype.slice.call(i.closest('fieldset').querySelectorAll('input')), n = all[all.indexOf(i) + d];
    if (n) { n.focus(); e.preventDefault(); }
  });
  field.addEventListener('input', () => { if (fieldKey) send.typed(fieldKey, field.value); });

  return {
    show,
    // The pacer's count and cue, every second while it runs.
    pacer(words) {
      pacerWords = words;
      const p = drawn.pacer, count = p.find('count'), cue = p.find('cue');
      if (count && count.textContent !== words.count) count.textContent = words.count;
      if (cue && cue.textContent !== words.cue) cue.textContent = words.cue;
    },
    // Where the canvas drew each control and the reply box (CSS px of the canvas; the box is
    // null when the canvas shows none).
    layout(controls, box) {
      rects = controls;
      fieldBox = box;
      field.hidden = !box;
      placeAll();
    },
    // There is no canvas (no WebGL, or words it can't draw): the mirror is the widget, its
    // controls in the flow rather than over the canvas. (Back over the canvas, the next layout
    // places them again.)
    showAlone(on) {
      domOnly = on;
      if (!on) return;
      rects = table({});
      field.hidden = !(parts.field && parts.field.shown);
      placeAll();
    },
    has(key) { return !!root.querySelector('[data-k="' + CSS.escape(key) + '"]'); },
    get step() { return screen.step || null; },
  };
}
