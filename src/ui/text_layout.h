// Tend: paragraphs with room to breathe.
//
// ImGui's own wrapped text sets lines as tight as the font's height. Reading a reflective
// prompt wants CSS-like line height, so paragraphs are wrapped and drawn line by line here.
#pragma once

#include <string>
#include <vector>

#include "imgui.h"

namespace tend::ui {

struct TextStyle {
    ImFont* font = nullptr;
    float size = 18.0f;          // ImGui pixel height (see font_px in step_view.h)
    float line_height = 27.0f;   // CSS px between baselines
    ImU32 colour = 0;
};

// Height the text takes when wrapped to `width`.
float measure_text(const TextStyle& style, const std::string& text, float width);

// Draws at `pos` without touching the layout cursor; returns the height used.
// align: 0 left, 0.5 centred, 1 right (per line, within `width`).
float draw_text_at(ImDrawList* dl, const TextStyle& style, ImVec2 pos, const std::string& text, float width,
                   float align = 0.0f);

// For tests: every text drawn from now on is also appended to `out` (nullptr stops it).
void record_drawn_text(std::vector<std::string>* out);

// Draws at the cursor and advances it, like ImGui::TextWrapped with a line height.
void paragraph(const TextStyle& style, const std::string& text, float width);

}  // namespace tend::ui
