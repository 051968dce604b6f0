// Tend: small text helpers shared by the engine, kept in one place so the files that need
// them agree (they were copied file to file before). Plain byte work on UTF-8 strings: no
// locale, no allocation beyond the result, nothing that can throw.
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
