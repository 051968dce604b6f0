// libFuzzer: the engine's JSON reader (json_tree.h) against nlohmann/json on the same bytes.
// They must agree on what is JSON, and on every value, except where Tend is stricter on
// purpose: its caps (bytes, depth, values), a key given twice, a number beyond a double's
// range. Those are worked out here from nlohmann's own reading, so a difference anywhere
// else is a bug in one of them, and aborts. (nlohmann also stops reading at a NUL byte, so
// it takes "[]\0anything"; a raw NUL is never JSON, and Tend refuses it wherever it is.)
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "json_tree.h"

namespace {

using Json = nlohmann::json;

// nlohmann's SAX events, noting what Tend refuses that nlohmann takes.
struct Stricter {
    int depth = 0, max_depth = 0;
    size_t values = 0;
    bool duplicate = false, infinite = false;
    std::vector<std::set<std::string>> keys;  // of each open object (arrays get an empty one)

    bool value() { values++; return true; }
    bool null() { return value(); }
    bool boolean(bool) { return value(); }
    bool number_integer(Json::number_integer_t) { return value(); }
    bool number_unsigned(Json::number_unsigned_t) { return value(); }
    bool number_float(Json::number_float_t v, const Json::string_t&) {
        if (!std::isfinite(v)) infinite = true;
        return value();
    }
    bool string(Json::string_t&) { return value(); }
    bool binary(Json::binary_t&) { return value(); }
    bool open() {
        value();
        keys.emplace_back();
        if (++depth > max_depth) max_depth = depth;
        return true;
    }
    bool start_object(std::size_t) { return open(); }
    bool start_array(std::size_t) { return open(); }
    bool key(Json::string_t& k) {
        if (!keys.back().insert(k).second) duplicate = true;
        return true;
    }
    bool end_object() { keys.pop_back(); depth--; return true; }
    bool end_array() { keys.pop_back(); depth--; return true; }
    template <class E>
    bool parse_error(std::size_t, const std::string&, const E&) { return false; }
};

[[noreturn]] void disagree(const char* what, const std::string& text) {
    std::fprintf(stderr, "json_reader: %s\n  input (%zu bytes): %.200s\n", what, text.size(), text.c_str());
    std::abort();
}

bool same(const tend::JsonNode& ours, const Json& theirs) {
    using T = tend::JsonNode::Type;
    switch (theirs.type()) {
        case Json::value_t::null: return ours.type() == T::Null;
        case Json::value_t::boolean: return ours.if_boolean() && *ours.if_boolean() == theirs.get<bool>();
        case Json::value_t::number_integer: return ours.if_integer() && *ours.if_integer() == theirs.get<int64_t>();
        case Json::value_t::number_unsigned: return ours.if_unsigned() && *ours.if_unsigned() == theirs.get<uint64_t>();
        case Json::value_t::number_float: {
            if (!ours.if_float()) return false;
            const double a = *ours.if_float(), b = theirs.get<double>();
            return std::memcmp(&a, &b, sizeof a) == 0;  // the same double, bit for bit (and -0 apart from 0)
        }
        case Json::value_t::string: return ours.if_string() && *ours.if_string() == theirs.get_ref<const std::string&>();
        case Json::value_t::array: {
            if (!ours.is_array() || ours.size() != theirs.size()) return false;
            for (size_t i = 0; i < ours.size(); i++)
                if (!same(ours[i], theirs[i])) return false;
            return true;
        }
        case Json::value_t::object: {
            if (!ours.is_object() || ours.size() != theirs.size()) return false;
            const tend::JsonNode* member = ours.children().begin();
            for (auto it = theirs.begin(); it != theirs.end(); ++it, ++member)  // both in key order
                if (member->key() != it.key() || !same(*member, it.value()) || ours.find(it.key()) != member) return false;
            return true;
        }
        default: return false;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const tend::JsonTreeParse ours = tend::parse_json_tree(text);

    Stricter stricter;
    const bool theirs_ok = Json::sax_parse(text, &stricter, Json::input_format_t::json, /*strict=*/true, /*ignore_comments=*/false);
    const bool tend_should_accept = theirs_ok && text.find('\0') == std::string::npos && text.size() <= tend::kMaxJsonBytes && stricter.max_depth <= tend::kMaxJsonDepth &&
                                    stricter.values <= tend::kMaxJsonValues && !stricter.duplicate && !stricter.infinite;
    if (ours.ok != tend_should_accept) disagree(ours.ok ? "Tend accepts what it should refuse" : "Tend refuses what it should accept", text);
    if (!ours.ok) {
        if (ours.error.empty()) disagree("a refusal without a reason", text);
        if (!ours.tree.root().is_null()) disagree("a refusal with a tree", text);
        return 0;
    }
    const Json theirs = Json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (theirs.is_discarded()) disagree("nlohmann's DOM parse refused what its SAX parse took", text);
    if (!same(ours.tree.root(), theirs)) disagree("the trees differ", text);
    return 0;
}
