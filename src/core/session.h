// Tend: the runtime that moves one reader's SessionState along an Exercise.
//
// The Exercise is immutable and shared; everything that changes is in SessionState
// (session_state.h), and only a Session changes it. Every change is saved at once, so a
// reader's words are never only in memory unless storage itself refuses them (and then the
// UI is told, see SessionStatus). Reaching an end also keeps the session in the journal.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "answer.h"
#include "exercise.h"
#include "journal.h"
#include "session_state.h"
#include "step_graph.h"
#include "store.h"
#include "view_model.h"

namespace tend {

// What the UI should tell the reader about their stored words.
struct SessionStatus {
    StoreResult last_write = StoreResult::Ok;  // not Ok → "your answers are only kept on this page for now"
    bool recovered = false;          // stored data couldn't be read; it was kept under backup_key and a fresh session began
    std::string backup_key;          // "" when the backup couldn't be written: then left_in_place
    bool left_in_place = false;      // unreadable and not copied aside: left untouched, this session kept in memory only
    bool resumed_after_change = false;  // the exercise changed since the save; resumed at the nearest earlier step
    bool kept_both = false;  // another tab wrote over words of this one it hadn't seen: both were kept (sync())
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
    // Another tab or widget changed the stored session: take it up. Where that write was made
    // without this session's latest save in view, every reply of this session's that it lacks
    // is kept too, after the other's words, and saved (status().kept_both).
    void sync();
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
    bool stop_here();      // "I'd like to stop here" on a check-in: straight to its quiet end, answered or not
    bool back();
    bool enter_safety();   // "Pause and get help": the grounding path, remembering where the reader was
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
    Journal journal_;  // where the session is kept once it reaches an end
    Clock clock_;
    SessionState state_;
    SessionStatus status_;

    // Worked out once from the exercise, which doesn't change under a session: every tap
    // looks steps up by id and asks whether they are on the grounding path.
    StepGraph graph_;
};

}  // namespace tend
