// Tend draws no tables and no legacy columns, but imgui.cpp and imgui_widgets.cpp call into
// imgui_tables.cpp from a few places (frame garbage collection, ending a window, selectables
// spanning columns), each behind a check that a table or columns are active, which in Tend
// is never so. Compiling all of imgui_tables.cpp for those calls costs every reader about
// 2 KB gzipped, so src/web/CMakeLists.txt builds this file in its place: the same entry
// points, doing nothing. Nothing here is ever reached with a table present; should a
// future view call BeginTable(), the link fails (BeginTable isn't defined here), which is
// the reminder to put imgui_tables.cpp back.
#include "imgui.h"
#include "imgui_internal.h"

void ImGui::TableSettingsAddSettingsHandler() {}  // no .ini settings at all (io.IniFilename is null)
void ImGui::TableGcCompactSettings() {}
void ImGui::TableGcCompactTransientBuffers(ImGuiTable*) {}
void ImGui::TableGcCompactTransientBuffers(ImGuiTableTempData*) {}
void ImGui::TableEndRow(ImGuiTable*) {}
void ImGui::TablePushBackgroundChannel() {}
void ImGui::TablePopBackgroundChannel() {}
void ImGui::EndTable() {}
void ImGui::PushColumnsBackground() {}
void ImGui::PopColumnsBackground() {}
void ImGui::EndColumns() {}
