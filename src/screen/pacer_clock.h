// Tend: the breathing pacer's time, and the reader's say over it.
//
// A `pause` step offers a calm count of breaths. The reader can pause it, stop it or ask for
// longer (WCAG 2.2.1 and 2.2.2). A pause whose breathing is "offered" waits, still, until the
// reader chooses to start it: breathing to a count is not for everyone, so it is never
// imposed there. The clock knows nothing of drawing, so the canvas's circle and the DOM
// mirror's count read the same time; the widget owns it and moves it on only while the pacer
// is seen.
#pragma once

#include "exercise.h"

namespace tend::screen {

class PacerClock {
public:
    // The rhythm: a slow breath in, a longer breath out.
    static constexpr float kBreatheIn = 4.0f, kBreatheOut = 6.0f;  // seconds
    static constexpr int kLongerSeconds = 30;                       // "30 seconds more"

    // A new pause: a guided one starts at once, an offered one waits for start().
    void reset(int seconds, Breathing breathing = Breathing::Guided);
    void start() { started_ = true; }
    void advance(float dt) { if (running()) elapsed_ = elapsed_ + dt < total_ ? elapsed_ + dt : total_; }
    void toggle() { paused_ = !paused_; }
    void stop() { elapsed_ = total_; paused_ = false; }
    void lengthen() { total_ += kLongerSeconds; }

    bool started() const { return started_; }
    bool running() const { return started_ && !paused_ && !done(); }
    bool paused() const { return paused_; }
    bool done() const { return elapsed_ >= total_; }

    // Where in the breath we are.
    struct Breath {
        bool inhale;          // breathing in (the circle grows)
        float amount;         // 0 → 1 breathing in, 1 → 0 breathing out
        int count;            // 1, 2, 3 … within this half of the breath
        float to_next_count;  // seconds until the count changes
    };
    Breath breath() const;

private:
    float total_ = 60;
    float elapsed_ = 0;
    bool paused_ = false;
    bool started_ = true;
};

}  // namespace tend::screen
