#include "browser.h"

#include <cstdlib>

#include <emscripten/emscripten.h>

EM_JS(void, tend_host_call, (const char* method, const char* arg), {
    var h = Module.tendHost;
    if (h && h[UTF8ToString(method)]) h[UTF8ToString(method)](UTF8ToString(arg));
});

EM_JS(void, tend_host_height, (float px), {
    if (Module.tendHost) Module.tendHost.setHeight(px);
});

EM_JS(void, tend_host_download, (const char* name, const char* mime, const char* text), {
    if (Module.tendHost) Module.tendHost.download(UTF8ToString(name), UTF8ToString(mime), UTF8ToString(text));
});

EM_JS(void, tend_host_font, (const unsigned char* data, unsigned int size), {
    // A copy: the FontFace outlives this view of wasm memory, which may grow and move.
    if (Module.tendHost) Module.tendHost.useFont(HEAPU8.slice(data, data + size));
});

EM_JS(char*, tend_host_date, (double ms), {
    var s = "";
    try {
        s = new Date(ms).toLocaleString(undefined, { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" });
    } catch (e) { s = new Date(ms).toISOString(); }
    var n = lengthBytesUTF8(s) + 1, p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});

EM_JS(void, tend_console, (int warn, const char* text), {
    console[warn ? "warn" : "error"](UTF8ToString(text));
});

EM_JS(void, tend_host_view, (const char* json, int stepped), {
    if (Module.tendHost) Module.tendHost.view(UTF8ToString(json), !!stepped);
});

namespace tend::web {

void host_set_height(float css_px) { tend_host_height(css_px); }
void host_view(const std::string& json, bool stepped) { tend_host_view(json.c_str(), stepped ? 1 : 0); }
void host_call(const char* method, const std::string& arg) { tend_host_call(method, arg.c_str()); }
void host_notices(const std::string& json) { tend_host_call("notices", json.c_str()); }
void host_complete(const std::string& json) { tend_host_call("complete", json.c_str()); }
void host_style(const std::string& json) { tend_host_call("style", json.c_str()); }
void host_font(const unsigned char* data, unsigned int size) { tend_host_font(data, size); }
void host_copy(const std::string& text) { tend_host_call("copy", text.c_str()); }
void host_open(const std::string& url) { tend_host_call("open", url.c_str()); }
void host_download(const std::string& filename, const std::string& mime, const std::string& text) {
    tend_host_download(filename.c_str(), mime.c_str(), text.c_str());
}
std::string host_format_date(double ms) {
    char* p = tend_host_date(ms);
    std::string s(p);
    std::free(p);
    return s;
}
void console_error(const std::string& text) { tend_console(0, text.c_str()); }
void console_warn(const std::string& text) { tend_console(1, text.c_str()); }

}  // namespace tend::web
