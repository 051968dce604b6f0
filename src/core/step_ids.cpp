#include "step_ids.h"

#include <cstdint>

namespace tend {

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

}  // namespace tend
