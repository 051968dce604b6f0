// Tend: the engine's Store on the browser's localStorage.
//
// Every call goes to window.localStorage afresh (through EM_JS), so storage that becomes
// blocked or full mid-session is noticed on the next write. Failures are classified the
// robust way: QuotaExceededError by name or by code 22 / 1014 (Firefox), not by class;
// a SecurityError on merely touching window.localStorage (cookies blocked, sandboxed
// iframe) is Blocked.
#pragma once

#include "store.h"

namespace tend::web {

class LocalStorageStore : public Store {
public:
    std::optional<std::string> get(const std::string& key) override;
    StoreResult set(const std::string& key, const std::string& value) override;
    StoreResult remove(const std::string& key) override;
    std::vector<std::string> keys(const std::string& prefix) override;

    // Is localStorage out of reach for this page (reading it throws)?
    static bool blocked();
};

}  // namespace tend::web
