#include "content_hash.h"

#include "json_tree.h"
#include "json_write.h"
#include "sha256.h"

namespace tend {

namespace {

// The canonical form: objects' members in key order (the tree keeps them so), no spaces,
// strings escaped as every JSON Tend writes (json_write.h). Exercises hold only whole numbers;
// a fraction makes the document one no exercise is, and gives no form.
bool write_canonical(const JsonNode& n, JsonWriter& out) {
    switch (n.type()) {
        case JsonNode::Type::Null: out.raw("null"); return true;
        case JsonNode::Type::Boolean: out.boolean(*n.if_boolean()); return true;
        case JsonNode::Type::Integer: out.integer(*n.if_integer()); return true;
        case JsonNode::Type::Unsigned: out.raw(std::to_string(*n.if_unsigned())); return true;
        case JsonNode::Type::Float: return false;
        case JsonNode::Type::String: out.str(*n.if_string()); return true;
        case JsonNode::Type::Array:
            out.begin('[');
            for (const JsonNode& item : n.children())
                if (!write_canonical(item, out)) return false;
            out.end(']');
            return true;
        case JsonNode::Type::Object:
            out.begin();
            for (const JsonNode& member : n.children()) {
                out.key(member.key());
                if (!write_canonical(member, out)) return false;
            }
            out.end();
            return true;
    }
    return false;
}

}  // namespace

std::string content_hash(const std::string& exercise_text) {
    JsonTreeParse parsed = parse_json_tree(exercise_text);
    if (!parsed.ok) return "";
    JsonWriter canonical;
    if (!write_canonical(parsed.tree.root(), canonical)) return "";
    return sha256_hex(canonical.text());
}

}  // namespace tend
