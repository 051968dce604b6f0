// Tend: SHA-256 (FIPS 180-4), small and dependency-free.
//
// Used for the content hash of an exercise (content_hash.h). Hand-written, so the tools need
// no crypto library; tested against the standard vectors.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

namespace tend {

class Sha256 {
public:
    Sha256();
    void update(const void* data, size_t size);
    std::array<uint8_t, 32> finish();  // the digest; the object is spent afterwards

private:
    void compress(const uint8_t block[64]);

    uint32_t state_[8];
    uint8_t buffer_[64];
    size_t buffered_ = 0;
    uint64_t total_bytes_ = 0;
};

// Lower-case hex digest of `data`.
std::string sha256_hex(const std::string& data);

}  // namespace tend
