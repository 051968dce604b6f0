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

// ImGui's maths as its defaults have them (libm), but for sine and cosine: libc's sinf and
// cosf bring a 2.7 KB table for reducing any float exactly, and nothing Tend draws turns that
// far (src/core/trig.h). IMGUI_DISABLE_DEFAULT_MATH_FUNCTIONS asks for all of them.
#define IMGUI_DISABLE_DEFAULT_MATH_FUNCTIONS
#include <math.h>
#include <stdlib.h>
namespace tend {
float sin_f(float x);
float cos_f(float x);
}  // namespace tend
#define ImFabs(X) fabsf(X)
#define ImSqrt(X) sqrtf(X)
#define ImFmod(X, Y) fmodf((X), (Y))
#define ImCos(X) tend::cos_f(X)
#define ImSin(X) tend::sin_f(X)
#define ImAcos(X) acosf(X)
#define ImAtan2(Y, X) atan2f((Y), (X))
#define ImAtof(STR) atof(STR)
#define ImCeil(X) ceilf(X)
static inline float ImPow(float x, float y) { return powf(x, y); }
static inline double ImPow(double x, double y) { return pow(x, y); }
static inline float ImLog(float x) { return logf(x); }
static inline double ImLog(double x) { return log(x); }
static inline int ImAbs(int x) { return x < 0 ? -x : x; }
static inline float ImAbs(float x) { return fabsf(x); }
static inline double ImAbs(double x) { return fabs(x); }
static inline float ImSign(float x) { return x < 0.0f ? -1.0f : x > 0.0f ? 1.0f : 0.0f; }
static inline double ImSign(double x) { return x < 0.0 ? -1.0 : x > 0.0 ? 1.0 : 0.0; }
static inline float ImRsqrt(float x) { return 1.0f / sqrtf(x); }
static inline double ImRsqrt(double x) { return 1.0 / sqrt(x); }
