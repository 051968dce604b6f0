#include "ui/theme.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>

#include "decimal.h"

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
    tend::format(buf, sizeof buf, "#%02x%02x%02x", byte(c.x), byte(c.y), byte(c.z));
    return buf;
}

float contrast_ratio(const ImVec4& a, const ImVec4& b) {
    float la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05f) / (std::min(la, lb) + 0.05f);
}

namespace {

// Moves `c` toward `toward` in small steps until it has `ratio` against every colour in
// `against` (or it arrives). Returns whether it had to move.
bool reach(ImVec4* c, const ImVec4& toward, float ratio, std::initializer_list<ImVec4> against) {
    const ImVec4 start = *c;
    for (int i = 0; i <= 20; i++) {
        *c = mix(start, toward, i / 20.0f);
        bool ok = true;
        for (const ImVec4& a : against) ok = ok && contrast_ratio(*c, a) >= ratio;
        if (ok) return i > 0;
    }
    return true;
}

}  // namespace

Theme make_theme(const ThemeOverrides& o, std::vector<std::string>* warnings) {
    Theme t;
    auto warn = [&](const std::string& what, const ImVec4& was, float ratio, const char* need, const ImVec4& now) {
        if (!warnings) return;
        char r[16];
        tend::format(r, sizeof r, "%.1f:1", ratio);
        warnings->push_back("Tend: " + what + " " + hex_colour(was) + " gives only " + r + " contrast (" + need +
                            "); using " + hex_colour(now) + " instead so every reader can see it.");
    };
    const ImVec4 white(1, 1, 1, 1), black(0, 0, 0, 1);
    const ImVec4 dark_ink = t.text, light_ink(0.94f, 0.92f, 0.95f, 1);
    ImVec4 c;
    bool custom_bg = parse_hex_colour(o.background, &c);
    if (custom_bg) t.surface = c;
    bool custom_accent = parse_hex_colour(o.accent, &c);
    if (custom_accent) t.accent = c;
    if (o.font_scale > 0) t.font_scale = std::clamp(o.font_scale, 0.85f, 1.5f);
    if (o.radius >= 0) t.radius = std::clamp(o.radius, 0.0f, 28.0f);

    // Ink: whichever of the dark and the light one reads better on this background.
    bool dark_bg = contrast_ratio(light_ink, t.surface) > contrast_ratio(dark_ink, t.surface);
    if (o.high_contrast) t.surface = dark_bg ? black : white;
    t.text = o.high_contrast ? (dark_bg ? white : black) : dark_bg ? light_ink : dark_ink;
    if (dark_bg) {
        t.muted = ImVec4(0.74f, 0.71f, 0.77f, 1);
        t.notice = mix(t.surface, ImVec4(0.99f, 0.85f, 0.60f, 1), 0.25f);
        t.notice_text = ImVec4(0.98f, 0.90f, 0.78f, 1);
        t.caution = ImVec4(0.95f, 0.62f, 0.58f, 1);
    }
    // A mid-tone background can't carry text either way: move it away from the ink.
    if (float r = contrast_ratio(t.text, t.surface); r < 4.5f) {
        ImVec4 was = t.surface;
        reach(&t.surface, dark_bg ? black : white, 4.5f, {t.text});
        warn("the background", was, r, "text needs 4.5:1", t.surface);
    }
    if (o.high_contrast) t.muted = mix(t.text, t.surface, 0.2f);

    t.control = mix(t.surface, t.text, o.high_contrast ? 0.08f : 0.055f);
    t.control_hover = mix(t.surface, t.text, o.high_contrast ? 0.14f : 0.10f);
    t.line = mix(t.surface, t.text, o.high_contrast ? 0.5f : 0.16f);
    t.outline = mix(t.surface, t.text, o.high_contrast ? 1.0f : 0.5f);
    reach(&t.outline, t.text, 3.0f, {t.surface, t.control});

    // The accent fills Continue, marks what is chosen and draws the focus ring: 3:1 against
    // the card (7:1 for high contrast), and its label 4.5:1 on it.
    {
        ImVec4 was = t.accent;
        float need = o.high_contrast ? 4.5f : 3.0f;
        float before = contrast_ratio(t.accent, t.surface);
        auto label_ok = [&](const ImVec4& a) {
            return std::max(contrast_ratio(white, a), contrast_ratio(ImVec4(0.12f, 0.10f, 0.14f, 1), a)) >=
                   (o.high_contrast ? 7.0f : 4.5f);
        };
        for (int i = 1; i <= 20 && (contrast_ratio(t.accent, t.surface) < need || !label_ok(t.accent)); i++)
            t.accent = mix(was, t.text, i / 20.0f);
        if (custom_accent || custom_bg) {
            if (before < need) warn("the accent", was, before, "controls need 3:1 against the background", t.accent);
            else if (!label_ok(was)) warn("the accent", was, before, "the text on a button needs 4.5:1", t.accent);
        }
    }
    t.on_accent = contrast_ratio(white, t.accent) >= contrast_ratio(ImVec4(0.12f, 0.10f, 0.14f, 1), t.accent)
                      ? white : ImVec4(0.12f, 0.10f, 0.14f, 1);
    t.soft = mix(t.surface, t.accent, 0.14f);
    t.soft_hover = mix(t.surface, t.accent, 0.22f);
    t.quote = mix(t.surface, t.accent, 0.07f);
    // The reply box: a touch lighter than the card (darker on a dark one), and the reader's own
    // words in it held to 4.5:1 like every other text.
    t.field = dark_bg ? mix(t.surface, black, 0.25f) : mix(t.surface, white, 0.7f);
    reach(&t.field, dark_bg ? black : white, 4.5f, {t.text});

    // Small print sits on the card and on its panels; the warm notice and "delete" too.
    reach(&t.muted, t.text, o.high_contrast ? 7.0f : 4.5f, {t.surface, t.soft, t.quote, t.control, t.control_hover, t.field});
    reach(&t.caution, t.text, 4.5f, {t.surface, mix(t.surface, t.caution, 0.10f)});
    reach(&t.notice_text, t.text, 4.5f, {t.notice});

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
