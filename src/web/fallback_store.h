// Tend: storage that never loses a reader's words while the page is open.
//
// Writes go to the primary store (localStorage). When it refuses (blocked, full), the value
// is kept in memory instead and the refusal is still returned, so the engine can tell the
// reader; reads prefer the in-memory copy. The exercise therefore completes, and the
// journal export at the end includes this session, even when nothing could be saved.
#pragma once

#include "store.h"

namespace tend::web {

class FallbackStore : public Store {
public:
    explicit FallbackStore(Store& primary) : primary_(primary) {}

    std::optional<std::string> get(const std::string& key) override;
    StoreResult set(const std::string& key, const std::string& value) override;
    StoreResult remove(const std::string& key) override;
    std::vector<std::string> keys(const std::string& prefix) override;

    bool holding_in_memory() const { return !memory_.data.empty(); }

    // The reader's choice to keep nothing on this device (a shared computer): from now on
    // everything is held in memory only, gone when the page closes, and `key` (the session in
    // progress) leaves the primary store; what it still holds is neither read nor kept from
    // being deleted. Turned off, what memory holds is written back.
    void keep_nothing(bool on, const std::string& key);

private:
    Store& primary_;
    MemoryStore memory_;
    bool memory_only_ = false;
};

}  // namespace tend::web
