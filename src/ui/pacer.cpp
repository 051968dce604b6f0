#include "ui/pacer.h"

#include <algorithm>
#include <cmath>

#include "trig.h"
#include "ui/step_view.h"

namespace tend::ui {

void draw_breath(const Paint& p, float width, const screen::PacerClock& clock, const screen::PacerWords& words,
                 bool reduced_motion, bool seen, FrameNeeds* needs) {
    const Theme& t = *p.theme;
    screen::PacerClock::Breath b = clock.breath();
    float eased = 0.5f - 0.5f * cos_f(b.amount * 3.14159265f);  // slow at both ends, like a breath

    float max_r = std::min(t.pacer_max_px, width * 0.3f);
    // Still under reduced motion, once done, and while an offered pacer waits for the reader.
    bool still = reduced_motion || clock.done() || !clock.started();
    float r = still ? max_r * 0.72f : max_r * (t.pacer_min + (1.0f - t.pacer_min) * eased);

    ImVec2 top = ImGui::GetCursorScreenPos();
    float box = max_r * 2.0f + 8.0f;
    ImGui::Dummy(ImVec2(width, box));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 c(top.x + width * 0.5f, top.y + box * 0.5f);
    dl->AddCircleFilled(c, max_r, colour(t.quote), 96);
    dl->AddCircleFilled(c, r, colour(mix(t.soft, t.accent, clock.done() || !clock.started() ? 0.25f : 0.35f)), 96);
    dl->AddCircle(c, max_r, colour(t.line), 96, 1.0f);

    TextStyle big = p.prompt;
    big.colour = colour(t.text);
    float h = measure_text(big, words.count, max_r * 2);
    draw_text_at(dl, big, ImVec2(c.x - max_r, c.y - h * 0.5f), words.count, max_r * 2, 0.5f);

    float cue_h = measure_text(p.muted, words.cue, width);
    draw_text_at(dl, p.muted, ImGui::GetCursorScreenPos(), words.cue, width, 0.5f);
    ImGui::Dummy(ImVec2(width, cue_h));

    if (clock.running() && seen) {
        if (reduced_motion) {
            // Only the count changes: wake once per second, not sixty times.
            needs->redraw_in = needs->redraw_in < 0 ? b.to_next_count : std::min(needs->redraw_in, b.to_next_count);
        } else {
            needs->animate = true;
        }
    }
}

}  // namespace tend::ui
