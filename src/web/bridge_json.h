// Tend: what JavaScript sees of the engine, as JSON.
//
// view_to_json() is the accessibility hook's input: the DOM mirror (web/tend.js) and the
// aria-live region are built from exactly what the canvas draws. state_to_json() is the
// read-only copy behind handle.state().
#pragma once

#include <string>

#include "session.h"
#include "view_model.h"

namespace tend::web {

std::string view_to_json(const std::string& exercise_id, const StepView& view);
std::string state_to_json(const Exercise& exercise, const SessionState& state);

}  // namespace tend::web
