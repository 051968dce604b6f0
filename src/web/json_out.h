// Tend: a small JSON writer for the messages the widget sends the page on every change
// (the DOM mirror's screen, the pacer, control rectangles, its strings).
//
// nlohmann/json builds a tree first, and each brace-initialised object costs the wasm a
// surprising amount of code; these messages are flat and write-only, so they are written
// straight into a string. Strings are escaped per RFC 8259 (UTF-8 passes through).
#pragma once

#include <cstdio>
#include <string>
#include <vector>

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
    void quote(const std::string& s) {
        out_ += '"';
        for (unsigned char c : s) {
            if (c == '"' || c == '\\') {
                out_ += '\\';
                out_ += static_cast<char>(c);
            } else if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out_ += buf;
            } else {
                out_ += static_cast<char>(c);
            }
        }
        out_ += '"';
    }

    std::string out_;
    bool first_ = true;
};

}  // namespace tend::web
