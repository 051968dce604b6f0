// Tend: the reader's journal of finished sessions, and the exports of their own words.
#include <catch2/catch.hpp>

#include "fixtures.h"
#include "journal.h"
#include "json_guard.h"
#include "session.h"
#include "validator.h"

using namespace tend;

namespace {

constexpr int64_t kNow = 1795701900000;  // 2026-11-26 14:05 UTC
constexpr int64_t kDay = 24 * 60 * 60 * 1000;
const std::string kPrefix = "tend/test/";

struct Device {
    Exercise exercise = fixtures::load_fixture("valid/session_flow.json");
    MemoryStore store;
    int64_t now = kNow;
    Session session{exercise, store, kPrefix, [this] { return now; }};
    Journal journal{exercise, store, kPrefix};

    Device() { session.open(); }

    // One whole pass through session_flow.json; an empty `feeling` skips that question.
    void finish(const std::string& feeling, const std::string& kind_words) {
        REQUIRE(session.state().current == "welcome");
        REQUIRE(session.next());
        REQUIRE(session.set_scale(4));
        REQUIRE(session.next());
        if (feeling.empty()) REQUIRE(session.skip());
        else {
            REQUIRE(session.set_text(feeling));
            REQUIRE(session.next());
        }
        REQUIRE(session.choose("critic"));
        REQUIRE(session.next());
        REQUIRE(session.set_text(kind_words));
        REQUIRE(session.next());
        REQUIRE(session.next());
        REQUIRE(session.set_scale(2));
        REQUIRE(session.next());
        REQUIRE(session.next());
        REQUIRE(session.state().current == "close");
    }
    // A second visit, a day later.
    void start_again() {
        now += kDay;
        session.restart();
    }
};

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("the journal lists finished sessions, newest first", "[journal]") {
    Device d;
    CHECK(d.journal.list().empty());
    d.finish("tired", "Rest is allowed.");
    d.start_again();
    d.finish("restless", "One thing at a time.");

    auto entries = d.journal.list();
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].state.started_ms == kNow + kDay);
    CHECK(entries[0].state.answers.at("feeling").text == "restless");
    CHECK(entries[1].state.started_ms == kNow);
    CHECK(entries[1].key == kPrefix + "journal/0001795701900000");
    CHECK(entries[0].state == d.session.state());
}

TEST_CASE("a session still in progress is not in the journal", "[journal]") {
    Device d;
    REQUIRE(d.session.next());
    REQUIRE(d.session.set_scale(5));
    CHECK(d.journal.list().empty());
}

TEST_CASE("unreadable journal entries are left out, not fatal", "[journal]") {
    Device d;
    d.finish("tired", "Rest is allowed.");
    d.store.data[kPrefix + "journal/0000000000000001"] = "{ broken";
    d.store.data[kPrefix + "journal/0000000000000002"] = std::string(70, '[') + std::string(70, ']');
    SessionState other = d.session.state();
    other.exercise_id = "another-exercise";
    other.started_ms = 3;
    d.store.data[kPrefix + "journal/0000000000000003"] = session_to_json(other);

    auto entries = d.journal.list();
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].state.answers.at("feeling").text == "tired");
    CHECK_FALSE(d.journal.read(kPrefix + "journal/0000000000000001"));
    CHECK_FALSE(d.journal.read(kPrefix + "journal/0000000000000003"));
    CHECK(contains(d.journal.export_text(), "tired"));
}

TEST_CASE("one journal entry can be read and removed by its key", "[journal]") {
    Device d;
    d.finish("tired", "Rest is allowed.");
    d.start_again();
    d.finish("restless", "One thing at a time.");
    const std::string older = kPrefix + "journal/0001795701900000";

    auto read = d.journal.read(older);
    REQUIRE(read);
    CHECK(read->answers.at("kind_phrase").text == "Rest is allowed.");
    CHECK_FALSE(d.journal.read(kPrefix + "journal/0000000000000009"));
    CHECK_FALSE(d.journal.read(d.session.storage_key()));  // not a journal entry

    CHECK(d.journal.remove(older) == StoreResult::Ok);
    CHECK_FALSE(d.journal.read(older));
    REQUIRE(d.journal.list().size() == 1);
    CHECK(d.journal.list()[0].state.answers.at("feeling").text == "restless");

    SECTION("remove() only touches journal entries") {
        CHECK(d.journal.remove(d.session.storage_key()) == StoreResult::Failed);
        CHECK(d.store.data.count(d.session.storage_key()) == 1);
    }
}

TEST_CASE("removing everything takes the journal, the session in progress and backups", "[journal]") {
    Device d;
    d.finish("tired", "Rest is allowed.");
    d.start_again();
    REQUIRE(d.session.next());  // a new session in progress
    d.store.data[kPrefix + "backup/123"] = "old unreadable words";
    d.store.data["tend/another-widget/journal/0000000000000001"] = "someone else's";
    REQUIRE(d.store.data.count(d.session.storage_key()) == 1);

    CHECK(d.journal.remove_all() == StoreResult::Ok);
    CHECK(d.journal.list().empty());
    CHECK(d.store.keys(kPrefix).empty());
    CHECK(d.store.data.count("tend/another-widget/journal/0000000000000001") == 1);

    SECTION("blocked storage is reported") {
        d.store.data[kPrefix + "journal/0000000000000001"] = "x";
        d.store.fail_writes = StoreResult::Blocked;
        CHECK(d.journal.remove_all() == StoreResult::Blocked);
    }
}

TEST_CASE("a journal entry that can't be written is reported to the reader", "[journal][store]") {
    Device d;
    d.finish("tired", "Rest is allowed.");
    REQUIRE(d.session.back());
    d.store.fail_writes = StoreResult::Full;
    REQUIRE(d.session.next());
    CHECK(d.session.status().last_write == StoreResult::Full);
    d.store.fail_writes = StoreResult::Ok;
    REQUIRE(d.session.back());
    REQUIRE(d.session.next());
    CHECK(d.session.status().last_write == StoreResult::Ok);
    CHECK(d.journal.list().size() == 1);
}

TEST_CASE("the JSON export holds every session whole", "[journal][export]") {
    Device d;
    d.finish("tired", "Rest is allowed.");
    d.start_again();
    d.finish("", "One thing at a time.");

    JsonParse parsed = parse_json_guarded(d.journal.export_json());
    REQUIRE(parsed.ok);
    const nlohmann::json& j = parsed.value;
    CHECK(j["format"] == "tend.journal/1");
    CHECK(j["exercise"]["id"] == "session-flow");
    CHECK(j["exercise"]["version"] == "1.0.0");
    CHECK(j["exercise"]["title"] == "A pause for self-compassion");
    REQUIRE(j["sessions"].is_array());
    REQUIRE(j["sessions"].size() == 2);
    CHECK(j["sessions"][0]["answers"]["feeling"]["skipped"] == true);
    CHECK(j["sessions"][1]["answers"]["feeling"]["text"] == "tired");
    // Each exported session is a saved session, readable as one.
    auto restored = session_from_json(dump_json(j["sessions"][1]));
    REQUIRE(restored);
    CHECK(*restored == d.journal.list()[1].state);

    SECTION("an empty journal exports an empty list") {
        REQUIRE(d.journal.remove_all() == StoreResult::Ok);
        JsonParse empty = parse_json_guarded(d.journal.export_json());
        REQUIRE(empty.ok);
        CHECK(empty.value["sessions"].empty());
    }
}

TEST_CASE("the text export reads as the reader's own words under each question", "[journal][export]") {
    Device d;
    d.finish("tired", "Rest is allowed.\nYou did enough today.");
    d.start_again();
    d.finish("", "One thing at a time.");
    const std::string text = d.journal.export_text();
    INFO(text);

    CHECK(text.rfind("# A pause for self-compassion\n", 0) == 0);
    CHECK(contains(text, "## 2026-11-26 14:05 UTC"));
    CHECK(contains(text, "## 2026-11-27 14:05 UTC"));
    CHECK(text.find("2026-11-27") < text.find("2026-11-26"));  // newest first

    CHECK(contains(text, "### How heavy does it feel right now?\n\n> 4\n"));
    CHECK(contains(text, "### What are you feeling?\n\n> tired\n"));
    CHECK(contains(text, "### What are you feeling?\n\n(skipped)\n"));
    // Prompts are woven with that session's own answers.
    CHECK(contains(text, "### You named tired. If it feels okay, notice what pushed back.\n\n> a critic\n"));
    CHECK(contains(text, "### You named what you feel."));
    // Line breaks in a reply are kept.
    CHECK(contains(text, "> Rest is allowed.\n> You did enough today.\n"));
    CHECK(contains(text, "> One thing at a time.\n"));
    // Questions come in the exercise's order.
    CHECK(text.find("What are you feeling?") < text.find("What would you say to a friend"));

    SECTION("an empty journal says so") {
        REQUIRE(d.journal.remove_all() == StoreResult::Ok);
        CHECK(contains(d.journal.export_text(), "No finished sessions yet."));
    }
}

TEST_CASE("one session can be copied as text on its own", "[journal][export]") {
    Device d;
    d.finish("tired", "Rest is allowed.");
    const std::string text = d.journal.session_text(d.session.state());
    CHECK(text.rfind("# A pause for self-compassion\n\n## 2026-11-26 14:05 UTC\n", 0) == 0);
    CHECK(contains(text, "> Rest is allowed.\n"));
    // The grounding check was never reached, so it isn't there.
    CHECK_FALSE(contains(text, "How is it now?"));

    SECTION("a question opened but left empty isn't listed as an answer") {
        SessionState s = d.session.state();
        s.answers["feeling"].text = "   ";
        CHECK_FALSE(contains(d.journal.session_text(s), "What are you feeling?"));
    }
    SECTION("words given to a question the exercise no longer has are still there") {
        SessionState s = d.session.state();
        s.answers["removed_step"].text = "words from an older version";
        CHECK(contains(d.journal.session_text(s), "> words from an older version\n"));
    }
}
