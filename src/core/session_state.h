// Tend: everything that changes as one reader goes through one exercise, and its saved form.
//
// Like ink's StoryState, it is one plain struct, which serializes to one JSON document
// ("format": "tend.session/1") and restores exactly. The runtime that moves it along an
// exercise is Session (session.h); the journal keeps finished ones (journal.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "answer.h"

namespace tend {

inline constexpr const char* kSessionFormat = "tend.session/1";

struct SessionState {
    std::string exercise_id;
    std::string exercise_version;
    std::string current;                 // step id; "" before start
    Answers answers;                     // every answer so far, including one still being typed
    std::vector<std::string> history;    // steps before `current`, oldest first (for Back)
    std::string return_to;               // in the safety path: where "@return" leads; "" otherwise
    int safety_entered_at = -1;          // history size when the safety path was entered; -1 outside it
    int64_t started_ms = 0;
    int64_t updated_ms = 0;
    int64_t finished_ms = 0;             // 0 until an `end` step is reached
    // How many times this session has been saved, by any tab or widget. A write made without
    // another tab's latest save in view carries a revision no higher than that save's: the
    // other tab can tell its words were not seen (Session::sync).
    int64_t revision = 0;

    bool in_safety() const { return safety_entered_at >= 0; }
    bool finished() const { return finished_ms != 0; }
    bool operator==(const SessionState& o) const;
};

// The same state always gives the same bytes.
std::string session_to_json(const SessionState& state);
// Untrusted input (localStorage any script on the page can write): size caps, type and range
// checks, and no exception escapes. On failure returns nullopt and says why, naming the JSON
// path ("/answers/feeling/at: ...").
std::optional<SessionState> session_from_json(const std::string& text, std::string* error = nullptr);

}  // namespace tend
