// Tend: the breathing pacer for `pause` steps.
//
// PacerClock is the pacer's time and the reader's say over it (pause, stop, lengthen:
// WCAG 2.2.1 and 2.2.2). It knows nothing of drawing, so the canvas and the DOM mirror
// read the same clock; the widget owns it and advances it only while the pacer is seen.
//
// Pacer draws it: a circle that slowly grows (breathe in) and shrinks (breathe out), with
// the count of the current breath in its centre. Under prefers-reduced-motion the circle
// stays still and only the count changes, once a second.
#pragma once

#include <string>

#include "ui/controls.h"
#include "ui/screen.h"

namespace tend::ui {

class PacerClock {
public:
    void reset(int seconds);
    void advance(float dt) { if (running()) elapsed_ = elapsed_ + dt < total_ ? elapsed_ + dt : total_; }
    void toggle() { paused_ = !paused_; }
    void stop() { elapsed_ = total_; paused_ = false; }
    void lengthen(float seconds) { total_ += seconds; }

    bool running() const { return !paused_ && !done(); }
    bool paused() const { return paused_; }
    bool done() const { return elapsed_ >= total_; }
    float elapsed() const { return elapsed_; }
    float remaining() const { return total_ - elapsed_; }

    // Where in the breath we are, for the theme's rhythm.
    struct Breath { bool inhale; float amount; int count; float to_next_count; };
    Breath breath(float in_s, float out_s) const;

private:
    float total_ = 60;
    float elapsed_ = 0;
    bool paused_ = false;
};

// The words the pacer says, shared by the canvas and the DOM mirror.
std::string pacer_cue(const PacerClock& clock, const PacerClock::Breath& b);

class Pacer {
public:
    void draw(const Paint& p, float width, const Screen& screen, Intents* in, FrameNeeds* needs);
};

}  // namespace tend::ui
