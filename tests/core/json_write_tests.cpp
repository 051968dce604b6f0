// Writing JSON without a tree (json_write.h): the bytes must be exactly nlohmann's dump()
// (ensure_ascii off, invalid UTF-8 replaced), which the engine used before and which the
// tests still have at hand to compare with.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "reference_json.h"
#include "json_write.h"

using tend::append_json_string;

namespace {

std::string written(const std::string& s) {
    std::string out;
    append_json_string(out, s);
    return out;
}

// What nlohmann's serializer writes for the string (dump_json: replace, not ensure_ascii).
std::string nlohmanns(const std::string& s) { return tend::dump_json(nlohmann::json(s)); }

std::string hex(const std::string& s) {
    static const char kHex[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : s) out += std::string(" ") + kHex[c >> 4] + kHex[c & 0xF];
    return out;
}

const std::string kFffd = "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER

}  // namespace

TEST_CASE("strings are written with JSON's short escapes, \\u00xx for other controls, and UTF-8 as it is", "[json]") {
    CHECK(written("") == "\"\"");
    CHECK(written("plain words / slash") == "\"plain words / slash\"");
    CHECK(written("\"quoted\" back\\slash") == R"("\"quoted\" back\\slash")");
    CHECK(written("\b\f\n\r\t") == R"("\b\f\n\r\t")");
    CHECK(written(std::string("\x00\x01\x1f\x7f", 4)) == "\"\\u0000\\u0001\\u001f\x7f\"");  // DEL is not a control here
    CHECK(written("caf\xC3\xA9 \xE2\x80\x94 f\xC3\xBCr dich \xF0\x9F\x8C\xB1") == "\"caf\xC3\xA9 \xE2\x80\x94 f\xC3\xBCr dich \xF0\x9F\x8C\xB1\"");
    CHECK(written("\xEF\xBF\xBF\xF4\x8F\xBF\xBF") == "\"\xEF\xBF\xBF\xF4\x8F\xBF\xBF\"");  // the last code points of each length
    // Appends: what is already there stays.
    std::string out = "[";
    append_json_string(out, "a\nb");
    CHECK(out == "[\"a\\nb\"");
}

TEST_CASE("malformed UTF-8 becomes U+FFFD, one for each ill-formed sequence", "[json]") {
    // A lead byte with the continuation bytes that still fit it counts as one; a byte that
    // can't start a sequence counts alone. Whatever follows is read afresh.
    CHECK(written("caf\xE9") == "\"caf" + kFffd + "\"");
    CHECK(written("caf\xE9!") == "\"caf" + kFffd + "!\"");
    CHECK(written("ok\xE1\x80t") == "\"ok" + kFffd + "t\"");                  // cut short
    CHECK(written("\xF0\x9F\x8C") == "\"" + kFffd + "\"");                    // cut short by the end
    CHECK(written("\xE1\x80\xE2\x80\x94") == "\"" + kFffd + "\xE2\x80\x94\"");  // then a whole one
    CHECK(written("\xE0\x80\x80") == "\"" + kFffd + kFffd + kFffd + "\"");    // overlong
    CHECK(written("\xC0\xAF") == "\"" + kFffd + kFffd + "\"");                // overlong
    CHECK(written("\xED\xA0\x80") == "\"" + kFffd + kFffd + kFffd + "\"");    // a surrogate
    CHECK(written("\xF4\x90\x80\x80") == "\"" + kFffd + kFffd + kFffd + kFffd + "\"");  // past U+10FFFF
    CHECK(written("\x80\xBF\xFE\xFF") == "\"" + kFffd + kFffd + kFffd + kFffd + "\"");  // stray bytes
    CHECK(written("\xF8\x88\x80\x80\x80") == "\"" + kFffd + kFffd + kFffd + kFffd + kFffd + "\"");
    CHECK(written("a\xFF\n\"") == "\"a" + kFffd + "\\n\\\"\"");  // escapes still apply around it
}

TEST_CASE("every string is written byte for byte as nlohmann's serializer writes it", "[json]") {
    auto same = [](const std::string& s) {
        INFO("bytes:" << hex(s));
        CHECK(written(s) == nlohmanns(s));
    };
    // Every string of one and two bytes.
    for (int a = 0; a < 256; a++) {
        same(std::string(1, static_cast<char>(a)));
        for (int b = 0; b < 256; b++) same({static_cast<char>(a), static_cast<char>(b)});
    }
    // Three and four bytes drawn from the values where UTF-8's rules change.
    const unsigned char edges[] = {0x00, 0x1f, 0x22, 0x41, 0x5c, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1,
                                   0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff};
    for (unsigned char a : edges)
        for (unsigned char b : edges)
            for (unsigned char c : edges) {
                same({static_cast<char>(a), static_cast<char>(b), static_cast<char>(c)});
                same({static_cast<char>(a), static_cast<char>(b), static_cast<char>(c), '\xbf'});
            }
    // Longer ones at random, mostly from the same values.
    std::mt19937 rng(2026);
    for (int i = 0; i < 20000; i++) {
        std::string s(rng() % 24, '\0');
        for (char& c : s) c = static_cast<char>(rng() % 3 ? edges[rng() % sizeof edges] : rng() % 256);
        same(s);
    }
}

TEST_CASE("compact JSON is laid out as nlohmann's dump(2) lays it out", "[json]") {
    std::string out;
    tend::append_json_indented(out, R"({"a":[],"b":{},"c":[1,{"d":"x, [y]: {z}","e":"\"q\\"}],"f":-3,"g":null})", 2);
    CHECK(out == "{\n"
                 "  \"a\": [],\n"
                 "  \"b\": {},\n"
                 "  \"c\": [\n"
                 "    1,\n"
                 "    {\n"
                 "      \"d\": \"x, [y]: {z}\",\n"
                 "      \"e\": \"\\\"q\\\\\"\n"
                 "    }\n"
                 "  ],\n"
                 "  \"f\": -3,\n"
                 "  \"g\": null\n"
                 "}");

    const nlohmann::json documents[] = {
        nlohmann::json::object(),
        nlohmann::json::array(),
        "just a string, with: [brackets] {and} \"quotes\" \\",
        {{"answers", {{"feeling", {{"at", 1795701900000}, {"skipped", false}, {"text", "ti\xC3\xA9\x01\t"}}}}},
         {"history", {"welcome", "feeling"}},
         {"nested", {{"deeper", {{"deepest", nlohmann::json::array({nlohmann::json::array(), nlohmann::json::object(), true})}}}}},
         {"numbers", {0, -1, 18446744073709551615ull, -9223372036854775807ll}},
         {"odd \"key\" ,:[]{}", nullptr}},
    };
    for (const nlohmann::json& j : documents) {
        std::string indented;
        tend::append_json_indented(indented, tend::dump_json(j), 2);
        CHECK(indented == tend::dump_json(j, 2));
    }
}

TEST_CASE("JsonWriter puts commas between members and items, and none after an opening bracket", "[json]") {
    tend::JsonWriter j;
    j.begin().str("a", "x").key("list").begin('[').integer(1).integer(-2).begin().end().end(']');
    j.key("empty").begin('[').end(']').boolean("yes", true).boolean("no", false).end();
    CHECK(j.text() == R"({"a":"x","list":[1,-2,{}],"empty":[],"yes":true,"no":false})");
}

TEST_CASE("JsonWriter escapes keys and strings as append_json_string does", "[json]") {
    tend::JsonWriter j;
    j.begin().str("say \"hi\"", "line\nbreak \xFF").key("k").strings({"a\\b", "", "\x01"}).end();
    CHECK(j.text() == "{\"say \\\"hi\\\"\":\"line\\nbreak \xEF\xBF\xBD\",\"k\":[\"a\\\\b\",\"\",\"\\u0001\"]}");
}

TEST_CASE("JsonWriter writes whole numbers in full and other numbers as %g", "[json]") {
    tend::JsonWriter j;
    j.begin('[').integer(1795701900000).integer(INT64_MIN).num(3).num(0.5).num(-12.25).num(1795701900000.0).end(']');
    CHECK(j.text() == "[1795701900000,-9223372036854775808,3,0.5,-12.25,1.7957e+12]");
}

TEST_CASE("JsonWriter takes a value already written as JSON where a value goes", "[json]") {
    tend::JsonWriter j;
    j.begin().key("sessions").begin('[').raw(R"({"a":1})").raw("[]").end(']').key("x").raw("null").end();
    CHECK(j.text() == R"({"sessions":[{"a":1},[]],"x":null})");
    CHECK(j.take() == R"({"sessions":[{"a":1},[]],"x":null})");
}
