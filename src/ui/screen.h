// Tend: what the ImGui view is given to draw, and what it hands back.
//
// The view never calls the engine, storage or the browser: it draws a Screen (the engine's
// StepView plus the few things around it, gathered by src/web) and returns Intents (what
// the reader asked for this frame) and the rectangle where a real <textarea> should sit.
#pragma once

#include <string>
#include <vector>

#include "imgui.h"
#include "view_model.h"

namespace tend::ui {

class PacerClock;

struct Link {
    std::string label, text, url;  // a crisis resource; url may be ""
};

struct PastSession {
    std::string when;  // "12 March 2025, 14:05" (formatted by the page, in the reader's locale)
    std::string text;  // the reader's words, as exported
};

struct Screen {
    const StepView* view = nullptr;

    std::string title;          // the exercise's
    std::string practice_name;  // data-tend-practice-name
    // The opening screen: shown on the first step, before the reader has moved.
    bool opening = false;
    std::string intro, content_note, disclaimer;
    int minutes = 0;
    bool privacy_line = false;  // before the first question

    std::vector<std::string> notices;  // storage trouble, kindly worded
    std::vector<Link> resources;       // crisis resources (shown in the safety path)

    // The end: the reader's own words, under each question they answered.
    struct Words { std::string question, answer; };
    std::vector<Words> words;
    std::vector<PastSession> journal;
    std::string cta_text, cta_link;
    std::string flash;  // a brief acknowledgement ("Copied"), "" for none

    bool confirm_delete = false;  // "Delete my answers" asked: show the confirmation
    bool journal_open = false;    // past sessions shown

    const PacerClock* pacer = nullptr;  // the pause step's clock (the widget advances it)
    bool reduced_motion = false;
    bool pacer_visible = true;  // on screen and tab visible: the pacer only runs when seen

    // The control that has focus in the page's DOM mirror ("continue", "option:calm", …): the
    // canvas draws its focus ring there. "" when focus is elsewhere.
    std::string focus;
};

struct Intents {
    bool next = false, back = false, skip = false;
    bool enter_safety = false, leave_safety = false;
    std::string choose;          // option id to select/toggle
    int other = -1;              // 1: select "something else", 0: unselect it

    int scale = -1;
    bool copy = false, download_text = false, download_json = false;
    bool ask_delete = false, cancel_delete = false;
    bool delete_all = false;     // confirmed already
    bool toggle_journal = false;
    bool restart = false;
    bool pacer_toggle = false, pacer_stop = false, pacer_longer = false;
    std::string open_link;
    bool any() const {
        return next || back || skip || enter_safety || leave_safety || !choose.empty() || other >= 0 ||
               scale >= 0 || copy || download_text || download_json || ask_delete || cancel_delete || delete_all ||
               toggle_journal || restart || pacer_toggle || pacer_stop || pacer_longer || !open_link.empty();
    }
};

// Where the real <textarea> goes this frame, in CSS px relative to the canvas. What it holds
// and its name come from the StepView (the DOM mirror owns the element).
struct TextField {
    bool visible = false;
    ImVec2 pos, size;
};

// What the view needs from the frame loop next.
struct FrameNeeds {
    bool animate = false;        // draw the next frame too (fades, the breathing circle)
    float redraw_in = -1;        // seconds until the next change worth a frame (a calm count); < 0: none
};

}  // namespace tend::ui
