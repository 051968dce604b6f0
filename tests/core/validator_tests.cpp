// The validator: one call, every problem, each at its JSON path in plain words.
#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "fixtures.h"
#include "json_tree.h"
#include "reference_json.h"
#include "validator.h"

using nlohmann::json;
using tend::ExerciseLoad;
using tend::Problem;
using tend::StepKind;

namespace {

// `relative` is under tests/data. The file may hold an invalid exercise: the load is returned as is.
ExerciseLoad load_file(const std::string& relative) {
    return tend::load_exercise(fixtures::read_file(fixtures::data_path(relative)));
}
ExerciseLoad load_json(const json& j) { return tend::load_exercise(j.dump(2)); }

std::string listing(const std::vector<Problem>& problems) {
    std::string out = std::to_string(problems.size()) + " problem(s):\n";
    for (const Problem& p : problems) out += "  " + tend::format_problem(p) + "\n";
    return out;
}

bool has_problem(const ExerciseLoad& load, const std::string& path, const std::string& phrase) {
    for (const Problem& p : load.problems)
        if (p.path == path && p.message.find(phrase) != std::string::npos) return true;
    return false;
}

// Asserts that `load` found exactly one problem, at `path`, whose message holds `phrase`.
void require_only(const ExerciseLoad& load, const std::string& path, const std::string& phrase) {
    INFO(listing(load.problems));
    CHECK_FALSE(load.ok());
    REQUIRE(load.problems.size() == 1);
    CHECK(load.problems[0].path == path);
    CHECK_THAT(load.problems[0].message, Catch::Contains(phrase));
}

// A small, valid exercise; each test breaks one thing in it.
//   0 welcome (say) → 1 feeling (text) → 2 intensity (scale) → 3 which_part (choice)
//   → 4 acknowledge (say) → 5 closing (end)    grounding path: 6 ground (say) → 7 ground_breath (pause) → @return
json small() {
    return json::parse(R"({
      "format": "tend.exercise/1",
      "id": "small-pause",
      "version": "1.0.0",
      "language": "en",
      "title": "A small pause",
      "minutes": 3,
      "intro": "A short practice for a hard moment.",
      "disclaimer": "This is a gentle practice, not therapy.",
      "safety": {
        "step": "ground",
        "resources": [ { "label": "Emergency services", "text": "Call your local emergency number." } ]
      },
      "steps": [
        { "id": "welcome", "kind": "say", "text": ["Welcome."] },
        { "id": "feeling", "kind": "text", "prompt": "What are you feeling?" },
        { "id": "intensity", "kind": "scale", "prompt": "How strong is it?", "min_label": "barely", "max_label": "very" },
        { "id": "which_part", "kind": "choice", "prompt": "What pushed back?",
          "options": [ { "id": "critic", "label": "A critic" }, { "id": "protector", "label": "A protector" } ] },
        { "id": "acknowledge", "kind": "say", "text": ["You noticed {{feeling|something hard}}."] },
        { "id": "closing", "kind": "end", "text": ["Thank you."] },
        { "id": "ground", "kind": "say", "text": ["Feel your feet on the floor."] },
        { "id": "ground_breath", "kind": "pause", "seconds": 20, "text": ["Breathe out slowly."], "next": "@return" }
      ]
    })");
}

ExerciseLoad load_small(const std::function<void(json&)>& change) {
    json j = small();
    change(j);
    return load_json(j);
}

}  // namespace

// ---- valid exercises -------------------------------------------------------------------

TEST_CASE("the small base exercise used by these tests is itself valid") {
    ExerciseLoad load = load_json(small());
    INFO(listing(load.problems));
    CHECK(load.problems.empty());
    CHECK(load.ok());
}

TEST_CASE("the branching fixture loads with no problems and fills the model") {
    ExerciseLoad load = load_file("valid/branching.json");
    INFO(listing(load.problems));
    REQUIRE(load.problems.empty());
    REQUIRE(load.ok());
    const tend::Exercise& ex = *load.exercise;

    CHECK(ex.id == "branching-self-compassion");
    CHECK(ex.version == "1.2.0");
    CHECK(ex.language == "en");
    CHECK(ex.title == "A pause for self-compassion, with a few turns");
    CHECK(ex.minutes == 6);
    CHECK(ex.intro.rfind("A short practice", 0) == 0);
    CHECK(ex.disclaimer.find("not therapy") != std::string::npos);
    CHECK(ex.content_note == "Touches on self-criticism and difficult feelings.");

    CHECK(ex.safety.step == "ground");
    REQUIRE(ex.safety.resources.size() == 4);
    CHECK(ex.safety.resources[0].link.empty());
    CHECK(ex.safety.resources[1].link == "tel:988");
    CHECK(ex.safety.resources[2].link == "sms:741741");
    CHECK(ex.safety.resources[3].label == "Find a helpline");

    REQUIRE(ex.steps.size() == 20);
    for (size_t i = 0; i < ex.steps.size(); i++) CHECK(ex.steps[i].index == static_cast<int>(i));

    // Every kind of step is there.
    for (StepKind k : {StepKind::Say, StepKind::Text, StepKind::Choice, StepKind::Scale, StepKind::Pause, StepKind::End}) {
        bool found = false;
        for (const tend::Step& s : ex.steps) found = found || s.kind == k;
        CHECK(found);
    }

    const tend::Step& welcome = *ex.find("welcome");
    CHECK(welcome.kind == StepKind::Say);
    CHECK(welcome.text.size() == 2);
    CHECK(welcome.next.empty());

    const tend::Step& situation = *ex.find("situation");
    CHECK(situation.kind == StepKind::Text);
    CHECK(situation.required);
    CHECK(situation.max_length == 300);
    CHECK(situation.hint.find("For example") == 0);

    const tend::Step& kind_phrase = *ex.find("kind_phrase");
    CHECK_FALSE(kind_phrase.required);
    CHECK(kind_phrase.max_length == 1000);  // the default
    REQUIRE(kind_phrase.branches.size() == 2);
    CHECK(kind_phrase.branches[0].when[0].test == tend::Condition::Test::Skipped);
    CHECK(kind_phrase.branches[0].when[0].flag);
    CHECK(kind_phrase.branches[1].when[0].test == tend::Condition::Test::Equals);
    CHECK(kind_phrase.branches[1].when[0].text == "I don't know");

    const tend::Step& which = *ex.find("which_part");
    CHECK(which.kind == StepKind::Choice);
    CHECK(which.multiple);
    CHECK(which.other_label == "Something else, in my words");
    REQUIRE(which.choices.size() == 3);
    CHECK(which.choices[0].id == "critic");
    CHECK(which.choices[0].phrase == "a critic");
    REQUIRE(which.branches.size() == 4);
    CHECK(which.branches[0].when[0].test == tend::Condition::Test::Includes);
    CHECK(which.branches[0].when[0].text == "numb");
    CHECK(which.branches[0].next == "numb_honour");
    CHECK(which.branches[2].when[0].text == "other");
    CHECK(which.branches[3].when[0].test == tend::Condition::Test::Answered);
    CHECK_FALSE(which.branches[3].when[0].flag);

    const tend::Step& before = *ex.find("intensity_before");
    CHECK(before.kind == StepKind::Scale);
    CHECK(before.min_label == "light");
    CHECK(before.max_label == "very heavy");
    CHECK(before.scale_min == 0);
    CHECK(before.scale_max == 10);
    REQUIRE(before.branches.size() == 1);
    CHECK(before.branches[0].when[0].test == tend::Condition::Test::AtLeast);
    CHECK(before.branches[0].when[0].number == 8);
    CHECK(before.branches[0].next == "ground");

    const tend::Step& after = *ex.find("intensity_after");
    REQUIRE(after.branches.size() == 3);
    CHECK(after.branches[0].when[0].test == tend::Condition::Test::RoseFrom);
    CHECK(after.branches[0].when[0].text == "intensity_before");
    REQUIRE(after.branches[1].when.size() == 2);
    CHECK(after.branches[1].when[0].test == tend::Condition::Test::AtMost);
    CHECK(after.branches[1].when[0].number == 3);
    CHECK(after.branches[2].when[0].test == tend::Condition::Test::Equals);
    CHECK(after.branches[2].when[0].number == 5);

    CHECK(ex.find("breathe_in")->kind == StepKind::Pause);
    CHECK(ex.find("breathe_in")->seconds == 30);
    CHECK(ex.find("protector_thanks")->next == "intensity_after");

    CHECK(ex.find("kind_phrase")->reflect_label == "The kind words you offered");
    CHECK_FALSE(ex.find("intensity_before")->reflect);

    const tend::Step& check = *ex.find("ground_check");
    CHECK(check.next == "@return");
    CHECK(check.choices[0].phrase == check.choices[0].label);  // phrase defaults to the label
    CHECK(ex.find("kind_stop")->kind == StepKind::End);
    CHECK(ex.find("closing")->kind == StepKind::End);
}

TEST_CASE("the minimal fixture loads, keeping defaults for what it leaves out") {
    ExerciseLoad load = load_file("valid/minimal.json");
    INFO(listing(load.problems));
    REQUIRE(load.ok());
    CHECK(load.exercise->content_note.empty());
    CHECK(load.exercise->steps.size() == 3);
    CHECK(load.exercise->steps[2].next == "@return");
}

TEST_CASE("\"$schema\" is allowed for editors and ignored") {
    ExerciseLoad load = load_small([](json& j) { j["$schema"] = "./schema.json"; });
    INFO(listing(load.problems));
    CHECK(load.ok());
}

TEST_CASE("a required question asked on every path may be woven in without a fallback") {
    ExerciseLoad load = load_small([](json& j) {
        for (const char* id : {"feeling", "intensity", "which_part"})
            for (json& step : j["steps"])
                if (step["id"] == id) step["required"] = true;
        j["steps"][4]["text"][0] = "You noticed {{feeling}}, at {{intensity}}, and {{which_part}}.";
        j["steps"][5]["text"][0] = "Thank you for staying with {{feeling}}.";
    });
    INFO(listing(load.problems));
    CHECK(load.ok());
}

TEST_CASE("a question the reader may skip can't be woven in without a fallback") {
    ExerciseLoad load = load_small([](json& j) { j["steps"][5]["text"][0] = "Thank you for staying with {{feeling}}."; });
    REQUIRE(load.problems.size() == 1);
    CHECK(load.problems[0].path == "/steps/5/text/0");
    CHECK_THAT(load.problems[0].message, Catch::Contains("\"feeling\" can be skipped") && Catch::Contains("{{feeling|…}}"));
}

TEST_CASE("a grounding-path question asked earlier on that path may be woven in without a fallback") {
    ExerciseLoad load = load_small([](json& j) {
        j["steps"][6] = json::parse(R"({ "id": "ground", "kind": "text", "prompt": "What do you notice around you?", "required": true })");
        j["steps"][7]["text"][0] = "Stay with {{ground}} for a moment.";
    });
    INFO(listing(load.problems));
    CHECK(load.ok());
}

TEST_CASE("a branch into the grounding path counts as reaching an end, through @return") {
    ExerciseLoad load = load_small([](json& j) {
        j["steps"][2]["branches"] = json::parse(R"([ { "when": [ { "step": "intensity", "at_least": 8 } ], "next": "ground" } ])");
    });
    INFO(listing(load.problems));
    CHECK(load.ok());
}

TEST_CASE("a branch may test the step's own answer") {
    ExerciseLoad load = load_small([](json& j) {
        j["steps"][3]["branches"] =
            json::parse(R"([ { "when": [ { "step": "which_part", "equals": "critic" } ], "next": "acknowledge" } ])");
    });
    INFO(listing(load.problems));
    CHECK(load.ok());
}

// ---- the broken fixtures: each file yields exactly this list, in this order ----------------
// `tend lint` is tested against the same files, so keep this table and the files in step.

struct Expected {
    std::string path;
    std::string phrase;
};

TEST_CASE("each broken fixture yields exactly its known problems, in document order") {
    const std::vector<std::pair<std::string, std::vector<Expected>>> fixtures = {
        {"syntax-error.json", {{"", "JSON syntax error at line 8, column 16: found \",\" where a string was expected"}}},
        {"too-deep.json", {{"", "the JSON is nested more than 64 levels deep (at line 9, column 75)"}}},
        {"missing-fields.json",
         {{"", "missing required field \"title\""},
          {"/steps/1", "missing required field \"prompt\""},
          {"/steps/2", "missing required field \"kind\""}}},
        {"unknown-fields.json",
         {{"/steps/1/options", "a text step has no \"options\" (it belongs to choice steps)"},
          {"/steps/1/promt", "unknown field \"promt\" (did you mean \"prompt\"?)"},
          {"/author", "unknown field \"author\"; the fields allowed here are $schema, format, id"}}},
        {"wrong-types.json",
         {{"/minutes", "should be a whole number, not a string"},
          {"/steps/0/text", "should be an array, not a string"},
          {"/steps/1/required", "should be true or false, not a string"},
          {"/steps/7/seconds", "should be a whole number, not a number with a fraction"}}},
        {"bad-ids.json",
         {{"/id", "\"Small Pause\" is not a valid id"},
          {"/steps/3/options/1/id", "\"2nd\" is not a valid id"},
          {"/steps/6/id", "\"Ground\" is not a valid id: use 1 to 64 characters of a-z, 0-9"}}},
        {"duplicate-keys.json",
         {{"/steps/0/id", "the key \"id\" is given twice in this object (at line 15, column 7 and line 15, column 41)"}}},
        {"wrong-format.json", {{"/format", "this file is \"tend.exercise/2\", but this version of Tend reads \"tend.exercise/1\""}}},
        {"duplicate-ids.json",
         {{"/steps/3/options/1/id", "this step already has an option \"critic\" (/steps/3/options/0)"},
          {"/steps/4/id", "\"feeling\" is already the id of /steps/1; step ids must be unique"}}},
        {"missing-references.json",
         {{"/steps/0/next", "there is no step \"feelin\" (did you mean \"feeling\"?)"},
          {"/steps/2/branches/0/when/0/step", "there is no step \"intensty\" (did you mean \"intensity\"?)"},
          {"/steps/2/branches/0/next", "there is no step \"gound\" (did you mean \"ground\"?)"},
          {"/steps/5/text/0", "there is no step \"which-part\" (did you mean \"which_part\"?)"}}},
        {"unreachable-step.json", {{"/steps/6", "no path from the first step leads here; point a \"next\" or a branch at \"forgotten\""}}},
        {"no-way-to-end.json",
         {{"/steps/3", "the reader can never reach an end step: the flow only goes round through \"which_part\" and \"acknowledge\""},
          {"/steps/5", "no path from the first step leads here"}}},
        {"last-step-runs-past.json", {{"/steps/7", "this is the last step, so the reader would have nowhere to go after it"}}},
        {"interpolation.json",
         {{"/steps/5/text/0", "{{critic_words}}: \"critic_words\" is not asked on every path to this step"},
          {"/steps/5/text/1", "\"welcome\" is a say step, which asks nothing"},
          {"/steps/5/text/1", "there is no step \"feelings\" (did you mean \"feeling\"?)"},
          {"/steps/5/text/2", "has \"{{\" with no closing \"}}\""},
          {"/steps/7/text/0", "{{feeling}}: \"feeling\" may not have been asked yet, since a reader can open the grounding path from any step"}}},
        {"lengths.json",
         {{"/title", "must not be empty"},
          {"/minutes", "must be from 1 to 120 minutes; it is 0"},
          {"/steps/0/text", "has 21 paragraphs; the limit is 20"},
          {"/steps/1/prompt", "is 640 characters long; the limit is 600"},
          {"/steps/1/max_length", "must be from 1 to 5000 characters; it is 6000"},
          {"/steps/3/options", "has 13 options; the limit is 12"},
          {"/steps/5/text/0", "is 2,001 characters long; the limit is 2,000"},
          {"/steps/7/seconds", "must be from 5 to 600 seconds; it is 3"}}},
        {"conditions.json",
         {{"/steps/5/branches/0/when/0/at_least", "\"at_least\" only applies to scale steps; \"which_part\" is a choice step (use equals, includes, answered or skipped)"},
          {"/steps/5/branches/1/when/0/includes", "\"which_part\" has no option \"critc\" (did you mean \"critic\"?)"},
          {"/steps/5/branches/2/when/0/step", "\"welcome\" is a say step, which asks nothing"},
          {"/steps/5/branches/3/when/0", "a condition holds exactly one test, but this one has \"at_least\" and \"at_most\""},
          {"/steps/5/branches/4/when/0", "a condition needs one test"},
          {"/steps/5/branches/5/when/0/rose_from", "\"rose_from\" only applies to scale steps; \"feeling\" is a text step"},
          {"/steps/5/branches/6/when/0/equals", "\"which_part\" is a choice step, so \"equals\" takes an option id, not a number"},
          {"/steps/5/branches/7/when/0/equals", "\"which_part\" doesn't offer \"other\""}}},
        {"end-with-next.json",
         {{"/steps/5/next", "an end step closes the exercise, so it can't have \"next\""},
          {"/steps/5/branches", "an end step closes the exercise, so it can't have \"branches\""}}},
        {"return-outside-safety.json", {{"/steps/4/branches/0/next", "\"@return\" only works on the grounding path"}}},
        {"safety-step-missing.json", {{"/safety/step", "there is no step \"groud\" (did you mean \"ground\"?)"}}},
        {"safety-cannot-return.json", {{"/safety/step", "the grounding path that starts at \"ground\" never returns"}}},
        {"safety-runs-into-main.json",
         {{"/steps/4", "the grounding path runs on into \"which_part\" (the next step in the file), a step of the main exercise"}}},
        {"resources.json",
         {{"/safety/resources/0", "missing required field \"label\""},
          {"/safety/resources/1/link", "\"http://findahelpline.com\" can't be used: a link must start with https://, tel: or sms:"},
          {"/safety/resources/2/link", "\"javascript:alert(1)\" can't be used"},
          {"/safety/resources/2/phone", "unknown field \"phone\""}}},
    };
    for (const auto& f : fixtures) {
        SECTION(f.first) {
            ExerciseLoad load = load_file("invalid/" + f.first);
            INFO(f.first << "\n" << listing(load.problems));
            CHECK_FALSE(load.ok());
            CHECK_FALSE(load.exercise.has_value());
            REQUIRE(load.problems.size() == f.second.size());
            for (size_t i = 0; i < f.second.size(); i++) {
                CHECK(load.problems[i].path == f.second[i].path);
                CHECK_THAT(load.problems[i].message, Catch::Contains(f.second[i].phrase));
            }
        }
    }
}

// ---- one class of problem at a time ----------------------------------------------------

TEST_CASE("a misspelt next names the step and suggests the right one") {
    ExerciseLoad load = load_small([](json& j) { j["steps"][3]["next"] = "acknowlege"; });
    require_only(load, "/steps/3/next", "there is no step \"acknowlege\" (did you mean \"acknowledge\"?)");
    CHECK(tend::format_problem(load.problems[0]) ==
          "/steps/3/next: there is no step \"acknowlege\" (did you mean \"acknowledge\"?)");
}

TEST_CASE("a next far from every step gets no suggestion, and no guesses about what follows") {
    // Where the author meant to go is unknown, so the steps after it aren't called unreachable.
    ExerciseLoad load = load_small([](json& j) { j["steps"][3]["next"] = "somewhere_else"; });
    require_only(load, "/steps/3/next", "there is no step \"somewhere_else\"");
    CHECK_THAT(load.problems[0].message, !Catch::Contains("did you mean"));
}

TEST_CASE("a misspelt next is followed as the step it is close to") {
    // "acknowlege" is taken to mean "acknowledge", so intensity and which_part are skipped.
    ExerciseLoad load = load_small([](json& j) { j["steps"][1]["next"] = "acknowlege"; });
    INFO(listing(load.problems));
    REQUIRE(load.problems.size() == 3);
    CHECK(load.problems[0].path == "/steps/1/next");
    CHECK(load.problems[1].path == "/steps/2");
    CHECK(load.problems[2].path == "/steps/3");
    CHECK_THAT(load.problems[2].message, Catch::Contains("no path from the first step leads here"));
}

TEST_CASE("a special target other than @return is explained") {
    ExerciseLoad load = load_small([](json& j) { j["steps"][7]["next"] = "@back"; });
    INFO(listing(load.problems));
    CHECK(has_problem(load, "/steps/7/next", "the only target starting with \"@\" is \"@return\""));
}

TEST_CASE("an empty next is refused rather than read as the following step") {
    ExerciseLoad load = load_small([](json& j) { j["steps"][0]["next"] = ""; });
    require_only(load, "/steps/0/next", "must name a step");
}

TEST_CASE("a document that isn't an object is refused at the root") {
    require_only(tend::load_exercise("[1, 2]"), "", "an exercise file holds one JSON object");
    require_only(tend::load_exercise("\"hello\""), "", "not a string");
}

TEST_CASE("an oversized file is refused before parsing") {
    std::string big = "{\"title\": \"" + std::string(tend::kMaxJsonBytes, 'a') + "\"}";
    require_only(tend::load_exercise(big), "", "the limit is 262,144 bytes (256 KiB)");
}

TEST_CASE("a file over the step limit is refused by its count alone, not checked step by step") {
    // 4,000 steps, each pointing nowhere: checked whole, that is 4,000 more problems and flow
    // checks over all of them, more work and memory than the widget has.
    std::string steps;
    for (int i = 0; i < 4000; i++) steps += std::string(i ? "," : "") + R"({"id":"s)" + std::to_string(i) + R"(","kind":"say","text":["x"],"next":"z"})";
    std::string text = R"({"format":"tend.exercise/1","id":"big","version":"1","language":"en","title":"Big","minutes":5,)"
                       R"("intro":"i","disclaimer":"d","safety":{"step":"s0"},"steps":[)" + steps + "]}";
    require_only(tend::load_exercise(text), "/steps", "has 4,000 steps; the limit is 500");
}

TEST_CASE("a syntax error is the only problem, with line and column") {
    ExerciseLoad load = tend::load_exercise("{\n  \"format\": \"tend.exercise/1\"\n  \"id\": \"x\"\n}");
    require_only(load, "", "JSON syntax error at line 3, column 3");
}

TEST_CASE("a missing format is reported, and a wrong one says what is read") {
    require_only(load_small([](json& j) { j.erase("format"); }), "", "missing required field \"format\"");
    require_only(load_small([](json& j) { j["format"] = "tend/1"; }), "/format", "must be \"tend.exercise/1\"");
}

TEST_CASE("ids must be lowercase, start with a letter and be at most 64 characters") {
    require_only(load_small([](json& j) { j["id"] = std::string(65, 'a'); }), "/id", "is not a valid id");
    CHECK(load_small([](json& j) { j["id"] = std::string(64, 'a'); }).ok());
    require_only(load_small([](json& j) { j["id"] = "-pause"; }), "/id", "starting with a letter");
    require_only(load_small([](json& j) { j["id"] = "pause!"; }), "/id", "is not a valid id");
}

TEST_CASE("an option id \"other\" is refused: it means the reader's own words") {
    ExerciseLoad load = load_small([](json& j) { j["steps"][3]["options"][1]["id"] = "other"; });
    require_only(load, "/steps/3/options/1/id", "\"other\" is kept for the reader's own words");
}

TEST_CASE("the language must be a BCP 47 tag") {
    require_only(load_small([](json& j) { j["language"] = "english"; }), "/language", "is not a language tag");
    CHECK(load_small([](json& j) { j["language"] = "pt-BR"; }).ok());
    CHECK(load_small([](json& j) { j["language"] = "es"; }).ok());
}

TEST_CASE("an unknown kind suggests the closest kind") {
    ExerciseLoad load = load_small([](json& j) { j["steps"][3]["kind"] = "choise"; });
    require_only(load, "/steps/3/kind", "\"choise\" is not a kind of step (did you mean \"choice\"?)");
}

TEST_CASE("a field of another kind says which kinds it belongs to") {
    ExerciseLoad load = load_small([](json& j) { j["steps"][0]["prompt"] = "Hello?"; });
    require_only(load, "/steps/0/prompt", "a say step has no \"prompt\" (it belongs to text, choice and scale steps)");
}

TEST_CASE("a step that isn't an object is reported at its index") {
    ExerciseLoad load = load_small([](json& j) { j["steps"][4] = "acknowledge"; });
    INFO(listing(load.problems));
    CHECK(has_problem(load, "/steps/4", "a step should be an object"));
}

TEST_CASE("lengths count characters, not bytes") {
    // 600 three-byte characters: 1,800 bytes, but exactly at the prompt limit.
    std::string dots;
    for (int i = 0; i < 600; i++) dots += "…";
    CHECK(load_small([&](json& j) { j["steps"][1]["prompt"] = dots; }).ok());
    require_only(load_small([&](json& j) { j["steps"][1]["prompt"] = dots + "…"; }), "/steps/1/prompt",
                 "is 601 characters long; the limit is 600");
}

TEST_CASE("text made only of spaces counts as empty") {
    require_only(load_small([](json& j) { j["steps"][0]["text"][0] = " \n "; }), "/steps/0/text/0", "must not be empty");
}

TEST_CASE("counted things have lower limits too") {
    require_only(load_small([](json& j) { j["steps"][0]["text"] = json::array(); }), "/steps/0/text",
                 "needs at least 1 paragraph");
    require_only(load_small([](json& j) { j["steps"][3]["options"] = json::array(); }), "/steps/3/options",
                 "needs at least 1 option");
}

TEST_CASE("an exercise's own crisis resources are optional: the widget offers the reader's region's lines") {
    CHECK(load_small([](json& j) { j["safety"]["resources"] = json::array(); }).ok());
    CHECK(load_small([](json& j) { j["safety"].erase("resources"); }).ok());
}

TEST_CASE("issue 11's fields: a pause says how it offers breathing, a quiet end, reflections, hints on choices, sources") {
    ExerciseLoad ok = load_small([](json& j) {
        j["sources"] = {"The Self-Compassion Break (Kristin Neff)"};
        for (auto& s : j["steps"]) {
            if (s["kind"] == "pause") s["breathing"] = "offered";
            if (s["kind"] == "end") s["quiet"] = true;
            if (s["kind"] == "choice") s["hint"] = "Any is fine.", s["reflect"] = false;
            if (s["kind"] == "text") s["reflect_label"] = "What you noticed";
        }
    });
    INFO(listing(ok.problems));
    REQUIRE(ok.ok());
    const tend::Exercise& ex = *ok.exercise;
    CHECK(ex.sources == std::vector<std::string>{"The Self-Compassion Break (Kristin Neff)"});
    for (const auto& s : ex.steps) {
        if (s.kind == StepKind::Pause) CHECK(s.breathing == tend::Breathing::Offered);
        if (s.kind == StepKind::End) CHECK(s.quiet);
        if (s.kind == StepKind::Choice) CHECK((s.hint == "Any is fine." && !s.reflect));
        if (s.kind == StepKind::Text) CHECK(s.reflect_label == "What you noticed");
    }
    SECTION("breathing has three ways, named") {
        ExerciseLoad bad = load_small([](json& j) {
            for (auto& s : j["steps"])
                if (s["kind"] == "pause") s["breathing"] = "deep";
        });
        CHECK_FALSE(bad.ok());
        CHECK(has_problem(bad, "/steps/7/breathing", "is not a way to breathe"));
    }
    SECTION("and each belongs to its kind") {
        ExerciseLoad bad = load_small([](json& j) { j["steps"][0]["quiet"] = true; });
        CHECK_FALSE(bad.ok());
    }
}

TEST_CASE("an exercise needs 1 to 500 steps") {
    ExerciseLoad none = load_small([](json& j) { j["steps"] = json::array(); });
    require_only(none, "/steps", "needs at least 1 step");

    ExerciseLoad many = load_small([](json& j) {
        json steps = json::array();
        for (int i = 0; i < 500; i++) steps.push_back({{"id", "s" + std::to_string(i)}, {"kind", "say"}, {"text", {"Hi."}}});
        steps.push_back({{"id", "done"}, {"kind", "end"}, {"text", {"Bye."}}});
        steps.push_back(j["steps"][6]);
        steps.push_back(j["steps"][7]);
        j["steps"] = steps;
    });
    require_only(many, "/steps", "has 503 steps; the limit is 500");
}

TEST_CASE("at most 10 resources, each with a safe link") {
    require_only(load_small([](json& j) {
                     for (int i = 0; i < 10; i++) j["safety"]["resources"].push_back({{"label", "Line"}, {"text", "Call."}});
                 }),
                 "/safety/resources", "has 11 resources; the limit is 10");
    for (const char* good : {"https://example.org/help", "tel:+44 116 123", "sms:741741"}) {
        ExerciseLoad load = load_small([&](json& j) { j["safety"]["resources"][0]["link"] = good; });
        INFO(good);
        if (std::string(good).find(' ') != std::string::npos) CHECK(has_problem(load, "/safety/resources/0/link", "no spaces"));
        else CHECK(load.ok());
    }
    require_only(load_small([](json& j) { j["safety"]["resources"][0]["link"] = "https://"; }), "/safety/resources/0/link",
                 "can't be used");
    require_only(load_small([](json& j) { j["safety"]["resources"][0].erase("text"); }), "/safety/resources/0",
                 "missing required field \"text\"");
}

TEST_CASE("minutes, seconds and max_length stay within their ranges") {
    require_only(load_small([](json& j) { j["minutes"] = 121; }), "/minutes", "must be from 1 to 120 minutes; it is 121");
    require_only(load_small([](json& j) { j["steps"][7]["seconds"] = 601; }), "/steps/7/seconds", "it is 601");
    require_only(load_small([](json& j) { j["steps"][1]["max_length"] = 0; }), "/steps/1/max_length", "must be from 1 to 5000");
    require_only(load_small([](json& j) { j["minutes"] = -1; }), "/minutes", "it is -1");
    require_only(load_small([](json& j) { j["minutes"] = 18446744073709551615ull; }), "/minutes", "must be from 1 to 120");
}

// The small exercise as text, with `from` (which must be there) replaced by `to`: for what
// nlohmann can't be asked to write, like a key given twice or a number with an exponent.
ExerciseLoad load_small_text(const std::string& from, const std::string& to) {
    std::string text = small().dump(2);
    const size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return tend::load_exercise(text.replace(at, from.size(), to));
}

TEST_CASE("a whole number written with an exponent is judged by its value") {
    ExerciseLoad five = load_small_text("\"minutes\": 3", "\"minutes\": 5e0");
    INFO(listing(five.problems));
    REQUIRE(five.exercise);
    CHECK(five.exercise->minutes == 5);
    CHECK(load_small_text("\"minutes\": 3", "\"minutes\": 0.5E+1").exercise);  // 5, however it is spelled
    require_only(load_small_text("\"minutes\": 3", "\"minutes\": 1e308"), "/minutes", "must be from 1 to 120 minutes; it is 1e+308");
    require_only(load_small_text("\"minutes\": 3", "\"minutes\": -2e3"), "/minutes", "must be from 1 to 120 minutes; it is -2000");
    // Not "a number with a fraction" where something else is wanted, either.
    require_only(load_small_text("\"title\": \"A small pause\"", "\"title\": 1e308"), "/title", "should be a string, not a number");
}

TEST_CASE("a fraction is still not a whole number, with or without an exponent") {
    require_only(load_small_text("\"minutes\": 3", "\"minutes\": 3.0"), "/minutes",
                 "should be a whole number, not a number with a fraction");
    require_only(load_small_text("\"minutes\": 3", "\"minutes\": 25e-1"), "/minutes",
                 "should be a whole number, not a number with a fraction");
}

TEST_CASE("a number too large for any reader is one precise error, never infinity") {
    require_only(load_small_text("\"minutes\": 3", "\"minutes\": 1e400"), "",
                 "JSON syntax error at line 7, column 14: the number 1e400 is too large to be read");
}

TEST_CASE("a key given twice is an error at its JSON path, not the last one winning") {
    // The last one winning once moved a step's answers to another storage key, silently.
    ExerciseLoad load = load_small_text("\"id\": \"feeling\",", "\"id\": \"feeling\",\n      \"id\": \"felt\",");
    require_only(load, "/steps/1/id", "the key \"id\" is given twice in this object (at line 26, column 7 and line 27, column 7)");
}

TEST_CASE("duplicate step ids are reported at the later step") {
    ExerciseLoad load = load_small([](json& j) { j["steps"][7]["id"] = "ground"; });
    INFO(listing(load.problems));
    CHECK(has_problem(load, "/steps/7/id", "\"ground\" is already the id of /steps/6"));
}

TEST_CASE("references from every kind of place are checked") {
    ExerciseLoad load = load_small([](json& j) {
        j["steps"][4]["branches"] = json::parse(R"([ { "when": [ { "step": "nowhere", "answered": true } ], "next": "closing" } ])");
        j["steps"].insert(j["steps"].begin() + 5, json::parse(R"({ "id": "recap", "kind": "say", "text": [ "You felt {{feelng|something}}." ] })"));
    });
    INFO(listing(load.problems));
    REQUIRE(load.problems.size() == 2);
    CHECK(has_problem(load, "/steps/4/branches/0/when/0/step", "there is no step \"nowhere\""));
    CHECK(has_problem(load, "/steps/5/text/0", "there is no step \"feelng\" (did you mean \"feeling\"?)"));
}

TEST_CASE("a summary step, which the format no longer has, is refused with what to do instead") {
    // The end shows the reader's words once; a summary step before it showed them twice.
    ExerciseLoad load = load_small([](json& j) {
        j["steps"].insert(j["steps"].begin() + 5, json::parse(R"({ "id": "summary", "kind": "summary", "items": [ { "step": "feeling", "label": "You felt" } ] })"));
    });
    require_only(load, "/steps/5/kind", "there are no \"summary\" steps any more: the end shows the reader's words once, each under its question's `reflect_label`");
}

TEST_CASE("a scale's \"stop\" names the end \"I'd like to stop here\" leads straight to") {
    SECTION("an end: fine, and the end is reachable by it alone") {
        ExerciseLoad load = load_small([](json& j) {
            j["steps"][2]["stop"] = "quiet_stop";
            j["steps"].push_back(json::parse(R"({ "id": "quiet_stop", "kind": "end", "quiet": true, "text": ["Stopping is kind."] })"));
        });
        INFO(listing(load.problems));
        CHECK(load.problems.empty());
        CHECK(load.exercise->find("intensity")->stop == "quiet_stop");
    }
    SECTION("a step that isn't an end") {
        require_only(load_small([](json& j) { j["steps"][2]["stop"] = "acknowledge"; }), "/steps/2/stop",
                     "\"acknowledge\" is a say step; \"I'd like to stop here\" must lead straight to an end step");
    }
    SECTION("a step no one has, with a suggestion") {
        require_only(load_small([](json& j) { j["steps"][2]["stop"] = "closin"; }), "/steps/2/stop",
                     "there is no step \"closin\" (did you mean \"closing\"?)");
    }
    SECTION("empty") {
        require_only(load_small([](json& j) { j["steps"][2]["stop"] = ""; }), "/steps/2/stop",
                     "must name the end \"I'd like to stop here\" leads to");
    }
    SECTION("on another kind of step") {
        require_only(load_small([](json& j) { j["steps"][1]["stop"] = "closing"; }), "/steps/1/stop",
                     "a text step has no \"stop\" (it belongs to scale steps)");
    }
}

TEST_CASE("a condition naming a question that only comes later is reported") {
    ExerciseLoad load = load_small([](json& j) {
        j["steps"].insert(j["steps"].begin() + 1, json::parse(R"({ "id": "early", "kind": "say", "text": [ "Hello." ],
            "branches": [ { "when": [ { "step": "intensity", "at_least": 3 } ], "next": "closing" } ] })"));
    });
    require_only(load, "/steps/1/branches/0/when/0/step", "\"intensity\" is never asked before this step");
}

TEST_CASE("conditions must fit the kind of step they test") {
    auto branch_on = [](const char* condition) {
        return load_small([&](json& j) {
            j["steps"][4]["branches"] = json::array({{{"when", json::array({json::parse(condition)})}, {"next", "closing"}}});
        });
    };
    require_only(branch_on(R"({ "step": "feeling", "includes": "x" })"), "/steps/4/branches/0/when/0/includes",
                 "\"includes\" only applies to choice steps; \"feeling\" is a text step (use equals, answered or skipped)");
    require_only(branch_on(R"({ "step": "intensity", "equals": "high" })"), "/steps/4/branches/0/when/0/equals",
                 "\"intensity\" is a scale step, so \"equals\" takes a number from 0 to 10");
    require_only(branch_on(R"({ "step": "feeling", "equals": 3 })"), "/steps/4/branches/0/when/0/equals",
                 "so \"equals\" takes text in quotes, not a number");
    require_only(branch_on(R"({ "step": "which_part", "equals": "critics" })"), "/steps/4/branches/0/when/0/equals",
                 "\"which_part\" has no option \"critics\" (did you mean \"critic\"?)");
    require_only(branch_on(R"({ "step": "which_part", "includes": "zzz" })"), "/steps/4/branches/0/when/0/includes",
                 "its options are \"critic\" and \"protector\"");
    require_only(branch_on(R"({ "step": "intensity", "at_least": 11 })"), "/steps/4/branches/0/when/0/at_least",
                 "must be from 0 to 10");
    require_only(branch_on(R"({ "step": "intensity", "rose_from": "intensity" })"), "/steps/4/branches/0/when/0/rose_from",
                 "compares \"intensity\" with itself");
    require_only(branch_on(R"({ "step": "intensity", "rose_from": "feeling" })"), "/steps/4/branches/0/when/0/rose_from",
                 "\"rose_from\" compares two scale steps, but \"feeling\" is a text step");
    require_only(branch_on(R"({ "step": "intensity", "rose_from": "intensty_before" })"), "/steps/4/branches/0/when/0/rose_from",
                 "there is no step \"intensty_before\"");
    require_only(branch_on(R"({ "step": "feeling", "answered": "yes" })"), "/steps/4/branches/0/when/0/answered",
                 "should be true or false, not a string");
    require_only(branch_on(R"({ "step": "feeling", "skipped": true, "colour": "red" })"), "/steps/4/branches/0/when/0/colour",
                 "unknown field \"colour\"");
    // The tests that fit, for contrast.
    CHECK(branch_on(R"({ "step": "intensity", "equals": 0 })").ok());
    CHECK(branch_on(R"({ "step": "feeling", "equals": "sad" })").ok());
    CHECK(branch_on(R"({ "step": "which_part", "includes": "protector" })").ok());
    CHECK(branch_on(R"({ "step": "which_part", "skipped": false })").ok());
}

TEST_CASE("a branch needs at least one condition and a next") {
    ExerciseLoad load = load_small([](json& j) { j["steps"][4]["branches"] = json::parse(R"([ { "when": [] } ])"); });
    INFO(listing(load.problems));
    REQUIRE(load.problems.size() == 2);
    CHECK(has_problem(load, "/steps/4/branches/0", "missing required field \"next\""));
    CHECK(has_problem(load, "/steps/4/branches/0/when", "needs at least 1 condition"));
}

TEST_CASE("a step no path reaches is reported, even when it points onwards") {
    ExerciseLoad load = load_small([](json& j) {
        j["steps"][4]["next"] = "closing";
        j["steps"].insert(j["steps"].begin() + 5, json::parse(R"({ "id": "lost", "kind": "say", "text": ["Hi."] })"));
    });
    require_only(load, "/steps/5", "no path from the first step leads here; point a \"next\" or a branch at \"lost\"");
}

TEST_CASE("a step that only leads back to itself is a trap") {
    ExerciseLoad load = load_small([](json& j) {
        j["steps"][4]["next"] = "acknowledge";
        j["steps"][4]["branches"] = json::parse(R"([ { "when": [ { "step": "feeling", "answered": true } ], "next": "closing" } ])");
        j["steps"][3]["next"] = "which_part";
    });
    // which_part loops on itself; acknowledge and closing are then unreachable.
    INFO(listing(load.problems));
    CHECK(has_problem(load, "/steps/3", "this step only leads back to itself"));
}

TEST_CASE("a loop with a way out is not a trap") {
    ExerciseLoad load = load_small([](json& j) {
        j["steps"][4]["branches"] = json::parse(R"([ { "when": [ { "step": "intensity", "at_least": 5 } ], "next": "feeling" } ])");
    });
    INFO(listing(load.problems));
    CHECK(load.ok());
}

TEST_CASE("only the root of a trap is reported, not every step leading into it") {
    ExerciseLoad load = load_small([](json& j) {
        j["steps"][4]["next"] = "which_part";  // which_part ⇄ acknowledge; welcome … intensity lead into it
    });
    INFO(listing(load.problems));
    CHECK(has_problem(load, "/steps/3", "never reach an end step"));
    for (const Problem& p : load.problems) CHECK(p.path != "/steps/0");
}

TEST_CASE("a trap that another loop leads into is reported at the trap, and the loop leading in is not") {
    ExerciseLoad load = load_small([](json& j) {
        // feeling ⇄ intensity can go on to which_part, which only loops with acknowledge.
        j["steps"][2]["branches"] = json::parse(R"([ { "when": [ { "step": "intensity", "at_least": 5 } ], "next": "feeling" } ])");
        j["steps"][4]["next"] = "which_part";
    });
    INFO(listing(load.problems));
    CHECK(has_problem(load, "/steps/3", "the flow only goes round through \"which_part\" and \"acknowledge\""));
    for (const Problem& p : load.problems) CHECK((p.path != "/steps/1" && p.path != "/steps/2"));
}

TEST_CASE("two separate traps are each reported once, at their first step in the file") {
    ExerciseLoad load = load_small([](json& j) {
        j["steps"][1]["branches"] = json::parse(R"([ { "when": [ { "step": "feeling", "answered": true } ], "next": "which_part" } ])");
        j["steps"][2]["next"] = "intensity";   // or on round intensity alone
        j["steps"][4]["next"] = "which_part";  // which_part ⇄ acknowledge
    });
    INFO(listing(load.problems));
    CHECK(has_problem(load, "/steps/2", "this step only leads back to itself"));
    CHECK(has_problem(load, "/steps/3", "the flow only goes round through \"which_part\" and \"acknowledge\""));
    for (const Problem& p : load.problems) CHECK(p.path != "/steps/4");
}

TEST_CASE("as many steps as the limit allows, leading only into a loop, are checked, and the loop reported once") {
    json j = small();
    json steps = json::array();
    const int n = 499;  // and the grounding step: the 500 the limit allows
    for (int i = 0; i < n; i++)
        steps.push_back({{"id", "s" + std::to_string(i)}, {"kind", "say"}, {"text", {"On."}}});
    steps[n - 1]["next"] = "s" + std::to_string(n - 3);  // the last three go round
    steps.push_back({{"id", "ground"}, {"kind", "say"}, {"text", {"Feet."}}, {"next", "@return"}});
    j["steps"] = steps;
    ExerciseLoad load = tend::load_exercise(j.dump());
    INFO(listing(load.problems));
    const std::string at = "/steps/" + std::to_string(n - 3);
    CHECK(has_problem(load, at, "the flow only goes round through"));
    size_t traps = 0;
    for (const Problem& p : load.problems) traps += p.message.find("never reach an end") != std::string::npos;
    CHECK(traps == 1);
}

TEST_CASE("@return is only for the grounding path") {
    ExerciseLoad load = load_small([](json& j) { j["steps"][1]["next"] = "@return"; });
    INFO(listing(load.problems));
    CHECK(has_problem(load, "/steps/1/next", "\"@return\" only works on the grounding path"));
}

TEST_CASE("the grounding path can't be the first step or @return") {
    require_only(load_small([](json& j) { j["safety"]["step"] = "welcome"; }), "/safety/step",
                 "can't start at the first step of the exercise");
    ExerciseLoad load = load_small([](json& j) { j["safety"]["step"] = "@return"; });
    INFO(listing(load.problems));
    CHECK(has_problem(load, "/safety/step", "not \"@return\""));
}

TEST_CASE("a grounding path may end in a kind stop as long as one route returns") {
    ExerciseLoad load = load_small([](json& j) {
        j["steps"][7]["branches"] = json::parse(R"([ { "when": [ { "step": "feeling", "skipped": true } ], "next": "stop" } ])");
        j["steps"].push_back(json::parse(R"({ "id": "stop", "kind": "end", "text": ["Stopping is kind too."] })"));
    });
    INFO(listing(load.problems));
    CHECK(load.ok());
}

TEST_CASE("placeholders must name a question") {
    require_only(load_small([](json& j) { j["steps"][4]["text"][0] = "You said {{welcome|hello}}."; }), "/steps/4/text/0",
                 "\"welcome\" is a say step, which asks nothing; only text, choice and scale steps have answers to weave in");
    require_only(load_small([](json& j) { j["steps"][4]["text"][0] = "You said {{nobody|hello}}."; }), "/steps/4/text/0",
                 "there is no step \"nobody\"");
    require_only(load_small([](json& j) { j["steps"][4]["text"][0] = "You said {{ |hello}}."; }), "/steps/4/text/0",
                 "has a placeholder with no step id");
}

TEST_CASE("a question that a branch can jump over needs a fallback after it") {
    ExerciseLoad load = load_small([](json& j) {
        j["steps"][1]["branches"] = json::parse(R"([ { "when": [ { "step": "feeling", "skipped": true } ], "next": "which_part" } ])");
        j["steps"][4]["text"][0] = "At {{intensity}}, that is a lot.";
    });
    require_only(load, "/steps/4/text/0", "{{intensity}}: \"intensity\" is not asked on every path to this step, so it could be empty here; add a fallback, e.g. {{intensity|…}}");
}

TEST_CASE("a prompt can't weave in its own answer without a fallback") {
    ExerciseLoad load = load_small([](json& j) { j["steps"][1]["prompt"] = "What are you feeling, beyond {{feeling}}?"; });
    require_only(load, "/steps/1/prompt", "is this step's own question, which has no answer yet");
}

TEST_CASE("a placeholder in a hint is checked like one in a prompt") {
    ExerciseLoad load = load_small([](json& j) { j["steps"][1]["hint"] = "Maybe {{which_part}}?"; });
    require_only(load, "/steps/1/hint", "\"which_part\" is not asked on every path to this step");
}

TEST_CASE("unknown fields are reported even when the kind is unknown") {
    ExerciseLoad load = load_small([](json& j) {
        j["steps"][0]["kind"] = "speak";
        j["steps"][0]["colour"] = "blue";
    });
    INFO(listing(load.problems));
    REQUIRE(load.problems.size() == 2);
    CHECK(load.problems[0].path == "/steps/0/kind");
    CHECK(load.problems[1].path == "/steps/0/colour");
}

TEST_CASE("problems come in document order") {
    ExerciseLoad load = load_small([](json& j) {
        j["steps"][6]["text"][0] = "";                 // a late step
        j["steps"][1]["next"] = "intensty";            // an earlier one, found by a later pass
        j["title"] = "";                               // the top of the file
        j["steps"][1]["prompt"] = 7;                   // same step, earlier field than next
    });
    INFO(listing(load.problems));
    REQUIRE(load.problems.size() == 4);
    CHECK(load.problems[0].path == "/title");
    CHECK(load.problems[1].path == "/steps/1/prompt");
    CHECK(load.problems[2].path == "/steps/1/next");
    CHECK(load.problems[3].path == "/steps/6/text/0");
}

TEST_CASE("problems at the same place keep the order they were found in, however many there are") {
    // Forty missing steps woven into one paragraph: forty problems at one path, found in the
    // order they are written, among problems at other paths found before and after them.
    std::string words;
    for (int i = 0; i < 40; i++) words += "{{gone" + std::to_string(i) + "}} ";
    ExerciseLoad load = load_small([&](json& j) {
        j["steps"][6]["text"][0] = "";
        j["steps"][4]["text"][0] = words;
        j["steps"][4]["next"] = "nowhere";
        j["title"] = "";
    });
    INFO(listing(load.problems));
    REQUIRE(load.problems.size() == 43);
    CHECK(load.problems[0].path == "/title");
    for (int i = 0; i < 40; i++) {
        CHECK(load.problems[1 + i].path == "/steps/4/text/0");
        CHECK_THAT(load.problems[1 + i].message, Catch::StartsWith("there is no step \"gone" + std::to_string(i) + "\""));
    }
    CHECK(load.problems[41].path == "/steps/4/next");
    CHECK(load.problems[42].path == "/steps/6/text/0");
}

TEST_CASE("a repeated step id is reported at each repeat, naming the first") {
    ExerciseLoad load = load_small([](json& j) {
        j["steps"][2]["id"] = "feeling";
        j["steps"][5]["id"] = "feeling";
        j["steps"][6]["id"] = "Feeling";  // not a valid id: reported as that, not as a repeat
        j["steps"][7]["id"] = "Feeling";
    });
    INFO(listing(load.problems));
    CHECK(has_problem(load, "/steps/2/id", "\"feeling\" is already the id of /steps/1; step ids must be unique"));
    CHECK(has_problem(load, "/steps/5/id", "\"feeling\" is already the id of /steps/1; step ids must be unique"));
    CHECK_FALSE(has_problem(load, "/steps/1/id", "already"));
    CHECK_FALSE(has_problem(load, "/steps/7/id", "already"));
    CHECK(has_problem(load, "/steps/7/id", "is not a valid id"));
}

TEST_CASE("unknown fields named like numbers are each reported, whatever their order") {
    // "9" < "10" as numbers, "10" < "1x" < "9" as text: no order satisfies document_order()
    // here. The sort must still stay in bounds and keep every problem.
    ExerciseLoad load = load_small([](json& j) {
        for (const char* key : {"9", "10", "1x", "100", "2", "0x", "a"}) j["steps"][0][key] = 1;
    });
    INFO(listing(load.problems));
    REQUIRE(load.problems.size() == 7);
    std::vector<std::string> paths;
    for (const Problem& p : load.problems) paths.push_back(p.path);
    std::sort(paths.begin(), paths.end());
    CHECK(paths == std::vector<std::string>{"/steps/0/0x", "/steps/0/10", "/steps/0/100", "/steps/0/1x", "/steps/0/2",
                                            "/steps/0/9", "/steps/0/a"});
}

TEST_CASE("everything wrong is reported in one call") {
    ExerciseLoad load = load_small([](json& j) {
        j["minutes"] = "three";
        j["steps"][0]["promt"] = "x";
        j["steps"][3]["options"][1]["id"] = "critic";
        j["steps"][4]["next"] = "closng";
        j["safety"]["resources"][0]["link"] = "ftp://x";
    });
    INFO(listing(load.problems));
    CHECK(load.problems.size() == 5);
    CHECK_FALSE(load.ok());
}

TEST_CASE("hostile or mangled input never aborts and always explains itself") {
    SECTION("every truncation of a valid file") {
        std::string text = fixtures::read_file(fixtures::data_path("valid/branching.json"));
        for (size_t cut = 0; cut < text.size(); cut += 37) {
            ExerciseLoad load = tend::load_exercise(text.substr(0, cut));
            CHECK_FALSE(load.ok());
            REQUIRE_FALSE(load.problems.empty());
        }
    }
    SECTION("every field of every step replaced by each wrong type") {
        json base = json::parse(fixtures::read_file(fixtures::data_path("valid/branching.json")));
        const json wrong[] = {nullptr, 42, 2.5, true, "text", json::array(), json::object(), json::array({json::object()})};
        for (size_t s = 0; s < base["steps"].size(); s++)
            for (auto it = base["steps"][s].begin(); it != base["steps"][s].end(); ++it)
                for (const json& w : wrong) {
                    json j = base;
                    j["steps"][s][it.key()] = w;
                    ExerciseLoad load = load_json(j);
                    if (load.ok()) continue;  // e.g. a "text" array of one object is still wrong, but some swaps are harmless
                    for (const Problem& p : load.problems) {
                        CHECK_FALSE(p.message.empty());
                        CHECK((p.path.empty() || p.path[0] == '/'));
                    }
                }
    }
    SECTION("odd but well-formed documents") {
        for (const char* text : {"null", "{}", "{\"steps\": null}", "{\"steps\": [null, 1, \"x\", []]}",
                                 "{\"safety\": {\"step\": 5}, \"steps\": [{\"id\": \"a\", \"kind\": \"end\"}]}",
                                 "{\"steps\": [{\"id\": \"a\", \"kind\": \"say\", \"branches\": [{\"when\": [{}]}]}]}",
                                 "{\"a/b~c\": 1}"}) {
            ExerciseLoad load = tend::load_exercise(text);
            INFO(text << "\n" << listing(load.problems));
            CHECK_FALSE(load.ok());
            CHECK_FALSE(load.problems.empty());
        }
    }
}

TEST_CASE("field names are escaped in JSON Pointer paths") {
    ExerciseLoad load = load_small([](json& j) { j["a/b~c"] = 1; });
    require_only(load, "/a~1b~0c", "unknown field \"a/b~c\"");
}
