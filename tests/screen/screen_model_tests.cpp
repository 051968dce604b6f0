// The screen model: what a reader sees on every kind of step, decided in one place.
//
// Fixtures: tests/data/valid/screen.json (one step of every kind, a grounding path with four
// kinds of crisis resource) and screen-es.json (the same in Spanish, tagged es-MX), and the
// shipped exercises for the walk through every screen.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "fixtures.h"
#include "journal.h"
#include "reader.h"
#include "screen/screen_model.h"
#include "session.h"
#include "store.h"

using namespace tend;
using namespace tend::screen;

using namespace screen_tests;

TEST_CASE("the opening screen gives the title, the length, the intro, the content note and where answers are kept") {
    Reader r("valid/screen.json");
    Screen s = r.screen();
    CHECK(s.opening);
    CHECK(s.title == "A short practice");
    CHECK(s.minutes == "About 4 minutes");
    CHECK(s.intro == "A few minutes, at your own pace.");
    CHECK(s.content_note == "Content note: Touches on self-criticism.");
    CHECK(s.privacy.rfind("Your answers stay in this browser, on this device. You can delete them at any time.", 0) == 0);
    CHECK(s.privacy.find("This isn\u2019t for emergencies, and no one at the practice reads what you write here") != std::string::npos);
    CHECK(s.privacy.find("Some browsers clear them after a week without a visit, so save your words if you want to keep them.") != std::string::npos);
    SECTION("the disclaimer is said once: the first step says it already") { CHECK(s.disclaimer.empty()); }
    SECTION("the header names the practice alone on the opening, and with the title later") {
        r.practice.name = "Willow Street";
        CHECK(r.screen().name == "Willow Street");
        r.session.next();
        CHECK(r.screen().name == "Willow Street  \u00b7  A short practice");
        CHECK_FALSE(r.screen().opening);
    }
    SECTION("progress counts the steps ahead") {
        CHECK(s.progress == "Step 1 of about 8");
        CHECK(s.progress_done == Approx(1.0 / 8));
    }
}

TEST_CASE("every step offers a pause one tap away; on the grounding path it offers the way back instead") {
    Reader r("valid/screen.json");
    Screen s = r.screen();
    REQUIRE(s.control("need_pause"));
    CHECK(s.control("need_pause")->action == Action::Pause);
    CHECK(s.control("need_pause")->label == "Pause and get help");
    CHECK(keys(s, Place::Header) == std::vector<std::string>{"need_pause"});

    r.session.enter_safety();
    Screen pause = r.screen();
    CHECK_FALSE(pause.control("need_pause"));
    REQUIRE(pause.control("return"));
    CHECK(pause.control("return")->label == "Return to where I was");
    CHECK(pause.progress == "Taking a pause. There is no hurry.");
    CHECK(pause.progress_done < 0);
    CHECK(pause.step_key == "ground#safety");
    CHECK(pause.privacy.empty());
}

TEST_CASE("once a question lies behind the reader, every step before the end offers to save their words so far") {
    Reader r("valid/screen.json");
    Screen first = r.screen();
    CHECK_FALSE(first.control("save"));
    CHECK_FALSE(first.privacy.empty());
    r.go_to("note");
    Screen s = r.screen();
    REQUIRE(s.control("save"));
    CHECK(s.control("save")->action == Action::DownloadText);
    CHECK(s.control("save")->arg == "so_far");
    CHECK(s.control("save")->label == "Save my words so far");
    CHECK(keys(s, Place::Keep) == std::vector<std::string>{"save"});
    // In reading order under the ways on, before the footer.
    auto at = [&](const std::string& key) {
        for (size_t i = 0; i < s.controls.size(); ++i) if (s.controls[i].key == key) return i;
        return s.controls.size();
    };
    CHECK(at("save") > at("continue"));
    for (const auto& c : s.controls) if (c.place == Place::Footer) CHECK(at(c.key) > at("save"));
    SECTION("on the grounding path too") {
        r.session.enter_safety();
        CHECK(r.screen().control("save"));
    }
}

TEST_CASE("on the grounding path: the region's emergency number, the practice's line, the region's lines, then the exercise's") {
    Reader r("valid/screen.json");
    r.practice.help = {"Willow Street", "Our own line, weekdays 9 to 5.", "tel:+15550100"};
    r.session.enter_safety();
    Screen s = r.screen();
    CHECK(s.help_title == "If you need someone now, you don\u2019t have to do this alone.");
    std::vector<std::string> labels, buttons;
    for (const auto& res : s.resources) {
        labels.push_back(res.label);
        buttons.push_back(res.control.empty() ? "" : s.control(res.control)->label);
    }
    CHECK(labels == std::vector<std::string>{"Emergency services", "Willow Street", "988 Suicide & Crisis Lifeline", "Text 988",
                                             "Emergency services", "A crisis line", "A text line", "Find a helpline"});
    CHECK(buttons == std::vector<std::string>{"Call 911", "Call +15550100", "Call 988", "Text 988", "", "Call 988", "Text 741741",
                                              "Open Find a helpline"});
    CHECK(s.control(s.resources[0].control)->arg == "tel:911");
    CHECK(s.control(s.resources[0].control)->action == Action::Open);
    CHECK(s.help_note.empty());  // the practice named the region
    SECTION("and nowhere else") {
        r.session.leave_safety();
        CHECK(r.screen().resources.empty());
        CHECK_FALSE(r.screen().control("show_help"));
    }
    SECTION("in full on the path's first screen; after that one line opens it") {
        r.around.help_folded = true;
        Screen folded = r.screen();
        CHECK(folded.resources.empty());
        CHECK(keys(folded, Place::Help) == std::vector<std::string>{"show_help"});
        CHECK(folded.control("show_help")->label == "Need someone now? Show the helplines");
        r.around.help_open = true;
        CHECK(r.screen().resources.size() == 8);
    }
    SECTION("a guessed region says so") {
        r.help = help_for("", {"en-GB"}, "en");
        Screen uk = r.screen();
        CHECK(uk.help_note.find("Chosen from your browser\u2019s settings: United Kingdom.") == 0);
    }
}

TEST_CASE("a pause step has a pacer with pause, longer and stop, until its time is up") {
    Reader r("valid/screen.json");
    r.go_to("breathe");
    Screen s = r.screen();
    CHECK(s.pacer);
    CHECK(keys(s, Place::Pacer) == std::vector<std::string>{"pacer_toggle", "pacer_longer", "pacer_stop"});
    CHECK(s.control("pacer_toggle")->label == "Pause the breathing");
    CHECK(s.control("pacer_longer")->label == "30 seconds more");
    CHECK(pacer_words(r.pacer, r.words).cue == "Breathe in, gently");
    CHECK(pacer_words(r.pacer, r.words).count == "1");

    r.pacer.toggle();
    CHECK(r.screen().control("pacer_toggle")->label == "Resume");
    CHECK(pacer_words(r.pacer, r.words).cue == "Paused. Resume whenever you like.");

    r.pacer.stop();
    CHECK(keys(r.screen(), Place::Pacer).empty());
    CHECK(pacer_words(r.pacer, r.words).count.empty());
    CHECK(pacer_words(r.pacer, r.words).cue == "Take your time. Continue when you are ready.");
}

TEST_CASE("a single choice: one radio per option, the chosen one on; 'something else' opens the reply box") {
    Reader r("valid/screen.json");
    r.go_to("words");
    Screen s = r.screen();
    CHECK(s.question.kind == StepKind::Choice);
    CHECK(s.question.prompt == "Which words fit?");
    CHECK(keys(s, Place::Answer) == std::vector<std::string>{"option:kind", "option:plain", "other"});
    CHECK(s.control("option:kind")->look == Look::Radio);
    CHECK(s.control("option:kind")->exercise_words);
    CHECK(s.question.note.empty());
    CHECK_FALSE(s.field.shown);
    CHECK(s.control("other")->arg == "1");  // pressing it selects it

    r.session.choose("plain");
    CHECK(r.screen().control("option:plain")->on);
    CHECK_FALSE(r.screen().control("option:kind")->on);

    r.session.set_other(true, "my words");
    Screen other = r.screen();
    CHECK(other.control("other")->on);
    CHECK(other.control("other")->arg == "0");  // now pressing it unselects it
    CHECK(other.field.shown);
    CHECK(other.field.key == "words#other");
    CHECK(other.field.words == "my words");
    CHECK(other.field.label == "My own words");
}

TEST_CASE("a multiple choice says that more than one may be chosen") {
    Reader r("valid/screen.json");
    r.go_to("parts");
    Screen s = r.screen();
    CHECK(s.question.multiple);
    CHECK(s.question.note == "Choose any that fit.");
    CHECK(s.control("option:critic")->look == Look::Check);
}

TEST_CASE("a scale: eleven numbers, and what the two ends mean for assistive technology") {
    Reader r("valid/screen.json");
    r.go_to("strength");
    Screen s = r.screen();
    std::vector<std::string> values = keys(s, Place::Answer);
    REQUIRE(values.size() == 11);
    CHECK(values.front() == "scale:0");
    CHECK(values.back() == "scale:10");
    CHECK(s.control("scale:6")->arg == "6");
    CHECK(s.control("scale:6")->look == Look::Number);
    CHECK(s.question.scale_note == "0 means Not at all; 10 means Very strong.");
    r.session.set_scale(6);
    CHECK(r.screen().control("scale:6")->on);
}

TEST_CASE("a text question: a reply box named by the question, holding the draft; a required one can't be passed empty") {
    Reader r("valid/screen.json");
    r.go_to("note");
    Screen s = r.screen();
    CHECK(s.field.shown);
    CHECK(s.field.key == "note");
    CHECK(s.field.label == "What do you notice?");
    CHECK(s.field.placeholder == "Write as much or as little as you like\u2026");
    CHECK(s.field.max_length == 200);
    CHECK(s.question.hint == "A word is plenty.");
    CHECK(s.announcement == "What do you notice?");
    CHECK_FALSE(s.control("continue")->enabled);
    CHECK_FALSE(s.control("skip"));
    CHECK(keys(s, Place::Nav) == std::vector<std::string>{"back", "continue"});
    SECTION("and no privacy line once a question lies behind the reader") { CHECK(s.privacy.empty()); }

    r.session.set_text("a warmth");
    Screen typed = r.screen();
    CHECK(typed.field.words == "a warmth");
    CHECK(typed.control("continue")->enabled);
}

TEST_CASE("storage trouble and an unreadable old save are told kindly, as notices") {
    Reader r("valid/screen.json");
    r.around.notices = {Notice::StorageFull, Notice::Recovered};
    Screen s = r.screen();
    REQUIRE(s.notices.size() == 2);
    CHECK(s.notices[0].find("storage for this site is full") != std::string::npos);
    CHECK(s.notices[1].find("set aside, not deleted") != std::string::npos);
    SECTION("\"set aside\" only when the copy was written; otherwise it is left where it was") {
        r.around.notices = {Notice::StorageFull, Notice::RecoveredLeftInPlace};
        Screen left = r.screen();
        REQUIRE(left.notices.size() == 2);
        CHECK(left.notices[1].find("set aside") == std::string::npos);
        CHECK(left.notices[1].find("left just as it was") != std::string::npos);
    }
}

TEST_CASE("the end shows each answer once, under its question woven with the answers, and leaves out what was skipped") {
    Reader r("valid/session_flow.json");
    r.go_to("intensity_before");
    r.session.set_scale(3);
    r.go_to("feeling");
    r.session.skip();
    r.session.choose("protector");
    r.go_to("kind_phrase");
    r.session.set_text("You are allowed to rest.");
    r.go_to("close");
    Screen s = r.screen();
    std::vector<std::string> labels, texts;
    for (const Reflection& w : s.your_words) labels.push_back(w.label), texts.push_back(w.text);
    CHECK(labels == std::vector<std::string>{"How heavy does it feel right now?",
                                             "You named what you feel. If it feels okay, notice what pushed back.",
                                             "What would you say to a friend who felt this way?"});
    CHECK(texts == std::vector<std::string>{"3", "a protector", "You are allowed to rest."});
}

// screen.json to its end: "Kind words" chosen, "a warmth" noticed.
static void to_the_end_with_two_answers(Reader& r) {
    r.go_to("words");
    r.session.choose("kind");
    r.session.next();
    r.go_to("note");
    r.session.set_text("a warmth");
    r.go_to("done");
}

TEST_CASE("what the reader keeps (.txt, copy) names each answer as the end shows it: under its reflect_label or its question") {
    Reader r("valid/screen.json");
    to_the_end_with_two_answers(r);
    Journal journal(r.exercise, r.store, "tend/test/" + r.exercise.id + "/");
    journal.use_words(export_words(r.words));
    const std::string kept = journal.session_text(r.session.state());
    INFO(kept);
    std::vector<Reflection> shown = r.screen().your_words;
    REQUIRE(shown.size() == 2);
    for (const Reflection& w : shown) CHECK(kept.find("### " + w.label + "\n\n> " + w.text + "\n") != std::string::npos);
    CHECK(kept.find("What do you notice?") == std::string::npos);  // the note's prompt gives way to its label
}

TEST_CASE("the end: the reader's words once for each question answered, then ways to keep them and to delete them") {
    Reader r("valid/screen.json");
    to_the_end_with_two_answers(r);
    Screen s = r.screen();
    CHECK(s.is_end);
    CHECK(s.progress == "You reached the end");
    CHECK(s.progress_done == 1);
    CHECK(s.your_words_title == "Your words today");
    REQUIRE(s.your_words.size() == 2);
    CHECK(s.your_words[0].label == "Which words fit?");
    CHECK(s.your_words[0].text == "Kind words");
    CHECK(s.your_words[1].label == "What you noticed");  // its reflect_label
    CHECK(s.your_words[1].text == "a warmth");
    CHECK(keys(s, Place::Exports) == std::vector<std::string>{"copy", "txt", "json"});
    CHECK(keys(s, Place::Closing) == std::vector<std::string>{"again"});
    CHECK(keys(s, Place::Footer) == std::vector<std::string>{"delete"});
    CHECK(keys(s, Place::Nav).empty());
    CHECK(s.invitation_lead.empty());

    SECTION("deleting asks first") {
        r.around.confirm_delete = true;
        Screen c = r.screen();
        CHECK(c.confirm_delete.find("This can\u2019t be undone.") != std::string::npos);
        CHECK(keys(c, Place::Footer) == std::vector<std::string>{"delete_yes", "delete_no"});
        CHECK(c.control("delete_yes")->action == Action::Delete);
    }
    SECTION("the practice's invitation, in its words or Tend's") {
        r.practice.cta_link = "https://example.org/contact";
        CHECK(r.screen().control("cta")->label == "If this resonates, book a free consultation");
        CHECK(r.screen().invitation_lead == "If you\u2019d like company with this");
        r.practice.name = "Willow Street";
        r.practice.cta_text = "Talk with us";
        CHECK(r.screen().control("cta")->label == "Talk with us");
        CHECK(r.screen().control("cta")->arg == "https://example.org/contact");
        CHECK(r.screen().invitation_lead == "Willow Street");
    }
    SECTION("past sessions, folded until asked for, with their dates in the reader's language") {
        SessionState older;
        older.started_ms = 1600000000000;
        older.history = {"welcome", "breathe", "words"};
        older.current = "done";
        older.answers["words"].chosen = {"plain"};
        r.around.journal = {{older}};
        Screen folded = r.screen();
        CHECK(folded.control("journal")->label == "Past sessions on this device (1)");
        CHECK(folded.journal.empty());
        r.around.journal_open = true;
        Screen open = r.screen();
        CHECK(open.control("journal")->label == "Hide past sessions (1)");
        CHECK(open.control("journal")->on);
        REQUIRE(open.journal.size() == 1);
        CHECK(open.journal[0].when == "en@1600000000000");
        // As the reader wrote it, under each question: prose, never Markdown.
        REQUIRE(open.journal[0].words.size() == 1);
        CHECK(open.journal[0].words[0].label == "Which words fit?");
        CHECK(open.journal[0].words[0].text == "Plain words");
    }
    SECTION("a brief acknowledgement after copying") {
        r.around.flash = Flash::Copied;
        CHECK(r.screen().flash == "Copied. Paste it wherever you keep things that matter.");
    }
    SECTION("(the acknowledgement of deleting, on the step the reader lands on)") {
        r.around.flash = Flash::Deleted;
        CHECK(r.screen().flash == "Your answers were deleted from this device.");
    }
}

TEST_CASE("\"Delete my answers\" is on every step, as the privacy line promises; it asks first") {
    Reader r("valid/screen.json");
    for (int i = 0; i < 12; i++) {
        Screen s = r.screen();
        INFO(s.step_key);
        CHECK(keys(s, Place::Footer) == std::vector<std::string>{"delete"});
        if (i == 2) {
            r.session.enter_safety();
            CHECK(keys(r.screen(), Place::Footer) == std::vector<std::string>{"delete"});
            r.session.leave_safety();
        }
        if (s.is_end) break;
        if (s.control("continue")->enabled) r.session.next();
        else r.session.skip();
    }
    r.around.confirm_delete = true;
    Screen asking = r.screen();
    CHECK(keys(asking, Place::Footer) == std::vector<std::string>{"delete_yes", "delete_no"});
    CHECK_FALSE(asking.confirm_delete.empty());
}

TEST_CASE("before the first question the reader may choose to keep nothing on this device") {
    Reader r("valid/screen.json");
    Screen s = r.screen();
    REQUIRE(s.control("keep_nothing"));
    CHECK(s.control("keep_nothing")->label == "Don\u2019t keep my words on this device (for a shared computer)");
    CHECK(s.control("keep_nothing")->look == Look::Check);
    CHECK(s.control("keep_nothing")->arg == "1");
    CHECK_FALSE(s.control("keep_nothing")->on);
    r.around.keep_nothing = true;
    r.around.notices = {Notice::KeepingNothing};
    Screen chosen = r.screen();
    CHECK(chosen.control("keep_nothing")->on);
    CHECK(chosen.control("keep_nothing")->arg == "0");
    CHECK(chosen.notices.at(0).find("Nothing is being kept on this device") == 0);
    SECTION("once a question lies behind the reader, it is no longer offered") {
        r.go_to("parts");
        CHECK_FALSE(r.screen().control("keep_nothing"));
    }
}

TEST_CASE("every control key on a screen is unique, and every word for the canvas is in all_text()") {
    Reader r("valid/screen.json");
    for (int i = 0; i < 12; i++) {
        Screen s = r.screen();
        std::set<std::string> seen;
        std::string text = all_text(s);
        for (const Control& c : s.controls) {
            CHECK(seen.insert(c.key).second);
            CHECK(text.find(c.label) != std::string::npos);
        }
        for (const auto& p : s.paragraphs) CHECK(text.find(p) != std::string::npos);
        if (s.is_end) break;
        if (s.control("continue")->enabled) r.session.next();
        else r.session.skip();
    }
}

// ---- in the reader's language ----------------------------------------------------------------

TEST_CASE("the widget speaks its exercise's language: a table chosen by the language, English otherwise") {
    CHECK(std::string(Words("es").language()) == "es");
    CHECK(std::string(Words("es-MX").language()) == "es");
    CHECK(std::string(Words("ES_es").language()) == "es");
    CHECK(std::string(Words("de").language()) == "en");
    CHECK(std::string(Words("").language()) == "en");
    CHECK(std::string(Words("esperanto").language()) == "en");  // "es" is a language, not a prefix
    CHECK(has_words_for("es-419"));
    CHECK_FALSE(has_words_for("pt-BR"));
    CHECK(Words("en")(Word::step_of_about, {{"n", "3"}, {"total", "9"}}) == "Step 3 of about 9");
    CHECK(Words("es")(Word::step_of_about, {{"n", "3"}, {"total", "9"}}) == "Paso 3 de unos 9");
}

TEST_CASE("in Spanish, the opening, a question, the pause, the help and the end are Spanish") {
    Reader r("valid/screen-es.json");
    Screen s = r.screen();
    CHECK(s.language == "es");
    CHECK(s.exercise_language == "es-MX");
    CHECK(s.minutes == "Alrededor de 4 minutos");
    CHECK(s.progress == "Paso 1 de unos 8");
    CHECK(s.control("need_pause")->label == "Pausa y ayuda");
    CHECK(s.control("continue")->label == "Continuar");
    CHECK(s.region_label == "Ejercicio guiado: Una práctica breve");
    r.go_to("parts");
    CHECK(r.screen().question.note == "Puedes elegir todas las que encajen.");
    r.go_to("note");
    CHECK(r.screen().field.placeholder == "Escribe tanto o tan poco como quieras\u2026");
    r.session.enter_safety();
    Screen help = r.screen();
    CHECK(help.control(help.resources[1].control)->label == "Llamar al 988");
    CHECK(help.resources[1].label == "L\u00ednea 988 de Prevenci\u00f3n del Suicidio y Crisis");
    CHECK(help.control("return")->label == "Volver a donde estaba");
}

namespace {

// The widget's own words on a screen (not the exercise's, not the practice's).
std::vector<std::string> widget_words(const Screen& s) {
    std::vector<std::string> out = {s.progress, s.minutes, s.content_note, s.privacy, s.help_title, s.question.note,
                                     s.question.scale_note, s.your_words_title, s.keep_them, s.flash, s.confirm_delete,
                                     s.field.placeholder};
    out.insert(out.end(), s.notices.begin(), s.notices.end());
    for (const Control& c : s.controls)
        if (!c.exercise_words) out.push_back(c.label);
    return out;
}

// Stretches of English from the English table (its words cut at their {slots}), long enough
// to mean something: "Step ", " of about ", "Continue".
std::vector<std::string> english_fragments() {
    std::vector<std::string> out;
    Words en("en");
    for (int i = 0; i < static_cast<int>(Word::count_); i++) {
        std::string text = en[static_cast<Word>(i)];
        size_t start = 0;
        while (start < text.size()) {
            size_t open = text.find('{', start);
            std::string piece = text.substr(start, open == std::string::npos ? std::string::npos : open - start);
            if (piece.size() >= 4) out.push_back(piece);
            if (open == std::string::npos) break;
            start = text.find('}', open) + 1;
        }
    }
    return out;
}

}  // namespace

TEST_CASE("the shipped Spanish exercise meets no English word of the widget's own on any screen") {
    ExerciseLoad load = load_exercise(fixtures::read_file(fixtures::source_path("exercises/self-compassion-impossible-es.json")));
    REQUIRE(load.ok());
    const Exercise& ex = *load.exercise;
    Words words(ex.language);
    std::vector<std::string> english = english_fragments();
    auto check = [&](const Screen& s) {
        for (const std::string& w : widget_words(s))
            for (const std::string& e : english) {
                INFO("on " << s.step_key << ": \"" << w << "\" holds the English \"" << e << "\"");
                CHECK(w.find(e) == std::string::npos);
            }
    };
    MemoryStore store;
    Session session(ex, store, "tend/test/es/");
    session.open();
    PacerClock pacer;
    Practice practice{"", "", "https://example.org", {}};
    Help help = help_for("", {"es-MX"}, ex.language);
    for (int i = 0; i < 80 && !session.view().is_end; i++) {
        StepView v = session.view();
        Surroundings around;
        around.pacer = &pacer;
        around.notices = {Notice::StorageBlocked, Notice::ResumedAfterChange};
        check(build_screen({ex, session.state(), v, practice, help, around, words, &fake_date}));
        if (i == 3) {  // the grounding path, once
            session.enter_safety();
            check(build_screen({ex, session.state(), session.view(), practice, help, around, words, &fake_date}));
            session.leave_safety();
        }
        if (v.kind == StepKind::Choice && !v.choices.empty()) session.choose(v.choices[0].id);
        if (v.kind == StepKind::Text) session.set_text("algo");
        if (v.kind == StepKind::Scale) session.set_scale(3);
        if (!session.next()) session.skip();
    }
    REQUIRE(session.view().is_end);
    Surroundings end;
    SessionState before = session.state();
    before.started_ms = 1600000000000;
    end.journal = {{before}};
    end.journal_open = true;
    end.flash = Flash::Copied;
    check(build_screen({ex, session.state(), session.view(), practice, help, end, words, &fake_date}));
    end.confirm_delete = true;
    check(build_screen({ex, session.state(), session.view(), practice, help, end, words, &fake_date}));
}
