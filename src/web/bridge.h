// Tend: the one bridge from a widget to its page: every message the page gets, written here.
//
// The page (web/src/host.js and mirror.js) draws the DOM mirror from the Screen, places its
// controls and the reply box over the canvas, says new steps in its live region, and does
// what only a page can (copy, download, open a link). Each change is one message, and only
// what changed goes: the screen in parts (the mirror redraws just those), the layout of the
// canvas (its height, the reply box, each control's rectangle), the pacer's words.
//
// The reply box is the page's own: what the reader types there comes in through the widget's
// text_input() and is never sent back (their words only travel back when they changed
// somewhere else: another tab, a restart, a new question).
#pragma once

#include <string>
#include <vector>

#include "exercise.h"
#include "screen/screen.h"
#include "session.h"
#include "ui/controls.h"
#include "ui/step_view.h"
#include "ui/theme.h"

namespace tend::web {

class Bridge {
public:
    // The screen's parts that changed since the last call, as one "screen" message; `say`
    // goes to the live region now (a new step, a new notice), in `say_language`. `reveal`: the
    // reader moved to a new step here, so the page brings the widget's top into view.
    void show(const screen::Screen& s, const std::string& say = "", const std::string& say_language = "",
              bool reveal = false);
    // The page's reply box holds `words` for the answer `field_key` (the reader typed them).
    void typed(const std::string& field_key, const std::string& words);
    // The next words for the reply box came from another tab or widget: the box shows them even
    // while the reader is typing in it (else their next keystroke would write over them).
    void words_from_elsewhere() { elsewhere_ = true; }
    // Where things are on the canvas (CSS px); height < 0 leaves the height as it is.
    void lay_out(float height, const ui::TextField& field, const std::vector<ui::Target>& targets);
    void lay_out(float height);
    void pace(const screen::PacerWords& words);
    // Whether the canvas shows this screen, or the page does (its words need the browser's text).
    void show_canvas(bool on);
    void style(const ui::Theme& theme);  // the theme as CSS variables, for the box and the DOM card

    void complete(const Exercise& exercise, const SessionState& state);  // the reader reached an end
    void copy(const std::string& text);
    void download(const std::string& filename, const std::string& mime, const std::string& text);
    void open(const std::string& url);

    static constexpr int kParts = 11;  // the screen's parts (bridge.cpp)

private:
    std::string sent_[kParts];
    std::string field_key_, field_words_;  // what the page's reply box holds, as far as we know
    bool elsewhere_ = false;
    std::string layout_sent_, pacer_sent_;
    float height_sent_ = -1;
};

// handle.state() and the "complete" event: the exercise, where the reader is, their answers.
std::string state_json(const Exercise& exercise, const SessionState& state);
// handle._debug.targets(): every control of the last frame, for tests.
std::string targets_json(const std::vector<ui::Target>& targets);

}  // namespace tend::web
