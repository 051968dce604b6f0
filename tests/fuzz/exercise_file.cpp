// libFuzzer: an exercise file, as the widget and `tend lint` read it (load_exercise), and
// its content hash. Nothing may crash, leak or trip a sanitizer, and an exercise that loads
// has no problems, while one that doesn't has at least one, each with a message.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "content_hash.h"
#include "validator.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const tend::ExerciseLoad load = tend::load_exercise(text);
    if (load.exercise.has_value() != load.problems.empty()) std::abort();
    for (const tend::Problem& p : load.problems)
        if (p.message.empty()) std::abort();
    (void)tend::content_hash(text);
    return 0;
}
