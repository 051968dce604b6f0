// The step graph (step_graph.h): what it says about the ways on from each step, the
// grounding path and progress. Exercises are built in code, so a test can hold what a valid
// file can't (an unknown `next`, a step with no way on).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "step_graph.h"

using namespace tend;

namespace {

Step step(const std::string& id, StepKind kind = StepKind::Say, const std::string& next = "") {
    Step s;
    s.id = id;
    s.kind = kind;
    s.next = next;
    return s;
}

Step with_branches(Step s, const std::vector<std::string>& targets) {
    for (const std::string& t : targets) {
        Branch b;
        b.next = t;
        s.branches.push_back(b);
    }
    return s;
}

Exercise exercise(std::vector<Step> steps, const std::string& safety = "") {
    Exercise ex;
    ex.id = "graph";
    ex.steps = std::move(steps);
    for (size_t i = 0; i < ex.steps.size(); i++) ex.steps[i].index = static_cast<int>(i);
    ex.safety.step = safety;
    return ex;
}

std::vector<int> targets(const StepGraph& g, int i) {
    std::vector<int> out;
    for (const StepEdge& e : g.edges(i)) out.push_back(e.to);
    return out;
}

std::vector<int> list(Run<int> run) { return std::vector<int>(run.begin(), run.end()); }

std::vector<int> members(const StepSet& set) {
    std::vector<int> out;
    for (size_t i = 0; i < set.size(); i++)
        if (set[i]) out.push_back(static_cast<int>(i));
    return out;
}

// A guess that points every unknown id at one step, and remembers what it was asked.
struct FixedGuess : TargetGuess {
    int answer = -1;
    std::vector<std::string> asked;
    int step_for(const std::string& id) override {
        asked.push_back(id);
        return answer;
    }
};

}  // namespace

TEST_CASE("a step's ways on are its branches in order, then its next or else the following step", "[graph]") {
    const Exercise ex = exercise({with_branches(step("a"), {"c", "b"}), step("b", StepKind::Say, "d"), step("c"),
                                  step("d", StepKind::End)});
    const StepGraph g(ex);
    REQUIRE(g.edges(0).size() == 3);
    const StepEdge* e = g.edges(0).begin();
    CHECK((e[0].to == 2 && e[0].branch == 0 && !e[0].fallthrough));
    CHECK((e[1].to == 1 && e[1].branch == 1 && !e[1].fallthrough));
    CHECK((e[2].to == 1 && e[2].branch == -1 && e[2].fallthrough));
    CHECK(e[0].from == 0);
    CHECK(targets(g, 1) == std::vector<int>{3});
    CHECK_FALSE(g.edges(1).begin()->fallthrough);
    CHECK(g.default_target(0) == 1);
    CHECK(g.default_target(1) == 3);
    CHECK(g.default_target(2) == 3);
}

TEST_CASE("an end has no way on, nor has a last step without a next", "[graph]") {
    Step end = with_branches(step("end", StepKind::End, "a"), {"a"});  // ignored: an end goes nowhere
    const Exercise ex = exercise({step("a"), end, step("last")});
    const StepGraph g(ex);
    CHECK(g.edges(1).empty());
    CHECK(g.default_target(1) == -1);
    CHECK(g.edges(2).empty());
    CHECK(g.default_target(2) == -1);
    CHECK(g.steps_remaining(0) == 1);
}

TEST_CASE("\"@return\" and ids no step has are edges that lead to no step", "[graph]") {
    const Exercise ex = exercise({with_branches(step("a", StepKind::Say, "nowhere"), {"@return"}), step("b", StepKind::End)});
    const StepGraph g(ex);
    CHECK(targets(g, 0) == std::vector<int>{kToReturn, kToUnknown});
    CHECK(g.returns(0));
    CHECK_FALSE(g.returns(1));
    CHECK(g.default_target(0) == kToUnknown);
    CHECK(list(g.successors()[0]).empty());
    CHECK(g.steps_remaining(0) == 0);
}

TEST_CASE("a guess decides where an unknown id leads, asked once per such edge in file order", "[graph]") {
    const Exercise ex = exercise({with_branches(step("a", StepKind::Say, "bb"), {"cc", "@return", "b"}),
                                  with_branches(step("b"), {"dd"}), step("c", StepKind::End)});
    FixedGuess guess;
    guess.answer = 2;
    const StepGraph g(ex, &guess);
    CHECK(guess.asked == std::vector<std::string>{"cc", "bb", "dd"});
    CHECK(targets(g, 0) == std::vector<int>{2, kToReturn, 1, 2});
    CHECK(targets(g, 1) == std::vector<int>{2, 2});

    FixedGuess none;  // no step is close
    const StepGraph unguessed(ex, &none);
    CHECK(targets(unguessed, 0) == std::vector<int>{kToUnknown, kToReturn, 1, kToUnknown});
}

TEST_CASE("predecessors are the successors turned round, one entry for each edge", "[graph]") {
    const Exercise ex = exercise({with_branches(step("a", StepKind::Say, "c"), {"c", "b"}), step("b", StepKind::Say, "a"),
                                  step("c", StepKind::End)});
    const StepGraph g(ex);
    CHECK(list(g.successors()[0]) == std::vector<int>{2, 1, 2});
    CHECK(list(g.predecessors()[0]) == std::vector<int>{1});
    CHECK(list(g.predecessors()[1]) == std::vector<int>{0});
    CHECK(list(g.predecessors()[2]) == std::vector<int>{0, 0});
}

TEST_CASE("the grounding path is every step reached from safety.step without passing \"@return\"", "[graph][safety]") {
    // main: welcome → check → close; grounding: ground → breathe → (@return, or stop)
    const Exercise ex = exercise({with_branches(step("welcome"), {"ground"}), step("check", StepKind::Say, "close"),
                                  step("ground"), with_branches(step("breathe", StepKind::Say, "@return"), {"stop"}),
                                  step("stop", StepKind::End), step("close", StepKind::End)},
                                 "ground");
    const StepGraph g(ex);
    CHECK(g.safety_start() == 2);
    CHECK(members(g.safety_path()) == std::vector<int>{2, 3, 4});
    CHECK_FALSE(g.on_safety_path(0));
    CHECK_FALSE(g.on_safety_path(1));
    CHECK(g.on_safety_path(3));
    CHECK_FALSE(g.on_safety_path(-1));

    SECTION("there is none when safety.step names no step") {
        const Exercise without = exercise(ex.steps, "gound");
        const StepGraph h(without);
        CHECK(h.safety_start() == -1);
        CHECK(members(h.safety_path()).empty());
    }
}

TEST_CASE("a step leads to \"@return\" when some route from it reaches one", "[graph][safety]") {
    const Exercise ex = exercise({step("a"), step("b"), with_branches(step("c", StepKind::Say, "e"), {"@return"}),
                                  step("d", StepKind::Say, "c"), step("e", StepKind::End)});
    const StepGraph g(ex);
    CHECK(g.leads_to_return(0));
    CHECK(g.leads_to_return(2));
    CHECK(g.leads_to_return(3));
    CHECK_FALSE(g.leads_to_return(4));
    CHECK_FALSE(g.leads_to_return(-1));
}

TEST_CASE("steps remaining follow the default way on, never a branch, and stop at an end, \"@return\" or a loop", "[graph]") {
    const Exercise ex = exercise({with_branches(step("a"), {"f"}), step("b"), step("c", StepKind::End),
                                  step("loop1"), step("loop2", StepKind::Say, "loop1"), step("f", StepKind::Say, "@return"),
                                  step("g", StepKind::Say, "g")});
    const StepGraph g(ex);
    CHECK(g.steps_remaining(0) == 2);  // b, c
    CHECK(g.steps_remaining(1) == 1);
    CHECK(g.steps_remaining(2) == 0);
    CHECK(g.steps_remaining(3) == 1);  // loop2, then back round
    CHECK(g.steps_remaining(5) == 0);
    CHECK(g.steps_remaining(6) == 0);  // only itself
    CHECK(g.steps_remaining(-1) == 0);
}

TEST_CASE("the graph looks steps up by id: the first step with it, and never a step without one", "[graph]") {
    const Exercise ex = exercise({step("a"), step(""), step("b"), step("a", StepKind::End)});
    const StepGraph g(ex);
    CHECK(g.index_of("a") == 0);
    CHECK(g.index_of("b") == 2);
    CHECK(g.index_of("") == -1);
    CHECK(g.find("b") == &ex.steps[2]);
    CHECK(g.find("c") == nullptr);
    CHECK(g.default_next(ex.steps[2]) == "a");
}

TEST_CASE("reach meets the steps in stop without going on from them", "[graph]") {
    const Exercise ex = exercise({step("a"), step("b"), step("c"), step("d", StepKind::End)});
    const StepGraph g(ex);
    StepSet stop(4, 0);
    stop[1] = 1;
    CHECK(members(reach(g.successors(), {0}, &stop)) == std::vector<int>{0, 1});
    CHECK(members(reach(g.successors(), {2})) == std::vector<int>{2, 3});
    CHECK(members(reach(g.successors(), {1}, &stop)) == std::vector<int>{1});  // a source in stop goes nowhere
}

TEST_CASE("spread_back finds every step with a route to the found ones, only through the steps allowed", "[graph]") {
    const Exercise ex = exercise({step("a"), step("b"), step("c"), step("d", StepKind::End)});
    const StepGraph g(ex);
    StepSet found(4, 0);
    found[3] = 1;
    spread_back(g.predecessors(), found);
    CHECK(members(found) == std::vector<int>{0, 1, 2, 3});

    StepSet within{1, 0, 1, 1};  // not through b
    StepSet limited(4, 0);
    limited[3] = 1;
    spread_back(g.predecessors(), limited, &within);
    CHECK(members(limited) == std::vector<int>{2, 3});
}

TEST_CASE("a chain of 200,000 steps is built and walked without recursion", "[graph]") {
    std::vector<Step> steps;
    const int n = 200000;
    for (int i = 0; i + 1 < n; i++) steps.push_back(step("s" + std::to_string(i)));
    steps.push_back(step("last", StepKind::Say, "@return"));
    const Exercise ex = exercise(std::move(steps), "s1");
    const StepGraph g(ex);
    CHECK(g.steps_remaining(0) == n - 1);
    CHECK(g.leads_to_return(0));
    CHECK(members(g.safety_path()).size() == static_cast<size_t>(n - 1));
    CHECK(list(g.predecessors()[n - 1]) == std::vector<int>{n - 2});
}
