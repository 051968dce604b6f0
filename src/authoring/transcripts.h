// Tend: every path through an exercise, written out for a clinician to read and sign off.
//
// make_transcripts() drives the real engine (Session) with placeholder answers, choosing
// at each question one representative answer for every distinct way the exercise's
// conditions can see it (each option, own words, skip, scale values either side of every
// threshold), so every route the branches allow is walked once. Each transcript reads like
// the conversation a reader would have. The content hash identifies the exercise text
// itself (canonical JSON, SHA-256), so the widget can show it and a practice can confirm the
// reviewed version is the one running.
#pragma once

#include <string>
#include <vector>

#include "exercise.h"

namespace tend {

struct Transcript {
    std::vector<std::string> steps;  // step ids in the order met
    std::string text;                // readable transcript
    bool reached_end = false;        // the walk ended on an `end` step
};

struct TranscriptSet {
    std::vector<Transcript> transcripts;  // sorted by their step sequence, so output is stable
    std::string hash;                     // content_hash() of the exercise
    bool truncated = false;               // more than kMaxTranscripts paths: the rest were not written
};

inline constexpr size_t kMaxTranscripts = 2000;

TranscriptSet make_transcripts(const Exercise& exercise, const std::string& exercise_text);

// Writes DIR/path-001.txt … and DIR/README.txt (title, version, hash, path count).
bool write_transcripts(const TranscriptSet& set, const std::string& dir, std::string* error);

}  // namespace tend
