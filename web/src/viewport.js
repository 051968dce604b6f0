// Tend: the reply box and Continue stay in sight while the on-screen keyboard is open.
//
// On a phone the keyboard covers the lower part of the page without resizing it: the layout
// viewport stays as it was, and only the visual viewport (window.visualViewport) shrinks
// (iOS Safari always; Chrome on Android by default since version 108). The browser scrolls
// the focused reply box into view, but Continue, below it, can stay under the keyboard. So
// while the box has the focus and the visual viewport is shorter than the layout viewport
// by a keyboard's height (and not merely pinch-zoomed), the page is scrolled by the least
// that shows both — never so far that the top of the box leaves the view.
//
// Nothing jumps when the keyboard opens or closes: the widget's size never follows the
// viewport (the canvas follows its container's width and its content's height only), and
// when the keyboard closes nothing is scrolled back.

const KEYBOARD = 120;  // px of layout viewport hidden before it counts as a keyboard, not browser chrome
const MARGIN = 8;

// frame: the widget's .tend-frame; field: its reply box. Returns a function that stops.
export function keepInSight(frame, field) {
  let raf = 0;
  const fit = () => {
    raf = 0;
    const vv = window.visualViewport;
    if (!vv || (field.getRootNode().activeElement || document.activeElement) !== field || field.hidden) return;
    const layoutH = document.documentElement.clientHeight;
    if (vv.scale > 1.05 || layoutH - vv.height < KEYBOARD) return; // zoomed in, or no keyboard
    const top = vv.offsetTop + MARGIN, bottom = vv.offsetTop + vv.height - MARGIN; // the visible band, in client px
    const box = field.getBoundingClientRect();
    const cont = frame.querySelector('[data-k="continue"]');
    const c = cont ? cont.getBoundingClientRect() : null;
    const want = c && c.height > 0 ? Math.max(box.bottom, c.bottom) : box.bottom;
    let dy = want > bottom ? want - bottom : 0;
    dy = Math.min(dy, box.top - top);           // the top of the box stays in sight
    if (box.top < top) dy = box.top - top;      // (or comes back into it)
    if (Math.abs(dy) >= 1) window.scrollBy({ top: dy, left: 0, behavior: 'instant' });
  };
  const soon = () => { if (!raf) raf = requestAnimationFrame(fit); };
  // The visual viewport is listened to only while the reply box has the focus.
  let vv = null;
  const focus = () => {
    vv = window.visualViewport || null;
    if (vv) vv.addEventListener('resize', soon);
    soon();
  };
  const blur = () => { if (vv) vv.removeEventListener('resize', soon); vv = null; };
  field.addEventListener('focus', focus);
  field.addEventListener('blur', blur);
  return () => {
    blur();
    field.removeEventListener('focus', focus);
    field.removeEventListener('blur', blur);
    if (raf) cancelAnimationFrame(raf);
  };
}
