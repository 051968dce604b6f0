#include "flow.h"

#include <algorithm>
#include <set>

namespace tend {

std::vector<std::string> successors(const Exercise& exercise, const Step& step) {
    std::vector<std::string> out;
    auto add = [&](const std::string& id) {
        if (!id.empty() && std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
    };
    for (const Branch& b : step.branches) add(b.next);
    if (step.kind != StepKind::End) add(exercise.default_next(step));
    return out;
}

int steps_remaining(const Exercise& exercise, const std::string& step_id) {
    std::set<std::string> seen{step_id};
    int count = 0;
    const Step* step = exercise.find(step_id);
    while (step && step->kind != StepKind::End) {
        std::string next = exercise.default_next(*step);
        if (next.empty() || next == kReturnTarget || !seen.insert(next).second) break;
        step = exercise.find(next);
        if (!step) break;
        count++;
    }
    return count;
}

std::vector<std::string> safety_steps(const Exercise& exercise) {
    std::vector<std::string> out;
    if (!exercise.find(exercise.safety.step)) return out;
    std::vector<std::string> todo{exercise.safety.step};
    std::set<std::string> seen{exercise.safety.step};
    while (!todo.empty()) {
        std::string id = todo.back();
        todo.pop_back();
        out.push_back(id);
        const Step* step = exercise.find(id);
        if (!step) continue;
        for (const std::string& next : successors(exercise, *step))
            if (next != kReturnTarget && exercise.find(next) && seen.insert(next).second) todo.push_back(next);
    }
    std::sort(out.begin(), out.end(), [&](const std::string& a, const std::string& b) {
        return exercise.index_of(a) < exercise.index_of(b);
    });
    return out;
}

}  // namespace tend
