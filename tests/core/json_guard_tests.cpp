// Parsing untrusted JSON: caps before parsing, plain syntax errors, serialising without throwing.
#include <catch2/catch.hpp>

#include <string>

#include "json_guard.h"

using tend::parse_json_guarded;

TEST_CASE("a well-formed document parses into a tree") {
    tend::JsonParse r = parse_json_guarded(R"({"title": "A pause", "minutes": 3, "steps": [1, 2]})");
    REQUIRE(r.ok);
    CHECK(r.error.empty());
    CHECK(r.value["title"] == "A pause");
    CHECK(r.value["minutes"] == 3);
    CHECK(r.value["steps"].size() == 2);
}

TEST_CASE("a syntax error names the line and column in plain words") {
    // Line 3 is `  "minutes": tru,`: the parser stops at the ',' after the bad literal.
    tend::JsonParse r = parse_json_guarded("{\n  \"title\": \"A pause\",\n  \"minutes\": tru,\n}");
    CHECK_FALSE(r.ok);
    CHECK(r.value.is_null());
    CHECK_THAT(r.error, Catch::StartsWith("JSON syntax error at line 3, column 17: "));
    CHECK_THAT(r.error, Catch::Contains("text must be in double quotes"));
    CHECK_THAT(r.error, !Catch::Contains("json.exception"));  // nlohmann's jargon stays out
}

TEST_CASE("a trailing comma in an object is pointed out") {
    tend::JsonParse r = parse_json_guarded("{\"a\": 1,}");
    CHECK_FALSE(r.ok);
    CHECK(r.error == "JSON syntax error at line 1, column 9: found \"}\" where a string was expected "
                     "(is there a comma after the last field?)");
}

TEST_CASE("a trailing comma in an array is pointed out") {
    tend::JsonParse r = parse_json_guarded("[1, 2,]");
    CHECK_FALSE(r.ok);
    CHECK(r.error == "JSON syntax error at line 1, column 7: found \"]\" where a value was expected "
                     "(is there a comma after the last item?)");
}

TEST_CASE("a missing comma between fields is pointed out") {
    tend::JsonParse r = parse_json_guarded("{\n  \"a\": 1\n  \"b\": 2\n}");
    CHECK_FALSE(r.ok);
    CHECK_THAT(r.error, Catch::StartsWith("JSON syntax error at line 3, column 3: "));
    CHECK_THAT(r.error, Catch::EndsWith("(is a comma missing?)"));
}

TEST_CASE("a file that stops early says so") {
    tend::JsonParse r = parse_json_guarded("{\"steps\": [1, 2");
    CHECK_FALSE(r.ok);
    CHECK_THAT(r.error, Catch::Contains("the file ends too early"));
}

TEST_CASE("a string running over a line break suggests \\n") {
    tend::JsonParse r = parse_json_guarded("{\"text\": \"one\ntwo\"}");
    CHECK_FALSE(r.ok);
    CHECK_THAT(r.error, Catch::StartsWith("JSON syntax error at line 1, column 14: "));
    CHECK_THAT(r.error, Catch::Contains("write \\n for a new line"));
}

TEST_CASE("columns count characters, not bytes") {
    // "é" and "…" are 2 and 3 bytes; an editor shows each as one column.
    tend::JsonParse r = parse_json_guarded("[\"é…\" 1]");
    CHECK_FALSE(r.ok);
    CHECK_THAT(r.error, Catch::StartsWith("JSON syntax error at line 1, column 7: "));
}

TEST_CASE("a second value after the document is refused") {
    tend::JsonParse r = parse_json_guarded("{} {}");
    CHECK_FALSE(r.ok);
    CHECK_THAT(r.error, Catch::Contains("a file holds exactly one JSON value"));
}

TEST_CASE("text that is not UTF-8 is refused with a way to fix it") {
    tend::JsonParse r = parse_json_guarded("{\"a\": \"caf\xE9\"}");  // Latin-1 é
    CHECK_FALSE(r.ok);
    CHECK_THAT(r.error, Catch::Contains("save it with UTF-8 encoding"));
}

TEST_CASE("an empty file is named as empty") {
    CHECK(parse_json_guarded("").error == "the file is empty");
    CHECK(parse_json_guarded(" \n\t ").error == "the file is empty");
}

TEST_CASE("the size cap applies to the raw bytes before anything is parsed") {
    std::string at_cap = "\"" + std::string(98, 'a') + "\"";  // 100 bytes
    REQUIRE(at_cap.size() == 100);
    CHECK(parse_json_guarded(at_cap, 100).ok);

    std::string over = at_cap + " ";
    tend::JsonParse r = parse_json_guarded(over, 100);
    CHECK_FALSE(r.ok);
    CHECK(r.error == "the file is 101 bytes; the limit is 100 bytes (0 KiB)");

    // Even garbage is refused for its size first: no parse is attempted.
    CHECK_THAT(parse_json_guarded(std::string(tend::kMaxJsonBytes + 1, '{')).error,
               Catch::StartsWith("the file is 262,145 bytes; the limit is 262,144 bytes (256 KiB)"));
}

TEST_CASE("the depth cap is checked on the raw bytes") {
    auto nested = [](int depth) { return std::string(depth, '[') + std::string(depth, ']'); };
    CHECK(parse_json_guarded(nested(tend::kMaxJsonDepth)).ok);

    tend::JsonParse r = parse_json_guarded(nested(tend::kMaxJsonDepth + 1));
    CHECK_FALSE(r.ok);
    CHECK(r.error == "the JSON is nested more than 64 levels deep (at line 1, column 65)");

    // Unbalanced and far too deep: refused as too deep, not parsed at all.
    CHECK_THAT(parse_json_guarded(std::string(200000, '[')).error, Catch::StartsWith("the JSON is nested more than 64"));
    // Objects count as much as arrays.
    CHECK_FALSE(parse_json_guarded("{\"a\":{\"b\":{\"c\":1}}}", tend::kMaxJsonBytes, 2).ok);
    CHECK(parse_json_guarded("{\"a\":{\"b\":1}}", tend::kMaxJsonBytes, 2).ok);
}

TEST_CASE("brackets inside strings don't count towards depth, even after escaped quotes") {
    // One real level of nesting; the string holds brackets, an escaped quote and a backslash.
    std::string text = R"(["[[[[ \" [[[[ \\", "{{{{"])";
    tend::JsonParse r = parse_json_guarded(text, tend::kMaxJsonBytes, 1);
    REQUIRE(r.ok);
    CHECK(r.value[0] == "[[[[ \" [[[[ \\");
    // The same brackets outside a string do count.
    CHECK_FALSE(parse_json_guarded("[[1]]", tend::kMaxJsonBytes, 1).ok);
}

TEST_CASE("dump_json replaces invalid UTF-8 instead of failing") {
    nlohmann::json j = {{"text", std::string("caf\xE9")}};
    std::string out = tend::dump_json(j);
    CHECK(out == "{\"text\":\"caf\xEF\xBF\xBD\"}");  // U+FFFD
}

TEST_CASE("dump_json output parses back to the same value, indented or not") {
    nlohmann::json j = {{"steps", {1, 2, 3}}, {"title", "A pause – für dich"}, {"ok", true}};
    for (int indent : {-1, 2}) {
        tend::JsonParse back = parse_json_guarded(tend::dump_json(j, indent));
        REQUIRE(back.ok);
        CHECK(back.value == j);
    }
    CHECK(tend::dump_json(j, 2).find("\n  \"ok\": true") != std::string::npos);
}
