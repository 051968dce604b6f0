// Tend: the reader's journal of finished sessions, and the exports of their own words.
#include <catch2/catch.hpp>

#include "fixtures.h"
#include "journal.h"
#include "json_tree.h"
#include "reference_json.h"
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

    ReferenceParse parsed = reference_parse(d.journal.export_json());
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
        ReferenceParse empty = reference_parse(d.journal.export_json());
        REQUIRE(empty.ok);
        CHECK(empty.value["sessions"].empty());
    }
}

TEST_CASE("the JSON export's bytes: keys in order, two spaces a level, strings escaped as before", "[journal][export]") {
    Device d;
    // A control character, DEL, a tab, non-ASCII, and a byte that isn't UTF-8 (kept in the
    // session as typed, written as U+FFFD).
    d.finish(std::string("ti\xC3\xA9\x01\t\x7f", 7), "Rest \xE2\x80\x94 caf\xE9 \"ok\"\n\\ \xF0\x9F\x8C\xB1 [{,:}]");
    const std::string expected = R"({
  "exercise": {
    "id": "session-flow",
    "title": "A pause for self-compassion",
    "version": "1.0.0"
  },
  "format": "tend.journal/1",
  "sessions": [
    {
      "answers": {
        "feeling": {
          "at": 1795701900000,
          "skipped": false,
          "text": "ti)" "\xC3\xA9" R"(\u0001\t)" "\x7f" R"("
        },
        "intensity_after": {
          "at": 1795701900000,
          "number": 2,
          "skipped": false
        },
        "intensity_before": {
          "at": 1795701900000,
          "number": 4,
          "skipped": false
        },
        "kind_phrase": {
          "at": 1795701900000,
          "skipped": false,
          "text": "Rest )" "\xE2\x80\x94" " caf" "\xEF\xBF\xBD" R"( \"ok\"\n\\ )" "\xF0\x9F\x8C\xB1" R"( [{,:}]"
        },
        "which_part": {
          "at": 1795701900000,
          "chosen": [
            "critic"
          ],
          "skipped": false
        }
      },
      "current": "close",
      "exercise": {
        "id": "session-flow",
        "version": "1.0.0"
      },
      "finished": 1795701900000,
      "format": "tend.session/1",
      "history": [
        "welcome",
        "intensity_before",
        "feeling",
        "which_part",
        "kind_phrase",
        "rest",
        "intensity_after",
        "summary"
      ],
      "return_to": "",
      "rev": 13,
      "safety_entered_at": -1,
      "started": 1795701900000,
      "updated": 1795701900000
    }
  ]
})";
    CHECK(d.journal.export_json() == expected);

    SECTION("an empty journal") {
        REQUIRE(d.journal.remove_all() == StoreResult::Ok);
        CHECK(d.journal.export_json() == R"({
  "exercise": {
    "id": "session-flow",
    "title": "A pause for self-compassion",
    "version": "1.0.0"
  },
  "format": "tend.journal/1",
  "sessions": []
})");
    }
}

TEST_CASE("the JSON export is what nlohmann's dump(2) made of the same sessions", "[journal][export]") {
    // The export was once built as an nlohmann tree, each session parsed back from its JSON
    // (and left out when that parse failed, as it did over the size cap), then dumped. The
    // bytes must not change.
    auto the_old_way = [](const Journal& journal, const Exercise& exercise) {
        nlohmann::json sessions = nlohmann::json::array();
        for (const JournalEntry& entry : journal.list()) {
            const std::string text = session_to_json(entry.state);
            ReferenceParse parsed = reference_parse(text);
            if (parsed.ok && text.size() <= kMaxJsonBytes) sessions.push_back(std::move(parsed.value));
        }
        nlohmann::json j = nlohmann::json::object();
        j["format"] = "tend.journal/1";
        j["exercise"] = {{"id", exercise.id}, {"version", exercise.version}, {"title", exercise.title}};
        j["sessions"] = std::move(sessions);
        return dump_json(j, 2);
    };
    Device d;
    CHECK(d.journal.export_json() == the_old_way(d.journal, d.exercise));
    d.finish("tired", "Rest is allowed.\nYou did enough today.");
    d.start_again();
    d.finish("", std::string("\x01\x1f \"\\/ \xFF\xC3\xA9 \xE2\x80\xA8 {[,:]}", 20));
    d.start_again();
    d.finish("caf\xC3\xA9", "\xF0\x9F\x8C\xB1");
    CHECK(d.journal.export_json() == the_old_way(d.journal, d.exercise));

    SECTION("a session whose JSON would be over the size cap is left out, as the parse left it out") {
        // Stored without the optional "finished", it is just small enough to read back; written
        // again (with "finished":0) it is over kMaxJsonBytes.
        SessionState big = d.journal.list().front().state;
        big.started_ms = 1;
        big.finished_ms = 0;
        for (int i = 0; i < 13; i++) big.answers["old_step_" + std::to_string(i)].text = std::string(19000, 'y');
        auto stored = [&] {
            std::string text = session_to_json(big);
            return text.erase(text.find(",\"finished\":0"), 13);
        };
        big.answers["old_step_pad"].text = "y";
        big.answers["old_step_pad"].text += std::string(kMaxJsonBytes - 4 - stored().size(), 'y');
        REQUIRE(stored().size() == kMaxJsonBytes - 4);
        REQUIRE(session_to_json(big).size() > kMaxJsonBytes);
        REQUIRE(d.store.set(kPrefix + "journal/0000000000000001", stored()) == StoreResult::Ok);
        REQUIRE(d.journal.list().size() == 4);  // it is read back...

        const std::string exported = d.journal.export_json();
        CHECK(exported == the_old_way(d.journal, d.exercise));
        CHECK_FALSE(contains(exported, "old_step_0"));  // ...but not exported
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
