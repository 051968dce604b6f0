// Tend: the validator's checks of the ways on: where the last step goes, whether the
// grounding path returns and stays apart from the main exercise, which steps no path
// reaches, and which steps can never reach an end.
//
// Everything here is linear in the steps and edges: sweeps over the step graph's lists
// (step_graph.h), forwards or backwards, each edge looked at once or twice.
#include <algorithm>

#include "validator_detail.h"

namespace tend {
namespace validator_detail {

Parts::Parts(const FlowContext& flow, const StepGraph& graph, References& refs) {
    const size_t n = flow.size();
    if (flow.notes.safety_step_ok) {
        const int s = refs.resolve_or_guess(flow.ex.safety.step);
        if (s > 0) start = s;  // 0 is refused with the references: the main flow starts there
    }
    safety = start >= 0 ? reach(graph.successors(), {start}) : StepSet(n, 0);

    for (size_t i = 0; i < n; i++) {
        bool enters_safety = false;
        for (const StepEdge& e : graph.edges(static_cast<int>(i))) {
            if (e.to >= 0 && e.to != start) main_next.add(e.to);
            enters_safety = enters_safety || (start >= 0 && e.to == start);
        }
        if (enters_safety) {
            // Where "@return" leads: where i would have gone by default or, when that is the
            // grounding path itself, back to i (as Session::advance does).
            const int by_default = graph.default_target(static_cast<int>(i));
            const bool away = by_default >= 0 && !safety[static_cast<size_t>(by_default)];
            main_next.add(away ? by_default : static_cast<int>(i));
        }
        main_next.end_list();
    }
    main_previous = reversed(main_next);
    main = reach(main_next, {0});
}

namespace {

void check_last_step(const FlowContext& flow, const StepGraph& graph) {
    const int last = static_cast<int>(flow.size()) - 1;
    if (flow.note(last).kind_ok && flow.step(last).kind != StepKind::End && graph.default_target(last) == -1)
        flow.add(flow.step_path(last),
                 "this is the last step, so the reader would have nowhere to go after it; make it an end step, or give it a \"next\"");
}

// The steps in `part` from which some route within it reaches "@return".
StepSet leading_to_return(const StepGraph& graph, const StepSet& part) {
    StepSet out(graph.size(), 0);
    for (size_t i = 0; i < out.size(); i++) out[i] = part[i] && graph.returns(static_cast<int>(i));
    spread_back(graph.predecessors(), out, &part);
    return out;
}

// Returns whether the grounding path can return (true when there is none to check).
bool check_safety_path(const FlowContext& flow, const StepGraph& graph, const Parts& parts) {
    if (parts.start < 0) return true;  // unknown or refused: reported with the references
    const std::string& first = flow.step(parts.start).id;
    const StepSet returns = leading_to_return(graph, parts.safety);
    for (size_t i = 0; i < flow.size(); i++) {
        const int si = static_cast<int>(i);
        for (const StepEdge& e : graph.edges(si)) {
            if (e.to == kToReturn && !parts.safety[i])
                flow.add(flow.edge_path(e), "\"@return\" only works on the grounding path (the steps reached from safety.step " +
                                                in_quotes(first) + "); this step isn't on it");
            // The grounding path running on into the main exercise (typically by falling
            // through to the next step in the file, for want of "@return"): the reader would
            // carry on with the exercise while still "on a pause". Main flow may enter the
            // path at any of its steps, and both may share an end step; but a shared step that
            // can't lead back to "@return" belongs to the main exercise.
            if (e.to < 0 || !parts.on_safety_only(si) || !parts.shared(e.to) || returns[static_cast<size_t>(e.to)]) continue;
            const Step& to = flow.step(e.to);
            if (flow.note(e.to).kind_ok && to.kind == StepKind::End) continue;
            flow.add(flow.edge_path(e), "the grounding path runs on into " + in_quotes(to.id) +
                                            (e.fallthrough ? " (the next step in the file)" : "") +
                                            ", a step of the main exercise; end the path with \"next\": \"@return\" to take the reader back to where they were");
        }
    }
    if (returns[static_cast<size_t>(parts.start)]) return true;
    flow.add("/safety/step", "the grounding path that starts at " + in_quotes(first) +
                                 " never returns: at least one of its steps needs \"next\": \"@return\" to take the reader back to where they were");
    return false;
}

void check_reachable(const FlowContext& flow, const StepGraph& graph, const Parts& parts) {
    // A reachable step that points at a step that doesn't exist (and isn't close to one)
    // might have meant any step: "no path leads here" can't be said of any of them.
    for (size_t i = 0; i < flow.size(); i++)
        for (const StepEdge& e : graph.edges(static_cast<int>(i)))
            if (e.to == kToUnknown && parts.reachable(static_cast<int>(i))) return;
    // Without a known grounding path, steps that lead to "@return" are presumably it:
    // reporting them unreachable would only repeat the safety.step problem.
    const StepSet returns = parts.start < 0 ? leading_to_return(graph, StepSet(flow.size(), 1)) : StepSet(flow.size(), 0);
    for (size_t i = 0; i < flow.size(); i++) {
        if (parts.reachable(static_cast<int>(i)) || returns[i]) continue;
        const std::string& id = flow.ex.steps[i].id;
        flow.add(flow.step_path(static_cast<int>(i)), "no path from the first step leads here; point a \"next\" or a branch at " +
                                                          (id.empty() ? std::string("this step") : in_quotes(id)) + ", or remove it");
    }
}

// The strongly connected components of the steps in `part` (Tarjan's algorithm, with an
// explicit stack: a hostile file may hold thousands of steps in a chain). Components are
// numbered in the order they are completed, so every component a step can reach has a number
// no greater than its own.
struct Components {
    std::vector<int> of;  // step → its component, -1 outside `part`
    int count = 0;

    Components(const StepLists& next, const StepSet& part) : of(next.size(), -1) {
        const size_t n = next.size();
        std::vector<int> order(n, -1), low(n, 0), stack;
        std::vector<std::pair<int, size_t>> calls;  // step, next successor to look at
        int visited = 0;
        auto open = [&](int v) {
            order[static_cast<size_t>(v)] = low[static_cast<size_t>(v)] = visited++;
            stack.push_back(v);
            calls.push_back({v, 0});
        };
        for (size_t root = 0; root < n; root++) {
            if (!part[root] || order[root] >= 0) continue;
            open(static_cast<int>(root));
            while (!calls.empty()) {
                const int v = calls.back().first;
                const size_t vi = static_cast<size_t>(v);
                const Run<int> out = next[vi];
                if (calls.back().second < out.size()) {
                    const int w = out.first[calls.back().second++];
                    const size_t wi = static_cast<size_t>(w);
                    if (!part[wi]) continue;
                    if (order[wi] < 0) open(w);
                    else if (of[wi] < 0) low[vi] = std::min(low[vi], order[wi]);  // still on the stack
                    continue;
                }
                calls.pop_back();
                if (!calls.empty()) {
                    const size_t ui = static_cast<size_t>(calls.back().first);
                    low[ui] = std::min(low[ui], low[vi]);
                }
                if (low[vi] != order[vi]) continue;
                int w;
                do {
                    w = stack.back();
                    stack.pop_back();
                    of[static_cast<size_t>(w)] = count;
                } while (w != v);
                count++;
            }
        }
    }
};

// Steps from which no path reaches an end. "@return" counts as reaching one: it goes back to
// the main exercise. Only the root of each trap is reported (a group of steps that lead only
// to each other), not every step on the way into it.
void check_ends(const FlowContext& flow, const StepGraph& graph, const Parts& parts, bool can_return) {
    const size_t n = flow.size();
    StepSet done(n, 0);
    for (size_t i = 0; i < n; i++) {
        if (!flow.notes.steps[i].kind_ok || flow.ex.steps[i].kind == StepKind::End) done[i] = 1;
        for (const StepEdge& e : graph.edges(static_cast<int>(i)))
            if (e.to == kToReturn || e.to == kToUnknown) done[i] = 1;
    }
    spread_back(graph.predecessors(), done);
    std::vector<int> stuck;
    StepSet is_stuck(n, 0);
    for (size_t i = 0; i < n; i++)
        if (!done[i] && parts.reachable(static_cast<int>(i)) && (can_return || !parts.on_safety_only(static_cast<int>(i)))) {
            stuck.push_back(static_cast<int>(i));
            is_stuck[i] = 1;
        }
    if (stuck.empty()) return;

    // Everything a stuck step reaches is stuck too, or on a grounding path that can't return:
    // none of it can reach an end. A stuck step is a trap's root when every stuck step it
    // reaches leads back to it: when no component it reaches, other than its own, holds a
    // stuck step. The trap is then the stuck steps of its component, when that goes round.
    StepSet not_done(n, 0);
    for (size_t i = 0; i < n; i++) not_done[i] = !done[i];
    const Components parts_of(graph.successors(), not_done);
    const size_t count = static_cast<size_t>(parts_of.count);
    std::vector<char> holds_stuck(count, 0), stuck_beyond(count, 0), goes_round(count, 0);
    std::vector<std::vector<int>> members(count);
    for (size_t i = 0; i < n; i++) {
        if (done[i]) continue;
        const size_t c = static_cast<size_t>(parts_of.of[i]);
        if (is_stuck[i]) holds_stuck[c] = 1;
        members[c].push_back(static_cast<int>(i));
    }
    for (size_t c = 0; c < count; c++) {  // in completion order: what c reaches is settled first
        goes_round[c] = members[c].size() > 1;
        for (int v : members[c])
            for (int w : graph.successors()[static_cast<size_t>(v)]) {
                const size_t d = static_cast<size_t>(parts_of.of[static_cast<size_t>(w)]);
                if (d == c) goes_round[c] = 1;
                else if (holds_stuck[d] || stuck_beyond[d]) stuck_beyond[c] = 1;
            }
    }

    StepSet reported(n, 0);
    for (int i : stuck) {
        const size_t c = static_cast<size_t>(parts_of.of[static_cast<size_t>(i)]);
        if (reported[static_cast<size_t>(i)] || stuck_beyond[c]) continue;
        if (!goes_round[c]) continue;  // no way on at all: the last step, reported already
        std::vector<std::string> trap;
        for (int j : members[c])
            if (is_stuck[static_cast<size_t>(j)]) {
                trap.push_back(flow.step(j).id);
                reported[static_cast<size_t>(j)] = 1;
            }
        flow.add(flow.step_path(i),
                 trap.size() == 1 ? "this step only leads back to itself, so the reader can never reach an end step"
                                  : "from here the reader can never reach an end step: the flow only goes round through " +
                                        in_quotes_list(trap) + "; give one of them a way on (a \"next\" or a branch towards an end)");
    }
}

}  // namespace

void check_ways_on(const FlowContext& flow, const StepGraph& graph, const Parts& parts) {
    check_last_step(flow, graph);
    const bool can_return = check_safety_path(flow, graph, parts);
    check_reachable(flow, graph, parts);
    check_ends(flow, graph, parts, can_return);
}

void check_flow(const Exercise& exercise, const Notes& notes, std::vector<Problem>& problems) {
    if (exercise.steps.empty() || notes.steps.size() != exercise.steps.size()) return;
    const FlowContext flow(exercise, notes, problems);
    References refs(flow);
    refs.check();
    const StepGraph graph(exercise, &refs);
    const Parts parts(flow, graph, refs);
    check_ways_on(flow, graph, parts);
    check_answers(flow, refs, graph, parts);
}

}  // namespace validator_detail
}  // namespace tend
