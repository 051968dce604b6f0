#include "screen/words.h"

#include <cstring>

namespace tend::screen {

// Generated from words/*.json (embed_words.py); English first.
extern const WordTable kWordTables[];
extern const int kWordTableCount;

namespace {

// "es-MX" → "es"; BCP 47 language subtags are case-insensitive.
bool same_language(std::string_view tag, const char* language) {
    size_t n = std::strlen(language);
    if (tag.size() < n || (tag.size() > n && tag[n] != '-' && tag[n] != '_')) return false;
    for (size_t i = 0; i < n; i++) {
        char c = tag[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != language[i]) return false;
    }
    return true;
}

const WordTable* find_table(std::string_view tag) {
    for (int i = 0; i < kWordTableCount; i++)
        if (same_language(tag, kWordTables[i].language)) return &kWordTables[i];
    return nullptr;
}

}  // namespace

Words::Words(std::string_view language) {
    const WordTable* t = find_table(language);
    table_ = t ? t : &kWordTables[0];
}

std::string Words::operator()(Word w, std::initializer_list<Slot> slots) const {
    const char* text = (*this)[w];
    std::string out;
    for (const char* p = text; *p; p++) {
        if (*p == '{') {
            const char* close = std::strchr(p, '}');
            bool filled = false;
            for (const Slot& s : slots)
                if (close && std::strlen(s.name) == static_cast<size_t>(close - p - 1) &&
                    std::strncmp(p + 1, s.name, close - p - 1) == 0) {
                    out += s.value;
                    p = close;
                    filled = true;
                    break;
                }
            if (filled) continue;
        }
        out += *p;
    }
    return out;
}

bool has_words_for(std::string_view language) { return find_table(language) != nullptr; }

}  // namespace tend::screen
