// Tend: one thing wrong with an input, and where.
#pragma once

#include <string>
#include <vector>

namespace tend {

struct Problem {
    std::string path;     // JSON Pointer ("/steps/4/next"), "" for the whole document
    std::string message;  // plain words: what is wrong and, where possible, what to do
};

// "/steps/4/next: there is no step …" (or just the message when the path is empty).
std::string format_problem(const Problem& p);

}  // namespace tend
