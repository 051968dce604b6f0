// Tend: the shape of an exercise as a graph of steps.
//
// Used by the validator (reachability, dead ends), by the session (progress "step 3 of
// about 9") and by `tend transcripts` (every path). Pure functions of the Exercise.
//
// Each comes in two forms with the same answers: one taking the Exercise, and one taking a
// StepIndex (exercise.h) for callers that keep one, like Session. The walks are linear in
// the steps either way (given an Exercise, they build an index for the call); successors()
// given an Exercise scans the steps once, so a caller asking for every step's successors
// should keep a StepIndex.
#pragma once

#include <string>
#include <vector>

#include "exercise.h"

namespace tend {

// Every step flow can move to from `step`: branch targets first, then the default next.
// kReturnTarget is included as-is when used; "" (nothing after) is left out. Duplicates removed.
std::vector<std::string> successors(const Exercise& exercise, const Step& step);
std::vector<std::string> successors(const StepIndex& index, const Step& step);

// How many more steps a reader meets from `step_id` to an end, following the default flow
// (no branches taken), not counting `step_id` itself. Stops at an end, at kReturnTarget, or
// after a cycle. Used for "of about N".
int steps_remaining(const Exercise& exercise, const std::string& step_id);
int steps_remaining(const StepIndex& index, const std::string& step_id);

// The step ids of the safety path: every step reachable from exercise.safety.step without
// passing through kReturnTarget. Empty when there is no safety step.
std::vector<std::string> safety_steps(const Exercise& exercise);
std::vector<std::string> safety_steps(const StepIndex& index);

}  // namespace tend
