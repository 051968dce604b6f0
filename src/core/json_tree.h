// Tend: a compact, read-only JSON tree, and the strict reader (RFC 8259) that builds it, for
// exercise files, saved sessions and journal entries, and the widget's configuration.
//
// Everything the reader is given comes from outside (a URL, localStorage that any script on
// the page can write), and the widget's wasm has 16 MiB and no exceptions: an allocation that
// fails aborts the whole page's engine. So before a single node is made, the text is checked
// whole against caps on its bytes, its depth and its number of values, and a document that
// passes is built with one allocation of exactly the nodes it needs (and one copy of the
// text, which every string points into, escaped ones decoded in place).
//
// The tree answers only what its readers ask (type, find, size, [], the members of an
// object). Object members come in key order, so find() can search a big object by halves and
// the content hash has a canonical order; a key given twice in one object is an error, never
// silently "the last one wins" (which once moved a step's answers to another storage key).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tend {

// The caps on untrusted JSON. Generous for any real exercise or session (a 500-step exercise
// is well under 40,000 values), small enough that the tree of a hostile document (some
// 40 bytes a value, natively; 24 in wasm) fits the widget's memory with room to spare.
inline constexpr size_t kMaxJsonBytes = 256 * 1024;
inline constexpr int kMaxJsonDepth = 64;
inline constexpr size_t kMaxJsonValues = 65536;

class JsonNode;

// An array's items or an object's members: a stretch of the tree's nodes.
struct JsonNodes {
    const JsonNode* first;
    const JsonNode* last;
    const JsonNode* begin() const { return first; }
    const JsonNode* end() const { return last; }
};

class JsonNode {
public:
    // A whole number without a minus sign is Unsigned, with one (even "-0") Integer; one too
    // big for 64 bits, or written with a fraction or exponent, is Float.
    enum class Type : uint8_t { Null, Boolean, Integer, Unsigned, Float, String, Array, Object };

    Type type() const { return type_; }
    bool is_null() const { return type_ == Type::Null; }
    bool is_boolean() const { return type_ == Type::Boolean; }
    bool is_number() const { return type_ == Type::Integer || type_ == Type::Unsigned || type_ == Type::Float; }
    bool is_number_integer() const { return type_ == Type::Integer || type_ == Type::Unsigned; }
    bool is_number_unsigned() const { return type_ == Type::Unsigned; }
    bool is_string() const { return type_ == Type::String; }
    bool is_array() const { return type_ == Type::Array; }
    bool is_object() const { return type_ == Type::Object; }

    // The value when the node has exactly that type, otherwise null.
    const bool* if_boolean() const { return type_ == Type::Boolean ? &boolean_ : nullptr; }
    const int64_t* if_integer() const { return type_ == Type::Integer ? &integer_ : nullptr; }
    const uint64_t* if_unsigned() const { return type_ == Type::Unsigned ? &unsigned_ : nullptr; }
    const double* if_float() const { return type_ == Type::Float ? &float_ : nullptr; }
    const std::string_view* if_string() const { return type_ == Type::String ? &string_ : nullptr; }
    // Any number as a double (0 for anything else).
    double number() const;
    // A Float written with an exponent ("1e3", "2.5E+2"): whole or not by its value, which is
    // how it is judged where a whole number is wanted ("3.0", without one, is a fraction).
    bool written_with_exponent() const { return type_ == Type::Float && exponent_; }

    // Arrays and objects: how many items or members (0 for anything else).
    size_t size() const { return is_array() || is_object() ? children_.count : 0; }
    // An array's item.
    const JsonNode& operator[](size_t i) const { return children_.first[i]; }
    // An object's member by key, or null (also when this is not an object).
    const JsonNode* find(std::string_view key) const;
    // An object's members in key order (each with its key()), or an array's items.
    JsonNodes children() const {
        const size_t n = size();
        return {n ? children_.first : nullptr, n ? children_.first + n : nullptr};
    }
    // The key of an object's member.
    std::string_view key() const { return key_; }

    JsonNode() : unsigned_(0) {}  // spelled out: a union holding a string_view has no default of its own

private:
    friend class JsonReader;

    struct Children {
        const JsonNode* first;
        size_t count;
    };
    std::string_view key_;  // a member of an object: its key, in the tree's text
    union {
        uint64_t unsigned_;
        bool boolean_;
        int64_t integer_;
        double float_;
        std::string_view string_;  // in the tree's text
        Children children_;        // in the tree's node array
    };
    Type type_ = Type::Null;
    bool exponent_ = false;
};

// A parsed document. Its nodes point into its own copy of the text and its own node array,
// which keep their place when the tree is moved (never copied).
class JsonTree {
public:
    JsonTree() = default;
    JsonTree(JsonTree&&) = default;
    JsonTree& operator=(JsonTree&&) = default;
    JsonTree(const JsonTree&) = delete;
    JsonTree& operator=(const JsonTree&) = delete;

    const JsonNode& root() const { return root_; }

private:
    friend class JsonReader;

    std::vector<char> text_;       // the document, its escaped strings decoded in place
    std::vector<JsonNode> nodes_;  // every node but the root, each container's children side by side
    JsonNode root_;
};

struct JsonTreeParse {
    JsonTree tree;           // a null root unless ok
    bool ok = false;
    std::string error;       // plain words, with the line and column where they apply
    std::string error_path;  // the JSON Pointer of a key given twice ("/steps/2/id"); "" otherwise
};

JsonTreeParse parse_json_tree(const std::string& text, size_t max_bytes = kMaxJsonBytes, int max_depth = kMaxJsonDepth,
                              size_t max_values = kMaxJsonValues);

}  // namespace tend
