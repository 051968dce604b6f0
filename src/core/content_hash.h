// Tend: the content hash of an exercise, which names the text a clinician signed off.
//
// A practice reads the hash in a signed-off set of transcripts (`tend transcripts`) and can
// check that the exercise it serves is still that one, whatever its formatting.
#pragma once

#include <string>

namespace tend {

// SHA-256 (hex) of the exercise file's canonical JSON (keys sorted, no spaces): the same for
// any formatting of the same content. The widget shows it in "About this exercise". Returns ""
// if the text isn't JSON, or holds a number with a fraction (which no exercise does).
std::string content_hash(const std::string& exercise_text);

}  // namespace tend
