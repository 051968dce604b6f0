// The care round's screens (issue 11): breathing offered rather than imposed, quiet ends, the
// reader's words without the check-ins, and "About this exercise".
//
// Fixture: tests/data/valid/care-screens.json: a pause of each breathing (offered, none,
// guided), a question with its own label in the reader's words, a check-in kept out of them
// that offers a stop, the end and the quiet end a stop leads to, and the exercise's sources.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "content_hash.h"
#include "fixtures.h"
#include "journal.h"
#include "reader.h"

using namespace screen_tests;

namespace {

// The reader writes what they notice, then stops at the check-in (or keeps going).
void notice_then(Reader& r, const std::string& checkin) {
    r.go_to("notice");
    r.session.set_text("a softness");
    r.session.next();
    REQUIRE(r.session.state().current == "checkin");
    r.session.choose(checkin);
    r.session.next();
}

}  // namespace

// ---- breathing, offered ---------------------------------------------------------------------

TEST_CASE("a pause that offers breathing shows the pacer still, with one way to start it; nothing moves until then") {
    Reader r("valid/care-screens.json");
    r.go_to("rest");
    Screen s = r.screen();
    CHECK(s.pacer);
    CHECK(keys(s, Place::Pacer) == std::vector<std::string>{"pacer_start"});
    CHECK(s.control("pacer_start")->action == Action::PacerStart);
    CHECK(s.control("pacer_start")->label == "Breathe with the pacer");
    CHECK(pacer_words(r.pacer, r.words).cue == "If it helps, you can breathe along with the circle. Or simply rest here.");
    CHECK(pacer_words(r.pacer, r.words).count.empty());
    CHECK_FALSE(r.pacer.running());
    r.pacer.advance(5);  // the widget's frames go on; the clock waits for the reader
    CHECK(r.pacer.breath().amount == 0);

    SECTION("once started it breathes as a guided pause does, with its reader's say over it") {
        r.pacer.start();
        Screen started = r.screen();
        CHECK(keys(started, Place::Pacer) == std::vector<std::string>{"pacer_toggle", "pacer_longer", "pacer_stop"});
        CHECK(pacer_words(r.pacer, r.words).cue == "Breathe in, gently");
        CHECK(pacer_words(r.pacer, r.words).count == "1");
        CHECK(r.pacer.running());
    }
    SECTION("in Spanish") {
        Words es("es");
        CHECK(pacer_words(r.pacer, es).cue == "Si te ayuda, puedes respirar al ritmo del círculo. O simplemente descansar aquí.");
        CHECK(std::string(es[Word::pacer_start]) == "Respirar con la guía");
    }
}

TEST_CASE("a pause without breathing has no pacer at all: only its own words and the ways on") {
    Reader r("valid/care-screens.json");
    r.go_to("still");
    Screen s = r.screen();
    CHECK_FALSE(s.pacer);
    CHECK(keys(s, Place::Pacer).empty());
    CHECK(s.paragraphs == std::vector<std::string>{"Rest here for a moment."});
    CHECK(s.control("continue"));
}

TEST_CASE("a guided pause starts by itself, as pauses always have") {
    Reader r("valid/care-screens.json");
    r.go_to("guided");
    Screen s = r.screen();
    CHECK(s.pacer);
    CHECK(r.pacer.running());
    CHECK(keys(s, Place::Pacer) == std::vector<std::string>{"pacer_toggle", "pacer_longer", "pacer_stop"});
}

// ---- the reader's words ---------------------------------------------------------------------

TEST_CASE("the reader's words leave out the check-ins, and stand under the step's reflect_label when it has one") {
    Reader r("valid/care-screens.json");
    notice_then(r, "keep_going");
    r.session.set_text("be gentle");
    r.go_to("done");
    std::vector<Reflection> expected = {{"What you noticed", "a softness"}, {"What would you say to a friend?", "be gentle"}};
    CHECK(r.screen().your_words.size() == 2);
    for (size_t i = 0; i < expected.size() && i < r.screen().your_words.size(); i++) {
        CHECK(r.screen().your_words[i].label == expected[i].label);
        CHECK(r.screen().your_words[i].text == expected[i].text);
    }
    SECTION("and so do past sessions") {
        r.around.journal = {{r.session.state()}};
        r.around.journal_open = true;
        REQUIRE(r.screen().journal.size() == 1);
        CHECK(r.screen().journal[0].words.size() == 2);
        CHECK(r.screen().journal[0].words[0].label == "What you noticed");
    }
}

TEST_CASE("what the reader keeps (\"Save my words so far\", the downloads) is in their language, without the check-ins") {
    Reader r("valid/care-screens.json");
    notice_then(r, "keep_going");
    r.session.skip();  // "What would you say to a friend?"
    Journal journal(r.exercise, r.store, "tend/test/care-screens/");

    journal.use_words(export_words(Words("es")));
    std::string text = journal.session_text(r.session.state());
    CHECK(text.find("### What you noticed\n\n> a softness") != std::string::npos);
    CHECK(text.find("How is this for you right now?") == std::string::npos);
    CHECK(text.find("What would you say to a friend?\n\n(omitida)") != std::string::npos);
    MemoryStore nothing_kept;
    Journal empty(r.exercise, nothing_kept, "tend/test/care-screens/");
    empty.use_words(export_words(Words("es")));
    CHECK(empty.export_text().find("Todavía no hay sesiones terminadas.") != std::string::npos);

    journal.use_words(export_words(Words("en")));
    CHECK(journal.session_text(r.session.state()).find("(skipped)") != std::string::npos);
}

// ---- a quiet end ----------------------------------------------------------------------------

TEST_CASE("a quiet end, after a stop: no invitation, the reader's words folded away, help offered in full") {
    Reader r("valid/care-screens.json");
    r.practice.name = "Willow Street";
    r.practice.cta_link = "https://example.org/contact";
    notice_then(r, "stop");
    REQUIRE(r.session.state().current == "rest_now");
    Screen s = r.screen();
    CHECK(s.is_end);
    CHECK(s.quiet);
    CHECK(s.paragraphs == std::vector<std::string>{"Stopping is a kind choice. Rest here as long as you like."});
    CHECK_FALSE(s.control("cta"));
    CHECK(s.invitation_lead.empty());
    CHECK(s.your_words.empty());
    CHECK(s.your_words_title.empty());
    CHECK(keys(s, Place::YourWords) == std::vector<std::string>{"words_today"});
    CHECK(s.control("words_today")->label == "Show my words from today");
    CHECK(s.control("words_today")->action == Action::ToggleWords);
    CHECK_FALSE(s.control("words_today")->on);
    CHECK_FALSE(s.help_title.empty());
    CHECK(s.resources.size() >= 2);
    CHECK(s.control(s.resources[0].control)->label == "Call 911");
    // Keeping their words stays the reader's choice.
    CHECK(keys(s, Place::Exports) == std::vector<std::string>{"copy", "txt", "json"});

    SECTION("one tap shows them; another folds them away again") {
        r.around.words_open = true;
        Screen open = r.screen();
        CHECK(open.your_words_title == "Your words today");
        REQUIRE(open.your_words.size() == 1);
        CHECK(open.your_words[0].label == "What you noticed");
        CHECK(open.control("words_today")->label == "Fold my words away");
        CHECK(open.control("words_today")->on);
    }
    SECTION("help is there in full even when the grounding path folded it") {
        r.around.help_folded = true;
        CHECK_FALSE(r.screen().resources.empty());
        CHECK_FALSE(r.screen().control("show_help"));
    }
    SECTION("with no words of the reader's, there is nothing to fold") {
        Reader quiet("valid/care-screens.json");
        quiet.go_to("checkin");
        quiet.session.choose("stop");
        quiet.session.next();
        CHECK(keys(quiet.screen(), Place::YourWords).empty());
    }
    SECTION("in Spanish") {
        r.words = Words("es");
        CHECK(r.screen().control("words_today")->label == "Ver mis palabras de hoy");
        r.around.words_open = true;
        CHECK(r.screen().control("words_today")->label == "Ocultar mis palabras");
    }
}

TEST_CASE("an end that isn't quiet shows the reader's words and the practice's invitation, as before") {
    Reader r("valid/care-screens.json");
    r.practice.cta_link = "https://example.org/contact";
    notice_then(r, "keep_going");
    r.go_to("done");
    Screen s = r.screen();
    CHECK_FALSE(s.quiet);
    CHECK(s.control("cta"));
    CHECK(keys(s, Place::YourWords).empty());
    CHECK(s.your_words_title == "Your words today");
    CHECK(s.resources.empty());
}

// ---- about this exercise --------------------------------------------------------------------

TEST_CASE("\"About this exercise\" is a quiet control on every step; it opens what the exercise is and where it comes from") {
    Reader r("valid/care-screens.json");
    std::string hash = tend::content_hash(fixtures::read_file(fixtures::data_path("valid/care-screens.json")));
    REQUIRE(hash.size() == 64);
    r.around.content_hash = hash;
    for (const std::string& step : {"arrive", "rest", "notice"}) {
        r.go_to(step);
        Screen s = r.screen();
        INFO(step);
        CHECK(keys(s, Place::About) == std::vector<std::string>{"about"});
        CHECK(s.control("about")->label == "About this exercise");
        CHECK(s.control("about")->look == Look::Quiet);
        CHECK_FALSE(s.about.open);
        CHECK(s.about.version.empty());
    }
    r.session.enter_safety();
    CHECK(r.screen().control("about"));
    r.session.leave_safety();

    r.around.about_open = true;
    Screen s = r.screen();
    CHECK(s.about.open);
    CHECK(s.about.title == "About this exercise");
    CHECK(s.about.version == "Version 2.1.0. Fingerprint of its text: " + hash + ".");
    CHECK(s.about.sources_title == "It draws on:");
    CHECK(s.about.sources ==
          std::vector<std::string>{"The Self-Compassion Break (Kristin Neff)", "Parts work (Internal Family Systems)"});
    CHECK(s.about.not_therapy == "A guided practice to try on your own: not therapy, and not for emergencies.");
    CHECK(s.about.reviewed.empty());  // the practice didn't say
    CHECK(keys(s, Place::About) == std::vector<std::string>{"about_close"});
    CHECK(s.control("about_close")->action == Action::CloseAbout);
    CHECK(s.control("about_close")->label == "Close");
    std::string text = all_text(s);
    for (const auto& line : {s.about.version, s.about.sources[0], s.about.sources[1], s.about.not_therapy})
        CHECK(text.find(line) != std::string::npos);

    SECTION("who reviewed it and when, when the practice says both") {
        r.practice.reviewed_by = "Dr. Ana Ruiz, LMFT";
        CHECK(r.screen().about.reviewed.empty());
        r.practice.reviewed_on = "March 2026";
        CHECK(r.screen().about.reviewed == "Reviewed by Dr. Ana Ruiz, LMFT, March 2026.");
    }
    SECTION("it stays out of the delete question's way") {
        r.around.confirm_delete = true;
        Screen both = r.screen();
        CHECK(keys(both, Place::Footer) == std::vector<std::string>{"delete_yes", "delete_no"});
        CHECK(keys(both, Place::About) == std::vector<std::string>{"about_close"});
    }
}

TEST_CASE("\"About this exercise\" in Spanish; an exercise without sources names none") {
    Reader r("valid/screen-es.json");
    r.around.content_hash = "abc";
    CHECK(r.screen().control("about")->label == "Sobre este ejercicio");
    r.around.about_open = true;
    Screen s = r.screen();
    CHECK(s.about.title == "Sobre este ejercicio");
    CHECK(s.about.version == "Versión " + r.exercise.version + ". Huella de su texto: abc.");
    CHECK(s.about.sources_title.empty());
    CHECK(s.about.sources.empty());
    CHECK(s.control("about_close")->label == "Cerrar");
}

// ---- a distress scale's own way to stop ------------------------------------------------------

TEST_CASE("a scale that offers a stop shows \"I'd like to stop here\" above the ways on; one that doesn't, doesn't") {
    Reader r("care/passing.json");  // intensity_before: no stop; intensity_after: "stop": "ground_stop"
    r.go_to("intensity_before");
    CHECK(r.screen().control("stop_here") == nullptr);
    r.go_to("intensity_after");
    Screen s = r.screen();
    const Control* stop = s.control("stop_here");
    REQUIRE(stop);
    CHECK(stop->label == "I’d like to stop here");
    CHECK(stop->action == Action::StopHere);
    CHECK(stop->look == Look::Secondary);
    CHECK(keys(s, Place::Nav).front() == "stop_here");
    CHECK(keys(s, Place::Nav).back() == "continue");
    r.session.stop_here();
    Screen end = r.screen();
    CHECK(end.is_end);
    CHECK(end.quiet);
}
