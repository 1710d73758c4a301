// TLS on the client-protocol and RESP ports (--tls-cert, --tls-key,
// --tls-ca), through real clients: redis-cli --tls and a Python client of
// the protocol. Certificates are made for each test with openssl.
#include <boost/test/unit_test.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tests/support/node_fixture.hpp"
#include "tests/support/raw_socket.hpp"

using troupe::test::node_fixture;
using troupe::test::raw_socket;
using troupe::test::run_command;

namespace {

/// A self-signed certificate for 127.0.0.1 in a temp directory: it serves
/// as the node's certificate, as the CA clients trust, and as a client
/// certificate that chains to itself.
struct certificate {
  troupe::test::temp_dir dir;
  std::string cert = dir.sub("cert.pem");
  std::string key = dir.sub("key.pem");

  certificate() {
    auto [rc, out] = run_command("openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "
                                 "/CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 -keyout "
                                 + key + " -out " + cert + " 2>&1");
    BOOST_TEST_REQUIRE(rc == 0, out);
  }
};

std::string redis_cli(uint16_t port, const std::string& tls_args, const std::string& command) {
  return run_command("redis-cli -h 127.0.0.1 -p " + std::to_string(port) + " " + tls_args + " "
                     + command + " 2>&1")
    .second;
}

std::string protocol_client(uint16_t port, const std::string& args) {
  return run_command(std::string{"python3 "} + TROUPE_TLS_CLIENT + " " + std::to_string(port)
                     + " " + args + " 2>&1")
    .second;
}

} // namespace

BOOST_AUTO_TEST_SUITE(tls)

BOOST_AUTO_TEST_CASE(both_doors_speak_tls_only) {
  certificate c;
  node_fixture f{"os",
                 {"--tls-cert", c.cert, "--tls-key", c.key, "--resp-listen", "127.0.0.1:0"}};
  auto trust = "--tls --cacert " + c.cert;
  BOOST_TEST(redis_cli(f.node->resp_port(), trust, "SET k hello") == "OK\n");
  BOOST_TEST(redis_cli(f.node->resp_port(), trust, "GET k") == "hello\n");
  BOOST_TEST(protocol_client(f.node->port(), c.cert) == "welcome\npong\n");
  // Plaintext gets no answer: the first bytes are not a TLS handshake.
  raw_socket plain_resp{f.node->resp_port()};
  plain_resp.send("*1\r\n$4\r\nPING\r\n");
  auto answer = plain_resp.read_some();
  BOOST_TEST((!answer || answer->find("PONG") == std::string::npos));
  BOOST_TEST(plain_resp.closed_by_peer());
  raw_socket plain_client{f.node->port()};
  plain_client.hello();
  BOOST_TEST(plain_client.closed_by_peer());
  // A client that does not trust the node's certificate gives up.
  BOOST_TEST(redis_cli(f.node->resp_port(), "--tls", "PING") != "PONG\n");
}

BOOST_AUTO_TEST_CASE(with_a_ca_clients_need_a_certificate) {
  certificate c;
  node_fixture f{"os",
                 {"--tls-cert", c.cert, "--tls-key", c.key, "--tls-ca", c.cert, "--resp-listen",
                  "127.0.0.1:0"}};
  auto trust = "--tls --cacert " + c.cert;
  BOOST_TEST(redis_cli(f.node->resp_port(), trust, "PING") != "PONG\n");
  auto with_cert = trust + " --cert " + c.cert + " --key " + c.key;
  BOOST_TEST(redis_cli(f.node->resp_port(), with_cert, "PING") == "PONG\n");
  BOOST_TEST(protocol_client(f.node->port(), c.cert).find("welcome") == std::string::npos);
  BOOST_TEST(protocol_client(f.node->port(), c.cert + " " + c.cert + " " + c.key)
             == "welcome\npong\n");
}

BOOST_AUTO_TEST_CASE(the_cpp_client_and_the_cli_speak_tls) {
  certificate c;
  node_fixture f{"os", {"--tls-cert", c.cert, "--tls-key", c.key}};
  troupe::client::connect_options opts;
  opts.port = f.node->port();
  opts.tls = true;
  opts.tls_ca = c.cert;
  auto client = troupe::client::sync_client::connect(*f.sys, opts);
  BOOST_TEST_REQUIRE(client.ok(), client.error().to_string());
  BOOST_TEST((*client)->set("t", "k", "{\"n\":1}").ok());
  BOOST_TEST((*client)->get("t", "k")->value().json == "{\"n\":1}");
  // Without TLS, or trusting another CA, no connection.
  opts.tls = false;
  BOOST_TEST(!troupe::client::sync_client::connect(*f.sys, opts).ok());
  certificate other;
  opts.tls = true;
  opts.tls_ca = other.cert;
  auto untrusted = troupe::client::sync_client::connect(*f.sys, opts);
  BOOST_TEST_REQUIRE(!untrusted.ok());
  BOOST_TEST(untrusted.error().to_string().find("certificate verify failed") != std::string::npos,
             untrusted.error().to_string());
  auto [rc, out] = run_command(std::string{TROUPE_CLI_BIN} + " --node 127.0.0.1:"
                               + std::to_string(f.node->port()) + " --tls --tls-ca " + c.cert
                               + " state get t k 2>&1");
  BOOST_TEST(rc == 0, out);
  BOOST_TEST(out.find("\"n\":1") != std::string::npos, out);
}

BOOST_AUTO_TEST_CASE(cluster_links_take_only_members_the_ca_signed) {
  certificate c, other;
  troupe::test::temp_dir dir;
  auto member = [&](const std::string& id, const certificate* cert,
                    std::optional<uint16_t> seed) {
    std::vector<std::string> args{"--node-id", id, "--cluster-listen", "127.0.0.1:0",
                                  "--join-timeout", "3"};
    if (cert != nullptr)
      args.insert(args.end(), {"--cluster-tls-cert", cert->cert, "--cluster-tls-key", cert->key,
                               "--cluster-tls-ca", c.cert});
    if (seed)
      args.insert(args.end(), {"--seeds", "127.0.0.1:" + std::to_string(*seed)});
    return std::make_unique<troupe::test::node_process>(dir.sub(id), "os", args);
  };
  auto n1 = member("n1", &c, std::nullopt);
  auto n2 = member("n2", &c, n1->cluster_port());  // ready only once it has joined
  caf::actor_system_config cfg;
  cfg.load<caf::io::middleman>();
  caf::actor_system sys{cfg};
  troupe::client::connect_options opts;
  opts.port = n1->port();
  auto client = troupe::client::sync_client::connect(sys, opts);
  BOOST_TEST_REQUIRE(client.ok(), client.error().to_string());
  auto status = (*client)->get_cluster_status();
  BOOST_TEST_REQUIRE(status.ok());
  BOOST_TEST(status->members.size() == 2u);
  // Requests for the other member's partitions cross the TLS link.
  for (int i = 0; i < 32; ++i) {
    auto trace = "t" + std::to_string(i);
    BOOST_TEST_REQUIRE((*client)->set(trace, "k", std::to_string(i)).ok());
    BOOST_TEST((*client)->get(trace, "k")->value().json == std::to_string(i));
  }
  // Without TLS, or with a certificate the CA did not sign, a node never
  // gets in: it gives up after its join timeout.
  BOOST_CHECK_THROW(member("plain", nullptr, n1->cluster_port()), std::runtime_error);
  BOOST_CHECK_THROW(member("stranger", &other, n1->cluster_port()), std::runtime_error);
  status = (*client)->get_cluster_status();
  BOOST_TEST_REQUIRE(status.ok());
  BOOST_TEST(status->members.size() == 2u);
  BOOST_TEST(n2->terminate() == 0);
  BOOST_TEST(n1->terminate() == 0);
}

BOOST_AUTO_TEST_CASE(a_key_that_does_not_match_is_refused_at_start) {
  certificate c, other;
  troupe::test::temp_dir dir;
  auto [rc, out] = run_command("timeout 30 " + std::string{TROUPE_NODE_BIN} + " --listen 127.0.0.1:0 --data-dir "
                               + dir.sub("data") + " --tls-cert " + c.cert + " --tls-key "
                               + other.key + " 2>&1");
  BOOST_TEST(rc != 0);
  BOOST_TEST(out.find("cannot use --tls-key") != std::string::npos, out);
}

BOOST_AUTO_TEST_SUITE_END()
