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

// Serializes without throwing: invalid UTF-8 in strings is replaced, never fatal. For the
// tools and tests only: it is nlohmann's serializer, which the widget leaves out (the
// engine's own documents are written by json_write.h, to the same bytes). Inline, so only
// what calls it compiles it.
inline std::string dump_json(const nlohmann::json& value, int indent = -1) {
    return value.dump(indent, ' ', /*ensure_ascii=*/false, nlohmann::json::error_handler_t::replace);
}

}  // namespace tend
