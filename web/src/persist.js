// Tend: asking the browser to keep the reader's words.
//
// Safari (every browser on an iPhone) deletes what a site's scripts stored once the reader
// hasn't visited for seven days (Intelligent Tracking Prevention); any browser may clear a
// site's storage when the device runs short. navigator.storage.persist() asks the browser to
// treat this site's storage as the reader's own data. It is asked once per page, at the first
// moment it means something to the reader: when they move on from their first answer (their
// words are stored now), never at load. Chromium and Safari answer without asking the reader;
// Firefox may ask them, which is why it waits for a step they chose to take. Nothing is asked
// when storage is blocked, or when the site's storage is already persistent.
//
// The widget doesn't rely on the answer: the privacy line says a browser may clear the words
// after a week away, and "Save my words so far" is one tap on every step (src/screen).

let asked = false; // one question per page: persistence is the site's, not a widget's

function hasAnswer(state) {
  const a = state && state.answers;
  return !!a && Object.keys(a).some((k) => a[k] && !a[k].skipped);
}

function storageUsable() {
  try { return !!window.localStorage; } catch (e) { return false; }
}

// handle: a mounted widget's handle (loader.js): asks after the step event that follows its
// first kept answer.
export function askToKeep(handle) {
  const s = navigator.storage;
  if (asked || !s || typeof s.persist !== 'function') return;
  const off = handle.on('step', () => {
    if (asked) { off(); return; }
    if (!hasAnswer(handle.state()) || !storageUsable()) return;
    asked = true;
    off();
    const persisted = typeof s.persisted === 'function' ? s.persisted() : Promise.resolve(false);
    persisted.then((yes) => (yes ? true : s.persist())).catch(() => false);
  });
}
