#include "local_store.h"

#include <algorithm>

#include "page.h"

namespace tend::web {

std::optional<std::string> LocalStorageStore::get(const std::string& key) { return page::storage_get(key); }

StoreResult LocalStorageStore::set(const std::string& key, const std::string& value) {
    return static_cast<StoreResult>(page::storage_set(key, value));
}

StoreResult LocalStorageStore::remove(const std::string& key) {
    return static_cast<StoreResult>(page::storage_remove(key));
}

std::vector<std::string> LocalStorageStore::keys(const std::string& prefix) {
    std::vector<std::string> out;
    std::optional<std::string> all = page::storage_keys(prefix);
    if (!all) return out;
    size_t start = 0;
    while (start < all->size()) {
        size_t nl = all->find('\n', start);
        if (nl == std::string::npos) nl = all->size();
        out.push_back(all->substr(start, nl - start));
        start = nl + 1;
    }
    std::sort(out.begin(), out.end());
    return out;
}

bool LocalStorageStore::blocked() { return page::storage_blocked(); }

}  // namespace tend::web
