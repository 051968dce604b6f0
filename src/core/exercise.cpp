#include "exercise.h"

#include <cstdint>
#include <string_view>

namespace tend {

static const char* const kKindNames[] = {"say", "text", "choice", "scale", "pause", "summary", "end"};

const char* step_kind_name(StepKind kind) { return kKindNames[static_cast<int>(kind)]; }

bool step_kind_from_name(const std::string& name, StepKind* out) {
    static const std::string_view kViews[] = {"say", "text", "choice", "scale", "pause", "summary", "end"};
    for (int i = 0; i < 7; i++)
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
// in sync. Code that looks steps up in a loop builds a StepIndex (below) instead.
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

// FNV-1a: ids are short, and an exercise has at most a few hundred of them.
size_t StepIds::home(std::string_view id) const {
    uint32_t h = 2166136261u;
    for (unsigned char c : id) h = (h ^ c) * 16777619u;
    return h & (slots_.size() - 1);
}

void StepIds::reserve(size_t n) {
    size_t capacity = 16;
    while (capacity < 2 * n + 1) capacity *= 2;
    if (capacity > slots_.size()) rehash(capacity);
}

void StepIds::rehash(size_t capacity) {
    std::vector<Slot> old(capacity);
    old.swap(slots_);
    count_ = 0;
    for (const Slot& s : old)
        if (s.index >= 0) add(s.id, s.index);
}

int StepIds::add(std::string_view id, int index) {
    if (2 * (count_ + 1) >= slots_.size()) rehash(slots_.empty() ? 16 : 2 * slots_.size());
    for (size_t i = home(id);; i = (i + 1) & (slots_.size() - 1)) {  // linear probing
        Slot& s = slots_[i];
        if (s.index < 0) {
            s = {id, index};
            count_++;
            return index;
        }
        if (s.id == id) return s.index;
    }
}

int StepIds::find(std::string_view id) const {
    if (slots_.empty()) return -1;
    for (size_t i = home(id);; i = (i + 1) & (slots_.size() - 1)) {  // ends at an empty slot: there always is one
        const Slot& s = slots_[i];
        if (s.index < 0) return -1;
        if (s.id == id) return s.index;
    }
}

StepIndex::StepIndex(const Exercise& exercise) : exercise_(exercise) {
    first_.reserve(exercise.steps.size());
    for (size_t i = 0; i < exercise.steps.size(); i++)
        first_.add(exercise.steps[i].id, static_cast<int>(i));  // keeps the first of a repeated id
}

int StepIndex::index_of(std::string_view step_id) const { return first_.find(step_id); }

const Step* StepIndex::find(std::string_view step_id) const {
    int i = index_of(step_id);
    return i < 0 ? nullptr : &exercise_.steps[static_cast<size_t>(i)];
}

std::string StepIndex::default_next(const Step& step) const {
    if (!step.next.empty()) return step.next;
    if (step.kind == StepKind::End) return "";
    int i = index_of(step.id);
    if (i < 0 || i + 1 >= static_cast<int>(exercise_.steps.size())) return "";
    return exercise_.steps[static_cast<size_t>(i) + 1].id;
}

}  // namespace tend
