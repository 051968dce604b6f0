#include "content_hash.h"

#include "json_guard.h"
#include "sha256.h"

namespace tend {

std::string content_hash(const std::string& exercise_text) {
    JsonParse parsed = parse_json_guarded(exercise_text);
    if (!parsed.ok) return "";
    return sha256_hex(dump_json(parsed.value));
}

}  // namespace tend
