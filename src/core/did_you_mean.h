// Tend: "did you mean …?": the word a slip of the keyboard was most likely meant to be.
//
// Authors misspell step ids, option ids and kinds; the validator names the one they meant
// when it is close (an edit or two, or two letters swapped). A hostile file can hold thousands
// of broken references, each compared with thousands of ids, so a cheap lower bound rules out
// nearly every candidate before any edit distance is worked out, and that is banded.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tend {

// ' (did you mean "acknowledge"?)' when a candidate is close to `typed`, else "".
std::string did_you_mean(const std::string& typed, const std::vector<std::string>& candidates);

// Words to suggest from, with what rules them out cheaply worked out once, for a list that
// is asked about again and again (every step id of an exercise).
class Candidates {
public:
    void reserve(size_t n);
    void add(const std::string& word);
    // The closest word, if it is close enough to be a slip; null otherwise.
    const std::string* closest_to(const std::string& typed) const;

private:
    std::vector<std::string> words_;
    std::vector<uint64_t> classes_;
};

}  // namespace tend
