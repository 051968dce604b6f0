#include "ui/text_layout.h"

#include <cmath>
#include <cstring>
#include <functional>

#include "imgui_internal.h"  // ImTextCharFromUtf8

namespace tend::ui {

namespace {

std::vector<std::string>* g_drawn = nullptr;

// Calls line(begin, end) for each wrapped line; returns the number of lines.
int for_each_line(const TextStyle& st, const std::string& text, float width,
                  const std::function<void(const char*, const char*)>& line) {
    const char* s = text.c_str();
    const char* end = s + text.size();
    float scale = st.size / st.font->FontSize;
    int count = 0;
    while (s < end) {
        const char* eol = st.font->CalcWordWrapPositionA(scale, s, end, width);
        if (eol == s) {  // not even one character fits: take one anyway so we always progress
            unsigned int c;
            eol = s + ImTextCharFromUtf8(&c, s, end);
        }
        const char* nl = static_cast<const char*>(memchr(s, '\n', eol - s));
        if (nl) eol = nl;
        line(s, eol);
        count++;
        s = eol;
        // Like ImGui: blanks at a soft break vanish; a hard break is consumed once.
        while (s < end && (*s == ' ' || *s == '\t')) s++;
        if (s < end && *s == '\n') s++;
    }
    return count;
}

}  // namespace

float measure_text(const TextStyle& st, const std::string& text, float width) {
    if (text.empty()) return 0;
    int n = for_each_line(st, text, width, [](const char*, const char*) {});
    return n * st.line_height;
}

void record_drawn_text(std::vector<std::string>* out) { g_drawn = out; }

float draw_text_at(ImDrawList* dl, const TextStyle& st, ImVec2 pos, const std::string& text, float width, float align) {
    if (text.empty()) return 0;
    if (g_drawn) g_drawn->push_back(text);
    // Centre each line's glyph box within its line box, as CSS does.
    float y = pos.y + (st.line_height - st.size) * 0.5f;
    int n = for_each_line(st, text, width, [&](const char* b, const char* e) {
        float x = pos.x;
        if (align > 0) {
            float w = st.font->CalcTextSizeA(st.size, FLT_MAX, 0, b, e).x;
            x += (width - w) * align;
        }
        dl->AddText(st.font, st.size, ImVec2(std::round(x), std::round(y)), st.colour, b, e);
        y += st.line_height;
    });
    return n * st.line_height;
}

void paragraph(const TextStyle& st, const std::string& text, float width) {
    ImVec2 pos = ImGui::GetCursorScreenPos();
    float h = draw_text_at(ImGui::GetWindowDrawList(), st, pos, text, width);
    ImGui::Dummy(ImVec2(width, h));
}

}  // namespace tend::ui
