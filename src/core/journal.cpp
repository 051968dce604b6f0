// Tend: the journal of finished sessions, and its exports.
//
// Entries are whole SessionStates (the same JSON as the session in progress), one key per
// session: <prefix>journal/<started_ms, zero-padded>. Zero-padding makes the store's sorted
// key order the order sessions began, so listing needs no parsing to sort.
#include "journal.h"

#include <algorithm>

#include "decimal.h"
#include "interpolate.h"
#include "json_tree.h"
#include "json_write.h"

namespace tend {

namespace {

constexpr const char* kJournalFormat = "tend.journal/1";

// "2026-11-26 14:05 UTC". Computed by hand (days → civil date, after Howard Hinnant's
// algorithm) rather than with gmtime, which isn't thread-safe and differs across libcs.
std::string utc_date(int64_t ms) {
    if (ms < 0) ms = 0;
    int64_t secs = ms / 1000;
    int64_t days = secs / 86400;
    int64_t rem = secs % 86400;
    int64_t z = days + 719468;
    int64_t era = z / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = yoe + era * 400;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int64_t d = doy - (153 * mp + 2) / 5 + 1;
    int64_t m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2) y++;
    char buf[48];
    format(buf, sizeof buf, "%04lld-%02lld-%02lld %02lld:%02lld UTC", static_cast<long long>(y),
                  static_cast<long long>(m), static_cast<long long>(d), static_cast<long long>(rem / 3600),
                  static_cast<long long>(rem % 3600 / 60));
    return buf;
}

// A heading must stay on one line, whatever the prompt holds.
std::string one_line(const std::string& s) {
    std::string out;
    for (char c : s) out += (c == '\n' || c == '\r') ? ' ' : c;
    return out;
}

// The reader's words as a Markdown quote, line breaks kept.
std::string as_quote(const std::string& words) {
    std::string out = "> ";
    for (char c : words) {
        if (c == '\r') continue;
        out += c;
        if (c == '\n') out += "> ";
    }
    return out + "\n";
}

// One session, without the exercise title (export_text puts that once at the top).
std::string session_body(const Exercise& exercise, const SessionState& state, const ExportWords& w) {
    auto lookup = [&](const std::string& id) { return answer_text(exercise, state.answers, id); };
    std::string out = "## " + utc_date(state.started_ms) + "\n\n";
    bool any = false;
    // Questions in the order of the exercise, so every session of one exercise reads alike.
    for (const Step& step : exercise.steps) {
        auto it = state.answers.find(step.id);
        if (!is_question(step.kind) || !step.reflect || it == state.answers.end()) continue;
        std::string words = lookup(step.id);
        if (!it->second.skipped && words.empty()) continue;  // opened but never answered
        out += "### " + one_line(interpolate(reflection_heading(step), lookup)) + "\n\n";
        out += it->second.skipped ? w.skipped + "\n" : as_quote(words);
        out += "\n";
        any = true;
    }
    // Words given to questions the exercise no longer has are still the reader's.
    for (const auto& [id, answer] : state.answers) {
        if (exercise.find(id) || answer.skipped) continue;
        std::string words = !answer.text.empty() ? answer.text : answer.other_selected ? answer.other : "";
        if (words.empty() && answer.number >= 0) words = std::to_string(answer.number);
        if (words.empty()) continue;
        out += "### " + w.gone + "\n\n" + as_quote(words) + "\n";
        any = true;
    }
    if (!any) out += w.no_answers + "\n\n";
    return out;
}

}  // namespace

Journal::Journal(const Exercise& exercise, Store& store, std::string key_prefix)
    : exercise_(exercise), store_(store), prefix_(std::move(key_prefix)) {}

StoreResult Journal::record(const SessionState& finished) {
    char stamp[32];
    format(stamp, sizeof stamp, "%016lld", static_cast<long long>(std::max<int64_t>(0, finished.started_ms)));
    return store_.set(prefix_ + "journal/" + stamp, session_to_json(finished));
}

std::vector<JournalEntry> Journal::list() const {
    std::vector<std::string> keys = store_.keys(prefix_ + "journal/");
    std::sort(keys.begin(), keys.end());  // the Store promises sorted keys; don't depend on it
    std::vector<JournalEntry> out;
    for (auto it = keys.rbegin(); it != keys.rend(); ++it)
        if (std::optional<SessionState> state = read(*it)) out.push_back({*it, std::move(*state)});
    return out;
}

std::optional<SessionState> Journal::read(const std::string& key) const {
    std::string dir = prefix_ + "journal/";
    if (key.compare(0, dir.size(), dir) != 0) return std::nullopt;
    std::optional<std::string> text = store_.get(key);
    if (!text) return std::nullopt;
    std::optional<SessionState> state = session_from_json(*text);
    if (!state || state->exercise_id != exercise_.id) return std::nullopt;
    return state;
}

StoreResult Journal::remove(const std::string& key) {
    std::string dir = prefix_ + "journal/";
    if (key.compare(0, dir.size(), dir) != 0) return StoreResult::Failed;  // only journal entries
    return store_.remove(key);
}

// "Delete everything" means everything of the reader's that this exercise keeps: the
// journal, the session in progress, and any copies of unreadable data kept as backups.
StoreResult Journal::remove_all() {
    StoreResult result = StoreResult::Ok;
    std::vector<std::string> keys = store_.keys(prefix_ + "journal/");
    for (const std::string& k : store_.keys(prefix_ + "backup/")) keys.push_back(k);
    keys.push_back(prefix_ + "session");
    for (const std::string& key : keys) {
        StoreResult r = store_.remove(key);
        if (result == StoreResult::Ok) result = r;  // keep going: remove all that can be removed
    }
    return result;
}

// The export is dump(2) of {"exercise", "format", "sessions"}: written compact, keys in
// order, then laid out. Each session goes in as session_to_json() wrote it, which is already
// in that form. A session whose JSON is over the parse's size cap couldn't be read back from
// the export, so it is left out.
std::string Journal::export_json() const {
    JsonWriter j;
    j.begin().key("exercise").begin();
    j.str("id", exercise_.id).str("title", exercise_.title).str("version", exercise_.version);
    j.end().str("format", kJournalFormat).key("sessions").begin('[');
    for (const JournalEntry& entry : list()) {
        std::string session = session_to_json(entry.state);
        if (session.size() <= kMaxJsonBytes) j.raw(session);
    }
    j.end(']').end();
    std::string out;
    out.reserve(j.text().size() + j.text().size() / 2);
    append_json_indented(out, j.text(), 2);
    return out;
}

std::string Journal::export_text() const {
    std::string out = "# " + one_line(exercise_.title) + "\n\n";
    std::vector<JournalEntry> entries = list();
    if (entries.empty()) return out + words_.none_yet + "\n";
    for (const JournalEntry& entry : entries) out += session_body(exercise_, entry.state, words_);
    return out;
}

std::string Journal::session_text(const SessionState& state) const {
    return "# " + one_line(exercise_.title) + "\n\n" + session_body(exercise_, state, words_);
}

}  // namespace tend
