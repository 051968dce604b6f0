// Tend: writing JSON straight into a string, without building a tree first.
//
// The engine's documents (a saved session, the journal's export, what the widget tells the
// page) have shapes known in advance, so they are written piece by piece with JsonWriter.
// The bytes are those nlohmann's dump() gives for the same document (with ensure_ascii off
// and invalid UTF-8 replaced) when the writer is given keys in sorted order, so one state
// always gives the same bytes, and nothing the widget links needs nlohmann's serializer
// (some 15 KB of wasm, 7 KB gzipped).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tend {

// Appends `s` as a JSON string, quotes included: the short escapes where JSON has them,
// \u00xx (lower-case hex) for the other control characters, every other byte as it is, except
// that malformed UTF-8 becomes U+FFFD, one for each maximal ill-formed subsequence (a lead
// byte and the continuation bytes that still fit it, or a single stray byte).
void append_json_string(std::string& out, std::string_view s);

// Appends `compact` (JSON with no whitespace outside strings, as JsonWriter writes it) laid
// out as dump(indent) lays it out: each member and item on a line of its own, `indent`
// spaces per level, "key": value, and {} or [] when empty. Keys are not sorted here: a
// document whose keys are in order comes out as nlohmann would write it.
void append_json_indented(std::string& out, std::string_view compact, int indent);

// A streaming writer for compact JSON. Commas are its business; the caller says what comes
// next, in order:
//     JsonWriter j;
//     j.begin().str("id", id).key("chosen").strings(chosen).integer("at", at_ms).end();
// Keys and strings are escaped by append_json_string(). Nothing checks that the calls make a
// well-formed document: the shapes written are fixed in code.
class JsonWriter {
public:
    JsonWriter& begin(char c = '{') { sep(); out_ += c; first_ = true; return *this; }
    JsonWriter& end(char c = '}') { out_ += c; first_ = false; return *this; }
    JsonWriter& key(std::string_view k) { sep(); append_json_string(out_, k); out_ += ':'; first_ = true; return *this; }

    JsonWriter& str(std::string_view v) { sep(); append_json_string(out_, v); return *this; }
    JsonWriter& num(double v);  // as printf's %g: fine for small numbers and sizes, not for timestamps
    JsonWriter& integer(int64_t v);  // every digit, as nlohmann writes a whole number
    JsonWriter& boolean(bool v) { sep(); out_ += v ? "true" : "false"; return *this; }
    JsonWriter& strings(const std::vector<std::string>& v);
    // A value already written as compact JSON (a saved session inside the journal's export).
    JsonWriter& raw(std::string_view json) { sep(); out_.append(json); return *this; }

    // key: value shorthands
    JsonWriter& str(std::string_view k, std::string_view v) { return key(k).str(v); }
    JsonWriter& num(std::string_view k, double v) { return key(k).num(v); }
    JsonWriter& integer(std::string_view k, int64_t v) { return key(k).integer(v); }
    JsonWriter& boolean(std::string_view k, bool v) { return key(k).boolean(v); }

    void reserve(size_t bytes) { out_.reserve(bytes); }
    const std::string& text() const { return out_; }
    std::string take() { return std::move(out_); }

private:
    void sep() {
        if (!first_) out_ += ',';
        first_ = false;
    }

    std::string out_;
    bool first_ = true;
};

}  // namespace tend
