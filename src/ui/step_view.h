// Tend: the ImGui view of a Screen (src/screen/screen.h), and the calm card around it.
//
// Draws, top to bottom: the header (name, progress, "Pause and get help"), notices, crisis help
// on the grounding path, the opening words, the step and its question, the pacer, then the
// ways on (Back / Skip / Continue) and, at the end, the reader's words and what they can do
// with them. It draws what the Screen holds and decides nothing: no word is made here, and a
// control is drawn only if the Screen lists it. What the reader pressed comes back as that
// control's key. Keeps only view state that nothing else shows (the fade).
#pragma once

#include <string>
#include <vector>

#include "screen/pacer_clock.h"
#include "screen/screen.h"
#include "ui/controls.h"
#include "ui/theme.h"

namespace tend::ui {

// Where the real <textarea> goes this frame, in CSS px relative to the canvas.
struct TextField {
    bool visible = false;
    ImVec2 pos, size;
};

// What the view needs from the frame loop next.
struct FrameNeeds {
    bool animate = false;   // draw the next frame too (the fade, the breathing circle)
    float redraw_in = -1;   // seconds until the next change worth a frame (a calm count); < 0: none
};

struct Frame {
    std::string pressed;          // the key of the control used this frame, "" for none
    TextField field;
    FrameNeeds needs;
    float content_height = 0;     // CSS px the card needs; the canvas follows it
    std::vector<Target> targets;  // every control drawn, with its rectangle
};

// What the view is told beside the Screen.
struct ViewState {
    std::string focus;            // the control with the page's keyboard focus (its ring is drawn here)
    bool reduced_motion = false;
    bool pacer_seen = true;       // on screen and tab visible: the pacer only runs when seen
    const screen::PacerClock* clock = nullptr;
    screen::PacerWords pacer;
};

class StepScreen {
public:
    // Draws into a root window spanning `width`; dt in seconds (real time, for the fade).
    Frame draw(const screen::Screen& screen, const ViewState& state, const Theme& theme, const Fonts& fonts,
               float width, float dt);

private:
    void header(const Paint& p, const screen::Screen& s, float w, Frame* f);
    void notices(const Paint& p, const screen::Screen& s, float w);
    void help(const Paint& p, const screen::Screen& s, float w, Frame* f);
    void opening(const Paint& p, const screen::Screen& s, float w);
    void question(const Paint& p, const screen::Screen& s, float w, Frame* f);
    void scale(const Paint& p, const screen::Screen& s, float w, Frame* f);
    void pacer(const Paint& p, const screen::Screen& s, const ViewState& vs, float w, Frame* f);
    void navigation(const Paint& p, const screen::Screen& s, float w, Frame* f);
    void ending(const Paint& p, const screen::Screen& s, float w, Frame* f);
    void footer(const Paint& p, const screen::Screen& s, float w, Frame* f);
    void about(const Paint& p, const screen::Screen& s, float w, Frame* f);
    void field(const Paint& p, float w, Frame* f);

    std::string shown_key_;      // the step on screen; a change starts the fade
    float fade_ = 1.0f;          // 0 → 1 after a step change
};

}  // namespace tend::ui
