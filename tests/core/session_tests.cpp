// Tend: how a reader moves through an exercise, and how their words are kept.
//
// Fixtures: tests/data/valid/session_flow.json (a linear practice with a grounding path,
// reached by the button or by a branch) and session_branches.json (one step whose branches
// exercise every condition test).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "conditions.h"
#include "fixtures.h"
#include "interpolate.h"
#include "journal.h"
#include "json_tree.h"
#include "reference_json.h"
#include "session.h"
#include "validator.h"

using namespace tend;

namespace {

constexpr int64_t kNow = 1795701900000;  // 2026-11-26 14:05 UTC
const std::string kPrefix = "tend/test/";

Exercise load_fixture(const std::string& name) { return fixtures::load_fixture("valid/" + name); }

// A stored session with one field changed, as a tampered or older save would hold it.
template <typename T>
std::string with_field(const std::string& stored, const std::string& key, const T& value) {
    nlohmann::json j = nlohmann::json::parse(stored);
    j[key] = value;
    return j.dump();
}

// One reader on one device: an exercise, their storage, a clock the test moves by hand.
struct Reader {
    Exercise exercise;
    MemoryStore store;
    int64_t now = kNow;
    Session session;

    explicit Reader(const std::string& fixture) : Reader(load_fixture(fixture)) {}
    explicit Reader(Exercise ex) : exercise(std::move(ex)), session(exercise, store, kPrefix, [this] { return now; }) {
        session.open();
    }
    Reader(const Reader&) = delete;

    // The same device, a new page load.
    std::unique_ptr<Session> reopen(const Exercise& ex) {
        auto again = std::make_unique<Session>(ex, store, kPrefix, [this] { return now; });
        again->open();
        return again;
    }
    std::string stored() {
        auto it = store.data.find(session.storage_key());
        return it == store.data.end() ? "" : it->second;
    }
};

// session_flow.json: welcome → intensity_before → feeling → which_part → kind_phrase → rest
// → intensity_after → summary → close; grounding path ground → ground_breathe → ground_check.
void walk_to_feeling(Session& s, int intensity = 3) {
    REQUIRE(s.state().current == "welcome");
    REQUIRE(s.next());
    REQUIRE(s.set_scale(intensity));
    REQUIRE(s.next());
    REQUIRE(s.state().current == "feeling");
}

void walk_to_kind_phrase(Session& s) {
    walk_to_feeling(s);
    REQUIRE(s.set_text("tired"));
    REQUIRE(s.next());
    REQUIRE(s.choose("critic"));
    REQUIRE(s.next());
    REQUIRE(s.state().current == "kind_phrase");
}

Answer chosen(std::vector<std::string> ids, std::string other = "", bool other_selected = false) {
    Answer a;
    a.chosen = std::move(ids);
    a.other = std::move(other);
    a.other_selected = other_selected;
    return a;
}
Answer typed(std::string text) {
    Answer a;
    a.text = std::move(text);
    return a;
}
Answer scaled(int n) {
    Answer a;
    a.number = n;
    return a;
}
Answer skipped() {
    Answer a;
    a.skipped = true;
    return a;
}

Condition cond(const std::string& step, Condition::Test test, const std::string& text = "", int number = 0,
               bool flag = true) {
    Condition c;
    c.step = step;
    c.test = test;
    c.text = text;
    c.number = number;
    c.flag = flag;
    return c;
}
bool holds(const Exercise& ex, const Answers& answers, std::vector<Condition> when) {
    Branch b;
    b.when = std::move(when);
    b.next = "plain";
    return branch_matches(ex, b, answers);
}

using T = Condition::Test;

}  // namespace

// ---- how answers read -------------------------------------------------------------------

TEST_CASE("answers read naturally when woven into later text", "[answer]") {
    Exercise ex = load_fixture("session_branches.json");
    const Step& pick = *ex.find("pick");
    const Step& many = *ex.find("many");
    const Step& mood = *ex.find("mood");
    const Step& before = *ex.find("before");

    SECTION("a choice reads by its phrase") { CHECK(answer_as_text(pick, chosen({"critic"}), "en") == "a critic"); }
    SECTION("an option without a phrase reads by its label") {
        CHECK(answer_as_text(many, chosen({"hope"}), "en") == "A little hope");
    }
    SECTION("two choices are joined with \"and\", three with a comma too") {
        CHECK(answer_as_text(many, chosen({"tired", "worry"}), "en") == "tiredness and worry");
        CHECK(answer_as_text(many, chosen({"tired", "worry", "hope"}), "en") == "tiredness, worry and A little hope");
    }
    SECTION("choices read in the order of the options, however they were tapped") {
        CHECK(answer_as_text(many, chosen({"worry", "tired"}), "en") == "tiredness and worry");
    }
    SECTION("the reader's own words come last, as typed") {
        CHECK(answer_as_text(many, chosen({"tired"}, " a heavy chest ", true), "en") == "tiredness and a heavy chest");
        CHECK(answer_as_text(pick, chosen({}, "my mother's voice", true), "en") == "my mother's voice");
    }
    SECTION("own words that were deselected don't appear") {
        CHECK(answer_as_text(pick, chosen({"critic"}, "old words", false), "en") == "a critic");
    }
    SECTION("Spanish joins with \"y\"") {
        CHECK(answer_as_text(many, chosen({"tired", "worry"}), "es") == "tiredness y worry");
        CHECK(answer_as_text(many, chosen({"tired", "worry", "hope"}), "es-MX") == "tiredness, worry y A little hope");
    }
    SECTION("text as typed, without surrounding blank space") {
        CHECK(answer_as_text(mood, typed("  tired,\nbut here \n"), "en") == "tired,\nbut here");
    }
    SECTION("a scale reads as its number, 0 included") {
        CHECK(answer_as_text(before, scaled(7), "en") == "7");
        CHECK(answer_as_text(before, scaled(0), "en") == "0");
    }
    SECTION("skipped and empty answers read as nothing") {
        CHECK(answer_as_text(mood, skipped(), "en").empty());
        CHECK(answer_as_text(mood, typed("   "), "en").empty());
        CHECK(answer_as_text(pick, chosen({}), "en").empty());
        CHECK(answer_as_text(pick, chosen({}, "", true), "en").empty());
        CHECK(answer_as_text(before, scaled(-1), "en").empty());
    }
}

// ---- branches ---------------------------------------------------------------------------

TEST_CASE("every condition test holds exactly when the spec says", "[branch]") {
    Exercise ex = load_fixture("session_branches.json");
    Answers a;

    SECTION("equals on a choice means that one option and nothing else") {
        a["pick"] = chosen({"critic"});
        CHECK(holds(ex, a, {cond("pick", T::Equals, "critic")}));
        CHECK_FALSE(holds(ex, a, {cond("pick", T::Equals, "protector")}));
        a["many"] = chosen({"tired", "worry"});
        CHECK_FALSE(holds(ex, a, {cond("many", T::Equals, "tired")}));
        a["many"] = chosen({"tired"}, "and more", true);
        CHECK_FALSE(holds(ex, a, {cond("many", T::Equals, "tired")}));
    }
    SECTION("equals \"other\" means only the reader's own words") {
        a["pick"] = chosen({}, "a small voice", true);
        CHECK(holds(ex, a, {cond("pick", T::Equals, "other")}));
        a["pick"] = chosen({}, "   ", true);
        CHECK_FALSE(holds(ex, a, {cond("pick", T::Equals, "other")}));
        a["many"] = chosen({"tired"}, "a small voice", true);
        CHECK_FALSE(holds(ex, a, {cond("many", T::Equals, "other")}));
    }
    SECTION("equals on text ignores case and surrounding spaces") {
        a["mood"] = typed("  Tired \n");
        CHECK(holds(ex, a, {cond("mood", T::Equals, "tired")}));
        CHECK(holds(ex, a, {cond("mood", T::Equals, " TIRED")}));
        CHECK_FALSE(holds(ex, a, {cond("mood", T::Equals, "tire")}));
        a["mood"] = typed("CANSADA Ñ");
        CHECK(holds(ex, a, {cond("mood", T::Equals, "cansada ñ")}));
    }
    SECTION("equals on a scale compares the number") {
        a["before"] = scaled(5);
        CHECK(holds(ex, a, {cond("before", T::Equals, "", 5)}));
        CHECK_FALSE(holds(ex, a, {cond("before", T::Equals, "", 4)}));
        a["before"] = scaled(0);
        CHECK(holds(ex, a, {cond("before", T::Equals, "", 0)}));
    }
    SECTION("includes: the option is among those chosen, \"other\" for own words") {
        a["many"] = chosen({"tired", "worry"});
        CHECK(holds(ex, a, {cond("many", T::Includes, "worry")}));
        CHECK_FALSE(holds(ex, a, {cond("many", T::Includes, "hope")}));
        CHECK_FALSE(holds(ex, a, {cond("many", T::Includes, "other")}));
        a["many"] = chosen({"tired"}, "restless", true);
        CHECK(holds(ex, a, {cond("many", T::Includes, "other")}));
        CHECK(holds(ex, a, {cond("many", T::Includes, "tired")}));
    }
    SECTION("at_least and at_most are inclusive") {
        a["before"] = scaled(8);
        CHECK(holds(ex, a, {cond("before", T::AtLeast, "", 8)}));
        CHECK_FALSE(holds(ex, a, {cond("before", T::AtLeast, "", 9)}));
        CHECK(holds(ex, a, {cond("before", T::AtMost, "", 8)}));
        CHECK_FALSE(holds(ex, a, {cond("before", T::AtMost, "", 7)}));
    }
    SECTION("answered: true only with a value; false when skipped or never reached") {
        CHECK(holds(ex, a, {cond("mood", T::Answered, "", 0, false)}));
        CHECK_FALSE(holds(ex, a, {cond("mood", T::Answered)}));
        a["mood"] = skipped();
        CHECK(holds(ex, a, {cond("mood", T::Answered, "", 0, false)}));
        a["mood"] = typed("   ");
        CHECK(holds(ex, a, {cond("mood", T::Answered, "", 0, false)}));
        a["mood"] = typed("ok");
        CHECK(holds(ex, a, {cond("mood", T::Answered)}));
        a["pick"] = chosen({}, "", true);  // tapped "something else" but typed nothing yet
        CHECK(holds(ex, a, {cond("pick", T::Answered, "", 0, false)}));
    }
    SECTION("skipped: only when the reader chose Skip") {
        CHECK(holds(ex, a, {cond("mood", T::Skipped, "", 0, false)}));
        CHECK_FALSE(holds(ex, a, {cond("mood", T::Skipped)}));
        a["mood"] = skipped();
        CHECK(holds(ex, a, {cond("mood", T::Skipped)}));
        a["mood"] = typed("fine");
        CHECK(holds(ex, a, {cond("mood", T::Skipped, "", 0, false)}));
    }
    SECTION("rose_from: both answered and strictly greater") {
        a["before"] = scaled(3);
        a["after"] = scaled(4);
        CHECK(holds(ex, a, {cond("after", T::RoseFrom, "before")}));
        a["after"] = scaled(3);
        CHECK_FALSE(holds(ex, a, {cond("after", T::RoseFrom, "before")}));
        a["after"] = scaled(9);
        a["before"] = skipped();
        CHECK_FALSE(holds(ex, a, {cond("after", T::RoseFrom, "before")}));
        a.erase("before");
        CHECK_FALSE(holds(ex, a, {cond("after", T::RoseFrom, "before")}));
    }
    SECTION("tests on a value never hold for a skipped question") {
        a["pick"] = skipped();
        a["before"] = skipped();
        CHECK_FALSE(holds(ex, a, {cond("pick", T::Includes, "critic")}));
        CHECK_FALSE(holds(ex, a, {cond("before", T::AtMost, "", 10)}));
    }
    SECTION("all conditions must hold") {
        a["pick"] = chosen({"numb"});
        a["mood"] = typed("flat");
        CHECK(holds(ex, a, {cond("pick", T::Includes, "numb"), cond("mood", T::Answered)}));
        CHECK_FALSE(holds(ex, a, {cond("pick", T::Includes, "numb"), cond("mood", T::Skipped)}));
    }
    SECTION("a condition on a step the exercise doesn't have never holds a value") {
        a["gone"] = typed("x");
        CHECK_FALSE(holds(ex, a, {cond("gone", T::Equals, "x")}));
        CHECK_FALSE(holds(ex, a, {cond("gone", T::Answered)}));
    }
}

TEST_CASE("branches are tried in order and the first that holds wins", "[branch][flow]") {
    Reader r("session_branches.json");
    Session& s = r.session;
    auto answer_all = [&](auto pick, const std::string& mood, int before, int after) {
        pick();
        REQUIRE(s.next());
        REQUIRE(s.skip());  // many
        if (mood.empty()) REQUIRE(s.skip());
        else {
            REQUIRE(s.set_text(mood));
            REQUIRE(s.next());
        }
        REQUIRE(s.set_scale(before));
        REQUIRE(s.next());
        REQUIRE(s.set_scale(after));
        REQUIRE(s.next());
        return s.state().current;
    };
    auto pick = [&](const std::string& id) { return [&s, id] { REQUIRE(s.choose(id)); }; };

    SECTION("a rise wins over everything after it") {
        CHECK(answer_all([&] { REQUIRE(s.set_other(true, "mine")); }, "tired", 2, 6) == "rose");
    }
    SECTION("the reader's own words") {
        CHECK(answer_all([&] { REQUIRE(s.set_other(true, "a tight jaw")); }, "tired", 5, 5) == "own_words");
        CHECK(s.view().paragraphs.at(0) == "You said a tight jaw.");
    }
    SECTION("two conditions together") { CHECK(answer_all(pick("numb"), "flat", 5, 4) == "numb_honour"); }
    SECTION("when one of two conditions fails, a later branch can win") {
        CHECK(answer_all(pick("numb"), "", 5, 4) == "gentle");
    }
    SECTION("text equals, ignoring case and spaces") { CHECK(answer_all(pick("critic"), "  Tired ", 5, 5) == "tired"); }
    SECTION("nothing matches: the default flow") { CHECK(answer_all(pick("critic"), "calm", 5, 5) == "plain"); }
}

// ---- answering --------------------------------------------------------------------------

TEST_CASE("a reply is clipped to max_length characters, never mid-character", "[answer]") {
    Reader r("session_flow.json");
    walk_to_feeling(r.session);  // feeling: max_length 20
    REQUIRE(r.session.set_text("abcdefghijklmnopqrstuvwxyz"));
    CHECK(r.session.answer("feeling")->text == "abcdefghijklmnopqrst");
    // 19 ASCII characters, then a 2-byte, a 4-byte and a 3-byte character.
    REQUIRE(r.session.set_text("abcdefghijklmnopqrs\xC3\xA9\xF0\x9F\x8C\xB1\xE2\x80\x94"));
    CHECK(r.session.answer("feeling")->text == "abcdefghijklmnopqrs\xC3\xA9");
    REQUIRE(r.session.set_text("\xF0\x9F\x8C\xB1\xF0\x9F\x8C\xB1"));
    CHECK(r.session.answer("feeling")->text == "\xF0\x9F\x8C\xB1\xF0\x9F\x8C\xB1");
}

TEST_CASE("answers apply only to the kind of step the reader is on", "[answer]") {
    Reader r("session_flow.json");
    Session& s = r.session;
    CHECK_FALSE(s.set_text("hello"));  // welcome is a say step
    CHECK_FALSE(s.choose("critic"));
    CHECK_FALSE(s.set_scale(3));
    REQUIRE(s.next());
    CHECK_FALSE(s.set_text("hello"));
    CHECK_FALSE(s.set_scale(11));
    CHECK_FALSE(s.set_scale(-1));
    CHECK(s.answer("intensity_before") == nullptr);
    CHECK(s.set_scale(0));
    CHECK(s.answer("intensity_before")->number == 0);
    CHECK(s.set_scale(10));
    CHECK(s.answer("intensity_before")->at_ms == kNow);
}

TEST_CASE("a single choice holds one option, or the reader's own words", "[answer]") {
    Reader r("session_flow.json");
    Session& s = r.session;
    walk_to_feeling(s);
    REQUIRE(s.next());
    REQUIRE(s.state().current == "which_part");

    CHECK_FALSE(s.choose("nope"));
    REQUIRE(s.choose("critic"));
    REQUIRE(s.choose("protector"));
    CHECK(s.answer("which_part")->chosen == std::vector<std::string>{"protector"});

    r.now += 500;
    REQUIRE(s.set_other(true, "my mother's voice"));
    const Answer* a = s.answer("which_part");
    CHECK(a->chosen.empty());
    CHECK(a->other_selected);
    CHECK(a->other == "my mother's voice");
    CHECK(a->at_ms == kNow + 500);

    StepView v = s.view();
    CHECK(v.other_selected);
    CHECK(v.other_text == "my mother's voice");
    CHECK(v.other_label == "Something else, in my words");
    for (const ChoiceView& c : v.choices) CHECK_FALSE(c.selected);

    REQUIRE(s.choose("numb"));
    a = s.answer("which_part");
    CHECK(a->chosen == std::vector<std::string>{"numb"});
    CHECK_FALSE(a->other_selected);
    CHECK(a->other.empty());
    CHECK(s.view().choices.at(2).selected);
}

TEST_CASE("a multiple choice toggles, keeps the options' order and may add own words", "[answer]") {
    Reader r("session_branches.json");
    Session& s = r.session;
    REQUIRE(s.skip());
    REQUIRE(s.state().current == "many");
    REQUIRE(s.choose("hope"));
    REQUIRE(s.choose("tired"));
    CHECK(s.answer("many")->chosen == std::vector<std::string>{"tired", "hope"});
    REQUIRE(s.set_other(true, "restless"));
    CHECK(s.answer("many")->chosen == std::vector<std::string>{"tired", "hope"});
    REQUIRE(s.choose("hope"));
    CHECK(s.answer("many")->chosen == std::vector<std::string>{"tired"});
    CHECK(s.answer("many")->other == "restless");
    REQUIRE(s.set_other(false, "ignored"));
    CHECK_FALSE(s.answer("many")->other_selected);
    CHECK(s.answer("many")->other.empty());
    StepView v = s.view();
    CHECK(v.multiple);
    CHECK(v.choices.at(0).selected);
    CHECK_FALSE(v.choices.at(1).selected);
}

TEST_CASE("answering a skipped question clears the skip", "[answer]") {
    Reader r("session_flow.json");
    Session& s = r.session;
    walk_to_feeling(s);
    REQUIRE(s.skip());
    REQUIRE(s.back());
    CHECK(s.answer("feeling")->skipped);
    REQUIRE(s.set_text("sad"));
    CHECK_FALSE(s.answer("feeling")->skipped);
    CHECK(s.answer("feeling")->text == "sad");
}

// ---- moving -----------------------------------------------------------------------------

TEST_CASE("Back is not possible at the first step, and returns along the way the reader came", "[flow]") {
    Reader r("session_flow.json");
    Session& s = r.session;
    CHECK_FALSE(s.back());
    CHECK_FALSE(s.view().can_back);
    walk_to_feeling(s);
    CHECK(s.view().can_back);
    REQUIRE(s.back());
    CHECK(s.state().current == "intensity_before");
    CHECK(s.view().scale_value == 3);
    REQUIRE(s.back());
    CHECK(s.state().current == "welcome");
    CHECK(s.state().history.empty());
    CHECK_FALSE(s.back());
}

TEST_CASE("Skip marks the question skipped, keeps no words, and moves on", "[flow]") {
    Reader r("session_flow.json");
    Session& s = r.session;
    walk_to_feeling(s);
    REQUIRE(s.set_text("something raw"));
    CHECK(s.view().can_skip);
    REQUIRE(s.skip());
    CHECK(s.state().current == "which_part");
    const Answer* a = s.answer("feeling");
    REQUIRE(a);
    CHECK(a->skipped);
    CHECK(a->text.empty());
    CHECK(s.skip());  // which_part is optional too
}

TEST_CASE("\"I'd like to stop here\" on a check-in goes straight to its quiet end, answered or not, and Back returns", "[flow]") {
    Reader r(fixtures::load_fixture("care/passing.json"));  // intensity_after: "stop": "ground_stop"
    Session& s = r.session;
    CHECK_FALSE(s.view().can_stop);
    CHECK_FALSE(s.stop_here());  // a step with no stop refuses, and stays put
    CHECK(s.state().current == "arrive");
    for (int i = 0; i < 20 && s.state().current != "intensity_after"; i++) s.view().can_continue ? s.next() : s.skip();
    REQUIRE(s.state().current == "intensity_after");
    CHECK(s.view().can_stop);
    REQUIRE(s.stop_here());
    CHECK(s.state().current == "ground_stop");
    CHECK_FALSE(s.state().in_safety());  // not a pause: a kind end, with no grounding screens before it
    CHECK(s.state().finished());
    CHECK(s.answer("intensity_after") == nullptr);  // stopping is not an answer
    CHECK(s.view().is_end);
    REQUIRE(s.back());
    CHECK(s.state().current == "intensity_after");
    CHECK_FALSE(s.state().finished());
}

TEST_CASE("Continue on an unanswered optional question counts as a skip", "[flow]") {
    Reader r("session_flow.json");
    Session& s = r.session;
    walk_to_feeling(s);
    CHECK(s.view().can_continue);
    REQUIRE(s.set_text("   "));  // only spaces: not an answer
    REQUIRE(s.next());
    CHECK(s.state().current == "which_part");
    CHECK(s.answer("feeling")->skipped);
}

TEST_CASE("a required question refuses Continue and Skip until it is answered", "[flow]") {
    Reader r("session_flow.json");
    Session& s = r.session;
    walk_to_kind_phrase(s);
    StepView v = s.view();
    CHECK_FALSE(v.can_skip);
    CHECK_FALSE(v.can_continue);
    CHECK_FALSE(s.next());
    CHECK_FALSE(s.skip());
    REQUIRE(s.set_text("  \n "));
    CHECK_FALSE(s.next());
    CHECK(s.state().current == "kind_phrase");
    REQUIRE(s.set_text("You're doing your best."));
    CHECK(s.view().can_continue);
    REQUIRE(s.next());
    CHECK(s.state().current == "rest");
}

TEST_CASE("woven words keep their own sentence end, without a second full stop", "[interpolate]") {
    auto with = [](const std::string& words) {
        return interpolate("Let both parts hear it: {{to_both|there is room}}. Then rest.",
                           [&](const std::string&) { return words; });
    };
    CHECK(with("you both belong here.") == "Let both parts hear it: you both belong here. Then rest.");
    CHECK(with("is there room?") == "Let both parts hear it: is there room? Then rest.");
    CHECK(with("I hear you\xE2\x80\xA6") == "Let both parts hear it: I hear you\xE2\x80\xA6 Then rest.");
    CHECK(with("you both belong here") == "Let both parts hear it: you both belong here. Then rest.");
    CHECK(with("") == "Let both parts hear it: there is room. Then rest.");
    CHECK(interpolate("{{a}}, and more.", [](const std::string&) { return std::string("yes."); }) == "yes., and more.");
}

TEST_CASE("a reader who skips the part question still gets a kind fallback", "[interpolate]") {
    Reader r("session_flow.json");
    Session& s = r.session;
    walk_to_feeling(s);

    SECTION("their words when they gave them") {
        REQUIRE(s.set_text("tired"));
        REQUIRE(s.next());
        CHECK(s.view().prompt == "You named tired. If it feels okay, notice what pushed back.");
        REQUIRE(s.choose("critic"));
        REQUIRE(s.next());
        REQUIRE(s.set_text("  Be gentle. "));
        REQUIRE(s.next());
        StepView v = s.view();
        REQUIRE(v.paragraphs.size() == 2);
        CHECK(v.paragraphs[0] == "Rest with a critic for a moment.");
        CHECK(v.paragraphs[1] == "You offered: Be gentle.");
        CHECK(v.seconds == 30);
    }
    SECTION("the fallback when they skipped") {
        REQUIRE(s.skip());
        CHECK(s.view().prompt == "You named what you feel. If it feels okay, notice what pushed back.");
        REQUIRE(s.skip());
        CHECK(s.view().prompt == "What would you say to a friend who felt this way?");
        REQUIRE(s.set_text("It's okay."));
        REQUIRE(s.next());
        CHECK(s.view().paragraphs.at(0) == "Rest with a part of you for a moment.");
    }
    SECTION("a skipped part is met by its fallback later on too") {
        REQUIRE(s.skip());
        REQUIRE(s.skip());
        REQUIRE(s.set_text("It's okay."));
        REQUIRE(s.next());
        REQUIRE(s.next());
        REQUIRE(s.state().current == "intensity_after");
        CHECK(s.view().prompt == "And now, after meeting that part, how heavy does it feel?");
    }
    SECTION("own words are woven in as typed") {
        REQUIRE(s.next());
        REQUIRE(s.set_other(true, " a small scared voice "));
        REQUIRE(s.next());
        REQUIRE(s.set_text("Hi."));
        REQUIRE(s.next());
        CHECK(s.view().paragraphs.at(0) == "Rest with a small scared voice for a moment.");
    }
}

TEST_CASE("progress counts the steps met and the steps still ahead", "[view]") {
    Reader r("session_flow.json");
    Session& s = r.session;
    StepView v = s.view();
    CHECK(v.step_number == 1);
    CHECK(v.step_total == 9);
    walk_to_feeling(s);
    v = s.view();
    CHECK(v.step_number == 3);
    CHECK(v.step_total == 9);
    CHECK(v.kind == StepKind::Text);
    CHECK(v.hint == "A word or two is enough.");
    CHECK(v.max_length == 20);
}

TEST_CASE("reaching the end finishes the session and keeps it in the journal", "[flow][journal]") {
    Reader r("session_flow.json");
    Session& s = r.session;
    walk_to_kind_phrase(s);
    REQUIRE(s.set_text("Be kind."));
    REQUIRE(s.next());
    REQUIRE(s.next());
    REQUIRE(s.set_scale(2));
    REQUIRE(s.next());
    r.now += 60000;
    REQUIRE(s.next());
    REQUIRE(s.state().current == "close");
    StepView v = s.view();
    CHECK(v.is_end);
    CHECK_FALSE(v.can_continue);
    CHECK_FALSE(v.can_skip);
    CHECK(v.step_number == v.step_total);
    CHECK(s.state().finished_ms == kNow + 60000);
    CHECK_FALSE(s.next());

    Journal journal(r.exercise, r.store, kPrefix);
    REQUIRE(journal.list().size() == 1);
    CHECK(journal.list()[0].key == kPrefix + "journal/0001795701900000");
    CHECK(journal.list()[0].state == s.state());

    SECTION("finishing again after Back updates the same entry") {
        REQUIRE(s.back());
        CHECK_FALSE(s.state().finished());
        r.now += 1000;
        REQUIRE(s.next());
        auto entries = journal.list();
        REQUIRE(entries.size() == 1);
        CHECK(entries[0].state.finished_ms == kNow + 61000);
    }
    SECTION("restart forgets the session in progress but not the journal") {
        r.now += 5000;
        s.restart();
        CHECK(r.store.data.count(s.storage_key()) == 0);
        CHECK(s.state().current == "welcome");
        CHECK(s.state().answers.empty());
        CHECK(s.state().history.empty());
        CHECK(s.state().started_ms == kNow + 65000);
        CHECK_FALSE(s.state().finished());
        CHECK(journal.list().size() == 1);
        CHECK(s.status().last_write == StoreResult::Ok);
    }
    SECTION("a restart within the same millisecond still begins a new journal entry") {
        r.now = kNow;
        s.restart();
        CHECK(s.state().started_ms == kNow + 1);
    }
}

// ---- the grounding path -----------------------------------------------------------------

TEST_CASE("\"Pause and get help\" leads to grounding and back to the same step", "[safety]") {
    Reader r("session_flow.json");
    Session& s = r.session;
    walk_to_feeling(s);
    REQUIRE(s.set_text("overwhelmed"));
    REQUIRE(s.enter_safety());
    CHECK(s.state().current == "ground");
    CHECK(s.state().return_to == "feeling");
    CHECK(s.state().safety_entered_at == 3);
    CHECK(s.state().history == std::vector<std::string>{"welcome", "intensity_before", "feeling"});
    CHECK_FALSE(s.enter_safety());

    StepView v = s.view();
    CHECK(v.in_safety);
    CHECK(v.can_return);
    CHECK(v.step_number == 1);
    CHECK(v.step_total == 3);

    REQUIRE(s.next());
    CHECK(s.view().step_number == 2);
    REQUIRE(s.next());
    REQUIRE(s.state().current == "ground_check");
    CHECK(s.view().step_number == 3);
    CHECK_FALSE(s.next());  // required
    REQUIRE(s.choose("steadier"));
    REQUIRE(s.next());

    CHECK(s.state().current == "feeling");
    CHECK_FALSE(s.state().in_safety());
    CHECK(s.state().return_to.empty());
    CHECK(s.state().history == std::vector<std::string>{"welcome", "intensity_before"});
    CHECK(s.view().reply == "overwhelmed");
    CHECK(s.view().step_number == 3);

    SECTION("Back from there doesn't walk through the grounding steps") {
        REQUIRE(s.back());
        CHECK(s.state().current == "intensity_before");
    }
}

TEST_CASE("a branch can send the reader to grounding, and @return goes where they were headed", "[safety]") {
    Reader r("session_flow.json");
    Session& s = r.session;

    SECTION("a high rating before starting") {
        REQUIRE(s.next());
        REQUIRE(s.set_scale(9));
        REQUIRE(s.next());
        CHECK(s.state().current == "ground");
        CHECK(s.state().return_to == "feeling");
        CHECK(s.state().safety_entered_at == 2);
        CHECK(s.view().in_safety);
        REQUIRE(s.next());
        REQUIRE(s.next());
        REQUIRE(s.choose("steadier"));
        REQUIRE(s.next());
        CHECK(s.state().current == "feeling");
        CHECK(s.state().history == std::vector<std::string>{"welcome", "intensity_before"});
        REQUIRE(s.back());
        CHECK(s.state().current == "intensity_before");
    }
    SECTION("a rating that rose since the start") {
        walk_to_kind_phrase(s);
        REQUIRE(s.set_text("Be kind."));
        REQUIRE(s.next());
        REQUIRE(s.next());
        REQUIRE(s.set_scale(6));  // from 3
        REQUIRE(s.next());
        CHECK(s.state().current == "ground");
        CHECK(s.state().return_to == "summary");
        REQUIRE(s.leave_safety());
        CHECK(s.state().current == "summary");
        CHECK(s.state().history.back() == "intensity_after");
    }
    SECTION("the grounding path can close kindly instead") {
        REQUIRE(s.next());
        REQUIRE(s.set_scale(10));
        REQUIRE(s.next());
        REQUIRE(s.next());
        REQUIRE(s.next());
        REQUIRE(s.choose("stop"));
        REQUIRE(s.next());
        CHECK(s.state().current == "ground_end");
        CHECK(s.view().is_end);
        CHECK_FALSE(s.view().can_return);
        CHECK(s.state().finished());
        CHECK(Journal(r.exercise, r.store, kPrefix).list().size() == 1);
    }
}

TEST_CASE("Back inside the grounding path stays in it; Back past its start leaves it", "[safety]") {
    Reader r("session_flow.json");
    Session& s = r.session;
    walk_to_feeling(s);
    REQUIRE(s.enter_safety());
    REQUIRE(s.next());
    REQUIRE(s.state().current == "ground_breathe");
    REQUIRE(s.back());
    CHECK(s.state().current == "ground");
    CHECK(s.state().in_safety());
    CHECK(s.view().in_safety);
    REQUIRE(s.back());
    CHECK(s.state().current == "feeling");
    CHECK_FALSE(s.state().in_safety());
    CHECK(s.state().return_to.empty());
    CHECK_FALSE(s.view().in_safety);
    CHECK(s.enter_safety());
}

TEST_CASE("leaving the grounding path from any of its steps returns to where the reader was", "[safety]") {
    Reader r("session_flow.json");
    Session& s = r.session;
    CHECK_FALSE(s.leave_safety());
    walk_to_feeling(s);
    REQUIRE(s.enter_safety());
    REQUIRE(s.next());
    REQUIRE(s.leave_safety());
    CHECK(s.state().current == "feeling");
    CHECK(s.state().history == std::vector<std::string>{"welcome", "intensity_before"});
    CHECK_FALSE(s.view().in_safety);
    CHECK_FALSE(s.leave_safety());
}

// ---- keeping the reader's words ---------------------------------------------------------

TEST_CASE("opening a page with the widget stores nothing until the reader acts", "[store]") {
    Reader r("session_flow.json");
    CHECK(r.store.data.empty());
    CHECK(r.session.state().current == "welcome");
    CHECK(r.session.state().started_ms == kNow);
    REQUIRE(r.session.next());
    CHECK(r.store.data.count(kPrefix + "session") == 1);
}

TEST_CASE("a session restores exactly, even mid-reply", "[store]") {
    Reader r("session_flow.json");
    Session& s = r.session;
    walk_to_feeling(s);
    r.now += 1234;
    REQUIRE(s.set_text("half a thou"));

    auto again = r.reopen(r.exercise);
    CHECK(again->state() == s.state());
    CHECK(again->view().reply == "half a thou");
    CHECK(again->view().step_number == 3);
    CHECK_FALSE(again->status().recovered);
    CHECK_FALSE(again->status().resumed_after_change);

    SECTION("and in the grounding path, with own words just begun") {
        REQUIRE(s.next());
        REQUIRE(s.set_other(true, ""));
        REQUIRE(s.enter_safety());
        auto third = r.reopen(r.exercise);
        CHECK(third->state() == s.state());
        CHECK(third->view().in_safety);
        REQUIRE(third->leave_safety());
        CHECK(third->state().current == "which_part");
        CHECK(third->view().other_selected);
        CHECK(third->view().other_text.empty());
    }
}

TEST_CASE("a saved session is deterministic JSON with a format tag", "[store]") {
    Reader r("session_flow.json");
    Session& s = r.session;
    walk_to_feeling(s);
    REQUIRE(s.set_text("tired \"quoted\" \xC3\xA9"));
    REQUIRE(s.next());
    REQUIRE(s.choose("critic"));

    std::string text = session_to_json(s.state());
    CHECK(text == r.stored());
    CHECK(text.find("\"format\":\"tend.session/1\"") != std::string::npos);
    CHECK(text.find("\"exercise\":{\"id\":\"session-flow\",\"version\":\"1.0.0\"}") != std::string::npos);
    std::string error;
    auto back = session_from_json(text, &error);
    REQUIRE(back);
    CHECK(error.empty());
    CHECK(*back == s.state());
    CHECK(session_to_json(*back) == text);
}

TEST_CASE("a saved session's bytes: every field, keys in order, no spaces", "[store]") {
    SessionState st;
    st.exercise_id = "session-flow";
    st.exercise_version = "1.0.0";
    st.current = "ground_breathe";
    st.answers["feeling"] = typed("tired \"very\"\n\x01");
    st.answers["which_part"] = chosen({"critic", "protector"}, "caf\xC3\xA9 \xFF", true);
    st.answers["intensity_before"] = scaled(0);
    st.answers["kind_phrase"] = skipped();
    st.answers["kind_phrase"].at_ms = 7;
    st.answers["rest"] = chosen({}, "", true);
    st.history = {"welcome", "intensity_before", "ground"};
    st.return_to = "which_part";
    st.safety_entered_at = 3;
    st.started_ms = kNow;
    st.updated_ms = kNow + 1;
    st.finished_ms = 0;
    st.revision = 12;
    const std::string expected =
        R"({"answers":{"feeling":{"at":0,"skipped":false,"text":"tired \"very\"\n\u0001"},)"
        R"("intensity_before":{"at":0,"number":0,"skipped":false},"kind_phrase":{"at":7,"skipped":true},)"
        R"("rest":{"at":0,"other":"","skipped":false},)"
        R"("which_part":{"at":0,"chosen":["critic","protector"],"other":"caf)" "\xC3\xA9 \xEF\xBF\xBD" R"(","skipped":false}},)"
        R"("current":"ground_breathe","exercise":{"id":"session-flow","version":"1.0.0"},"finished":0,)"
        R"("format":"tend.session/1","history":["welcome","intensity_before","ground"],"return_to":"which_part",)"
        R"("rev":12,"safety_entered_at":3,"started":1795701900000,"updated":1795701900001})";
    CHECK(session_to_json(st) == expected);
    // The same bytes nlohmann's dump() gives for the document: keys sorted, no spaces.
    ReferenceParse parsed = reference_parse(expected);
    REQUIRE(parsed.ok);
    CHECK(dump_json(parsed.value) == expected);
    SessionState empty;
    CHECK(session_to_json(empty) ==
          R"({"answers":{},"current":"","exercise":{"id":"","version":""},"finished":0,"format":"tend.session/1",)"
          R"("history":[],"return_to":"","rev":0,"safety_entered_at":-1,"started":0,"updated":0})");
}

TEST_CASE("a damaged saved session is refused with a plain reason", "[store]") {
    Reader r("session_flow.json");
    walk_to_feeling(r.session);
    REQUIRE(r.session.set_text("ok"));
    const std::string good = r.stored();
    REQUIRE(session_from_json(good));

    auto refused = [](const std::string& text) {
        std::string error;
        bool ok = session_from_json(text, &error).has_value();
        INFO(text.substr(0, 200));
        CHECK_FALSE(error.empty());
        return !ok;
    };
    auto with = [&](const std::string& from, const std::string& to) {
        std::string t = good;
        size_t at = t.find(from);
        REQUIRE(at != std::string::npos);
        return t.replace(at, from.size(), to);
    };

    CHECK(refused(""));
    CHECK(refused("{not json"));
    CHECK(refused("[]"));
    CHECK(refused("null"));
    CHECK(refused(with("tend.session/1", "tend.session/2")));
    CHECK(refused(with("\"current\":\"feeling\"", "\"current\":7")));
    CHECK(refused(with("\"current\":\"feeling\"", "\"current\":\"Feeling!\"")));
    CHECK(refused(with("\"current\":\"feeling\"", "\"current\":\"" + std::string(65, 'a') + "\"")));
    CHECK(refused(with("\"history\":[", "\"history\":[7,")));
    CHECK(refused(with("\"history\":[\"welcome\",\"intensity_before\"]", "\"history\":\"welcome\"")));
    CHECK(refused(with("\"number\":3", "\"number\":11")));
    CHECK(refused(with("\"number\":3", "\"number\":3.5")));
    CHECK(refused(with("\"number\":3", "\"number\":3e400")));
    CHECK(refused(with("\"number\":3", "\"number\":25e-1")));  // 2.5: not a whole number, however written
    CHECK(refused(with("\"number\":3", "\"number\":\"3\"")));
    CHECK(refused(with("\"skipped\":false", "\"skipped\":0")));
    CHECK(refused(with("\"text\":\"ok\"", "\"text\":\"" + std::string(20001, 'x') + "\"")));
    CHECK(refused(with("\"started\":1795701900000", "\"started\":-5")));
    CHECK(refused(with("\"started\":1795701900000", "\"started\":18446744073709551615")));
    CHECK(refused(with("\"safety_entered_at\":-1", "\"safety_entered_at\":3")));
    CHECK(refused(with("\"safety_entered_at\":-1", "\"safety_entered_at\":1")));  // without return_to
    CHECK(refused(with("\"answers\":{", "\"answers\":{\"x\":{\"skipped\":false,\"chosen\":[\"a\",\"a\"],\"at\":1},")));
    CHECK(refused(with("\"answers\":{", "\"answers\":{\"x\":{\"skipped\":false,\"other\":5,\"at\":1},")));
    CHECK(refused(with("\"answers\":{", "\"answers\":{\"x\":[],")));
    CHECK(refused(with("\"answers\":{", "\"answers\":{\"BAD KEY\":{\"skipped\":true,\"at\":1},")));

    std::string long_history = "\"history\":[";
    for (int i = 0; i < 2001; i++) long_history += "\"welcome\",";
    CHECK(refused(with("\"history\":[", long_history)));

    std::string deep = std::string(100, '[') + std::string(100, ']');
    CHECK(refused(deep));
    CHECK(refused(with("\"current\":\"feeling\"", "\"current\":\"feeling\",\"pad\":\"" + std::string(300 * 1024, ' ') + "\"")));
}

TEST_CASE("a saved session with a key given twice is refused, naming where", "[store]") {
    Reader r("session_flow.json");
    walk_to_feeling(r.session);
    REQUIRE(r.session.set_text("ok"));
    std::string text = r.stored();
    const size_t at = text.find("\"text\":\"ok\"");
    REQUIRE(at != std::string::npos);
    text.insert(at, "\"text\":\"someone else's\",");
    std::string error;
    CHECK_FALSE(session_from_json(text, &error));
    CHECK_THAT(error, Catch::StartsWith("the saved session isn't readable JSON: /answers/feeling/text: the key \"text\" is given "
                                        "twice in this object (at line 1, column "));
}

TEST_CASE("a whole number written with an exponent in a saved session is read by its value", "[store]") {
    Reader r("session_flow.json");
    REQUIRE(r.session.next());
    std::string text = r.stored();
    const std::string started = "\"started\":" + std::to_string(r.session.state().started_ms);
    const size_t at = text.find(started);
    REQUIRE(at != std::string::npos);
    text.replace(at, started.size(), "\"started\":1.7957019e12");
    std::string error;
    auto state = session_from_json(text, &error);
    INFO(error);
    REQUIRE(state);
    CHECK(state->started_ms == 1795701900000);
}

TEST_CASE("unreadable stored data is kept as a backup and a fresh session begins", "[store]") {
    Reader r("session_flow.json");
    const std::string key = r.session.storage_key();
    std::string original;

    SECTION("not JSON") { original = "{\"format\":\"tend.session/1\", oops"; }
    SECTION("another format") { original = "{\"format\":\"tend.session/0\"}"; }
    SECTION("wrong types") {
        REQUIRE(r.session.next());
        original = r.stored();
        original.replace(original.find("\"history\":[\"welcome\"]"), 21, "\"history\":{\"a\":1}");
    }
    SECTION("another exercise's session") {
        REQUIRE(r.session.next());
        original = r.stored();
        original.replace(original.find("session-flow"), 12, "another-one");
    }
    SECTION("too big to read safely") { original = "[\"" + std::string(kMaxJsonBytes, 'x') + "\"]"; }
    SECTION("nested too deeply") { original = std::string(65, '[') + std::string(65, ']'); }
    SECTION("a key given twice") {
        REQUIRE(r.session.next());
        original = r.stored();
        original.replace(original.find("\"current\":"), 11, "\"current\":\"welcome\",\"current\":");
    }
    SECTION("more values than the engine has room for, in few bytes") {
        // 200 KiB of [0,0,…]: over 100,000 values, once enough to abort the widget on every load.
        original = "[0";
        while (original.size() < 200 * 1024) original += ",0";
        original += "]";
    }

    r.store.data[key] = original;
    r.now += 777;
    auto again = r.reopen(r.exercise);
    CHECK(again->status().recovered);
    CHECK(again->status().backup_key == kPrefix + "backup/" + std::to_string(kNow + 777));
    CHECK(r.store.data[again->status().backup_key] == original);
    CHECK(again->state().current == "welcome");
    CHECK(again->state().answers.empty());
    CHECK(again->state().started_ms == kNow + 777);
    CHECK(again->status().last_write == StoreResult::Ok);
    // The fresh session replaced the unreadable one, so the next visit doesn't recover again.
    REQUIRE(session_from_json(r.store.data[key]));
    auto third = r.reopen(r.exercise);
    CHECK_FALSE(third->status().recovered);
}

TEST_CASE("when the backup itself can't be written, the only copy is left alone", "[store]") {
    Reader r("session_flow.json");
    const std::string key = r.session.storage_key();
    r.store.data[key] = "garbage";
    r.store.fail_writes = StoreResult::Blocked;
    auto again = r.reopen(r.exercise);
    CHECK(again->status().recovered);
    CHECK(again->status().backup_key.empty());
    CHECK(again->status().last_write == StoreResult::Blocked);
    CHECK(r.store.data[key] == "garbage");
    CHECK(again->state().current == "welcome");
    CHECK(again->status().left_in_place);
    SECTION("and stays alone when storage frees up: the reader's words this time are kept in memory") {
        r.store.fail_writes = StoreResult::Ok;
        REQUIRE(again->next());
        CHECK(again->state().current != "welcome");
        CHECK(r.store.data[key] == "garbage");
        CHECK(again->status().left_in_place);
        CHECK(again->status().last_write == StoreResult::Blocked);  // still only on this page
    }
    SECTION("until the reader deletes their answers themselves") {
        r.store.fail_writes = StoreResult::Ok;
        again->restart();
        CHECK_FALSE(r.store.data.count(key));
        CHECK_FALSE(again->status().left_in_place);
    }
}

TEST_CASE("a session saved under an earlier version resumes after the exercise changed", "[store]") {
    Reader r("session_flow.json");
    Session& s = r.session;
    walk_to_kind_phrase(s);
    REQUIRE(s.set_text("Be ki"));
    const Answers before = s.state().answers;

    SECTION("a new version with the same steps: same place") {
        Exercise changed = r.exercise;
        changed.version = "1.1.0";
        auto again = r.reopen(changed);
        CHECK(again->status().resumed_after_change);
        CHECK_FALSE(again->status().recovered);
        CHECK(again->state().current == "kind_phrase");
        CHECK(again->state().answers == before);
        CHECK(again->state().exercise_version == "1.1.0");
        CHECK(session_from_json(r.stored())->exercise_version == "1.1.0");
        auto third = r.reopen(changed);
        CHECK_FALSE(third->status().resumed_after_change);
    }
    SECTION("the current step is gone: the nearest earlier step that still exists") {
        Exercise changed = r.exercise;
        changed.version = "2.0.0";
        changed.steps.erase(changed.steps.begin() + changed.index_of("which_part"), changed.steps.begin() + changed.index_of("which_part") + 2);
        REQUIRE_FALSE(changed.find("kind_phrase"));
        auto again = r.reopen(changed);
        CHECK(again->status().resumed_after_change);
        CHECK(again->state().current == "feeling");
        CHECK(again->state().history == std::vector<std::string>{"welcome", "intensity_before"});
        CHECK(again->state().answers == before);  // every answer, even for steps that are gone
        CHECK(again->view().reply == "tired");
        CHECK(again->answer("kind_phrase")->text == "Be ki");
    }
    SECTION("the current step is gone without a version change") {
        Exercise changed = r.exercise;
        changed.steps.erase(changed.steps.begin() + changed.index_of("kind_phrase"));
        auto again = r.reopen(changed);
        CHECK(again->status().resumed_after_change);
        CHECK(again->state().current == "which_part");
        CHECK(again->state().answers == before);
    }
    SECTION("steps gone from history are dropped so Back never lands on nothing") {
        Exercise changed = r.exercise;
        changed.version = "3";
        changed.steps.erase(changed.steps.begin() + changed.index_of("intensity_before"));
        auto again = r.reopen(changed);
        CHECK(again->state().current == "kind_phrase");
        CHECK(again->state().history == std::vector<std::string>{"welcome", "feeling", "which_part"});
        CHECK(again->state().answers.count("intensity_before") == 1);
    }
}

TEST_CASE("resuming inside the grounding path after the exercise changed", "[store][safety]") {
    Reader r("session_flow.json");
    Session& s = r.session;
    walk_to_feeling(s);
    REQUIRE(s.enter_safety());
    REQUIRE(s.next());
    Exercise changed = r.exercise;
    changed.version = "2";

    SECTION("the step they came from is gone: @return leads to the nearest earlier one") {
        changed.steps.erase(changed.steps.begin() + changed.index_of("feeling"));
        auto again = r.reopen(changed);
        CHECK(again->state().current == "ground_breathe");
        CHECK(again->state().in_safety());
        CHECK(again->state().safety_entered_at == 2);
        REQUIRE(again->leave_safety());
        CHECK(again->state().current == "intensity_before");
        CHECK(again->state().history == std::vector<std::string>{"welcome"});
    }
    SECTION("the grounding step they were on is gone: back to its start") {
        changed.steps.erase(changed.steps.begin() + changed.index_of("ground_breathe"));
        auto again = r.reopen(changed);
        CHECK(again->state().current == "ground");
        CHECK(again->state().in_safety());
        CHECK(again->state().return_to == "feeling");
    }
}

TEST_CASE("a restored pause always leads back off the grounding path, and the repair is saved", "[store][safety]") {
    Reader r("session_flow.json");
    REQUIRE(r.session.enter_safety());  // on the very first step
    REQUIRE(r.session.state().return_to == "welcome");

    SECTION("the step they paused on was renamed in a new version (no tampering)") {
        Exercise changed = r.exercise;
        changed.version = "2";
        changed.steps[0].id = "hello";
        auto again = r.reopen(changed);
        CHECK(again->state().current == "ground");
        CHECK(again->state().in_safety());
        CHECK(again->state().return_to == "hello");
        CHECK(session_from_json(r.stored())->return_to == "hello");  // the repair is kept
        REQUIRE(again->leave_safety());
        CHECK(again->state().current == "hello");
        CHECK_FALSE(again->state().in_safety());
    }
    SECTION("a stored return point on the grounding path itself") {
        r.store.data[r.session.storage_key()] = with_field(r.stored(), "return_to", "ground_breathe");
        auto again = r.reopen(r.exercise);
        CHECK(again->state().return_to == "welcome");
        REQUIRE(again->leave_safety());
        CHECK(again->state().current == "welcome");
    }
    SECTION("on a grounding step without the pause recorded at all") {
        r.store.data[r.session.storage_key()] = with_field(with_field(r.stored(), "return_to", ""), "safety_entered_at", -1);
        auto again = r.reopen(r.exercise);
        CHECK(again->state().current == "ground");
        CHECK(again->state().in_safety());
        REQUIRE(again->leave_safety());
        CHECK(again->state().current == "welcome");
    }
}

TEST_CASE("two tabs on the same question: a write that hadn't seen the other tab's words keeps both", "[store][tabs]") {
    Reader r("session_flow.json");
    walk_to_feeling(r.session);
    Session& a = r.session;
    auto b = r.reopen(r.exercise);  // the second tab, in step with the first

    SECTION("taking turns, each sees the other's words: nothing to keep twice") {
        REQUIRE(b->set_text("heavy"));
        a.sync();  // the storage event
        CHECK(a.view().reply == "heavy");
        REQUIRE(a.set_text("heavy, and tired"));
        b->sync();
        CHECK(b->view().reply == "heavy, and tired");
        CHECK_FALSE(b->status().kept_both);
        REQUIRE(b->set_text("heavy"));  // a deletion in one tab is a deletion
        a.sync();
        CHECK(a.view().reply == "heavy");
        CHECK_FALSE(a.status().kept_both);
    }
    SECTION("typing at once: the later write hadn't seen the earlier one") {
        REQUIRE(b->set_text("second tab"));
        REQUIRE(a.set_text("first tab"));  // before its storage event came
        b->sync();
        CHECK(b->status().kept_both);
        CHECK(b->view().reply == "first tab\n\nsecond tab");  // past the 20 characters allowed: both, whole
        CHECK(session_from_json(r.stored())->answers.at("feeling").text == b->view().reply);  // saved
        a.sync();  // and the first tab takes both up, with nothing to add
        CHECK(a.view().reply == b->view().reply);
        CHECK_FALSE(a.status().kept_both);
    }
    SECTION("the other tab started afresh (its reader deleted their answers): taken as it is") {
        REQUIRE(b->set_text("mine"));
        r.now += 5;
        a.restart();
        b->sync();
        CHECK(b->state().answers.empty());
        CHECK_FALSE(b->status().kept_both);
    }
}

TEST_CASE("when storage refuses a write the reader can carry on, and the next change tries again", "[store]") {
    Reader r("session_flow.json");
    Session& s = r.session;
    walk_to_feeling(s);
    const std::string saved = r.stored();

    for (StoreResult failure : {StoreResult::Full, StoreResult::Blocked}) {
        r.store.fail_writes = failure;
        REQUIRE(s.set_text("kept in memory"));
        CHECK(s.status().last_write == failure);
        CHECK(s.view().reply == "kept in memory");
        CHECK(r.stored() == saved);
        REQUIRE(s.next());
        CHECK(s.status().last_write == failure);
        REQUIRE(s.back());
    }
    r.store.fail_writes = StoreResult::Ok;
    REQUIRE(s.set_text("kept for real"));
    CHECK(s.status().last_write == StoreResult::Ok);
    CHECK(r.reopen(r.exercise)->state() == s.state());
}

TEST_CASE("a session too big to read back is reported as full, not written", "[store]") {
    // Ten long replies of control characters: each is 5,000 characters but 30,000 bytes of
    // JSON escapes, so together they pass the 256 KiB a stored session may have.
    Exercise ex = load_fixture("session_flow.json");
    std::vector<Step> steps;
    for (int i = 0; i < 10; i++) {
        Step step;
        step.id = "reply_" + std::to_string(i);
        step.kind = StepKind::Text;
        step.prompt = "Say more?";
        step.max_length = 5000;
        steps.push_back(step);
    }
    steps.push_back(*ex.find("close"));
    ex.steps = steps;
    Reader r(std::move(ex));
    Session& s = r.session;
    const std::string heavy(5000, '\x01');
    std::string last_good;
    while (s.status().last_write == StoreResult::Ok) {
        last_good = r.stored();
        REQUIRE(s.set_text(heavy));
        REQUIRE(s.state().current != "close");
        if (s.status().last_write == StoreResult::Ok) REQUIRE(s.next());
    }
    CHECK(s.status().last_write == StoreResult::Full);
    CHECK(r.stored() == last_good);
    CHECK(session_to_json(s.state()).size() > kMaxJsonBytes);
    CHECK(s.answer(s.state().current)->text == heavy);  // still whole in memory
    REQUIRE(s.skip());  // the reader gives up on this one: small enough again
    CHECK(s.status().last_write == StoreResult::Ok);
    CHECK(session_from_json(r.stored()));
}

// The validator refuses such exercises, but the engine must still never show braces.
TEST_CASE("a placeholder without a fallback reads as nothing, never as braces") {
    auto nothing = [](const std::string&) { return std::string(); };
    CHECK(tend::interpolate("after meeting {{which_part}}, how", nothing) == "after meeting , how");
    CHECK(tend::interpolate("after meeting {{which_part|that part}}, how", nothing) == "after meeting that part, how");
}
