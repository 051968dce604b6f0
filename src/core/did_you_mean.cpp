// Tend: "did you mean" (see did_you_mean.h).
#include "did_you_mean.h"

#include <algorithm>
#include <array>

namespace tend {

namespace {

// How far a candidate may be from what was typed to count as a slip (see closest()).
constexpr size_t kMaxSlack = 2;

// Optimal string alignment distance (Levenshtein plus swapping two neighbours, "teh", the
// commonest slip), but only as far as `limit` (at most kMaxSlack): anything further returns
// limit + 1. Only the diagonal band |i - j| <= limit can hold a distance that small, so only
// it is computed, and each row keeps just its band (cells j = i - limit … i + limit, at
// index j + limit - i): no allocation, so a hostile file's thousands of broken references,
// each compared with thousands of ids, stay cheap.
size_t bounded_distance(const std::string& a, const std::string& b, size_t limit) {
    const size_t far = limit + 1;
    if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > limit) return far;
    using Row = std::array<size_t, 2 * kMaxSlack + 1>;
    Row before, prev, cur;  // rows i - 2, i - 1 and i
    before.fill(far);
    prev.fill(far);
    // Cells outside a row's band (or past the end of b) read as "too far".
    auto at = [&](const Row& row, size_t i, size_t j) {
        return (j + limit < i || j > i + limit || j > b.size()) ? far : row[j + limit - i];
    };
    for (size_t j = 0; j <= b.size() && j <= limit; j++) prev[j + limit] = j;  // row 0
    for (size_t i = 1; i <= a.size(); i++) {
        cur.fill(far);
        size_t lo = i > limit ? i - limit : 0, hi = std::min(b.size(), i + limit), best = far;
        for (size_t j = lo; j <= hi; j++) {
            size_t v = i;  // j == 0: delete all of a[0..i)
            if (j > 0) {
                size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
                v = std::min({at(prev, i - 1, j) + 1, at(cur, i, j - 1) + 1, at(prev, i - 1, j - 1) + cost});
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = std::min(v, at(before, i - 2, j - 2) + 1);
            }
            cur[j + limit - i] = std::min(v, far);
            best = std::min(best, cur[j + limit - i]);
        }
        if (best >= far) return far;  // every alignment is already too far apart
        before = prev;
        prev = cur;
    }
    return at(prev, a.size(), b.size());
}

// Which of 64 classes of character (byte value mod 64) a word uses.
uint64_t char_classes(const std::string& s) {
    uint64_t classes = 0;
    for (unsigned char c : s) classes |= uint64_t(1) << (c % 64);
    return classes;
}

// Whether at least n bits of x are set (n is at most kMaxSlack + 1 here).
bool has_bits(uint64_t x, size_t n) {
    for (; n > 0; n--, x &= x - 1)
        if (x == 0) return false;
    return true;
}

// The candidate closest to `typed`, if it is close enough to be a slip; null otherwise.
// `classes_of`, when given, holds char_classes() of each candidate.
const std::string* closest(const std::string& typed, const std::vector<std::string>& candidates,
                           const uint64_t* classes_of = nullptr) {
    // Short words are close to everything, so they get less slack.
    size_t limit = typed.size() <= 3 ? 1 : kMaxSlack, best = limit + 1;
    const std::string* found = nullptr;
    const uint64_t typed_classes = char_classes(typed);
    for (size_t k = 0; k < candidates.size(); k++) {
        const std::string& c = candidates[k];
        if (c.empty() || c == typed) continue;
        // A cheap lower bound first, which rules out nearly every candidate of a long list: a
        // class of character one word uses and the other lacks costs an edit of its own (an
        // edit touches one character of each word; a swap only moves characters).
        const uint64_t classes = classes_of ? classes_of[k] : char_classes(c);
        if (has_bits(typed_classes & ~classes, best) || has_bits(classes & ~typed_classes, best)) continue;
        size_t d = bounded_distance(typed, c, limit);
        if (d < best) {
            best = d;
            found = &c;
        }
    }
    return found;
}

}  // namespace

std::string did_you_mean(const std::string& typed, const std::vector<std::string>& candidates) {
    const std::string* found = closest(typed, candidates);
    return found ? " (did you mean \"" + *found + "\"?)" : "";
}

void Candidates::reserve(size_t n) {
    words_.reserve(n);
    classes_.reserve(n);
}

void Candidates::add(const std::string& word) {
    words_.push_back(word);
    classes_.push_back(char_classes(word));
}

const std::string* Candidates::closest_to(const std::string& typed) const { return closest(typed, words_, classes_.data()); }

}  // namespace tend
