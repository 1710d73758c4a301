#include "protocol/frame_codec.hpp"

#include <algorithm>
#include <cstring>

#include "protocol/troupe.pb.h"

namespace troupe::protocol {

namespace {

uint8_t* put_varint(uint8_t* p, uint64_t x) {
  while (x >= 0x80) {
    *p++ = static_cast<uint8_t>(x | 0x80);
    x >>= 7;
  }
  *p++ = static_cast<uint8_t>(x);
  return p;
}

size_t varint_size(uint64_t x) {
  size_t n = 1;
  while (x >= 0x80) {
    x >>= 7;
    ++n;
  }
  return n;
}

void put_length(uint8_t* p, size_t body) {
  p[0] = static_cast<uint8_t>(body >> 24);
  p[1] = static_cast<uint8_t>(body >> 16);
  p[2] = static_cast<uint8_t>(body >> 8);
  p[3] = static_cast<uint8_t>(body);
}

// Wire tags: Frame.id (field 1, varint), Frame.response (5, bytes),
// Frame.push (7, bytes); Push.subscription_id (1, varint), the payload
// (a bytes field), Push.overflow (3, varint).
constexpr uint8_t id_tag = (1 << 3) | 0;
constexpr uint8_t response_tag = (5 << 3) | 2;
constexpr uint8_t push_tag = (7 << 3) | 2;
constexpr uint8_t push_subscription_tag = (1 << 3) | 0;
constexpr uint8_t push_overflow_tag = (3 << 3) | 0;

} // namespace

/// Grows `out` by one frame of `body` bytes, writes the length prefix and
/// returns where the body goes.
uint8_t* begin_frame(std::vector<char>& out, size_t body) {
  auto offset = out.size();
  out.resize(offset + frame_header_bytes + body);
  auto* p = reinterpret_cast<uint8_t*>(out.data() + offset);
  put_length(p, body);
  return p + frame_header_bytes;
}

void append_frame(std::vector<char>& out, const v1::Frame& frame) {
  frame.SerializeWithCachedSizesToArray(begin_frame(out, frame.ByteSizeLong()));
}


void append_response_frame(std::vector<char>& out, uint64_t id,
                           const v1::Response& response) {
  auto inner = response.ByteSizeLong();
  auto* p = begin_frame(out, 1 + varint_size(id) + 1 + varint_size(inner) + inner);
  *p++ = id_tag;
  p = put_varint(p, id);
  *p++ = response_tag;
  p = put_varint(p, inner);
  response.SerializeWithCachedSizesToArray(p);
}

void append_push_frame(std::vector<char>& out, uint64_t subscription_id, int field,
                       std::string_view event, bool overflow) {
  size_t inner = 1 + varint_size(subscription_id);
  if (!event.empty())
    inner += 1 + varint_size(event.size()) + event.size();
  if (overflow)
    inner += 2;
  auto* p = begin_frame(out, 1 + varint_size(inner) + inner);
  *p++ = push_tag;
  p = put_varint(p, inner);
  *p++ = push_subscription_tag;
  p = put_varint(p, subscription_id);
  if (!event.empty()) {
    *p++ = static_cast<uint8_t>((field << 3) | 2);
    p = put_varint(p, event.size());
    std::memcpy(p, event.data(), event.size());
    p += event.size();
  }
  if (overflow) {
    *p++ = push_overflow_tag;
    *p++ = 1;
  }
}

frame_decoder::frame_decoder(size_t max_frame_bytes)
  : max_frame_bytes_(max_frame_bytes) {
  // nop
}

void frame_decoder::feed(const char* data, size_t size) {
  if (broken_)
    return;
  // Compact once the consumed prefix dominates the buffer.
  if (pos_ > 0 && pos_ * 2 >= buf_.size()) {
    buf_.erase(buf_.begin(), buf_.begin() + static_cast<std::ptrdiff_t>(pos_));
    pos_ = 0;
  }
  buf_.insert(buf_.end(), data, data + size);
}

size_t frame_decoder::bytes_wanted() const {
  auto avail = buf_.size() - pos_;
  if (avail < frame_header_bytes)
    return frame_header_bytes - avail;
  auto* p = reinterpret_cast<const uint8_t*>(buf_.data() + pos_);
  size_t len = (size_t{p[0]} << 24) | (size_t{p[1]} << 16) | (size_t{p[2]} << 8) | size_t{p[3]};
  auto total = frame_header_bytes + std::min(len, max_frame_bytes_);
  return total > avail ? total - avail : 1;
}

frame_decoder::outcome frame_decoder::next(v1::Frame& out) {
  if (broken_)
    return rejected_length_ > max_frame_bytes_ ? outcome::too_large
                                               : outcome::malformed;
  auto avail = buf_.size() - pos_;
  if (avail < frame_header_bytes)
    return outcome::need_more;
  auto* p = reinterpret_cast<const uint8_t*>(buf_.data() + pos_);
  uint64_t len = (uint64_t{p[0]} << 24) | (uint64_t{p[1]} << 16)
                 | (uint64_t{p[2]} << 8) | uint64_t{p[3]};
  if (len > max_frame_bytes_) {
    broken_ = true;
    rejected_length_ = len;
    return outcome::too_large;
  }
  if (avail < frame_header_bytes + len)
    return outcome::need_more;
  if (!out.ParseFromArray(p + frame_header_bytes, static_cast<int>(len))) {
    broken_ = true;
    return outcome::malformed;
  }
  pos_ += frame_header_bytes + len;
  if (pos_ == buf_.size()) {
    buf_.clear();
    pos_ = 0;
  }
  return outcome::frame;
}

} // namespace troupe::protocol
