#include "cluster/raft/types.hpp"

#include <algorithm>
#include <stdexcept>

namespace troupe::raft {

bool configuration::is_voter(node_id n) const {
  return std::find(voters.begin(), voters.end(), n) != voters.end();
}

bool configuration::contains(node_id n) const {
  return is_voter(n) || std::find(learners.begin(), learners.end(), n) != learners.end();
}

std::vector<uint64_t> raw_ids(const std::vector<node_id>& ids) {
  std::vector<uint64_t> raw;
  raw.reserve(ids.size());
  for (auto n : ids)
    raw.push_back(n.value);
  return raw;
}

std::vector<node_id> node_ids(const std::vector<uint64_t>& raw) {
  std::vector<node_id> ids;
  ids.reserve(raw.size());
  for (auto v : raw)
    ids.push_back(node_id{v});
  return ids;
}

bool valid(const configuration& c) {
  std::vector<node_id> all = c.voters;
  all.insert(all.end(), c.learners.begin(), c.learners.end());
  std::sort(all.begin(), all.end());
  return std::adjacent_find(all.begin(), all.end()) == all.end()
         && std::find(all.begin(), all.end(), node_id{}) == all.end();
}

namespace {

void append_ids(std::string& out, const std::vector<node_id>& ids) {
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i > 0)
      out += ',';
    out += std::to_string(ids[i].value);
  }
}

std::vector<node_id> parse_ids(const std::string& s) {
  std::vector<node_id> ids;
  size_t pos = 0;
  while (pos < s.size()) {
    auto end = s.find(',', pos);
    if (end == std::string::npos)
      end = s.size();
    auto part = s.substr(pos, end - pos);
    if (part.empty() || part.find_first_not_of("0123456789") != std::string::npos)
      throw std::invalid_argument("raft: bad node id in configuration: '" + part + "'");
    ids.emplace_back(std::stoull(part));
    pos = end + 1;
  }
  return ids;
}

} // namespace

// "v=1,2,3;l=4": voters, then learners.
std::string encode_config(const configuration& c) {
  std::string out = "v=";
  append_ids(out, c.voters);
  out += ";l=";
  append_ids(out, c.learners);
  return out;
}

std::ostream& operator<<(std::ostream& out, const configuration& c) {
  return out << encode_config(c);
}

configuration decode_config(const std::string& s) {
  auto sep = s.find(";l=");
  if (s.rfind("v=", 0) != 0 || sep == std::string::npos)
    throw std::invalid_argument("raft: malformed configuration");
  configuration c{parse_ids(s.substr(2, sep - 2)), parse_ids(s.substr(sep + 3))};
  if (!valid(c))
    throw std::invalid_argument("raft: configuration with id 0 or a repeated id");
  return c;
}

const char* to_string(message_type t) {
  switch (t) {
    case message_type::pre_vote: return "pre_vote";
    case message_type::pre_vote_reply: return "pre_vote_reply";
    case message_type::vote: return "vote";
    case message_type::vote_reply: return "vote_reply";
    case message_type::append: return "append";
    case message_type::append_reply: return "append_reply";
    case message_type::heartbeat: return "heartbeat";
    case message_type::heartbeat_reply: return "heartbeat_reply";
    case message_type::snapshot: return "snapshot";
    case message_type::timeout_now: return "timeout_now";
    case message_type::snapshot_ack: return "snapshot_ack";
  }
  return "unknown";
}

} // namespace troupe::raft
