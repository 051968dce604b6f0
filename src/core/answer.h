// Tend: a reader's answer to one question, and the set of answers so far.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace tend {

struct Exercise;
struct Step;

// One answer. Which fields mean something depends on the step kind:
//   text   → text
//   choice → chosen (option ids, in the order of the options) and other (the reader's own words)
//   scale  → number
// A skipped question keeps skipped = true and no value.
//
// other_selected is separate from `other` because a reader taps "something else" before
// typing: the choice must show it selected (and survive a reload) while the words are
// still empty. In a saved session it is the presence of the "other" field.
struct Answer {
    bool skipped = false;
    std::string text;
    std::vector<std::string> chosen;
    std::string other;
    bool other_selected = false;
    int number = -1;
    int64_t at_ms = 0;  // when it was given (ms since the Unix epoch)

    // Whether the option with this id is among those chosen.
    bool chose(const std::string& option_id) const {
        for (const std::string& id : chosen)
            if (id == option_id) return true;
        return false;
    }
    bool operator==(const Answer& o) const {
        return skipped == o.skipped && text == o.text && chosen == o.chosen && other == o.other &&
               other_selected == o.other_selected && number == o.number && at_ms == o.at_ms;
    }
};

// Keyed by step id. std::map keeps serialization stable (same answers → same bytes).
using Answers = std::map<std::string, Answer>;

// How an answer reads when woven into later text or reflected among the reader's words at the end:
// text as typed, choices by their phrase ("a critic and a protector"), "other" words as typed,
// a scale as its number. Returns "" for a skipped or empty answer.
std::string answer_as_text(const Step& step, const Answer& answer, const std::string& language);

// The reader's answer to the exercise's step `id` as answer_as_text reads it; "" when there is
// none, or no such step. What "{{id}}" in a later text becomes (interpolate.h).
std::string answer_text(const Exercise& exercise, const Answers& answers, const std::string& id);

// The heading the reader's words to a question go under where they are reflected (at the end,
// in an export): its reflect_label, or else its prompt, as written (interpolate it).
const std::string& reflection_heading(const Step& question);

// True when the answer holds something the reader gave: text that isn't only spaces, at least
// one option or their own words, a scale value. A skipped answer is never given. The one
// definition of "answered" used by branches, required questions and the journal.
bool answer_given(const Step& step, const Answer& answer);

}  // namespace tend
