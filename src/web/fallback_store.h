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

private:
    Store& primary_;
    MemoryStore memory_;
};

}  // namespace tend::web
