// Tend: the script a practice pastes to load tend.js. It asks for nothing before the article
// has painted: on the window's load (or at once, if the page has loaded already) it waits two
// frames and until the browser has reported the first contentful paint (a second at most),
// then adds tend.js with its integrity hash, CORS and no referrer. A <script src> in the
// article's HTML is fetched before the article paints, and Lighthouse's simulation puts it on
// the way of the article's largest paint (+182 ms for an empty file: docs/benchmarks.md).
// Pasted twice (two exercises in one post), it adds tend.js once. It defines no global. If
// tend.js doesn't come (blocked, missing, not the file its hash names), the places the
// snippets' elements hold (place.js) go, rather than leave an empty hole in the article.
import { PLACE_HEIGHT } from '../src/place.js';
//
// A page with a strict Content-Security-Policy allows it by the sha256 of its text (body
// below), which the snippet page prints.

// A string as JavaScript that can't end the <script> element it sits in.
const js = (s) => JSON.stringify(String(s)).replace(/</g, '\\u003c');

// The text inside <script>…</script>, for the file at src with the integrity hash given.
export function lateScriptBody(src, integrity) {
  return `
(function (d, src, hash) {
  function add() {
    if (d.querySelector('script[data-tend]')) return;
    var s = d.createElement('script');
    s.src = src; s.integrity = hash; s.crossOrigin = 'anonymous'; s.referrerPolicy = 'no-referrer';
    s.setAttribute('data-tend', '');
    s.onerror = function () {
      var held = d.querySelectorAll('[data-tend-exercise], tend-exercise');
      for (var i = 0; i < held.length; i++) if (held[i].style.minHeight === ${js(PLACE_HEIGHT)}) held[i].style.minHeight = '';
    };
    d.head.appendChild(s);
  }
  function later(frames) {
    requestAnimationFrame(function () {
      var painted = performance.getEntriesByName('first-contentful-paint').length > 0;
      if (frames >= 2 && (painted || frames >= 60)) add(); else later(frames + 1);
    });
  }
  if (d.readyState === 'complete') later(1); else addEventListener('load', function () { later(1); });
})(document, ${js(src)}, ${js(integrity)});
`;
}

export const lateScript = (src, integrity) => `<script>${lateScriptBody(src, integrity)}</script>`;

// What a Content-Security-Policy's script-src lists to allow that text: 'sha256-…'.
// digest(bytes) → Promise<ArrayBuffer> of SHA-256 (the page's crypto.subtle, or Node's).
export async function cspSource(body, digest) {
  const bytes = new Uint8Array(await digest(new TextEncoder().encode(body)));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return `'sha256-${btoa(bin)}'`;
}
