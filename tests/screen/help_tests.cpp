// Crisis help for where the reader is: src/screen/help/regions.json, chosen by the practice's
// region or, failing that, by the browser's languages.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "screen/help.h"

using tend::screen::Help;
using tend::screen::help_for;

namespace {
std::vector<std::string> links(const Help& h) {
    std::vector<std::string> out;
    for (const auto& l : h.lines) out.push_back(l.link);
    return out;
}
}  // namespace

TEST_CASE("a reader in the UK is offered Samaritans' 116 123 first, and 999 for emergencies") {
    Help h = help_for("", {"en-GB", "en"}, "en");
    CHECK(h.region == "GB");
    CHECK(h.emergency.link == "tel:999");
    REQUIRE_FALSE(h.lines.empty());
    CHECK(h.lines[0].link == "tel:116123");
    CHECK(h.lines[0].label == "Samaritans");
    CHECK(h.guessed.find("United Kingdom") != std::string::npos);
}

TEST_CASE("a reader in Spain is offered 024 first, and 112, in Spanish") {
    Help h = help_for("", {"es-ES"}, "es");
    CHECK(h.region == "ES");
    CHECK(h.emergency.link == "tel:112");
    CHECK(h.lines[0].link == "tel:024");
    CHECK(h.emergency.label == "Emergencias");
    CHECK(h.region_name == "Espa\u00f1a");
}

TEST_CASE("every set the issue names is there, with its emergency number tappable") {
    struct { const char* region; const char* emergency; const char* first; } sets[] = {
        {"US", "tel:911", "tel:988"}, {"CA", "tel:911", "tel:988"},     {"GB", "tel:999", "tel:116123"},
        {"IE", "tel:112", "tel:116123"}, {"AU", "tel:000", "tel:131114"}, {"ES", "tel:112", "tel:024"},
        {"MX", "tel:911", "tel:8009112000"},
    };
    for (const auto& s : sets) {
        INFO(s.region);
        Help h = help_for(s.region, {}, "en");
        CHECK(h.region == s.region);
        CHECK(h.emergency.link == s.emergency);
        CHECK(h.lines.at(0).link == s.first);
        CHECK(h.guessed.empty());  // the practice chose it
    }
}

TEST_CASE("the practice's region wins over the browser's; an alias or any case will do") {
    CHECK(help_for("IE", {"en-GB"}, "en").region == "IE");
    CHECK(help_for("uk", {"en-US"}, "en").region == "GB");
    CHECK(help_for("default", {"en-GB"}, "en").region == "default");
    SECTION("a region Tend doesn't know falls back to the browser's") {
        CHECK(help_for("ZZ", {"en-AU"}, "en").region == "AU");
        CHECK_FALSE(tend::screen::known_region("ZZ"));
        CHECK(tend::screen::known_region("uk"));
    }
}

TEST_CASE("a language alone names no country: the default set, which leads with the local emergency number and findahelpline.com") {
    for (const std::vector<std::string>& locales : std::vector<std::vector<std::string>>{{}, {"es"}, {"en"}, {"es-419"}, {"fr-FR-x"}}) {
        Help h = help_for("", locales, "en");
        CHECK(h.region == (locales.size() && locales[0] == "fr-FR-x" ? "EU" : "default"));
    }
    Help h = help_for("", {"es"}, "es");
    CHECK(h.emergency.link.empty());  // we don't know the number
    CHECK(h.emergency.text.find("emergencias") != std::string::npos);
    CHECK(links(h) == std::vector<std::string>{"https://findahelpline.com"});
    CHECK(h.guessed.empty());  // nothing was guessed
}

TEST_CASE("the first of the browser's languages that names a country chooses") {
    CHECK(help_for("", {"es", "en-CA", "en-US"}, "en").region == "CA");
    CHECK(help_for("", {"es-MX"}, "es").region == "MX");
    CHECK(help_for("", {"de-AT"}, "en").region == "EU");
    CHECK(help_for("", {"zh-Hant-TW"}, "en").region == "default");  // a country Tend has no set for
}

TEST_CASE("help is written in English and Spanish; other languages read the English") {
    CHECK(tend::screen::has_help_in("es-MX"));
    CHECK_FALSE(tend::screen::has_help_in("de"));
    CHECK(help_for("GB", {}, "de").emergency.label == "Emergency services");
}
