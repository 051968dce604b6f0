// Tend: the font atlas, built for the display it is shown on.
//
// Text is rasterised at CSS size × devicePixelRatio (ImFontConfig::RasterizerDensity, new in
// ImGui 1.90) so it is crisp on every screen, while layout stays in CSS px. Rebuilt when the
// ratio changes (zoom, moving to another monitor).
#pragma once

#include "ui/controls.h"
#include "ui/theme.h"

namespace tend::web {

// Clears io.Fonts and adds the theme's sizes at `density`. Call between frames; the
// renderer's font texture must be recreated afterwards.
ui::Fonts build_fonts(const ui::Theme& theme, float density);

}  // namespace tend::web
