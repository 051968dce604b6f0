#include "store.h"

namespace tend {

const char* store_result_name(StoreResult r) {
    switch (r) {
        case StoreResult::Ok: return "ok";
        case StoreResult::Blocked: return "blocked";
        case StoreResult::Full: return "full";
        case StoreResult::Failed: return "failed";
    }
    return "failed";
}

std::optional<std::string> MemoryStore::get(const std::string& key) {
    auto it = data.find(key);
    if (it == data.end()) return std::nullopt;
    return it->second;
}

StoreResult MemoryStore::set(const std::string& key, const std::string& value) {
    if (fail_writes != StoreResult::Ok) return fail_writes;
    if (capacity_bytes > 0) {
        size_t total = key.size() + value.size();
        for (const auto& [k, v] : data)
            if (k != key) total += k.size() + v.size();
        if (total > capacity_bytes) return StoreResult::Full;
    }
    data[key] = value;
    return StoreResult::Ok;
}

StoreResult MemoryStore::remove(const std::string& key) {
    if (fail_writes == StoreResult::Blocked) return fail_writes;
    data.erase(key);
    return StoreResult::Ok;
}

std::vector<std::string> MemoryStore::keys(const std::string& prefix) {
    std::vector<std::string> out;
    for (auto it = data.lower_bound(prefix); it != data.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it)
        out.push_back(it->first);
    return out;
}

}  // namespace tend
