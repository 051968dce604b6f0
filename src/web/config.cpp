#include "config.h"

#include "json_guard.h"

namespace tend::web {

namespace {

std::string get_string(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

double get_number(const nlohmann::json& j, const char* key, double fallback) {
    auto it = j.find(key);
    return it != j.end() && it->is_number() ? it->get<double>() : fallback;
}

bool get_flag(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_boolean() && it->get<bool>();
}

}  // namespace

WidgetConfig parse_config(const std::string& text) {
    WidgetConfig c;
    JsonParse p = parse_json_guarded(text);
    if (!p.ok || !p.value.is_object()) return c;
    const auto& j = p.value;
    if (auto s = get_string(j, "section"); !s.empty()) c.section = s;
    c.source = get_string(j, "source");
    c.practice.name = get_string(j, "practiceName");
    c.practice.cta_text = get_string(j, "ctaText");
    c.practice.cta_link = get_string(j, "ctaLink");
    if (!safe_link(c.practice.cta_link)) c.practice.cta_link.clear();
    c.practice.help = {get_string(j, "helpLabel"), get_string(j, "helpText"), get_string(j, "helpLink")};
    if (!safe_link(c.practice.help.link)) c.practice.help.link.clear();
    c.region = get_string(j, "region");
    if (auto it = j.find("locales"); it != j.end() && it->is_array())
        for (const auto& l : *it)
            if (l.is_string() && c.locales.size() < 16) c.locales.push_back(l.get<std::string>());
    c.theme.accent = get_string(j, "accent");
    c.theme.background = get_string(j, "background");
    c.theme.font_scale = static_cast<float>(get_number(j, "fontScale", 0));
    c.theme.radius = static_cast<float>(get_number(j, "radius", -1));
    c.theme.high_contrast = get_flag(j, "highContrast");
    c.reduced_motion = get_flag(j, "reducedMotion");
    c.sandboxed = get_flag(j, "sandboxed");
    return c;
}

bool safe_link(const std::string& url) {
    for (const char* scheme : {"https:", "http:", "tel:", "sms:", "mailto:"})
        if (url.rfind(scheme, 0) == 0) return true;
    // A path on the same site; "//elsewhere.example/x" is another site, and "/\\elsewhere" one to some browsers.
    return url.size() >= 1 && url[0] == '/' && (url.size() == 1 || (url[1] != '/' && url[1] != '\\'));
}

}  // namespace tend::web
