// Dear ImGui formats its text with vsnprintf. Linking libc's for it brings printf's whole
// machinery and, with it, wasm's 128-bit long double arithmetic (about 8 KB gzipped of every
// reader's download), so imconfig_tend.h sets IMGUI_DISABLE_DEFAULT_FORMAT_FUNCTIONS and these
// two, with ImGui's own contract, call the engine's printf (src/core/decimal.h), which writes
// the same text.
#include <cstdarg>

#include "decimal.h"
#include "imgui.h"
#include "imgui_internal.h"

int ImFormatStringV(char* buf, size_t buf_size, const char* fmt, va_list args) {
    int w = tend::format_v(buf, buf_size, fmt, args);
    if (buf == nullptr) return w;
    if (w == -1 || w >= static_cast<int>(buf_size)) w = static_cast<int>(buf_size) - 1;
    buf[w] = 0;
    return w;
}

int ImFormatString(char* buf, size_t buf_size, const char* fmt, ...) {
    va_list args;
    va_start(args, fmt);
    const int w = ImFormatStringV(buf, buf_size, fmt, args);
    va_end(args);
    return w;
}
