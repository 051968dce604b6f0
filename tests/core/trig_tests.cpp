// sin_f and cos_f (trig.h) against the double-precision sin and cos rounded to a float, and
// against libc's sinf and cosf (a unit in the last place apart at most), over the angles Tend
// draws with and far past them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <random>

#include "trig.h"

namespace {

int64_t ulps_apart(float a, float b) {
    int32_t ia, ib;
    std::memcpy(&ia, &a, sizeof ia);
    std::memcpy(&ib, &b, sizeof ib);
    if (ia < 0) ia = INT32_MIN - ia;  // floats in the order of their values, as integers
    if (ib < 0) ib = INT32_MIN - ib;
    return ia > ib ? int64_t{ia} - ib : int64_t{ib} - ia;
}

}  // namespace

TEST_CASE("sin_f and cos_f are sin and cos rounded to a float") {
    std::mt19937 rng(2026);
    int64_t worst = 0, differ = 0, tried = 0;
    auto check = [&](float x) {
        const int64_t s = ulps_apart(tend::sin_f(x), std::sin(x)), c = ulps_apart(tend::cos_f(x), std::cos(x));
        INFO("x = " << x);
        CHECK(s <= 1);
        CHECK(c <= 1);
        // The double-precision result, rounded once to a float.
        const float ds = static_cast<float>(std::sin(static_cast<double>(x))), dc = static_cast<float>(std::cos(static_cast<double>(x)));
        worst = std::max({worst, ulps_apart(tend::sin_f(x), ds), ulps_apart(tend::cos_f(x), dc)});
        differ += (tend::sin_f(x) != ds) + (tend::cos_f(x) != dc);
        tried += 2;
    };
    for (int i = 0; i <= 100000; i++) check(static_cast<float>(i) * (6.2831853f / 100000));  // a circle, finely
    for (int i = 0; i <= 96; i++) check(static_cast<float>(i) * 6.2831853f / 96);               // the pacer's 96 segments
    std::uniform_real_distribution<float> small(-100.0f, 100.0f), large(-2.0e8f, 2.0e8f);
    for (int i = 0; i < 200000; i++) check(small(rng));
    for (int i = 0; i < 20000; i++) check(large(rng));
    for (float x : {0.0f, -0.0f, 1e-30f, -1e-30f, 1e-8f, 0.785398f, 1.5707964f, 3.1415927f, -3.1415927f, 4.712389f})
        check(x);
    CHECK(std::signbit(tend::sin_f(-0.0f)));
    CHECK(std::isnan(tend::sin_f(INFINITY)));
    CHECK(std::isnan(tend::cos_f(NAN)));
    // Nearly always the very float the double rounds to: a difference is a rounding at a hair's
    // breadth (a value within 1e-14 of halfway between two floats), or past 2^28.
    INFO("worst " << worst << " ulp from the double's; " << differ << " of " << tried << " differ");
    CHECK(worst <= 1);
    CHECK(differ * 10000 < tried);
}
