#include "fallback_store.h"

#include <algorithm>

namespace tend::web {

std::optional<std::string> FallbackStore::get(const std::string& key) {
    if (auto v = memory_.get(key)) return v;
    if (memory_only_) return std::nullopt;
    return primary_.get(key);
}

StoreResult FallbackStore::set(const std::string& key, const std::string& value) {
    if (memory_only_) return memory_.set(key, value);
    StoreResult r = primary_.set(key, value);
    if (r == StoreResult::Ok) memory_.remove(key);  // the saved copy is current again
    else memory_.set(key, value);
    return r;
}

StoreResult FallbackStore::remove(const std::string& key) {
    bool had_memory = memory_.get(key).has_value();
    memory_.remove(key);
    if (memory_only_) {  // deleting is never keeping: the device's copy goes too
        primary_.remove(key);
        return StoreResult::Ok;
    }
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

void FallbackStore::keep_nothing(bool on, const std::string& key) {
    if (on == memory_only_) return;
    if (on) {
        if (auto v = get(key)) memory_.set(key, *v);
        primary_.remove(key);
    }
    memory_only_ = on;
    if (!on) {
        std::map<std::string, std::string> held = memory_.data;
        for (const auto& [k, v] : held) set(k, v);
    }
}

}  // namespace tend::web
