// Tend: how an answer reads when woven into later text.
#include "answer.h"

#include <cctype>

#include "exercise.h"
#include "text.h"

namespace tend {

namespace {

// The word that joins the last two items of a list, by the exercise's primary language
// subtag ("es-MX" → "es"). English is the fallback.
const char* and_word(const std::string& language) {
    std::string primary;
    for (char c : language) {
        if (c == '-' || c == '_') break;
        primary += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    static const struct { const char* lang; const char* word; } kWords[] = {
        {"es", "y"}, {"pt", "e"}, {"it", "e"}, {"fr", "et"}, {"de", "und"}, {"nl", "en"}, {"ca", "i"},
    };
    for (const auto& w : kWords)
        if (primary == w.lang) return w.word;
    return "and";
}

// "a", "a and b", "a, b and c".
std::string join_naturally(const std::vector<std::string>& parts, const std::string& language) {
    std::string out;
    for (size_t i = 0; i < parts.size(); i++) {
        if (i > 0) out += (i + 1 == parts.size()) ? std::string(" ") + and_word(language) + " " : ", ";
        out += parts[i];
    }
    return out;
}

}  // namespace

bool answer_given(const Step& step, const Answer& answer) {
    if (answer.skipped) return false;
    switch (step.kind) {
        case StepKind::Text: return !trimmed(answer.text).empty();
        case StepKind::Choice: return !answer.chosen.empty() || (answer.other_selected && !trimmed(answer.other).empty());
        case StepKind::Scale: return answer.number >= step.scale_min && answer.number <= step.scale_max;
        default: return false;
    }
}

std::string answer_as_text(const Step& step, const Answer& answer, const std::string& language) {
    if (!answer_given(step, answer)) return "";
    switch (step.kind) {
        case StepKind::Text: return trimmed(answer.text);
        case StepKind::Scale: return std::to_string(answer.number);
        case StepKind::Choice: {
            // In the order of the options, whatever order they were tapped in, so the same
            // answers always read the same way; the reader's own words come last.
            std::vector<std::string> parts;
            for (const Choice& c : step.choices)
                for (const std::string& id : answer.chosen)
                    if (id == c.id) {
                        parts.push_back(c.phrase.empty() ? c.label : c.phrase);
                        break;
                    }
            std::string own = answer.other_selected ? trimmed(answer.other) : "";
            if (!own.empty()) parts.push_back(own);
            return join_naturally(parts, language);
        }
        default: return "";
    }
}

std::string answer_text(const Exercise& exercise, const Answers& answers, const std::string& id) {
    const Step* step = exercise.find(id);
    auto it = answers.find(id);
    return step && it != answers.end() ? answer_as_text(*step, it->second, exercise.language) : "";
}

const std::string& reflection_heading(const Step& question) {
    return question.reflect_label.empty() ? question.prompt : question.reflect_label;
}

}  // namespace tend
