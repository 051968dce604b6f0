// Every exercise we ship loads cleanly, passes the care checks, and has no dead ends; the
// flagship's branches go where its authors meant them to.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "care_checks.h"
#include "fixtures.h"
#include "session.h"
#include "store.h"
#include "transcripts.h"
#include "validator.h"

namespace {

// exercises/*.json except the schema, in name order.
std::vector<std::string> shipped_exercise_files() {
    namespace fs = std::filesystem;
    std::vector<std::string> out;
    std::error_code ec;
    for (fs::directory_iterator it(fixtures::source_path("exercises"), ec), end; !ec && it != end;
         it.increment(ec)) {
        const fs::path& p = it->path();
        if (p.extension() == ".json" && p.filename() != "schema.json") out.push_back(p.string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string problems_text(const std::vector<tend::Problem>& problems) {
    std::string out;
    for (const tend::Problem& p : problems) out += tend::format_problem(p) + "\n";
    return out;
}

const std::string kFlagship = fixtures::source_path("exercises/self-compassion-impossible.json");

// Plays the flagship from the start with the given answers ("choose:id", "scale:N",
// "text:words"; any question not listed is skipped) and returns the steps met, stopping at
// an end, or once `until` has been met and one more step after it.
std::vector<std::string> play(const tend::Exercise& ex, const std::map<std::string, std::string>& answers,
                              const std::string& until = "") {
    tend::MemoryStore store;
    tend::Session session(ex, store, "test/", [] { return int64_t{1700000000000}; });
    session.open();
    std::vector<std::string> met;
    for (int guard = 0; guard < 200; guard++) {
        tend::StepView v = session.view();
        met.push_back(v.step_id);
        if (v.is_end) break;
        if (!until.empty() && met.size() >= 2 && met[met.size() - 2] == until) break;
        if (!tend::is_question(v.kind)) {
            REQUIRE(session.next());
            continue;
        }
        auto it = answers.find(v.step_id);
        if (it == answers.end()) {
            REQUIRE(session.skip());
            continue;
        }
        const std::string& a = it->second;
        if (a.rfind("choose:", 0) == 0) REQUIRE(session.choose(a.substr(7)));
        else if (a.rfind("scale:", 0) == 0) REQUIRE(session.set_scale(std::stoi(a.substr(6))));
        else if (a.rfind("text:", 0) == 0) REQUIRE(session.set_text(a.substr(5)));
        REQUIRE(session.next());
    }
    return met;
}

// The step met right after `step` on that playthrough, or "" if `step` wasn't met.
std::string after(const std::vector<std::string>& met, const std::string& step) {
    auto it = std::find(met.begin(), met.end(), step);
    return (it == met.end() || it + 1 == met.end()) ? "" : *(it + 1);
}

}  // namespace

TEST_CASE("every shipped exercise loads cleanly and passes the care checks with no dead ends") {
    const std::vector<std::string> files = shipped_exercise_files();
    CHECK_FALSE(files.empty());
    for (const std::string& file : files) {
        INFO(file);
        const std::string text = fixtures::read_file(file);
        tend::ExerciseLoad load = tend::load_exercise(text);
        INFO(problems_text(load.problems));
        CHECK(load.problems.empty());
        if (!load.ok()) continue;
        const tend::Exercise& ex = *load.exercise;

        std::vector<tend::Problem> care = tend::care_checks(ex);
        INFO("care checks:\n" + problems_text(care));
        CHECK(care.empty());

        tend::TranscriptSet set = tend::make_transcripts(ex, text);
        CHECK_FALSE(set.truncated);
        CHECK(set.hash.size() == 64);
        CHECK_FALSE(set.transcripts.empty());
        std::set<std::string> met;
        for (const tend::Transcript& t : set.transcripts) {
            INFO(t.text);
            CHECK(t.reached_end);
            met.insert(t.steps.begin(), t.steps.end());
        }
        for (const tend::Step& s : ex.steps) {
            INFO("step " + s.id + " appears in no transcript");
            CHECK(met.count(s.id) == 1);
        }
    }
}

TEST_CASE("the flagship exercise branches where its authors meant") {
    const std::string text = fixtures::read_file(kFlagship);
    REQUIRE_FALSE(text.empty());
    tend::ExerciseLoad load = tend::load_exercise(text);
    INFO(problems_text(load.problems));
    REQUIRE(load.ok());
    const tend::Exercise& ex = *load.exercise;
    REQUIRE(ex.safety.step == "ground");

    const std::map<std::string, std::string> steady = {
        {"kind_phrase", "choose:may_i"}, {"checkin_reach", "choose:keep_going"}, {"which_part", "choose:critic"},
        {"intensity_before", "scale:5"}, {"checkin_curious", "choose:keep_going"}, {"acknowledge", "choose:see_you"},
        {"intensity_after", "scale:4"},
    };
    auto with = [&](std::map<std::string, std::string> changes) {
        std::map<std::string, std::string> a = steady;
        for (const auto& [k, v] : changes) a[k] = v;
        return a;
    };

    SECTION("a steady practice reaches the closing words without a pause") {
        std::vector<std::string> met = play(ex, steady);
        CHECK(met.back() == "closing");
        CHECK(std::find(met.begin(), met.end(), "ground") == met.end());
        CHECK(after(met, "intensity_after") == "shift_body");
    }
    SECTION("a strong feeling (8 or more) before turning toward it offers grounding") {
        CHECK(after(play(ex, with({{"intensity_before", "scale:8"}}), "intensity_before"), "intensity_before") == "ground");
        CHECK(after(play(ex, with({{"intensity_before", "scale:7"}}), "intensity_before"), "intensity_before") ==
              "turn_toward");
    }
    SECTION("any rise from before to after offers grounding") {
        CHECK(after(play(ex, with({{"intensity_before", "scale:3"}, {"intensity_after", "scale:4"}}), "intensity_after"),
                    "intensity_after") == "ground");
        CHECK(after(play(ex, with({{"intensity_before", "scale:3"}, {"intensity_after", "scale:3"}}), "intensity_after"),
                    "intensity_after") == "shift_body");
    }
    SECTION("a high value after offers grounding even without a rise") {
        CHECK(after(play(ex, with({{"intensity_before", "scale:7"}, {"intensity_after", "scale:8"}}), "intensity_after"),
                    "intensity_after") == "ground");
    }
    SECTION("\"this is a lot\" at a check-in offers grounding") {
        CHECK(after(play(ex, with({{"checkin_reach", "choose:a_lot"}}), "checkin_reach"), "checkin_reach") == "ground");
        CHECK(after(play(ex, with({{"checkin_curious", "choose:a_lot"}}), "checkin_curious"), "checkin_curious") ==
              "ground");
    }
    SECTION("when nothing pushes back, the reader savours the kindness") {
        std::vector<std::string> met = play(ex, with({{"which_part", "choose:nothing"}}));
        CHECK(after(met, "which_part") == "savour");
        CHECK(std::find(met.begin(), met.end(), "intensity_before") == met.end());
        CHECK(met.back() == "closing");
    }
    SECTION("numbness is honoured as a protector") {
        CHECK(after(play(ex, with({{"which_part", "choose:numb"}})), "turn_toward") == "numb_honour");
    }
    SECTION("two parts at once are each listened to") {
        CHECK(after(play(ex, with({{"which_part", "choose:two_parts"}})), "turn_toward") == "two_parts_intro");
    }
    SECTION("grounding offers a kind stop, or a return to where the reader was going") {
        std::vector<std::string> stop = play(ex, with({{"intensity_before", "scale:9"}, {"ground_choice", "choose:stop"}}));
        CHECK(stop.back() == "ground_stop");
        std::vector<std::string> back =
            play(ex, with({{"intensity_before", "scale:9"}, {"ground_choice", "choose:continue"}}));
        CHECK(after(back, "ground_choice") == "turn_toward");
        CHECK(back.back() == "closing");
    }
}
