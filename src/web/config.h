// Tend: what a practice's embed asks of one widget (the data-tend-* attributes, or the
// options of Tend.mount), as the loader hands it over: JSON, untrusted, with every field
// optional. Anything missing, mistyped or unsafe falls back to Tend's own default.
#pragma once

#include <string>
#include <vector>

#include "screen/screen_model.h"
#include "ui/theme.h"

namespace tend::web {

struct WidgetConfig {
    std::string section = "site";  // answers are stored under tend/<section>/<exercise>/
    std::string source;            // where the exercise came from (its URL), for the console
    screen::Practice practice;     // its name, call to action and own help line (links already checked)
    std::string region;            // data-tend-region: whose crisis lines ("GB"; "" to go by the browser)
    std::vector<std::string> locales;  // the browser's languages, in order (navigator.languages)
    ui::ThemeOverrides theme;
    bool reduced_motion = false;   // prefers-reduced-motion when the page loaded
    bool sandboxed = false;        // an opaque-origin frame: no storage, and downloads and the clipboard likely blocked
};

WidgetConfig parse_config(const std::string& json);

// The longest "who reviewed it" and "when" shown in "About this exercise", in characters;
// longer ones are cut.
inline constexpr size_t kMaxReviewedBy = 120, kMaxReviewedOn = 40;

// The links a widget may open: the exercise's resources (validated as https, tel or sms) and
// the practice's call to action, which may also be a plain http(s) page, an email address or
// a path on the same site ("/contact", never "//elsewhere.example").
bool safe_link(const std::string& url);

}  // namespace tend::web
