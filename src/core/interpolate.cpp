#include "interpolate.h"

namespace tend {

static std::string trim(const std::string& s) {
    size_t a = 0, b = s.size();
    while (a < b && (s[a] == ' ' || s[a] == '\t')) a++;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t')) b--;
    return s.substr(a, b - a);
}

std::vector<Placeholder> find_placeholders(const std::string& text, size_t* unclosed) {
    std::vector<Placeholder> out;
    if (unclosed) *unclosed = std::string::npos;
    size_t pos = 0;
    while ((pos = text.find("{{", pos)) != std::string::npos) {
        size_t close = text.find("}}", pos + 2);
        if (close == std::string::npos) {
            if (unclosed) *unclosed = pos;
            break;
        }
        Placeholder p;
        std::string inner = text.substr(pos + 2, close - pos - 2);
        size_t bar = inner.find('|');
        p.step = trim(inner.substr(0, bar));
        if (bar != std::string::npos) {
            p.has_fallback = true;
            p.fallback = trim(inner.substr(bar + 1));
        }
        p.begin = pos;
        p.end = close + 2;
        out.push_back(std::move(p));
        pos = close + 2;
    }
    return out;
}

// Whether `s` ends a sentence itself: . ! ? or …
static bool ends_sentence(const std::string& s) {
    if (s.empty()) return false;
    char c = s.back();
    if (c == '.' || c == '!' || c == '?') return true;
    return s.size() >= 3 && s.compare(s.size() - 3, 3, "\xE2\x80\xA6") == 0;  // U+2026
}

std::string interpolate(const std::string& text, const std::function<std::string(const std::string&)>& lookup) {
    std::vector<Placeholder> found = find_placeholders(text);
    if (found.empty()) return text;
    std::string out;
    out.reserve(text.size() + 32);
    size_t last = 0;
    for (const Placeholder& p : found) {
        out.append(text, last, p.begin - last);
        std::string value = lookup(p.step);
        if (value.empty()) value = p.fallback;
        out += value;
        last = p.end;
        // "Let both parts hear it: {{to_both}}." with a reply that ends in its own full stop
        // (or ! ? …) would read "…belong here..": the reader's punctuation is kept, and the
        // template's full stop is dropped.
        if (last < text.size() && text[last] == '.' && ends_sentence(value)) last++;
    }
    out.append(text, last, std::string::npos);
    return out;
}

}  // namespace tend
