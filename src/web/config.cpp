#include "config.h"

#include "json_tree.h"

namespace tend::web {

namespace {

std::string get_string(const JsonNode& j, const char* key) {
    const JsonNode* v = j.find(key);
    const std::string_view* s = v ? v->if_string() : nullptr;
    return s ? std::string(*s) : std::string();
}

double get_number(const JsonNode& j, const char* key, double fallback) {
    const JsonNode* v = j.find(key);
    return v && v->is_number() ? v->number() : fallback;
}

// A practice's short line (a name, a date): one line, at most `max` characters (cut between
// whole characters), without blanks around it. The page's options are untrusted, and the
// panel that shows them is small.
std::string one_short_line(const std::string& text, size_t max) {
    std::string out;
    size_t chars = 0;
    for (char c : text) {
        bool starts_character = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        if (starts_character && chars++ == max) break;
        out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
    }
    size_t first = out.find_first_not_of(' '), last = out.find_last_not_of(' ');
    return first == std::string::npos ? std::string() : out.substr(first, last - first + 1);
}

bool get_flag(const JsonNode& j, const char* key) {
    const JsonNode* v = j.find(key);
    const bool* b = v ? v->if_boolean() : nullptr;
    return b && *b;
}

}  // namespace

WidgetConfig parse_config(const std::string& text) {
    WidgetConfig c;
    JsonTreeParse p = parse_json_tree(text);
    if (!p.ok || !p.tree.root().is_object()) return c;
    const JsonNode& j = p.tree.root();
    if (auto s = get_string(j, "section"); !s.empty()) c.section = s;
    c.source = get_string(j, "source");
    c.practice.name = get_string(j, "practiceName");
    c.practice.cta_text = get_string(j, "ctaText");
    c.practice.cta_link = get_string(j, "ctaLink");
    if (!safe_link(c.practice.cta_link)) c.practice.cta_link.clear();
    c.practice.help = {get_string(j, "helpLabel"), get_string(j, "helpText"), get_string(j, "helpLink")};
    if (!safe_link(c.practice.help.link)) c.practice.help.link.clear();
    c.practice.reviewed_by = one_short_line(get_string(j, "reviewedBy"), kMaxReviewedBy);
    c.practice.reviewed_on = one_short_line(get_string(j, "reviewedOn"), kMaxReviewedOn);
    c.region = get_string(j, "region");
    if (const JsonNode* locales = j.find("locales"); locales && locales->is_array())
        for (const JsonNode& l : locales->children())
            if (const std::string_view* s = l.if_string(); s && c.locales.size() < 16) c.locales.emplace_back(*s);
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
