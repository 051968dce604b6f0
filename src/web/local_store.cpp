#include "local_store.h"

#include <algorithm>
#include <cstdlib>

#include <emscripten/emscripten.h>

// 0 ok, 1 blocked, 2 full, 3 failed: the order of tend::StoreResult.
EM_JS(int, tend_ls_set, (const char* key, const char* value, int remove), {
    var s;
    try { s = window.localStorage; if (!s) return 1; } catch (e) { return 1; }
    try {
        if (remove) s.removeItem(UTF8ToString(key)); else s.setItem(UTF8ToString(key), UTF8ToString(value));
        return 0;
    } catch (e) {
        if (e && (e.name == "QuotaExceededError" || e.name == "NS_ERROR_DOM_QUOTA_REACHED" || e.code == 22 || e.code == 1014)) return 2;
        if (e && e.name == "SecurityError") return 1;
        return 3;
    }
});

// A malloc'd UTF-8 copy of the value, or 0 when absent or unreadable.
EM_JS(char*, tend_ls_get, (const char* key), {
    var v = null;
    try { v = window.localStorage.getItem(UTF8ToString(key)); } catch (e) { return 0; }
    if (v === null) return 0;
    var n = lengthBytesUTF8(v) + 1, p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
});

// Keys under a prefix, newline-separated (our keys never contain newlines; others are skipped).
EM_JS(char*, tend_ls_keys, (const char* prefix), {
    var pre = UTF8ToString(prefix), out = [];
    try {
        var s = window.localStorage;
        for (var i = 0; i < s.length; i++) {
            var k = s.key(i);
            if (k !== null && k.indexOf(pre) == 0 && k.indexOf("\n") < 0) out.push(k);
        }
    } catch (e) { return 0; }
    var v = out.join("\n"), n = lengthBytesUTF8(v) + 1, p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
});

EM_JS(int, tend_ls_probe, (), {
    var s;
    try { s = window.localStorage; if (!s) return 1; } catch (e) { return 1; }
    try { s.setItem("tend/.probe", "1"); s.removeItem("tend/.probe"); return 0; }
    catch (e) { return (e && e.name == "SecurityError") ? 1 : 2; }
});

namespace tend::web {

namespace {
std::string take(char* p) {
    std::string s(p);
    std::free(p);
    return s;
}
}  // namespace

std::optional<std::string> LocalStorageStore::get(const std::string& key) {
    char* p = tend_ls_get(key.c_str());
    if (!p) return std::nullopt;
    return take(p);
}

StoreResult LocalStorageStore::set(const std::string& key, const std::string& value) {
    return static_cast<StoreResult>(tend_ls_set(key.c_str(), value.c_str(), 0));
}

StoreResult LocalStorageStore::remove(const std::string& key) {
    return static_cast<StoreResult>(tend_ls_set(key.c_str(), "", 1));
}

std::vector<std::string> LocalStorageStore::keys(const std::string& prefix) {
    std::vector<std::string> out;
    char* p = tend_ls_keys(prefix.c_str());
    if (!p) return out;
    std::string all = take(p);
    size_t start = 0;
    while (start < all.size()) {
        size_t nl = all.find('\n', start);
        if (nl == std::string::npos) nl = all.size();
        out.push_back(all.substr(start, nl - start));
        start = nl + 1;
    }
    std::sort(out.begin(), out.end());
    return out;
}

StoreResult LocalStorageStore::probe() { return static_cast<StoreResult>(tend_ls_probe()); }

}  // namespace tend::web
