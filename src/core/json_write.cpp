// Tend: writing JSON straight into a string (see json_write.h).
#include "json_write.h"


#include "decimal.h"
#include "text.h"

namespace tend {
namespace {

// How many bytes one U+FFFD stands for at a malformed sequence (utf8_sequence_length() is 0
// there): the lead byte and the continuation bytes that still fit it, or just the one byte
// when it can't start a sequence. This is where nlohmann's decoder gives up, and what it
// replaces: "\xE1\x80t" is U+FFFD then "t", "\xE0\x80" is two of them.
size_t malformed_length(const unsigned char* p, const unsigned char* end) {
    const unsigned c = p[0];
    unsigned lo = 0x80, hi = 0xBF;
    size_t need;  // continuation bytes the lead byte asks for
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        if (c == 0xE0) lo = 0xA0;  // no overlong forms
        if (c == 0xED) hi = 0x9F;  // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        if (c == 0xF0) lo = 0x90;  // no overlong forms
        if (c == 0xF4) hi = 0x8F;  // nothing past U+10FFFF
    } else {
        return 1;
    }
    size_t n = 1;
    while (n <= need && end - p > static_cast<std::ptrdiff_t>(n) && p[n] >= lo && p[n] <= hi) {
        n++;
        lo = 0x80, hi = 0xBF;  // only the second byte has narrower bounds
    }
    return n;
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
    static const char kHex[] = "0123456789abcdef";
    const auto* end = reinterpret_cast<const unsigned char*>(s.data()) + s.size();
    const auto* run = reinterpret_cast<const unsigned char*>(s.data());  // bytes not yet copied
    auto flush = [&](const unsigned char* to) { out.append(reinterpret_cast<const char*>(run), static_cast<size_t>(to - run)); };
    out += '"';
    for (const unsigned char* p = run; p != end;) {
        const unsigned char c = *p;
        if (c >= 0x80) {
            const size_t n = utf8_sequence_length(p, end);
            if (n > 0) {
                p += n;
                continue;
            }
            flush(p);
            run = p += malformed_length(p, end);
            out += "\xEF\xBF\xBD";
            continue;
        }
        if (c >= 0x20 && c != '"' && c != '\\') {
            ++p;
            continue;
        }
        flush(p);
        run = ++p;
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                out += "\\u00";
                out += kHex[c >> 4];
                out += kHex[c & 0xF];
                break;
        }
    }
    flush(end);
    out += '"';
}

void append_json_indented(std::string& out, std::string_view compact, int indent) {
    size_t depth = 0;
    auto new_line = [&] {
        out += '\n';
        out.append(depth * static_cast<size_t>(indent), ' ');
    };
    const size_t size = compact.size();
    for (size_t i = 0; i < size; i++) {
        const char c = compact[i];
        switch (c) {
            case '"': {  // a string or a key, copied as it is, escapes and all
                size_t j = i + 1;
                while (j < size && compact[j] != '"') j += compact[j] == '\\' ? 2 : 1;
                out.append(compact.substr(i, j + 1 - i));
                i = j;
                break;
            }
            case '{':
            case '[':
                out += c;
                if (i + 1 < size && (compact[i + 1] == '}' || compact[i + 1] == ']')) {
                    out += compact[++i];  // empty: {} or []
                } else {
                    depth++;
                    new_line();
                }
                break;
            case '}':
            case ']':
                depth--;
                new_line();
                out += c;
                break;
            case ',':
                out += ',';
                new_line();
                break;
            case ':': out += ": "; break;
            default: out += c;
        }
    }
}

JsonWriter& JsonWriter::num(double v) {
    sep();
    char buf[32];
    format(buf, sizeof buf, "%g", v);
    out_ += buf;
    return *this;
}

JsonWriter& JsonWriter::integer(int64_t v) {
    sep();
    // Digits from the end of a buffer: a save writes a dozen timestamps, and std::to_string
    // would allocate for each.
    char digits[24];
    char* at = digits + sizeof digits;
    uint64_t u = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
    do *--at = static_cast<char>('0' + u % 10);
    while (u /= 10);
    if (v < 0) *--at = '-';
    out_.append(at, static_cast<size_t>(digits + sizeof digits - at));
    return *this;
}

JsonWriter& JsonWriter::strings(const std::vector<std::string>& v) {
    begin('[');
    for (const std::string& s : v) str(s);
    return end(']');
}

}  // namespace tend
