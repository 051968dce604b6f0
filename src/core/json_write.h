// Tend: writing JSON straight into a string, without building a tree first.
//
// The engine's documents (a saved session, the journal's export) have shapes known in
// advance, so their writers put them together from these pieces. The bytes are exactly those
// nlohmann's dump() gives for the same document (with ensure_ascii off and invalid UTF-8
// replaced), which the engine used before: the same state still gives the same bytes, and
// nothing the widget links needs nlohmann's serializer (some 15 KB of wasm, 7 KB gzipped).
#pragma once

#include <string>
#include <string_view>

namespace tend {

// Appends `s` as a JSON string, quotes included: the short escapes where JSON has them,
// \u00xx (lower-case hex) for the other control characters, every other byte as it is, except
// that malformed UTF-8 becomes U+FFFD, one for each maximal ill-formed subsequence (a lead
// byte and the continuation bytes that still fit it, or a single stray byte).
void append_json_string(std::string& out, std::string_view s);

// Appends `compact` (JSON with no whitespace outside strings, as the writers here make it)
// laid out as dump(indent) lays it out: each member and item on a line of its own, `indent`
// spaces per level, "key": value, and {} or [] when empty. Keys are not sorted here: a
// document whose keys are in order comes out as nlohmann would write it.
void append_json_indented(std::string& out, std::string_view compact, int indent);

}  // namespace tend
