// Tend: the exercise model (version 1 of the exercise format).
//
// An Exercise is immutable data, read from a JSON file by load_exercise() (validator.h).
// It knows nothing about a reader's answers: those live in a Session (session.h).
// The format is documented in docs/exercise-format.md; exercises/schema.json mirrors it
// for authors' editors.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tend {

// Special `next` targets. A step id can never start with '@', so these can't collide.
inline constexpr const char* kReturnTarget = "@return";  // leave the safety path, back to where the reader was

enum class StepKind { Say, Text, Choice, Scale, Pause, End };

const char* step_kind_name(StepKind kind);                      // "say", "text", ...
bool step_kind_from_name(const std::string& name, StepKind* out);

// A step kind that asks the reader something (and so can be answered or skipped).
inline bool is_question(StepKind k) { return k == StepKind::Text || k == StepKind::Choice || k == StepKind::Scale; }

// One option of a `choice` step.
struct Choice {
    std::string id;
    std::string label;   // what the button says
    std::string phrase;  // how the option reads when woven into later text; defaults to label
};

// A test on an earlier answer. Exactly one test field is set per condition (the validator
// guarantees it). `rose_from` compares two scale answers: true when `step`'s value is greater
// than `rose_from`'s value (both answered).
struct Condition {
    enum class Test { Equals, Includes, AtLeast, AtMost, Answered, Skipped, RoseFrom };
    std::string step;
    Test test = Test::Answered;
    std::string text;  // Equals (choice id or exact text), Includes (choice id), RoseFrom (other step id)
    int number = 0;    // AtLeast, AtMost, Equals on a scale
    bool flag = true;  // Answered, Skipped: the expected truth
};

// A conditional jump: when all of `when` hold, go to `next`. Branches are tried in order;
// the first that matches wins, otherwise the step's `next` (or the following step) applies.
struct Branch {
    std::vector<Condition> when;
    std::string next;
};

// How a `pause` step offers its breathing pacer.
enum class Breathing : uint8_t {
    Guided,   // the pacer starts by itself (format 1's first pauses)
    Offered,  // the pacer is there, still, until the reader chooses to breathe with it
    None,     // a quiet pause: no pacer, no breathing cues
};

struct Step {
    std::string id;
    StepKind kind = StepKind::Say;

    std::vector<std::string> text;  // say, pause, end, summary: paragraphs (may hold {{id|fallback}})
    std::string prompt;             // text, choice, scale: the question (may hold {{…}})
    std::string hint;               // text, choice: an example or gentle nudge shown under the prompt
    int max_length = 1000;          // text: the longest reply, in characters (code points)
    bool required = false;          // questions are skippable unless the author says otherwise
    // Questions: whether the answer is among the reader's words at the end and in what they
    // keep (a check-in's "keep going" is not), and under what heading ("" → the question).
    bool reflect = true;
    std::string reflect_label;

    std::vector<Choice> choices;    // choice
    bool multiple = false;          // choice: more than one may be chosen
    std::string other_label;        // choice: non-empty → offer "something else, in my words"

    int scale_min = 0, scale_max = 10;       // scale (format v1 fixes 0–10)
    std::string min_label, max_label;        // scale: words at both ends
    std::string stop;                        // scale: the end "I'd like to stop here" leads to ("" → not offered)

    int seconds = 0;                // pause: how long the resting pause lasts
    Breathing breathing = Breathing::Guided;  // pause

    // end: a quiet close, for a reader who stopped because it was a lot: no call to action, their
    // words folded away (one tap shows them), the crisis lines offered.
    bool quiet = false;


    std::string next;               // "" → the following step in the file
    std::vector<Branch> branches;

    // Where the step sits in the file, for error messages: "/steps/4".
    int index = -1;
};

struct Resource {
    std::string label;  // "988 Suicide & Crisis Lifeline"
    std::string text;   // "Call or text 988 (US)."
    std::string link;   // optional: "tel:988", "https://…"
};

struct Safety {
    std::string step;                // the first step of the grounding path
    std::vector<Resource> resources; // the exercise's own crisis resources, beside the reader's region's (optional)
};

struct Exercise {
    std::string id;
    std::string version;
    std::string language;   // BCP 47, e.g. "en", "es"
    std::string title;
    int minutes = 0;
    std::string intro;
    std::string disclaimer;
    std::string content_note;  // optional: what the exercise touches on, shown before starting
    std::vector<std::string> sources;  // optional: what it draws on ("The Self-Compassion Break (Neff)")
    Safety safety;
    std::vector<Step> steps;

    // Lookups. Return nullptr / -1 when the id is unknown. Each scans the steps, which is
    // fine for one lookup; code that looks steps up in a loop uses a StepGraph (step_graph.h).
    const Step* find(const std::string& step_id) const;
    int index_of(const std::string& step_id) const;

    // Where flow goes from a step when no branch matches: its `next`, else the following step.
    // Returns "" when there is nothing after it (only valid after an `end`).
    std::string default_next(const Step& step) const;
};

}  // namespace tend
