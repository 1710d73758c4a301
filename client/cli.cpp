// troupe: the command-line client.
//
//   troupe [--node HOST:PORT] [--token T] ping
//   troupe state get TRACE KEY
//   troupe state set TRACE KEY JSON [--ttl-ms N] [--expect-revision R]
//   troupe state del TRACE KEY
//   troupe state keys TRACE | clear TRACE | group TRACE
//   troupe state trace-ids
//   troupe state items [--group G] [--filter "valueKey op value"]...
//
// Exit codes: 0 success, 1 not found, 2 usage, 3 the node answered an error
// or could not be reached.
#include <cstdio>
#include <iostream>

#include <CLI/CLI.hpp>
#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/io/middleman.hpp>

#include "client/sync_client.hpp"

namespace {

using troupe::client::sync_client;

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof(buf), "\\u%04x", c);
          out += buf;
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  return out + "\"";
}

int fail(const troupe::status& st) {
  std::cerr << "error: " << st.to_string() << "\n";
  return 3;
}

void print_items(const std::vector<troupe::client::item>& items) {
  for (auto& i : items) {
    std::cout << "{\"groupId\":" << json_string(i.group_id) << ",\"key\":" << json_string(i.key);
    if (!i.type.empty())
      std::cout << ",\"type\":" << json_string(i.type);
    std::cout << ",\"value\":" << i.value << "}\n";
  }
}

void print_names(const std::vector<std::string>& names) {
  for (auto& n : names)
    std::cout << n << "\n";
}

bool parse_filter(const std::string& text, troupe::client::filter& out) {
  auto a = text.find(' ');
  if (a == std::string::npos)
    return false;
  auto b = text.find(' ', a + 1);
  out.value_key = text.substr(0, a);
  out.op = text.substr(a + 1, b == std::string::npos ? std::string::npos : b - a - 1);
  out.value = b == std::string::npos ? "" : text.substr(b + 1);
  return troupe::client::filter_op_from_name(out.op).has_value();
}

} // namespace

int main(int argc, char** argv) {
  CLI::App app{"troupe: command-line client for a Troupe node"};
  app.require_subcommand(1);
  std::string node = "127.0.0.1:7379";
  std::string token;
  app.add_option("--node", node, "Node address host:port")->envname("TROUPE_NODE")->capture_default_str();
  app.add_option("--token", token, "Token for the node")->envname("TROUPE_TOKEN");

  auto* ping = app.add_subcommand("ping", "Check that the node answers");
  auto* state = app.add_subcommand("state", "Motia state: get, set, del, keys, clear, group, trace-ids, items");
  state->require_subcommand(1);

  std::string trace, key, json, group;
  uint64_t ttl_ms = 0;
  std::optional<uint64_t> expect;
  std::vector<std::string> filters;
  auto* get = state->add_subcommand("get", "Print a value");
  get->add_option("trace", trace)->required();
  get->add_option("key", key)->required();
  auto* set = state->add_subcommand("set", "Store a JSON value");
  set->add_option("trace", trace)->required();
  set->add_option("key", key)->required();
  set->add_option("json", json)->required();
  set->add_option("--ttl-ms", ttl_ms, "Expire after this many milliseconds");
  set->add_option("--expect-revision", expect, "Compare-and-set: current revision (0: must not exist)");
  auto* del = state->add_subcommand("del", "Delete a key, printing its old value");
  del->add_option("trace", trace)->required();
  del->add_option("key", key)->required();
  auto* keys = state->add_subcommand("keys", "List the keys of a trace");
  keys->add_option("trace", trace)->required();
  auto* clear = state->add_subcommand("clear", "Delete every key of a trace");
  clear->add_option("trace", trace)->required();
  auto* grp = state->add_subcommand("group", "Print every item of a trace");
  grp->add_option("trace", trace)->required();
  auto* trace_ids = state->add_subcommand("trace-ids", "List every trace id");
  auto* items = state->add_subcommand("items", "List items, optionally filtered");
  items->add_option("--group", group, "Only this trace id");
  items->add_option("--filter", filters, "\"valueKey op value\" (Motia's 12 operations); repeatable");

  CLI11_PARSE(app, argc, argv);

  std::vector<troupe::client::filter> parsed_filters;
  for (auto& f : filters) {
    troupe::client::filter pf;
    if (!parse_filter(f, pf)) {
      std::cerr << "bad --filter '" << f << "': expected \"valueKey op value\" with op one of "
                   "eq neq gt gte lt lte contains notContains startsWith endsWith isNotNull isNull\n";
      return 2;
    }
    parsed_filters.push_back(pf);
  }

  troupe::client::connect_options opts;
  auto colon = node.rfind(':');
  if (colon == std::string::npos) {
    std::cerr << "--node: expected host:port\n";
    return 2;
  }
  opts.host = node.substr(0, colon);
  opts.port = static_cast<uint16_t>(std::stoul(node.substr(colon + 1)));
  opts.token = token;
  opts.client_name = "troupe-cli";

  caf::actor_system_config cfg;
  cfg.load<caf::io::middleman>();
  cfg.set("scheduler.max-threads", 1);
  caf::actor_system sys{cfg};
  auto client = sync_client::connect(sys, opts);
  if (!client.ok())
    return fail(client.error());
  auto& c = **client;

  if (*ping) {
    auto r = c.ping("troupe-cli");
    if (!r.ok())
      return fail(r.error());
    std::cout << "PONG from " << *r << " (cluster " << c.welcome().cluster_name << ", "
              << c.welcome().partition_count << " partitions)\n";
    return 0;
  }
  if (*get) {
    auto r = c.get(trace, key);
    if (!r.ok())
      return fail(r.error());
    if (!*r) {
      std::cerr << "not found\n";
      return 1;
    }
    std::cout << (*r)->json << "\n";
    return 0;
  }
  if (*set) {
    auto r = c.set(trace, key, json, {ttl_ms, expect});
    if (!r.ok())
      return fail(r.error());
    std::cout << "OK revision " << *r << "\n";
    return 0;
  }
  if (*del) {
    auto r = c.del(trace, key);
    if (!r.ok())
      return fail(r.error());
    if (!*r) {
      std::cerr << "not found\n";
      return 1;
    }
    std::cout << (*r)->json << "\n";
    return 0;
  }
  if (*keys) {
    auto r = c.keys(trace);
    if (!r.ok())
      return fail(r.error());
    print_names(*r);
    return 0;
  }
  if (*clear) {
    auto r = c.clear(trace);
    if (!r.ok())
      return fail(r.error());
    std::cout << "cleared " << *r << "\n";
    return 0;
  }
  if (*grp) {
    auto r = c.get_group(trace);
    if (!r.ok())
      return fail(r.error());
    print_items(*r);
    return 0;
  }
  if (*trace_ids) {
    auto r = c.trace_ids();
    if (!r.ok())
      return fail(r.error());
    print_names(*r);
    return 0;
  }
  if (*items) {
    auto r = c.items(group.empty() ? std::nullopt : std::optional<std::string>{group},
                     parsed_filters);
    if (!r.ok())
      return fail(r.error());
    print_items(*r);
    return 0;
  }
  return 2;
}
