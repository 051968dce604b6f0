// Tend: whether a branch's conditions hold for the answers so far.
//
// The one definition of what each test means (docs/exercise-format.md, "Branches"), used by
// the session to choose where to go and by `tend transcripts` to tell answers apart.
#pragma once

#include "answer.h"
#include "exercise.h"
#include "step_graph.h"

namespace tend {

// True when all of the branch's conditions hold for these answers. The steps a condition
// names are looked up in `steps`: the Exercise itself, or the StepGraph of a caller that
// makes many lookups (a Session).
bool branch_matches(const Exercise& steps, const Branch& branch, const Answers& answers);
bool branch_matches(const StepGraph& steps, const Branch& branch, const Answers& answers);

}  // namespace tend
