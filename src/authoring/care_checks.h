// Tend: care checks a machine can make (see docs/writing-exercises.md for the whole list).
//
// The validator says whether an exercise *works*; these say whether it takes care of a
// reader who may be hurting: every path closes kindly, grounding is always reachable and
// can return, a rise on a 0–10 scale is never followed by the end without a grounding offer,
// every check-in offers a way to stop and the ends after grounding or a stop are quiet, a
// breathing pacer appears only where the words invite breathing, prompts stay short enough to
// read on a phone, and wording stays invitational.
// `tend lint` runs both. Each problem names the JSON path, like the validator's.
#pragma once

#include <vector>

#include "exercise.h"
#include "problem.h"

namespace tend {

// Expects an exercise that passed load_exercise().
std::vector<Problem> care_checks(const Exercise& exercise);

}  // namespace tend
