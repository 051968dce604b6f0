// Tend: the place a widget holds in the article before its card is drawn.
//
// The snippet writes it on the practice's element (style="display:block;min-height:640px"),
// so the article's first paint already leaves the room: tend.js comes after that paint, and a
// box appearing then would push the article's text down (a layout shift, which Core Web Vitals
// count when it happens on the first screen). The loader reserves the same height for a
// widget whose element has no such style, and lets the element's go once the card (or its
// message) is there: the card's own height holds the place from then on. If tend.js never
// comes, the snippet's script lets the place go (web/embed/late_script.js).
//
// 640 px: the iframe snippet's height too; taller than the rest of a first screen below a
// title, so a card that grows past it moves nothing the reader can see.
export const PLACE_PX = 640;

// The snippet's style attribute, the same on a <div> and a <tend-exercise> (one hash for a
// strict Content-Security-Policy to allow): a <tend-exercise> is an inline element until
// tend.js defines it, and an inline box has no min-height.
export const PLACE_STYLE = `display:block;min-height:${PLACE_PX}px`;

// Once the card is drawn: the element's min-height goes if it is the one the snippet wrote
// (a practice's own is theirs to keep).
export function releasePlace(el) {
  if (el.style && el.style.minHeight === `${PLACE_PX}px`) el.style.removeProperty('min-height');
}
