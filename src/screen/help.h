// Tend: crisis help for where the reader is.
//
// A curated, verified set of crisis lines per region (src/screen/help/regions.json, with the
// source and date each was checked; docs/crisis-resources.md), in the widget's languages. The
// practice picks the region (data-tend-region); failing that, the browser's languages do
// (en-GB → United Kingdom), and the reader is told it was a guess; a language without a country
// (es, en) picks nobody's country but the default set, which leads with the local emergency
// number and findahelpline.com.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tend::screen {

struct HelpLine {
    std::string label, text;
    std::string link;  // tel:, sms: or https:; "" for words only
};

struct Help {
    std::string region;       // "GB", "EU", or "default"
    std::string region_name;  // "United Kingdom", in the language asked for
    std::string guessed;      // "Chosen from your browser's settings: …" when no region was given; "" otherwise
    HelpLine emergency;
    std::vector<HelpLine> lines;
};

// `region`: the practice's choice ("GB", "uk", "default"; "" for none); `locales`: the
// browser's languages in order (navigator.languages); `language`: the reader's words' language.
Help help_for(std::string_view region, const std::vector<std::string>& locales, std::string_view language);

// Does Tend know this region (a country code, an alias such as "UK", or "default")?
bool known_region(std::string_view region);

// Is the curated help written in this BCP 47 tag's language (not only the English fallback)?
bool has_help_in(std::string_view language);

}  // namespace tend::screen
