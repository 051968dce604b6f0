// Looking steps up by id: StepIds (the table behind StepGraph and the validator's reference
// checks) and StepGraph's lookups, which must answer as Exercise's own linear lookups do.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "exercise.h"
#include "fixtures.h"
#include "step_graph.h"
#include "step_ids.h"

using tend::StepIds;

TEST_CASE("StepIds finds each id's first index, and nothing else", "[exercise]") {
    StepIds ids;
    CHECK(ids.find("anything") == -1);  // empty, never reserved
    ids.reserve(4);
    CHECK(ids.add("welcome", 0) == 0);
    CHECK(ids.add("feeling", 1) == 1);
    CHECK(ids.add("welcome", 2) == 0);  // a repeat: the first stays
    CHECK(ids.add("", 3) == 3);
    CHECK(ids.find("welcome") == 0);
    CHECK(ids.find("feeling") == 1);
    CHECK(ids.find("") == 3);
    CHECK(ids.find("feelin") == -1);
    CHECK(ids.find("feelings") == -1);
    CHECK(ids.find("Welcome") == -1);
}

TEST_CASE("StepIds grows past what was reserved and loses nothing", "[exercise]") {
    // Kept as views: the strings must stay put, so they are all made first.
    std::vector<std::string> names;
    for (int i = 0; i < 3000; i++) names.push_back((i % 2 ? "step_" : "s") + std::to_string(i));
    StepIds ids;
    ids.reserve(10);
    for (int i = 0; i < 3000; i++) REQUIRE(ids.add(names[static_cast<size_t>(i)], i) == i);
    for (int i = 0; i < 3000; i++) REQUIRE(ids.add(names[static_cast<size_t>(i)], 5000 + i) == i);
    for (int i = 0; i < 3000; i++) REQUIRE(ids.find(names[static_cast<size_t>(i)]) == i);
    CHECK(ids.find("s1") == -1);  // "step_1" is there, "s1" is not
    CHECK(ids.find("step_3000") == -1);
}

TEST_CASE("the step graph looks steps up as the Exercise's own lookups do", "[exercise]") {
    tend::Exercise ex = fixtures::load_fixture("valid/branching.json");
    ex.steps.push_back(ex.steps[3]);  // a repeated id: both answer with the first
    ex.steps.back().next = "somewhere_else";
    tend::StepGraph index(ex);
    for (const tend::Step& step : ex.steps) {
        CHECK(index.index_of(step.id) == ex.index_of(step.id));
        CHECK(index.find(step.id) == ex.find(step.id));
        CHECK(index.default_next(step) == ex.default_next(step));
    }
    for (const char* unknown : {"", "nowhere", "@return", "welcom"}) {
        CHECK(index.index_of(unknown) == -1);
        CHECK(ex.index_of(unknown) == -1);
        CHECK(index.find(unknown) == nullptr);
    }
}
