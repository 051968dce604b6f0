// Tend: small text helpers shared by the engine, kept in one place so the files that need
// them agree. Plain byte work on UTF-8 strings: no locale, no allocation beyond the result,
// nothing that can throw.
#pragma once

#include <cstddef>
#include <string>

namespace tend {

// The six ASCII whitespace characters of the "C" locale's isspace(), without calling it: its
// answer for bytes over 0x7F depends on the locale, and a reader's UTF-8 must not be cut.
inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Surrounding whitespace (is_space) removed; everything inside stays as typed. A reply woven
// into "You wrote: {{x}}." shouldn't carry the reader's trailing newline into the sentence,
// and a reply of only spaces counts as no reply.
inline std::string trimmed(const std::string& s) {
    size_t a = 0, b = s.size();
    while (a < b && is_space(s[a])) a++;
    while (b > a && is_space(s[b - 1])) b--;
    return s.substr(a, b - a);
}

// Lengths are in characters as a reader sees them (code points), not bytes: a limit must not
// be stricter for "für" than for "fur". Counts the bytes that aren't UTF-8 continuations.
inline size_t code_points(const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) n++;
    return n;
}

// The length of the well-formed UTF-8 sequence starting at p (Unicode's table 3-7, which
// nlohmann's lexer and serializer follow too), or 0 when there isn't one there: no overlong
// forms, no surrogates, nothing past U+10FFFF, nothing cut short by `end`.
inline size_t utf8_sequence_length(const unsigned char* p, const unsigned char* end) {
    auto in = [&](std::ptrdiff_t i, unsigned lo, unsigned hi) { return end - p > i && p[i] >= lo && p[i] <= hi; };
    const unsigned c = p[0];
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return in(1, 0x80, 0xBF) ? 2 : 0;
    if (c == 0xE0) return in(1, 0xA0, 0xBF) && in(2, 0x80, 0xBF) ? 3 : 0;
    if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) return in(1, 0x80, 0xBF) && in(2, 0x80, 0xBF) ? 3 : 0;
    if (c == 0xED) return in(1, 0x80, 0x9F) && in(2, 0x80, 0xBF) ? 3 : 0;
    if (c == 0xF0) return in(1, 0x90, 0xBF) && in(2, 0x80, 0xBF) && in(3, 0x80, 0xBF) ? 4 : 0;
    if (c >= 0xF1 && c <= 0xF3) return in(1, 0x80, 0xBF) && in(2, 0x80, 0xBF) && in(3, 0x80, 0xBF) ? 4 : 0;
    if (c == 0xF4) return in(1, 0x80, 0x8F) && in(2, 0x80, 0xBF) && in(3, 0x80, 0xBF) ? 4 : 0;
    return 0;
}

// "262,144": sizes, counts and limits in messages read better with separators.
inline std::string with_commas(size_t n) {
    std::string digits = std::to_string(n), out;
    for (size_t i = 0; i < digits.size(); i++) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

}  // namespace tend
