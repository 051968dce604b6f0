// Tend: weaving earlier answers into later text.
//
// "you noticed {{which_part|a part of you}} pushing back" → the reader's answer to
// `which_part`, or "a part of you" when it was skipped. A placeholder without a fallback
// ({{kind_phrase}}) becomes "" when there is no answer, so authors are nudged (by the
// validator) to give one wherever an answer may be missing.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace tend {

struct Placeholder {
    std::string step;       // the id inside the braces, trimmed
    std::string fallback;   // after '|', trimmed; "" when none
    bool has_fallback = false;
    size_t begin = 0, end = 0;  // byte range of "{{…}}" in the source text
};

// Every placeholder in text, in order. A "{{" without a closing "}}" is reported through
// `unclosed` (byte offset) when non-null, and the rest of the text is treated as plain.
std::vector<Placeholder> find_placeholders(const std::string& text, size_t* unclosed = nullptr);

// Replaces each placeholder with lookup(step) or, when that returns "", its fallback.
std::string interpolate(const std::string& text, const std::function<std::string(const std::string&)>& lookup);

}  // namespace tend
