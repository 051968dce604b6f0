// Tend: a Dear ImGui renderer backend for a WebGL2 context the widget owns.
//
// Why not imgui_impl_opengl3: it is written for a context shared with an application, so it
// backs up and restores GL state around every frame. In a browser each of those
// glGet*/getParameter queries is a round trip to the GPU process; glGetIntegerv(GL_SCISSOR_BOX)
// alone made the main thread wait 50–60 ms a frame for software WebGL to finish the previous
// frame. Our context is ours alone, so this renderer sets its state each frame and never
// asks for any. It also leaves out the desktop-GL version probing (and with it libc's sscanf).
//
// [X] Renderer: one font texture, single channel (the atlas is coverage only: a quarter of
//     the upload and the memory of RGBA).
// [X] Renderer: 16-bit indices, no ImGuiBackendFlags_RendererHasVtxOffset (WebGL2 has no
//     base-vertex draw call).
// [ ] Renderer: user textures (Tend draws none).
//
// Shader compile and link are issued at Init and checked at the first draw: the GPU process
// compiles while the main thread builds the font atlas, instead of the main thread waiting.
#pragma once

#include "imgui.h"

bool ImGui_ImplTendGL_Init();         // the context must be current
void ImGui_ImplTendGL_Shutdown();     // also after a context loss: forgets the (dead) objects
void ImGui_ImplTendGL_UpdateFontsTexture();  // after io.Fonts was (re)built; frees the CPU copy
void ImGui_ImplTendGL_RenderDrawData(ImDrawData* draw_data, int fb_width, int fb_height);
