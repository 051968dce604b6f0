#include "local_store.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include <emscripten/emscripten.h>

// Values cross the boundary with their length, never as C strings: stored data may hold a
// NUL (corrupt or foreign data that we must back up byte for byte), and a C string would
// cut it there.

// 0 ok, 1 blocked, 2 full, 3 failed: the order of tend::StoreResult.
EM_JS(int, tend_ls_set, (const char* key, const char* value, int length, int remove), {
    var s;
    try { s = window.localStorage; if (!s) return 1; } catch (e) { return 1; }
    try {
        if (remove) s.removeItem(UTF8ToString(key));
        else s.setItem(UTF8ToString(key), new TextDecoder().decode(HEAPU8.subarray(value, value + length)));
        return 0;
    } catch (e) {
        if (e && (e.name == "QuotaExceededError" || e.name == "NS_ERROR_DOM_QUOTA_REACHED" || e.code == 22 || e.code == 1014)) return 2;
        if (e && e.name == "SecurityError") return 1;
        return 3;
    }
});

// The value as UTF-8 in a malloc'd block that starts with its byte length (4 bytes), or 0
// when absent or unreadable.
EM_JS(char*, tend_ls_get, (const char* key), {
    var v = null;
    try { v = window.localStorage.getItem(UTF8ToString(key)); } catch (e) { return 0; }
    if (v === null) return 0;
    var n = lengthBytesUTF8(v), p = _malloc(n + 5);
    HEAPU32[p >> 2] = n;
    stringToUTF8(v, p + 4, n + 1);
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

// Only reads: a page whose storage is out of reach throws on the getter itself (cookies
// blocked, sandboxed frame). A store that is full or refuses writes shows it on the first
// real write, which is handled like any other, so no test key is written at every mount.
EM_JS(int, tend_ls_blocked, (), {
    try { return window.localStorage ? 0 : 1; } catch (e) { return 1; }
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
    uint32_t n;
    std::memcpy(&n, p, sizeof n);
    std::string value(p + sizeof n, n);
    std::free(p);
    return value;
}

StoreResult LocalStorageStore::set(const std::string& key, const std::string& value) {
    return static_cast<StoreResult>(tend_ls_set(key.c_str(), value.data(), static_cast<int>(value.size()), 0));
}

StoreResult LocalStorageStore::remove(const std::string& key) {
    return static_cast<StoreResult>(tend_ls_set(key.c_str(), "", 0, 1));
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

bool LocalStorageStore::blocked() { return tend_ls_blocked() != 0; }

}  // namespace tend::web
