#include "fonts.h"

#include "font_data.h"
#include "imgui_internal.h"  // ImTextCharFromUtf8

namespace tend::web {

namespace {

bool font_has(unsigned c) {
    for (const ImWchar* r = kFontRanges; r[0]; r += 2)
        if (c >= r[0] && c <= r[1]) return true;
    return false;
}

}  // namespace

bool font_covers(const std::string& utf8) {
    const char* p = utf8.c_str();
    const char* end = p + utf8.size();
    while (p < end) {
        unsigned c = static_cast<unsigned char>(*p);
        if (c < 0x80) {
            p++;
            continue;
        }
        p += ImTextCharFromUtf8(&c, p, end);
        if (c != 0xFEFF && c != 0x200B && !font_has(c)) return false;
    }
    return true;
}

GlyphSet::GlyphSet() {
    // Printable ASCII always (digits, the fallback '?'), and the marks ImGui and our own
    // words use: the ellipsis ImGui clips with, quotes and dashes.
    for (unsigned c = 0x20; c < 0x7F; c++) used_.AddChar(static_cast<ImWchar>(c));
    add("\u2018\u2019\u201C\u201D\u2013\u2014\u2022\u2026\u00A0\u00B7");  // \u00B7: the header row of step_view
}

bool GlyphSet::add(const std::string& utf8) {
    bool grew = false;
    const char* p = utf8.c_str();
    const char* end = p + utf8.size();
    while (p < end) {
        unsigned c = static_cast<unsigned char>(*p);
        if (c < 0x80) {  // most text: skip the decoder
            p++;
            continue;
        }
        p += ImTextCharFromUtf8(&c, p, end);
        if (c > IM_UNICODE_CODEPOINT_MAX || used_.GetBit(c) || !font_has(c)) continue;
        used_.SetBit(c);
        grew = stale_ = true;
    }
    return grew;
}

const ImWchar* GlyphSet::ranges() {
    if (stale_) {
        ranges_.resize(0);
        used_.BuildRanges(&ranges_);
        stale_ = false;
    }
    return ranges_.Data;
}

ui::Fonts build_fonts(const ui::Theme& theme, float density, GlyphSet& glyphs) {
    const ImWchar* ranges = glyphs.ranges();
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->Clear();
    atlas->Flags |= ImFontAtlasFlags_NoMouseCursors;  // the browser draws the cursor
    auto add = [&](float em) {
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = false;  // the bytes live in the wasm's data section
        cfg.RasterizerDensity = density;
        cfg.OversampleH = density >= 1.75f ? 1 : 2;  // dense screens don't need the extra samples
        cfg.OversampleV = 1;
        // ImGui sizes by ascent-to-descent; CSS (and our theme) by the em.
        return atlas->AddFontFromMemoryTTF(const_cast<unsigned char*>(kFontData), static_cast<int>(kFontSize),
                                           em * kFontHeightPerEm, &cfg, ranges);
    };
    ui::Fonts f;
    f.body = add(theme.body_px);
    f.small = add(theme.small_px);
    f.prompt = add(theme.prompt_px);
    atlas->Build();
    return f;
}

int count_missing_glyphs(const ui::Fonts& fonts, const std::string& text) {
    if (!fonts.body) return -1;
    int missing = 0;
    const char* p = text.c_str();
    const char* end = p + text.size();
    while (p < end) {
        unsigned c = 0;
        p += ImTextCharFromUtf8(&c, p, end);
        if (c < 0x20) continue;
        for (const ImFont* f : {fonts.body, fonts.small, fonts.prompt})
            if (!f->FindGlyphNoFallback(static_cast<ImWchar>(c))) {
                missing++;
                break;
            }
    }
    return missing;
}

}  // namespace tend::web
