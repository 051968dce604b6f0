#include "decimal.h"

#include <cmath>
#include <cstdint>
#include <cstring>

namespace tend {

namespace {

// An unsigned integer of up to 132 × 32 bits, little-endian, for exact arithmetic on the
// largest and smallest doubles: 10^1126 (the divisor for the smallest decimal a double can
// round up from, with 800 digits) shifted by 56 bits fits in 3,800 bits.
struct Big {
    static constexpr int kWords = 132;
    uint32_t w[kWords];
    int n = 0;  // words in use; w[n - 1] != 0 unless n == 0

    void set(uint64_t v) {
        n = 0;
        while (v) w[n++] = static_cast<uint32_t>(v), v >>= 32;
    }
    void mul_add(uint32_t m, uint32_t add) {  // *this = *this * m + add
        uint64_t carry = add;
        for (int i = 0; i < n; i++) {
            carry += static_cast<uint64_t>(w[i]) * m;
            w[i] = static_cast<uint32_t>(carry);
            carry >>= 32;
        }
        if (carry && n < kWords) w[n++] = static_cast<uint32_t>(carry);
    }
    void mul_pow(uint32_t base, uint32_t big_power, int big_step, long exponent) {  // *= base^exponent
        for (; exponent >= big_step; exponent -= big_step) mul_add(big_power, 0);
        uint32_t rest = 1;
        while (exponent-- > 0) rest *= base;
        mul_add(rest, 0);
    }
    uint32_t div(uint32_t d) {  // *this /= d; returns the remainder
        uint64_t r = 0;
        for (int i = n - 1; i >= 0; i--) {
            r = r << 32 | w[i];
            w[i] = static_cast<uint32_t>(r / d);
            r %= d;
        }
        while (n && !w[n - 1]) n--;
        return static_cast<uint32_t>(r);
    }
    int bits() const {
        if (!n) return 0;
        int b = 32 * (n - 1);
        for (uint32_t top = w[n - 1]; top; top >>= 1) b++;
        return b;
    }
    void shl(int by) {
        if (!n || by <= 0) return;
        const int words = by / 32, b = by % 32;
        int m = n + words + 1;
        if (m > kWords) m = kWords;
        for (int i = m - 1; i >= 0; i--) {
            const int src = i - words;
            const uint64_t hi = src >= 0 && src < n ? w[src] : 0, lo = src - 1 >= 0 && src - 1 < n ? w[src - 1] : 0;
            w[i] = static_cast<uint32_t>(b ? (hi << b | lo >> (32 - b)) : hi);
        }
        n = m;
        while (n && !w[n - 1]) n--;
    }
    void shr1() {
        for (int i = 0; i < n; i++) w[i] = w[i] >> 1 | (i + 1 < n ? w[i + 1] << 31 : 0);
        while (n && !w[n - 1]) n--;
    }
    bool at_least(const Big& o) const {
        if (n != o.n) return n > o.n;
        for (int i = n - 1; i >= 0; i--)
            if (w[i] != o.w[i]) return w[i] > o.w[i];
        return true;
    }
    void sub(const Big& o) {  // *this -= o, with *this >= o
        int64_t borrow = 0;
        for (int i = 0; i < n; i++) {
            int64_t d = static_cast<int64_t>(w[i]) - (i < o.n ? o.w[i] : 0) - borrow;
            borrow = d < 0;
            w[i] = static_cast<uint32_t>(d + (borrow ? (int64_t{1} << 32) : 0));
        }
        while (n && !w[n - 1]) n--;
    }
    // The 64 bits from bit `from` up, and whether any bit below `from` is set.
    uint64_t bits_from(int from, bool* below) const {
        uint64_t out = 0;
        for (int i = 0; i < 64; i++) {
            const int b = from + i;
            if (b / 32 < n && (w[b / 32] >> (b % 32) & 1)) out |= uint64_t{1} << i;
        }
        *below = false;
        for (int b = 0; b < from && !*below; b++) *below = w[b / 32] >> (b % 32) & 1;
        return out;
    }
};

constexpr uint32_t kTen9 = 1000000000u, kFive13 = 1220703125u;
constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                             1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

// m × 2^-s, plus something smaller than m's last bit when `sticky`, rounded to the nearest
// double (ties to even), subnormals and overflow included.
double to_double(uint64_t m, long s, bool sticky) {
    int len = 0;
    for (uint64_t t = m; t; t >>= 1) len++;
    const long top = len - 1 - s;  // the leading bit's power of two
    if (top > 1023) return HUGE_VAL;
    const long keep = top >= -1022 ? 53 : 53 - (-1022 - top);
    if (keep < 0) return 0;
    const long drop = len - keep;
    if (drop <= 0) return std::ldexp(static_cast<double>(m), static_cast<int>(-s));  // exact (never sticky here)
    uint64_t mant = drop >= 64 ? 0 : m >> drop;
    const uint64_t rest = drop >= 64 ? m : m & ((uint64_t{1} << drop) - 1), half = uint64_t{1} << (drop - 1);
    if (rest > half || (rest == half && (sticky || (mant & 1)))) mant++;
    return std::ldexp(static_cast<double>(mant), static_cast<int>(drop - s));
}

}  // namespace

double decimal_to_double(std::string_view text) {
    // Enough significant digits that a halfway point between two doubles (at most 767 of them)
    // can't fall between the digits kept and the next; anything beyond counts only as "more".
    constexpr int kMaxDigits = 800;
    char digits[kMaxDigits + 1];
    int nd = 0;
    bool more = false;
    long q = 0;  // value = digits × 10^q
    const char *p = text.data(), *end = p + text.size();
    const bool negative = p != end && *p == '-';
    if (negative) p++;
    for (; p != end && *p >= '0' && *p <= '9'; p++) {
        if (nd == 0 && *p == '0') continue;
        if (nd < kMaxDigits) digits[nd++] = *p;
        else more |= *p != '0', q++;
    }
    if (p != end && *p == '.') {
        for (p++; p != end && *p >= '0' && *p <= '9'; p++) {
            if (nd < kMaxDigits) {
                if (nd > 0 || *p != '0') digits[nd++] = *p;
                q--;
            } else {
                more |= *p != '0';
            }
        }
    }
    if (p != end && (*p == 'e' || *p == 'E')) {
        p++;
        const bool minus = p != end && *p == '-';
        if (p != end && (*p == '-' || *p == '+')) p++;
        long e = 0;
        for (; p != end && *p >= '0' && *p <= '9'; p++)
            if (e < 100000000) e = e * 10 + (*p - '0');
        q += minus ? -e : e;
    }
    const double sign = negative ? -1.0 : 1.0;
    if (nd == 0) return sign * 0.0;
    if (more) digits[nd++] = '1', q--;
    const long magnitude = nd + q;  // the value is in [10^(magnitude-1), 10^magnitude)
    if (magnitude > 309) return sign * HUGE_VAL;
    if (magnitude <= -324) return sign * 0.0;  // below 1e-324: nearer zero than the smallest double

    if (nd <= 15 && q >= -22 && q <= 22) {  // both exact as doubles: one rounding, the right one
        uint64_t v = 0;
        for (int i = 0; i < nd; i++) v = v * 10 + static_cast<unsigned>(digits[i] - '0');
        const double d = static_cast<double>(v);
        return sign * (q < 0 ? d / kPow10[-q] : d * kPow10[q]);
    }

    Big num;
    num.set(0);
    for (int i = 0; i < nd;) {
        uint32_t chunk = 0, scale = 1;
        for (int k = 0; k < 9 && i < nd; k++, i++) chunk = chunk * 10 + static_cast<unsigned>(digits[i] - '0'), scale *= 10;
        num.mul_add(scale, chunk);
    }
    if (q >= 0) {
        num.mul_pow(10, kTen9, 9, q);
        const int len = num.bits();
        if (len <= 64) {
            bool below;
            return sign * to_double(num.bits_from(0, &below), 0, false);
        }
        bool below;
        const uint64_t top = num.bits_from(len - 64, &below);
        return sign * to_double(top, -(len - 64), below);
    }
    // num / 10^-q: 55 or 56 bits of the quotient, and whether there is a remainder.
    Big den;
    den.set(1);
    den.mul_pow(10, kTen9, 9, -q);
    const long shift = 55 - (num.bits() - den.bits());
    if (shift > 0) num.shl(static_cast<int>(shift));
    else den.shl(static_cast<int>(-shift));
    den.shl(56);
    uint64_t quotient = 0;
    for (int i = 55; i >= 0; i--) {
        den.shr1();
        if (num.at_least(den)) num.sub(den), quotient |= uint64_t{1} << i;
    }
    return sign * to_double(quotient, shift, num.n != 0);
}

namespace {

// The exact decimal expansion of a finite double v > 0: v = 0.d[0]d[1]... × 10^point, with
// no leading or trailing zero digit. A double has at most 767 significant decimal digits.
struct Digits {
    char d[800];
    int n = 0;
    int point = 1;

    char at(int i) const { return i >= 0 && i < n ? d[i] : '0'; }

    void of(double v) {
        uint64_t bits;
        std::memcpy(&bits, &v, sizeof bits);
        int be = static_cast<int>(bits >> 52 & 0x7FF);
        uint64_t m = bits & ((uint64_t{1} << 52) - 1);
        if (be) m |= uint64_t{1} << 52;
        else be = 1;
        int e = be - 1075;  // v = m × 2^e
        while (!(m & 1)) m >>= 1, e++;
        Big b;
        b.set(m);
        if (e >= 0) b.shl(e);
        else b.mul_pow(5, kFive13, 13, -e);  // m × 2^e = m × 5^-e × 10^e
        uint32_t chunks[90];
        int nc = 0;
        while (b.n) chunks[nc++] = b.div(kTen9);
        n = 0;
        for (int c = nc - 1; c >= 0; c--) {
            char nine[9];
            uint32_t x = chunks[c];
            for (int k = 8; k >= 0; k--) nine[k] = static_cast<char>('0' + x % 10), x /= 10;
            int k = 0;
            if (c == nc - 1)
                while (k < 8 && nine[k] == '0') k++;
            for (; k < 9; k++) d[n++] = nine[k];
        }
        point = n + (e < 0 ? e : 0);
        while (n && d[n - 1] == '0') n--;
    }

    // Rounded to its first k digits, ties to even, as printf rounds in the default mode.
    void round_to(int k) {
        if (k >= n) return;
        if (k < 0) {
            n = 0;
            return;
        }
        const bool up = d[k] > '5' || (d[k] == '5' && (n > k + 1 || (k > 0 && ((d[k - 1] - '0') & 1))));
        n = k;
        if (up) {
            int i = k - 1;
            while (i >= 0 && d[i] == '9') i--;
            if (i < 0) {
                d[0] = '1', n = 1, point++;
            } else {
                d[i]++, n = i + 1;
            }
        }
        while (n && d[n - 1] == '0') n--;
    }
};

struct Out {
    char* buf;
    size_t size;
    size_t len = 0;
    void put(const char* s, size_t count) {
        for (size_t i = 0; i < count; i++, len++)
            if (len + 1 < size) buf[len] = s[i];
    }
    void fill(char c, long count) {
        for (; count > 0; count--, len++)
            if (len + 1 < size) buf[len] = c;
    }
};

// One conversion's text: [spaces] prefix [zeros] body [zeros] suffix [spaces].
struct Field {
    char prefix[3] = {};
    long lead_zeros = 0;
    const char* body = "";
    size_t body_len = 0;
    long mid_zeros = 0;
    char suffix[8] = {};
    void emit(Out& out, long width, bool left) const {
        const size_t plen = std::strlen(prefix), slen = std::strlen(suffix);
        const long total = static_cast<long>(plen + body_len + slen) + (lead_zeros > 0 ? lead_zeros : 0) + mid_zeros;
        if (!left) out.fill(' ', width - total);
        out.put(prefix, plen);
        out.fill('0', lead_zeros);
        out.put(body, body_len);
        out.fill('0', mid_zeros);
        out.put(suffix, slen);
        if (left) out.fill(' ', width - total);
    }
};

}  // namespace

int format_v(char* buf, size_t size, const char* fmt, va_list args) {
    Out out{buf, size};
    for (const char* f = fmt; *f; f++) {
        if (*f != '%') {
            out.put(f, 1);
            continue;
        }
        f++;
        bool left = false, plus = false, space = false, alt = false, zero = false;
        for (;; f++) {
            if (*f == '-') left = true;
            else if (*f == '+') plus = true;
            else if (*f == ' ') space = true;
            else if (*f == '#') alt = true;
            else if (*f == '0') zero = true;
            else break;
        }
        long width = 0, precision = -1;
        if (*f == '*') {
            width = va_arg(args, int), f++;
            if (width < 0) left = true, width = -width;
        } else {
            while (*f >= '0' && *f <= '9') width = width * 10 + (*f++ - '0');
        }
        if (*f == '.') {
            f++;
            if (*f == '*') {
                precision = va_arg(args, int), f++;
                if (precision < 0) precision = -1;
            } else {
                precision = 0;
                while (*f >= '0' && *f <= '9') precision = precision * 10 + (*f++ - '0');
            }
        }
        enum { kInt, kChar, kShort, kLong, kLongLong, kSize, kMax, kDiff } length = kInt;
        if (*f == 'h') length = *++f == 'h' ? (f++, kChar) : kShort;
        else if (*f == 'l') length = *++f == 'l' ? (f++, kLongLong) : kLong;
        else if (*f == 'q') length = kLongLong, f++;
        else if (*f == 'j') length = kMax, f++;
        else if (*f == 'z') length = kSize, f++;
        else if (*f == 't') length = kDiff, f++;
        const char conv = *f;
        if (!conv) break;
        Field field;
        char text[1200];
        switch (conv) {
            case '%': out.put("%", 1); continue;
            case 'c':
                text[0] = static_cast<char>(va_arg(args, int));
                field.body = text, field.body_len = 1;
                break;
            case 's': {
                const char* s = va_arg(args, const char*);
                if (!s) s = "(null)";
                size_t n = 0;
                while ((precision < 0 || n < static_cast<size_t>(precision)) && s[n]) n++;
                field.body = s, field.body_len = n;
                break;
            }
            case 'd':
            case 'i':
            case 'u':
            case 'o':
            case 'x':
            case 'X':
            case 'p': {
                uint64_t u;
                bool negative = false;
                if (conv == 'p') {
                    u = reinterpret_cast<uintptr_t>(va_arg(args, void*));
                    alt = true;
                } else if (conv == 'd' || conv == 'i') {
                    int64_t v;
                    switch (length) {
                        case kChar: v = static_cast<signed char>(va_arg(args, int)); break;
                        case kShort: v = static_cast<short>(va_arg(args, int)); break;
                        case kLong: v = va_arg(args, long); break;
                        case kLongLong: v = va_arg(args, long long); break;
                        case kMax: v = va_arg(args, intmax_t); break;
                        case kSize: v = static_cast<int64_t>(va_arg(args, size_t)); break;
                        case kDiff: v = va_arg(args, ptrdiff_t); break;
                        default: v = va_arg(args, int);
                    }
                    negative = v < 0;
                    u = negative ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
                } else {
                    switch (length) {
                        case kChar: u = static_cast<unsigned char>(va_arg(args, unsigned)); break;
                        case kShort: u = static_cast<unsigned short>(va_arg(args, unsigned)); break;
                        case kLong: u = va_arg(args, unsigned long); break;
                        case kLongLong: u = va_arg(args, unsigned long long); break;
                        case kMax: u = va_arg(args, uintmax_t); break;
                        case kSize: u = va_arg(args, size_t); break;
                        case kDiff: u = static_cast<uint64_t>(va_arg(args, ptrdiff_t)); break;
                        default: u = va_arg(args, unsigned);
                    }
                }
                const unsigned base = conv == 'o' ? 8 : (conv == 'x' || conv == 'X' || conv == 'p') ? 16 : 10;
                const char* symbols = conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
                char* at = text + 24;
                const char* digits_end = at;
                for (uint64_t v = u; v; v /= base) *--at = symbols[v % base];
                if (precision < 0 && at == digits_end) *--at = '0';  // 0 is "0", but %.0d of 0 is ""
                field.body = at, field.body_len = static_cast<size_t>(digits_end - at);
                if (negative) field.prefix[0] = '-';
                else if ((conv == 'd' || conv == 'i') && plus) field.prefix[0] = '+';
                else if ((conv == 'd' || conv == 'i') && space) field.prefix[0] = ' ';
                else if (alt && base == 16 && u) field.prefix[0] = '0', field.prefix[1] = conv == 'X' ? 'X' : 'x';
                if (precision >= 0) field.lead_zeros = precision - static_cast<long>(field.body_len);
                if (alt && base == 8 && field.lead_zeros <= 0 && (field.body_len == 0 || field.body[0] != '0'))
                    field.lead_zeros = 1;
                if (zero && !left && precision < 0)
                    field.lead_zeros = width - static_cast<long>(std::strlen(field.prefix) + field.body_len);
                break;
            }
            case 'f':
            case 'F':
            case 'e':
            case 'E':
            case 'g':
            case 'G': {
                const double v = va_arg(args, double);
                const bool upper = conv == 'F' || conv == 'E' || conv == 'G';
                if (std::signbit(v)) field.prefix[0] = '-';
                else if (plus) field.prefix[0] = '+';
                else if (space) field.prefix[0] = ' ';
                if (!std::isfinite(v)) {
                    field.body = std::isnan(v) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
                    field.body_len = 3;
                    break;
                }
                Digits dg;
                if (v != 0) dg.of(std::fabs(v));
                long p = precision < 0 ? 6 : precision;
                char style = conv == 'f' || conv == 'F' ? 'f' : conv == 'e' || conv == 'E' ? 'e' : 'g';
                bool strip = false;
                if (style == 'g') {
                    if (p == 0) p = 1;
                    dg.round_to(static_cast<int>(p > 800 ? 800 : p));
                    const long x = dg.n ? dg.point - 1 : 0;
                    if (p > x && x >= -4) style = 'f', p = p - 1 - x;
                    else style = 'e', p = p - 1;
                    strip = !alt;
                }
                size_t len = 0;
                if (style == 'f') {
                    const long k = dg.point + p;
                    dg.round_to(static_cast<int>(k > 800 ? 800 : k < -1 ? -1 : k));
                    if (dg.n == 0) dg.point = 1;
                    if (dg.point <= 0) text[len++] = '0';
                    for (int i = 0; i < dg.point; i++) text[len++] = dg.at(i);
                    long written = 0;
                    const long real = dg.n - dg.point;  // fraction digits that aren't zeros to the end
                    const long shown = strip ? (real < p ? real : p) : p;
                    if (shown > 0 || alt) text[len++] = '.';
                    for (; written < shown && written < real && len < sizeof text; written++)
                        text[len++] = dg.at(static_cast<int>(dg.point + written));
                    field.mid_zeros = shown > written ? shown - written : 0;
                } else {
                    dg.round_to(static_cast<int>(p + 1 > 800 ? 800 : p + 1));
                    const long x = dg.n ? dg.point - 1 : 0;
                    text[len++] = dg.at(0);
                    const long real = dg.n - 1;
                    const long shown = strip ? (real < p ? real : p) : p;
                    if (shown > 0 || alt) text[len++] = '.';
                    long written = 0;
                    for (; written < shown && written < real; written++) text[len++] = dg.at(static_cast<int>(1 + written));
                    field.mid_zeros = shown > written ? shown - written : 0;
                    char* s = field.suffix;
                    *s++ = upper ? 'E' : 'e';
                    *s++ = x < 0 ? '-' : '+';
                    const long ax = x < 0 ? -x : x;
                    if (ax >= 100) *s++ = static_cast<char>('0' + ax / 100);
                    *s++ = static_cast<char>('0' + ax / 10 % 10);
                    *s++ = static_cast<char>('0' + ax % 10);
                }
                field.body = text, field.body_len = len;
                if (zero && !left)
                    field.lead_zeros = width - static_cast<long>(std::strlen(field.prefix) + len + std::strlen(field.suffix)) -
                                       field.mid_zeros;
                break;
            }
            default:  // not a conversion this knows: its letter written out as it stands
                out.put(f, 1);
                continue;
        }
        field.emit(out, width, left);
    }
    if (size) buf[out.len < size ? out.len : size - 1] = '\0';
    return static_cast<int>(out.len);
}

int format(char* buf, size_t size, const char* fmt, ...) {
    va_list args;
    va_start(args, fmt);
    const int n = format_v(buf, size, fmt, args);
    va_end(args);
    return n;
}

}  // namespace tend
