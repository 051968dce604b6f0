// Tend: the strict JSON reader and its compact tree (see json_tree.h).
//
// Two passes over the text, so that nothing is allocated for a document that will be refused
// and a document that is accepted gets exactly the memory it needs:
//   1. check: the whole grammar of RFC 8259 (strings with every escape and surrogate pairs,
//      UTF-8 as Unicode's table 3-7 has it, numbers with fractions and exponents), the depth
//      and value caps, and numbers too large for a double. It allocates nothing but one count
//      per array or object (how many children it has), and stops at the first error, which
//      it words with its line and column.
//   2. build: the same walk again over a copy of the text, now known good, filling one array
//      of nodes sized in advance: each container's children are given their places when it
//      opens, so they end up side by side without a stack or a second copy. Escaped strings
//      are decoded in place in that copy (a decoded string is never longer than its escaped
//      form). Objects are put in key order here, and a key given twice is reported with the
//      JSON path of the member and where both are.
// Recursion is bounded by the depth cap, which pass 1 enforces before pass 2 runs.

#include "json_tree.h"

#include <algorithm>
#include <cmath>

#include "decimal.h"
#include "text.h"

namespace tend {

double JsonNode::number() const {
    switch (type_) {
        case Type::Integer: return static_cast<double>(integer_);
        case Type::Unsigned: return static_cast<double>(unsigned_);
        case Type::Float: return float_;
        default: return 0;
    }
}

const JsonNode* JsonNode::find(std::string_view key) const {
    if (type_ != Type::Object) return nullptr;
    // Most objects have a handful of members, and comparing lengths first rules out nearly
    // all of them at once; a big one is searched by halves, since its members are sorted.
    const JsonNode* first = children_.first;
    const JsonNode* end = first + children_.count;
    if (children_.count <= 16) {
        for (const JsonNode* member = first; member != end; ++member)
            if (member->key_.size() == key.size() && (key.empty() || (member->key_[0] == key[0] && member->key_ == key)))
                return member;
        return nullptr;
    }
    const JsonNode* it = std::lower_bound(first, end, key, [](const JsonNode& m, std::string_view k) { return m.key_ < k; });
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

bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

int hex_value(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Line (1-based) and column (1-based, in code points) of the byte at `offset`. Editors count
// columns in characters, not bytes, so "é" must not shift everything after it.
std::string at_line_column(std::string_view text, size_t offset) {
    if (offset > text.size()) offset = text.size();
    size_t line = 1, line_start = 0;
    for (size_t i = 0; i < offset; i++)
        if (text[i] == '\n') {
            line++;
            line_start = i + 1;
        }
    size_t column = 1;
    for (size_t i = line_start; i < offset; i++)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) column++;  // not a UTF-8 continuation byte
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// A JSON Pointer's segment for a key (RFC 6901: "~" and "/" escaped).
std::string pointer_segment(std::string_view key) {
    std::string out = "/";
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

constexpr const char* kBadLiteral = "unexpected character (text must be in double quotes; true, false and null are lowercase)";

}  // namespace

class JsonReader {
public:
    JsonReader(std::string_view text, int max_depth, size_t max_values)
        : text_(text), max_depth_(max_depth), max_values_(max_values) {}

    // Pass 1. True when the text is one good JSON value within the caps.
    bool check() {
        start(const_cast<char*>(text_.data()));  // read only: nothing is written while checking
        space();
        if (!value(nullptr, 0)) return false;
        space();
        if (p_ != end_) return unexpected("the end of the file", " (a file holds exactly one JSON value)");
        return true;
    }

    // Pass 2, after check(): builds the tree. False only for a key given twice.
    bool build(JsonTree& tree) {
        tree.text_.assign(text_.begin(), text_.end());
        tree.nodes_.resize(values_ - 1);  // every value but the root
        free_ = tree.nodes_.data();
        next_count_ = 0;
        start(tree.text_.data());
        space();
        return value(&tree.root_, 0);
    }

    const std::string& error() const { return error_; }
    const std::string& error_path() const { return error_path_; }

private:
    using Type = JsonNode::Type;

    void start(char* text) {
        base_ = reinterpret_cast<unsigned char*>(text);
        p_ = base_;
        end_ = base_ + text_.size();
        if (end_ - p_ >= 3 && p_[0] == 0xEF && p_[1] == 0xBB && p_[2] == 0xBF) p_ += 3;  // a UTF-8 byte-order mark
    }

    bool building() const { return free_ != nullptr; }
    size_t offset(const unsigned char* at) const { return static_cast<size_t>(at - base_); }

    bool fail(const unsigned char* at, const std::string& message) {
        error_ = "JSON syntax error at " + at_line_column(text_, offset(at)) + ": " + message;
        return false;
    }

    // What is at p_, as a person would name it in "found … where … was expected".
    std::string found() const {
        if (p_ == end_) return "";
        switch (*p_) {
            case '"': return "a string";
            case 't': return "true";
            case 'f': return "false";
            case 'n': return "null";
            case '{': case '}': case '[': case ']': case ':': case ',':
                return std::string("\"") + static_cast<char>(*p_) + "\"";
            default: return *p_ == '-' || is_digit(*p_) ? "a number" : "";
        }
    }

    bool unexpected(const char* expected, const char* hint = "") {
        if (p_ == end_) return fail(p_, "the file ends too early (is a closing bracket, brace or quote missing?)");
        const std::string what = found();
        if (what.empty() || ((*p_ == 't' || *p_ == 'f' || *p_ == 'n') && !literal_matches())) return fail(p_, kBadLiteral);
        return fail(p_, "found " + what + " where " + expected + " was expected" + hint);
    }

    bool at(char c) const { return p_ != end_ && *p_ == static_cast<unsigned char>(c); }
    void space() {
        while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
    }

    // One value; `out` is null while checking. `depth` is that of the value's container.
    bool value(JsonNode* out, int depth) {
        if (!building() && ++values_ > max_values_)
            return fail(p_, "the JSON holds more than " + with_commas(max_values_) + " values, more than any exercise or saved session needs");
        if (p_ == end_) return unexpected("a value");
        switch (*p_) {
            case '{': return object(out, depth + 1);
            case '[': return array(out, depth + 1);
            case '"': {
                std::string_view s;
                if (!string(out ? &s : nullptr)) return false;
                if (out) out->type_ = Type::String, out->string_ = s;
                return true;
            }
            case 't': return literal("true", out, Type::Boolean, true);
            case 'f': return literal("false", out, Type::Boolean, false);
            case 'n': return literal("null", out, Type::Null, false);
            default:
                if (*p_ == '-' || is_digit(*p_)) return number(out);
                return unexpected("a value");
        }
    }

    bool literal_matches() const {
        const char* word = *p_ == 't' ? "true" : *p_ == 'f' ? "false" : "null";
        const unsigned char* q = p_;
        for (; *word; ++word, ++q)
            if (q == end_ || *q != static_cast<unsigned char>(*word)) return false;
        return true;
    }

    bool literal(const char* word, JsonNode* out, Type type, bool flag) {
        for (; *word; ++word, ++p_)
            if (p_ == end_ || *p_ != static_cast<unsigned char>(*word)) return fail(p_, kBadLiteral);
        if (out) {
            out->type_ = type;
            out->boolean_ = flag;
        }
        return true;
    }

    // Opens a container: while checking, a count of its children to come; while building,
    // the places of its children in the node array.
    JsonNode* open(JsonNode* out, Type type, size_t* slot) {
        if (!out) {
            *slot = counts_.size();
            counts_.push_back(0);
            return nullptr;
        }
        const uint32_t n = counts_[next_count_++];
        out->type_ = type;
        out->children_ = {free_, n};
        JsonNode* first = free_;
        free_ += n;
        return first;
    }

    bool too_deep(int depth) {
        if (depth <= max_depth_) return false;
        error_ = "the JSON is nested more than " + std::to_string(max_depth_) + " levels deep (at " +
                 at_line_column(text_, offset(p_)) + ")";
        return true;
    }

    bool object(JsonNode* out, int depth) {
        if (too_deep(depth)) return false;
        size_t slot = 0;
        JsonNode* child = open(out, Type::Object, &slot);
        ++p_;
        space();
        if (at('}')) return ++p_, true;
        for (;;) {
            if (!at('"')) return unexpected("a string", at('}') ? " (is there a comma after the last field?)" : "");
            std::string_view key;
            if (!string(out ? &key : nullptr)) return false;
            space();
            if (!at(':')) return unexpected("\":\"");
            ++p_;
            space();
            if (!value(child, depth)) {
                if (building()) error_path_.insert(0, pointer_segment(key));
                return false;
            }
            if (child) child++->key_ = key;
            else counts_[slot]++;
            space();
            if (at('}')) break;
            if (!at(',')) return unexpected("\",\" or \"}\"", p_ != end_ && *p_ != ']' ? " (is a comma missing?)" : "");
            ++p_;
            space();
        }
        ++p_;
        return !out || in_key_order(*out);
    }

    bool array(JsonNode* out, int depth) {
        if (too_deep(depth)) return false;
        size_t slot = 0;
        JsonNode* child = open(out, Type::Array, &slot);
        ++p_;
        space();
        if (at(']')) return ++p_, true;
        for (size_t i = 0;; i++) {
            if (!value(child, depth)) {
                if (building()) error_path_.insert(0, "/" + std::to_string(i));
                return false;
            }
            if (child) child++;
            else counts_[slot]++;
            space();
            if (at(']')) break;
            if (!at(',')) return unexpected("\",\" or \"]\"", p_ != end_ && *p_ != '}' ? " (is a comma missing?)" : "");
            ++p_;
            space();
            if (at(']')) return unexpected("a value", " (is there a comma after the last item?)");
        }
        ++p_;
        return true;
    }

    // Puts an object's members in key order, and refuses a key given twice, naming where.
    // Members written in order (as the engine writes sessions) cost one look each; a few out
    // of order are put right by insertion, and many by a heap sort, which can't be made slow.
    bool in_key_order(JsonNode& object) {
        JsonNode* first = const_cast<JsonNode*>(object.children_.first);
        JsonNode* last = first + object.children_.count;
        if (!std::is_sorted(first, last, by_key)) {
            if (last - first <= 32) {
                for (JsonNode* i = first; i != last; ++i)
                    for (JsonNode* j = i; j != first && by_key(*j, *(j - 1)); --j) std::swap(*j, *(j - 1));
            } else {
                std::make_heap(first, last, by_key);
                std::sort_heap(first, last, by_key);
            }
        }
        for (JsonNode* m = first; m + 1 < last; ++m) {
            if (m->key_ != (m + 1)->key_) continue;
            // Both keys are views of the text, just after their opening quotes.
            const char* a = m->key_.data();
            const char* b = (m + 1)->key_.data();
            if (a > b) std::swap(a, b);
            const auto where = [&](const char* key) {
                return at_line_column(text_, static_cast<size_t>(reinterpret_cast<const unsigned char*>(key) - base_) - 1);
            };
            error_ = "the key \"" + std::string(m->key_) + "\" is given twice in this object (at " + where(a) + " and " + where(b) +
                     "); keep one of them";
            error_path_ = pointer_segment(m->key_);
            return false;
        }
        return true;
    }

    // A string: while checking, every rule; while building, its view, decoded in place when
    // it has escapes. `out` is null while checking.
    bool string(std::string_view* out) {
        const unsigned char* quote = p_++;
        unsigned char* w = nullptr;  // where decoded bytes go, once an escape has been met
        for (;;) {
            const unsigned char* run = p_;
            while (p_ != end_ && kPlain.at[*p_]) ++p_;
            if (w) {
                std::copy(run, static_cast<const unsigned char*>(p_), w);
                w += p_ - run;
            }
            if (p_ == end_) return fail(quote, "a string is missing its closing quote");
            const unsigned char c = *p_;
            if (c == '"') break;
            if (c == '\\') {
                if (out && !w) w = base_ + offset(p_);
                if (!escape(&w)) return false;
                continue;
            }
            if (c < 0x20) {
                if (c == '\n') return fail(p_, "a string runs over a line break; close the quote, or write \\n for a new line");
                return fail(p_, "a string holds a control character (like a tab); write it escaped, e.g. \\t");
            }
            const size_t n = utf8_sequence_length(p_, end_);
            if (n == 0) return fail(p_, "the file is not valid UTF-8 text; save it with UTF-8 encoding");
            if (w) std::copy(p_, p_ + n, w), w += n;
            p_ += n;
        }
        const unsigned char* stop = w ? w : p_;
        ++p_;  // the closing quote
        if (out) *out = std::string_view(reinterpret_cast<const char*>(quote + 1), static_cast<size_t>(stop - quote - 1));
        return true;
    }

    // Four hex digits after "\u" at p_ (which is at the 'u').
    bool hex4(const unsigned char* backslash, unsigned* code) {
        unsigned v = 0;
        for (int i = 1; i <= 4; i++) {
            const int h = p_ + i < end_ ? hex_value(p_[i]) : -1;
            if (h < 0) return fail(backslash, "\\u must be followed by four hexadecimal digits (like \\u00e9)");
            v = v * 16 + static_cast<unsigned>(h);
        }
        p_ += 5;
        *code = v;
        return true;
    }

    // An escape at p_ (the backslash). While building, its bytes go to *w.
    bool escape(unsigned char** w) {
        const unsigned char* backslash = p_++;
        if (p_ == end_) return fail(backslash, "a string is missing its closing quote");
        char short_form = 0;
        switch (*p_) {
            case '"': short_form = '"'; break;
            case '\\': short_form = '\\'; break;
            case '/': short_form = '/'; break;
            case 'b': short_form = '\b'; break;
            case 'f': short_form = '\f'; break;
            case 'n': short_form = '\n'; break;
            case 'r': short_form = '\r'; break;
            case 't': short_form = '\t'; break;
            case 'u': break;
            default:
                return fail(backslash, "a string has an unknown escape; the escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\u with four hex digits");
        }
        if (short_form) {
            ++p_;
            if (*w) *(*w)++ = static_cast<unsigned char>(short_form);
            return true;
        }
        unsigned code = 0;
        if (!hex4(backslash, &code)) return false;
        if (code >= 0xDC00 && code <= 0xDFFF)
            return fail(backslash, "a \\u escape of a low surrogate (DC00–DFFF) must follow one of a high surrogate (D800–DBFF)");
        if (code >= 0xD800 && code <= 0xDBFF) {
            // A character beyond U+FFFF: the pair of escapes stands for it.
            const char* lone = "a \\u escape of a high surrogate (D800–DBFF) must be followed by one of a low surrogate (DC00–DFFF)";
            if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return fail(backslash, lone);
            ++p_;
            unsigned low = 0;
            if (!hex4(p_ - 1, &low)) return false;
            if (low < 0xDC00 || low > 0xDFFF) return fail(backslash, lone);
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
        }
        if (*w) {
            unsigned char*& o = *w;
            if (code < 0x80) {
                *o++ = static_cast<unsigned char>(code);
            } else if (code < 0x800) {
                *o++ = static_cast<unsigned char>(0xC0 | (code >> 6));
                *o++ = static_cast<unsigned char>(0x80 | (code & 0x3F));
            } else if (code < 0x10000) {
                *o++ = static_cast<unsigned char>(0xE0 | (code >> 12));
                *o++ = static_cast<unsigned char>(0x80 | ((code >> 6) & 0x3F));
                *o++ = static_cast<unsigned char>(0x80 | (code & 0x3F));
            } else {
                *o++ = static_cast<unsigned char>(0xF0 | (code >> 18));
                *o++ = static_cast<unsigned char>(0x80 | ((code >> 12) & 0x3F));
                *o++ = static_cast<unsigned char>(0x80 | ((code >> 6) & 0x3F));
                *o++ = static_cast<unsigned char>(0x80 | (code & 0x3F));
            }
        }
        return true;
    }

    // A number. A whole one is kept exactly in 64 bits when it fits; anything else is the
    // nearest double (strtod's, as every JSON reader in C gives; decimal.h reads it the same way), and one beyond a double's
    // range is refused rather than read as infinity.
    bool number(JsonNode* out) {
        const unsigned char* start = p_;
        const bool negative = at('-');
        if (negative) ++p_;
        if (p_ == end_ || !is_digit(*p_)) return fail(start, "a number is malformed (a minus sign must be followed by a digit)");
        if (*p_ == '0') {
            ++p_;
            if (p_ != end_ && is_digit(*p_)) return fail(start, "a number is malformed (a number can't start with 0 unless it is 0 or 0.something)");
        } else {
            while (p_ != end_ && is_digit(*p_)) ++p_;
        }
        const unsigned char* digits_end = p_;
        bool fraction = false, exponent = false;
        if (at('.')) {
            ++p_;
            if (p_ == end_ || !is_digit(*p_)) return fail(start, "a number is malformed (a decimal point must be followed by a digit)");
            while (p_ != end_ && is_digit(*p_)) ++p_;
            fraction = true;
        }
        if (at('e') || at('E')) {
            ++p_;
            if (at('+') || at('-')) ++p_;
            if (p_ == end_ || !is_digit(*p_)) return fail(start, "a number is malformed (an exponent must have digits after the e)");
            while (p_ != end_ && is_digit(*p_)) ++p_;
            exponent = true;
        }
        if (!fraction && !exponent) {
            uint64_t u = 0;
            bool fits = true;
            for (const unsigned char* d = start + (negative ? 1 : 0); d != digits_end; ++d) {
                const unsigned digit = *d - '0';
                if (u > (UINT64_MAX - digit) / 10) {
                    fits = false;
                    break;
                }
                u = u * 10 + digit;
            }
            if (fits && negative && u <= static_cast<uint64_t>(INT64_MAX) + 1) {
                if (out) out->type_ = Type::Integer, out->integer_ = u == 0 ? 0 : static_cast<int64_t>(0 - u);
                return true;
            }
            if (fits && !negative) {
                if (out) out->type_ = Type::Unsigned, out->unsigned_ = u;
                return true;
            }
        }
        const std::string_view token(reinterpret_cast<const char*>(start), static_cast<size_t>(p_ - start));
        const double v = decimal_to_double(token);
        if (std::isinf(v))
            return fail(start, "the number " + (token.size() > 24 ? std::string(token.substr(0, 20)) + "…" : std::string(token)) +
                                   " is too large to be read (a number must be within about ±1.8e308)");
        if (out) {
            out->type_ = Type::Float;
            out->float_ = v;
            out->exponent_ = exponent;
        }
        return true;
    }

    std::string_view text_;
    int max_depth_;
    size_t max_values_;
    unsigned char* base_ = nullptr;  // the text being read: the caller's while checking, the tree's while building
    const unsigned char* p_ = nullptr;
    const unsigned char* end_ = nullptr;
    size_t values_ = 0;                // values seen while checking
    std::vector<uint32_t> counts_;     // children of each array and object, in the order they open
    size_t next_count_ = 0;            // while building: the next container's entry in counts_
    JsonNode* free_ = nullptr;         // while building: the next unused node
    std::string error_, error_path_;
};

namespace {

bool only_whitespace(const std::string& text) {
    for (char c : text)
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
    return true;
}

}  // namespace

JsonTreeParse parse_json_tree(const std::string& text, size_t max_bytes, int max_depth, size_t max_values) {
    JsonTreeParse out;
    if (text.size() > max_bytes) {  // before a single byte is looked at
        out.error = "the file is " + with_commas(text.size()) + " bytes; the limit is " + with_commas(max_bytes) + " bytes (" +
                    with_commas(max_bytes / 1024) + " KiB)";
        return out;
    }
    if (only_whitespace(text)) {
        out.error = "the file is empty";
        return out;
    }
    JsonReader reader(text, max_depth, max_values);
    if (!reader.check() || !reader.build(out.tree)) {
        out.tree = JsonTree();
        out.error = reader.error();
        out.error_path = reader.error_path();
        return out;
    }
    out.ok = true;
    return out;
}

}  // namespace tend
