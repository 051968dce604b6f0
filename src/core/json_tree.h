// Tend: a compact, read-only JSON tree, for reading exercise files and saved sessions fast.
//
// nlohmann::json keeps every object member, every string and every array in a heap block of
// its own: a 27 KB exercise is nearly 5,000 blocks, and making and freeing them would be most
// of the time it takes to load one. A JsonTree holds the same document in three: a copy of the
// text, which plain strings point into, one array of all the nodes (each array's or object's
// children side by side in it), and a store for the few strings that had escapes. It answers
// only what the validator and the session reader ask (type, find, size, [], the members of
// an object), and answers it as nlohmann::json would for the same text: object members come
// in key order, and a key given twice keeps its last value.
//
// parse_json_tree() reads plain, valid JSON itself. Anything else (any error, \u escapes,
// fractions and exponents, very long integers) goes through parse_json_guarded()
// (json_guard.h) and is copied over, so the size and depth caps, what is accepted, and every
// error message are exactly those of parse_json_guarded().
#pragma once

#include <cstddef>
#include <cstdint>
#include <forward_list>
#include <string>
#include <string_view>
#include <vector>

#include "json_guard.h"

namespace tend {

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
    // nlohmann's value_t, less the types a parse never produces (binary, discarded).
    enum class Type : uint8_t { Null, Boolean, Integer, Unsigned, Float, String, Array, Object };

    Type type() const { return type_; }
    bool is_null() const { return type_ == Type::Null; }
    bool is_boolean() const { return type_ == Type::Boolean; }
    bool is_number_integer() const { return type_ == Type::Integer || type_ == Type::Unsigned; }  // as nlohmann
    bool is_number_unsigned() const { return type_ == Type::Unsigned; }
    bool is_string() const { return type_ == Type::String; }
    bool is_array() const { return type_ == Type::Array; }
    bool is_object() const { return type_ == Type::Object; }

    // The value when the node has exactly that type, otherwise null (like nlohmann's get_ptr).
    // A whole number is Unsigned unless it has a minus sign, as nlohmann stores it.
    const bool* if_boolean() const { return type_ == Type::Boolean ? &boolean_ : nullptr; }
    const int64_t* if_integer() const { return type_ == Type::Integer ? &integer_ : nullptr; }
    const uint64_t* if_unsigned() const { return type_ == Type::Unsigned ? &unsigned_ : nullptr; }
    const std::string_view* if_string() const { return type_ == Type::String ? &string_ : nullptr; }

    // Arrays and objects: how many items or members (0 for anything else).
    size_t size() const { return count_; }
    // An array's item.
    const JsonNode& operator[](size_t i) const { return children_[i]; }
    // An object's member by key, or null (also when this is not an object).
    const JsonNode* find(std::string_view key) const;
    // An object's members in key order (each with its key()), or an array's items.
    JsonNodes children() const { return {children_, children_ + count_}; }
    // The key of an object's member.
    std::string_view key() const { return key_; }

private:
    friend class JsonTreeBuilder;

    Type type_ = Type::Null;
    union {
        bool boolean_;
        int64_t integer_;
        uint64_t unsigned_ = 0;
        double float_;
    };
    std::string_view string_;  // String: into the tree's text or store
    std::string_view key_;     // a member of an object: its key
    // Array: items; Object: members, sorted by key. In the tree's node array: while the tree
    // is being built that array may move, so only first_ is set, and children_ at the end.
    const JsonNode* children_ = nullptr;
    size_t first_ = 0;
    size_t count_ = 0;
};

// A parsed document. Its nodes point into its own copy of the text and its own store, so it
// can be moved (never copied) and needs nothing else to stay alive.
class JsonTree {
public:
    JsonTree() = default;
    JsonTree(JsonTree&&) = default;
    JsonTree& operator=(JsonTree&&) = default;
    JsonTree(const JsonTree&) = delete;
    JsonTree& operator=(const JsonTree&) = delete;

    const JsonNode& root() const { return root_; }

private:
    friend class JsonTreeBuilder;

    // These keep their contents where they are when the tree is moved, so the nodes' views
    // and pointers stay good (a std::string would not: a short one keeps its bytes inside).
    std::vector<char> text_;                // the document; plain strings and keys point into it
    std::forward_list<std::string> store_;  // strings that had escapes, decoded
    std::vector<JsonNode> nodes_;           // every node but the root
    JsonNode root_;
};

struct JsonTreeParse {
    JsonTree tree;      // a null root unless ok
    bool ok = false;
    std::string error;  // as parse_json_guarded() words it
};

JsonTreeParse parse_json_tree(const std::string& text, size_t max_bytes = kMaxJsonBytes, int max_depth = kMaxJsonDepth);

}  // namespace tend
