#include "ui/step_view.h"

#include <algorithm>
#include <cmath>

#include "ui/pacer.h"

namespace tend::ui {

using screen::Action;
using screen::Control;
using screen::Look;
using screen::Place;
using screen::Screen;

namespace {

constexpr float kMaxColumn = 660.0f;  // a readable measure, even in a 900 px widget
constexpr float kNarrow = 420.0f;     // a phone's column: full-width buttons, the name on its own line

void gap(float h) { ImGui::Dummy(ImVec2(0, std::max(0.0f, h - ImGui::GetStyle().ItemSpacing.y))); }

// Lays buttons out left to right, wrapping to a new line when the next one doesn't fit.
class Flow {
public:
    Flow(float left, float width) : left_(left), right_(left + width) {}
    void place(float w) {
        float gap_x = ImGui::GetStyle().ItemSpacing.x;
        if (used_ && last_x_ + gap_x + w <= right_) {
            ImGui::SameLine(0, gap_x);
            last_x_ += gap_x + w;
        } else {
            ImGui::SetCursorPosX(left_);
            last_x_ = left_ + w;
        }
        used_ = true;
    }

private:
    float left_, right_, last_x_ = 0;
    bool used_ = false;
};

const Control* find(const Screen& s, Place place, Action action) {
    for (const Control& c : s.controls)
        if (c.place == place && c.action == action) return &c;
    return nullptr;
}

std::vector<const Control*> in_place(const Screen& s, Place place) {
    std::vector<const Control*> out;
    for (const Control& c : s.controls)
        if (c.place == place) out.push_back(&c);
    return out;
}

// The ImGui id names the kind of control (the tests' name for it, with its label); ImGui
// tells repeated ones apart by the ID stack.
std::string imgui_id(const Control& c) {
    switch (c.action) {
        case Action::Choose: return "##option";
        case Action::Other: return "##other";
        case Action::Scale: return "##scale";
        default: return c.place == Place::Help ? "##resource" : "##" + c.key;
    }
}

ButtonKind button_kind(Look look) {
    switch (look) {
        case Look::Secondary: return ButtonKind::Secondary;
        case Look::Quiet: return ButtonKind::Quiet;
        case Look::Caution: return ButtonKind::Caution;
        default: return ButtonKind::Primary;
    }
}

// Draws a button control at the cursor; a press is reported by key.
void press_button(const Paint& p, const Control& c, float width, Frame* f) {
    ImGui::PushID(c.key.c_str());
    if (button(p, imgui_id(c).c_str(), c.label, width, button_kind(c.look), c.enabled, c.key)) f->pressed = c.key;
    ImGui::PopID();
}

void words_panel(const Paint& p, const std::string& label, const std::string& text, float w) {
    if (!label.empty()) paragraph(p.small, label, w);
    const float pad = 16.0f;
    begin_panel(pad);
    paragraph(p.body, text, w - pad * 2);
    end_panel(p, p.theme->quote, pad, w);
}

// A row of buttons that wraps, from `left`.
void button_row(const Paint& p, const std::vector<const Control*>& row, float left, float w, Frame* f) {
    Flow flow(left, w);
    for (const Control* c : row) {
        float bw = std::min(w, button_width(p, c->label));
        flow.place(bw);
        press_button(p, *c, bw, f);
    }
}

}  // namespace

Frame StepScreen::draw(const Screen& s, const ViewState& vs, const Theme& t, const Fonts& fonts, float width, float dt) {
    Frame f;
    collect_targets(&f.targets, vs.focus, t.accent);

    // A new step (or entering/leaving the pause path) fades in; reduced motion just shows it.
    // The first step the card shows is there at once: the card itself has only now appeared,
    // and its first frame is the whole picture (each frame of a fade is a full redraw).
    if (s.step_key != shown_key_) {
        fade_ = vs.reduced_motion || shown_key_.empty() ? 1.0f : 0.0f;
        shown_key_ = s.step_key;
    }
    fade_ = std::min(1.0f, fade_ + (t.fade_seconds > 0 ? dt / t.fade_seconds : 1.0f));
    if (fade_ < 1.0f) f.needs.animate = true;

    float pad = width < t.narrow_below ? t.pad_narrow : t.pad_wide;
    float w = std::min(kMaxColumn, width - pad * 2);
    float left = std::max(pad, (width - w) * 0.5f);

    ImGui::SetCursorPos(ImVec2(left, pad));
    ImGui::PushTextWrapPos(left + w);
    ImGui::BeginGroup();
    Paint p = make_paint(t, fonts);
    header(p, s, w, &f);
    notices(p, s, w);

    float eased = 1.0f - (1.0f - fade_) * (1.0f - fade_);
    ImGui::PushStyleVar(ImGuiStyleVar_Alpha, eased);
    p = make_paint(t, fonts);  // colours now carry the fade
    opening(p, s, w);
    if (!s.privacy.empty()) {
        paragraph(p.small, s.privacy, w);
        for (const Control* c : in_place(s, Place::Privacy)) {
            gap(t.gap * 0.5f);
            ImGui::PushID(c->key.c_str());
            if (option(p, imgui_id(*c).c_str(), c->label, c->on, true, w, c->key)) f.pressed = c->key;
            ImGui::PopID();
        }
        gap(t.section_gap * 0.75f);
    }
    for (const auto& para : s.paragraphs) {
        paragraph(p.body, para, w);
        gap(t.paragraph_gap);
    }
    help(p, s, w, &f);  // after the step's own words: on a grounding screen, the instruction comes first
    question(p, s, w, &f);
    pacer(p, s, vs, w, &f);
    gap(t.section_gap);
    navigation(p, s, w, &f);
    if (const Control* save = find(s, Place::Keep, Action::DownloadText)) {
        gap(t.gap);
        ImGui::SetCursorPosX(left);
        press_button(p, *save, std::min(w, button_width(p, save->label)), &f);
    }
    if (s.is_end) ending(p, s, w, &f);
    footer(p, s, w, &f);
    ImGui::PopStyleVar();
    ImGui::EndGroup();
    ImGui::PopTextWrapPos();

    f.content_height = ImGui::GetItemRectMax().y - ImGui::GetWindowPos().y + pad;
    collect_targets(nullptr);
    return f;
}

void StepScreen::header(const Paint& p, const Screen& s, float w, Frame* f) {
    const Theme& t = *p.theme;
    ImDrawList* dl = ImGui::GetWindowDrawList();

    // "Pause and get help" sits top right. On a phone the name gets its own line above it.
    const Control* pause = find(s, Place::Header, Action::Pause);
    bool narrow = w < kNarrow;
    float action_w = pause ? button_width(p, pause->label, narrow ? 1.3f : 2.0f) : 0;
    if (narrow && !s.name.empty()) {
        paragraph(p.small, s.name, w);
        gap(4);
    }
    ImVec2 top = ImGui::GetCursorPos();
    if (pause) {
        ImGui::SetCursorPos(ImVec2(top.x + w - action_w, top.y));
        press_button(p, *pause, action_w, f);
    }
    float left_w = w - action_w - (pause ? t.gap : 0);
    // In the narrowest columns "Step 3 of about 9" would wrap a word to a line beside the
    // button; it goes under the button instead, on one line of its own.
    bool progress_under = narrow && pause &&
                          p.small.font->CalcTextSizeA(p.small.size, FLT_MAX, 0, s.progress.c_str()).x > left_w;
    std::string beside = !narrow ? s.name : progress_under ? std::string() : s.progress;
    float beside_h = beside.empty() ? 0.0f : measure_text(p.small, beside, left_w);
    if (!beside.empty())
        draw_text_at(dl, p.small, ImGui::GetWindowPos() + ImVec2(top.x, top.y + std::max(0.0f, (t.tap - beside_h) * 0.5f)),
                     beside, left_w);
    ImGui::SetCursorPos(ImVec2(top.x, top.y + std::max(pause ? t.tap : 0.0f, beside_h)));
    gap(10);
    if (!narrow || progress_under) paragraph(p.small, s.progress, w);

    // A thin bar that fills gently.
    ImVec2 bar = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(w, t.progress_bar));
    dl->AddRectFilled(bar, bar + ImVec2(w, t.progress_bar), colour(t.control_hover), t.progress_bar);
    if (s.progress_done > 0)
        dl->AddRectFilled(bar, bar + ImVec2(std::max(t.progress_bar, w * s.progress_done), t.progress_bar),
                          colour(mix(t.soft, t.accent, 0.7f)), t.progress_bar);
    gap(t.section_gap);
}

void StepScreen::notices(const Paint& p, const Screen& s, float w) {
    for (const auto& n : s.notices) {
        begin_panel(16.0f);
        paragraph(p.notice, n, w - 32.0f);
        end_panel(p, p.theme->notice, 16.0f, w);
        gap(p.theme->gap);
    }
    if (!s.flash.empty() && !s.is_end) {  // at the end it stands by the exports
        paragraph(p.muted, s.flash, w);
        gap(p.theme->gap);
    }
}

void StepScreen::help(const Paint& p, const Screen& s, float w, Frame* f) {
    const Theme& t = *p.theme;
    if (const Control* more = find(s, Place::Help, Action::ShowHelp)) {
        press_button(p, *more, std::min(w, button_width(p, more->label, 1.0f)), f);
        gap(t.section_gap);
        return;
    }
    if (s.help_title.empty()) return;
    begin_panel(18.0f);
    paragraph(p.body, s.help_title, w - 36.0f);
    for (const auto& r : s.resources) {
        gap(6);
        paragraph(p.body, r.label, w - 36.0f);
        paragraph(p.small, r.text, w - 36.0f);
        if (const Control* c = s.control(r.control))
            press_button(p, *c, std::min(w - 36.0f, button_width(p, c->label)), f);
    }
    if (!s.help_note.empty()) {
        gap(6);
        paragraph(p.small, s.help_note, w - 36.0f);
    }
    end_panel(p, t.quote, 18.0f, w);
    gap(t.section_gap);
}

void StepScreen::opening(const Paint& p, const Screen& s, float w) {
    if (!s.opening) return;
    const Theme& t = *p.theme;
    paragraph(p.prompt, s.title, w);
    if (!s.minutes.empty()) paragraph(p.small, s.minutes, w);
    gap(t.paragraph_gap);
    if (!s.intro.empty()) paragraph(p.body, s.intro, w);
    if (!s.content_note.empty()) {
        gap(t.paragraph_gap * 0.5f);
        paragraph(p.muted, s.content_note, w);
    }
    if (!s.disclaimer.empty()) {
        gap(t.paragraph_gap * 0.5f);
        paragraph(p.small, s.disclaimer, w);
    }
    gap(t.section_gap);
}

void StepScreen::field(const Paint& p, float w, Frame* f) {
    const Theme& t = *p.theme;
    float h = std::round(t.field_lines * p.body.line_height + 28.0f);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(w, h));
    // Drawn under the real <textarea>, so the frame before it is placed already looks right.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, pos + ImVec2(w, h), colour(t.field), t.radius);
    dl->AddRect(pos, pos + ImVec2(w, h), colour(t.outline), t.radius, 0, 1.5f);
    f->field.visible = true;
    f->field.pos = pos - ImGui::GetWindowPos();
    f->field.size = ImVec2(w, h);
}

void StepScreen::question(const Paint& p, const Screen& s, float w, Frame* f) {
    const screen::QuestionText& q = s.question;
    if (q.kind == StepKind::Say) return;
    paragraph(p.prompt, q.prompt, w);
    if (!q.note.empty()) paragraph(p.small, q.note, w);
    if (!q.hint.empty()) paragraph(p.muted, q.hint, w);
    gap(p.theme->gap);
    if (q.kind == StepKind::Scale) return scale(p, s, w, f);
    for (const Control* c : in_place(s, Place::Answer)) {
        ImGui::PushID(c->key.c_str());
        if (option(p, imgui_id(*c).c_str(), c->label, c->on, c->look == Look::Check, w, c->key)) f->pressed = c->key;
        ImGui::PopID();
    }
    if (s.field.shown) field(p, w, f);
}

void StepScreen::scale(const Paint& p, const Screen& s, float w, Frame* f) {
    const Theme& t = *p.theme;
    std::vector<const Control*> values = in_place(s, Place::Answer);
    int n = static_cast<int>(values.size());
    if (n == 0) return;
    // One row when 11 comfortable targets fit (closing the gaps from 6 px down to 3 px if
    // that is what it takes); otherwise two balanced rows (0–5, 6–10).
    float g = 6.0f;
    if (n > 1 && n * t.scale_tap + (n - 1) * 3.0f <= w) g = std::min(6.0f, (w - n * t.scale_tap) / (n - 1));
    int per_row = std::max(1, static_cast<int>((w + g) / (t.scale_tap + g) + 1e-3f));
    int rows = (n + per_row - 1) / per_row;
    per_row = (n + rows - 1) / rows;
    float size = std::min(64.0f, (w - g * (per_row - 1)) / per_row);
    float row_w = size * per_row + g * (per_row - 1);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int i = 0; i < n; i++) {
        const Control& c = *values[i];
        if (i % per_row == 0) ImGui::SetCursorPosX(ImGui::GetCursorPosX());
        else ImGui::SameLine(0, g);
        ImVec2 pos = ImGui::GetCursorScreenPos();
        ImGui::PushID(c.key.c_str());
        ImVec2 box(size, std::max(size, t.scale_tap));
        if (ImGui::InvisibleButton(imgui_id(c).c_str(), box)) f->pressed = c.key;
        bool hovered = ImGui::IsItemHovered();
        dl->AddRectFilled(pos, pos + box, colour(c.on ? t.accent : hovered ? t.soft_hover : t.control),
                          std::min(t.radius, size * 0.5f));
        TextStyle ts = c.on ? p.on_accent : p.body;
        draw_text_at(dl, ts, ImVec2(pos.x, pos.y + (box.y - ts.line_height) * 0.5f), c.label, size, 0.5f);
        note_target(imgui_id(c).c_str(), c.label, c.key);
        ImGui::PopID();
    }
    gap(4);
    float label_w = std::max(row_w * 0.45f, 80.0f);
    ImVec2 at = ImGui::GetCursorScreenPos();
    float h1 = draw_text_at(dl, p.small, at, s.question.min_label, label_w);
    float h2 = draw_text_at(dl, p.small, ImVec2(at.x + row_w - label_w, at.y), s.question.max_label, label_w, 1.0f);
    ImGui::Dummy(ImVec2(row_w, std::max(h1, h2)));
}

void StepScreen::pacer(const Paint& p, const Screen& s, const ViewState& vs, float w, Frame* f) {
    if (!s.pacer || !vs.clock) return;
    const Theme& t = *p.theme;
    gap(t.paragraph_gap);
    draw_breath(p, w, *vs.clock, vs.pacer, vs.reduced_motion, vs.pacer_seen, &f->needs);

    // Pause or resume, take longer, stop: one row when it fits, centred.
    std::vector<const Control*> row = in_place(s, Place::Pacer);
    if (row.empty()) return;
    float total = -t.gap, left = ImGui::GetCursorPosX();
    std::vector<float> ws;
    for (const Control* c : row) {
        ws.push_back(std::min(w, button_width(p, c->label, 1.6f)));
        total += ws.back() + t.gap;
    }
    bool one_row = total <= w;
    float x = left + (one_row ? (w - total) * 0.5f : 0);
    float y = ImGui::GetCursorPosY();
    for (size_t i = 0; i < row.size(); i++) {
        if (one_row) ImGui::SetCursorPos(ImVec2(x, y));
        else ImGui::SetCursorPosX(left + (w - ws[i]) * 0.5f);
        press_button(p, *row[i], ws[i], f);
        x += ws[i] + t.gap;
    }
    if (one_row) ImGui::SetCursorPosX(left);
}

void StepScreen::navigation(const Paint& p, const Screen& s, float w, Frame* f) {
    const Theme& t = *p.theme;
    float left = ImGui::GetCursorPosX();
    bool narrow = w < kNarrow;

    // On a line of their own above the ways on: back out of the grounding path, or stop here.
    for (Action own_line : {Action::Return, Action::StopHere})
        if (const Control* r = find(s, Place::Nav, own_line)) {
            press_button(p, *r, narrow ? w : button_width(p, r->label), f);
            gap(t.gap);
        }
    const Control* cont = find(s, Place::Nav, Action::Next);
    const Control* skip = find(s, Place::Nav, Action::Skip);
    const Control* back = find(s, Place::Nav, Action::Back);
    if (!cont) return;

    float cont_w = narrow ? w : button_width(p, cont->label);
    float skip_w = skip ? button_width(p, skip->label) : 0;
    float back_w = back ? button_width(p, back->label) : 0;
    if (narrow) {
        // Phone: Continue spans the width where a thumb rests; Back and Skip share a row.
        press_button(p, *cont, cont_w, f);
        if (back || skip) {
            ImGui::SetCursorPosX(left);
            if (back) press_button(p, *back, back_w, f);
            if (skip) {
                if (back) ImGui::SameLine(0, 0);
                ImGui::SetCursorPosX(left + w - skip_w);
                press_button(p, *skip, skip_w, f);
            }
        }
        return;
    }
    float y = ImGui::GetCursorPosY();
    if (back) press_button(p, *back, back_w, f);
    float right = left + w;
    ImGui::SetCursorPos(ImVec2(right - cont_w, y));
    press_button(p, *cont, cont_w, f);
    if (skip) {
        ImGui::SetCursorPos(ImVec2(right - cont_w - t.gap - skip_w, y));
        press_button(p, *skip, skip_w, f);
    }
    ImGui::SetCursorPosX(left);
}

void StepScreen::ending(const Paint& p, const Screen& s, float w, Frame* f) {
    const Theme& t = *p.theme;
    float left = ImGui::GetCursorPosX();
    if (const Control* toggle = find(s, Place::YourWords, Action::ToggleWords)) {  // a quiet end: folded words
        press_button(p, *toggle, std::min(w, button_width(p, toggle->label)), f);
        gap(t.gap);
    }
    if (!s.your_words_title.empty()) {
        paragraph(p.prompt, s.your_words_title, w);
        gap(t.gap);
        for (const auto& wd : s.your_words) {
            words_panel(p, wd.label, wd.text, w);
            gap(t.gap);
        }
    }
    gap(t.gap);
    paragraph(p.small, s.keep_them, w);
    button_row(p, in_place(s, Place::Exports), left, w, f);
    if (!s.flash.empty()) paragraph(p.muted, s.flash, w);
    gap(t.section_gap);

    if (const Control* cta = find(s, Place::Invitation, Action::Open)) {
        begin_panel(20.0f);
        paragraph(p.body, s.invitation_lead, w - 40.0f);
        gap(8);
        press_button(p, *cta, std::min(w - 40.0f, button_width(p, cta->label)), f);
        end_panel(p, t.soft, 20.0f, w);
        gap(t.section_gap);
    }

    if (const Control* journal = find(s, Place::Journal, Action::ToggleJournal)) {
        press_button(p, *journal, std::min(w, button_width(p, journal->label)), f);
        for (const auto& past : s.journal) {
            paragraph(p.body, past.when, w);
            for (const auto& words : past.words) {
                words_panel(p, words.label, words.text, w);
                gap(t.gap);
            }
        }
        gap(t.gap);
    }
    button_row(p, in_place(s, Place::Closing), left, w, f);
}

void StepScreen::footer(const Paint& p, const Screen& s, float w, Frame* f) {
    const Theme& t = *p.theme;
    std::vector<const Control*> row = in_place(s, Place::Footer);
    if (!row.empty()) {
        gap(t.gap);
        if (s.confirm_delete.empty()) {
            button_row(p, row, ImGui::GetCursorPosX(), w, f);
        } else {
            begin_panel(18.0f);
            paragraph(p.body, s.confirm_delete, w - 36.0f);
            button_row(p, row, ImGui::GetCursorPosX(), w - 36.0f, f);
            end_panel(p, t.control, 18.0f, w);
        }
    }
    about(p, s, w, f);
}

// "About this exercise": a quiet button, or the small panel it opens, with its way to close.
void StepScreen::about(const Paint& p, const Screen& s, float w, Frame* f) {
    const Theme& t = *p.theme;
    std::vector<const Control*> row = in_place(s, Place::About);
    if (row.empty()) return;
    if (!s.about.open) return button_row(p, row, ImGui::GetCursorPosX(), w, f);
    const float pad = 18.0f, inner = w - pad * 2;
    gap(t.gap);
    begin_panel(pad);
    paragraph(p.body, s.about.title, inner);
    gap(6);
    paragraph(p.small, s.about.version, inner);
    if (!s.about.sources_title.empty()) {
        gap(6);
        paragraph(p.small, s.about.sources_title, inner);
        for (const auto& source : s.about.sources) paragraph(p.small, source, inner);
    }
    if (!s.about.reviewed.empty()) {
        gap(6);
        paragraph(p.small, s.about.reviewed, inner);
    }
    gap(6);
    paragraph(p.muted, s.about.not_therapy, inner);
    gap(8);
    button_row(p, row, ImGui::GetCursorPosX(), inner, f);
    end_panel(p, t.quote, pad, w);
}

}  // namespace tend::ui
