// Tend: noticing the page around the widget without listening to the page itself.
//
// ResizeObserver (the container's width; device-pixel size where the browser reports it),
// IntersectionObserver (on screen or not: zero frames when scrolled away), and matchMedia
// for devicePixelRatio changes and prefers-reduced-motion. Each reports through an exported
// entry point (tend_web_resize, tend_web_visibility, tend_web_dpr, tend_web_motion).
// Nothing is attached to window or document.
#pragma once

#include <string>

namespace tend::web {

void watch_page(const std::string& canvas_selector);
void unwatch_page();

}  // namespace tend::web
