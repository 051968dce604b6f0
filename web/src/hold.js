// Tend: what places the widget's elements, held on the elements themselves.
//
// A practice's theme may restyle every canvas, textarea, button or div with !important, and
// scope it by an id ("#content canvas", more specific than any class of tend.css) or put it
// in a cascade layer (an !important rule in a layer beats every unlayered !important rule,
// whatever its specificity). An !important declaration in an element's own style attribute
// beats all of them: the cascade weighs element-attached declarations before layers and
// specificity. So the widget's geometry is written here, inline, and tend.css keeps only its
// looks. (<tend-exercise>'s shadow root keeps a theme out altogether; the script form, in the
// page itself, has only this.)

// Each declaration of a list, !important.
const important = (list) => list.split(';').filter(Boolean).map((d) => d + '!important;').join('');

// Nothing that moves a box or sizes it otherwise, or makes it the containing block (or a
// scaled one) of the controls placed inside it.
const STILL = 'float:none;transform:none;translate:none;rotate:none;scale:none;zoom:1;filter:none;backdrop-filter:none;' +
  'perspective:none;contain:none;container-type:normal;content-visibility:visible;will-change:auto;' +
  'margin:0;padding:0;border:0 none;box-sizing:border-box;min-width:0;min-height:0;max-width:none;max-height:none';

const ROLE = {
  // The widget's box: the container's width up to 900 px, centred; the canvas and the mirror
  // over it share its top left (so no padding or border of its own).
  frame: important(STILL + ';display:block;position:relative;width:100%;max-width:900px;margin:0 auto'),
  // The card ImGui draws; vertical swipes over it scroll the page (or the box it is in).
  canvas: important(STILL + ';display:block;position:static;width:100%;touch-action:pan-y pinch-zoom'),
  // The mirror, over the canvas: its top left is the canvas's, and the pointer goes through it.
  layer: important(STILL + ';display:block;position:absolute;left:0;top:0;width:100%;height:0;overflow:visible;pointer-events:none;opacity:1'),
  // A control over the canvas: unseen (the canvas draws it and its focus ring), the pointer
  // going through to the canvas; its box is the drawn control's (placed()).
  control: important(STILL + ';display:block;position:absolute;overflow:hidden;opacity:0;pointer-events:none;visibility:visible;' +
    '-webkit-appearance:none;appearance:none'),
  // The reply box, over the box the canvas drew (placed()): the reader's words at the size
  // and in the font the canvas laid out for, never under 16 px.
  field: important(STILL + ';display:block;position:absolute;padding:13px 16px;border-style:solid;border-width:1.5px;' +
    'pointer-events:auto;opacity:1;visibility:visible;text-indent:0;text-transform:none;letter-spacing:normal;word-spacing:normal;' +
    'font-size:var(--tend-font-size,18px);line-height:var(--tend-line-height,1.55);' +
    'font-family:"Tend Lato",Lato,"Helvetica Neue",Arial,sans-serif;resize:none'),
  // Words for screen readers only (the mirror's text over the canvas, the live region).
  unseen: important('position:absolute;left:0;top:0;width:1px;height:1px;margin:-1px;padding:0;border:0 none;overflow:hidden;' +
    'clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;transform:none;float:none'),
  // Everything else of the mirror over the canvas (its rows, fieldsets, labels): boxes of no
  // size that place nothing.
  still: important(STILL + ';position:static'),
  hidden: important('display:none'),
};

// The inline style for an element in a role (ROLE's keys), and a box [left, top, width,
// height] in CSS px of the canvas for a control or the reply box. A hidden element stays
// hidden, whatever a theme says of its display.
export function styleFor(e, role, box) {
  if (e.hidden) return ROLE.hidden;
  const at = box ? important(`left:${box[0]}px;top:${box[1]}px;width:${box[2]}px;height:${box[3]}px`) : '';
  return ROLE[role] + at;
}

// The mirror's elements: their whole style is this (set when it differs; the mirror does it
// for every element at every message).
export function hold(e, role, box) {
  const css = styleFor(e, role, box);
  if ((e.getAttribute('style') || '') !== css) e.setAttribute('style', css);
}

// The frame and the canvas, whose style also carries what isn't geometry's (the theme's
// colours, the canvas's height, the room a box leaves: room.js): each declaration on its own.
export function holdEach(e, role) {
  const probe = document.createElement('i');
  probe.setAttribute('style', styleFor(e, role));
  for (let i = 0; i < probe.style.length; i++) {
    const name = probe.style[i];
    e.style.setProperty(name, probe.style.getPropertyValue(name), 'important');
  }
}
