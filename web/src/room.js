// Tend: in a box smaller than itself, the widget scrolls within the room it has.
//
// Site builders' "embed boxes" are often of a fixed height with overflow hidden, and the
// script form of the snippet pasted there puts the widget in that box, in the page itself.
// The widget is as tall as its step, so the box would cut it off at its edge, Continue with
// it, and no wheel, finger or key scrolls such a box. So when the nearest ancestor that clips
// (overflow hidden or clip) leaves the widget less room than its step needs, the widget's own
// frame becomes a scroll container no taller than that room: the wheel, a swipe (the canvas's
// touch-action pans) and focus all scroll it, and the canvas, the mirror's controls and the
// reply box, all inside it, move together (the pointer's place is read from the canvas at each
// event: engine_library.js). An ancestor that scrolls by itself (auto, scroll) is left to.
//
// Measured only when something changed size: a ResizeObserver on the frame's children (the
// canvas's height is the step's; without a canvas, the mirror's) and on the box. Nothing runs
// while the reader is idle.

const LEAST = 120; // px: the least room given, even to a widget placed near the bottom of its box

const parentOf = (e) => e.parentElement || (e.parentNode && e.parentNode.host) || null; // out of a shadow root too

// The nearest ancestor that clips what overflows it, short of the page's own scrolling; none
// when one that scrolls comes first (an app-like page's scrolling column: the reader scrolls it
// to every part of the widget). An ancestor with only overflow-x hidden computes overflow-y
// auto but, holding all it has, doesn't scroll: the search goes on past it.
function clipperOf(frame) {
  for (let e = parentOf(frame); e && e !== document.body && e !== document.documentElement; e = parentOf(e)) {
    const y = getComputedStyle(e).overflowY;
    if (y === 'hidden' || y === 'clip') return e;
    if ((y === 'auto' || y === 'scroll') && e.scrollHeight > e.clientHeight) return null;
  }
  return null;
}

// The room below the frame's top down to the inner bottom edge of the box, in the frame's own
// CSS px (under a transform: scale() its box on screen is scaled), as the box lies unscrolled.
function roomIn(box, frame) {
  const b = box.getBoundingClientRect(), f = frame.getBoundingClientRect();
  const scale = (frame.offsetHeight && f.height / frame.offsetHeight) || 1;
  const inner = box.clientTop + box.clientHeight - (parseFloat(getComputedStyle(box).paddingBottom) || 0);
  return (b.top + inner * scale - f.top) / scale - box.scrollTop;
}

// frame: the widget's .tend-frame, with its children built. Returns a function that stops.
export function fitRoom(frame) {
  let raf = 0, watched = null;
  const set = (name, value) => frame.style.setProperty(name, value, 'important'); // over any theme (hold.js)
  const fit = () => {
    raf = 0;
    if (!frame.isConnected) return;
    const box = clipperOf(frame);
    if (box !== watched) {
      if (watched) ro.unobserve(watched);
      if (box) ro.observe(box);
      watched = box;
    }
    const room = box ? Math.max(LEAST, Math.floor(roomIn(box, frame))) : Infinity;
    const boxed = frame.scrollHeight > room + 1;
    set('max-height', boxed ? room + 'px' : 'none');
    set('overflow-y', boxed ? 'auto' : 'visible');
    set('overflow-x', boxed ? 'hidden' : 'visible');
  };
  // A frame later, never inside the observer's own callback (which would resize what it observes).
  const soon = () => { if (!raf) raf = requestAnimationFrame(fit); };
  const ro = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(soon) : null;
  if (!ro) return () => {};
  Array.prototype.forEach.call(frame.children, (c) => ro.observe(c));
  return () => {
    ro.disconnect();
    if (raf) cancelAnimationFrame(raf);
  };
}
