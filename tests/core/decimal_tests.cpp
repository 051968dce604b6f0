// The engine's own strtod and printf (decimal.h) against the C library's: the same double
// for every decimal text, the same text for every format and value. Natively that is glibc;
// in the wasm build of these tests, musl. Both round exactly, so both must agree with ours.
#include <catch2/catch.hpp>

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>

#include "decimal.h"

namespace {

std::string hexbits(double d) {
    uint64_t b;
    std::memcpy(&b, &d, sizeof b);
    char s[32];
    std::snprintf(s, sizeof s, "%016llx", static_cast<unsigned long long>(b));
    return s;
}

void same_double(const std::string& text) {
    const double ours = tend::decimal_to_double(text), libc = std::strtod(text.c_str(), nullptr);
    INFO(text.substr(0, 200) << (text.size() > 200 ? "…" : "") << " (" << text.size() << " characters)");
    CHECK(hexbits(ours) == hexbits(libc));
}

double random_double(std::mt19937_64& rng) {
    uint64_t b = rng();
    double d;
    std::memcpy(&d, &b, sizeof d);
    return d;
}

// Decimal text for the point halfway between d and the next double up (exact: a long double
// holds it, and printf writes a long double's exact expansion), nudged by `nudge` in its last
// place (-1, 0 or +1), so ties and their neighbours are tried.
std::string halfway(double d, int nudge) {
    const long double mid = (static_cast<long double>(d) + std::nextafter(d, HUGE_VAL)) / 2;
    char s[1200];
    std::snprintf(s, sizeof s, "%.780Le", mid);
    std::string text = s;
    if (nudge) {
        const size_t e = text.find('e');
        std::string digits = text.substr(0, e), exponent = text.substr(e);
        // Add or take one in the last of 780 decimals (the halfway point needs fewer, so the
        // digits there are zeros and "+1" never carries; "-1" borrows through them).
        if (nudge > 0) {
            digits.back() = '1';
        } else {
            size_t i = digits.size() - 1;
            while (digits[i] == '0' || digits[i] == '.') {
                if (digits[i] == '0') digits[i] = '9';
                i--;
            }
            digits[i]--;
        }
        text = digits + exponent;
    }
    return text;
}

// What C says %#.Pg writes, from the library's %e and %f: %#.(P-1-X)f when P > X >= -4, where X
// is %.(P-1)e's exponent, else %#.(P-1)e. (glibc 2.36's own %#g drops the zeros when rounding
// carries into a new digit: 999999.5 is "1.e+06" there, "1.00000e+06" in C and in musl.)
int alternate_g(char* out, size_t size, int p, double v) {
    if (!std::isfinite(v)) return std::snprintf(out, size, "%#g", v);
    char e[64];
    std::snprintf(e, sizeof e, "%.*e", p - 1, v);
    const int x = std::atoi(std::strchr(e, 'e') + 1);
    return p > x && x >= -4 ? std::snprintf(out, size, "%#.*f", p - 1 - x, v) : std::snprintf(out, size, "%#.*e", p - 1, v);
}

void same_text(const char* fmt, double v) {
    char ours[2000], libc[2000];
    const int n = tend::format(ours, sizeof ours, fmt, v);
    const int m = std::strcmp(fmt, "%#g") == 0     ? alternate_g(libc, sizeof libc, 6, v)
                  : std::strcmp(fmt, "%#.3g") == 0 ? alternate_g(libc, sizeof libc, 3, v)
                                                   : std::snprintf(libc, sizeof libc, fmt, v);
    INFO(fmt << " of " << hexbits(v));
    CHECK(std::string(ours) == std::string(libc));
    CHECK(n == m);
}

}  // namespace

TEST_CASE("decimal_to_double reads what strtod reads, to the last bit") {
    for (const char* t : {"0", "-0", "0.0", "1", "-1", "0.1", "0.5", "1e308", "1.7976931348623157e308",
                          "1.7976931348623158e308", "1.7976931348623159e308", "1e309", "1e400", "-1e400", "1e-400",
                          "4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
                          "2.2250738585072011e-308", "2.2250738585072014e-308", "2.2250738585072012e-308",
                          "9007199254740993", "9007199254740992.5", "18446744073709551616", "123456789012345678901234567890",
                          "0.000000000000000000000000000001", "1e22", "1e23", "8.5e-323", "3.14159", "-2.5e-3", "1E5",
                          "1e+5", "100000000000000000000000000000000000000000000000000000000000e-60", "2.5", "0.1e1",
                          "1.00000000000000011102230246251565404236316680908203125",
                          "1.00000000000000011102230246251565404236316680908203124",
                          "1.00000000000000011102230246251565404236316680908203126"})
        same_double(t);

    std::mt19937_64 rng(20261202);
    SECTION("random digits and exponents") {
        for (int i = 0; i < 20000; i++) {
            const int digits = i % 50 == 0 ? 1 + static_cast<int>(rng() % 1200) : 1 + static_cast<int>(rng() % 25);
            std::string s;
            if (rng() & 1) s += '-';
            for (int k = 0; k < digits; k++) s += static_cast<char>('0' + rng() % 10);
            if (s.size() > 1 && s[s.size() - digits] == '0' && digits > 1) s[s.size() - digits] = '1';  // JSON: no leading 0
            if (rng() % 3) {
                s += '.';
                const int frac = 1 + static_cast<int>(rng() % (i % 50 == 1 ? 900 : 20));
                for (int k = 0; k < frac; k++) s += static_cast<char>('0' + rng() % 10);
            }
            if (rng() % 3) s += "e" + std::to_string(static_cast<int>(rng() % 700) - 350);
            same_double(s);
        }
    }
    SECTION("every double printed back, and the halfway points between doubles") {
        for (int i = 0; i < 4000; i++) {
            double d = std::fabs(random_double(rng));
            if (i % 4 == 1) d = std::ldexp(static_cast<double>(rng() % 10000), static_cast<int>(rng() % 2100) - 1074 - 13);
            if (!std::isfinite(d) || d >= DBL_MAX) continue;
            char s[64];
            for (const char* fmt : {"%.17g", "%.16g", "%.15g", "%.3g"}) {
                std::snprintf(s, sizeof s, fmt, d);
                same_double(s);
            }
            for (int nudge = -1; nudge <= 1; nudge++) same_double(halfway(d, nudge));
        }
    }
}

TEST_CASE("format writes what snprintf writes") {
    const char* kFloatFormats[] = {"%g",    "%.0g",  "%.1g",   "%.3g",  "%.10g",   "%.17g",  "%#g",    "%#.3g", "%e",
                                   "%.0e",  "%.3e",  "%.20e",  "%#.0e", "%E",      "%f",     "%.0f",   "%.1f",  "%.3f",
                                   "%.20f", "%#.0f", "%F",     "%G",    "%+g",     "% f",    "%10.3f", "%-12e|", "%012.4f",
                                   "%-+9.2f|", "%08g", "%.1f:1", "%.40g", "%.400f", "%.100e", "%+010.1e"};
    std::mt19937_64 rng(1202);
    std::vector<double> values = {0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, 0.25, 0.125, 9.5, 99.95, 999999.5, 1e-5, 1e-4,
                                  123456.0, 1234567.0, 1795701900000.0, 3.0, -12.25, 1e300, 1e-300, DBL_MAX, DBL_MIN,
                                  DBL_TRUE_MIN, 0.1, 1.0 / 3, 2.0 / 3, 7.0, 21.0, 4.5, 1e21, 1e22, 1e23,
                                  HUGE_VAL, -HUGE_VAL, std::nan("")};
    for (int i = 0; i < 3000; i++) {
        double d = random_double(rng);
        if (i % 3 == 1) d = static_cast<double>(static_cast<int64_t>(rng() % 2000000) - 1000000) / (1 << (rng() % 12));
        if (i % 3 == 2) d = static_cast<double>(rng() % 100000) / 100.0;
        values.push_back(d);
    }
    for (double v : values)
        for (const char* fmt : kFloatFormats) same_text(fmt, v);

    char ours[256], libc[256];
    auto check = [&](int n, int m) {
        CHECK(std::string(ours) == std::string(libc));
        CHECK(n == m);
    };
#define BOTH(...) check(tend::format(ours, sizeof ours, __VA_ARGS__), std::snprintf(libc, sizeof libc, __VA_ARGS__))
    BOTH("%04lld-%02lld-%02lld %02lld:%02lld UTC", 2026LL, 12LL, 2LL, 4LL, 5LL);
    BOTH("%016lld", 1795701900000LL);
    BOTH("#%02x%02x%02x", 0x7a, 0x5c, 0x99);
    BOTH("%d %i %u %x %X %o %5d|%-5d|%+d % d %.3d %.0d %hhd %hd %ld %lld %llu %zu %c %% %s %.3s %*d %-*d| %.*s", 42, -7,
         4000000000u, 255u, 255u, 8u, 3, 3, 3, 3, 3, 0, static_cast<signed char>(-100), static_cast<short>(-7000), -5L, -9223372036854775807LL - 1, 18446744073709551615ULL,
         static_cast<size_t>(12345), 'x', "hello", "hello", 6, 9, 6, 9, 2, "hello");
    BOTH("%#x %#o %#X %#o %08.3d %-8d| %08x %#08x %+05d %s/%s_%08X", 0u, 0u, 255u, 8u, 5, 5, 0xabu, 0xabu, 12, "Window",
         "child", 0xDEADBEEFu);
    BOTH("##Tooltip_%02d ##Popup_%08x ##Menu_%02d", 3, 0x1234u, 12);
    BOTH("%s", "");
    BOTH("plain text, no conversions");

    // Cut short: the length the whole text would have, and what fits with its NUL.
    char small[8];
    CHECK(tend::format(small, sizeof small, "%s and more", "hello") == 14);
    CHECK(std::string(small) == "hello a");
    CHECK(tend::format(nullptr, 0, "%d", 12345) == 5);
#undef BOTH
}
