// Tend: the ImGui view of one step, and the calm frame around it.
//
// Draws a Screen into the current ImGui window: header (title, progress, "I need a pause"),
// any notices, the step itself by kind, then Back / Skip / Continue. Keeps only view state
// that nothing else shows (the fade).
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
    float content_height = 0;     // CSS px the card needs; the canvas follows it
    std::vector<Target> targets;  // every control drawn, with its rectangle
};

// Words both the canvas and the DOM mirror show, worked out in one place.
std::string progress_text(const StepView& v);           // "Step 3 of about 9", "Taking a pause…"
std::string resource_action(const Link& resource);      // "Call 988", "Open Samaritans"
bool disclaimer_repeated(const Screen& s);              // the first step says it already

class StepScreen {
public:
    // Draws into a root window spanning `width`; dt in seconds (real time, for the pacer).
    Frame draw(const Screen& screen, const Theme& theme, const Fonts& fonts, float width, float dt);

private:
    void header(const Paint& p, const Screen& s, float w, Intents* in);
    void opening(const Paint& p, const Screen& s, float w);
    void body(const Paint& p, const Screen& s, float w, Frame* f);
    void question_text(const Paint& p, const StepView& v, float w, Frame* f);
    void question_choice(const Paint& p, const StepView& v, float w, Frame* f);
    void question_scale(const Paint& p, const StepView& v, float w, Frame* f);
    void summary(const Paint& p, const Screen& s, float w);
    void ending(const Paint& p, const Screen& s, float w, Intents* in);
    void controls(const Paint& p, const Screen& s, float w, Intents* in);
    void field(const Paint& p, float w, Frame* f);

    std::string shown_key_;      // the step on screen; a change starts the fade
    float fade_ = 1.0f;          // 0 → 1 after a step change
    Pacer pacer_;
};

}  // namespace tend::ui
