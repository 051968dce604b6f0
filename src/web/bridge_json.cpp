#include "bridge_json.h"

#include "json_guard.h"

namespace tend::web {

using nlohmann::json;

std::string view_to_json(const std::string& exercise_id, const StepView& v) {
    json j;
    j["exercise_id"] = exercise_id;
    j["step_id"] = v.step_id;
    j["kind"] = step_kind_name(v.kind);
    j["paragraphs"] = v.paragraphs;
    j["prompt"] = v.prompt;
    j["hint"] = v.hint;
    if (v.kind == StepKind::Text) {
        j["reply"] = v.reply;
        j["max_length"] = v.max_length;
    }
    if (v.kind == StepKind::Choice) {
        json choices = json::array();
        for (const auto& c : v.choices) choices.push_back({{"id", c.id}, {"label", c.label}, {"selected", c.selected}});
        j["choices"] = choices;
        j["multiple"] = v.multiple;
        j["other_label"] = v.other_label;
        j["other_selected"] = v.other_selected;
        j["other_text"] = v.other_text;
    }
    if (v.kind == StepKind::Scale) {
        j["scale"] = {{"min", v.scale_min}, {"max", v.scale_max}, {"min_label", v.min_label},
                      {"max_label", v.max_label}, {"value", v.scale_value}};
    }
    if (v.kind == StepKind::Pause) j["seconds"] = v.seconds;
    if (v.kind == StepKind::Summary) {
        json lines = json::array();
        for (const auto& l : v.summary) lines.push_back({{"label", l.label}, {"text", l.text}});
        j["summary"] = lines;
    }
    j["can_back"] = v.can_back;
    j["can_skip"] = v.can_skip;
    j["can_continue"] = v.can_continue;
    j["in_safety"] = v.in_safety;
    j["can_return"] = v.can_return;
    j["is_end"] = v.is_end;
    j["step_number"] = v.step_number;
    j["step_total"] = v.step_total;
    return dump_json(j);
}

std::string state_to_json(const Exercise& exercise, const SessionState& s) {
    json answers = json::object();
    for (const auto& [id, a] : s.answers) {
        json one = {{"skipped", a.skipped}};
        const Step* step = exercise.find(id);
        StepKind kind = step ? step->kind : StepKind::Text;
        if (kind == StepKind::Text) one["text"] = a.text;
        if (kind == StepKind::Choice) {
            one["chosen"] = a.chosen;
            if (!a.other.empty()) one["other"] = a.other;
        }
        if (kind == StepKind::Scale && a.number >= 0) one["value"] = a.number;
        answers[id] = one;
    }
    json j = {{"exercise_id", exercise.id},  {"exercise_version", exercise.version},
              {"step_id", s.current},        {"in_safety", s.in_safety()},
              {"finished", s.finished()},    {"answers", answers}};
    return dump_json(j);
}

}  // namespace tend::web
