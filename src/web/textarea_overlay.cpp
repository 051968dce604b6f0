#include "textarea_overlay.h"

#include <cmath>

#include <emscripten/emscripten.h>

// Only where, and whether: the field's words, label and limit come from the StepView the
// DOM mirror already has (web/tend.js), the same in canvas and DOM-only mode.
EM_JS(void, tend_textarea, (int visible, float x, float y, float w, float h), {
    if (Module.tendHost) Module.tendHost.textarea({ visible: !!visible, x: x, y: y, w: w, h: h });
});

namespace tend::web {

void TextareaOverlay::update(const ui::TextField& f) {
    if (!f.visible) {
        hide();
        return;
    }
    bool moved = std::fabs(f.pos.x - x_) > 0.25f || std::fabs(f.pos.y - y_) > 0.25f ||
                 std::fabs(f.size.x - w_) > 0.25f || std::fabs(f.size.y - h_) > 0.25f;
    if (visible_ && !moved) return;
    visible_ = true;
    x_ = f.pos.x, y_ = f.pos.y, w_ = f.size.x, h_ = f.size.y;
    tend_textarea(1, x_, y_, w_, h_);
}

void TextareaOverlay::hide() {
    if (!visible_) return;
    visible_ = false;
    tend_textarea(0, 0, 0, 0, 0);
}

}  // namespace tend::web
