#include "page.h"

#include <cstdlib>
#include <cstring>

// web/src/engine_library.js
extern "C" {
void tend_page_send(const char* type, const char* json);
void tend_page_font(const unsigned char* data, unsigned int size);
char* tend_page_date(double ms, const char* language);
void tend_page_console(int warn, const char* text);
void tend_page_watch(const char* selector, const char* storage_prefix);
void tend_page_unwatch();
void tend_page_pointer(const char* selector, int on);
int tend_storage_set(const char* key, const char* value, int length, int remove);
char* tend_storage_get(const char* key);
char* tend_storage_keys(const char* prefix);
int tend_storage_blocked();
}

namespace tend::web::page {

namespace {

std::string take(char* p) {
    std::string s(p);
    std::free(p);
    return s;
}

}  // namespace

void send(const char* type, const std::string& json) { tend_page_send(type, json.c_str()); }
void use_font(const unsigned char* data, unsigned int size) { tend_page_font(data, size); }
std::string format_date(int64_t ms, const char* language) { return take(tend_page_date(static_cast<double>(ms), language)); }
void console_error(const std::string& text) { tend_page_console(0, text.c_str()); }
void console_warn(const std::string& text) { tend_page_console(1, text.c_str()); }
void watch(const std::string& selector, const std::string& prefix) { tend_page_watch(selector.c_str(), prefix.c_str()); }
void unwatch() { tend_page_unwatch(); }
void listen_pointer(const std::string& selector, bool on) { tend_page_pointer(selector.c_str(), on ? 1 : 0); }

// Values cross with their length, never as C strings: stored data may hold a NUL (corrupt or
// foreign data that must be backed up byte for byte), and a C string would cut it there.
int storage_set(const std::string& key, const std::string& value) {
    return tend_storage_set(key.c_str(), value.data(), static_cast<int>(value.size()), 0);
}
int storage_remove(const std::string& key) { return tend_storage_set(key.c_str(), "", 0, 1); }

std::optional<std::string> storage_get(const std::string& key) {
    char* p = tend_storage_get(key.c_str());
    if (!p) return std::nullopt;
    uint32_t n;
    std::memcpy(&n, p, sizeof n);  // the value's byte length, then its bytes
    std::string value(p + sizeof n, n);
    std::free(p);
    return value;
}

std::optional<std::string> storage_keys(const std::string& prefix) {
    char* p = tend_storage_keys(prefix.c_str());
    if (!p) return std::nullopt;
    return take(p);
}

bool storage_blocked() { return tend_storage_blocked() != 0; }

}  // namespace tend::web::page
