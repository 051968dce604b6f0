// Care checks: each fixture in tests/data/care/ breaks one of them (passing.json breaks none).
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "care_checks.h"
#include "fixtures.h"
#include "validator.h"

namespace {

tend::Exercise load_care_fixture(const std::string& name) { return fixtures::load_fixture("care/" + name); }

std::vector<std::string> paths_of(const std::vector<tend::Problem>& problems) {
    std::vector<std::string> out;
    for (const tend::Problem& p : problems) out.push_back(p.path);
    return out;
}

std::string all_messages(const std::vector<tend::Problem>& problems) {
    std::string out;
    for (const tend::Problem& p : problems) out += tend::format_problem(p) + "\n";
    return out;
}

}  // namespace

TEST_CASE("an exercise that takes care of its reader passes every care check") {
    tend::Exercise ex = load_care_fixture("passing.json");
    std::vector<tend::Problem> problems = tend::care_checks(ex);
    INFO(all_messages(problems));
    CHECK(problems.empty());
}

TEST_CASE("a main path that can only finish through the safety path is reported") {
    std::vector<tend::Problem> problems = tend::care_checks(load_care_fixture("main-path-ends-only-in-safety.json"));
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].path == "/steps/0");
    CHECK_THAT(problems[0].message, Catch::Contains("without going through the safety path"));
}

TEST_CASE("a step with nothing after it that isn't an end is reported at that step") {
    tend::Exercise ex = load_care_fixture("passing.json");
    // The file's last step: turning it into a `say` leaves it with no successor.
    ex.steps.back().kind = tend::StepKind::Say;
    std::vector<tend::Problem> problems = tend::care_checks(ex);
    INFO(all_messages(problems));
    const std::string last = "/steps/" + std::to_string(ex.steps.size() - 1);
    bool found = false;
    for (const tend::Problem& p : problems)
        if (p.path == last && p.message.find("close with an `end` step") != std::string::npos) found = true;
    CHECK(found);
}

TEST_CASE("a safety path that can return but offers no kind way to stop says what is missing") {
    std::vector<tend::Problem> problems = tend::care_checks(load_care_fixture("safety-without-kind-stop.json"));
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].path == "/safety/step");
    CHECK_THAT(problems[0].message, Catch::Contains("a kind way to stop"));
    CHECK_THAT(problems[0].message, !Catch::Contains("a way back"));
}

TEST_CASE("a safety path that can neither return nor stop names both") {
    tend::Exercise ex = load_care_fixture("passing.json");
    // ground_choice: no branch to the kind stop, and no way back.
    for (tend::Step& s : ex.steps)
        if (s.id == "ground_choice") {
            s.branches.clear();
            s.next = "ground";
        }
    std::vector<tend::Problem> problems = tend::care_checks(ex);
    INFO(all_messages(problems));
    bool found = false;
    for (const tend::Problem& p : problems)
        if (p.path == "/safety/step") {
            found = true;
            CHECK_THAT(p.message, Catch::Contains("a way back") && Catch::Contains("a kind way to stop"));
        }
    CHECK(found);
}

TEST_CASE("a missing safety step is reported") {
    tend::Exercise ex = load_care_fixture("passing.json");
    ex.safety.step = "nowhere";
    std::vector<tend::Problem> problems = tend::care_checks(ex);
    INFO(all_messages(problems));
    REQUIRE(!problems.empty());
    CHECK(problems[0].path == "/safety/step");
    CHECK_THAT(problems[0].message, Catch::Contains("\"nowhere\""));
}

TEST_CASE("crisis resources need at least one link a reader can use at once") {
    SECTION("no resource has a tel:, sms: or https: link") {
        std::vector<tend::Problem> problems = tend::care_checks(load_care_fixture("resources-without-link.json"));
        INFO(all_messages(problems));
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].path == "/safety/resources");
    }
    SECTION("an sms: link is enough") {
        tend::Exercise ex = load_care_fixture("resources-without-link.json");
        ex.safety.resources[1].link = "sms:988";
        CHECK(tend::care_checks(ex).empty());
    }
    SECTION("none of its own: the widget offers the reader's region's lines, so nothing is missing") {
        tend::Exercise ex = load_care_fixture("resources-without-link.json");
        ex.safety.resources.clear();
        CHECK(tend::care_checks(ex).empty());
    }
}

TEST_CASE("a rise between two scales that can reach the end without a grounding offer is reported at the later scale") {
    std::vector<tend::Problem> problems = tend::care_checks(load_care_fixture("rise-without-grounding.json"));
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].path == "/steps/5");
    CHECK(problems[0].message ==
          "\"intensity_after\" can show a rise from \"intensity_before\", but a path reaches the end without offering "
          "grounding: add a branch {\"step\": \"intensity_after\", \"rose_from\": \"intensity_before\"} that leads to "
          "the safety path");
}

TEST_CASE("a rise guard may sit on a later step as long as it leads to the safety path") {
    tend::Exercise ex = load_care_fixture("rise-without-grounding.json");
    // Move the guard from intensity_after to summary, the step every path then passes.
    for (tend::Step& s : ex.steps)
        if (s.id == "summary") {
            tend::Branch guard;
            tend::Condition rose;
            rose.step = "intensity_after";
            rose.test = tend::Condition::Test::RoseFrom;
            rose.text = "intensity_before";
            guard.when.push_back(rose);
            guard.next = "check_in";  // check_in can lead to ground before any end
            s.branches.push_back(guard);
        }
    std::vector<tend::Problem> problems = tend::care_checks(ex);
    INFO(all_messages(problems));
    CHECK(problems.empty());
}

TEST_CASE("texts longer than reads comfortably on a phone are reported with their length and the limit") {
    std::vector<tend::Problem> problems = tend::care_checks(load_care_fixture("too-long.json"));
    INFO(all_messages(problems));
    // intensity_before's prompt is exactly 300 characters: at the limit is fine.
    CHECK(paths_of(problems) ==
          std::vector<std::string>{"/steps/0/text/0", "/steps/2/options/0/label", "/steps/3/prompt", "/steps/3/hint"});
    REQUIRE(problems.size() == 4);
    CHECK_THAT(problems[0].message, Catch::Contains("421 characters") && Catch::Contains("within 420"));
    CHECK_THAT(problems[1].message, Catch::Contains("91 characters") && Catch::Contains("within 90"));
    CHECK_THAT(problems[2].message, Catch::Contains("301 characters") && Catch::Contains("within 300"));
    CHECK_THAT(problems[3].message, Catch::Contains("201 characters") && Catch::Contains("within 200"));
}

TEST_CASE("lengths are counted in characters and not bytes") {
    tend::Exercise ex = load_care_fixture("passing.json");
    std::string label;
    for (int i = 0; i < 90; i++) label += "é";  // 90 characters, 180 bytes
    ex.steps[2].choices[0].label = label;
    CHECK(tend::care_checks(ex).empty());
}

TEST_CASE("demanding or pathologizing words are flagged as whole words with a suggestion") {
    std::vector<tend::Problem> problems = tend::care_checks(load_care_fixture("demanding-words.json"));
    INFO(all_messages(problems));
    // "You shouldn't" and "brokenness" are different words and pass.
    CHECK(paths_of(problems) == std::vector<std::string>{"/steps/0/text/0", "/steps/2/options/1/label",
                                                         "/steps/3/hint", "/steps/4/text/0", "/steps/4/text/0"});
    REQUIRE(problems.size() == 5);
    CHECK_THAT(problems[0].message, Catch::Contains("\"you should\"") && Catch::Contains("if it feels okay, you might"));
    CHECK_THAT(problems[1].message, Catch::Contains("\"broken\""));
    CHECK_THAT(problems[2].message, Catch::Contains("\"symptom\""));
    CHECK_THAT(problems[3].message, Catch::Contains("\"just relax\""));
    CHECK_THAT(problems[4].message, Catch::Contains("\"calm down\""));
}

TEST_CASE("Spanish demands and labels are flagged too") {
    tend::Exercise ex = load_care_fixture("passing.json");
    ex.steps[0].text = {"Tienes que ser amable contigo.", "No estás loca.", "Una locación tranquila."};
    std::vector<tend::Problem> problems = tend::care_checks(ex);
    INFO(all_messages(problems));
    CHECK(paths_of(problems) == std::vector<std::string>{"/steps/0/text/0", "/steps/0/text/1"});
}

TEST_CASE("the disclaimer and crisis resources may use plain directive safety language") {
    tend::Exercise ex = load_care_fixture("passing.json");
    ex.disclaimer = "If you need to talk to someone now, call a helpline.";
    ex.safety.resources[0].text = "If you are in danger, you should call your local emergency number.";
    CHECK(tend::care_checks(ex).empty());
}

TEST_CASE("a required question is reported: every question can be skipped") {
    std::vector<tend::Problem> problems = tend::care_checks(load_care_fixture("required-question.json"));
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].path == "/steps/3/required");
    CHECK_THAT(problems[0].message, Catch::Contains("every question can be skipped in a care-checked exercise"));
}

namespace {

tend::Step* step_of(tend::Exercise& ex, const std::string& id) {
    for (tend::Step& s : ex.steps)
        if (s.id == id) return &s;
    return nullptr;
}

// Drops the branches of `step` that lead to `next`.
void drop_branches_to(tend::Exercise& ex, const std::string& step, const std::string& next) {
    std::vector<tend::Branch>& b = step_of(ex, step)->branches;
    b.erase(std::remove_if(b.begin(), b.end(), [&](const tend::Branch& br) { return br.next == next; }), b.end());
}

// Adds an end that isn't quiet, as an author might for a stop.
void add_end_not_quiet(tend::Exercise& ex, const std::string& id) {
    tend::Step end;
    end.id = id;
    end.kind = tend::StepKind::End;
    end.text = {"Stopping here is a kind choice."};
    end.index = static_cast<int>(ex.steps.size());
    ex.steps.push_back(end);
}

// The one problem the care checks find in `ex` (the test stops unless there is exactly one).
tend::Problem only_problem(const tend::Exercise& ex) {
    std::vector<tend::Problem> problems = tend::care_checks(ex);
    INFO(all_messages(problems));
    REQUIRE(problems.size() == 1);
    return problems[0];
}

}  // namespace

TEST_CASE("a check-in (a choice that can lead to grounding) offers a way to stop, straight to an end") {
    SECTION("without one it is reported at the check-in") {
        tend::Exercise ex = load_care_fixture("passing.json");
        drop_branches_to(ex, "check_in", "ground_stop");
        tend::Problem p = only_problem(ex);
        CHECK(p.path == "/steps/8");
        CHECK_THAT(p.message, Catch::Contains("no way to stop") && Catch::Contains("I'd like to stop here"));
    }
    SECTION("a stop that passes through another screen first isn't straight to an end") {
        tend::Exercise ex = load_care_fixture("passing.json");
        for (tend::Branch& br : step_of(ex, "check_in")->branches)
            if (br.next == "ground_stop") br.next = "numb_honour";
        std::vector<std::string> paths = paths_of(tend::care_checks(ex));
        CHECK(std::count(paths.begin(), paths.end(), "/steps/8") == 1);
    }
    SECTION("a choice that never leads to grounding is not a check-in and needs no stop") {
        tend::Exercise ex = load_care_fixture("passing.json");
        drop_branches_to(ex, "check_in", "ground");
        drop_branches_to(ex, "check_in", "ground_stop");
        // The rise it guarded now needs another guard: intensity_after's own branch to grounding.
        for (tend::Branch& br : step_of(ex, "intensity_after")->branches) br.next = "ground";
        std::vector<tend::Problem> problems = tend::care_checks(ex);
        INFO(all_messages(problems));
        CHECK(problems.empty());
    }
}

TEST_CASE("a question that leads toward where a part began, or what it holds back, is reported with what to ask instead") {
    // The flagship's questions before the care round, each of which the post leaves to therapy.
    tend::Exercise ex = load_care_fixture("passing.json");
    tend::Step* q = step_of(ex, "kind_words");
    SECTION("in a prompt") {
        q->prompt = "Does it seem to remember when it started?";
        tend::Problem p = only_problem(ex);
        CHECK(p.path == "/steps/" + std::to_string(q->index) + "/prompt");
        CHECK_THAT(p.message, Catch::Contains("\"when it started\" leads toward where a part began") &&
                                  Catch::Contains("ask in the present tense what the part fears"));
    }
    SECTION("in a hint, and in Spanish") {
        q->hint = "Quizá un recuerdo, o una imagen.";
        std::vector<std::string> paths = paths_of(tend::care_checks(ex));
        CHECK(paths == std::vector<std::string>{"/steps/" + std::to_string(q->index) + "/hint"});
    }
    SECTION("what it has protected the reader from, all this time") {
        q->prompt = "What might it have been trying to protect you from, all this time?";
        CHECK(paths_of(tend::care_checks(ex)).size() == 1);  // one problem for the question, not one per phrase
    }
    SECTION("a paragraph may say that parts soften over time; only questions are asked") {
        step_of(ex, "close")->text.push_back("Parts like this tend to soften slowly, over time, all this time being listened to.");
        CHECK(tend::care_checks(ex).empty());
    }
}

TEST_CASE("a distress scale (a scale that can lead to grounding) offers a way to stop too, by its \"stop\"") {
    SECTION("without one it is reported at the scale, naming the field") {
        tend::Exercise ex = load_care_fixture("passing.json");
        step_of(ex, "intensity_after")->stop.clear();
        tend::Problem p = only_problem(ex);
        CHECK(p.path == "/steps/5");
        CHECK_THAT(p.message, Catch::Contains("no way to stop") && Catch::Contains("give it a \"stop\""));
    }
    SECTION("the end its stop leads to must be quiet, and is named as reached by stopping there") {
        tend::Exercise ex = load_care_fixture("passing.json");
        add_end_not_quiet(ex, "stop_here");
        step_of(ex, "intensity_after")->stop = "stop_here";
        tend::Problem p = only_problem(ex);
        CHECK(p.path == "/steps/14");
        CHECK_THAT(p.message, Catch::Contains("by stopping at \"intensity_after\""));
    }
    SECTION("a scale that never leads to grounding needs no stop") {
        tend::Exercise ex = load_care_fixture("passing.json");
        REQUIRE(step_of(ex, "intensity_before")->stop.empty());
        CHECK(tend::care_checks(ex).empty());
    }
}

TEST_CASE("an end a reader reaches from grounding, or by stopping at a check-in, is quiet") {
    SECTION("the grounding path's end without \"quiet\" is reported there") {
        tend::Exercise ex = load_care_fixture("passing.json");
        step_of(ex, "ground_stop")->quiet = false;
        std::vector<tend::Problem> problems = tend::care_checks(ex);
        INFO(all_messages(problems));
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].path == "/steps/13");
        CHECK_THAT(problems[0].message, Catch::Contains("the grounding path leads here") &&
                                            Catch::Contains("\"quiet\": true"));
    }
    SECTION("a check-in's own stop without \"quiet\" is reported, naming the check-in") {
        tend::Exercise ex = load_care_fixture("passing.json");
        add_end_not_quiet(ex, "stop_here");
        for (tend::Branch& br : step_of(ex, "check_in")->branches)
            if (br.next == "ground_stop") br.next = "stop_here";
        std::vector<tend::Problem> problems = tend::care_checks(ex);
        INFO(all_messages(problems));
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].path == "/steps/14");
        CHECK_THAT(problems[0].message, Catch::Contains("by stopping at \"check_in\""));
        ex.steps.back().quiet = true;
        CHECK(tend::care_checks(ex).empty());
    }
    SECTION("the main path's closing words need not be quiet") {
        tend::Exercise ex = load_care_fixture("passing.json");
        REQUIRE_FALSE(step_of(ex, "close")->quiet);
        CHECK(tend::care_checks(ex).empty());
    }
}

TEST_CASE("a breathing pacer only on a pause whose words invite breathing") {
    tend::Exercise ex = load_care_fixture("passing.json");
    tend::Step& breathe = *step_of(ex, "breathe");  // "Let your breath be just as it is.", /steps/4
    SECTION("a quiet pause may say anything") {
        REQUIRE(breathe.breathing == tend::Breathing::None);
        CHECK(tend::care_checks(ex).empty());
    }
    SECTION("\"let your breath be just as it is\" beside a guided or offered pacer is reported") {
        for (tend::Breathing how : {tend::Breathing::Guided, tend::Breathing::Offered}) {
            breathe.breathing = how;
            std::vector<tend::Problem> problems = tend::care_checks(ex);
            INFO(all_messages(problems));
            REQUIRE(problems.size() == 1);
            CHECK(problems[0].path == "/steps/4/breathing");
            CHECK_THAT(problems[0].message, Catch::Contains("leave the breath just as it is") &&
                                                Catch::Contains("\"breathing\": \"none\""));
        }
    }
    SECTION("a pacer on words that say nothing of breathing is reported") {
        breathe.breathing = tend::Breathing::Guided;
        breathe.text = {"Notice the floor beneath your feet."};
        std::vector<tend::Problem> problems = tend::care_checks(ex);
        INFO(all_messages(problems));
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].path == "/steps/4/breathing");
        CHECK_THAT(problems[0].message, Catch::Contains("don't invite breathing"));
    }
    SECTION("words that invite breathing may have a pacer, in English or Spanish") {
        breathe.breathing = tend::Breathing::Offered;
        for (const char* words : {"If it helps, let each out-breath be a little longer.", "Breathe in gently.",
                                  "Si te ayuda, deja que cada exhalación sea un poco más larga."}) {
            INFO(words);
            breathe.text = {words};
            CHECK(tend::care_checks(ex).empty());
        }
    }
    SECTION("Spanish words that leave the breath alone are reported too") {
        breathe.breathing = tend::Breathing::Guided;
        breathe.text = {"Deja que la respiración sea como es."};
        CHECK(paths_of(tend::care_checks(ex)) == std::vector<std::string>{"/steps/4/breathing"});
    }
}
