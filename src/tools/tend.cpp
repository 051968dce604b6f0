// `tend`: tools for people who write exercises.
//
//   tend lint FILE...         every problem as "file: /json/path: message"; exit 1 if any
//   tend play FILE            play an exercise in the terminal, answers read from stdin
//   tend transcripts FILE DIR one readable transcript per path, plus a content hash
//
// `play` is built so a test can script a whole playthrough: guide text is printed and
// passed by, and each question reads one line. A line starting with ':' is a command
// (:skip :back :pause :return :quit); anything else is the answer.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "care_checks.h"
#include "json_tree.h"
#include "screen/screen_model.h"
#include "screen/words.h"
#include "session.h"
#include "store.h"
#include "transcripts.h"
#include "validator.h"

namespace {

bool read_file(const std::string& path, std::string* out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    *out = ss.str();
    return true;
}

// Loads and validates one file, printing its problems. Returns the exercise on success.
std::optional<tend::Exercise> load_or_report(const std::string& path, bool with_care_checks, int* problem_count) {
    std::string text;
    if (!read_file(path, &text)) {
        std::printf("%s: cannot be read\n", path.c_str());
        (*problem_count)++;
        return std::nullopt;
    }
    tend::ExerciseLoad load = tend::load_exercise(text);
    std::vector<tend::Problem> problems = load.problems;
    if (load.ok() && with_care_checks) {
        std::vector<tend::Problem> care = tend::care_checks(*load.exercise);
        problems.insert(problems.end(), care.begin(), care.end());
        const std::string& language = load.exercise->language;
        if (!tend::screen::has_words_for(language))
            problems.push_back({"/language", "Tend has no words of its own in \"" + language +
                                                 "\" yet, so a reader would meet its buttons, progress and notices in "
                                                 "English: add src/screen/words/<language>.json (see word_list.h)"});
    }
    for (const tend::Problem& p : problems) std::printf("%s: %s\n", path.c_str(), tend::format_problem(p).c_str());
    *problem_count += static_cast<int>(problems.size());
    if (!problems.empty()) return std::nullopt;
    return load.exercise;
}

// Whether a file is a JSON Schema (its "$schema" names the JSON Schema meta-schema), as
// exercises/schema.json is: `tend lint exercises/*.json` meets it beside the exercises.
bool is_json_schema(const std::string& path) {
    std::string text;
    if (!read_file(path, &text)) return false;
    tend::JsonTreeParse parsed = tend::parse_json_tree(text);
    const tend::JsonNode* schema = parsed.ok && parsed.tree.root().is_object() ? parsed.tree.root().find("$schema") : nullptr;
    const std::string_view* name = schema ? schema->if_string() : nullptr;
    return name && name->find("json-schema.org") != std::string_view::npos;
}

int lint(const std::vector<std::string>& files) {
    int problems = 0;
    size_t linted = 0;
    for (const std::string& f : files) {
        if (is_json_schema(f)) {
            std::printf("%s: the JSON Schema editors check exercises with, not an exercise: skipped\n", f.c_str());
            continue;
        }
        load_or_report(f, true, &problems);
        linted++;
    }
    if (problems == 0) std::printf("%zu exercise%s, no problems\n", linted, linted == 1 ? "" : "s");
    return problems == 0 ? 0 : 1;
}

// ---- play -------------------------------------------------------------------------------

void print_paragraphs(const std::vector<std::string>& paragraphs) {
    for (const std::string& p : paragraphs) std::printf("%s\n\n", p.c_str());
}

void print_step(const tend::StepView& v) {
    std::printf("--- %s %d of about %d%s ---\n", v.in_safety ? "Pause" : "Step", v.step_number, v.step_total,
                v.in_safety ? " (taking a pause)" : "");
    print_paragraphs(v.paragraphs);
    if (!v.prompt.empty()) std::printf("%s\n", v.prompt.c_str());
    if (!v.hint.empty()) std::printf("(%s)\n", v.hint.c_str());
    for (size_t i = 0; i < v.choices.size(); i++) std::printf("  %zu. %s\n", i + 1, v.choices[i].label.c_str());
    if (!v.other_label.empty()) std::printf("  other: %s\n", v.other_label.c_str());
    if (v.kind == tend::StepKind::Scale)
        std::printf("  0 = %s … 10 = %s\n", v.min_label.c_str(), v.max_label.c_str());
}

std::string trim(const std::string& s) {
    size_t a = s.find_first_not_of(" \t\r\n"), b = s.find_last_not_of(" \t\r\n");
    return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

// Applies one line of input to a question. Returns false (with a message) if it made no sense.
bool answer_line(tend::Session& session, const tend::StepView& v, const std::string& line) {
    switch (v.kind) {
        case tend::StepKind::Text:
            return session.set_text(line) && session.next();
        case tend::StepKind::Scale: {
            char* end = nullptr;
            long n = std::strtol(line.c_str(), &end, 10);
            if (line.empty() || *end != '\0') return false;
            return session.set_scale(static_cast<int>(n)) && session.next();
        }
        case tend::StepKind::Choice: {
            if (line.rfind("other:", 0) == 0) return session.set_other(true, trim(line.substr(6))) && session.next();
            std::stringstream parts(line);
            std::string part;
            while (std::getline(parts, part, ',')) {
                part = trim(part);
                std::string id = part;
                char* end = nullptr;
                long n = std::strtol(part.c_str(), &end, 10);
                if (!part.empty() && *end == '\0' && n >= 1 && n <= static_cast<long>(v.choices.size())) id = v.choices[n - 1].id;
                if (!session.choose(id)) return false;
            }
            return session.next();
        }
        default:
            return false;
    }
}

int play(const std::string& path) {
    int problems = 0;
    std::optional<tend::Exercise> exercise = load_or_report(path, false, &problems);
    if (!exercise) return 1;
    tend::MemoryStore store;
    tend::Session session(*exercise, store, "tend/play/" + exercise->id + "/");
    session.open();
    std::printf("%s (about %d minutes)\n%s\n%s\n\n", exercise->title.c_str(), exercise->minutes, exercise->intro.c_str(),
                exercise->disclaimer.c_str());

    std::string line;
    for (int guard = 0; guard < 10000; guard++) {
        tend::StepView v = session.view();
        print_step(v);
        if (v.is_end) {
            for (const tend::screen::Reflection& r : tend::screen::words_of(*exercise, session.state()))
                std::printf("  %s: %s\n", r.label.c_str(), r.text.c_str());
            std::printf("[finished]\n");
            return 0;
        }
        if (!tend::is_question(v.kind)) {
            if (v.kind == tend::StepKind::Pause) std::printf("[a %d-second pause]\n", v.seconds);
            std::printf("\n");
            session.next();
            continue;
        }
        std::printf("> ");
        if (!std::getline(std::cin, line)) {
            std::printf("\n[stopped: no more input]\n");
            return 2;
        }
        line = trim(line);
        std::printf("%s\n\n", line.c_str());
        bool ok;
        if (line == ":skip") ok = session.skip();
        else if (line == ":back") ok = session.back();
        else if (line == ":pause") ok = session.enter_safety();
        else if (line == ":return") ok = session.leave_safety();
        else if (line == ":quit") { std::printf("[stopped]\n"); return 0; }
        else ok = answer_line(session, v, line);
        if (!ok) std::printf("[that didn't fit this step; try again]\n\n");
    }
    return 1;
}

int transcripts(const std::string& path, const std::string& dir) {
    int problems = 0;
    std::optional<tend::Exercise> exercise = load_or_report(path, false, &problems);
    if (!exercise) return 1;
    std::string error;
    std::string text;
    read_file(path, &text);
    tend::TranscriptSet set = tend::make_transcripts(*exercise, text);
    if (!tend::write_transcripts(set, dir, &error)) {
        std::fprintf(stderr, "tend transcripts: %s\n", error.c_str());
        return 1;
    }
    std::printf("%zu path%s written to %s\ncontent hash: %s\n", set.transcripts.size(),
                set.transcripts.size() == 1 ? "" : "s", dir.c_str(), set.hash.c_str());
    return 0;
}

int usage() {
    std::fprintf(stderr,
                 "usage:\n  tend lint FILE...\n  tend play FILE\n  tend transcripts FILE OUTPUT_DIR\n");
    return 64;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) return usage();
    std::string cmd = argv[1];
    std::vector<std::string> args(argv + 2, argv + argc);
    if (cmd == "lint") return lint(args);
    if (cmd == "play" && args.size() == 1) return play(args[0]);
    if (cmd == "transcripts" && args.size() == 2) return transcripts(args[0], args[1]);
    return usage();
}
