// Tend engine benchmark: prints numbers, asserts nothing about speed.
//
//   parse + validate a 200-step exercise
//   one step transition (answer, branches, save to the store)
//   session save (to JSON) and restore (from JSON, checked)
//   parse + validate against the step count (50 … 500, the limit, and a file over it), with
//   the peak heap each took: both should grow in proportion, never with the square
//
// Each figure is the median of several timed batches, in microseconds per operation.
// The target (from the engine issue) is well under 1 ms for every engine operation.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

#include "session.h"
#include "store.h"
#include "validator.h"

// Heap in use and its peak, for the validation rows: every allocation carries its size in
// front of it (this binary only; the engine is unchanged).
namespace heap {
size_t now = 0, peak = 0;
}
void* operator new(size_t n) {
    auto* p = static_cast<size_t*>(std::malloc(n + sizeof(std::max_align_t)));
    if (!p) throw std::bad_alloc();
    *p = n;
    heap::now += n;
    heap::peak = std::max(heap::peak, heap::now);
    return reinterpret_cast<char*>(p) + sizeof(std::max_align_t);
}
void operator delete(void* q) noexcept {
    if (!q) return;
    auto* p = reinterpret_cast<size_t*>(static_cast<char*>(q) - sizeof(std::max_align_t));
    heap::now -= *p;
    std::free(p);
}
void operator delete(void* q, size_t) noexcept { operator delete(q); }

namespace {

// A 200-step exercise with every step kind, branches and interpolation, built as text so
// the parse is measured from raw bytes like a real file.
std::string make_exercise(int steps) {
    std::string s = R"({"format":"tend.exercise/1","id":"bench","version":"1","language":"en","title":"Benchmark",)"
                    R"("minutes":30,"intro":"A long exercise.","disclaimer":"A practice, not therapy.",)"
                    R"("safety":{"step":"ground","resources":[{"label":"Help","text":"Call 988.","link":"tel:988"}]},"steps":[)";
    for (int i = 0; i < steps - 3; i++) {
        std::string id = "s" + std::to_string(i);
        // Weave in the latest text answer (text steps sit at i % 5 == 1).
        std::string woven = i >= 5 ? " You noticed {{s" + std::to_string(i - 4) + "|something}}." : "";
        switch (i % 5) {
            case 0:
                s += R"({"id":")" + id + R"(","kind":"say","text":["Step )" + std::to_string(i) +
                     R"( speaks, if it feels okay.)" + woven + R"("]},)";
                break;
            case 1:
                s += R"({"id":")" + id + R"(","kind":"text","prompt":"What do you notice now?","hint":"A word is enough.",)"
                     R"("reflect_label":"You noticed"},)";
                break;
            case 2:
                s += R"({"id":")" + id + R"(","kind":"choice","prompt":"Which comes closest?","options":[)"
                     R"({"id":"a","label":"A critic","phrase":"a critic"},{"id":"b","label":"A protector"},)"
                     R"({"id":"c","label":"Numbness"}],"other":{"label":"Something else, in my words"}},)";
                break;
            case 3:
                s += R"({"id":")" + id + R"(","kind":"scale","prompt":"How strong is it?","min_label":"Not at all",)"
                     R"("max_label":"Very strong","branches":[{"when":[{"step":")" + id +
                     R"(","at_least":10}],"next":"ground"}]},)";
                break;
            case 4:
                s += R"({"id":")" + id + R"(","kind":"pause","text":["Breathe."],"seconds":10},)";
                break;
        }
    }
    s += R"({"id":"end","kind":"end","text":["Thank you."]},)"
         R"({"id":"ground","kind":"say","text":["Feet on the floor."]},)"
         R"({"id":"ground_back","kind":"say","text":["When you are ready."],"next":"@return"}]})";
    return s;
}

template <typename F>
double median_us(int batches, int per_batch, F&& f) {
    std::vector<double> samples;
    for (int b = 0; b < batches; b++) {
        auto t0 = std::chrono::steady_clock::now();
        for (int i = 0; i < per_batch; i++) f();
        auto t1 = std::chrono::steady_clock::now();
        samples.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count() / per_batch);
    }
    std::sort(samples.begin(), samples.end());
    return samples[samples.size() / 2];
}

}  // namespace

int main() {
    const std::string text = make_exercise(200);
    tend::ExerciseLoad load = tend::load_exercise(text);
    if (!load.ok()) {
        std::fprintf(stderr, "benchmark exercise is invalid:\n");
        for (const auto& p : load.problems) std::fprintf(stderr, "  %s\n", tend::format_problem(p).c_str());
        return 1;
    }
    const tend::Exercise& ex = *load.exercise;
    volatile size_t sink = 0;

    double parse = median_us(7, 20, [&] { sink = sink + tend::load_exercise(text).problems.size(); });

    // One transition = answer the current question (or not) and continue, with the save.
    tend::MemoryStore store;
    tend::Session session(ex, store, "tend/bench/");
    session.open();
    double step = median_us(7, 150, [&] {
        tend::StepView v = session.view();
        if (v.is_end) session.restart();
        else if (v.kind == tend::StepKind::Text) session.set_text("a few words of mine");
        else if (v.kind == tend::StepKind::Choice) session.choose("a");
        else if (v.kind == tend::StepKind::Scale) session.set_scale(4);
        session.next();
    });

    // Save/restore a session that has walked most of the exercise.
    session.restart();
    for (int i = 0; i < 180; i++) {
        tend::StepView v = session.view();
        if (v.kind == tend::StepKind::Text) session.set_text("a few words of mine, a little longer this time");
        session.next();
    }
    std::string saved = tend::session_to_json(session.state());
    double save = median_us(7, 200, [&] { sink = sink + tend::session_to_json(session.state()).size(); });
    double restore = median_us(7, 200, [&] { sink = sink + (tend::session_from_json(saved) ? 1 : 0); });
    double view = median_us(7, 500, [&] { sink = sink + session.view().paragraphs.size(); });
    // A page load with that session in progress: a new Session reads it back, checks it
    // against the exercise and draws the step.
    tend::MemoryStore resume_store;
    resume_store.set("tend/bench/session", saved);
    double resume = median_us(7, 200, [&] {
        tend::Session again(ex, resume_store, "tend/bench/");
        again.open();
        sink = sink + again.view().paragraphs.size();
    });

    std::printf("Tend engine benchmark (median of 7 batches)\n");
    std::printf("  exercise: %zu steps, %zu bytes\n", ex.steps.size(), text.size());
    std::printf("  parse + validate:         %9.1f us\n", parse);
    std::printf("  step transition + save:   %9.1f us\n", step);
    std::printf("  view model of a step:     %9.1f us\n", view);
    std::printf("  session save (%zu bytes): %9.1f us\n", saved.size(), save);
    std::printf("  session restore:          %9.1f us\n", restore);
    std::printf("  open + resume + view:     %9.1f us\n", resume);

    // Validation against the step count: time and the peak heap above what was in use before.
    std::printf("\n  parse + validate by step count (the limit is 500):\n");
    std::printf("  %8s %10s %12s %14s %12s\n", "steps", "bytes", "us", "us per step", "peak KiB");
    for (int n : {50, 100, 200, 400, 500, 1000}) {
        const std::string t = make_exercise(n);
        double us = median_us(5, n >= 1000 ? 20 : 5, [&] { sink = sink + tend::load_exercise(t).problems.size(); });
        size_t before = heap::now;
        heap::peak = before;
        sink = sink + tend::load_exercise(t).problems.size();
        std::printf("  %8d %10zu %12.1f %14.2f %12.1f%s\n", n, t.size(), us, us / n, (heap::peak - before) / 1024.0,
                    n > 500 ? "  (over the limit: refused by its count)" : "");
    }
    return 0;
}
