// Tend: what validator.cpp (reading the file) hands to validator_flow.cpp (checking how the
// steps fit together). Private to the validator: nothing outside those two files includes it.
//
// Reading fills an Exercise even when parts of the file are wrong (a wrong type leaves the
// default), so the later checks can still run. The notes below say which parts were read
// cleanly, so those checks skip what is already reported instead of piling on.
#pragma once

#include <string>
#include <vector>

#include "exercise.h"
#include "problem.h"

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
};

// "/steps/4" + "next" → "/steps/4/next", escaping '~' and '/' as JSON Pointer requires.
std::string pointer(const std::string& base, const std::string& key);
std::string pointer(const std::string& base, size_t index);

// Step kind as an author writes it, with an article: "a choice step", "an end step".
std::string a_kind_step(StepKind kind);

// ' (did you mean "acknowledge"?)' when a candidate is close to `typed`, else "".
std::string did_you_mean(const std::string& typed, const std::vector<std::string>& candidates);

// Everything about how steps connect: references, conditions, reachability, ends, the
// safety path, and interpolation. Appends to `problems`.
void check_flow(const Exercise& exercise, const Notes& notes, std::vector<Problem>& problems);

}  // namespace validator_detail
}  // namespace tend
