// Tend: the ImGui view of one step, and the calm frame around it.
//
// Draws a Screen into the current ImGui window: header (title, progress, "I need a pause"),
// any notices, the step itself by kind, then Back / Skip / Continue. Keeps only view state
// that the engine doesn't care about (the fade, the pacer, an open confirmation).
#pragma once

#include <string>
#include <vector>

#include "ui/controls.h"
#include "ui/pacer.h"
#include "ui/screen.h"
#include "ui/theme.h"

namespace tend::ui {

struct Frame {
    Intents intents;
    TextField field;
    FrameNeeds needs;
    float content_height = 0;
    std::vector<Target> targets;  // every control drawn, with its rectangle  // CSS px the card needs; the canvas follows it
};

class StepScreen {
public:
    // Draws into a root window spanning `width`; dt in seconds (real time, for the pacer).
    Frame draw(const Screen& screen, const Theme& theme, const Fonts& fonts, float width, float dt);

private:
    void header(const Paint& p, const Screen& s, float w, Intents* in);
    void opening(const Paint& p, const Screen& s, float w);
    void body(const Paint& p, const Screen& s, float w, float dt, Frame* f);
    void question_text(const Paint& p, const StepView& v, float w, Frame* f);
    void question_choice(const Paint& p, const StepView& v, float w, Frame* f);
    void question_scale(const Paint& p, const StepView& v, float w, Frame* f);
    void summary(const Paint& p, const Screen& s, float w);
    void ending(const Paint& p, const Screen& s, float w, Intents* in);
    void controls(const Paint& p, const Screen& s, float w, Intents* in);
    void field(const Paint& p, const std::string& key, const std::string& value, const std::string& label,
               int max_length, float w, Frame* f);

    std::string shown_key_;      // the step on screen; a change starts the fade
    float fade_ = 1.0f;          // 0 → 1 after a step change
    Pacer pacer_;
    bool confirm_delete_ = false;
    bool journal_open_ = false;
};

}  // namespace tend::ui
