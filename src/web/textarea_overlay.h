// Tend: a real <textarea> laid exactly over the rectangle the ImGui view reserved.
//
// A canvas can't raise a phone keyboard or offer IME, dictation, spellcheck or a screen
// reader; a native field does all of it. The view says where (ui::TextField); this keeps
// the element in place and only touches the DOM when something changed. What the reader
// types comes back through the exported tend_text_input().
#pragma once

#include <string>

#include "ui/screen.h"

namespace tend::web {

class TextareaOverlay {
public:
    void update(const ui::TextField& field);
    void hide();

private:
    bool visible_ = false;
    float x_ = -1, y_ = -1, w_ = -1, h_ = -1;
};

}  // namespace tend::web
