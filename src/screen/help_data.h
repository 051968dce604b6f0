// Tend: the curated crisis help as the build writes it (embed_help.py, from help/regions.json).
// Private to help.cpp; everything else asks help.h.
#pragma once

namespace tend::screen::help_data {

// Texts are arrays with one entry per language of kLanguages (English first).
struct Entry {
    const char* link;  // tel:, sms: or https:; "" for words only
    const char* const* label;
    const char* const* text;
};
struct Region {
    const char* code;          // "GB", "default"
    const char* const* name;
    const Entry* entries;      // the emergency number first, then the lines
    int entry_count;
};
struct Country {
    const char* country;       // an ISO 3166 code, or an alias ("UK")
    const char* region;        // the set it uses
};

extern const int kLanguageCount;
extern const char* const kLanguages[];
extern const char* const kWhenGuessed[];  // "Chosen from your browser's settings: {region}. …"
extern const Region kRegions[];
extern const int kRegionCount;
extern const Country kCountries[];
extern const int kCountryCount;

}  // namespace tend::screen::help_data
