// Tend: the breathing pacer of a `pause` step, drawn.
//
// A circle that slowly grows (breathe in) and shrinks (breathe out), the count of the current
// breath in its centre, and its cue below. Under prefers-reduced-motion the circle stays
// still and only the count changes, once a second. An offered pacer is still, without a
// count, until the reader starts it. Its time is the widget's PacerClock
// (src/screen/pacer_clock.h), its words the Screen's; its buttons are drawn with the step's.
#pragma once

#include "screen/pacer_clock.h"
#include "screen/screen.h"
#include "ui/controls.h"

namespace tend::ui {

struct FrameNeeds;

void draw_breath(const Paint& p, float width, const screen::PacerClock& clock, const screen::PacerWords& words,
                 bool reduced_motion, bool seen, FrameNeeds* needs);

}  // namespace tend::ui
