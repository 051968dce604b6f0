#include "bridge_json.h"

#include "json_out.h"

namespace tend::web {

std::string view_to_json(const std::string& exercise_id, const StepView& v) {
    JsonOut j;
    j.begin().str("exercise_id", exercise_id).str("step_id", v.step_id).str("kind", step_kind_name(v.kind));
    j.key("paragraphs").strings(v.paragraphs).str("prompt", v.prompt).str("hint", v.hint);
    if (v.kind == StepKind::Text) j.str("reply", v.reply).num("max_length", v.max_length);
    if (v.kind == StepKind::Choice) {
        j.key("choices").begin('[');
        for (const auto& c : v.choices) j.begin().str("id", c.id).str("label", c.label).boolean("selected", c.selected).end();
        j.end(']').boolean("multiple", v.multiple).str("other_label", v.other_label);
        j.boolean("other_selected", v.other_selected).str("other_text", v.other_text).num("max_length", v.max_length);
    }
    if (v.kind == StepKind::Scale) {
        j.key("scale").begin().num("min", v.scale_min).num("max", v.scale_max).str("min_label", v.min_label);
        j.str("max_label", v.max_label).num("value", v.scale_value).end();
    }
    if (v.kind == StepKind::Pause) j.num("seconds", v.seconds);
    if (v.kind == StepKind::Summary) {
        j.key("summary").begin('[');
        for (const auto& l : v.summary) j.begin().str("label", l.label).str("text", l.text).end();
        j.end(']');
    }
    j.boolean("can_back", v.can_back).boolean("can_skip", v.can_skip).boolean("can_continue", v.can_continue);
    j.boolean("in_safety", v.in_safety).boolean("can_return", v.can_return).boolean("is_end", v.is_end);
    j.num("step_number", v.step_number).num("step_total", v.step_total);
    return j.end().text();
}

std::string state_to_json(const Exercise& exercise, const SessionState& s) {
    JsonOut j;
    j.begin().str("exercise_id", exercise.id).str("exercise_version", exercise.version).str("step_id", s.current);
    j.boolean("in_safety", s.in_safety()).boolean("finished", s.finished()).key("answers").begin();
    for (const auto& [id, a] : s.answers) {
        j.key(id.c_str()).begin().boolean("skipped", a.skipped);
        const Step* step = exercise.find(id);
        StepKind kind = step ? step->kind : StepKind::Text;
        if (kind == StepKind::Text) j.str("text", a.text);
        if (kind == StepKind::Choice) {
            j.key("chosen").strings(a.chosen);
            if (!a.other.empty()) j.str("other", a.other);
        }
        if (kind == StepKind::Scale && a.number >= 0) j.num("value", a.number);
        j.end();
    }
    return j.end().end().text();
}

}  // namespace tend::web
