// Tend: what each condition test means (see conditions.h).
#include "conditions.h"

#include <cstdint>

#include "text.h"

namespace tend {

namespace {

// Decodes one UTF-8 code point at s[i], advancing i. Malformed bytes come back as
// themselves (one byte each), which is enough for comparing.
uint32_t next_code_point(const std::string& s, size_t& i) {
    unsigned char c = static_cast<unsigned char>(s[i++]);
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    uint32_t cp = extra == 3 ? (c & 0x07) : extra == 2 ? (c & 0x0F) : extra == 1 ? (c & 0x1F) : c;
    for (int k = 0; k < extra; k++) {
        if (i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) return c;
        cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
    }
    return cp;
}

// Lower case for the scripts an exercise is likely to be written in (Latin, Greek,
// Cyrillic). Not full Unicode case folding: enough that "Tired" equals "tired" and
// "CANSADA" equals "cansada" in an author's `equals` test.
uint32_t fold_case(uint32_t cp) {
    if (cp >= 'A' && cp <= 'Z') return cp + 32;
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;                 // À–Þ
    if (cp >= 0x100 && cp <= 0x137 && cp % 2 == 0) return cp + 1;               // Ā–ķ
    if (cp >= 0x139 && cp <= 0x148 && cp % 2 == 1) return cp + 1;               // Ĺ–ň
    if (cp >= 0x14A && cp <= 0x177 && cp % 2 == 0) return cp + 1;               // Ŋ–ŷ
    if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) return cp + 32;              // Α–Ϋ
    if (cp >= 0x410 && cp <= 0x42F) return cp + 32;                             // А–Я
    if (cp >= 0x400 && cp <= 0x40F) return cp + 80;                             // Ѐ–Џ
    return cp;
}

bool equal_ignoring_case(const std::string& a, const std::string& b) {
    size_t i = 0, j = 0;
    while (i < a.size() && j < b.size())
        if (fold_case(next_code_point(a, i)) != fold_case(next_code_point(b, j))) return false;
    return i == a.size() && j == b.size();
}

template <class Steps>
bool matches(const Steps& steps, const Branch& branch, const Answers& answers) {
    auto given = [&](const std::string& step_id, const Step** step, const Answer** answer) {
        *step = steps.find(step_id);
        auto it = answers.find(step_id);
        *answer = it == answers.end() ? nullptr : &it->second;
        return *step && *answer && answer_given(**step, **answer);
    };
    for (const Condition& c : branch.when) {
        const Step* step = nullptr;
        const Answer* a = nullptr;
        bool has = given(c.step, &step, &a);
        // "other" as an option id stands for the reader's own words.
        bool own_words = has && a->other_selected && !trimmed(a->other).empty();
        bool holds = false;
        switch (c.test) {
            case Condition::Test::Answered: holds = has == c.flag; break;
            case Condition::Test::Skipped: holds = (a && a->skipped) == c.flag; break;
            case Condition::Test::Equals:
                if (!has) break;
                if (step->kind == StepKind::Scale) holds = a->number == c.number;
                else if (step->kind == StepKind::Text) holds = equal_ignoring_case(trimmed(a->text), trimmed(c.text));
                else if (step->kind == StepKind::Choice)
                    holds = c.text == "other" ? own_words && a->chosen.empty()
                                              : !own_words && a->chosen.size() == 1 && a->chosen[0] == c.text;
                break;
            case Condition::Test::Includes:
                if (has && step->kind == StepKind::Choice) holds = c.text == "other" ? own_words : a->chose(c.text);
                break;
            case Condition::Test::AtLeast: holds = has && step->kind == StepKind::Scale && a->number >= c.number; break;
            case Condition::Test::AtMost: holds = has && step->kind == StepKind::Scale && a->number <= c.number; break;
            case Condition::Test::RoseFrom: {
                const Step* before_step = nullptr;
                const Answer* before = nullptr;
                holds = has && step->kind == StepKind::Scale && given(c.text, &before_step, &before) &&
                        before_step->kind == StepKind::Scale && a->number > before->number;
                break;
            }
        }
        if (!holds) return false;
    }
    return true;
}

}  // namespace

bool branch_matches(const Exercise& steps, const Branch& branch, const Answers& answers) {
    return matches(steps, branch, answers);
}

bool branch_matches(const StepGraph& steps, const Branch& branch, const Answers& answers) {
    return matches(steps, branch, answers);
}

}  // namespace tend
