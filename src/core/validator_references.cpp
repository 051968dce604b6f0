// Tend: the validator's reference checks (see validator_detail.h, References).
//
// Every `next`, branch target, condition and safety.step must name a step
// that exists, and one of the right kind; a misspelt id gets a "did you mean".
#include "validator_detail.h"

namespace tend {
namespace validator_detail {

namespace {

const char* tests_for(StepKind kind) {
    switch (kind) {
        case StepKind::Choice: return "equals, includes, answered or skipped";
        case StepKind::Scale: return "equals, at_least, at_most, rose_from, answered or skipped";
        default: return "equals, answered or skipped";
    }
}

}  // namespace

References::References(const FlowContext& flow) : flow_(flow), ids_(flow.notes.first_with_id) {
    all_ids_.reserve(flow.size());
    question_ids_.reserve(flow.size());
    for (size_t i = 0; i < flow.size(); i++) {
        const std::string& id = flow.ex.steps[i].id;
        if (id.empty()) continue;
        all_ids_.add(id);
        if (flow.known_question(static_cast<int>(i))) question_ids_.add(id);
    }
}

int References::resolve_or_guess(const std::string& id) {
    int i = resolve(id);
    if (i >= 0) return i;
    return step_for(id);
}

int References::step_for(const std::string& unknown_id) {
    const std::string* near = guess(unknown_id, all_ids_);
    return near ? resolve(*near) : -1;
}

// closest_to(), remembered, and given up after a while: a hostile file can hold thousands of
// broken references.
const std::string* References::guess(const std::string& id, const Candidates& candidates) {
    std::string key = (&candidates == &all_ids_ ? "a:" : "q:") + id;
    auto it = guesses_.find(key);
    if (it != guesses_.end()) return it->second;
    if (guess_budget_ == 0) return nullptr;
    guess_budget_--;
    return guesses_[key] = candidates.closest_to(id);
}

void References::no_such_step(const Path& path, const std::string& id, const Candidates& candidates) {
    const std::string* near = guess(id, candidates);
    std::string message = "there is no step " + in_quotes(id) + (near ? " (did you mean \"" + *near + "\"?)" : "");
    if (!id.empty() && id[0] == '@') message += " (the only target starting with \"@\" is \"@return\")";
    flow_.add(path, message);
}

int References::question_ref(const Path& path, const std::string& id, const char* use) {
    int q = resolve(id);
    if (q < 0) {
        no_such_step(path, id, question_ids_);
        return -1;
    }
    if (!flow_.note(q).kind_ok) return -1;
    if (!is_question(flow_.step(q).kind)) {
        flow_.add(path, in_quotes(id) + " is " + a_kind_step(flow_.step(q).kind) + ", which asks nothing; only text, choice and scale steps have answers to " + use);
        return -1;
    }
    return q;
}

void References::check_target(const Path& path, const std::string& id) {
    if (id != kReturnTarget && resolve(id) < 0) no_such_step(path, id, all_ids_);
}

// A scale's `stop` leads straight to an end: the reader who stops there is done for today.
void References::check_stop(const Path& path, const std::string& id) {
    const int to = resolve(id);
    if (to < 0) return no_such_step(path, id, all_ids_);
    const Step& s = flow_.ex.steps[static_cast<size_t>(to)];
    if (s.kind != StepKind::End)
        flow_.add(path, in_quotes(id) + " is " + a_kind_step(s.kind) + "; \"I'd like to stop here\" must lead straight to an end step");
}

void References::check() {
    if (flow_.notes.safety_step_ok) {
        const std::string& id = flow_.ex.safety.step;
        if (id == kReturnTarget) flow_.add("/safety/step", "must name the first step of the grounding path, not \"@return\"");
        else if (resolve(id) < 0) no_such_step(Path(Path(flow_.root, "safety"), "step"), id, all_ids_);
        else if (resolve(id) == 0)
            flow_.add("/safety/step", "the grounding path can't start at the first step of the exercise: every reader would begin on it");
    }
    for (size_t i = 0; i < flow_.size(); i++) {
        const Step& s = flow_.ex.steps[i];
        const StepNote& sn = flow_.notes.steps[i];
        const Path at = flow_.step_path(static_cast<int>(i)), branches(at, "branches");
        if (sn.has_next) check_target(Path(at, "next"), s.next);
        for (size_t b = 0; b < s.branches.size(); b++) {
            const Path bp(branches, b), when(bp, "when");
            for (size_t c = 0; c < s.branches[b].when.size(); c++)
                if (sn.branches[b].when[c].ok) check_condition(s.branches[b].when[c], sn.branches[b].when[c], Path(when, c));
            if (sn.branches[b].next_ok) check_target(Path(bp, "next"), s.branches[b].next);
        }
        if (!s.stop.empty()) check_stop(Path(at, "stop"), s.stop);
    }
}

// An option id a condition tests: one of the step's options, or "other" when offered.
void References::check_option(const Path& path, const Step& q, const std::string& option) {
    if (option == "other") {
        if (q.other_label.empty())
            flow_.add(path, in_quotes(q.id) + " doesn't offer \"other\" (the reader's own words); add \"other\": { \"label\": … } to it, or test one of its options");
        return;
    }
    std::vector<std::string> ids;
    for (const Choice& c : q.choices) {
        if (c.id == option) return;
        if (!c.id.empty()) ids.push_back(c.id);
    }
    std::string suggestion = did_you_mean(option, ids);
    flow_.add(path, in_quotes(q.id) + " has no option " + in_quotes(option) +
                  (suggestion.empty() ? "; its options are " + in_quotes_list(ids) : suggestion));
}

void References::check_condition(const Condition& c, const ConditionNote& cn, const Path& path) {
    int qi = question_ref(Path(path, "step"), c.step, "test");
    if (qi < 0) return;
    const Step& q = flow_.step(qi);
    const Path at(path, cn.test_field);
    auto only_for = [&](const char* kinds) {
        flow_.add(at, in_quotes(cn.test_field) + " only applies to " + kinds + " steps; " + in_quotes(q.id) + " is " +
                    a_kind_step(q.kind) + " (use " + tests_for(q.kind) + ")");
    };
    switch (c.test) {
        case Condition::Test::Equals:
            if (q.kind == StepKind::Scale && !cn.equals_number)
                flow_.add(at, in_quotes(q.id) + " is a scale step, so \"equals\" takes a number from 0 to 10");
            else if (q.kind != StepKind::Scale && cn.equals_number)
                flow_.add(at, in_quotes(q.id) + " is " + a_kind_step(q.kind) + ", so \"equals\" takes " +
                            (q.kind == StepKind::Choice ? "an option id" : "text in quotes") + ", not a number");
            else if (q.kind == StepKind::Choice) check_option(at, q, c.text);
            break;
        case Condition::Test::Includes:
            if (q.kind != StepKind::Choice) only_for("choice");
            else check_option(at, q, c.text);
            break;
        case Condition::Test::AtLeast:
        case Condition::Test::AtMost:
            if (q.kind != StepKind::Scale) only_for("scale");
            break;
        case Condition::Test::RoseFrom: {
            if (q.kind != StepKind::Scale) {
                only_for("scale");
                break;
            }
            int other = resolve(c.text);
            if (other < 0) no_such_step(at, c.text, question_ids_);
            else if (other == qi) flow_.add(at, "compares " + in_quotes(q.id) + " with itself; name the earlier scale step to compare with");
            else if (flow_.note(other).kind_ok && flow_.step(other).kind != StepKind::Scale)
                flow_.add(at, "\"rose_from\" compares two scale steps, but " + in_quotes(c.text) + " is " + a_kind_step(flow_.step(other).kind));
            break;
        }
        case Condition::Test::Answered:
        case Condition::Test::Skipped: break;
    }
}

}  // namespace validator_detail
}  // namespace tend
