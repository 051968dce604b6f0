// nlohmann/json, for the tests only: the reference that the engine's own reader and writer
// (json_tree.h, json_write.h) are checked against, and a quick way to build documents. The
// widget never links it.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace tend {

struct ReferenceParse {
    nlohmann::json value;  // null unless ok
    bool ok = false;
};

// nlohmann's strict parse, without exceptions.
inline ReferenceParse reference_parse(const std::string& text) {
    ReferenceParse out;
    out.value = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    out.ok = !out.value.is_discarded();
    if (!out.ok) out.value = nullptr;
    return out;
}

// nlohmann's serializer as the engine's writer mirrors it: invalid UTF-8 replaced, not escaped to ASCII.
inline std::string dump_json(const nlohmann::json& value, int indent = -1) {
    return value.dump(indent, ' ', /*ensure_ascii=*/false, nlohmann::json::error_handler_t::replace);
}

}  // namespace tend
