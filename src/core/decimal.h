// Tend: numbers as decimal text, both ways, exactly as C's strtod and printf do them, without
// linking either. libc's versions work in long double, which on wasm is 128 bits wide and done
// in software: with them come printf's whole machinery and the 128-bit float helpers, about
// 8 KB of every reader's download. These work in doubles and small exact integers instead.
#pragma once

#include <cstdarg>
#include <cstddef>
#include <string_view>

namespace tend {

// The double nearest the decimal number in `text` (ties to even), as strtod gives it: an
// optional '-', digits, an optional '.' and digits, an optional exponent ("e-7"). Only that
// shape is read (JSON's numbers, checked before this is called); anything after it is
// ignored. A value beyond a double's range is ±infinity; one below the smallest is ±0.
double decimal_to_double(std::string_view text);

// vsnprintf and snprintf: the same output for the same arguments, and the same return value
// (the length the whole result would have; at most size - 1 bytes are written, then a NUL).
// Conversions: d i u o x X c s p % and f F e E g G (doubles, rounded exactly as printf
// rounds: from the number's exact value, ties to even); flags - + space # 0; width and
// precision, also as *; lengths hh h l ll j z t. No long double (L), no %n, no %a.
int format_v(char* buf, size_t size, const char* fmt, va_list args);
int format(char* buf, size_t size, const char* fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

}  // namespace tend
