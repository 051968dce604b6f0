// Tend: the widget's own files, checked against the hashes fixed when this tend.js was built.
//
// The snippet's integrity attribute vouches for tend.js; tend.js vouches for the rest: the
// engine (tend-engine.wasm), tend.css (as the stylesheet's own integrity) and each shipped
// exercise. A file that differs (a tampered CDN copy, or half of an upgrade) is refused, with
// the reason in the console for whoever looks after the site; the reader gets the loader's
// kind message. An exercise the practice gives by URL or inline is theirs, and not checked.
//
// Every file is fetched without a referrer, so a CDN never learns which article (and so which
// topic) the reader is on, and without credentials beyond the page's own site.
//
// Without crypto.subtle (a page on plain http) nothing can be checked: files from the page's
// own site are as trustworthy as the page itself and are used; files from anywhere else are
// refused.
import { HASHES } from 'tend-build';

export const FETCH = { credentials: 'same-origin', referrerPolicy: 'no-referrer' };

export const hashOf = (name) => HASHES[name] || '';

function base64(buffer) {
  let s = '';
  new Uint8Array(buffer).forEach((b) => { s += String.fromCharCode(b); });
  return btoa(s);
}

// Resolves to bytes when they are the ones `name` was built with.
export function checked(name, url, bytes) {
  const want = hashOf(name);
  const refuse = (why) => Promise.reject(new Error(url + ' was refused: ' + why +
    '. Serve the files of one Tend release together, unchanged (see the README in the package).'));
  if (!want) return refuse('this tend.js has no hash for ' + name);
  if (!(window.crypto && crypto.subtle)) {
    return new URL(url).origin === location.origin ? Promise.resolve(bytes)
      : refuse('this page is not a secure context (https), so files from another site cannot be checked');
  }
  return crypto.subtle.digest('SHA-256', bytes).then((d) => {
    const got = 'sha256-' + base64(d);
    return got === want ? bytes : refuse('it is not the file this tend.js was built with (' + want + ', got ' + got + ')');
  });
}

// A request that never got an answer (the network, CORS, an opaque frame) says which file it was.
// priority: 'low' for a prefetch (schedule.js), or none for the browser's default.
export function fetchBytes(url, priority) {
  return fetch(url, priority ? Object.assign({ priority }, FETCH) : FETCH).then((r) => {
    if (!r.ok) throw new Error('could not load ' + url + ' (HTTP ' + r.status + ')');
    return r;
  }, (e) => { throw e instanceof TypeError ? new TypeError('could not fetch ' + url + ' (' + e.message + ')') : e; });
}

// The engine, compiled while it streams in (a tee: one copy to the compiler, one to the
// hash), and handed over only once its bytes are known to be the right ones. The Response
// the compiler reads says application/wasm itself, so a host that serves .wasm under another
// type still streams.
export function compileChecked(url, priority) {
  return fetchBytes(url, priority).then((r) => {
    const [a, b] = r.body.tee();
    const wasm = { headers: { 'Content-Type': 'application/wasm' } };
    const module = WebAssembly.compileStreaming ? WebAssembly.compileStreaming(new Response(a, wasm))
      : new Response(a).arrayBuffer().then((bytes) => WebAssembly.compile(bytes));
    module.catch(() => {}); // a refusal below is the one reported
    return new Response(b).arrayBuffer().then((bytes) => checked('tend-engine.wasm', url, bytes)).then(() => module);
  });
}
