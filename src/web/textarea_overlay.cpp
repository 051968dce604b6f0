#include "textarea_overlay.h"

#include <cmath>

#include <emscripten/emscripten.h>

// fresh != 0: a different reply is being asked for, so value/placeholder/label are set too.
EM_JS(void, tend_textarea, (int visible, float x, float y, float w, float h, int fresh, const char* value,
                            const char* placeholder, const char* label, int max_length), {
    var h5 = Module.tendHost;
    if (!h5) return;
    h5.textarea({
        visible: !!visible, x: x, y: y, w: w, h: h, fresh: !!fresh,
        value: fresh ? UTF8ToString(value) : null,
        placeholder: fresh ? UTF8ToString(placeholder) : null,
        label: fresh ? UTF8ToString(label) : null,
        maxLength: max_length
    });
});

namespace tend::web {

void TextareaOverlay::update(const ui::TextField& f) {
    if (!f.visible) {
        hide();
        return;
    }
    bool fresh = f.key != key_ || !visible_;
    bool moved = std::fabs(f.pos.x - x_) > 0.25f || std::fabs(f.pos.y - y_) > 0.25f ||
                 std::fabs(f.size.x - w_) > 0.25f || std::fabs(f.size.y - h_) > 0.25f;
    if (!fresh && !moved) return;
    key_ = f.key;
    visible_ = true;
    x_ = f.pos.x, y_ = f.pos.y, w_ = f.size.x, h_ = f.size.y;
    tend_textarea(1, x_, y_, w_, h_, fresh ? 1 : 0, f.value.c_str(), f.placeholder.c_str(), f.label.c_str(), f.max_length);
}

void TextareaOverlay::hide() {
    if (!visible_) return;
    visible_ = false;
    key_.clear();
    tend_textarea(0, 0, 0, 0, 0, 0, "", "", "", 0);
}

}  // namespace tend::web
