// Tend: noticing the page around the widget without listening to the page itself.
//
// ResizeObserver (the container's width; device-pixel size where the browser reports it),
// IntersectionObserver (on screen or not: zero frames when scrolled away), and matchMedia
// for devicePixelRatio changes, prefers-reduced-motion and prefers-contrast. Each reports
// through an exported entry point (tend_web_resize, tend_web_visibility, tend_web_dpr,
// tend_web_motion, tend_web_contrast).
//
// One exception to "nothing on window or document": the `storage` event, which browsers
// fire only on window, tells us when another tab changed this widget's answers (keys under
// `storage_prefix`), so this tab shows them instead of later overwriting them with its
// older copy. It is passive: it never prevents or consumes anything of the page's.
#pragma once

#include <string>

namespace tend::web {

void watch_page(const std::string& canvas_selector, const std::string& storage_prefix);
void unwatch_page();

}  // namespace tend::web
