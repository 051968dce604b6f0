// Tend: where sessions and the journal are kept.
//
// A tiny key–value interface so the engine never knows whether it talks to localStorage,
// a file, or memory. Writes can fail (storage blocked or full): set/remove report it and the
// caller decides what to tell the reader. Everything read back is untrusted input.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tend {

enum class StoreResult { Ok, Blocked, Full, Failed };

const char* store_result_name(StoreResult r);  // "ok", "blocked", "full", "failed"

class Store {
public:
    virtual ~Store() = default;
    virtual std::optional<std::string> get(const std::string& key) = 0;
    virtual StoreResult set(const std::string& key, const std::string& value) = 0;
    virtual StoreResult remove(const std::string& key) = 0;
    // Every key that starts with prefix, sorted.
    virtual std::vector<std::string> keys(const std::string& prefix) = 0;
};

// Keeps everything in a map. Used by tests, by `tend play`, and by the widget as the safe
// fallback when the browser's storage can't be used. `fail_writes` simulates full or
// blocked storage; `capacity_bytes` > 0 makes writes beyond that total fail as Full.
class MemoryStore : public Store {
public:
    std::optional<std::string> get(const std::string& key) override;
    StoreResult set(const std::string& key, const std::string& value) override;
    StoreResult remove(const std::string& key) override;
    std::vector<std::string> keys(const std::string& prefix) override;

    StoreResult fail_writes = StoreResult::Ok;
    size_t capacity_bytes = 0;
    std::map<std::string, std::string> data;
};

}  // namespace tend
