// Transcripts: every path walked with the real engine.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "content_hash.h"
#include "fixtures.h"
#include "transcripts.h"
#include "validator.h"

namespace {

std::string fixture_text() { return fixtures::read_file(fixtures::data_path("care/passing.json")); }

tend::Exercise fixture_exercise() { return fixtures::load_fixture("care/passing.json"); }

bool contains_run(const std::vector<std::string>& steps, const std::vector<std::string>& run) {
    return std::search(steps.begin(), steps.end(), run.begin(), run.end()) != steps.end();
}

}  // namespace

TEST_CASE("transcripts walk every route the branches allow and each reaches an end") {
    const tend::Exercise ex = fixture_exercise();
    const tend::TranscriptSet set = tend::make_transcripts(ex, fixture_text());

    // Two ways through which_part (numb or not) × eight at intensity_after (no rise; a rise
    // then pause-and-continue, pause-and-stop, finish or stop at the check-in; 8 or more then
    // continue or stop; "I'd like to stop here" on the scale itself), plus the pause path on its own.
    CHECK(set.transcripts.size() == 17);
    CHECK_FALSE(set.truncated);
    CHECK(set.hash == tend::content_hash(fixture_text()));

    std::set<std::string> met;
    std::set<std::vector<std::string>> sequences;
    for (const tend::Transcript& t : set.transcripts) {
        INFO(t.text);
        CHECK(t.reached_end);
        CHECK(t.steps.front() == "arrive");
        CHECK(sequences.insert(t.steps).second);
        met.insert(t.steps.begin(), t.steps.end());
    }
    for (const tend::Step& s : ex.steps) {
        INFO(s.id);
        CHECK(met.count(s.id) == 1);
    }

    SECTION("sorted by their step sequence") {
        CHECK(std::is_sorted(set.transcripts.begin(), set.transcripts.end(),
                             [](const tend::Transcript& a, const tend::Transcript& b) { return a.steps < b.steps; }));
    }
    SECTION("a rise leads to the check-in, a high value straight to grounding") {
        bool rise = false, high = false;
        for (const tend::Transcript& t : set.transcripts) {
            rise = rise || contains_run(t.steps, {"intensity_after", "check_in"});
            high = high || contains_run(t.steps, {"intensity_after", "ground", "ground_breathe"});
        }
        CHECK(rise);
        CHECK(high);
    }
    SECTION("a distress scale's \"I'd like to stop here\" goes straight to its quiet end") {
        bool stopped = false;
        for (const tend::Transcript& t : set.transcripts)
            stopped = stopped || (contains_run(t.steps, {"intensity_after", "ground_stop"}) &&
                                  t.text.find("→ taps “I’d like to stop here”") != std::string::npos);
        CHECK(stopped);
    }
    SECTION("after grounding the reader returns to where the branch would have gone") {
        bool returned = false;
        for (const tend::Transcript& t : set.transcripts)
            returned = returned || contains_run(t.steps, {"ground_choice", "summary", "close"});
        CHECK(returned);
    }
}

TEST_CASE("a transcript reads like the conversation with placeholder answers") {
    const tend::TranscriptSet set = tend::make_transcripts(fixture_exercise(), fixture_text());
    REQUIRE(!set.transcripts.empty());

    const std::string& first = set.transcripts.front().text;
    CHECK_THAT(first, Catch::StartsWith("A small kind practice\n"));
    CHECK_THAT(first, Catch::Contains("Exercise: care-passing, version 1.0.0"));
    CHECK_THAT(first, Catch::Contains("Content hash (SHA-256): " + set.hash));
    CHECK_THAT(first, Catch::Contains("Path 1 of 17"));
    CHECK_THAT(first, Catch::Contains("Welcome. There is nothing to get right here."));
    CHECK_THAT(set.transcripts.back().text, Catch::Contains("0 = barely there … 10 = very strong"));

    bool typed_reply_in_summary = false, chose_numb = false, own_pause = false, numbered_last = false;
    for (const tend::Transcript& t : set.transcripts) {
        typed_reply_in_summary = typed_reply_in_summary ||
                                 (t.text.find("Your words today:\n") != std::string::npos &&
                                  t.text.find("\n  The kind words you offered: [the reader’s words]\n") != std::string::npos);
        chose_numb = chose_numb || t.text.find("→ chose: Numbness") != std::string::npos;
        own_pause = own_pause || (t.text.find("the reader taps “Pause and get help”") != std::string::npos &&
                                  t.text.find("(taking a pause)") != std::string::npos);
        numbered_last = numbered_last || t.text.find("Path 17 of 17") != std::string::npos;
    }
    CHECK(typed_reply_in_summary);
    CHECK(chose_numb);
    CHECK(own_pause);
    CHECK(numbered_last);
}

TEST_CASE("transcripts are the same every time they are made") {
    const tend::Exercise ex = fixture_exercise();
    const tend::TranscriptSet a = tend::make_transcripts(ex, fixture_text());
    const tend::TranscriptSet b = tend::make_transcripts(ex, fixture_text());
    REQUIRE(a.transcripts.size() == b.transcripts.size());
    for (size_t i = 0; i < a.transcripts.size(); i++) {
        CHECK(a.transcripts[i].steps == b.transcripts[i].steps);
        CHECK(a.transcripts[i].text == b.transcripts[i].text);
    }
    CHECK(a.hash == b.hash);
}

TEST_CASE("a path that loops back is walked once round and still reaches an end") {
    tend::Exercise ex = fixture_exercise();
    // ground_choice gains "stay a little longer", which goes round the grounding again.
    for (tend::Step& s : ex.steps)
        if (s.id == "ground_choice") {
            s.choices.push_back({"again", "Stay a little longer", "Stay a little longer"});
            tend::Branch again;
            tend::Condition c;
            c.step = "ground_choice";
            c.test = tend::Condition::Test::Equals;
            c.text = "again";
            again.when.push_back(c);
            again.next = "ground";
            s.branches.push_back(again);
        }
    const tend::TranscriptSet set = tend::make_transcripts(ex, fixture_text());
    CHECK_FALSE(set.truncated);
    bool went_round = false;
    for (const tend::Transcript& t : set.transcripts) {
        INFO(t.text);
        CHECK(t.reached_end);
        CHECK(t.steps.size() < 40);
        went_round = went_round || contains_run(t.steps, {"ground_choice", "ground", "ground_breathe", "ground_choice"});
    }
    CHECK(went_round);
}

TEST_CASE("a loop with no way out is reported as a path that never reaches an end") {
    tend::Exercise ex = fixture_exercise();
    for (tend::Step& s : ex.steps)
        if (s.id == "ground_choice") {
            s.branches.clear();
            s.next = "ground";
        }
    const tend::TranscriptSet set = tend::make_transcripts(ex, fixture_text());
    bool stuck = false;
    for (const tend::Transcript& t : set.transcripts)
        if (!t.reached_end) {
            stuck = true;
            CHECK_THAT(t.text, Catch::Contains("never reaches an end") && Catch::Contains("This path does not reach an end."));
        }
    CHECK(stuck);
}

TEST_CASE("write_transcripts writes one numbered file per path and a README") {
    namespace fs = std::filesystem;
    const tend::TranscriptSet set = tend::make_transcripts(fixture_exercise(), fixture_text());
    const fs::path dir = fs::temp_directory_path() / ("tend-transcripts-test-" + set.hash.substr(0, 12));
    std::error_code ec;
    fs::remove_all(dir, ec);
    fs::create_directories(dir, ec);
    // A leftover from an earlier, longer run must not read as part of this one.
    std::ofstream(dir / "path-099.txt") << "stale";

    std::string error;
    REQUIRE(tend::write_transcripts(set, dir.string(), &error));
    CHECK(error.empty());
    CHECK(fixtures::read_file((dir / "path-001.txt").string()) == set.transcripts[0].text);
    CHECK(fixtures::read_file((dir / "path-017.txt").string()) == set.transcripts[16].text);
    CHECK_FALSE(fs::exists(dir / "path-018.txt"));
    CHECK_FALSE(fs::exists(dir / "path-099.txt"));

    const std::string readme = fixtures::read_file((dir / "README.txt").string());
    CHECK_THAT(readme, Catch::StartsWith("A small kind practice\n"));
    CHECK_THAT(readme, Catch::Contains("version 1.0.0"));
    CHECK_THAT(readme, Catch::Contains(set.hash));
    CHECK_THAT(readme, Catch::Contains("Paths: 17 (path-001.txt … path-017.txt)"));
    fs::remove_all(dir, ec);
}

TEST_CASE("write_transcripts says why when the directory can't be made") {
    namespace fs = std::filesystem;
    const tend::TranscriptSet set = tend::make_transcripts(fixture_exercise(), fixture_text());
    const fs::path file = fs::temp_directory_path() / "tend-transcripts-test-a-file";
    std::ofstream(file) << "not a directory";
    std::string error;
    CHECK_FALSE(tend::write_transcripts(set, (file / "inside").string(), &error));
    CHECK_THAT(error, Catch::Contains("could not create"));
    std::error_code ec;
    fs::remove(file, ec);
}

TEST_CASE("a transcript says how each pause breathes, which end is quiet, and what the reader's words leave out") {
    tend::Exercise ex = fixture_exercise();
    for (tend::Step& s : ex.steps)
        if (s.id == "check_in") s.reflect = false;
    const tend::TranscriptSet set = tend::make_transcripts(ex, fixture_text());
    bool quiet_pause = false, guided = false, plain_end = false, kept_out = false;
    int stops = 0, quiet_stops = 0;
    for (const tend::Transcript& t : set.transcripts) {
        quiet_pause = quiet_pause || t.text.find("[a 30-second pause; a quiet pause, with no pacer and no breathing cues]") !=
                                         std::string::npos;
        guided = guided || t.text.find("[a 20-second pause; the breathing pacer starts by itself]") != std::string::npos;
        if (t.steps.back() == "ground_stop") {
            stops++;
            quiet_stops += t.text.find("[end, quiet: no call to action, the reader’s words folded away]") != std::string::npos;
        }
        if (t.steps.back() == "close") plain_end = plain_end || t.text.find("[end]\n") != std::string::npos;
        kept_out = kept_out || t.text.find("I'd like to finish\n(not among the reader’s words at the end)") != std::string::npos ||
                   t.text.find("I'd like to stop here\n(not among the reader’s words at the end)") != std::string::npos;
    }
    CHECK(quiet_pause);
    CHECK(guided);
    CHECK(stops > 0);
    CHECK(quiet_stops == stops);
    CHECK(plain_end);
    CHECK(kept_out);
}
