#include "screen/pacer_clock.h"

#include <algorithm>
#include <cmath>

namespace tend::screen {

void PacerClock::reset(int seconds, Breathing breathing) {
    total_ = static_cast<float>(std::max(1, seconds));
    elapsed_ = 0;
    paused_ = false;
    started_ = breathing == Breathing::Guided;
}

PacerClock::Breath PacerClock::breath() const {
    float phase_t = std::fmod(elapsed_, kBreatheIn + kBreatheOut);
    Breath b;
    b.inhale = phase_t < kBreatheIn;
    float into = b.inhale ? phase_t : phase_t - kBreatheIn;
    b.amount = b.inhale ? phase_t / kBreatheIn : 1.0f - into / kBreatheOut;
    b.count = static_cast<int>(into) + 1;
    b.to_next_count = std::ceil(phase_t + 1e-3f) - phase_t;
    return b;
}

}  // namespace tend::screen
