// Tend: one screen of the widget, as plain data: every word the reader will see, final, and
// every control they can use.
//
// build_screen() (screen_model.h) makes it from the engine's StepView, the widget's own
// state and the words of the reader's language. Two renderers draw it and decide nothing:
// the ImGui view on the canvas (src/ui) and the semantic DOM mirror in the page
// (web/src/mirror.js, which gets it as JSON from src/web/page_messages.cpp). Neither adds a
// word, and neither decides which controls exist: `controls` is the one list of them, and
// its keys and actions are the one contract between canvas, page and widget. A control is
// used by its key ("continue", "option:calm"); the widget looks the key up in the screen
// on show and does what its action says.
//
// Whose words: the exercise's fields (prompt, paragraphs, option labels, …) are in the
// exercise's language; the widget's own (progress, buttons, notices) in `language`, which is
// the exercise's when Tend has a table for it and English otherwise. The practice's name and
// call to action are the practice's.
#pragma once

#include <string>
#include <vector>

#include "exercise.h"

namespace tend::screen {

// What a control does when used.
enum class Action : uint8_t {
    Next, Back, Skip,          // moving on the main path
    StopHere,                  // a check-in's "I'd like to stop here": straight to its quiet end
    Pause, Return,             // into the grounding path ("Pause and get help") and back out
    Choose, Other, Scale,      // answering: arg is the option id, "1"/"0" (select/unselect own words), the value
    PacerStart,                // an offered pacer: the reader chooses to breathe with it
    PacerToggle, PacerLonger, PacerStop,
    Copy, DownloadText, DownloadJson,
    ShowWords,                 // where downloads and copying can't work: the words as text to select
    ShowHelp,                  // unfold the crisis help on the grounding path
    KeepNothing,               // before the first question: keep nothing on this device (arg "1"), or do again ("0")
    ToggleWords,               // a quiet end: unfold the reader's words (or fold them away again)
    ToggleJournal, Restart, AskDelete, CancelDelete, Delete,
    About, CloseAbout,         // "About this exercise", opened and closed
    Open,                      // a link: arg is the address (a crisis line, the practice's page)
};
const char* action_name(Action a);  // "next", "choose", … (for tests and messages)

// How a control looks (and, in the page, which element it is).
enum class Look : uint8_t {
    Primary,    // the one main way on: Continue, the practice's invitation
    Secondary,  // a soft button
    Quiet,      // a text-like button: Back, Skip
    Caution,    // deleting
    Radio,      // one option of a single choice
    Check,      // one option of a multiple choice
    Number,     // one value of a 0–10 row
};

// Where on the screen a control sits; renderers draw each place's controls in list order.
enum class Place : uint8_t {
    Header, Help, Privacy, Answer, Pacer, Nav,
    YourWords,  // at a quiet end: the toggle that unfolds the reader's words
    Exports, Invitation, Journal, Closing,
    Keep,  // under the ways on, before the end: the reader's words so far, to keep (a browser may clear them)
    Footer,
    About,  // under the footer: "About this exercise", or its panel's way to close it
};

struct Control {
    std::string key;    // unique on the screen: "continue", "option:calm", "scale:6", "resource:0"
    Action action = Action::Next;
    std::string arg;
    std::string label;
    Look look = Look::Primary;
    Place place = Place::Nav;
    bool enabled = true;   // drawn but refused while false (Continue before a required answer)
    bool on = false;       // chosen (options, scale), open (the journal's toggle)
    bool exercise_words = false;  // the label is the exercise's (an option), not the widget's
};

// The reply box, a real <textarea> in the page.
struct Field {
    bool shown = false;
    std::string key;            // which answer it holds: the step id, or "<step>#other"
    std::string words;          // what it holds now
    std::string label;          // its accessible name: the question (or "something else" option)
    std::string placeholder;
    int max_length = 0;         // characters; 0: no limit
};

struct QuestionText {
    StepKind kind = StepKind::Say;  // Text, Choice, Scale; Say when the step asks nothing
    std::string prompt, hint;
    std::string note;           // "Choose any that fit." under a multiple choice
    std::string scale_note;     // for assistive technology: what the two ends mean
    std::string min_label, max_label;
    bool multiple = false;
};

struct Resource {
    std::string label, text;    // the exercise's words
    std::string control;        // key of its button in `controls` ("" when it has no link)
};

struct Reflection {
    std::string label, text;    // a question (or its reflect_label) and the reader's words
};

// "About this exercise": what it is, where it comes from, who looked at it. Shown only while
// the reader has it open.
struct AboutText {
    bool open = false;
    std::string title;              // the panel's heading
    std::string version;            // its version and the fingerprint of its text (the transcripts' content hash)
    std::string sources_title;      // "" when the exercise names no sources
    std::vector<std::string> sources;  // the exercise's words
    std::string reviewed;           // who reviewed it and when ("" unless the practice says)
    std::string not_therapy;
};

// A finished session kept on this device, as the reader sees it again.
struct PastWords {
    std::string when;           // in the reader's language
    std::vector<Reflection> words;
};

struct Screen {
    std::string language;           // the widget's own words
    std::string exercise_language;  // the exercise's words
    bool right_to_left = false;     // the exercise's script runs right to left (Arabic, Hebrew, …)

    // Which step this is: a new key is a new screen (announced, faded in, scrolled to).
    std::string exercise_id;
    std::string step_key;           // the step id, + "#safety" inside the grounding path
    std::string step_id;
    StepKind kind = StepKind::Say;
    bool in_safety = false, is_end = false;
    std::string announcement;       // what a screen reader hears on arriving: the question or the step's words
    std::string region_label;       // the widget's accessible name: "Guided exercise: <title>"

    // The header: who and where.
    std::string name;               // "Practice · Title" (on the opening screen, the practice alone)
    std::string progress;           // "Step 3 of about 9"
    float progress_done = 0;        // 0–1 of the bar; < 0: no fill (the grounding path)
    std::vector<std::string> notices;  // storage trouble, said kindly

    // Crisis help, on the grounding path: in full on its first screen, then one line that opens it.
    std::string help_title;         // "" when not shown in full
    std::vector<Resource> resources;
    std::string help_note;          // how the region was chosen, when it was a guess

    // The opening screen, before the reader has moved.
    bool opening = false;
    std::string title, minutes, intro, content_note, disclaimer;
    std::string privacy;            // before the first question: where the answers are kept

    std::vector<std::string> paragraphs;  // the step's own words
    QuestionText question;
    Field field;
    bool pacer = false;             // a breathing pacer (its words tick apart: pacer_words())

    // The end.
    bool quiet = false;             // a quiet end: no invitation, the reader's words folded, help offered
    std::string your_words_title;   // "" when the reader gave no words, or they are folded away
    std::vector<Reflection> your_words;
    std::string keep_them;          // above the exports
    std::string words_text;         // the reader's words as plain text, to select and copy ("" unless asked)
    std::string words_text_label;   // its accessible name
    std::string invitation_lead;    // above the practice's call to action ("" without one)
    std::vector<PastWords> journal;  // past sessions, when shown

    // Every step.
    std::string flash;              // a brief acknowledgement ("Copied", "Your answers were deleted")
    std::string confirm_delete;     // the question, while deleting is being confirmed (its answers in the footer)
    AboutText about;

    std::vector<Control> controls;  // in reading order

    // The page must show this screen itself: text to select (the canvas draws none).
    bool page_only = false;

    const Control* control(const std::string& key) const;
};

// The pacer's words at this moment (they change every second, apart from the rest).
struct PacerWords {
    std::string count;  // "3" ("" once it is done)
    std::string cue;    // "Breathe in, gently"
};

}  // namespace tend::screen
