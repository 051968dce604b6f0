// Tend: the breathing pacer for `pause` steps.
//
// A circle that slowly grows (breathe in) and shrinks (breathe out), with the count of the
// current breath in its centre. The reader can pause it, and leave it any time with
// Continue. Under prefers-reduced-motion the circle stays still and only the count moves.
// Time only passes while the pacer is seen (on screen, tab visible): frames stop otherwise.
#pragma once

#include <string>

#include "ui/controls.h"
#include "ui/screen.h"

namespace tend::ui {

class Pacer {
public:
    // Starts afresh for a new pause step.
    void reset(int seconds);
    // Advances by dt (when running and visible) and draws; reports what frames it needs.
    void draw(const Paint& p, float width, float dt, const Screen& screen, FrameNeeds* needs);

    bool done() const { return elapsed_ >= total_; }

private:
    float total_ = 60;
    float elapsed_ = 0;
    bool paused_ = false;
};

}  // namespace tend::ui
