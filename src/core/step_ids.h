// Tend: step id → index, in constant time.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace tend {

// Step id → the index of the first step with that id: a small open-addressing hash table.
// As fast as std::unordered_map for this, in a fraction of the wasm (no prime-sized buckets,
// no node per entry). The ids are views: the strings they view must outlive it.
class StepIds {
public:
    void reserve(size_t n);  // room for n ids without growing
    // Adds `id` with `index` unless the id is there already; returns the index it has now
    // (so the first added wins).
    int add(std::string_view id, int index);
    int find(std::string_view id) const;  // -1 when no step has that id

private:
    struct Slot {
        std::string_view id;
        int index = -1;  // -1: empty
    };
    void rehash(size_t capacity);
    size_t home(std::string_view id) const;

    std::vector<Slot> slots_;  // a power of two in size, always less than half full
    size_t count_ = 0;
};

}  // namespace tend
