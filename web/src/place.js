// Tend: the place a widget holds in the article before its card is drawn.
//
// The snippet writes it on the practice's element (style="display:block;min-height:max(640px, 100vh)"),
// so the article's first paint already leaves the room: tend.js comes after that paint, and a
// box appearing then would push the article's text down (a layout shift, which Core Web Vitals
// count when it happens on the first screen). The loader reserves the same height for a
// widget whose element has no such style, and lets the element's go once the card (or its
// message) is there: the card's own height holds the place from then on. If tend.js never
// comes, the snippet's script lets the place go (web/embed/late_script.js).
//
// A screen's height, 640 px at the least (the iframe snippet's height): a card that grows
// past it then moves nothing the reader can see, on any screen, however high on it the widget
// sits. Written as every engine writes it back (el.style.minHeight).
export const PLACE_HEIGHT = 'max(640px, 100vh)';

// The snippet's style attribute, the same on a <div> and a <tend-exercise> (one hash for a
// strict Content-Security-Policy to allow): a <tend-exercise> is an inline element until
// tend.js defines it, and an inline box has no min-height.
export const PLACE_STYLE = `display:block;min-height:${PLACE_HEIGHT}`;

// Once the card is drawn: the element's min-height goes if it is the one the snippet wrote
// (a practice's own is theirs to keep).
export function releasePlace(el) {
  if (el.style && el.style.minHeight === PLACE_HEIGHT) el.style.removeProperty('min-height');
}
