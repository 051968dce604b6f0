// Tend: parsing untrusted JSON without trusting it (see json_guard.h).
//
// Three gates, cheapest first:
//   1. size: the raw byte count, before anything else is looked at;
//   2. depth: one pass over the raw bytes counting brackets outside strings, so a file of
//      a million '[' is refused before a single node is allocated;
//   3. syntax: nlohmann's SAX parser feeding its own DOM builder with exceptions off, so a
//      syntax error comes back as a value (with the byte where it happened) in builds with
//      and without -fno-exceptions alike.
// Nothing here calls an nlohmann API that can throw: with -fno-exceptions a throw would be
// std::abort(), which in the widget would take the whole page's wasm instance down.

#include "json_guard.h"

#include <cstddef>

#include "text.h"


namespace tend {
namespace {

// Line (1-based) and column (1-based, in code points) of the byte at `offset`. Editors count
// columns in characters, not bytes, so "é" must not shift everything after it.
void line_and_column(const std::string& text, size_t offset, size_t* line, size_t* column) {
    if (offset > text.size()) offset = text.size();
    size_t l = 1, line_start = 0;
    for (size_t i = 0; i < offset; i++)
        if (text[i] == '\n') {
            l++;
            line_start = i + 1;
        }
    size_t c = 1;
    for (size_t i = line_start; i < offset; i++)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) c++;  // skip UTF-8 continuation bytes
    *line = l;
    *column = c;
}

std::string at_line_column(const std::string& text, size_t offset) {
    size_t line = 0, column = 0;
    line_and_column(text, offset, &line, &column);
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// Gate 2. Returns the byte offset of the bracket that goes one level too deep, or npos.
// Only brackets outside strings count; a backslash inside a string escapes the next byte,
// so "\"[" and "\\" don't confuse it. Mismatched brackets are left for the parser to name.
size_t find_too_deep(const std::string& text, int max_depth) {
    int depth = 0;
    bool in_string = false;
    for (size_t i = 0; i < text.size(); i++) {
        char c = text[i];
        if (in_string) {
            if (c == '\\') i++;
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') in_string = true;
        else if (c == '[' || c == '{') {
            if (++depth > max_depth) return i;
        } else if ((c == ']' || c == '}') && depth > 0) depth--;
    }
    return std::string::npos;
}

// nlohmann's token names, as a person would say them.
std::string describe_token(const std::string& name) {
    if (name == "end of input") return "the end of the file";
    if (name == "string literal") return "a string";
    if (name == "number literal") return "a number";
    if (name == "true literal") return "true";
    if (name == "false literal") return "false";
    if (name == "null literal") return "null";
    if (name == "'[', '{', or a literal") return "a value";
    if (name.size() == 3 && name[0] == '\'' && name[2] == '\'') return "\"" + name.substr(1, 1) + "\"";
    return name;
}

// nlohmann's message ("[json.exception.parse_error.101] parse error at line 1, column 9:
// syntax error while parsing object separator - unexpected '}'; expected ':'") turned into
// plain words an author can act on. Anything not recognised is passed through, so a newer
// nlohmann can only make messages less polished, never wrong.
std::string plain_syntax_message(const std::string& what) {
    std::string context, detail;
    size_t while_at = what.find("while parsing ");
    size_t dash = what.find(" - ");
    if (dash == std::string::npos) {
        size_t colon = what.find(": ");
        return colon == std::string::npos ? what : what.substr(colon + 2);
    }
    if (while_at != std::string::npos && while_at < dash) context = what.substr(while_at + 14, dash - while_at - 14);
    detail = what.substr(dash + 3);

    // Lexer errors: "<message>; last read: '<token so far>'". The token is left out: the
    // line and column already point at it, and nlohmann's token can span several values.
    size_t last_read = detail.find("; last read: '");
    if (last_read != std::string::npos) {
        std::string message = detail.substr(0, last_read);
        if (message == "invalid literal")
            return "unexpected character (text must be in double quotes; true, false and null are lowercase)";
        if (message == "invalid string: missing closing quote") return "a string is missing its closing quote";
        if (message.find("control character U+000A") != std::string::npos)
            return "a string runs over a line break; close the quote, or write \\n for a new line";
        if (message.find("control character") != std::string::npos)
            return "a string holds a control character (like a tab); write it escaped, e.g. \\t";
        if (message.find("ill-formed UTF-8") != std::string::npos)
            return "the file is not valid UTF-8 text; save it with UTF-8 encoding";
        if (message.rfind("invalid number; ", 0) == 0) return "a number is malformed (" + message.substr(16) + ")";
        return message;
    }

    // Parser errors: "unexpected <token>[; expected <token>]".
    if (detail.rfind("unexpected ", 0) == 0) {
        std::string rest = detail.substr(11), expected;
        size_t semi = rest.find("; expected ");
        if (semi != std::string::npos) {
            expected = rest.substr(semi + 11);
            rest = rest.substr(0, semi);
        }
        if (rest == "end of input") return "the file ends too early (is a closing bracket, brace or quote missing?)";
        std::string out = "found " + describe_token(rest);
        if (!expected.empty()) out += " where " + describe_token(expected) + " was expected";
        if (context == "object key" && rest == "'}'") out += " (is there a comma after the last field?)";
        else if (context == "value" && rest == "']'") out += " (is there a comma after the last item?)";
        else if ((context == "object" || context == "array") && rest != "'}'" && rest != "']'")
            out += " (is a comma missing?)";
        else if (expected == "end of input") out += " (a file holds exactly one JSON value)";
        return out;
    }
    return detail;
}

// The SAX handler: nlohmann's own DOM builder does the work; this wrapper only notes where
// a parse error happened and keeps its own depth count as a second line of defence.
class GuardedSax {
public:
    using Json = nlohmann::json;
    GuardedSax(Json& root, int max_depth) : dom_(root, /*allow_exceptions=*/false), max_depth_(max_depth) {}

    bool null() { return dom_.null(); }
    bool boolean(bool v) { return dom_.boolean(v); }
    bool number_integer(Json::number_integer_t v) { return dom_.number_integer(v); }
    bool number_unsigned(Json::number_unsigned_t v) { return dom_.number_unsigned(v); }
    bool number_float(Json::number_float_t v, const Json::string_t& s) { return dom_.number_float(v, s); }
    bool string(Json::string_t& v) { return dom_.string(v); }
    bool binary(Json::binary_t& v) { return dom_.binary(v); }
    bool start_object(std::size_t n) { return deeper() && dom_.start_object(n); }
    bool key(Json::string_t& v) { return dom_.key(v); }
    bool end_object() {
        depth_--;
        return dom_.end_object();
    }
    bool start_array(std::size_t n) { return deeper() && dom_.start_array(n); }
    bool end_array() {
        depth_--;
        return dom_.end_array();
    }

    template <class Exception>
    bool parse_error(std::size_t byte, const std::string& token, const Exception& ex) {
        failed_ = true;
        error_byte_ = byte;
        error_what_ = ex.what();
        token_ = token;
        return dom_.parse_error(byte, token, ex);  // returns false: exceptions are off
    }

    bool failed() const { return failed_; }
    bool too_deep() const { return too_deep_; }
    size_t error_byte() const { return error_byte_; }
    const std::string& error_what() const { return error_what_; }
    const std::string& token() const { return token_; }

private:
    bool deeper() {
        if (++depth_ > max_depth_) {
            too_deep_ = failed_ = true;
            return false;
        }
        return true;
    }

    nlohmann::detail::json_sax_dom_parser<Json> dom_;
    int max_depth_;
    int depth_ = 0;
    bool failed_ = false, too_deep_ = false;
    size_t error_byte_ = 0;
    std::string error_what_, token_;
};

bool only_whitespace(const std::string& text) {
    for (char c : text)
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
    return true;
}

}  // namespace

JsonParse parse_json_guarded(const std::string& text, size_t max_bytes, int max_depth) {
    JsonParse out;
    if (text.size() > max_bytes) {
        out.error = "the file is " + with_commas(text.size()) + " bytes; the limit is " + with_commas(max_bytes) +
                    " bytes (" + with_commas(max_bytes / 1024) + " KiB)";
        return out;
    }
    if (only_whitespace(text)) {
        out.error = "the file is empty";
        return out;
    }
    size_t deep = find_too_deep(text, max_depth);
    if (deep != std::string::npos) {
        out.error = "the JSON is nested more than " + std::to_string(max_depth) + " levels deep (at " +
                    at_line_column(text, deep) + ")";
        return out;
    }

    nlohmann::json root;
    GuardedSax sax(root, max_depth);
    bool ok = nlohmann::json::sax_parse(text, &sax, nlohmann::json::input_format_t::json, /*strict=*/true,
                                        /*ignore_comments=*/false);
    if (!ok || sax.failed()) {
        if (sax.too_deep()) {
            out.error = "the JSON is nested more than " + std::to_string(max_depth) + " levels deep";
        } else {
            // nlohmann counts bytes up to and including the last one it read, so this points at
            // that byte. An unexpected string or number was read whole: point at its start,
            // where an author would add the missing comma or colon.
            size_t byte = sax.error_byte() > 0 ? sax.error_byte() - 1 : 0;
            const std::string& what = sax.error_what();
            bool whole_token = what.find("unexpected string literal") != std::string::npos ||
                               what.find("unexpected number literal") != std::string::npos;
            if (whole_token && !sax.token().empty() && sax.token().size() <= byte + 1) byte = byte + 1 - sax.token().size();
            out.error = "JSON syntax error at " + at_line_column(text, byte) + ": " + plain_syntax_message(sax.error_what());
        }
        return out;
    }
    out.value = std::move(root);
    out.ok = true;
    return out;
}

}  // namespace tend
