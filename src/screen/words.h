// Tend: the widget's own words in the reader's language.
//
// The words themselves are in src/screen/words/<language>.json, one table per language, and
// the list of them, with where each one shows, in word_list.h. The build turns the tables
// into C++ (embed_words.py); adding a language is adding a file there.
//
// The widget speaks its exercise's language: a table is chosen by the exercise's BCP 47 tag
// ("es", "es-MX" → Spanish); a language without a table gets English, and `tend lint` says so.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace tend::screen {

enum class Word : uint8_t {
#define TEND_WORD(key, where) key,
#include "screen/word_list.h"
#undef TEND_WORD
    count_
};

struct WordTable {
    const char* language;  // "en"
    const char* text[static_cast<int>(Word::count_)];
};

// One language's words.
class Words {
public:
    // The table for a BCP 47 tag's language, else English.
    explicit Words(std::string_view language);

    const char* language() const { return table_->language; }
    const char* operator[](Word w) const { return table_->text[static_cast<int>(w)]; }

    // The word with its {name} slots filled: words(Word::step_of_about, {{"n", "3"}, {"total", "9"}}).
    struct Slot { const char* name; std::string value; };
    std::string operator()(Word w, std::initializer_list<Slot> slots) const;

private:
    const WordTable* table_;
};

// Is there a table for this BCP 47 tag's language (not only the English fallback)?
bool has_words_for(std::string_view language);

}  // namespace tend::screen
