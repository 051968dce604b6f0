// Tend: what validator.cpp (reading the file) hands to validator_flow.cpp (checking how the
// steps fit together). Private to the validator: nothing outside those two files includes it.
//
// Reading fills an Exercise even when parts of the file are wrong (a wrong type leaves the
// default), so the later checks can still run. The notes below say which parts were read
// cleanly, so those checks skip what is already reported instead of piling on.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "exercise.h"
#include "problem.h"
#include "step_ids.h"

namespace tend {
namespace validator_detail {

struct ConditionNote {
    bool ok = false;            // "step" and exactly one well-typed test were read
    bool equals_number = false; // Equals: the value was a number (scale), not a string
    std::string test_field;     // "equals", "at_least", …: where to point at the test
};

struct BranchNote {
    bool next_ok = false;  // `next` was read as a string
    std::vector<ConditionNote> when;
};

struct ItemNote {
    bool ok = false;  // `step` was read as a string
};

struct StepNote {
    bool kind_ok = false;   // `kind` named a known kind (checks that depend on the kind need this)
    bool id_ok = false;     // `id` is a well-formed id and the first with that name
    bool has_next = false;  // `next` was present and read as a string
    std::vector<BranchNote> branches;  // parallel to Step::branches
    std::vector<ItemNote> items;       // parallel to Step::items
};

struct Notes {
    std::vector<StepNote> steps;  // parallel to Exercise::steps
    bool safety_step_ok = false;  // `safety.step` was read as a string
    // Every non-empty step id → the index of the first step with it. Made while reading (to
    // find repeated ids) and used again to resolve references; it views Exercise::steps' ids.
    StepIds first_with_id;
};

// Where something sits in the file: a JSON Pointer such as "/steps/4/next", built as text
// only when a problem is reported. Nearly every value is fine, and building the pointer for
// each one up front was a good part of the load time. A Path refers to its parent (and to
// its key), so it is made on the stack and used while those are still there:
//     const Path step(steps, i);             // "/steps/4"
//     add(out, Path(step, "next"), "…");      // "/steps/4/next", made here and only here
class Path {
public:
    Path() = default;  // the whole document: ""
    Path(const Path& parent, std::string_view key) : parent_(&parent), key_(key) {}
    Path(const Path& parent, size_t index) : parent_(&parent), index_(index), is_index_(true) {}

    // The pointer as text, escaping '~' and '/' in keys as JSON Pointer requires.
    std::string str() const;

private:
    void append_to(std::string& out) const;

    const Path* parent_ = nullptr;
    std::string_view key_;
    size_t index_ = 0;
    bool is_index_ = false;
};

// Step kind as an author writes it, with an article: "a choice step", "an end step".
std::string a_kind_step(StepKind kind);

// ' (did you mean "acknowledge"?)' when a candidate is close to `typed`, else "".
std::string did_you_mean(const std::string& typed, const std::vector<std::string>& candidates);

// Everything about how steps connect: references, conditions, reachability, ends, the
// safety path, and interpolation. Appends to `problems`.
void check_flow(const Exercise& exercise, const Notes& notes, std::vector<Problem>& problems);

}  // namespace validator_detail
}  // namespace tend
