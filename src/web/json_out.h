// Tend: a small JSON writer for the messages the widget sends the page on every change
// (the DOM mirror's screen, the pacer, control rectangles, its strings).
//
// nlohmann/json builds a tree first, and each brace-initialised object costs the wasm a
// surprising amount of code; these messages are flat and write-only, so they are written
// straight into a string. Strings are escaped by the engine's json_write.h.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "json_write.h"

namespace tend::web {

class JsonOut {
public:
    JsonOut& begin(char c = '{') { sep(); out_ += c; first_ = true; return *this; }
    JsonOut& end(char c = '}') { out_ += c; first_ = false; return *this; }
    JsonOut& key(const char* k) { sep(); quote(k); out_ += ':'; first_ = true; return *this; }

    JsonOut& str(const std::string& v) { sep(); quote(v); return *this; }
    JsonOut& num(double v) {
        sep();
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", v);
        out_ += buf;
        return *this;
    }
    JsonOut& boolean(bool v) { sep(); out_ += v ? "true" : "false"; return *this; }
    JsonOut& raw(const std::string& json) { sep(); out_ += json; return *this; }  // already JSON
    JsonOut& strings(const std::vector<std::string>& v) {
        begin('[');
        for (const auto& s : v) str(s);
        return end(']');
    }

    // key: value shorthands
    JsonOut& str(const char* k, const std::string& v) { return key(k).str(v); }
    JsonOut& num(const char* k, double v) { return key(k).num(v); }
    JsonOut& boolean(const char* k, bool v) { return key(k).boolean(v); }

    const std::string& text() const { return out_; }

private:
    void sep() {
        if (!first_) out_ += ',';
        first_ = false;
    }
    // The engine's escaping (json_write.h): one rule for every JSON Tend writes, and bytes
    // that aren't UTF-8 become U+FFFD rather than reaching JSON.parse in the page.
    void quote(const std::string& s) { append_json_string(out_, s); }

    std::string out_;
    bool first_ = true;
};

}  // namespace tend::web
