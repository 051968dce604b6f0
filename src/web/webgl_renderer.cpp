// See webgl_renderer.h for what this backend does and does not do.
#include "webgl_renderer.h"

#include <GLES3/gl3.h>
#include <emscripten/console.h>

#include <cstddef>
#include <cstdint>

namespace {

// Attribute locations are bound before linking, so nothing is looked up afterwards.
enum : GLuint { kPos = 0, kUV = 1, kColour = 2 };

// u_xform takes CSS px to clip space: scale in .xy, offset in .zw.
const char* const kVertexShader = R"(#version 300 es
uniform vec4 u_xform;
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec2 a_uv;
layout(location = 2) in vec4 a_colour;
out vec2 v_uv;
out vec4 v_colour;
void main() {
    v_uv = a_uv;
    v_colour = a_colour;
    gl_Position = vec4(a_pos * u_xform.xy + u_xform.zw, 0.0, 1.0);
})";

// The atlas holds coverage in its red channel; ImGui's solid shapes sample its white pixel.
const char* const kFragmentShader = R"(#version 300 es
precision mediump float;
uniform sampler2D u_atlas;
in vec2 v_uv;
in vec4 v_colour;
out vec4 o_colour;
void main() {
    o_colour = vec4(v_colour.rgb, v_colour.a * texture(u_atlas, v_uv).r);
})";

struct RendererData {
    GLuint program = 0, vao = 0, vbo = 0, ebo = 0, font_texture = 0;
    GLint xform = -1;
    bool checked = false;  // link status looked at (once, at the first draw)
    bool broken = false;   // the shaders didn't link: draw nothing rather than garbage
};

RendererData* renderer() {
    return ImGui::GetCurrentContext() ? static_cast<RendererData*>(ImGui::GetIO().BackendRendererUserData) : nullptr;
}

GLuint shader(GLenum kind, const char* source) {
    GLuint s = glCreateShader(kind);
    glShaderSource(s, 1, &source, nullptr);
    glCompileShader(s);
    return s;
}

// The first status query waits for the GPU process; by the first draw it has long finished.
bool linked(RendererData* rd) {
    if (rd->checked) return !rd->broken;
    rd->checked = true;
    GLint ok = 0;
    glGetProgramiv(rd->program, GL_LINK_STATUS, &ok);
    if (!ok) {
        char log[512] = "";
        glGetProgramInfoLog(rd->program, sizeof log, nullptr, log);
        emscripten_console_error("Tend: the widget's WebGL shaders did not link; nothing is drawn.");
        emscripten_console_error(log);
        rd->broken = true;
    } else {
        rd->xform = glGetUniformLocation(rd->program, "u_xform");
    }
    return ok != 0;
}

}  // namespace

bool ImGui_ImplTendGL_Init() {
    ImGuiIO& io = ImGui::GetIO();
    IM_ASSERT(io.BackendRendererUserData == nullptr && "renderer already initialised");
    auto* rd = IM_NEW(RendererData)();
    io.BackendRendererUserData = rd;
    io.BackendRendererName = "tend_webgl2";

    GLuint vs = shader(GL_VERTEX_SHADER, kVertexShader), fs = shader(GL_FRAGMENT_SHADER, kFragmentShader);
    rd->program = glCreateProgram();
    glAttachShader(rd->program, vs);
    glAttachShader(rd->program, fs);
    glLinkProgram(rd->program);
    glDeleteShader(vs);  // flagged; freed with the program
    glDeleteShader(fs);

    glGenVertexArrays(1, &rd->vao);
    glGenBuffers(1, &rd->vbo);
    glGenBuffers(1, &rd->ebo);
    glBindVertexArray(rd->vao);
    glBindBuffer(GL_ARRAY_BUFFER, rd->vbo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, rd->ebo);  // recorded in the VAO
    glEnableVertexAttribArray(kPos);
    glEnableVertexAttribArray(kUV);
    glEnableVertexAttribArray(kColour);
    const GLsizei stride = sizeof(ImDrawVert);
    glVertexAttribPointer(kPos, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(kUV, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(kColour, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, col)));
    glBindVertexArray(0);
    return true;
}

void ImGui_ImplTendGL_Shutdown() {
    RendererData* rd = renderer();
    if (!rd) return;
    // After a context loss these are no-ops on dead names, which is what we want.
    if (rd->font_texture) glDeleteTextures(1, &rd->font_texture);
    glDeleteBuffers(1, &rd->vbo);
    glDeleteBuffers(1, &rd->ebo);
    glDeleteVertexArrays(1, &rd->vao);
    glDeleteProgram(rd->program);
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->SetTexID(0);
    io.BackendRendererUserData = nullptr;
    io.BackendRendererName = nullptr;
    IM_DELETE(rd);
}

void ImGui_ImplTendGL_UpdateFontsTexture() {
    RendererData* rd = renderer();
    if (!rd) return;
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    atlas->GetTexDataAsAlpha8(&pixels, &w, &h);
    if (!rd->font_texture) glGenTextures(1, &rd->font_texture);
    glBindTexture(GL_TEXTURE_2D, rd->font_texture);
    // Linear, as ImGui's own backends do: glyphs can land between device pixels (centred
    // labels, a density that isn't a whole number), and linear keeps them smooth there.
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);  // rows of single bytes needn't be 4-aligned
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, w, h, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    atlas->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(rd->font_texture)));
    atlas->ClearTexData();  // the GPU has it; keep the wasm heap small
}

void ImGui_ImplTendGL_RenderDrawData(ImDrawData* dd, int fb_w, int fb_h) {
    RendererData* rd = renderer();
    if (!rd || !dd || fb_w <= 0 || fb_h <= 0 || !linked(rd)) return;

    // All the state a frame needs, set every frame: nobody else draws in this context, so
    // there is nothing to back up, and setting is free where asking is not.
    glViewport(0, 0, fb_w, fb_h);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glEnable(GL_SCISSOR_TEST);
    glUseProgram(rd->program);
    const ImVec2 pos = dd->DisplayPos, size = dd->DisplaySize;
    glUniform4f(rd->xform, 2.0f / size.x, -2.0f / size.y, -1.0f - pos.x * 2.0f / size.x, 1.0f + pos.y * 2.0f / size.y);
    glBindVertexArray(rd->vao);
    glBindBuffer(GL_ARRAY_BUFFER, rd->vbo);
    glActiveTexture(GL_TEXTURE0);

    const ImVec2 scale = dd->FramebufferScale;
    GLuint bound = 0;
    for (int n = 0; n < dd->CmdListsCount; n++) {
        const ImDrawList* list = dd->CmdLists[n];
        // Orphan and refill: the driver needn't wait for the previous frame's draw.
        glBufferData(GL_ARRAY_BUFFER, list->VtxBuffer.Size * static_cast<GLsizeiptr>(sizeof(ImDrawVert)),
                     list->VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, list->IdxBuffer.Size * static_cast<GLsizeiptr>(sizeof(ImDrawIdx)),
                     list->IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) {
                if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
                continue;
            }
            float x0 = (cmd.ClipRect.x - pos.x) * scale.x, y0 = (cmd.ClipRect.y - pos.y) * scale.y;
            float x1 = (cmd.ClipRect.z - pos.x) * scale.x, y1 = (cmd.ClipRect.w - pos.y) * scale.y;
            if (x1 <= x0 || y1 <= y0) continue;
            // GL's scissor origin is the bottom-left corner.
            glScissor(static_cast<GLint>(x0), static_cast<GLint>(fb_h - y1), static_cast<GLsizei>(x1 - x0),
                      static_cast<GLsizei>(y1 - y0));
            GLuint tex = static_cast<GLuint>(reinterpret_cast<intptr_t>(cmd.GetTexID()));
            if (tex != bound) glBindTexture(GL_TEXTURE_2D, bound = tex);
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount),
                           sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                           reinterpret_cast<void*>(static_cast<intptr_t>(cmd.IdxOffset * sizeof(ImDrawIdx))));
        }
    }
    glDisable(GL_SCISSOR_TEST);  // so the next frame's clear covers the whole canvas
    glBindVertexArray(0);
}
