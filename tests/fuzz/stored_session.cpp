// libFuzzer: a saved session or journal entry, as the widget reads it back from storage
// (session_from_json). Nothing may crash or trip a sanitizer; a refusal always says why, and
// what is accepted is written back to the same state.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "session_state.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    std::string error;
    const std::optional<tend::SessionState> state = tend::session_from_json(text, &error);
    if (!state) {
        if (error.empty()) std::abort();
        return 0;
    }
    const std::optional<tend::SessionState> again = tend::session_from_json(tend::session_to_json(*state));
    if (!again || !(*again == *state)) std::abort();
    return 0;
}
