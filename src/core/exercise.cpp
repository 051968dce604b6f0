#include "exercise.h"

#include <string_view>

namespace tend {

static const char* const kKindNames[] = {"say", "text", "choice", "scale", "pause", "end"};

const char* step_kind_name(StepKind kind) { return kKindNames[static_cast<int>(kind)]; }

bool step_kind_from_name(const std::string& name, StepKind* out) {
    static const std::string_view kViews[] = {"say", "text", "choice", "scale", "pause", "end"};
    for (int i = 0; i < 6; i++)
        if (name == kViews[i]) {  // string_view: lengths are compared first, no strlen()
            *out = static_cast<StepKind>(i);
            return true;
        }
    return false;
}

const Step* Exercise::find(const std::string& step_id) const {
    int i = index_of(step_id);
    return i < 0 ? nullptr : &steps[i];
}

// A linear scan: fine for one lookup, and the Exercise stays plain data with nothing to keep
// in sync. Code that looks steps up in a loop builds a StepGraph (step_graph.h) instead.
int Exercise::index_of(const std::string& step_id) const {
    for (size_t i = 0; i < steps.size(); i++)
        if (steps[i].id == step_id) return static_cast<int>(i);
    return -1;
}

std::string Exercise::default_next(const Step& step) const {
    if (!step.next.empty()) return step.next;
    if (step.kind == StepKind::End) return "";
    int i = index_of(step.id);
    if (i < 0 || i + 1 >= static_cast<int>(steps.size())) return "";
    return steps[i + 1].id;
}

}  // namespace tend
