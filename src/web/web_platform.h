// dear imgui: Platform Backend for a canvas that is a guest in someone else's web page
// (Pointer Events from web/src/engine_library.js, through page.h). Written for Tend; in the imgui_impl_* spirit.
//
// Implemented features:
//  [X] Platform: mouse, touch and pen through Pointer Events, with io.AddMouseSourceEvent();
//      after a finger lifts the mouse moves to (-FLT_MAX, -FLT_MAX) so nothing stays hovered.
//  [ ] Platform: keyboard. Deliberately not fed: the canvas is aria-hidden and can't take
//      focus; the keyboard works the page's DOM mirror of the step (web/src/mirror.js), whose
//      focus the view draws as a ring (ui::ViewState::focus).
//  [X] Platform: display size in CSS px, DisplayFramebufferScale = device pixels per CSS px.
//  [ ] Platform: mouse wheel. Deliberately not fed: the wheel scrolls the article, never us.
//  [ ] Platform: text input. Answers are typed into a real <textarea> (web/src/mirror.js places it).
//  [ ] Platform: mouse cursor shapes, gamepad, clipboard (the widget uses navigator.clipboard).
//  [ ] Platform: multi-viewports.
//
// Manners in a page: every listener is on the widget's own canvas, none on window/document.
//
// All state is one struct in io.BackendPlatformUserData, so each ImGui context (one per widget)
// has its own. Event callbacks only feed io.Add…Event and tell the owner to draw a frame.
//
// CHANGELOG
//  2025-xx-xx: first version (Tend).
#pragma once

#include "imgui.h"

// on_input is called after any event that ImGui should see in a frame soon.
bool ImGui_ImplTendWeb_Init(const char* canvas_selector, void (*on_input)(void* user), void* user);
void ImGui_ImplTendWeb_Shutdown();
// css_w/css_h: the canvas's CSS size; fb_w/fb_h: its backing store in device pixels.
void ImGui_ImplTendWeb_NewFrame(double now_ms, float css_w, float css_h, int fb_w, int fb_h);

// Pointer Events arrive through an exported C entry point (see exports.cpp).
// kind: 0 move, 1 down, 2 up, 3 cancel, 4 leave; source: 0 mouse, 1 touch, 2 pen.
void ImGui_ImplTendWeb_OnPointer(int kind, float x, float y, int button, int source);
