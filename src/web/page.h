// Tend: everything the engine asks of the page, in one list.
//
// Each of these is a function of web/src/engine_library.js, the Emscripten JS library that
// holds all the page-side code the engine runs (the loader's side is web/src/). Strings
// cross as UTF-8; what comes back is malloc'd and freed here. The widget's messages to its
// own host (web/src/host.js) all go through send(): one way in, one way out.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace tend::web::page {

// A message to this widget's host: type is "screen", "layout", "pacer", "style", "complete",
// "copy", "download" or "open"; json its content (src/web/bridge.cpp writes them all).
void send(const char* type, const std::string& json);

// The embedded font, for the reply box and the DOM-only card (copied by the page).
void use_font(const unsigned char* data, unsigned int size);

// A date and time in the reader's language, written by the browser (Intl).
std::string format_date(int64_t ms, const char* language);

void console_error(const std::string& text);
void console_warn(const std::string& text);

// The page around the widget: its size, being on screen, the display's pixel ratio, the
// reader's motion and contrast preferences, and another tab changing the stored answers
// (keys under storage_prefix). Each reports through an entry point of exports.cpp.
void watch(const std::string& canvas_selector, const std::string& storage_prefix);
void unwatch();

// Pointer Events on the canvas, for the ImGui platform backend (web_platform.h).
void listen_pointer(const std::string& canvas_selector, bool on);

// window.localStorage (local_store.h). set: 0 ok, 1 blocked, 2 full, 3 failed.
int storage_set(const std::string& key, const std::string& value);
int storage_remove(const std::string& key);
std::optional<std::string> storage_get(const std::string& key);
std::optional<std::string> storage_keys(const std::string& prefix);  // newline-separated
bool storage_blocked();

}  // namespace tend::web::page
