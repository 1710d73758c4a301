// Frame codec of the client protocol: a 4-byte big-endian length, then a
// serialized troupe.v1.Frame. Used by the node's sessions and by the client.
// A frame_decoder belongs to one connection and one thread (or actor).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace troupe::v1 {
class Frame;
class Response;
} // namespace troupe::v1

namespace troupe::protocol {

/// Protocol version this build speaks.
constexpr uint32_t protocol_version = 1;

/// Default upper bound on one frame's body, in bytes (16 MiB).
constexpr size_t default_max_frame_bytes = size_t{16} << 20;

/// Size of the length prefix.
constexpr size_t frame_header_bytes = 4;

/// Appends `frame`, length prefix included, to `out`.
void append_frame(std::vector<char>& out, const v1::Frame& frame);

/// Appends a Frame{id, response} without copying `response` into a Frame.
void append_response_frame(std::vector<char>& out, uint64_t id,
                           const v1::Response& response);

/// Appends Frame{push: Push{subscription_id, <field>: payload, overflow}},
/// where `payload` is an already serialized message for Push field `field`
/// (2: StreamEvent, 4: QueueMessage), empty for none.
void append_push_frame(std::vector<char>& out, uint64_t subscription_id, int field,
                       std::string_view payload, bool overflow);

/// Splits a byte stream into frames.
class frame_decoder {
public:
  enum class outcome {
    frame,      ///< a frame was parsed into the caller's Frame
    need_more,  ///< no complete frame buffered yet
    too_large,  ///< the length prefix exceeds the limit; stream unusable
    malformed,  ///< the body is not a valid Frame; stream unusable
  };

  explicit frame_decoder(size_t max_frame_bytes = default_max_frame_bytes);

  /// Appends received bytes.
  void feed(const char* data, size_t size);

  /// Parses the next buffered frame into `out`. After too_large or malformed
  /// the decoder stays in that state: the connection must be closed.
  outcome next(v1::Frame& out);

  /// Bytes still missing before the next frame is complete (at least 1 when
  /// nothing is buffered): lets a reader size its next read.
  size_t bytes_wanted() const;

  /// Bytes received and not yet parsed into frames.
  size_t buffered() const { return buf_.size() - pos_; }

  /// Length announced by the last too_large prefix.
  uint64_t rejected_length() const { return rejected_length_; }

  size_t max_frame_bytes() const { return max_frame_bytes_; }
  /// Changes the limit for the frames that follow (a partial frame already
  /// announced is judged by the new one).
  void set_max_frame_bytes(size_t n) { max_frame_bytes_ = n; }

private:
  size_t max_frame_bytes_;
  std::vector<char> buf_;
  size_t pos_ = 0;
  uint64_t rejected_length_ = 0;
  bool broken_ = false;
};

} // namespace troupe::protocol
