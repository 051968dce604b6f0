#include "fallback_store.h"

#include <algorithm>

namespace tend::web {

std::optional<std::string> FallbackStore::get(const std::string& key) {
    if (auto v = memory_.get(key)) return v;
    return primary_.get(key);
}

StoreResult FallbackStore::set(const std::string& key, const std::string& value) {
    StoreResult r = primary_.set(key, value);
    if (r == StoreResult::Ok) memory_.remove(key);  // the saved copy is current again
    else memory_.set(key, value);
    return r;
}

StoreResult FallbackStore::remove(const std::string& key) {
    bool had_memory = memory_.get(key).has_value();
    memory_.remove(key);
    StoreResult r = primary_.remove(key);
    // Forgetting something that only ever lived in memory succeeded, whatever storage says.
    return (r != StoreResult::Ok && had_memory && !primary_.get(key)) ? StoreResult::Ok : r;
}

std::vector<std::string> FallbackStore::keys(const std::string& prefix) {
    std::vector<std::string> out = primary_.keys(prefix);
    for (auto& k : memory_.keys(prefix)) out.push_back(k);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace tend::web
