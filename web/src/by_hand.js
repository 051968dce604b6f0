// Tend: the reader's words, to select by hand, where a download may not happen.
//
// A sandboxed frame without allow-downloads (Wix's Embed HTML box is one) drops a download
// without a word to the page, so nothing can tell whether it came. Inside any frame, then,
// the export is also written out under the card: a read-only box of the same text, selected
// and focused, so the reader can copy it (or select it by touch). On a page of its own the
// download is all there is, as before.
import { PAGE_WORDS } from 'tend-words';
import { framed } from './frame.js';

function words(lang) {
  return PAGE_WORDS[String(lang || '').toLowerCase().split(/[-_]/)[0]] || PAGE_WORDS.en;
}

// frame: the widget's .tend-frame; text: what the download holds.
export function keepByHand(frame, text) {
  if (!framed) return;
  let box = frame.querySelector('.tend-keep');
  if (!box) {
    box = document.createElement('div');
    box.className = 'tend-keep';
    box.appendChild(document.createElement('p'));
    const area = document.createElement('textarea');
    area.readOnly = true;
    area.setAttribute('autocomplete', 'off');
    box.appendChild(area);
    frame.appendChild(box);
  }
  const lang = frame.getAttribute('lang'), w = words(lang), area = box.lastChild;
  box.firstChild.textContent = w.keep_by_hand;
  area.setAttribute('aria-label', w.your_words);
  area.value = text;
  area.focus();
  area.select();
}
