#include "ui/step_view.h"

#include <cmath>
#include <algorithm>
#include <cstdio>

#include "ui/strings.h"

namespace tend::ui {

namespace {

constexpr float kMaxColumn = 660.0f;  // a readable measure, even in a 900 px widget

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

void words_panel(const Paint& p, const std::string& label, const std::string& text, float w) {
    if (!label.empty()) {
        paragraph(p.small, label, w);
    }
    const float pad = 16.0f;
    begin_panel(pad);
    TextStyle quote = p.body;
    paragraph(quote, text, w - pad * 2);
    end_panel(p, p.theme->quote, pad, w);
}

}  // namespace

std::string progress_text(const StepView& v) {
    if (v.in_safety) return str::kTakingPause;
    if (v.is_end) return str::kFinished;
    char progress[64];
    std::snprintf(progress, sizeof progress, str::kStepOfAbout, v.step_number, std::max(v.step_number, v.step_total));
    return progress;
}

std::string resource_action(const Link& r) {
    return r.url.rfind("tel:", 0) == 0 ? "Call " + r.url.substr(4)
         : r.url.rfind("sms:", 0) == 0 ? "Text " + r.url.substr(4)
         : "Open " + r.label;
}

bool disclaimer_repeated(const Screen& s) {
    return std::find(s.view->paragraphs.begin(), s.view->paragraphs.end(), s.disclaimer) != s.view->paragraphs.end();
}

Frame StepScreen::draw(const Screen& s, const Theme& t, const Fonts& fonts, float width, float dt) {
    Frame f;
    collect_targets(&f.targets, s.focus, t.accent);
    const StepView& v = *s.view;

    // A new step (or entering/leaving the pause path) fades in; reduced motion just shows it.
    std::string key = v.step_id + (v.in_safety ? "#safety" : "");
    if (key != shown_key_) {
        shown_key_ = key;
        fade_ = s.reduced_motion ? 1.0f : 0.0f;
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
    header(p, s, w, &f.intents);

    float eased = 1.0f - (1.0f - fade_) * (1.0f - fade_);
    ImGui::PushStyleVar(ImGuiStyleVar_Alpha, eased);
    p = make_paint(t, fonts);  // colours now carry the fade
    body(p, s, w, &f);
    controls(p, s, w, &f.intents);
    if (v.is_end) ending(p, s, w, &f.intents);
    ImGui::PopStyleVar();
    ImGui::EndGroup();
    ImGui::PopTextWrapPos();

    f.content_height = ImGui::GetItemRectMax().y - ImGui::GetWindowPos().y + pad;
    collect_targets(nullptr);
    return f;
}

void StepScreen::header(const Paint& p, const Screen& s, float w, Intents* in) {
    const Theme& t = *p.theme;
    const StepView& v = *s.view;
    ImDrawList* dl = ImGui::GetWindowDrawList();

    // The opening screen has the title as its heading; later steps keep it in the header.
    std::string name = s.opening ? s.practice_name
                       : s.practice_name.empty() ? s.title : s.practice_name + "  ·  " + s.title;
    std::string progress = progress_text(v);

    // "I need a pause" sits top right, always one tap away (inside the path, the controls
    // offer the way back instead). On a phone the name gets its own line above it.
    std::string action = v.in_safety ? "" : str::kNeedPause;
    bool narrow = w < 420.0f;
    float action_w = action.empty() ? 0 : button_width(p, action, narrow ? 1.3f : 2.0f);
    if (narrow && !name.empty()) {
        paragraph(p.small, name, w);
        gap(4);
    }
    ImVec2 top = ImGui::GetCursorPos();
    if (!action.empty()) {
        ImGui::SetCursorPos(ImVec2(top.x + w - action_w, top.y));
        if (button(p, "##need_pause", action, action_w, ButtonKind::Secondary)) in->enter_safety = true;
    }
    float left_w = w - action_w - (action.empty() ? 0 : t.gap);
    // In the narrowest columns "Step 3 of about 9" would wrap a word to a line beside the
    // button; it goes under the button instead, on one line of its own.
    bool progress_under = narrow && !action.empty() &&
                          p.small.font->CalcTextSizeA(p.small.size, FLT_MAX, 0, progress.c_str()).x > left_w;
    std::string beside = !narrow ? name : progress_under ? std::string() : progress;
    float beside_h = beside.empty() ? 0.0f : measure_text(p.small, beside, left_w);
    if (!beside.empty())
        draw_text_at(dl, p.small, ImGui::GetWindowPos() + ImVec2(top.x, top.y + std::max(0.0f, (t.tap - beside_h) * 0.5f)),
                     beside, left_w);
    ImGui::SetCursorPos(ImVec2(top.x, top.y + std::max(action.empty() ? 0.0f : t.tap, beside_h)));
    gap(10);
    if (!narrow || progress_under) paragraph(p.small, progress, w);

    // A thin bar that fills gently.
    ImVec2 bar = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(w, t.progress_bar));
    float total = static_cast<float>(std::max(v.step_number, v.step_total));
    float frac = v.is_end ? 1.0f : total > 0 ? std::clamp(v.step_number / total, 0.0f, 1.0f) : 0.0f;
    dl->AddRectFilled(bar, bar + ImVec2(w, t.progress_bar), colour(t.control_hover), t.progress_bar);
    if (frac > 0 && !v.in_safety)
        dl->AddRectFilled(bar, bar + ImVec2(std::max(t.progress_bar, w * frac), t.progress_bar),
                          colour(mix(t.soft, t.accent, 0.7f)), t.progress_bar);
    gap(t.section_gap);

    for (const auto& n : s.notices) {
        begin_panel(16.0f);
        paragraph(p.notice, n, w - 32.0f);
        end_panel(p, t.notice, 16.0f, w);
        gap(t.gap);
    }
}

void StepScreen::opening(const Paint& p, const Screen& s, float w) {
    const Theme& t = *p.theme;
    paragraph(p.prompt, s.title, w);
    if (s.minutes > 0) {
        char buf[48];
        std::snprintf(buf, sizeof buf, s.minutes == 1 ? str::kAboutMinute : str::kAboutMinutes, s.minutes);
        paragraph(p.small, buf, w);
    }
    gap(t.paragraph_gap);
    if (!s.intro.empty()) paragraph(p.body, s.intro, w);
    if (!s.content_note.empty()) {
        gap(t.paragraph_gap * 0.5f);
        paragraph(p.muted, std::string(str::kContentNote) + s.content_note, w);
    }
    // Many exercises say it again in their first step; once is kinder than twice.
    if (!s.disclaimer.empty() && !disclaimer_repeated(s)) {
        gap(t.paragraph_gap * 0.5f);
        paragraph(p.small, s.disclaimer, w);
    }
    gap(t.section_gap);
}

void StepScreen::body(const Paint& p, const Screen& s, float w, Frame* f) {
    const Theme& t = *p.theme;
    const StepView& v = *s.view;

    if (v.in_safety && !s.resources.empty()) {
        begin_panel(18.0f);
        paragraph(p.body, str::kResourcesTitle, w - 36.0f);
        for (size_t i = 0; i < s.resources.size(); i++) {
            const Link& r = s.resources[i];
            gap(6);
            paragraph(p.body, r.label, w - 36.0f);
            paragraph(p.small, r.text, w - 36.0f);
            if (!r.url.empty()) {
                ImGui::PushID(static_cast<int>(i));
                std::string label = resource_action(r);
                if (button(p, "##resource", label, std::min(w - 36.0f, button_width(p, label)), ButtonKind::Secondary, true,
                           "resource:" + std::to_string(i)))
                    f->intents.open_link = r.url;
                ImGui::PopID();
            }
        }
        end_panel(p, t.quote, 18.0f, w);
        gap(t.section_gap);
    }

    if (s.opening) opening(p, s, w);
    if (s.privacy_line) {
        paragraph(p.small, str::kPrivacy, w);
        gap(t.section_gap * 0.75f);
    }

    for (const auto& para : v.paragraphs) {
        paragraph(p.body, para, w);
        gap(t.paragraph_gap);
    }

    switch (v.kind) {
        case StepKind::Text: question_text(p, v, w, f); break;
        case StepKind::Choice: question_choice(p, v, w, f); break;
        case StepKind::Scale: question_scale(p, v, w, f); break;
        case StepKind::Pause:
            gap(t.paragraph_gap);
            if (s.pacer) pacer_.draw(p, w, s, &f->intents, &f->needs);
            break;
        case StepKind::Summary: summary(p, s, w); break;
        default: break;
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
    dl->AddRectFilled(pos, pos + ImVec2(w, h), colour(mix(t.surface, ImVec4(1, 1, 1, 1), 0.7f)), t.radius);
    dl->AddRect(pos, pos + ImVec2(w, h), colour(t.outline), t.radius, 0, 1.5f);
    f->field.visible = true;
    f->field.pos = pos - ImGui::GetWindowPos();
    f->field.size = ImVec2(w, h);
}

void StepScreen::question_text(const Paint& p, const StepView& v, float w, Frame* f) {
    paragraph(p.prompt, v.prompt, w);
    if (!v.hint.empty()) paragraph(p.muted, v.hint, w);
    gap(p.theme->gap);
    field(p, w, f);
}

void StepScreen::question_choice(const Paint& p, const StepView& v, float w, Frame* f) {
    paragraph(p.prompt, v.prompt, w);
    if (v.multiple) paragraph(p.small, str::kChooseAny, w);
    gap(p.theme->gap);
    for (size_t i = 0; i < v.choices.size(); i++) {
        ImGui::PushID(static_cast<int>(i));
        if (option(p, "##option", v.choices[i].label, v.choices[i].selected, v.multiple, w, "option:" + v.choices[i].id))
            f->intents.choose = v.choices[i].id;
        ImGui::PopID();
    }
    if (!v.other_label.empty()) {
        if (option(p, "##other", v.other_label, v.other_selected, v.multiple, w, "other")) f->intents.other = !v.other_selected;
        if (v.other_selected) field(p, w, f);
    }
}

void StepScreen::question_scale(const Paint& p, const StepView& v, float w, Frame* f) {
    const Theme& t = *p.theme;
    paragraph(p.prompt, v.prompt, w);
    gap(t.gap);
    int n = v.scale_max - v.scale_min + 1;
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
        int value = v.scale_min + i;
        if (i % per_row == 0) ImGui::SetCursorPosX(ImGui::GetCursorPosX());
        else ImGui::SameLine(0, g);
        ImVec2 pos = ImGui::GetCursorScreenPos();
        ImGui::PushID(value);
        bool pressed = ImGui::InvisibleButton("##scale", ImVec2(size, std::max(size, t.scale_tap)));
        bool hovered = ImGui::IsItemHovered();
        if (pressed) f->intents.scale = value;
        bool selected = value == v.scale_value;
        ImVec2 b = pos + ImVec2(size, std::max(size, t.scale_tap));
        dl->AddRectFilled(pos, b, colour(selected ? t.accent : hovered ? t.soft_hover : t.control), std::min(t.radius, size * 0.5f));
        char num[8];
        std::snprintf(num, sizeof num, "%d", value);
        TextStyle ts = selected ? p.on_accent : p.body;
        draw_text_at(dl, ts, ImVec2(pos.x, pos.y + (b.y - pos.y - ts.line_height) * 0.5f), num, size, 0.5f);
        note_target("##scale", num, std::string("scale:") + num);
        ImGui::PopID();
    }
    gap(4);
    float label_w = std::max(row_w * 0.45f, 80.0f);
    ImVec2 at = ImGui::GetCursorScreenPos();
    float h1 = draw_text_at(dl, p.small, at, v.min_label, label_w);
    float h2 = draw_text_at(dl, p.small, ImVec2(at.x + row_w - label_w, at.y), v.max_label, label_w, 1.0f);
    ImGui::Dummy(ImVec2(row_w, std::max(h1, h2)));
}

void StepScreen::summary(const Paint& p, const Screen& s, float w) {
    for (const auto& line : s.view->summary) {
        if (line.text.empty()) continue;  // skipped: left out, never "(skipped)"
        words_panel(p, line.label, line.text, w);
        gap(p.theme->gap);
    }
}

void StepScreen::controls(const Paint& p, const Screen& s, float w, Intents* in) {
    const Theme& t = *p.theme;
    const StepView& v = *s.view;
    float left = ImGui::GetCursorPosX();
    bool narrow = w < 420.0f;

    if (v.in_safety && v.can_return) {
        float rw = narrow ? w : button_width(p, str::kReturn);
        if (button(p, "##return", str::kReturn, rw, ButtonKind::Secondary)) in->leave_safety = true;
        gap(t.gap);
    }
    if (v.is_end) return;

    float cont_w = narrow ? w : button_width(p, str::kContinue);
    float skip_w = v.can_skip ? button_width(p, str::kSkip) : 0;
    float back_w = v.can_back ? button_width(p, str::kBack) : 0;
    if (narrow) {
        // Phone: Continue spans the width where a thumb rests; Back and Skip share a row.
        if (button(p, "##continue", str::kContinue, cont_w, ButtonKind::Primary, v.can_continue)) in->next = true;
        if (v.can_back || v.can_skip) {
            ImGui::SetCursorPosX(left);
            if (v.can_back && button(p, "##back", str::kBack, back_w, ButtonKind::Quiet)) in->back = true;
            if (v.can_skip) {
                if (v.can_back) ImGui::SameLine(0, 0);
                ImGui::SetCursorPosX(left + w - skip_w);
                if (button(p, "##skip", str::kSkip, skip_w, ButtonKind::Quiet)) in->skip = true;
            }
        }
        return;
    }
    float y = ImGui::GetCursorPosY();
    if (v.can_back) {
        if (button(p, "##back", str::kBack, back_w, ButtonKind::Quiet)) in->back = true;
    }
    float right = left + w;
    ImGui::SetCursorPos(ImVec2(right - cont_w, y));
    if (button(p, "##continue", str::kContinue, cont_w, ButtonKind::Primary, v.can_continue)) in->next = true;
    if (v.can_skip) {
        ImGui::SetCursorPos(ImVec2(right - cont_w - t.gap - skip_w, y));
        if (button(p, "##skip", str::kSkip, skip_w, ButtonKind::Quiet)) in->skip = true;
    }
    ImGui::SetCursorPosX(left);
}

void StepScreen::ending(const Paint& p, const Screen& s, float w, Intents* in) {
    const Theme& t = *p.theme;
    float left = ImGui::GetCursorPosX();
    if (!s.words.empty()) {
        paragraph(p.prompt, str::kYourWords, w);
        gap(t.gap);
        for (const auto& wd : s.words) {
            words_panel(p, wd.question, wd.answer, w);
            gap(t.gap);
        }
    }
    gap(t.gap);
    paragraph(p.small, str::kKeepThem, w);
    Flow flow(left, w);
    struct { const char* id; const char* label; bool* out; } actions[] = {
        {"##copy", str::kCopy, &in->copy},
        {"##txt", str::kDownloadText, &in->download_text},
        {"##json", str::kDownloadJson, &in->download_json},
    };
    for (auto& a : actions) {
        float bw = std::min(w, button_width(p, a.label));
        flow.place(bw);
        if (button(p, a.id, a.label, bw, ButtonKind::Secondary)) *a.out = true;
    }
    if (!s.flash.empty()) paragraph(p.muted, s.flash, w);
    gap(t.section_gap);

    if (!s.cta_link.empty()) {
        begin_panel(20.0f);
        std::string lead = s.practice_name.empty() ? std::string(str::kCtaLead) : s.practice_name;
        paragraph(p.body, lead, w - 40.0f);
        gap(8);
        std::string cta = s.cta_text.empty() ? str::kCtaDefault : s.cta_text;
        float cw = std::min(w - 40.0f, button_width(p, cta));
        if (button(p, "##cta", cta, cw, ButtonKind::Primary)) in->open_link = s.cta_link;
        end_panel(p, t.soft, 20.0f, w);
        gap(t.section_gap);
    }

    if (!s.journal.empty()) {
        char label[64];
        std::snprintf(label, sizeof label, s.journal_open ? str::kHideJournal : str::kShowJournal, static_cast<int>(s.journal.size()));
        if (button(p, "##journal", label, std::min(w, button_width(p, label)), ButtonKind::Quiet)) in->toggle_journal = true;
        if (s.journal_open) {
            for (const auto& e : s.journal) {
                words_panel(p, e.when, e.text, w);
                gap(t.gap);
            }
        }
        gap(t.gap);
    }

    Flow last(left, w);
    if (!s.confirm_delete) {
        float rw = button_width(p, str::kBeginAgain), dw = button_width(p, str::kDelete);
        last.place(rw);
        if (button(p, "##again", str::kBeginAgain, rw, ButtonKind::Quiet)) in->restart = true;
        last.place(dw);
        if (button(p, "##delete", str::kDelete, dw, ButtonKind::Caution)) in->ask_delete = true;
    } else {
        begin_panel(18.0f);
        paragraph(p.body, str::kDeleteConfirm, w - 36.0f);
        Flow row(ImGui::GetCursorPosX(), w - 36.0f);
        float yw = button_width(p, str::kDeleteYes), nw = button_width(p, str::kDeleteNo);
        row.place(yw);
        if (button(p, "##delete_yes", str::kDeleteYes, yw, ButtonKind::Caution)) in->delete_all = true;
        row.place(nw);
        if (button(p, "##delete_no", str::kDeleteNo, nw, ButtonKind::Secondary)) in->cancel_delete = true;
        end_panel(p, t.control, 18.0f, w);
    }
}

}  // namespace tend::ui
