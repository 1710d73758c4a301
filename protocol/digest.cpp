#include "protocol/digest.hpp"

#include <openssl/sha.h>

namespace troupe::protocol {

namespace {

std::string hex(const unsigned char* digest, size_t n) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * n);
  for (size_t i = 0; i < n; ++i) {
    out.push_back(digits[digest[i] >> 4]);
    out.push_back(digits[digest[i] & 0xF]);
  }
  return out;
}

const unsigned char* bytes(std::string_view data) {
  return reinterpret_cast<const unsigned char*>(data.data());
}

} // namespace

std::string sha1_hex(std::string_view data) {
  unsigned char digest[SHA_DIGEST_LENGTH];
  SHA1(bytes(data), data.size(), digest);
  return hex(digest, sizeof(digest));
}

std::string sha256_hex(std::string_view data) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(bytes(data), data.size(), digest);
  return hex(digest, sizeof(digest));
}

} // namespace troupe::protocol
