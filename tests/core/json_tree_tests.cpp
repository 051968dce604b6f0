// The strict JSON reader (json_tree.h): caps before anything is built, every part of the
// grammar, errors in plain words that say where, and a key given twice refused.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <string>

#include "json_tree.h"

using tend::JsonNode;
using tend::JsonTreeParse;
using tend::parse_json_tree;

namespace {

std::string error_of(const std::string& text) { return parse_json_tree(text).error; }

// The one string in `["…"]`, decoded.
std::string string_in(const std::string& text) {
    JsonTreeParse r = parse_json_tree("[\"" + text + "\"]");
    REQUIRE(r.ok);
    REQUIRE(r.tree.root().size() == 1);
    const std::string_view* s = r.tree.root()[0].if_string();
    REQUIRE(s);
    return std::string(*s);
}

}  // namespace

TEST_CASE("a well-formed document parses into a tree") {
    JsonTreeParse r = parse_json_tree(R"({"title": "A pause", "minutes": 3, "steps": [1, -2, true, null]})");
    REQUIRE(r.ok);
    CHECK(r.error.empty());
    const JsonNode& root = r.tree.root();
    CHECK(*root.find("title")->if_string() == "A pause");
    CHECK(*root.find("minutes")->if_unsigned() == 3);
    const JsonNode& steps = *root.find("steps");
    REQUIRE(steps.size() == 4);
    CHECK(*steps[1].if_integer() == -2);
    CHECK(*steps[2].if_boolean());
    CHECK(steps[3].is_null());
}

TEST_CASE("an object's members come in key order, however they were written") {
    for (int n : {3, 40}) {  // a few members are sorted one way, many another
        std::string text = "{";
        for (int i = n - 1; i >= 0; i--) text += "\"k" + std::to_string(1000 + i) + "\":" + std::to_string(i) + (i ? "," : "}");
        JsonTreeParse r = parse_json_tree(text);
        REQUIRE(r.ok);
        int expected = 0;
        for (const JsonNode& m : r.tree.root().children()) {
            CHECK(m.key() == "k" + std::to_string(1000 + expected));
            CHECK(*m.if_unsigned() == static_cast<uint64_t>(expected));
            expected++;
        }
        CHECK(expected == n);
        CHECK(*r.tree.root().find("k" + std::to_string(1000 + n - 1))->if_unsigned() == static_cast<uint64_t>(n - 1));
    }
}

TEST_CASE("a key given twice is an error naming its JSON path and both places") {
    JsonTreeParse r = parse_json_tree("{\"steps\": [{\"id\": \"a\"}, {\"id\": \"b\",\n  \"id\": \"c\"}]}");
    CHECK_FALSE(r.ok);
    CHECK(r.error_path == "/steps/1/id");
    CHECK(r.error == "the key \"id\" is given twice in this object (at line 1, column 26 and line 2, column 3); keep one of them");
    // The same key in different objects is fine; so are keys that only look alike once decoded apart.
    CHECK(parse_json_tree(R"([{"a": 1}, {"a": 2}, {"a": 3, "A": 4}])").ok);
    // A key spelled with an escape is the same key.
    JsonTreeParse escaped = parse_json_tree(R"({"a/b~": 1, "a\/b\u007e": 2})");
    CHECK_FALSE(escaped.ok);
    CHECK(escaped.error_path == "/a~1b~0");
}

TEST_CASE("escapes are decoded, surrogate pairs included") {
    CHECK(string_in(R"(\"\\\/\b\f\n\r\t)") == "\"\\/\b\f\n\r\t");
    CHECK(string_in(R"(caf\u00e9 \u2013 \u00E9)") == "caf\xC3\xA9 \xE2\x80\x93 \xC3\xA9");
    CHECK(string_in(R"(\ud83c\udf3f!)") == "\xF0\x9F\x8C\xBF!");  // U+1F33F, a herb
    CHECK(string_in(R"(a\u0000b)") == std::string("a\0b", 3));
    CHECK(string_in("plain \xC3\xA9 text") == "plain \xC3\xA9 text");
}

TEST_CASE("a broken escape is refused with where it is") {
    CHECK(error_of(R"(["ab\x"])") ==
          "JSON syntax error at line 1, column 5: a string has an unknown escape; the escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t "
          "and \\u with four hex digits");
    CHECK_THAT(error_of(R"(["\u12G4"])"), Catch::StartsWith("JSON syntax error at line 1, column 3: \\u must be followed by four"));
    CHECK_THAT(error_of(R"(["\ud83c"])"), Catch::Contains("column 3: a \\u escape of a high surrogate"));
    CHECK_THAT(error_of(R"(["\ud83c\u0041"])"), Catch::Contains("column 3: a \\u escape of a high surrogate"));
    CHECK_THAT(error_of(R"(["x\udf3f"])"), Catch::Contains("column 4: a \\u escape of a low surrogate"));
}

TEST_CASE("numbers: whole ones exactly, others as the nearest double") {
    JsonTreeParse r = parse_json_tree("[0, -0, 18446744073709551615, -9223372036854775808, 18446744073709551616, 1.5, -2.5e-3, 1e3, 1E+2, 2.0]");
    REQUIRE(r.ok);
    const JsonNode& a = r.tree.root();
    CHECK(*a[0].if_unsigned() == 0);
    CHECK(*a[1].if_integer() == 0);  // a minus sign makes it signed, even on zero
    CHECK(*a[2].if_unsigned() == UINT64_MAX);
    CHECK(*a[3].if_integer() == INT64_MIN);
    REQUIRE(a[4].if_float());  // too big for 64 bits
    CHECK(*a[4].if_float() == 18446744073709551616.0);
    CHECK(*a[5].if_float() == 1.5);
    CHECK(*a[6].if_float() == -2.5e-3);
    CHECK(a[7].written_with_exponent());
    CHECK(a[7].number() == 1000);
    CHECK(a[8].written_with_exponent());
    CHECK(a[6].written_with_exponent());
    CHECK_FALSE(a[9].written_with_exponent());  // 2.0: a fraction, written out
    CHECK_FALSE(a[5].written_with_exponent());
}

TEST_CASE("a number beyond a double's range is an error, never infinity") {
    CHECK(error_of("{\"minutes\": 1e400}") ==
          "JSON syntax error at line 1, column 13: the number 1e400 is too large to be read (a number must be within about ±1.8e308)");
    CHECK_THAT(error_of("[-1e400]"), Catch::Contains("the number -1e400 is too large"));
    JsonTreeParse tiny = parse_json_tree("[1e-400, 1e308]");  // small ones round to zero, as strtod has it
    REQUIRE(tiny.ok);
    CHECK(tiny.tree.root()[0].number() == 0);
    CHECK(std::isfinite(tiny.tree.root()[1].number()));
}

TEST_CASE("a malformed number says what is wrong with it") {
    CHECK_THAT(error_of("[01]"), Catch::StartsWith("JSON syntax error at line 1, column 2: a number is malformed (a number can't start with 0"));
    CHECK_THAT(error_of("[1.]"), Catch::Contains("a decimal point must be followed by a digit"));
    CHECK_THAT(error_of("[1e+]"), Catch::Contains("an exponent must have digits"));
    CHECK_THAT(error_of("[-]"), Catch::Contains("a minus sign must be followed by a digit"));
    CHECK_THAT(error_of("[+1]"), Catch::Contains("unexpected character"));
    CHECK_THAT(error_of("[.5]"), Catch::Contains("unexpected character"));
}

TEST_CASE("a syntax error names the line and column in plain words") {
    // Line 3 is `  "minutes": tru,`: the literal goes wrong at the ','.
    JsonTreeParse r = parse_json_tree("{\n  \"title\": \"A pause\",\n  \"minutes\": tru,\n}");
    CHECK_FALSE(r.ok);
    CHECK(r.tree.root().is_null());
    CHECK(r.error == "JSON syntax error at line 3, column 17: unexpected character (text must be in double quotes; true, "
                     "false and null are lowercase)");
    CHECK_THAT(error_of("{\"a\": True}"), Catch::StartsWith("JSON syntax error at line 1, column 7: unexpected character"));
}

TEST_CASE("a trailing comma in an object is pointed out") {
    CHECK(error_of("{\"a\": 1,}") == "JSON syntax error at line 1, column 9: found \"}\" where a string was expected "
                                     "(is there a comma after the last field?)");
}

TEST_CASE("a trailing comma in an array is pointed out") {
    CHECK(error_of("[1, 2,]") == "JSON syntax error at line 1, column 7: found \"]\" where a value was expected "
                                 "(is there a comma after the last item?)");
}

TEST_CASE("a missing comma between fields is pointed out") {
    CHECK(error_of("{\n  \"a\": 1\n  \"b\": 2\n}") ==
          "JSON syntax error at line 3, column 3: found a string where \",\" or \"}\" was expected (is a comma missing?)");
    CHECK(error_of("[1 2]") == "JSON syntax error at line 1, column 4: found a number where \",\" or \"]\" was expected (is a comma missing?)");
    CHECK(error_of("{\"a\" 1}") == "JSON syntax error at line 1, column 6: found a number where \":\" was expected");
}

TEST_CASE("a file that stops early says so") {
    CHECK(error_of("{\"steps\": [1, 2") ==
          "JSON syntax error at line 1, column 16: the file ends too early (is a closing bracket, brace or quote missing?)");
    CHECK(error_of("[\"open") == "JSON syntax error at line 1, column 2: a string is missing its closing quote");
}

TEST_CASE("a string running over a line break suggests \\n") {
    CHECK(error_of("{\"text\": \"one\ntwo\"}") ==
          "JSON syntax error at line 1, column 14: a string runs over a line break; close the quote, or write \\n for a new line");
    CHECK_THAT(error_of("[\"a\tb\"]"), Catch::Contains("column 4: a string holds a control character"));
}

TEST_CASE("columns count characters, not bytes") {
    // "é" and "…" are 2 and 3 bytes; an editor shows each as one column.
    CHECK_THAT(error_of("[\"é…\" 1]"), Catch::StartsWith("JSON syntax error at line 1, column 7: "));
}

TEST_CASE("a second value after the document is refused") {
    CHECK(error_of("{} {}") ==
          "JSON syntax error at line 1, column 4: found \"{\" where the end of the file was expected (a file holds exactly one JSON value)");
}

TEST_CASE("text that is not UTF-8 is refused with a way to fix it") {
    CHECK(error_of("{\"a\": \"caf\xE9\"}") ==  // Latin-1 é
          "JSON syntax error at line 1, column 11: the file is not valid UTF-8 text; save it with UTF-8 encoding");
    CHECK_THAT(error_of("[\"\xED\xA0\x80\"]"), Catch::Contains("not valid UTF-8"));  // a surrogate, UTF-8 encoded
    CHECK_THAT(error_of("[\"\xC0\xAF\"]"), Catch::Contains("not valid UTF-8"));      // an overlong '/'
}

TEST_CASE("a UTF-8 byte-order mark before the document is allowed") {
    JsonTreeParse r = parse_json_tree("\xEF\xBB\xBF{\"a\": 1}");
    REQUIRE(r.ok);
    CHECK(*r.tree.root().find("a")->if_unsigned() == 1);
}

TEST_CASE("an empty file is named as empty") {
    CHECK(error_of("") == "the file is empty");
    CHECK(error_of(" \n\t ") == "the file is empty");
}

TEST_CASE("the size cap applies to the raw bytes before anything is parsed") {
    std::string at_cap = "\"" + std::string(98, 'a') + "\"";  // 100 bytes
    REQUIRE(at_cap.size() == 100);
    CHECK(parse_json_tree(at_cap, 100).ok);

    JsonTreeParse r = parse_json_tree(at_cap + " ", 100);
    CHECK_FALSE(r.ok);
    CHECK(r.error == "the file is 101 bytes; the limit is 100 bytes (0 KiB)");

    // Even garbage is refused for its size first: no parse is attempted.
    CHECK_THAT(error_of(std::string(tend::kMaxJsonBytes + 1, '{')),
               Catch::StartsWith("the file is 262,145 bytes; the limit is 262,144 bytes (256 KiB)"));
}

TEST_CASE("the depth cap names where it is passed") {
    auto nested = [](int depth) { return std::string(depth, '[') + std::string(depth, ']'); };
    CHECK(parse_json_tree(nested(tend::kMaxJsonDepth)).ok);
    CHECK(error_of(nested(tend::kMaxJsonDepth + 1)) == "the JSON is nested more than 64 levels deep (at line 1, column 65)");
    // Unbalanced and far too deep: refused as too deep.
    CHECK_THAT(error_of(std::string(200000, '[')), Catch::StartsWith("the JSON is nested more than 64"));
    // Objects count as much as arrays.
    CHECK_FALSE(parse_json_tree("{\"a\":{\"b\":{\"c\":1}}}", tend::kMaxJsonBytes, 2).ok);
    CHECK(parse_json_tree("{\"a\":{\"b\":1}}", tend::kMaxJsonBytes, 2).ok);
}

TEST_CASE("brackets inside strings don't count towards depth, even after escaped quotes") {
    JsonTreeParse r = parse_json_tree(R"(["[[[[ \" [[[[ \\", "{{{{"])", tend::kMaxJsonBytes, 1);
    REQUIRE(r.ok);
    CHECK(*r.tree.root()[0].if_string() == "[[[[ \" [[[[ \\");
    CHECK_FALSE(parse_json_tree("[[1]]", tend::kMaxJsonBytes, 1).ok);
}

TEST_CASE("the number of values is capped, so a small file can't make a huge tree") {
    // 256 KiB of "0," is 131,072 values: some 5 MB of nodes, which the widget's memory must
    // never be asked for. Refused before a node is made, at the first value over the cap.
    std::string flat = "[";
    for (size_t i = 0; i < 131000; i++) flat += "0,";
    flat += "0]";
    REQUIRE(flat.size() <= tend::kMaxJsonBytes);
    CHECK(error_of(flat) ==
          "JSON syntax error at line 1, column 131072: the JSON holds more than 65,536 values, more than any exercise or "
          "saved session needs");
    // At the cap exactly (the array and its items), it is read.
    std::string at_cap = "[0";
    for (size_t i = 1; i < tend::kMaxJsonValues - 1; i++) at_cap += ",0";
    at_cap += "]";
    JsonTreeParse r = parse_json_tree(at_cap);
    REQUIRE(r.ok);
    CHECK(r.tree.root().size() == tend::kMaxJsonValues - 1);
}

TEST_CASE("a tree stays good when moved") {
    JsonTreeParse r = parse_json_tree(R"({"short": "a\nb", "k": ["x"]})");
    REQUIRE(r.ok);
    tend::JsonTree moved = std::move(r.tree);
    CHECK(*moved.root().find("short")->if_string() == "a\nb");
    CHECK(*moved.root().find("k")->children().begin()->if_string() == "x");
}
