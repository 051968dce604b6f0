#include "problem.h"

namespace tend {

std::string format_problem(const Problem& p) { return p.path.empty() ? p.message : p.path + ": " + p.message; }

}  // namespace tend
