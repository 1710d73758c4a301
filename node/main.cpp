// troupe-node: see README.md for flags. Prints one line "troupe-node ready
// HOST:PORT" on stdout once it accepts connections, preceded by "troupe-node
// resp HOST:PORT" when the RESP front door is on, "troupe-node amqp
// HOST:PORT" when the AMQP door is on, and "troupe-node cluster
// HOST:PORT" when clustered; logs go to stderr.
#include <csignal>
#include <cstdio>
#include <string>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "node/log_format.hpp"
#include "node/options.hpp"
#include "node/server.hpp"
#include "node/service_notify.hpp"

int main(int argc, char** argv) {
  int exit_code = 0;
  auto opts = troupe::node::parse_options(argc, argv, exit_code);
  if (!opts)
    return exit_code;

  spdlog::set_default_logger(spdlog::stderr_color_mt("troupe"));
  spdlog::set_level(spdlog::level::from_str(opts->log_level));
  spdlog::set_formatter(troupe::node::make_log_formatter(opts->log_format));

  // Block the stop signals before any thread starts, then wait for them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  std::signal(SIGPIPE, SIG_IGN);

  // A stop signal that arrives while the node waits to join is taken here.
  int early_signal = 0;
  troupe::node::start_hooks hooks;
  hooks.stop_requested = [&] {
    timespec now{0, 0};
    int sig = sigtimedwait(&stop_signals, nullptr, &now);
    if (sig > 0)
      early_signal = sig;
    return sig > 0;
  };
  hooks.joining = [&](uint16_t port) {
    std::printf("troupe-node joining %s:%u\n", troupe::node::split_host_port(opts->cluster_listen)->first.c_str(),
                static_cast<unsigned>(port));
    std::fflush(stdout);
  };
  std::string error;
  auto server = troupe::node::server::start(*opts, error, hooks);
  if (!server) {
    if (early_signal != 0) {
      spdlog::info("received {} while joining: {}", early_signal == SIGTERM ? "SIGTERM" : "SIGINT", error);
      return 0;
    }
    spdlog::critical("{}", error);
    return 1;
  }
  auto host = troupe::node::split_host_port(opts->listen)->first;
  if (server->amqp_port() != 0)
    std::printf("troupe-node amqp %s:%u\n",
                troupe::node::split_host_port(opts->amqp_listen)->first.c_str(),
                static_cast<unsigned>(server->amqp_port()));
  if (server->resp_port() != 0)
    std::printf("troupe-node resp %s:%u\n",
                troupe::node::split_host_port(opts->resp_listen)->first.c_str(),
                static_cast<unsigned>(server->resp_port()));
  if (server->admin_port() != 0)
    std::printf("troupe-node admin %s:%u\n",
                troupe::node::split_host_port(opts->admin_listen)->first.c_str(),
                static_cast<unsigned>(server->admin_port()));
  if (server->cluster_port() != 0)
    std::printf("troupe-node cluster %s:%u\n",
                troupe::node::split_host_port(opts->cluster_listen)->first.c_str(),
                static_cast<unsigned>(server->cluster_port()));
  std::printf("troupe-node ready %s:%u\n", host.c_str(), static_cast<unsigned>(server->port()));
  std::fflush(stdout);
  troupe::node::notify_service_manager("READY=1\nSTATUS=serving on " + host + ":"
                                       + std::to_string(server->port()));

  int sig = 0;
  sigwait(&stop_signals, &sig);
  spdlog::info("received {}, stopping", sig == SIGTERM ? "SIGTERM" : "SIGINT");
  troupe::node::notify_service_manager("STOPPING=1");
  server->stop();
  return 0;
}
