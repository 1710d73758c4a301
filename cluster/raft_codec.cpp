#include "cluster/raft_codec.hpp"

namespace troupe::cluster {

namespace {

void put_varint(std::string& out, uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

void put_bytes(std::string& out, std::string_view s) {
  put_varint(out, s.size());
  out.append(s);
}

/// Reads from the front of a view; the first failure sticks.
class reader {
public:
  explicit reader(std::string_view in) : in_(in) {}

  bool ok() const { return ok_; }
  bool done() const { return in_.empty(); }

  uint64_t varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (in_.empty())
        return fail();
      auto b = static_cast<uint8_t>(in_.front());
      in_.remove_prefix(1);
      v |= static_cast<uint64_t>(b & 0x7F) << shift;
      if ((b & 0x80) == 0)
        return v;
    }
    return fail();
  }

  /// A varint no larger than `max`.
  uint64_t bounded(uint64_t max) {
    auto v = varint();
    return v <= max ? v : fail();
  }

  std::string bytes() {
    auto n = varint();
    if (!ok_ || n > in_.size())
      return fail(), std::string{};
    std::string s{in_.substr(0, n)};
    in_.remove_prefix(n);
    return s;
  }

private:
  uint64_t fail() {
    ok_ = false;
    in_ = {};
    return 0;
  }

  std::string_view in_;
  bool ok_ = true;
};

constexpr uint64_t max_message_type = static_cast<uint64_t>(raft::message_type::snapshot_ack);
constexpr uint64_t max_entry_type = static_cast<uint64_t>(raft::entry_type::config);

void put_message(std::string& out, const raft::message& m) {
  put_varint(out, static_cast<uint64_t>(m.type));
  put_varint(out, m.from.value);
  put_varint(out, m.to.value);
  put_varint(out, m.term.value);
  put_varint(out, m.index);
  put_varint(out, m.log_term.value);
  put_varint(out, m.commit);
  put_varint(out, (m.reject ? 1u : 0u) | (m.transfer ? 2u : 0u));
  put_varint(out, m.reject_hint);
  put_varint(out, m.context);
  put_varint(out, m.entries.size());
  for (auto& e : m.entries) {
    put_varint(out, e.term.value);
    put_varint(out, e.index);
    put_varint(out, static_cast<uint64_t>(e.type));
    put_bytes(out, e.data);
  }
  if (m.type == raft::message_type::snapshot) {
    put_varint(out, m.snapshot.index);
    put_varint(out, m.snapshot.term.value);
    put_bytes(out, raft::encode_config(m.snapshot.config));
    put_bytes(out, m.snapshot_data);
    put_varint(out, m.chunk);
    put_varint(out, m.more ? 1u : 0u);
  }
}

bool get_message(reader& in, raft::message& m, std::string& error) {
  m.type = static_cast<raft::message_type>(in.bounded(max_message_type));
  m.from = raft::node_id{in.varint()};
  m.to = raft::node_id{in.varint()};
  m.term = raft::term_t{in.varint()};
  m.index = in.varint();
  m.log_term = raft::term_t{in.varint()};
  m.commit = in.varint();
  auto flags = in.bounded(3);
  m.reject = (flags & 1u) != 0;
  m.transfer = (flags & 2u) != 0;
  m.reject_hint = in.varint();
  m.context = in.varint();
  auto count = in.varint();
  for (uint64_t i = 0; i < count && in.ok(); ++i) {
    raft::entry e;
    e.term = raft::term_t{in.varint()};
    e.index = in.varint();
    e.type = static_cast<raft::entry_type>(in.bounded(max_entry_type));
    e.data = in.bytes();
    m.entries.push_back(std::move(e));
  }
  if (in.ok() && m.type == raft::message_type::snapshot) {
    m.snapshot.index = in.varint();
    m.snapshot.term = raft::term_t{in.varint()};
    auto config = in.bytes();
    m.snapshot_data = in.bytes();
    m.chunk = static_cast<uint32_t>(in.bounded(UINT32_MAX));
    m.more = in.bounded(1) != 0;
    if (in.ok()) {
      try {
        m.snapshot.config = raft::decode_config(config);
      } catch (const std::invalid_argument& e) {
        error = std::string{"raft frame: "} + e.what();
        return false;
      }
    }
  }
  if (!in.ok())
    error = "raft frame: truncated or malformed message";
  return in.ok();
}

} // namespace

std::string encode_frame(const std::vector<group_message>& messages) {
  std::string out;
  for (auto& gm : messages) {
    put_varint(out, gm.group);
    put_message(out, gm.msg);
  }
  return out;
}

bool decode_frame(std::string_view in, std::vector<group_message>& out, std::string& error) {
  reader r{in};
  std::vector<group_message> decoded;
  while (!r.done()) {
    group_message gm;
    gm.group = static_cast<uint16_t>(r.bounded(0xFFFF));
    if (!get_message(r, gm.msg, error))
      return false;
    decoded.push_back(std::move(gm));
  }
  for (auto& gm : decoded)
    out.push_back(std::move(gm));
  return true;
}

std::string encode_batch(const storage::write_batch& batch) {
  std::string out;
  for (auto& op : batch.ops()) {
    put_varint(out, static_cast<uint64_t>(op.cf));
    put_varint(out, static_cast<uint64_t>(op.what));
    put_bytes(out, op.key);
    put_bytes(out, op.value);
  }
  return out;
}

bool decode_batch(std::string_view in, storage::write_batch& out, std::string& error) {
  reader r{in};
  while (!r.done()) {
    auto cf = static_cast<storage::column>(r.bounded(storage::column_count - 1));
    auto what = static_cast<storage::write_batch::kind>(
      r.bounded(static_cast<uint64_t>(storage::write_batch::kind::remove_range)));
    auto key = r.bytes();
    auto value = r.bytes();
    if (!r.ok())
      break;
    switch (what) {
      case storage::write_batch::kind::put: out.put(cf, std::move(key), std::move(value)); break;
      case storage::write_batch::kind::remove: out.remove(cf, key); break;
      case storage::write_batch::kind::remove_range: out.remove_range(cf, key, value); break;
    }
  }
  if (!r.ok())
    error = "raft entry: truncated or malformed write batch";
  return r.ok();
}

} // namespace troupe::cluster
