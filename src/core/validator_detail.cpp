// Tend: the small pieces the validator's files share (see validator_detail.h).
#include "validator_detail.h"

namespace tend {
namespace validator_detail {

void Path::append_to(std::string& out) const {
    if (!parent_) return;  // the document itself
    parent_->append_to(out);
    out += '/';
    if (is_index_) {
        out += std::to_string(index_);
        return;
    }
    for (char c : key_) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
}

std::string Path::str() const {
    std::string out;
    append_to(out);
    return out;
}

std::string a_kind_step(StepKind kind) {
    return std::string(kind == StepKind::End ? "an " : "a ") + step_kind_name(kind) + " step";
}

std::string in_quotes(const std::string& s) { return "\"" + s + "\""; }

std::string in_quotes_list(const std::vector<std::string>& items) {
    std::string out;
    for (size_t i = 0; i < items.size(); i++)
        out += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + in_quotes(items[i]);
    return out;
}

std::string FlowContext::edge_path(const StepEdge& e) const {
    const Path at = step_path(e.from);
    if (e.fallthrough) return at.str();
    if (e.stop) return Path(at, "stop").str();
    if (e.branch < 0) return Path(at, "next").str();
    const Path branches(at, "branches"), branch(branches, static_cast<size_t>(e.branch));
    return Path(branch, "next").str();
}

}  // namespace validator_detail
}  // namespace tend
