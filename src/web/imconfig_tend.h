// Tend's Dear ImGui configuration: everything a reader never sees is compiled out, because
// every byte of the wasm is downloaded by every reader of the blog post.
#pragma once

#define IMGUI_DISABLE_DEMO_WINDOWS
#define IMGUI_DISABLE_DEBUG_TOOLS
#define IMGUI_DISABLE_FILE_FUNCTIONS          // no filesystem in the wasm (-sFILESYSTEM=0)
#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
#define IMGUI_DISABLE_WIN32_FUNCTIONS
#define IMGUI_DISABLE_DEFAULT_FONT             // we always embed our own (Lato subset)
#define IMGUI_DISABLE_SSE
#define IMGUI_DISABLE_DEFAULT_FORMAT_FUNCTIONS // ImFormatString(V) are ours: imgui_format.cpp, without libc's printf
#define IMGUI_DEFINE_MATH_OPERATORS                // ImVec2 arithmetic in our drawing code
