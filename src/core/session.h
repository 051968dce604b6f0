// Tend: one reader's way through one exercise.
//
// Like ink's StoryState, everything that changes lives in one plain struct, SessionState,
// which serializes to one JSON document ("format": "tend.session/1") and restores exactly.
// The Exercise is immutable and shared; the Session is the runtime that moves the state
// along it and saves after every change, so a reader's words are never only in memory
// unless storage itself refuses them (and then the UI is told, see SessionStatus).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "answer.h"
#include "exercise.h"
#include "store.h"
#include "view_model.h"

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

    bool in_safety() const { return safety_entered_at >= 0; }
    bool finished() const { return finished_ms != 0; }
    bool operator==(const SessionState& o) const;
};

std::string session_to_json(const SessionState& state);
// Untrusted input: size/depth caps, type checks. On failure returns nullopt and says why.
std::optional<SessionState> session_from_json(const std::string& text, std::string* error = nullptr);

// What the UI should tell the reader about their stored words.
struct SessionStatus {
    StoreResult last_write = StoreResult::Ok;  // not Ok → "your answers are only kept on this page for now"
    bool recovered = false;          // stored data couldn't be read; it was kept under backup_key and a fresh session began
    std::string backup_key;
    bool resumed_after_change = false;  // the exercise changed since the save; resumed at the nearest earlier step
};

using Clock = std::function<int64_t()>;  // ms since the Unix epoch
int64_t system_clock_ms();

class Session {
public:
    // key_prefix namespaces everything this session stores, e.g. "tend/blog/self-compassion/".
    // The exercise must outlive the session and not change under it (it is immutable data).
    Session(const Exercise& exercise, Store& store, std::string key_prefix, Clock clock = system_clock_ms);

    // Resumes the saved session if there is a readable one, otherwise starts at the first step.
    void open();
    // Forgets the session in progress (not the journal) and starts again at the first step.
    void restart();

    // The current step, ready to draw.
    StepView view() const;

    // Answering. Each saves at once. They apply to the current step and return false when
    // it is not a step of that kind (or the value is out of range).
    bool set_text(const std::string& text);              // text step: the reply so far (clipped to max_length)
    bool choose(const std::string& choice_id);           // single: select it; multiple: toggle it
    bool set_other(bool selected, const std::string& text);  // choice: "something else, in my words"
    bool set_scale(int value);

    // Moving. Each returns false when the move isn't possible from here.
    bool next();           // continue (evaluates branches); refused for a required, unanswered question
    bool skip();           // marks the question skipped and continues
    bool back();
    bool enter_safety();   // "I need a pause": the grounding path, remembering where the reader was
    bool leave_safety();   // back to where the reader was

    const SessionState& state() const { return state_; }
    const SessionStatus& status() const { return status_; }
    const Exercise& exercise() const { return exercise_; }
    std::string storage_key() const { return prefix_ + "session"; }

    // For tests and the UI: the answer to a step, or nullptr.
    const Answer* answer(const std::string& step_id) const;

private:
    void go_to(const std::string& step_id, bool record_history);
    bool advance(const Step& from);
    void save();
    bool answered(const Step& step) const;
    bool is_safety_step(const std::string& step_id) const;

    const Exercise& exercise_;
    Store& store_;
    std::string prefix_;
    Clock clock_;
    SessionState state_;
    SessionStatus status_;

    // Worked out once from the exercise, which doesn't change under a session: every tap
    // looks steps up by id and asks whether they are on the grounding path.
    StepIndex index_;
    std::vector<char> on_safety_path_;  // by step index: one of safety_steps()
};

// True when all of the branch's conditions hold for these answers.
bool branch_matches(const Exercise& exercise, const Branch& branch, const Answers& answers);

}  // namespace tend
