// Tend: <tend-exercise>, the widget as a custom element.
//
//   <script src=".../tend.js" defer></script>
//   <tend-exercise exercise="self-compassion-impossible" accent="#7a5c99"></tend-exercise>
//
// Its attributes are the data attributes without their prefix (exercise, accent, background,
// font-scale, radius, practice-name, cta-text, cta-link, section, reviewed-by, reviewed-on). An attribute it lacks can
// come from the script's own URL (tend.js?exercise=…&accent=…), for site builders that take a
// custom element as a script URL and a tag name only (Wix's Custom Element).
//
// It works whether tend.js comes before or after the element (customElements upgrades the
// ones already there), unmounts when removed, mounts again when put back, and starts again
// when an attribute changes. A move within one task (removed and re-added at once) is not an
// unmount. Everything is in its shadow root with tend.css linked there: the page's rules
// don't reach in (tend.css resets what would be inherited), and the widget's don't leak out.
// The engine finds its canvas by element (engine.js), so the shadow root is no obstacle.

const ATTRS = {
  exercise: 'exerciseRef', accent: 'accent', background: 'background', 'font-scale': 'fontScale', radius: 'radius',
  'practice-name': 'practiceName', 'cta-text': 'ctaText', 'cta-link': 'ctaLink', section: 'section',
  'reviewed-by': 'reviewedBy', 'reviewed-on': 'reviewedOn',
};

function optionsOf(el, defaults) {
  const o = {};
  for (const a in ATTRS) {
    const v = el.hasAttribute(a) ? el.getAttribute(a) : defaults.get(a);
    if (v) o[ATTRS[a]] = a === 'font-scale' || a === 'radius' ? parseFloat(v) : v;
  }
  return o;
}

// mount(el, options, shadowRoot): the loader's; defaults: the script URL's URLSearchParams.
export function defineElement(mount, defaults) {
  if (!window.customElements || customElements.get('tend-exercise')) return;
  const sync = (el) => {
    el._tendQueued = false;
    const live = el.isConnected;
    if (el.__tend && (!live || el._tendChanged)) el.__tend.unmount();
    el._tendChanged = false;
    if (live && !el.__tend) mount(el, optionsOf(el, defaults), el.shadowRoot || el.attachShadow({ mode: 'open' }));
  };
  const later = (el) => {
    if (el._tendQueued) return;
    el._tendQueued = true;
    Promise.resolve().then(() => sync(el));
  };
  class TendExercise extends HTMLElement {
    static get observedAttributes() { return Object.keys(ATTRS); }
    connectedCallback() { later(this); }
    disconnectedCallback() { later(this); }
    attributeChangedCallback() {
      if (this.__tend) { this._tendChanged = true; later(this); }
    }
  }
  customElements.define('tend-exercise', TendExercise);
}
