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
        {"kind_phrase", "choose:may_i"},      {"reach_notice", "text:a tightness"},
        {"distress_first", "scale:3"},        {"which_part", "choose:critic"},
        {"part_permission", "choose:yes"},    {"feel_toward", "choose:curious"},
        {"part_speaks", "text:don't get soft"}, {"checkin_first", "choose:keep_going"},
        {"part_fear", "text:that I'd stop trying"}, {"part_hopes", "choose:safe"},
        {"distress_mid", "scale:3"},          {"acknowledge", "choose:see_you"},
    };
    auto with = [&](std::map<std::string, std::string> changes) {
        std::map<std::string, std::string> a = steady;
        for (const auto& [k, v] : changes) a[k] = v;
        return a;
    };
    auto meets = [](const std::vector<std::string>& met, const std::string& step) {
        return std::find(met.begin(), met.end(), step) != met.end();
    };

    SECTION("a steady practice is 16 screens to the closing words, with three typed answers and no pause") {
        std::vector<std::string> met = play(ex, steady);
        CHECK(met == std::vector<std::string>{"arrive", "kind_phrase", "reach_offer", "reach_notice", "distress_first",
                                              "which_part", "part_permission", "feel_toward", "part_speaks",
                                              "checkin_first", "part_fear", "part_hopes", "distress_mid", "acknowledge",
                                              "acknowledge_offer", "closing"});
        int typed = 0;
        for (const std::string& id : met) typed += ex.find(id)->kind == tend::StepKind::Text;
        CHECK(typed == 3);
    }
    SECTION("no step asks toward where a part came from or what it holds back") {
        for (const char* gone : {"part_how_long", "part_protects", "numb_protects", "numb_when", "curious_thanks",
                                 "reach_thoughts"})
            CHECK(ex.find(gone) == nullptr);
        CHECK_THAT(ex.find("reach_notice")->hint, !Catch::Contains("memory"));
    }
    SECTION("the part is asked first, and \"it would rather be left alone\" is honoured with a gentle close") {
        std::vector<std::string> met = play(ex, with({{"part_permission", "choose:leave_me"}}));
        CHECK(after(met, "part_permission") == "permission_no");
        CHECK(met.back() == "closing");
        CHECK_FALSE(meets(met, "feel_toward"));
        CHECK_FALSE(meets(met, "part_speaks"));
        CHECK(after(play(ex, with({{"part_permission", "choose:not_sure"}})), "part_permission") == "feel_toward");
    }
    SECTION("feeling other than curious or warm toward the part is acknowledged before going on") {
        for (const char* feeling : {"annoyed", "afraid", "want_gone"}) {
            INFO(feeling);
            CHECK(after(play(ex, with({{"feel_toward", std::string("choose:") + feeling}})), "feel_toward") ==
                  "feel_acknowledge");
        }
        CHECK(after(play(ex, with({{"feel_toward", "choose:warm"}})), "feel_toward") == "part_speaks");
        auto harder = [&](const char* step_back) {
            return play(ex, with({{"feel_toward", "choose:annoyed"}, {"step_back", step_back}}));
        };
        CHECK(after(harder("choose:eased"), "step_back") == "part_speaks");
        std::vector<std::string> strong = harder("choose:still_strong");
        CHECK(after(strong, "step_back") == "feel_stays");
        CHECK(strong.back() == "closing");
        CHECK_FALSE(meets(strong, "part_speaks"));
    }
    SECTION("distress after the kind words: 8 or more offers grounding, and continuing goes on to naming") {
        CHECK(after(play(ex, with({{"distress_first", "scale:8"}}), "distress_first"), "distress_first") == "ground");
        CHECK(after(play(ex, with({{"distress_first", "scale:7"}}), "distress_first"), "distress_first") ==
              "which_part");
        std::vector<std::string> back = play(ex, with({{"distress_first", "scale:9"}, {"ground_choice", "choose:continue"}}));
        CHECK(after(back, "ground_choice") == "which_part");
    }
    SECTION("distress later, apart from the part: high or any rise offers grounding, then the lighter way to the close") {
        CHECK(after(play(ex, with({{"distress_mid", "scale:8"}}), "distress_mid"), "distress_mid") == "ground");
        CHECK(after(play(ex, with({{"distress_first", "scale:3"}, {"distress_mid", "scale:4"}}), "distress_mid"),
                    "distress_mid") == "ground");
        CHECK(after(play(ex, with({{"distress_first", "scale:3"}, {"distress_mid", "scale:3"}})), "distress_mid") ==
              "acknowledge");
        std::vector<std::string> back =
            play(ex, with({{"distress_first", "scale:2"}, {"distress_mid", "scale:5"}, {"ground_choice", "choose:continue"}}));
        CHECK(after(back, "ground_choice") == "acknowledge");
        CHECK(back.back() == "closing");
    }
    SECTION("the check-in right after the part first speaks offers three ways") {
        CHECK(after(play(ex, steady), "part_speaks") == "checkin_first");
        CHECK(after(play(ex, with({{"checkin_first", "choose:a_lot"}}), "checkin_first"), "checkin_first") == "ground");
        std::vector<std::string> stop = play(ex, with({{"checkin_first", "choose:stop"}}));
        CHECK(after(stop, "checkin_first") == "stop_here");
        CHECK(stop.back() == "stop_here");
        // After grounding, or when skipped, it goes the lighter way: the acknowledgment, not the deeper questions.
        std::vector<std::string> back = play(ex, with({{"checkin_first", "choose:a_lot"}, {"ground_choice", "choose:continue"}}));
        CHECK(after(back, "ground_choice") == "acknowledge");
        CHECK_FALSE(meets(back, "part_fear"));
        std::map<std::string, std::string> skipped = steady;
        skipped.erase("checkin_first");
        CHECK(after(play(ex, skipped), "checkin_first") == "acknowledge");
    }
    SECTION("every check-in offers a stop straight to a quiet end, without grounding screens") {
        std::vector<std::string> at_first = play(ex, with({{"checkin_first", "choose:stop"}}));
        std::vector<std::string> at_step_back = play(ex, with({{"feel_toward", "choose:afraid"}, {"step_back", "choose:stop"}}));
        std::vector<std::string> in_grounding = play(ex, with({{"distress_first", "scale:9"}, {"ground_choice", "choose:stop"}}));
        CHECK(at_first.back() == "stop_here");
        CHECK(at_step_back.back() == "stop_here");
        CHECK(in_grounding.back() == "ground_stop");
        CHECK_FALSE(meets(at_first, "ground"));
        CHECK_FALSE(meets(at_step_back, "ground"));
        CHECK(ex.find("stop_here")->quiet);
        CHECK(ex.find("ground_stop")->quiet);
        CHECK_FALSE(ex.find("closing")->quiet);
        CHECK(after(play(ex, with({{"feel_toward", "choose:afraid"}, {"step_back", "choose:a_lot"}}), "step_back"),
                    "step_back") == "ground");
    }
    SECTION("when nothing pushes back, the reader stays with the kindness and closes without the part's questions") {
        std::vector<std::string> met = play(ex, with({{"which_part", "choose:nothing"}}));
        CHECK(after(met, "which_part") == "savour");
        CHECK_FALSE(meets(met, "part_permission"));
        CHECK(met.back() == "savour_close");
    }
    SECTION("numbness is honoured as a protector, and two parts are both welcome, before the part is asked") {
        std::vector<std::string> numb = play(ex, with({{"which_part", "choose:numb"}}));
        CHECK(after(numb, "which_part") == "numb_honour");
        CHECK(after(numb, "numb_honour") == "part_permission");
        std::vector<std::string> two = play(ex, with({{"which_part", "choose:two_parts"}}));
        CHECK(after(two, "which_part") == "two_parts_intro");
        CHECK(after(two, "two_parts_intro") == "part_permission");
    }
    SECTION("the only breathing pacer is the grounding path's, and it is offered, not started") {
        for (const tend::Step& s : ex.steps)
            if (s.kind == tend::StepKind::Pause) {
                INFO(s.id);
                CHECK(s.id == "ground_breathe");
                CHECK(s.breathing == tend::Breathing::Offered);
            }
    }
    SECTION("check-ins, distress numbers and the part's permission stay out of the reader's words") {
        for (const char* id : {"distress_first", "distress_mid", "part_permission", "feel_toward", "checkin_first",
                               "step_back", "ground_choice"}) {
            INFO(id);
            CHECK_FALSE(ex.find(id)->reflect);
        }
        CHECK(ex.find("part_fear")->reflect);
        CHECK(ex.find("part_fear")->reflect_label == "What it’s afraid of");
    }
    SECTION("the crisis lines are the reader's region's: the exercise adds none of its own") {
        CHECK(ex.safety.resources.empty());
    }
}

TEST_CASE("the Spanish flagship walks the same path as the English: same steps, options, branches and care") {
    tend::ExerciseLoad en = tend::load_exercise(fixtures::read_file(kFlagship));
    tend::ExerciseLoad es =
        tend::load_exercise(fixtures::read_file(fixtures::source_path("exercises/self-compassion-impossible-es.json")));
    REQUIRE(en.ok());
    REQUIRE(es.ok());
    CHECK(es.exercise->language == "es");
    CHECK(es.exercise->version == en.exercise->version);
    CHECK(es.exercise->minutes == en.exercise->minutes);
    CHECK(es.exercise->safety.step == en.exercise->safety.step);
    CHECK(es.exercise->safety.resources.empty());
    REQUIRE(es.exercise->steps.size() == en.exercise->steps.size());
    for (size_t i = 0; i < en.exercise->steps.size(); i++) {
        const tend::Step& a = en.exercise->steps[i];
        const tend::Step& b = es.exercise->steps[i];
        INFO(a.id);
        CHECK(b.id == a.id);
        CHECK(b.kind == a.kind);
        CHECK(b.next == a.next);
        CHECK(b.reflect == a.reflect);
        CHECK(b.reflect_label.empty() == a.reflect_label.empty());
        CHECK(b.quiet == a.quiet);
        CHECK(b.breathing == a.breathing);
        CHECK(b.multiple == a.multiple);
        CHECK(b.other_label.empty() == a.other_label.empty());
        std::vector<std::string> ao, bo;
        for (const tend::Choice& c : a.choices) ao.push_back(c.id);
        for (const tend::Choice& c : b.choices) bo.push_back(c.id);
        CHECK(bo == ao);
        REQUIRE(b.branches.size() == a.branches.size());
        for (size_t k = 0; k < a.branches.size(); k++) {
            CHECK(b.branches[k].next == a.branches[k].next);
            REQUIRE(b.branches[k].when.size() == a.branches[k].when.size());
            for (size_t c = 0; c < a.branches[k].when.size(); c++) {
                CHECK(b.branches[k].when[c].step == a.branches[k].when[c].step);
                CHECK(b.branches[k].when[c].text == a.branches[k].when[c].text);
                CHECK(b.branches[k].when[c].number == a.branches[k].when[c].number);
            }
        }
    }
}

TEST_CASE("a reader who takes each choice's first option sees the same \"of about N\" from the first screen to the end") {
    // The estimate follows the way most readers go; the flagship's default ways on lead the
    // lighter way (past the deepest questions), which made its 16 screens read "of about 13".
    for (const std::string& file : shipped_exercise_files()) {
        INFO(file);
        tend::ExerciseLoad load = tend::load_exercise(fixtures::read_file(file));
        REQUIRE(load.ok());
        const tend::Exercise& ex = *load.exercise;
        tend::MemoryStore store;
        tend::Session session(ex, store, "test/", [] { return int64_t{1700000000000}; });
        session.open();
        const int promised = session.view().step_total;
        int met = 0;
        for (int guard = 0; guard < 200; guard++) {
            tend::StepView v = session.view();
            met++;
            INFO("at " + v.step_id);
            CHECK(v.step_total == promised);
            CHECK(v.step_number == met);
            if (v.is_end) break;
            if (v.kind == tend::StepKind::Choice) REQUIRE(session.choose(v.choices.at(0).id));
            if (v.kind == tend::StepKind::Scale) REQUIRE(session.set_scale(2));
            if (v.kind == tend::StepKind::Text) REQUIRE(session.set_text("some words"));
            REQUIRE(session.next());
        }
        CHECK(met == promised);
    }
}
