#include "protocol/tls.hpp"

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

namespace troupe::protocol {

namespace {

std::string last_error(const char* what) {
  std::string out = what;
  if (auto code = ERR_get_error(); code != 0) {
    char text[256];
    ERR_error_string_n(code, text, sizeof(text));
    out += ": ";
    out += text;
  }
  ERR_clear_error();
  return out;
}

} // namespace

/// A context for `method`: TLS 1.2 or later, writes that may move between
/// retries (the memory buffers grow).
std::shared_ptr<tls_context> tls_context::make(const ssl_method_st* method, std::string& error) {
  auto* ctx = SSL_CTX_new(method);
  if (ctx == nullptr) {
    error = last_error("cannot create a TLS context");
    return nullptr;
  }
  SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
  SSL_CTX_set_mode(ctx, SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
  return std::shared_ptr<tls_context>{new tls_context{ctx}};
}

std::shared_ptr<tls_context> tls_context::server(const std::string& cert_file,
                                                 const std::string& key_file,
                                                 const std::string& ca_file, std::string& error) {
  auto out = make(TLS_server_method(), error);
  if (!out)
    return nullptr;
  auto* ctx = out->ctx_;
  if (SSL_CTX_use_certificate_chain_file(ctx, cert_file.c_str()) != 1) {
    error = last_error(("cannot use --tls-cert " + cert_file).c_str());
    return nullptr;
  }
  if (SSL_CTX_use_PrivateKey_file(ctx, key_file.c_str(), SSL_FILETYPE_PEM) != 1
      || SSL_CTX_check_private_key(ctx) != 1) {
    error = last_error(("cannot use --tls-key " + key_file).c_str());
    return nullptr;
  }
  if (!ca_file.empty()) {
    if (SSL_CTX_load_verify_locations(ctx, ca_file.c_str(), nullptr) != 1) {
      error = last_error(("cannot use --tls-ca " + ca_file).c_str());
      return nullptr;
    }
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nullptr);
  }
  return out;
}

std::shared_ptr<tls_context> tls_context::client(const std::string& ca_file,
                                                 const std::string& cert_file,
                                                 const std::string& key_file, std::string& error) {
  auto out = make(TLS_client_method(), error);
  if (!out)
    return nullptr;
  auto* ctx = out->ctx_;
  SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nullptr);
  int loaded = ca_file.empty() ? SSL_CTX_set_default_verify_paths(ctx)
                               : SSL_CTX_load_verify_locations(ctx, ca_file.c_str(), nullptr);
  if (loaded != 1) {
    error = last_error(("cannot use the TLS CA " + ca_file).c_str());
    return nullptr;
  }
  if (!cert_file.empty()
      && (SSL_CTX_use_certificate_chain_file(ctx, cert_file.c_str()) != 1
          || SSL_CTX_use_PrivateKey_file(ctx, key_file.c_str(), SSL_FILETYPE_PEM) != 1
          || SSL_CTX_check_private_key(ctx) != 1)) {
    error = last_error(("cannot use the TLS certificate " + cert_file + " with key " + key_file)
                         .c_str());
    return nullptr;
  }
  return out;
}

tls_context::~tls_context() {
  SSL_CTX_free(ctx_);
}

tls_session::tls_session(const tls_context& ctx)
  : ssl_(SSL_new(ctx.native())), in_(BIO_new(BIO_s_mem())), out_(BIO_new(BIO_s_mem())) {
  SSL_set_bio(ssl_, in_, out_);
  SSL_set_accept_state(ssl_);
}

tls_session::tls_session(const tls_context& ctx, const std::string& host)
  : ssl_(SSL_new(ctx.native())), in_(BIO_new(BIO_s_mem())), out_(BIO_new(BIO_s_mem())) {
  SSL_set_bio(ssl_, in_, out_);
  SSL_set_connect_state(ssl_);
  // An IP address is checked against the certificate's IP entries, a name
  // against its DNS names (and sent as SNI).
  auto* param = SSL_get0_param(ssl_);
  if (X509_VERIFY_PARAM_set1_ip_asc(param, host.c_str()) != 1) {
    SSL_set1_host(ssl_, host.c_str());
    SSL_set_tlsext_host_name(ssl_, host.c_str());
  }
}

tls_session::~tls_session() {
  SSL_free(ssl_);  // frees both BIOs
}

bool tls_session::fail(const char* what) {
  error_ = last_error(what);
  return false;
}

bool tls_session::drain(std::vector<char>& out) {
  char chunk[16 * 1024];
  for (;;) {
    int n = BIO_read(out_, chunk, sizeof(chunk));
    if (n <= 0)
      return true;
    out.insert(out.end(), chunk, chunk + n);
  }
}

bool tls_session::receive(const char* data, size_t n, std::string& plain,
                          std::vector<char>& out) {
  if (n > 0 && BIO_write(in_, data, static_cast<int>(n)) != static_cast<int>(n))
    return fail("TLS buffer");
  bool was_done = SSL_is_init_finished(ssl_);
  char chunk[16 * 1024];
  for (;;) {
    int got = SSL_read(ssl_, chunk, sizeof(chunk));
    if (got > 0) {
      plain.append(chunk, static_cast<size_t>(got));
      continue;
    }
    int err = SSL_get_error(ssl_, got);
    if (err == SSL_ERROR_WANT_READ || err == SSL_ERROR_WANT_WRITE)
      break;
    if (err == SSL_ERROR_ZERO_RETURN)  // close_notify: the peer closes
      break;
    drain(out);  // the alert, if any
    return fail("TLS");
  }
  // Replies written before the handshake completed go out now.
  if (!was_done && SSL_is_init_finished(ssl_) && !pending_.empty()) {
    std::string held;
    held.swap(pending_);
    if (SSL_write(ssl_, held.data(), static_cast<int>(held.size())) <= 0)
      return fail("TLS write");
  }
  return drain(out);
}

bool tls_session::seal_tail(std::vector<char>& buf, size_t from) {
  if (from >= buf.size())
    return true;
  std::string plain{buf.begin() + static_cast<std::ptrdiff_t>(from), buf.end()};
  buf.resize(from);
  if (!SSL_is_init_finished(ssl_)) {
    pending_ += plain;
    return true;
  }
  if (SSL_write(ssl_, plain.data(), static_cast<int>(plain.size())) <= 0)
    return fail("TLS write");
  return drain(buf);
}

} // namespace troupe::protocol
