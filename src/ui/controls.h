// Tend: the few controls the widget is made of, drawn soft and large.
//
// Each is an ImGui item (so keyboard navigation and hit-testing work) drawn with the
// theme's colours; every tap target is at least theme.tap tall.
#pragma once

#include <string>
#include <vector>

#include "imgui.h"
#include "ui/text_layout.h"
#include "ui/theme.h"

namespace tend::ui {

struct Fonts {
    ImFont* small = nullptr;
    ImFont* body = nullptr;
    ImFont* prompt = nullptr;
};

// The theme resolved for this frame (colours already carry the fade's alpha).
struct Paint {
    const Theme* theme = nullptr;
    Fonts fonts;
    TextStyle body, muted, small, prompt, on_accent, notice;
};
Paint make_paint(const Theme& theme, const Fonts& fonts);

ImU32 colour(const ImVec4& c);  // with the current style alpha (the step fade)

enum class ButtonKind { Primary, Secondary, Quiet, Caution };

// Every control has a key the DOM mirror shares ("continue", "option:calm", "scale:6"); by
// default the ImGui id without its "##".
float button_width(const Paint& p, const std::string& label, float pad_em = 2.4f);  // pad: both sides, in ems
bool button(const Paint& p, const char* id, const std::string& label, float width, ButtonKind kind, bool enabled = true,
            const std::string& key = "");

// A whole-width option: a round marker (single choice) or a square one (multiple).
bool option(const Paint& p, const char* id, const std::string& label, bool selected, bool multiple, float width,
            const std::string& key);

// Every tap target drawn this frame, in CSS px: for tests, and for the DOM mirror, which
// lays its (transparent) controls over them so focus scrolls to the right place.
struct Target {
    std::string id, label, key;
    ImVec2 min, max;
    bool focused = false;  // its focus ring was drawn
};
// nullptr stops collecting. The control whose key is `focus` gets a ring in `ring`.
void collect_targets(std::vector<Target>* out, const std::string& focus = "", ImVec4 ring = ImVec4());
void note_target(const char* id, const std::string& label, const std::string& key = "");  // the last item

// A soft rounded panel behind whatever is drawn between begin_panel and end_panel.
void begin_panel(float pad);
void end_panel(const Paint& p, const ImVec4& fill, float pad, float width);

}  // namespace tend::ui
