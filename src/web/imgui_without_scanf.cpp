// Dear ImGui calls sscanf in three places: reading .ini settings (Tend never loads any:
// io.IniFilename is null), parsing a number typed into an Input/Drag/Slider widget (Tend
// has none: replies go to a real <textarea>), and colour pickers (none either). Linking
// libc's scanf for them costs every reader about 5 KB gzipped, so src/web/CMakeLists.txt
// compiles ImGui with sscanf renamed to this, which converts nothing: each caller then
// sees "no fields read" and keeps its current value, which is also what it does for a
// malformed line.
#include <cstdarg>

extern "C" int tend_imgui_sscanf(const char*, const char*, ...) { return 0; }
