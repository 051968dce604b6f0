// Tend: the current step as plain data, ready for any UI to draw.
//
// A StepView holds everything a renderer needs and nothing it has to compute: text is
// already interpolated, progress is already counted. The ImGui view (src/ui) and the
// semantic DOM mirror (src/web) both draw from it, so they can never disagree.
#pragma once

#include <string>
#include <vector>

#include "exercise.h"

namespace tend {

struct ChoiceView {
    std::string id;
    std::string label;
    bool selected = false;
};

struct StepView {
    std::string step_id;
    StepKind kind = StepKind::Say;

    std::vector<std::string> paragraphs;  // say / pause / end text, interpolated
    std::string prompt;                   // question, interpolated
    std::string hint;

    // text
    std::string reply;       // the draft being typed, or the saved answer
    int max_length = 0;

    // choice
    std::vector<ChoiceView> choices;
    bool multiple = false;
    std::string other_label; // "" → no "something else" option
    bool other_selected = false;
    std::string other_text;

    // scale
    int scale_min = 0, scale_max = 10;
    std::string min_label, max_label;
    int scale_value = -1;    // -1 → nothing chosen yet

    // pause
    int seconds = 0;
    Breathing breathing = Breathing::Guided;

    // end
    bool quiet = false;          // a quiet close: no call to action, the reader's words folded away

    // Controls and progress.
    bool can_back = false;
    bool can_skip = false;       // a question that isn't required
    bool can_stop = false;       // a check-in offers "I'd like to stop here" (the step's `stop`)
    bool can_continue = false;   // the current answer (or a non-question step) allows moving on
    bool in_safety = false;      // inside the grounding path ("Pause and get help")
    bool can_return = false;     // in safety: a way back to where the reader was exists from here
    bool is_end = false;
    int step_number = 0;         // "step 3 …"
    int step_total = 0;          // "… of about 9"
};

}  // namespace tend
