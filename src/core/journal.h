// Tend: the reader's finished sessions, kept on their own device.
//
// When a session reaches an `end` step it is copied into the journal under
// <prefix>journal/<started_ms>, so finishing twice (Back, change an answer, end again)
// updates one entry rather than adding a second. Exports are of the reader's own words,
// for the reader: JSON (everything) and a readable plain-text/Markdown document.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "exercise.h"
#include "session_state.h"
#include "store.h"

namespace tend {

struct JournalEntry {
    std::string key;
    SessionState state;
};

// The few words the text export adds around the reader's own (the widget gives its reader's
// language; these are the English ones).
struct ExportWords {
    std::string skipped = "(skipped)";
    std::string no_answers = "(no answers)";
    std::string gone = "(a question no longer in this exercise)";
    std::string none_yet = "No finished sessions yet.";
};

class Journal {
public:
    Journal(const Exercise& exercise, Store& store, std::string key_prefix);

    StoreResult record(const SessionState& finished);        // Session calls it on reaching an end
    std::vector<JournalEntry> list() const;                   // newest first; unreadable entries left out
    std::optional<SessionState> read(const std::string& key) const;
    StoreResult remove(const std::string& key);
    StoreResult remove_all();                                 // every entry, and the session in progress

    std::string export_json() const;   // {"format":"tend.journal/1","exercise":…,"sessions":[…]}
    std::string export_text() const;   // the reader's words under each question, Markdown-friendly

    // One session as readable text (used by export_text and the widget's "copy" / ".txt").
    std::string session_text(const SessionState& state) const;

    void use_words(ExportWords words) { words_ = std::move(words); }

private:
    const Exercise& exercise_;
    Store& store_;
    std::string prefix_;
    ExportWords words_;
};

}  // namespace tend
