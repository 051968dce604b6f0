#include "ui/theme.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace tend::ui {

namespace {

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Relative luminance (sRGB, WCAG), to keep text readable on whatever background a practice picks.
float luminance(const ImVec4& c) {
    auto lin = [](float v) { return v <= 0.03928f ? v / 12.92f : std::pow((v + 0.055f) / 1.055f, 2.4f); };
    return 0.2126f * lin(c.x) + 0.7152f * lin(c.y) + 0.0722f * lin(c.z);
}

}  // namespace

ImVec4 mix(const ImVec4& a, const ImVec4& b, float t) {
    return ImVec4(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t, a.w + (b.w - a.w) * t);
}

bool parse_hex_colour(const std::string& text, ImVec4* out) {
    std::string s = text;
    if (!s.empty() && s[0] == '#') s.erase(0, 1);
    if (s.size() == 3) s = {s[0], s[0], s[1], s[1], s[2], s[2]};
    if (s.size() != 6) return false;
    int v[6];
    for (int i = 0; i < 6; i++)
        if ((v[i] = hex_digit(s[i])) < 0) return false;
    *out = ImVec4((v[0] * 16 + v[1]) / 255.0f, (v[2] * 16 + v[3]) / 255.0f, (v[4] * 16 + v[5]) / 255.0f, 1.0f);
    return true;
}

std::string hex_colour(const ImVec4& c) {
    char buf[8];
    auto byte = [](float v) { return static_cast<int>(std::clamp(v, 0.0f, 1.0f) * 255.0f + 0.5f); };
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", byte(c.x), byte(c.y), byte(c.z));
    return buf;
}

Theme make_theme(const ThemeOverrides& o) {
    Theme t;
    ImVec4 c;
    if (parse_hex_colour(o.accent, &c)) t.accent = c;
    if (parse_hex_colour(o.background, &c)) {
        t.surface = c;
        // A dark background gets light ink; the warm notice stays warm but dimmer.
        if (luminance(c) < 0.25f) {
            t.text = ImVec4(0.94f, 0.92f, 0.95f, 1);
            t.muted = ImVec4(0.74f, 0.71f, 0.77f, 1);
            t.notice = mix(c, ImVec4(0.99f, 0.85f, 0.60f, 1), 0.25f);
            t.notice_text = ImVec4(0.98f, 0.90f, 0.78f, 1);
            t.caution = ImVec4(0.95f, 0.62f, 0.58f, 1);
        }
    }
    if (o.font_scale > 0) t.font_scale = std::clamp(o.font_scale, 0.85f, 1.5f);
    if (o.radius >= 0) t.radius = std::clamp(o.radius, 0.0f, 28.0f);

    // A very light accent can't carry white text.
    t.on_accent = luminance(t.accent) > 0.45f ? ImVec4(0.12f, 0.10f, 0.14f, 1) : ImVec4(1, 1, 1, 1);
    t.soft = mix(t.surface, t.accent, 0.14f);
    t.soft_hover = mix(t.surface, t.accent, 0.22f);
    t.control = mix(t.surface, t.text, 0.055f);
    t.control_hover = mix(t.surface, t.text, 0.10f);
    t.line = mix(t.surface, t.text, 0.16f);
    t.quote = mix(t.surface, t.accent, 0.07f);

    t.small_px = std::max(16.0f, t.small_px * t.font_scale);
    t.body_px = std::max(16.0f, t.body_px * t.font_scale);
    t.prompt_px *= t.font_scale;
    t.tap = std::max(t.tap, t.body_px * t.line_height + 16.0f);
    return t;
}

void apply_to_style(const Theme& t, ImGuiStyle& s) {
    s.WindowPadding = ImVec2(0, 0);  // the card's padding is ours (it changes with width)
    s.WindowBorderSize = 0;
    s.WindowRounding = 0;
    s.FrameRounding = t.radius;
    s.ItemSpacing = ImVec2(t.gap, t.gap);
    s.ItemInnerSpacing = ImVec2(t.gap * 0.5f, t.gap * 0.5f);
    s.TouchExtraPadding = ImVec2(0, 0);
    s.AntiAliasedFill = true;
    s.AntiAliasedLines = true;
    s.CircleTessellationMaxError = 0.2f;  // smooth circles for the pacer and the scale
    ImVec4* col = s.Colors;
    col[ImGuiCol_Text] = t.text;
    col[ImGuiCol_TextDisabled] = t.muted;
    col[ImGuiCol_WindowBg] = ImVec4(0, 0, 0, 0);
    col[ImGuiCol_NavHighlight] = t.accent;
}

}  // namespace tend::ui
