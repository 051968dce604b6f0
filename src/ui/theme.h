// Tend: every colour, size and timing the widget draws with, in one place.
//
// A practice tunes the look from its embed (data-tend-accent, -background, -font-scale,
// -radius); everything else is derived here so the palette stays calm and readable whatever
// accent they pick. Readable is measured (WCAG): text 4.5:1, controls and the focus ring 3:1;
// a practice colour that can't meet that is corrected, and the practice is told why.
// Sizes are CSS pixels; the platform layer scales them for the display.
#pragma once

#include <string>
#include <vector>

#include "imgui.h"

namespace tend::ui {

struct Theme {
    // Colours (straight alpha, 0–1).
    ImVec4 surface{0.984f, 0.973f, 0.957f, 1};     // the card: warm paper
    ImVec4 text{0.19f, 0.17f, 0.22f, 1};           // soft ink, not black
    ImVec4 muted{0.42f, 0.39f, 0.45f, 1};          // hints, progress, small print
    ImVec4 accent{0.478f, 0.361f, 0.600f, 1};      // #7a5c99, a quiet plum
    ImVec4 on_accent{1, 1, 1, 1};                  // text on accent fills
    ImVec4 soft;                                   // derived: accent washed into the surface
    ImVec4 soft_hover;
    ImVec4 control;                                // derived: secondary buttons, unselected options
    ImVec4 control_hover;
    ImVec4 line;                                   // derived: hairlines, dividers
    ImVec4 outline;                                // derived: the edge of a field or marker (≥ 3:1)
    ImVec4 notice{0.992f, 0.945f, 0.878f, 1};      // warm, never alarming
    ImVec4 notice_text{0.40f, 0.28f, 0.12f, 1};
    ImVec4 quote;                                  // derived: behind the reader's own words
    ImVec4 field;                                  // derived: the reply box
    ImVec4 caution{0.62f, 0.27f, 0.25f, 1};        // "delete my answers": muted brick, not red

    // Type (em sizes in CSS px; body never below 16 whatever the scale).
    float font_scale = 1.0f;
    float small_px = 16.0f;
    float body_px = 18.0f;
    float prompt_px = 22.0f;
    float line_height = 1.55f;     // × em, like CSS line-height
    float paragraph_gap = 14.0f;

    // Shape and space.
    float radius = 14.0f;          // buttons, fields; the card uses radius * 1.4
    float pad_wide = 32.0f;        // card padding from 560 px wide
    float pad_narrow = 20.0f;
    float narrow_below = 560.0f;
    float gap = 12.0f;             // between controls
    float section_gap = 24.0f;     // between blocks
    float tap = 48.0f;             // minimum tap target (≥ 44 CSS px)
    float scale_tap = 44.0f;       // the 0–10 row's targets
    float field_lines = 5.0f;      // textarea height, in body lines
    float progress_bar = 6.0f;

    // Motion (all of it off under prefers-reduced-motion).
    float fade_seconds = 0.35f;
    float breathe_in = 4.0f;       // seconds; the pacer's rhythm
    float breathe_out = 6.0f;
    float pacer_min = 0.42f;       // circle radius at rest, × its maximum
    float pacer_max_px = 84.0f;
};

// What the embed may change. Empty strings / zero mean "keep the default".
struct ThemeOverrides {
    std::string accent;       // "#7a5c99"
    std::string background;   // "#fbf8f4"
    float font_scale = 0;     // 0.85–1.5
    float radius = -1;        // 0–28
    bool high_contrast = false;  // prefers-contrast: more
};

// `warnings` (may be null) gets one line per practice colour that had to be corrected.
Theme make_theme(const ThemeOverrides& overrides, std::vector<std::string>* warnings = nullptr);
float contrast_ratio(const ImVec4& a, const ImVec4& b);  // WCAG, 1–21
bool parse_hex_colour(const std::string& text, ImVec4* out);  // "#rgb" or "#rrggbb"
std::string hex_colour(const ImVec4& c);                      // "#rrggbb" (for the textarea's CSS)
ImVec4 mix(const ImVec4& a, const ImVec4& b, float t);        // a → b

// Colours and spacing for ImGui's own pieces (nav highlight, spacing defaults).
void apply_to_style(const Theme& theme, ImGuiStyle& style);

}  // namespace tend::ui
