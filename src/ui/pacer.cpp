#include "ui/pacer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ui/strings.h"

namespace tend::ui {

void PacerClock::reset(int seconds) {
    total_ = static_cast<float>(std::max(1, seconds));
    elapsed_ = 0;
    paused_ = false;
}

PacerClock::Breath PacerClock::breath(float in_s, float out_s) const {
    float phase_t = std::fmod(elapsed_, in_s + out_s);
    Breath b;
    b.inhale = phase_t < in_s;
    float into = b.inhale ? phase_t : phase_t - in_s;
    b.amount = b.inhale ? phase_t / in_s : 1.0f - into / out_s;
    b.count = static_cast<int>(into) + 1;
    b.to_next_count = std::ceil(phase_t + 1e-3f) - phase_t;
    return b;
}

std::string pacer_cue(const PacerClock& clock, const PacerClock::Breath& b) {
    return clock.done() ? str::kPacerDone : clock.paused() ? str::kPacerPaused : b.inhale ? str::kBreatheIn : str::kBreatheOut;
}

void Pacer::draw(const Paint& p, float width, const Screen& screen, Intents* in, FrameNeeds* needs) {
    const Theme& t = *p.theme;
    const PacerClock& clock = *screen.pacer;
    PacerClock::Breath b = clock.breath(t.breathe_in, t.breathe_out);
    float eased = 0.5f - 0.5f * std::cos(b.amount * 3.14159265f);  // slow at both ends, like a breath

    float max_r = std::min(t.pacer_max_px, width * 0.3f);
    float r = screen.reduced_motion || clock.done() ? max_r * 0.72f : max_r * (t.pacer_min + (1.0f - t.pacer_min) * eased);

    ImVec2 top = ImGui::GetCursorScreenPos();
    float box = max_r * 2.0f + 8.0f;
    ImGui::Dummy(ImVec2(width, box));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 c(top.x + width * 0.5f, top.y + box * 0.5f);
    dl->AddCircleFilled(c, max_r, colour(t.quote), 96);
    dl->AddCircleFilled(c, r, colour(mix(t.soft, t.accent, clock.done() ? 0.25f : 0.35f)), 96);
    dl->AddCircle(c, max_r, colour(t.line), 96, 1.0f);

    char buf[16] = "";
    if (!clock.done()) std::snprintf(buf, sizeof buf, "%d", b.count);
    TextStyle big = p.prompt;
    big.colour = colour(t.text);
    float h = measure_text(big, buf, max_r * 2);
    draw_text_at(dl, big, ImVec2(c.x - max_r, c.y - h * 0.5f), buf, max_r * 2, 0.5f);

    std::string cue = pacer_cue(clock, b);
    float cue_h = measure_text(p.muted, cue, width);
    draw_text_at(dl, p.muted, ImGui::GetCursorScreenPos(), cue, width, 0.5f);
    ImGui::Dummy(ImVec2(width, cue_h));

    if (!clock.done()) {
        // Pause or resume, stop, or take longer: one row when it fits, centred.
        const char* toggle = clock.paused() ? str::kPacerResume : str::kPacerPause;
        struct { const char* key; const char* label; } row[] = {
            {"pacer_toggle", toggle}, {"pacer_longer", str::kPacerLonger}, {"pacer_stop", str::kPacerStop}};
        float gap = t.gap, total = -gap, left = ImGui::GetCursorPosX();
        float ws[3];
        for (int i = 0; i < 3; i++) total += (ws[i] = std::min(width, button_width(p, row[i].label, 1.6f))) + gap;
        bool one_row = total <= width;
        float x = left + (one_row ? (width - total) * 0.5f : 0);
        float y = ImGui::GetCursorPosY();
        for (int i = 0; i < 3; i++) {
            if (one_row) ImGui::SetCursorPos(ImVec2(x, y));
            else ImGui::SetCursorPosX(left + (width - ws[i]) * 0.5f);
            std::string id = std::string("##") + row[i].key;
            if (button(p, id.c_str(), row[i].label, ws[i], i == 0 ? ButtonKind::Secondary : ButtonKind::Quiet))
                (i == 0 ? in->pacer_toggle : i == 1 ? in->pacer_longer : in->pacer_stop) = true;
            x += ws[i] + gap;
        }
        if (one_row) ImGui::SetCursorPosX(left);
    }

    if (clock.running() && screen.pacer_visible) {
        if (screen.reduced_motion) {
            // Only the count changes: wake once per second, not sixty times.
            needs->redraw_in = needs->redraw_in < 0 ? b.to_next_count : std::min(needs->redraw_in, b.to_next_count);
        } else {
            needs->animate = true;
        }
    }
}

}  // namespace tend::ui
