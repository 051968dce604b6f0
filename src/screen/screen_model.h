// Tend: building the Screen (screen.h) for the step a reader is on.
//
// Everything a reader will see is decided here, from four things: the engine's view of the
// step, the session's answers (for the reader's words at the end), the widget's own state
// around it (notices, the journal, deleting, the pacer) and the words of the reader's
// language. No ImGui, no browser: the tests build screens natively and read them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "screen/help.h"
#include "screen/pacer_clock.h"
#include "screen/screen.h"
#include "screen/words.h"
#include "journal.h"
#include "session.h"
#include "view_model.h"

namespace tend::screen {

// What the widget tells the reader about their stored words.
enum class Notice : uint8_t {
    KeepingNothing, StorageBlocked, StorageBlockedInFrame, StorageFull, StorageFailed, Recovered, RecoveredLeftInPlace, ResumedAfterChange, KeptBoth
};

// A brief acknowledgement of something just done.
enum class Flash : uint8_t { None, Copied, CopyFailed, Deleted };

// What the practice gave the embed.
struct Practice {
    std::string name;
    std::string cta_text, cta_link;  // cta_link already checked (config.h); "" for none
    HelpLine help;                   // its own line, offered first after the emergency number (label "" for none)
    std::string reviewed_by, reviewed_on;  // who reviewed the exercise for the practice, and when ("" for not said)
};

// A finished session kept on this device.
struct PastSession {
    SessionState state;
};

// Dates in the reader's locale are the page's to write (Intl); tests pass their own.
using DateFormat = std::string (*)(int64_t ms, const char* language);

// The widget's state around the step.
struct Surroundings {
    std::vector<Notice> notices;
    Flash flash = Flash::None;
    bool confirm_delete = false;       // "Delete my answers" was asked: confirm first
    bool journal_open = false;
    bool keep_nothing = false;         // the reader chose to keep nothing on this device (memory only)
    bool no_downloads = false;         // a sandboxed frame: downloads and the clipboard can't work
    std::string words_text;            // the reader's words as text, when they asked to see them so
    bool help_folded = false;          // on the grounding path after its first screen: help is one line
    bool help_open = false;            // … that the reader opened
    bool words_open = false;           // a quiet end: the reader unfolded their words
    bool about_open = false;           // "About this exercise" is open
    std::string content_hash;          // the exercise's (content_hash.h), for "About this exercise"
    const PacerClock* pacer = nullptr;  // the pause step's clock
    std::vector<PastSession> journal;  // newest first; the session on screen left out
};

struct ScreenInputs {
    const Exercise& exercise;
    const SessionState& state;
    const StepView& view;
    const Practice& practice;
    const Help& help;                  // the crisis lines for the reader's region
    const Surroundings& around;
    const Words& words;
    DateFormat format_date;
};

Screen build_screen(const ScreenInputs& in);

// The pacer's count and cue now.
PacerWords pacer_words(const PacerClock& clock, const Words& words);

// The reader's words in a session: each question they answered on their way, once, under the
// question as they saw it (or the step's reflect_label). Questions with `reflect: false`
// (a check-in's "keep going") are not the reader's words, and are left out.
std::vector<Reflection> words_of(const Exercise& exercise, const SessionState& state);

// The words the journal's text export adds around the reader's own, in the reader's language.
ExportWords export_words(const Words& words);

// Every word on a screen, run together (the font atlas holds the glyphs of what is shown).
std::string all_text(const Screen& s);

}  // namespace tend::screen
