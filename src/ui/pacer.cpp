#include "ui/pacer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace tend::ui {

void Pacer::reset(int seconds) {
    total_ = static_cast<float>(std::max(1, seconds));
    elapsed_ = 0;
    paused_ = false;
}

void Pacer::draw(const Paint& p, float width, float dt, const Screen& screen, FrameNeeds* needs) {
    const Theme& t = *p.theme;
    bool running = !paused_ && !done();
    if (running && screen.pacer_visible) elapsed_ = std::min(total_, elapsed_ + dt);

    // Where in the breath we are: 0→1 while breathing in, 1→0 while breathing out.
    float cycle = t.breathe_in + t.breathe_out;
    float phase_t = std::fmod(elapsed_, cycle);
    bool inhale = phase_t < t.breathe_in;
    float amount = inhale ? phase_t / t.breathe_in : 1.0f - (phase_t - t.breathe_in) / t.breathe_out;
    float eased = 0.5f - 0.5f * std::cos(amount * 3.14159265f);  // slow at both ends, like a breath
    int count = static_cast<int>(inhale ? phase_t : phase_t - t.breathe_in) + 1;

    float max_r = std::min(t.pacer_max_px, width * 0.3f);
    float r = screen.reduced_motion ? max_r * 0.72f : max_r * (t.pacer_min + (1.0f - t.pacer_min) * eased);
    if (done()) r = max_r * 0.72f;

    ImVec2 top = ImGui::GetCursorScreenPos();
    float box = max_r * 2.0f + 8.0f;
    ImGui::Dummy(ImVec2(width, box));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 c(top.x + width * 0.5f, top.y + box * 0.5f);
    dl->AddCircleFilled(c, max_r, colour(t.quote), 96);
    dl->AddCircleFilled(c, r, colour(mix(t.soft, t.accent, done() ? 0.25f : 0.35f)), 96);
    dl->AddCircle(c, max_r, colour(t.line), 96, 1.0f);

    char buf[32];
    if (done()) std::snprintf(buf, sizeof buf, "%s", "");
    else std::snprintf(buf, sizeof buf, "%d", count);
    TextStyle big = p.prompt;
    big.colour = colour(t.text);
    float h = measure_text(big, buf, max_r * 2);
    draw_text_at(dl, big, ImVec2(c.x - max_r, c.y - h * 0.5f), buf, max_r * 2, 0.5f);

    std::string cue = done() ? "Take your time. Continue when you are ready."
                      : paused_ ? "Paused. Resume whenever you like."
                      : inhale ? "Breathe in, gently" : "And breathe out, slowly";
    TextStyle cue_style = p.muted;
    float cue_h = measure_text(cue_style, cue, width);
    draw_text_at(dl, cue_style, ImGui::GetCursorScreenPos(), cue, width, 0.5f);
    ImGui::Dummy(ImVec2(width, cue_h));

    if (!done()) {
        std::string label = paused_ ? "Resume" : "Pause the breathing";
        float w = button_width(p, label);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - w) * 0.5f);
        if (button(p, "##pacer_toggle", label, w, ButtonKind::Secondary)) paused_ = !paused_;
    }

    if (!paused_ && !done() && screen.pacer_visible) {
        if (screen.reduced_motion) {
            // Only the count changes: wake once per second, not sixty times.
            float next_second = std::ceil(phase_t + 1e-3f) - phase_t;
            needs->redraw_in = needs->redraw_in < 0 ? next_second : std::min(needs->redraw_in, next_second);
        } else {
            needs->animate = true;
        }
    }
}

}  // namespace tend::ui
