// Tend: a widget inside someone else's frame (the iframe embed, Wix's Embed HTML box).
//
// A third-party frame may be kept from storage: a reader who blocks third-party cookies (and
// headless Chromium) gets a SecurityError on window.localStorage there. Where the browser
// offers the Storage Access API, the reader's first tap inside the widget asks for it (it
// needs a gesture; asking at load would prompt before they chose to begin). Granted, the
// widget's answers go to that storage from then on (Chrome hands a Storage of its own; other
// browsers let window.localStorage through), and the storage notice goes. Refused, pending or
// not offered, the widget keeps saying so honestly (its notice), keeps the words in memory,
// and its export still works (by_hand.js, where a frame forbids downloads).

let granted = null; // the Storage the Storage Access API gave, once it has
let asked = false;
const waiting = new Set(); // engines to tell (engine.js)
const armed = [];

export const framed = (() => { try { return window.self !== window.top; } catch (e) { return true; } })();

// What the engine reads and writes (engine_library.js's tendArea).
export const storageArea = () => granted || window.localStorage;

export function onStorageGranted(fn) {
  waiting.add(fn);
  return () => waiting.delete(fn);
}

function blocked() {
  try { return !window.localStorage; } catch (e) { return true; }
}

function ask() {
  armed.splice(0).forEach((el) => { el.removeEventListener('pointerup', ask, true); el.removeEventListener('keydown', ask, true); });
  if (asked) return;
  asked = true; // once per page: a refusal is not asked again at every tap
  document.requestStorageAccess({ localStorage: true }).then((handle) => {
    const area = handle && handle.localStorage ? handle.localStorage : window.localStorage;
    area.getItem('tend/'); // throws if it is still out of reach
    granted = area;
    // Told once the tap that asked has done what it does: the notice going moves the step up,
    // and a button must not move out from under the release that is still on its way.
    const after = (n) => (n ? requestAnimationFrame(() => after(n - 1)) : waiting.forEach((fn) => fn()));
    after(4);
  }).catch(() => {});
}

// el: a widget's frame element; the listeners are there only, and go after the first tap.
export function askOnFirstTap(el) {
  if (!framed || asked || !document.requestStorageAccess || !blocked()) return;
  el.addEventListener('pointerup', ask, true);
  el.addEventListener('keydown', ask, true);
  armed.push(el);
}
