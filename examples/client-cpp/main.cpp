// troupe-hello HOST:PORT: stores a state value through Troupe's C++ client,
// reads it back and prints it with its revision. Exit status 0 when the
// value read is the one written, 1 on any error.
#include <cstdlib>
#include <iostream>
#include <string>

#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/io/middleman.hpp>

#include "client/sync_client.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: troupe-hello HOST:PORT\n";
    return 2;
  }
  std::string node = argv[1];
  auto colon = node.rfind(':');
  if (colon == std::string::npos) {
    std::cerr << "expected HOST:PORT, got '" << node << "'\n";
    return 2;
  }
  troupe::client::connect_options opts;
  opts.host = node.substr(0, colon);
  opts.port = static_cast<uint16_t>(std::strtoul(node.c_str() + colon + 1, nullptr, 10));
  opts.client_name = "troupe-hello";

  caf::actor_system_config cfg;
  cfg.load<caf::io::middleman>();
  caf::actor_system sys{cfg};
  auto client = troupe::client::sync_client::connect(sys, opts);
  if (!client.ok()) {
    std::cerr << "connect: " << client.error().to_string() << "\n";
    return 1;
  }
  auto& c = **client;
  auto written = c.set("hello-trace", "greeting", R"({"text":"hello from troupe-hello"})");
  if (!written.ok()) {
    std::cerr << "set: " << written.error().to_string() << "\n";
    return 1;
  }
  auto read = c.get("hello-trace", "greeting");
  if (!read.ok() || !read->has_value()) {
    std::cerr << "get: " << (read.ok() ? "not found" : read.error().to_string()) << "\n";
    return 1;
  }
  auto& v = **read;
  std::cout << v.json << " revision " << v.revision << "\n";
  return v.revision == *written ? 0 : 1;
}
