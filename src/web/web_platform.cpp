// See web_platform.h for what this backend does and does not do.
#include "web_platform.h"

#include <cfloat>
#include <string>

#include "page.h"

namespace {

struct BackendData {
    std::string selector;
    void (*on_input)(void*) = nullptr;
    void* user = nullptr;
    double last_ms = 0;
};

BackendData* backend() {
    return ImGui::GetCurrentContext() ? static_cast<BackendData*>(ImGui::GetIO().BackendPlatformUserData) : nullptr;
}

void poke(BackendData* bd) {
    if (bd->on_input) bd->on_input(bd->user);
}

}  // namespace

bool ImGui_ImplTendWeb_Init(const char* canvas_selector, void (*on_input)(void*), void* user) {
    ImGuiIO& io = ImGui::GetIO();
    IM_ASSERT(io.BackendPlatformUserData == nullptr && "Already initialized a platform backend!");
    BackendData* bd = IM_NEW(BackendData)();
    bd->selector = canvas_selector;
    bd->on_input = on_input;
    bd->user = user;
    io.BackendPlatformUserData = bd;
    io.BackendPlatformName = "imgui_impl_tend_web";
    io.ConfigInputTextCursorBlink = false;  // no idle frames for a blinking caret
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;

    tend::web::page::listen_pointer(bd->selector, true);
    return true;
}

void ImGui_ImplTendWeb_Shutdown() {
    BackendData* bd = backend();
    IM_ASSERT(bd != nullptr && "No platform backend to shutdown, or already shutdown?");
    tend::web::page::listen_pointer(bd->selector, false);
    ImGuiIO& io = ImGui::GetIO();
    io.BackendPlatformUserData = nullptr;
    io.BackendPlatformName = nullptr;
    IM_DELETE(bd);
}

void ImGui_ImplTendWeb_NewFrame(double now_ms, float css_w, float css_h, int fb_w, int fb_h) {
    BackendData* bd = backend();
    IM_ASSERT(bd != nullptr && "Did you call ImGui_ImplTendWeb_Init()?");
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(css_w, css_h);
    if (css_w > 0 && css_h > 0) io.DisplayFramebufferScale = ImVec2(fb_w / css_w, fb_h / css_h);
    // Frames come only when needed, so gaps can be long: ImGui wants a positive, sane step.
    double dt = bd->last_ms > 0 ? (now_ms - bd->last_ms) / 1000.0 : 1.0 / 60.0;
    io.DeltaTime = static_cast<float>(dt < 1e-4 ? 1e-4 : dt > 0.25 ? 0.25 : dt);
    bd->last_ms = now_ms;
}

void ImGui_ImplTendWeb_OnPointer(int kind, float x, float y, int button, int source) {
    BackendData* bd = backend();
    if (!bd) return;
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(source == 1 ? ImGuiMouseSource_TouchScreen
                           : source == 2 ? ImGuiMouseSource_Pen : ImGuiMouseSource_Mouse);
    int b = button == 2 ? 1 : button == 1 ? 2 : 0;  // DOM: 0 left, 1 middle, 2 right
    switch (kind) {
        case 0: io.AddMousePosEvent(x, y); break;
        case 1:
            io.AddMousePosEvent(x, y);
            io.AddMouseButtonEvent(b, true);
            break;
        case 2:
            io.AddMousePosEvent(x, y);
            io.AddMouseButtonEvent(b, false);
            if (source != 0) io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);  // a lifted finger hovers nothing
            break;
        case 3:  // the browser took the gesture (a scroll): release away from every item, no click
            io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
            io.AddMouseButtonEvent(b, false);
            break;
        case 4:
            if (source == 0 && !ImGui::IsAnyMouseDown()) io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
            break;
    }
    poke(bd);
}
