#include "trig.h"

namespace tend {

namespace {

// sin(r) and cos(r) for |r| <= π/4, by their Taylor series to r^15 and r^16: the first
// term left out is below 3e-15 of the result, far under a float's 6e-8.
double sin_near(double r) {
    const double r2 = r * r;
    return r * (1 + r2 * (-1.0 / 6 + r2 * (1.0 / 120 + r2 * (-1.0 / 5040 + r2 * (1.0 / 362880 + r2 * (-1.0 / 39916800 +
           r2 * (1.0 / 6227020800 + r2 * (-1.0 / 1307674368000))))))));
}
double cos_near(double r) {
    const double r2 = r * r;
    return 1 + r2 * (-1.0 / 2 + r2 * (1.0 / 24 + r2 * (-1.0 / 720 + r2 * (1.0 / 40320 + r2 * (-1.0 / 3628800 +
           r2 * (1.0 / 479001600 + r2 * (-1.0 / 87178291200 + r2 * (1.0 / 20922789888000))))))));
}

// x = k·π/2 + r with |r| <= π/4 (a little more past 2^28): π/2 in two parts, the first with
// 33 bits, so that little is lost in k times it for the k a float below 2^28 gives.
double reduce(float x, int* quadrant) {
    constexpr double kTwoOverPi = 6.36619772367581382433e-01;
    constexpr double kPiOver2Hi = 1.57079631090164184570e+00, kPiOver2Lo = 1.58932547735281966916e-08;
    const double d = x;
    const double k = __builtin_rint(d * kTwoOverPi);
    *quadrant = static_cast<int>(static_cast<long long>(k) & 3);
    if (k == 0) return d;  // keeps -0 as -0
    return d - k * kPiOver2Hi - k * kPiOver2Lo;
}

}  // namespace

float sin_f(float x) {
    if (x != x || x - x != 0) return x - x;  // NaN and ±infinity: NaN, as sinf gives
    int q;
    const double r = reduce(x, &q);
    const double v = q == 0 ? sin_near(r) : q == 1 ? cos_near(r) : q == 2 ? -sin_near(r) : -cos_near(r);
    return static_cast<float>(v);
}

float cos_f(float x) {
    if (x != x || x - x != 0) return x - x;
    int q;
    const double r = reduce(x, &q);
    const double v = q == 0 ? cos_near(r) : q == 1 ? -sin_near(r) : q == 2 ? -cos_near(r) : sin_near(r);
    return static_cast<float>(v);
}

}  // namespace tend
