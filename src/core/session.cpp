// Tend: the runtime (see session.h): answering, moving, the grounding path, saving.
//
// Every operation that changes the state saves at once (save()), so a closed tab loses
// nothing. What the reader sees of the state is worked out in session_view.cpp.
#include "session.h"

#include <algorithm>
#include <chrono>

#include "conditions.h"
#include "json_tree.h"

namespace tend {

namespace {

// The first max_chars code points of s. Cuts only before a lead byte, so a multibyte
// character is never split.
std::string clip_code_points(const std::string& s, int max_chars) {
    if (max_chars < 0) max_chars = 0;
    int count = 0;
    for (size_t i = 0; i < s.size(); i++) {
        bool lead = (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
        if (lead && count++ == max_chars) return s.substr(0, i);
    }
    return s;
}

int code_points(const std::string& s) {
    int count = 0;
    for (unsigned char c : s) count += (c & 0xC0) != 0x80;
    return count;
}

// Brings a restored session in line with an exercise that changed since it was saved.
// Steps that are gone leave history; a current step that is gone gives way to the nearest
// earlier one that still exists. Answers are never touched: they are the reader's words.
// Returns true when anything had to change.
bool fit_to_exercise(const StepGraph& steps, SessionState& s) {
    bool changed = false;
    std::vector<std::string> kept;
    int entered = -1;
    for (size_t i = 0; i < s.history.size(); i++) {
        if (s.in_safety() && static_cast<int>(i) == s.safety_entered_at) entered = static_cast<int>(kept.size());
        if (steps.find(s.history[i])) kept.push_back(s.history[i]);
        else changed = true;
    }
    if (s.in_safety() && s.safety_entered_at == static_cast<int>(s.history.size())) entered = static_cast<int>(kept.size());
    s.history = std::move(kept);
    s.safety_entered_at = entered;

    if (!steps.find(s.current)) {
        changed = true;
        if (!s.history.empty()) {
            s.current = s.history.back();
            s.history.pop_back();
        } else {
            s.current = steps.exercise().steps.empty() ? "" : steps.exercise().steps[0].id;
        }
        if (const Step* step = steps.find(s.current); !step || step->kind != StepKind::End) s.finished_ms = 0;
    }

    // The safety path only makes sense while the reader is on it, and "@return" must lead off
    // it to a step that exists: a return point on the path itself would send them round it for
    // ever. Where it is gone, the nearest earlier step off the path stands in, or the first step
    // (which is never on it).
    const std::string& first = steps.exercise().steps.empty() ? s.current : steps.exercise().steps[0].id;
    auto off_path = [&](const std::string& id) { return steps.find(id) && !steps.on_safety_path(steps.index_of(id)); };
    const bool on_path = steps.on_safety_path(steps.index_of(s.current));
    if (s.in_safety() && !(on_path && static_cast<int>(s.history.size()) >= s.safety_entered_at)) {
        s.return_to.clear();  // no longer on the path: nothing to return from
        s.safety_entered_at = -1;
        changed = true;
    }
    if (on_path && !off_path(s.return_to)) {
        // On a grounding step with no way back (renamed away, tampered, or never recorded).
        if (!s.in_safety()) s.safety_entered_at = static_cast<int>(s.history.size());
        int from = std::min(s.safety_entered_at, static_cast<int>(s.history.size()));
        s.return_to = first;
        for (int i = from - 1; i >= 0; i--)
            if (off_path(s.history[i])) {
                s.return_to = s.history[i];
                break;
            }
        changed = true;
    }
    return changed;
}

// Leaves the safety path: clears its fields, trims history back to where the path was
// entered (so Back from there doesn't walk through the grounding steps again) and returns
// where "@return" leads. Returns "" (changing nothing) when there is nowhere to return to.
std::string unwind_safety(const StepGraph& steps, SessionState& s) {
    if (!s.in_safety() || !steps.find(s.return_to)) return "";
    std::string to = s.return_to;
    if (s.history.size() > static_cast<size_t>(s.safety_entered_at)) s.history.resize(s.safety_entered_at);
    // Entered by the button, the step they were on is the last history entry: it becomes
    // current again rather than appearing twice.
    if (!s.history.empty() && s.history.back() == to) s.history.pop_back();
    s.return_to.clear();
    s.safety_entered_at = -1;
    return to;
}

}  // namespace

int64_t system_clock_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

Session::Session(const Exercise& exercise, Store& store, std::string key_prefix, Clock clock)
    : exercise_(exercise),
      store_(store),
      prefix_(std::move(key_prefix)),
      journal_(exercise, store, prefix_),
      clock_(std::move(clock)),
      graph_(exercise) {
    if (!clock_) clock_ = system_clock_ms;
}

bool Session::is_safety_step(const std::string& step_id) const {
    return graph_.on_safety_path(graph_.index_of(step_id));
}

void Session::open() {
    status_ = SessionStatus{};
    state_ = SessionState{};
    std::optional<std::string> stored = store_.get(storage_key());
    if (stored) {
        std::optional<SessionState> restored = session_from_json(*stored);
        if (restored && restored->exercise_id == exercise_.id) {
            state_ = std::move(*restored);
            bool changed = fit_to_exercise(graph_, state_);
            if (changed || state_.exercise_version != exercise_.version) {
                state_.exercise_version = exercise_.version;
                status_.resumed_after_change = true;
                save();
            }
            return;
        }
        // Unreadable (or another exercise's): keep the original bytes where the reader (or
        // someone helping them) can still find them, then begin again.
        status_.recovered = true;
        int64_t now = clock_();
        std::string key = prefix_ + "backup/" + std::to_string(now);
        for (int n = 2; store_.get(key); n++) key = prefix_ + "backup/" + std::to_string(now) + "-" + std::to_string(n);
        StoreResult kept = store_.set(key, *stored);
        state_.started_ms = now;
        state_.exercise_id = exercise_.id;
        state_.exercise_version = exercise_.version;
        state_.current = exercise_.steps.empty() ? "" : exercise_.steps[0].id;
        if (kept != StoreResult::Ok) {
            // The stored bytes are the only copy: leave them exactly where they are, and keep
            // this session in memory for as long as the page is open (save() writes nothing).
            status_.last_write = kept;
            status_.left_in_place = true;
            return;
        }
        status_.backup_key = key;
        save();
        return;
    }
    // Nothing stored: nothing is written until the reader does something, so merely
    // opening a page with the widget leaves no trace on the device.
    state_.started_ms = clock_();
    state_.updated_ms = state_.started_ms;
    state_.exercise_id = exercise_.id;
    state_.exercise_version = exercise_.version;
    state_.current = exercise_.steps.empty() ? "" : exercise_.steps[0].id;
}

void Session::sync() {
    const SessionState mine = state_;
    // Words this session couldn't save (storage full) can't have been seen by anyone.
    const bool saved_here = status_.last_write == StoreResult::Ok && !status_.left_in_place;
    open();
    // A fresh start elsewhere (the reader deleted their answers there) is taken as it is, and
    // a write that had this session's latest save in view carries a higher revision.
    if (status_.recovered || state_.started_ms != mine.started_ms) return;
    if (saved_here && state_.revision > mine.revision) return;
    bool kept = false;
    for (const auto& [id, a] : mine.answers) {
        if (a.text.empty()) continue;
        Answer& theirs = state_.answers[id];
        if (theirs.text.find(a.text) != std::string::npos) continue;  // they have our words already
        std::string both = a.text.find(theirs.text) != std::string::npos ? a.text : theirs.text + "\n\n" + a.text;
        theirs.text = std::move(both);  // past max_length if need be: both tabs' words, whole
        if (theirs.at_ms == 0) theirs.at_ms = a.at_ms;
        theirs.skipped = false;
        kept = true;
    }
    if (!kept) return;
    status_.kept_both = true;
    save();
}

void Session::restart() {
    // A new started_ms names a new journal entry; two sessions within one millisecond
    // (a fast double tap, a fake clock) must not share one.
    int64_t started = std::max(clock_(), state_.started_ms + 1);
    state_ = SessionState{};
    state_.exercise_id = exercise_.id;
    state_.exercise_version = exercise_.version;
    state_.current = exercise_.steps.empty() ? "" : exercise_.steps[0].id;
    state_.started_ms = started;
    state_.updated_ms = started;
    status_ = SessionStatus{};
    status_.last_write = store_.remove(storage_key());
}

const Answer* Session::answer(const std::string& step_id) const {
    auto it = state_.answers.find(step_id);
    return it == state_.answers.end() ? nullptr : &it->second;
}

bool Session::answered(const Step& step) const {
    const Answer* a = answer(step.id);
    return a && answer_given(step, *a);
}

// At an end step the journal entry is written alongside the session, so the two always
// agree; recording is idempotent (one key per started_ms). Either failure is reported.
void Session::save() {
    state_.updated_ms = clock_();
    if (status_.left_in_place) return;  // never over the only copy of what couldn't be read
    state_.revision++;
    StoreResult journal = StoreResult::Ok;
    const Step* step = graph_.find(state_.current);
    if (step && step->kind == StepKind::End && state_.finished())
        journal = journal_.record(state_);
    std::string doc = session_to_json(state_);
    // A document too big to be read back would be lost on reload; say storage is full instead.
    StoreResult r = doc.size() > kMaxJsonBytes ? StoreResult::Full : store_.set(storage_key(), doc);
    status_.last_write = r != StoreResult::Ok ? r : journal;
}

void Session::go_to(const std::string& step_id, bool record_history) {
    if (record_history && !state_.current.empty()) state_.history.push_back(state_.current);
    state_.current = step_id;
    const Step* step = graph_.find(step_id);
    if (step && step->kind == StepKind::End) state_.finished_ms = clock_();
}

bool Session::advance(const Step& from) {
    std::string target;
    for (const Branch& b : from.branches)
        if (branch_matches(graph_, b, state_.answers)) {
            target = b.next;
            break;
        }
    if (target.empty()) target = graph_.default_next(from);

    if (target == kReturnTarget) {
        std::string to = unwind_safety(graph_, state_);
        if (to.empty()) return false;
        go_to(to, false);
        return true;
    }
    if (!graph_.find(target)) return false;

    bool entering_safety = !state_.in_safety() && is_safety_step(target);
    std::string return_to;
    if (entering_safety) {
        // Flow sent the reader to the grounding path: "@return" continues where `from` would
        // have gone by default. When that default is the path itself (`next` points at it),
        // the only sensible place is the step they were on.
        return_to = graph_.default_next(from);
        if (return_to.empty() || !graph_.find(return_to) || is_safety_step(return_to)) return_to = from.id;
    }
    go_to(target, true);
    if (entering_safety) {
        state_.return_to = return_to;
        state_.safety_entered_at = static_cast<int>(state_.history.size());
    }
    return true;
}

bool Session::set_text(const std::string& text) {
    const Step* step = graph_.find(state_.current);
    if (!step || step->kind != StepKind::Text) return false;
    Answer& a = state_.answers[step->id];
    a.skipped = false;
    // Never shorter than words already kept: two tabs' words kept together (sync()) may run
    // past the limit, and the next keystroke must not cut them off.
    a.text = clip_code_points(text, std::max(step->max_length, code_points(a.text)));
    a.at_ms = clock_();
    save();
    return true;
}

bool Session::choose(const std::string& choice_id) {
    const Step* step = graph_.find(state_.current);
    if (!step || step->kind != StepKind::Choice) return false;
    bool known = std::any_of(step->choices.begin(), step->choices.end(), [&](const Choice& c) { return c.id == choice_id; });
    if (!known) return false;
    Answer& a = state_.answers[step->id];
    if (step->multiple) {
        // Kept in the order of the options; ids of options that no longer exist drop out,
        // since the reader can no longer see (or untick) them.
        std::vector<std::string> chosen;
        for (const Choice& c : step->choices)
            if (a.chose(c.id) != (c.id == choice_id)) chosen.push_back(c.id);
        a.chosen = std::move(chosen);
    } else {
        a.chosen = {choice_id};
        a.other_selected = false;
        a.other.clear();
    }
    a.skipped = false;
    a.at_ms = clock_();
    save();
    return true;
}

bool Session::set_other(bool selected, const std::string& text) {
    const Step* step = graph_.find(state_.current);
    if (!step || step->kind != StepKind::Choice || step->other_label.empty()) return false;
    Answer& a = state_.answers[step->id];
    a.other_selected = selected;
    a.other = selected ? clip_code_points(text, step->max_length) : "";
    if (selected && !step->multiple) a.chosen.clear();
    a.skipped = false;
    a.at_ms = clock_();
    save();
    return true;
}

bool Session::set_scale(int value) {
    const Step* step = graph_.find(state_.current);
    if (!step || step->kind != StepKind::Scale || value < step->scale_min || value > step->scale_max) return false;
    Answer& a = state_.answers[step->id];
    a = Answer{};
    a.number = value;
    a.at_ms = clock_();
    save();
    return true;
}

bool Session::next() {
    const Step* step = graph_.find(state_.current);
    if (!step || step->kind == StepKind::End) return false;
    if (is_question(step->kind) && !answered(*step)) {
        if (step->required) return false;
        // Continue on an unanswered question is a skip, so "skipped" conditions and the
        // journal tell the truth about it.
        return skip();
    }
    bool moved = advance(*step);
    if (moved) save();
    return moved;
}

bool Session::skip() {
    const Step* step = graph_.find(state_.current);
    if (!step || !is_question(step->kind) || step->required) return false;
    // A skip keeps no words: the reader chose not to answer.
    Answer skipped;
    skipped.skipped = true;
    skipped.at_ms = clock_();
    state_.answers[step->id] = skipped;
    bool moved = advance(*step);
    save();
    return moved;
}

bool Session::stop_here() {
    const Step* step = graph_.find(state_.current);
    if (!step || step->stop.empty() || !graph_.find(step->stop)) return false;
    go_to(step->stop, true);
    save();
    return true;
}

bool Session::back() {
    if (state_.history.empty()) return false;
    const Step* step = graph_.find(state_.current);
    if (step && step->kind == StepKind::End) state_.finished_ms = 0;  // not finished while they revisit
    state_.current = state_.history.back();
    state_.history.pop_back();
    if (state_.in_safety() && static_cast<int>(state_.history.size()) < state_.safety_entered_at) {
        state_.return_to.clear();
        state_.safety_entered_at = -1;
    }
    save();
    return true;
}

bool Session::enter_safety() {
    if (state_.in_safety() || state_.current.empty() || !graph_.find(exercise_.safety.step)) return false;
    if (is_safety_step(state_.current)) return false;  // already on the grounding path
    state_.return_to = state_.current;
    go_to(exercise_.safety.step, true);
    state_.safety_entered_at = static_cast<int>(state_.history.size());
    save();
    return true;
}

bool Session::leave_safety() {
    std::string to = unwind_safety(graph_, state_);
    if (to.empty()) return false;
    go_to(to, false);
    save();
    return true;
}

}  // namespace tend
