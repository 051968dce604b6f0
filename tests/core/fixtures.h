// Tend tests: finding and reading the files the tests use (exercises/, tests/data/), in one
// place rather than a copy per test file.
//
// Paths start from TEND_SOURCE_DIR, the checkout, which CMakeLists.txt passes to the tests,
// so they don't depend on the directory the tests run from (natively or under Node).
#pragma once

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "exercise.h"
#include "problem.h"
#include "validator.h"

namespace fixtures {

// A path in the checkout: source_path("exercises").
inline std::string source_path(const std::string& relative) { return std::string(TEND_SOURCE_DIR) + "/" + relative; }

// A file under tests/data: data_path("care/passing.json").
inline std::string data_path(const std::string& relative) { return source_path("tests/data/" + relative); }

// The whole file, byte for byte. A file that can't be opened fails the test here, naming it,
// rather than later as a puzzling empty text.
inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    INFO("reading " << path);
    REQUIRE(in.good());
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// An exercise under tests/data that must load without problems; if it doesn't, the test
// stops here and shows them.
inline tend::Exercise load_fixture(const std::string& relative) {
    tend::ExerciseLoad load = tend::load_exercise(read_file(data_path(relative)));
    for (const tend::Problem& p : load.problems) UNSCOPED_INFO(relative << ": " << tend::format_problem(p));
    REQUIRE(load.ok());
    return *load.exercise;
}

}  // namespace fixtures
