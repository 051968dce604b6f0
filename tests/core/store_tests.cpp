// Tend: the key–value store the engine keeps the reader's words in, and how the session
// copes when it refuses.
#include <catch2/catch.hpp>

#include "fixtures.h"
#include "session.h"
#include "store.h"
#include "validator.h"

using namespace tend;

TEST_CASE("the memory store keeps, replaces and forgets values by key", "[store]") {
    MemoryStore store;
    CHECK_FALSE(store.get("a"));
    CHECK(store.set("a", "1") == StoreResult::Ok);
    CHECK(store.get("a") == std::optional<std::string>("1"));
    CHECK(store.set("a", "2") == StoreResult::Ok);
    CHECK(*store.get("a") == "2");
    CHECK(store.set("empty", "") == StoreResult::Ok);
    CHECK(store.get("empty") == std::optional<std::string>(""));
    CHECK(store.remove("a") == StoreResult::Ok);
    CHECK_FALSE(store.get("a"));
    CHECK(store.remove("never-there") == StoreResult::Ok);
}

TEST_CASE("keys are listed by prefix, sorted", "[store]") {
    MemoryStore store;
    for (const char* k : {"t/journal/2", "t/journal/10", "t/session", "t/journal/1", "tx/journal/1", "s"})
        REQUIRE(store.set(k, "x") == StoreResult::Ok);
    CHECK(store.keys("t/journal/") == std::vector<std::string>{"t/journal/1", "t/journal/10", "t/journal/2"});
    CHECK(store.keys("t/").size() == 4);
    CHECK(store.keys("nothing/").empty());
    CHECK(store.keys("").size() == 6);
}

TEST_CASE("a store can be made to refuse writes, as a browser's might", "[store]") {
    MemoryStore store;
    REQUIRE(store.set("k", "old") == StoreResult::Ok);

    SECTION("full") {
        store.fail_writes = StoreResult::Full;
        CHECK(store.set("k", "new") == StoreResult::Full);
        CHECK(*store.get("k") == "old");
        CHECK(store.remove("k") == StoreResult::Ok);  // removing frees space; it still works
    }
    SECTION("blocked") {
        store.fail_writes = StoreResult::Blocked;
        CHECK(store.set("k", "new") == StoreResult::Blocked);
        CHECK(store.remove("k") == StoreResult::Blocked);
        CHECK(*store.get("k") == "old");
    }
    SECTION("over capacity") {
        store.capacity_bytes = 10;
        CHECK(store.set("k", "replaced") == StoreResult::Ok);  // 1 + 8 bytes: the old value doesn't count
        CHECK(store.set("k2", "toolong") == StoreResult::Full);
        CHECK_FALSE(store.get("k2"));
    }
}

TEST_CASE("store results have names for messages and logs", "[store]") {
    CHECK(std::string(store_result_name(StoreResult::Ok)) == "ok");
    CHECK(std::string(store_result_name(StoreResult::Blocked)) == "blocked");
    CHECK(std::string(store_result_name(StoreResult::Full)) == "full");
    CHECK(std::string(store_result_name(StoreResult::Failed)) == "failed");
}

TEST_CASE("a session on storage that fills up tells the reader, then recovers when space frees", "[store]") {
    const Exercise exercise = fixtures::load_fixture("valid/session_flow.json");

    MemoryStore store;
    int64_t now = 1795701900000;
    Session s(exercise, store, "p/", [&now] { return now; });
    s.open();
    REQUIRE(s.next());
    REQUIRE(s.status().last_write == StoreResult::Ok);
    const std::string saved = *store.get(s.storage_key());

    store.capacity_bytes = saved.size() + 20;  // less room than the next answer needs
    REQUIRE(s.set_scale(7));
    REQUIRE(s.next());
    REQUIRE(s.set_text(std::string(200, 'w')));
    CHECK(s.status().last_write == StoreResult::Full);
    CHECK(s.answer("feeling")->text.size() == 20);  // clipped to max_length, kept in memory

    store.capacity_bytes = 0;
    REQUIRE(s.set_text("tired"));
    CHECK(s.status().last_write == StoreResult::Ok);
    Session again(exercise, store, "p/", [&now] { return now; });
    again.open();
    CHECK(again.state() == s.state());
}

TEST_CASE("a session whose storage is blocked from the start still runs", "[store]") {
    const Exercise exercise = fixtures::load_fixture("valid/session_flow.json");

    MemoryStore store;
    store.fail_writes = StoreResult::Blocked;
    Session s(exercise, store, "p/");
    s.open();
    CHECK(s.status().last_write == StoreResult::Ok);  // nothing was written yet
    REQUIRE(s.next());
    CHECK(s.status().last_write == StoreResult::Blocked);
    REQUIRE(s.set_scale(1));
    REQUIRE(s.next());
    CHECK(s.state().current == "feeling");
    CHECK(store.data.empty());
    CHECK(s.state().started_ms > 1700000000000);  // the real clock, by default
}
