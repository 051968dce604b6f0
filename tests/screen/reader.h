// Tend screen tests: one reader's session of a fixture exercise, and the widget's state around
// it, as the widget keeps them (src/web/widget.cpp); screen() builds what they see now.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "fixtures.h"
#include "screen/screen_model.h"
#include "session.h"
#include "store.h"

namespace screen_tests {

using namespace tend;
using namespace tend::screen;

// Dates are the page's to write; the tests' say which language and moment they were asked for.
inline std::string fake_date(int64_t ms, const char* language) { return std::string(language) + "@" + std::to_string(ms); }

struct Reader {
    explicit Reader(const std::string& fixture)
        : exercise(fixtures::load_fixture(fixture)), words(exercise.language),
          session(exercise, store, "tend/test/" + exercise.id + "/", [this] { return now += 1000; }) {
        session.open();
        around.pacer = &pacer;
    }

    Screen screen() {
        view = session.view();
        // As the widget does: a new pause's clock, started or waiting as the pause breathes.
        if (view.kind == StepKind::Pause && pacer_for != view.step_id)
            pacer.reset(view.seconds, view.breathing), pacer_for = view.step_id;
        return build_screen({exercise, session.state(), view, practice, help, around, words, &fake_date});
    }
    void go_to(const std::string& step_id) {
        for (int i = 0; i < 20 && session.state().current != step_id; i++) {
            Screen s = screen();
            if (const Control* c = s.control("continue"); c && c->enabled) session.next();
            else session.skip();
        }
        REQUIRE(session.state().current == step_id);
    }

    int64_t now = 1700000000000;
    Exercise exercise;
    Words words;
    MemoryStore store;
    Session session;
    StepView view;
    Practice practice;
    Help help = help_for("US", {}, exercise.language);
    Surroundings around;
    PacerClock pacer;
    std::string pacer_for;
};

// The keys of a place's controls, in reading order.
inline std::vector<std::string> keys(const Screen& s, Place place) {
    std::vector<std::string> out;
    for (const Control& c : s.controls)
        if (c.place == place) out.push_back(c.key);
    return out;
}

}  // namespace screen_tests
