// Tend: reading an exercise file, and every reason it might be wrong.
//
// load_exercise() is the one way to turn JSON text into an Exercise. It reports every
// problem at once, each with the JSON path where it was found and a plain message an
// author can act on ("/steps/4/next: there is no step \"acknowlege\" (did you mean
// \"acknowledge\"?)"). It never aborts and never lets an exception escape, whatever the
// input: exercise files and stored data are untrusted.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "exercise.h"
#include "problem.h"

namespace tend {

struct ExerciseLoad {
    std::optional<Exercise> exercise;  // set only when there are no problems
    std::vector<Problem> problems;
    bool ok() const { return exercise.has_value(); }
};

// What load_exercise() checks. Reading: only what reading the file finds (syntax, types,
// values), for a file already checked whole, e.g. a shipped exercise that passed `tend lint`
// when the widget was built (its bytes trusted by hash); All: everything, the flow too.
enum class ExerciseChecks { All, Reading };

// `text` is the file's content. Problems are in document order where possible.
ExerciseLoad load_exercise(const std::string& text, ExerciseChecks checks = ExerciseChecks::All);

}  // namespace tend
