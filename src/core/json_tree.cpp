// Tend: a compact, read-only JSON tree (see json_tree.h).
//
// The fast path (JsonTreeBuilder::read_plain) is deliberately narrower than JSON. On anything
// it is not sure of it gives up, and the text goes through parse_json_guarded(), whose tree
// is then copied over:
//   - any syntax error (so every error message is nlohmann's, reworded by json_guard.cpp);
//   - a \u escape (surrogate pairs have rules of their own);
//   - a number with a fraction or exponent, or an integer of more than 18 digits (so it
//     never has to round a number the way nlohmann would);
//   - a byte-order mark, nesting deeper than the limit, malformed UTF-8, control characters;
//   - an object of more than 64 members not already in key order (sorting is nlohmann's job
//     there: this reader only ever sorts a few members, so it needs no big sort).
// So it only ever accepts what nlohmann accepts, and builds the same tree. Recursion is
// bounded by the depth limit, and the text by the size limit before anything is read.

#include "json_tree.h"

#include <algorithm>

#include "text.h"

namespace tend {

const JsonNode* JsonNode::find(std::string_view key) const {
    if (type_ != Type::Object) return nullptr;
    // Most objects have a handful of members, and comparing lengths first rules out nearly
    // all of them at once; a big one is searched by halves, since its members are sorted.
    const JsonNode* end = children_ + count_;
    if (count_ <= 16) {
        // The length and first byte rule out nearly every other key without calling memcmp.
        for (const JsonNode* member = children_; member != end; ++member)
            if (member->key_.size() == key.size() && (key.empty() || (member->key_[0] == key[0] && member->key_ == key)))
                return member;
        return nullptr;
    }
    const JsonNode* it = std::lower_bound(children_, end, key, [](const JsonNode& m, std::string_view k) { return m.key_ < k; });
    return it != end && it->key_ == key ? it : nullptr;
}

namespace {

// Key order, as std::string compares (bytes as unsigned char). The first bytes settle most
// comparisons without a call to memcmp.
bool by_key(const JsonNode& a, const JsonNode& b) {
    const std::string_view x = a.key(), y = b.key();
    if (!x.empty() && !y.empty() && x[0] != y[0]) return static_cast<unsigned char>(x[0]) < static_cast<unsigned char>(y[0]);
    return x < y;
}

// Bytes that stand for themselves in a JSON string with nothing more to check: printable
// ASCII other than '"' and '\\'. A table, because nearly every byte of a file is one.
struct PlainBytes {
    bool at[256];
    constexpr PlainBytes() : at() {
        for (int c = 0x20; c < 0x80; c++) at[c] = c != '"' && c != '\\';
    }
};
constexpr PlainBytes kPlain;

}  // namespace

class JsonTreeBuilder {
public:
    JsonTreeBuilder(JsonTree& tree, int max_depth) : tree_(tree), max_depth_(max_depth) {}

    // The fast path: true when `text` was plain, valid JSON and the tree now holds it.
    bool read_plain(const std::string& text) {
        tree_.text_.assign(text.begin(), text.end());
        p_ = reinterpret_cast<const unsigned char*>(tree_.text_.data());
        end_ = p_ + tree_.text_.size();
        space();
        if (!value(tree_.root_, 0)) return false;
        space();
        if (p_ != end_) return false;
        link_children();
        return true;
    }

    // The careful path's tree, copied over.
    void copy(const nlohmann::json& from) {
        copy(from, tree_.root_);
        link_children();
    }

private:
    using Json = nlohmann::json;
    using Type = JsonNode::Type;

    // ---- the fast path -------------------------------------------------------------------

    bool at(char c) const { return p_ != end_ && *p_ == static_cast<unsigned char>(c); }
    void space() {
        while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
    }

    bool value(JsonNode& out, int depth) {
        if (p_ == end_) return false;
        switch (*p_) {
            case '{': return object(out, depth + 1);
            case '[': return array(out, depth + 1);
            case '"': out.type_ = Type::String; return string(out.string_);
            case 't': out.type_ = Type::Boolean; out.boolean_ = true; return literal("true");
            case 'f': out.type_ = Type::Boolean; out.boolean_ = false; return literal("false");
            case 'n': out.type_ = Type::Null; return literal("null");
            default: return number(out);
        }
    }

    // Children are read onto a stack and moved to the tree's node array when their parent
    // closes, so each array's or object's children end up side by side there.
    bool object(JsonNode& out, int depth) {
        if (depth > max_depth_) return false;
        out.type_ = Type::Object;
        ++p_;
        space();
        if (at('}')) return ++p_, true;
        const size_t base = stack_.size();
        for (;;) {
            JsonNode member;
            if (!at('"') || !string(member.key_)) return false;
            space();
            if (!at(':')) return false;
            ++p_;
            space();
            if (!value(member, depth)) return false;
            stack_.push_back(member);
            space();
            if (at('}')) break;
            if (!at(',')) return false;
            ++p_;
            space();
        }
        ++p_;
        if (!sort_members(base)) return false;
        take_children(out, base);
        return true;
    }

    bool array(JsonNode& out, int depth) {
        if (depth > max_depth_) return false;
        out.type_ = Type::Array;
        ++p_;
        space();
        if (at(']')) return ++p_, true;
        const size_t base = stack_.size();
        for (;;) {
            JsonNode item;
            if (!value(item, depth)) return false;
            stack_.push_back(item);
            space();
            if (at(']')) break;
            if (!at(',')) return false;
            ++p_;
            space();
        }
        ++p_;
        take_children(out, base);
        return true;
    }

    void take_children(JsonNode& out, size_t base) {
        out.first_ = tree_.nodes_.size();
        out.count_ = stack_.size() - base;
        tree_.nodes_.insert(tree_.nodes_.end(), stack_.begin() + static_cast<std::ptrdiff_t>(base), stack_.end());
        stack_.resize(base);
    }

    // Once the node array has stopped growing, every array and object can point into it.
    void link_children() {
        JsonNode* nodes = tree_.nodes_.data();
        for (JsonNode& n : tree_.nodes_) n.children_ = nodes + n.first_;
        tree_.root_.children_ = nodes + tree_.root_.first_;
    }

    // nlohmann keeps an object's members in a std::map: in key order, one per key, the last
    // one written winning. A stable sort, then keeping the last of each run of equal keys,
    // gives the same. The members are stack_[base ..]. An insertion sort (stable, and quick
    // for a few members or for members already in order, like a saved session's answers)
    // does; a big object out of order is left to nlohmann (false).
    bool sort_members(size_t base) {
        const auto first = stack_.begin() + static_cast<std::ptrdiff_t>(base), last = stack_.end();
        if (last - first > 64 && !std::is_sorted(first, last, by_key)) return false;
        for (auto i = first; i != last; ++i)
            for (auto j = i; j != first && by_key(*j, *(j - 1)); --j) std::swap(*j, *(j - 1));
        auto kept = first;
        for (auto it = first; it != last; ++it) {
            if (it + 1 != last && (it + 1)->key_ == it->key_) continue;  // a later value follows
            *kept++ = *it;
        }
        stack_.erase(kept, last);
        return true;
    }

    // A plain string is a view of the text; one with short escapes (\n, \", …) is decoded
    // into the tree's store.
    bool string(std::string_view& out) {
        ++p_;
        const unsigned char* start = p_;
        if (!plain_run()) return false;
        if (*p_ == '"') {
            out = std::string_view(reinterpret_cast<const char*>(start), static_cast<size_t>(p_ - start));
            ++p_;
            return true;
        }
        std::string decoded(reinterpret_cast<const char*>(start), static_cast<size_t>(p_ - start));
        while (*p_ == '\\') {
            if (++p_ == end_) return false;
            switch (*p_) {
                case '"': decoded += '"'; break;
                case '\\': decoded += '\\'; break;
                case '/': decoded += '/'; break;
                case 'b': decoded += '\b'; break;
                case 'f': decoded += '\f'; break;
                case 'n': decoded += '\n'; break;
                case 'r': decoded += '\r'; break;
                case 't': decoded += '\t'; break;
                default: return false;  // \u: nlohmann's job
            }
            const unsigned char* run = ++p_;
            if (!plain_run()) return false;
            decoded.append(reinterpret_cast<const char*>(run), static_cast<size_t>(p_ - run));
        }
        ++p_;  // the closing quote
        tree_.store_.push_front(std::move(decoded));
        out = tree_.store_.front();
        return true;
    }

    // Moves past bytes that stand for themselves in a string, stopping at '"' or '\\'.
    // False at the end of the text, a control character or malformed UTF-8: all errors.
    bool plain_run() {
        for (;;) {
            while (p_ != end_ && kPlain.at[*p_]) ++p_;
            if (p_ == end_) return false;
            const unsigned char c = *p_;
            if (c == '"' || c == '\\') return true;
            if (c < 0x80) return false;  // a control character
            const size_t n = utf8_sequence_length(p_, end_);
            if (n == 0) return false;
            p_ += n;
        }
    }

    bool literal(const char* word) {
        for (const char* w = word; *w; ++w, ++p_)
            if (p_ == end_ || *p_ != static_cast<unsigned char>(*w)) return false;
        return true;
    }

    // Whole numbers of 1 to 18 digits fit int64 and uint64 alike, so they are read here and
    // stored as nlohmann stores them: unsigned unless there is a minus sign (even "-0").
    bool number(JsonNode& out) {
        const bool negative = at('-');
        if (negative) ++p_;
        const unsigned char* digits = p_;
        uint64_t n = 0;
        while (p_ != end_ && *p_ >= '0' && *p_ <= '9') n = n * 10 + (*p_++ - '0');
        const size_t count = static_cast<size_t>(p_ - digits);
        if (count == 0 || count > 18 || (count > 1 && *digits == '0')) return false;
        if (at('.') || at('e') || at('E')) return false;
        if (negative) {
            out.type_ = Type::Integer;
            out.integer_ = -static_cast<int64_t>(n);
        } else {
            out.type_ = Type::Unsigned;
            out.unsigned_ = n;
        }
        return true;
    }

    // ---- the careful path's tree ----------------------------------------------------------

    std::string_view keep(const std::string& s) {
        tree_.store_.push_front(s);
        return tree_.store_.front();
    }

    // nlohmann's objects are already in key order with one member per key. Depth is bounded
    // by the guarded parse.
    void copy(const Json& from, JsonNode& out) {
        switch (from.type()) {
            case Json::value_t::boolean: out.type_ = Type::Boolean; out.boolean_ = *from.get_ptr<const bool*>(); break;
            case Json::value_t::number_integer:
                out.type_ = Type::Integer;
                out.integer_ = *from.get_ptr<const Json::number_integer_t*>();
                break;
            case Json::value_t::number_unsigned:
                out.type_ = Type::Unsigned;
                out.unsigned_ = *from.get_ptr<const Json::number_unsigned_t*>();
                break;
            case Json::value_t::number_float:
                out.type_ = Type::Float;
                out.float_ = *from.get_ptr<const Json::number_float_t*>();
                break;
            case Json::value_t::string: out.type_ = Type::String; out.string_ = keep(*from.get_ptr<const std::string*>()); break;
            case Json::value_t::array: {
                out.type_ = Type::Array;
                const size_t base = stack_.size();
                for (const Json& item : from) {
                    JsonNode node;
                    copy(item, node);
                    stack_.push_back(node);
                }
                take_children(out, base);
                break;
            }
            case Json::value_t::object: {
                out.type_ = Type::Object;
                const size_t base = stack_.size();
                for (auto it = from.begin(); it != from.end(); ++it) {
                    JsonNode member;
                    member.key_ = keep(it.key());
                    copy(it.value(), member);
                    stack_.push_back(member);
                }
                take_children(out, base);
                break;
            }
            default: out.type_ = Type::Null; break;  // null (binary and discarded never come from a parse)
        }
    }

    JsonTree& tree_;
    int max_depth_;
    const unsigned char* p_ = nullptr;
    const unsigned char* end_ = nullptr;
    std::vector<JsonNode> stack_;  // children of the arrays and objects being read, innermost last
};

JsonTreeParse parse_json_tree(const std::string& text, size_t max_bytes, int max_depth) {
    JsonTreeParse out;
    if (text.size() <= max_bytes) {  // the size cap comes first, as in parse_json_guarded()
        if (JsonTreeBuilder(out.tree, max_depth).read_plain(text)) {
            out.ok = true;
            return out;
        }
        out.tree = JsonTree();  // drop what was read before it gave up
    }
    JsonParse careful = parse_json_guarded(text, max_bytes, max_depth);
    if (!careful.ok) {
        out.error = std::move(careful.error);
        return out;
    }
    JsonTreeBuilder(out.tree, max_depth).copy(careful.value);
    out.ok = true;
    return out;
}

}  // namespace tend
