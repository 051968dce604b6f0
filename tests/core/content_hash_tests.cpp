// The content hash that names an exercise's text, and the SHA-256 behind it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <sstream>
#include <string>

#include "content_hash.h"
#include "fixtures.h"
#include "reference_json.h"
#include "sha256.h"

namespace {

std::string fixture_text() { return fixtures::read_file(fixtures::data_path("care/passing.json")); }

// The same JSON with every line's indentation removed and the lines joined: a different
// formatting of the same content. (A JSON string can't hold a raw newline, so only the
// whitespace between tokens changes.)
std::string reformatted(const std::string& text) {
    std::string out;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        size_t a = line.find_first_not_of(" \t");
        if (a != std::string::npos) out += line.substr(a);
    }
    return out;
}

}  // namespace

TEST_CASE("SHA-256 matches the standard test vectors") {
    CHECK(tend::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(tend::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(tend::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(tend::sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrs"
                           "mnopqrstnopqrstu") == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
    CHECK(tend::sha256_hex(std::string(1000000, 'a')) ==
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("SHA-256 gives the same digest however the input is fed in") {
    std::string data(1000, 'x');
    for (size_t i = 0; i < data.size(); i++) data[i] = static_cast<char>('a' + i % 26);
    tend::Sha256 pieces;
    for (size_t at = 0; at < data.size(); at += 37) pieces.update(data.data() + at, std::min<size_t>(37, data.size() - at));
    std::array<uint8_t, 32> digest = pieces.finish();
    std::string hex;
    for (uint8_t b : digest) {
        const char* h = "0123456789abcdef";
        hex += h[b >> 4];
        hex += h[b & 15];
    }
    CHECK(hex == tend::sha256_hex(data));
}

TEST_CASE("the content hash names the content and not its formatting") {
    const std::string text = fixture_text();
    const std::string hash = tend::content_hash(text);
    REQUIRE(hash.size() == 64);

    SECTION("a re-indented copy has the same hash") {
        std::string flat = reformatted(text);
        REQUIRE(flat != text);
        CHECK(tend::content_hash(flat) == hash);
    }
    SECTION("changing one word changes the hash") {
        std::string changed = text;
        size_t at = changed.find("Numbness can be a protector");
        REQUIRE(at != std::string::npos);
        changed.replace(at, 8, "Blankness");
        CHECK(tend::content_hash(changed) != hash);
    }
    SECTION("text that isn't JSON has no hash") { CHECK(tend::content_hash("{ not json").empty()); }
}

TEST_CASE("the content hash is the one transcripts always carried: SHA-256 of nlohmann's canonical dump") {
    for (const char* file : {"exercises/self-compassion-impossible.json", "exercises/self-compassion-impossible-es.json",
                             "exercises/pause-for-self-compassion.json", "exercises/coming-back-to-the-room.json",
                             "exercises/two-pulls.json", "tests/data/valid/branching.json", "tests/data/care/passing.json"}) {
        INFO(file);
        const std::string text = fixtures::read_file(fixtures::source_path(file));
        tend::ReferenceParse reference = tend::reference_parse(text);
        REQUIRE(reference.ok);
        CHECK(tend::content_hash(text) == tend::sha256_hex(tend::dump_json(reference.value)));
    }
    SECTION("an escaped character, a unicode one, nested arrays") {
        const std::string text = R"({"b":[1,[2,"\u00e9\n\"q\""]],"a":{"z":null,"y":true,"x":-3},"c":"caf\u00e9 ✓"})";
        CHECK(tend::content_hash(text) == tend::sha256_hex(tend::dump_json(tend::reference_parse(text).value)));
    }
    SECTION("a number with a fraction has no canonical form here") { CHECK(tend::content_hash(R"({"a":1.5})").empty()); }
}
