#!/usr/bin/python3
"""Copy Dear ImGui's sources into the build tree without what a Tend reader can never reach.

Usage: trim_imgui.py IMGUI_DIR OUT_DIR

Writes OUT_DIR/imgui.cpp, imgui_widgets.cpp, imgui_draw.cpp and imstb_truetype.h (which the
copy of imgui_draw.cpp includes from beside it), never committed: the source stays upstream's,
as scripts/fetch-imgui unpacks it. Every byte of the wasm is downloaded by
every reader, and ImGui links code for things Tend never does, because the calls to it are
there even when what they wait for can't happen. Each trim below says why it can't:

- Tend never gives ImGui a key (web_platform.cpp sends only the pointer: replies go to a
  real <textarea>, keyboard use goes through the DOM mirror), so ImGui's keyboard
  navigation between windows (Ctrl+Tab), its Escape handling and Page Up/Down never act,
  and it never starts a navigation move: only arrows, Tab and the focus calls Tend never
  makes (SetKeyboardFocusHere, FocusItem) submit one, so g.NavMoveSubmitted never turns
  true, and the scoring of items for a move, its tabbing, wrapping and result never run.
- It never loads or saves an .ini file (io.IniFilename is null), so the settings code and
  the window handler's readers and writer are never called.
- It never opens a popup, tooltip or modal and never logs, so the placement of popups, the
  dimming behind a modal and the log's capture of text never run.
- Its one window has no scrollbar (ImGuiWindowFlags_NoDecoration).
- Its atlas always has ImFontAtlasFlags_NoMouseCursors (the browser draws the cursor), so
  the cursors' pixels are never drawn (the copy's are all zero), and it always adds our own
  font before building, so AddFontDefault() (ProggyClean, 12 KB of compressed data, and
  its decompressor), which ImFontAtlas::Build() calls only for an atlas without a font,
  adds nothing.
- That font has TrueType outlines (embed_font.py refuses any other), so stb_truetype's
  reader of CFF (OpenType's PostScript outlines) and its Type 2 charstrings never run.

Should a later ImGui differ where a trim is made, this fails rather than guess.
"""
import os
import sys

# (file, the function's first line as ImGui writes it, the body it gets)
BODIES = [
    ("imgui.cpp", "static void ImGui::NavUpdateWindowing()", ""),
    ("imgui.cpp", "void ImGui::NavUpdateWindowingOverlay()", ""),
    ("imgui.cpp", "static void ImGui::NavUpdateCancelRequest()", ""),
    ("imgui.cpp", "static float ImGui::NavUpdatePageUpPageDown()", "    return 0.0f;\n"),
    ("imgui.cpp", "void ImGui::NavUpdateCreateTabbingRequest()", ""),
    ("imgui.cpp", "void ImGui::NavMoveRequestSubmit(ImGuiDir move_dir, ImGuiDir clip_dir, ImGuiNavMoveFlags move_flags, ImGuiScrollFlags scroll_flags)",
     "    IM_UNUSED(move_dir);\n    IM_UNUSED(clip_dir);\n    IM_UNUSED(move_flags);\n    IM_UNUSED(scroll_flags);\n"),
    ("imgui.cpp", "static bool ImGui::NavScoreItem(ImGuiNavItemData* result)", "    IM_UNUSED(result);\n    return false;\n"),
    ("imgui.cpp", "void ImGui::NavProcessItemForTabbingRequest(ImGuiID id, ImGuiItemFlags item_flags, ImGuiNavMoveFlags move_flags)",
     "    IM_UNUSED(id);\n    IM_UNUSED(item_flags);\n    IM_UNUSED(move_flags);\n"),
    ("imgui.cpp", "void ImGui::NavMoveRequestApplyResult()", ""),
    ("imgui.cpp", "static void ImGui::NavUpdateCreateWrappingRequest()", ""),
    ("imgui.cpp", "void ImGui::LoadIniSettingsFromDisk(const char* ini_filename)", "    IM_UNUSED(ini_filename);\n"),
    ("imgui.cpp", "void ImGui::LoadIniSettingsFromMemory(const char* ini_data, size_t ini_size)",
     "    IM_UNUSED(ini_data);\n    IM_UNUSED(ini_size);\n"),
    ("imgui.cpp", "void ImGui::SaveIniSettingsToDisk(const char* ini_filename)", "    IM_UNUSED(ini_filename);\n"),
    ("imgui.cpp", "const char* ImGui::SaveIniSettingsToMemory(size_t* out_size)",
     "    if (out_size)\n        *out_size = 0;\n    return \"\";\n"),
    ("imgui.cpp", "static void* WindowSettingsHandler_ReadOpen(ImGuiContext*, ImGuiSettingsHandler*, const char* name)",
     "    IM_UNUSED(name);\n    return NULL;\n"),
    ("imgui.cpp", "static void WindowSettingsHandler_ReadLine(ImGuiContext*, ImGuiSettingsHandler*, void* entry, const char* line)",
     "    IM_UNUSED(entry);\n    IM_UNUSED(line);\n"),
    ("imgui.cpp", "static void WindowSettingsHandler_ApplyAll(ImGuiContext* ctx, ImGuiSettingsHandler*)", "    IM_UNUSED(ctx);\n"),
    ("imgui.cpp", "static void WindowSettingsHandler_WriteAll(ImGuiContext* ctx, ImGuiSettingsHandler* handler, ImGuiTextBuffer* buf)",
     "    IM_UNUSED(ctx);\n    IM_UNUSED(handler);\n    IM_UNUSED(buf);\n"),
    ("imgui.cpp", "void ImGui::LogRenderedText(const ImVec2* ref_pos, const char* text, const char* text_end)",
     "    IM_UNUSED(ref_pos);\n    IM_UNUSED(text);\n    IM_UNUSED(text_end);\n"),
    ("imgui.cpp", "ImVec2 ImGui::FindBestWindowPosForPopup(ImGuiWindow* window)", "    return window->Pos;\n"),
    ("imgui.cpp", "static void ImGui::RenderDimmedBackgrounds()", ""),
    ("imgui_widgets.cpp", "void ImGui::Scrollbar(ImGuiAxis axis)", "    IM_UNUSED(axis);\n"),
    ("imgui_draw.cpp", "ImFont* ImFontAtlas::AddFontDefault(const ImFontConfig* font_cfg_template)",
     "    IM_UNUSED(font_cfg_template);\n    return NULL;\n"),
    ("imstb_truetype.h", "static int stbtt__run_charstring(const stbtt_fontinfo *info, int glyph_index, stbtt__csctx *c)",
     "   (void)info; (void)glyph_index; (void)c;\n   return 0;\n"),
]

# (file, a line, what goes right after it)
INSERTS = [
    ("imstb_truetype.h", "      // initialization for CFF / Type2 fonts (OTF)\n",
     "      return 0;  // Tend's font is TrueType (trim_imgui.py)\n"),
]

# (file, the start of a static array's definition, where the next definition starts, what it becomes)
DATA = [
    ("imgui_draw.cpp", "static const char FONT_ATLAS_DEFAULT_TEX_DATA_PIXELS[FONT_ATLAS_DEFAULT_TEX_DATA_W * FONT_ATLAS_DEFAULT_TEX_DATA_H + 1] =",
     "static const ImVec2 FONT_ATLAS_DEFAULT_TEX_CURSOR_DATA[",
     "static const char FONT_ATLAS_DEFAULT_TEX_DATA_PIXELS[FONT_ATLAS_DEFAULT_TEX_DATA_W * FONT_ATLAS_DEFAULT_TEX_DATA_H + 1] = {};\n\n"),
]


def fail(what):
    sys.exit(f"trim_imgui: {what}: Dear ImGui changed; update src/web/trim_imgui.py")


def main(src_dir, out_dir):
    texts = {}
    for name in ("imgui.cpp", "imgui_widgets.cpp", "imgui_draw.cpp", "imstb_truetype.h"):
        with open(os.path.join(src_dir, name), encoding="utf-8") as f:
            texts[name] = f.read()
    for name, first_line, body in BODIES:
        text = texts[name]
        start = text.find("\n" + first_line + "\n{\n")
        if start < 0 or text.find("\n" + first_line + "\n{\n", start + 1) >= 0:
            fail(f"{name} has no single definition starting {first_line!r}")
        open_at = start + len(first_line) + 4  # just past "{\n"
        close_at = text.find("\n}\n", open_at - 1)  # ImGui closes a function at column 0
        if close_at < 0:
            fail(f"the end of {first_line!r} in {name}")
        texts[name] = text[:open_at] + body + text[close_at + 1:]
    for name, begin, end, replacement in DATA:
        text = texts[name]
        a, b = text.find(begin), text.find(end)
        if a < 0 or b < 0 or b < a:
            fail(f"{name} has no {begin!r} before {end!r}")
        texts[name] = text[:a] + replacement + text[b:]
    for name, line, after in INSERTS:
        text = texts[name]
        at = text.find(line)
        if at < 0 or text.find(line, at + 1) >= 0:
            fail(f"{name} has no single line {line!r}")
        texts[name] = text[:at + len(line)] + after + text[at + len(line):]
    os.makedirs(out_dir, exist_ok=True)
    for name, text in texts.items():
        out = os.path.join(out_dir, name)
        with open(out, "w", encoding="utf-8") as f:  # always: the copies' objects depend on each other's dates
            f.write("// Generated by src/web/trim_imgui.py from Dear ImGui's " + name + "; do not edit.\n" + text)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(*sys.argv[1:])
