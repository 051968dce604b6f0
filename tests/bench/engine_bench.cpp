// Tend engine benchmark: prints numbers, asserts nothing about speed.
//
//   parse + validate a 200-step exercise
//   one step transition (answer, branches, save to the store)
//   session save (to JSON) and restore (from JSON, checked)
//
// Each figure is the median of several timed batches, in microseconds per operation.
// The target (from the engine issue) is well under 1 ms for every engine operation.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "session.h"
#include "store.h"
#include "validator.h"

namespace {

// A 200-step exercise with every step kind, branches and interpolation, built as text so
// the parse is measured from raw bytes like a real file.
std::string make_exercise(int steps) {
    std::string s = R"({"format":"tend.exercise/1","id":"bench","version":"1","language":"en","title":"Benchmark",)"
                    R"("minutes":30,"intro":"A long exercise.","disclaimer":"A practice, not therapy.",)"
                    R"("safety":{"step":"ground","resources":[{"label":"Help","text":"Call 988.","link":"tel:988"}]},"steps":[)";
    for (int i = 0; i < steps - 4; i++) {
        std::string id = "s" + std::to_string(i);
        // Weave in the latest text answer (text steps sit at i % 5 == 1).
        std::string woven = i >= 5 ? " You noticed {{s" + std::to_string(i - 4) + "|something}}." : "";
        switch (i % 5) {
            case 0:
                s += R"({"id":")" + id + R"(","kind":"say","text":["Step )" + std::to_string(i) +
                     R"( speaks, if it feels okay.)" + woven + R"("]},)";
                break;
            case 1:
                s += R"({"id":")" + id + R"(","kind":"text","prompt":"What do you notice now?","hint":"A word is enough."},)";
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
    s += R"({"id":"close","kind":"summary","items":[{"step":"s1","label":"You noticed"}]},)"
         R"({"id":"end","kind":"end","text":["Thank you."]},)"
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
    return 0;
}
