// TLS inside CAF brokers, for the node's client-protocol and RESP ports and
// for the C++ client: OpenSSL runs over memory buffers, so a broker decrypts
// what CAF reads and encrypts what it writes, and everything else (framing,
// limits, reply order) works on plaintext as without TLS. OpenSSL's headers
// stay in tls.cpp.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

struct ssl_st;
struct ssl_ctx_st;
struct ssl_method_st;
struct bio_st;

namespace troupe::protocol {

/// Certificates and settings shared by the connections of one side.
class tls_context {
public:
  /// A server: its certificate and key, and the CA that client certificates
  /// must chain to (none: clients are not asked for one). nullptr and
  /// `error` set when a file cannot be used.
  static std::shared_ptr<tls_context> server(const std::string& cert_file,
                                             const std::string& key_file,
                                             const std::string& ca_file, std::string& error);
  /// A client: the CA its server's certificate must chain to (none: the
  /// system's), and its own certificate and key (none: it presents none).
  static std::shared_ptr<tls_context> client(const std::string& ca_file,
                                             const std::string& cert_file,
                                             const std::string& key_file, std::string& error);
  ~tls_context();
  tls_context(const tls_context&) = delete;
  tls_context& operator=(const tls_context&) = delete;

  ssl_ctx_st* native() const { return ctx_; }

private:
  explicit tls_context(ssl_ctx_st* ctx) : ctx_(ctx) {}
  static std::shared_ptr<tls_context> make(const ssl_method_st* method, std::string& error);
  ssl_ctx_st* ctx_;
};

/// One TLS connection.
class tls_session {
public:
  /// The server side of a connection.
  explicit tls_session(const tls_context& ctx);
  /// The client side: it checks that the server's certificate names `host`
  /// (a name or an IP address). Call receive(nullptr, 0, …) once to start
  /// the handshake.
  tls_session(const tls_context& ctx, const std::string& host);
  ~tls_session();
  tls_session(const tls_session&) = delete;
  tls_session& operator=(const tls_session&) = delete;

  /// Takes `n` received bytes; appends what they decrypt to `plain` and
  /// what must go back to the peer (handshake, alerts) to `out`. False on a
  /// TLS error: the connection is to be closed (error() says why).
  bool receive(const char* data, size_t n, std::string& plain, std::vector<char>& out);

  /// Replaces buf[from..] (plaintext just appended) by its TLS records.
  bool seal_tail(std::vector<char>& buf, size_t from);

  const std::string& error() const { return error_; }

private:
  bool drain(std::vector<char>& out);
  bool fail(const char* what);
  ssl_st* ssl_;
  bio_st* in_;    // ciphertext from the peer, owned by ssl_
  bio_st* out_;  // ciphertext to the peer, owned by ssl_
  std::string pending_; // plaintext written before the handshake completed
  std::string error_;
};

/// Hands received bytes to `feed(const char*, size_t)`: as they are without
/// TLS, else decrypted, with the handshake's replies written to the socket
/// (counted in `queued`). False on a TLS error: the connection is to be
/// closed.
template <class Broker, class Handle, class Feed>
bool feed_received(Broker* self, Handle hdl, tls_session* tls, const std::vector<char>& buf,
                   uint64_t& queued, Feed feed) {
  if (tls == nullptr) {
    feed(buf.data(), buf.size());
    return true;
  }
  std::string plain;
  auto& wire = self->wr_buf(hdl);
  auto before = wire.size();
  bool ok = tls->receive(buf.data(), buf.size(), plain, wire);
  if (wire.size() != before) {
    queued += wire.size() - before;
    self->flush(hdl);
  }
  if (!plain.empty())
    feed(plain.data(), plain.size());
  return ok;
}

} // namespace troupe::protocol
