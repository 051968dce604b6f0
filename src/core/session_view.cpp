// Tend: the current step as a StepView (view_model.h): text woven with the reader's
// answers, what the controls allow, and how far along the reader is.
#include "session.h"

#include <algorithm>

#include "interpolate.h"

namespace tend {

StepView Session::view() const {
    StepView v;
    v.step_id = state_.current;
    const Step* step = graph_.find(state_.current);
    if (!step) return v;

    auto lookup = [&](const std::string& id) -> std::string {
        const Step* asked = graph_.find(id);
        const Answer* a = answer(id);
        return asked && a && !a->skipped ? answer_as_text(*asked, *a, exercise_.language) : "";
    };
    const Answer* a = answer(step->id);

    v.kind = step->kind;
    for (const std::string& p : step->text) v.paragraphs.push_back(interpolate(p, lookup));
    v.prompt = interpolate(step->prompt, lookup);
    v.hint = interpolate(step->hint, lookup);  // text and choice
    v.max_length = step->max_length;
    if (step->kind == StepKind::Text && a) v.reply = a->text;
    if (step->kind == StepKind::Choice) {
        for (const Choice& c : step->choices) v.choices.push_back({c.id, c.label, a && a->chose(c.id)});
        v.multiple = step->multiple;
        v.other_label = step->other_label;
        v.other_selected = a && a->other_selected;
        v.other_text = a ? a->other : "";
    }
    v.scale_min = step->scale_min;
    v.scale_max = step->scale_max;
    v.min_label = step->min_label;
    v.max_label = step->max_label;
    if (step->kind == StepKind::Scale && a && a->number >= 0) v.scale_value = a->number;
    v.seconds = step->seconds;
    v.breathing = step->breathing;
    v.quiet = step->quiet;

    bool question = is_question(step->kind);
    v.is_end = step->kind == StepKind::End;
    v.can_back = !state_.history.empty();
    v.can_skip = question && !step->required;
    v.can_stop = !step->stop.empty() && graph_.find(step->stop);
    v.can_continue = !v.is_end && (!question || !step->required || answered(*step));
    v.in_safety = state_.in_safety();
    v.can_return = v.in_safety && graph_.leads_to_return(graph_.index_of(step->id));

    if (v.in_safety) {
        v.step_number = static_cast<int>(state_.history.size()) - state_.safety_entered_at + 1;
    } else {
        v.step_number = 1 + static_cast<int>(std::count_if(state_.history.begin(), state_.history.end(),
                                                           [&](const std::string& id) { return !is_safety_step(id); }));
    }
    v.step_total = v.step_number + graph_.steps_remaining(graph_.index_of(step->id));
    return v;
}

}  // namespace tend
