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
struct Answer {
    bool skipped = false;
    std::string text;
    std::vector<std::string> chosen;
    std::string other;
    int number = -1;
    int64_t at_ms = 0;  // when it was given (ms since the Unix epoch)

    bool operator==(const Answer& o) const {
        return skipped == o.skipped && text == o.text && chosen == o.chosen && other == o.other &&
               number == o.number && at_ms == o.at_ms;
    }
};

// Keyed by step id. std::map keeps serialization stable (same answers → same bytes).
using Answers = std::map<std::string, Answer>;

// How an answer reads when woven into later text or reflected in a summary:
// text as typed, choices by their phrase ("a critic and a protector"), "other" words as typed,
// a scale as its number. Returns "" for a skipped or empty answer.
std::string answer_as_text(const Step& step, const Answer& answer, const std::string& language);

}  // namespace tend
