#include "ui/controls.h"

#include <cmath>
#include <algorithm>

#include "imgui_internal.h"

namespace tend::ui {

namespace {
std::vector<Target>* g_targets = nullptr;
std::string g_focus;
ImVec4 g_ring;
}

void collect_targets(std::vector<Target>* out, const std::string& focus, ImVec4 ring) {
    g_targets = out;
    g_focus = focus;
    g_ring = ring;
}

void note_target(const char* id, const std::string& label, const std::string& key) {
    if (!g_targets) return;
    Target t{id, label, key.empty() ? std::string(id + (id[0] == '#' && id[1] == '#' ? 2 : 0)) : key,
             ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
    // The keyboard focus lives in the DOM mirror; the reader sees it here, as a clear ring
    // just outside the control (WCAG 2.4.7, 2.4.11): accent, 3 px, kept at full opacity.
    if (!g_focus.empty() && t.key == g_focus) {
        t.focused = true;
        float r = ImGui::GetStyle().FrameRounding + 4.0f;
        ImGui::GetWindowDrawList()->AddRect(t.min - ImVec2(4, 4), t.max + ImVec2(4, 4), ImGui::ColorConvertFloat4ToU32(g_ring), r,
                                            0, 3.0f);
    }
    ImVec2 origin = ImGui::GetWindowPos();
    t.min -= origin;
    t.max -= origin;
    g_targets->push_back(std::move(t));
}

ImU32 colour(const ImVec4& c) { return ImGui::GetColorU32(c); }

Paint make_paint(const Theme& t, const Fonts& f) {
    Paint p;
    p.theme = &t;
    p.fonts = f;
    auto style = [&](ImFont* font, float em, const ImVec4& c) {
        TextStyle s;
        s.font = font;
        s.size = font->FontSize;
        s.line_height = std::round(em * t.line_height);
        s.colour = colour(c);
        return s;
    };
    p.body = style(f.body, t.body_px, t.text);
    p.muted = style(f.body, t.body_px, t.muted);
    p.small = style(f.small, t.small_px, t.muted);
    p.prompt = style(f.prompt, t.prompt_px, t.text);
    p.prompt.line_height = std::round(t.prompt_px * 1.4f);  // larger type wants a little less
    p.on_accent = style(f.body, t.body_px, t.on_accent);
    p.notice = style(f.body, t.body_px, t.notice_text);
    return p;
}

float button_width(const Paint& p, const std::string& label, float pad_em) {
    float w = p.fonts.body->CalcTextSizeA(p.body.size, FLT_MAX, 0, label.c_str()).x;
    return std::max(p.theme->tap * 2.0f, std::ceil(w + p.theme->body_px * pad_em));
}

bool button(const Paint& p, const char* id, const std::string& label, float width, ButtonKind kind, bool enabled,
            const std::string& key) {
    const Theme& t = *p.theme;
    ImGui::BeginDisabled(!enabled);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    TextStyle ts = p.body;
    // A long label (a practice's own call to action on a phone) wraps, and the button grows
    // to hold it rather than letting the words spill over its edges.
    float text_h = measure_text(ts, label, width - 16.0f);
    ImVec2 size(width, std::max(t.tap, text_h + 20.0f));
    bool pressed = ImGui::InvisibleButton(id, size);
    bool hovered = ImGui::IsItemHovered();
    bool held = ImGui::IsItemActive();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec4 fill(0, 0, 0, 0), ink = t.text;
    switch (kind) {
        case ButtonKind::Primary:
            fill = enabled ? t.accent : t.control;
            if (enabled && (hovered || held)) fill = mix(t.accent, t.text, held ? 0.22f : 0.12f);
            ink = enabled ? t.on_accent : t.muted;
            break;
        case ButtonKind::Secondary:
            fill = hovered ? t.soft_hover : t.soft;
            ink = t.text;
            break;
        case ButtonKind::Quiet:
            if (hovered) fill = t.control;
            ink = t.muted;
            break;
        case ButtonKind::Caution:
            if (hovered) fill = mix(t.surface, t.caution, 0.10f);
            ink = t.caution;
            break;
    }
    if (fill.w > 0) dl->AddRectFilled(pos, pos + size, colour(fill), t.radius);
    ts.colour = colour(ink);
    draw_text_at(dl, ts, ImVec2(pos.x + 8.0f, pos.y + (size.y - text_h) * 0.5f), label, width - 16.0f, 0.5f);
    note_target(id, label, key);  // after the fill, so a focus ring is drawn over it
    ImGui::EndDisabled();
    return pressed && enabled;
}

bool option(const Paint& p, const char* id, const std::string& label, bool selected, bool multiple, float width,
            const std::string& key) {
    const Theme& t = *p.theme;
    const float marker = 22.0f, inset = 18.0f;
    float text_w = width - inset * 2 - marker - 14.0f;
    float text_h = measure_text(p.body, label, text_w);
    float h = std::max(t.tap + 4.0f, text_h + 26.0f);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    bool pressed = ImGui::InvisibleButton(id, ImVec2(width, h));
    bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();

    ImVec4 fill = selected ? (hovered ? t.soft_hover : t.soft) : (hovered ? t.control_hover : t.control);
    dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h), colour(fill), t.radius);
    if (selected) dl->AddRect(pos, ImVec2(pos.x + width, pos.y + h), colour(t.accent), t.radius, 0, 1.5f);

    // The marker: a ring (single) or a rounded square (multiple); filled with a tick when chosen.
    ImVec2 c(pos.x + inset + marker * 0.5f, pos.y + h * 0.5f);
    ImVec2 m0(c.x - marker * 0.5f, c.y - marker * 0.5f), m1(c.x + marker * 0.5f, c.y + marker * 0.5f);
    float r = multiple ? 6.0f : marker * 0.5f;
    if (selected) {
        dl->AddRectFilled(m0, m1, colour(t.accent), r);
        ImGui::RenderCheckMark(dl, ImVec2(m0.x + 5.0f, m0.y + 5.0f), colour(t.on_accent), marker - 10.0f);
    } else {
        dl->AddRectFilled(m0, m1, colour(t.surface), r);
        dl->AddRect(m0, m1, colour(t.outline), r, 0, 1.5f);
    }
    draw_text_at(dl, p.body, ImVec2(m1.x + 14.0f, pos.y + (h - text_h) * 0.5f), label, text_w);
    note_target(id, label, key);
    return pressed;
}

void begin_panel(float pad) {
    ImGui::GetWindowDrawList()->ChannelsSplit(2);
    ImGui::GetWindowDrawList()->ChannelsSetCurrent(1);
    ImGui::BeginGroup();
    ImGui::Dummy(ImVec2(0, pad - ImGui::GetStyle().ItemSpacing.y));
    ImGui::Indent(pad);
}

void end_panel(const Paint& p, const ImVec4& fill, float pad, float width) {
    ImGui::Unindent(pad);
    ImGui::Dummy(ImVec2(0, pad - ImGui::GetStyle().ItemSpacing.y));
    ImGui::EndGroup();
    ImVec2 a = ImGui::GetItemRectMin();
    ImVec2 b(a.x + width, ImGui::GetItemRectMax().y);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(a, b, colour(fill), p.theme->radius);
    dl->ChannelsMerge();
}

}  // namespace tend::ui
