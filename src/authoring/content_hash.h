// Tend: the content hash of an exercise, which names the text a clinician signed off.
//
// A practice reads the hash in a signed-off set of transcripts (`tend transcripts`) and can
// check that the exercise it serves is still that one, whatever its formatting.
#pragma once

#include <string>

namespace tend {

// SHA-256 (hex) of the exercise file's canonical JSON (keys sorted, no spaces): the same for
// any formatting of the same content. Returns "" if the text isn't JSON.
std::string content_hash(const std::string& exercise_text);

}  // namespace tend
