// Tend: parsing untrusted JSON without trusting it.
//
// Exercise files and stored sessions both arrive from outside (a URL, localStorage that
// any script on the page can write). Size and nesting are checked on the raw bytes, before
// a tree is built, so hostile input can't exhaust memory or the stack. Parsing never
// throws, even in builds with exceptions disabled.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace tend {

inline constexpr size_t kMaxJsonBytes = 256 * 1024;
inline constexpr int kMaxJsonDepth = 64;

struct JsonParse {
    nlohmann::json value;  // null unless ok
    bool ok = false;
    std::string error;     // plain message, with line and column for syntax errors
};

JsonParse parse_json_guarded(const std::string& text, size_t max_bytes = kMaxJsonBytes, int max_depth = kMaxJsonDepth);

// Serializes without throwing: invalid UTF-8 in strings is replaced, never fatal.
std::string dump_json(const nlohmann::json& value, int indent = -1);

// Appends `s` as a JSON string, byte for byte as dump_json() writes it. For writers that
// know their output's shape and need no tree (a session is saved on every tap).
void append_json_string(std::string& out, const std::string& s);

// The length of the well-formed UTF-8 sequence starting at p (Unicode's table 3-7, which
// nlohmann's lexer and serializer follow too), or 0 when there isn't one there: no overlong
// forms, no surrogates, nothing past U+10FFFF, nothing cut short by `end`.
size_t utf8_sequence_length(const unsigned char* p, const unsigned char* end);

}  // namespace tend
