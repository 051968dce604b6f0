#include "screen/help.h"

#include <cctype>
#include <cstring>

#include "screen/help_data.h"

namespace tend::screen {

namespace hd = help_data;

namespace {

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// The set a country (or an alias) uses, or null.
const char* region_of_country(const std::string& code) {
    for (int i = 0; i < hd::kCountryCount; i++)
        if (code == hd::kCountries[i].country) return hd::kCountries[i].region;
    return nullptr;
}

const hd::Region* region_named(std::string_view code) {
    for (int i = 0; i < hd::kRegionCount; i++)
        if (code == hd::kRegions[i].code) return &hd::kRegions[i];
    return nullptr;
}

// A BCP 47 tag's two-letter region subtag ("en-GB" → "GB", "zh-Hant-TW" → "TW"), or "".
std::string region_subtag(std::string_view tag) {
    size_t start = 0;
    bool first = true;
    while (start <= tag.size()) {
        size_t end = tag.find_first_of("-_", start);
        if (end == std::string_view::npos) end = tag.size();
        std::string_view part = tag.substr(start, end - start);
        bool letters = part.size() == 2 && std::isalpha(static_cast<unsigned char>(part[0])) &&
                       std::isalpha(static_cast<unsigned char>(part[1]));
        if (!first && letters) return upper(part);
        first = false;
        start = end + 1;
    }
    return "";
}

// Index of a tag's language in the help's languages; English (0) when it has none.
int language_index(std::string_view tag) {
    std::string primary = lower(tag.substr(0, tag.find_first_of("-_")));
    for (int i = 0; i < hd::kLanguageCount; i++)
        if (primary == hd::kLanguages[i]) return i;
    return 0;
}

HelpLine line(const hd::Entry& e, int lang) { return {e.label[lang], e.text[lang], e.link}; }

}  // namespace

Help help_for(std::string_view region, const std::vector<std::string>& locales, std::string_view language) {
    const hd::Region* set = nullptr;
    bool guessed = false;
    if (!region.empty()) {
        std::string code = upper(region);
        const char* r = code == "DEFAULT" ? "default" : region_of_country(code);
        if (r) set = region_named(r);
    }
    if (!set) {
        for (const std::string& tag : locales) {
            const char* r = region_of_country(region_subtag(tag));
            if (r && (set = region_named(r))) break;
        }
        guessed = true;
    }
    if (!set) set = region_named("default");

    int lang = language_index(language);
    Help h;
    h.region = set->code;
    h.region_name = set->name[lang];
    h.emergency = line(set->entries[0], lang);
    for (int i = 1; i < set->entry_count; i++) h.lines.push_back(line(set->entries[i], lang));
    if (guessed && h.region != "default") {
        std::string note = hd::kWhenGuessed[lang];
        size_t at = note.find("{region}");
        if (at != std::string::npos) note.replace(at, std::strlen("{region}"), h.region_name);
        h.guessed = note;
    }
    return h;
}

bool known_region(std::string_view region) {
    std::string code = upper(region);
    return code == "DEFAULT" || region_of_country(code);
}

bool has_help_in(std::string_view language) {
    std::string primary = lower(language.substr(0, language.find_first_of("-_")));
    for (int i = 0; i < hd::kLanguageCount; i++)
        if (primary == hd::kLanguages[i]) return true;
    return false;
}

}  // namespace tend::screen
