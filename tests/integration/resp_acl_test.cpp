// Users and permissions on the RESP door (ACL, AUTH user pass), compared
// reply for reply with a redis-server started by the test: the same
// commands go to both, and the raw replies must be identical. Then what
// only Troupe has to show: the node's token as the default user's password,
// and a user's permissions holding in a partition's scripts and functions.
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "tests/support/node_process.hpp"
#include "tests/support/resp_peers.hpp"
#include "tests/support/temp_dir.hpp"

using namespace troupe::test;

BOOST_AUTO_TEST_SUITE(resp_acl)

BOOST_AUTO_TEST_CASE(users_and_their_permissions_reply_as_redis_does) {
  peers p;
  // Making users: every rule, and Redis's refusal of each bad one.
  p.same({"ACL", "SETUSER", "bob", "on", ">123", "+@scripting", "+set", "~x*"});
  p.same({"ACL", "SETUSER", "off_user", "off", ">pw", "allkeys", "allcommands", "-flushall"});
  for (auto& bad : std::vector<std::vector<std::string>>{
         {"+nosuchcommand"},
         {"+@nosuchcategory"},
         {"%Q~x"},
         {"~*", "~x"},
         {"&*", "&x"},
         {"<notapassword"},
         {"#abc"},
         {"whatever"}})
    p.same([&] {
      std::vector<std::string> cmd{"ACL", "SETUSER", "bad"};
      cmd.insert(cmd.end(), bad.begin(), bad.end());
      return cmd;
    }());
  p.same({"ACL", "SETUSER", "has space"});
  p.same({"ACL", "USERS"});
  p.same({"ACL", "LIST"});
  for (auto* user : {"bob", "off_user", "default", "nobody"})
    p.same({"ACL", "GETUSER", user});
  // (Redis lists single commands in no fixed order: this user's rules are
  // not compared as text.)
  p.same({"ACL", "SETUSER", "ro", "on", "nopass", "%R~r*", "%W~w*", "+get", "+set",
          "+config|get", "&news.*", "+publish", "+subscribe", "+psubscribe"});
  p.same({"ACL", "WHOAMI"});
  p.same({"ACL", "CAT"});
  p.same({"ACL", "CAT", "nosuchcategory"});
  p.same({"ACL", "SAVE"});
  // What DRYRUN says of each kind of refusal.
  for (auto& cmd : std::vector<std::vector<std::string>>{{"bob", "set", "x1", "v"},
                                                          {"bob", "get", "x1"},
                                                          {"bob", "set", "y1", "v"},
                                                          {"ro", "get", "r1"},
                                                          {"ro", "set", "r1", "v"},
                                                          {"ro", "set", "w1", "v"},
                                                          {"ro", "config", "get", "maxmemory"},
                                                          {"ro", "config", "set", "x", "y"},
                                                          {"ro", "publish", "news.a", "m"},
                                                          {"ro", "publish", "other", "m"},
                                                          {"nobody", "get", "x"},
                                                          {"bob", "nosuchcommand"},
                                                          {"bob", "get"}}) {
    std::vector<std::string> full{"ACL", "DRYRUN"};
    full.insert(full.end(), cmd.begin(), cmd.end());
    p.same(full);
  }
  // Signing in, and what a signed-in user may do.
  resp_conn bob_redis{p.redis.port()};
  resp_conn bob_troupe{p.node.resp_port()};
  auto both = [&](const std::vector<std::string>& cmd) {
    auto expected = bob_redis.call(cmd);
    auto got = bob_troupe.call(cmd);
    BOOST_TEST(got == expected, "for " << peers::describe(cmd) << "\n redis:  " << expected
                                       << " troupe: " << got);
  };
  both({"AUTH", "bob", "wrong"});
  both({"AUTH", "off_user", "pw"});
  both({"AUTH", "nobody", "x"});
  both({"AUTH", "justapassword"});
  both({"AUTH", "bob", "123"});
  both({"ACL", "WHOAMI"});
  both({"SET", "x1", "v"});
  both({"SET", "y1", "v"});
  both({"GET", "x1"});
  both({"CONFIG", "GET", "maxmemory"});
  // A script runs with its caller's permissions, and can ask about them.
  both({"EVAL", "return redis.call('set', KEYS[1], 'w')", "1", "x2"});
  both({"EVAL", "return redis.call('get', KEYS[1])", "1", "x2"});
  both({"EVAL", "return redis.call('set', 'y2', 'w')", "0"});
  both({"EVAL", "return redis.pcall('get', 'x2')", "0"});
  both({"EVAL", "return redis.acl_check_cmd('set', 'xx', 1)", "1", "xx"});
  both({"EVAL", "return redis.acl_check_cmd('hset', 'xx', 'f', 1)", "1", "xx"});
  both({"EVAL", "return redis.acl_check_cmd('set', 'yy', 1)", "0"});
  both({"EVAL", "return redis.acl_check_cmd('invalid-cmd', 'arg')", "0"});
  // Changed rules hold for a connection signed in already.
  p.same({"ACL", "SETUSER", "bob", "+get"});
  both({"GET", "x1"});
  p.same({"ACL", "SETUSER", "bob", "resetkeys", "%R~x*"});
  both({"GET", "x1"});
  both({"SET", "x1", "v2"});
  // Keys read and written, subcommands, channels.
  both({"AUTH", "ro", "anything"});
  both({"GET", "r1"});
  both({"SET", "r1", "v"});
  both({"SET", "w1", "v"});
  both({"GET", "w1"});
  both({"CONFIG", "GET", "maxmemory"});
  both({"CONFIG", "SET", "maxmemory", "0"});
  both({"PUBLISH", "news.today", "m"});
  both({"PUBLISH", "sports", "m"});
  both({"PSUBSCRIBE", "news.*x"});
  both({"MULTI"});
  both({"SET", "w2", "v"});
  both({"GET", "w2"});
  both({"EXEC"});
  // A user turned off keeps its connections, but no one signs in as it.
  p.same({"ACL", "SETUSER", "ro", "off"});
  both({"GET", "r1"});
  both({"AUTH", "ro", "anything"});
  // Deleting users; the default one stays.
  p.same({"ACL", "DELUSER", "default"});
  p.same({"ACL", "DELUSER", "off_user", "nobody"});
  p.same({"ACL", "USERS"});
}

BOOST_AUTO_TEST_CASE(selectors_allow_what_redis_selectors_allow) {
  peers p;
  // One command per rule set: Redis lists single commands in no fixed order
  // (its command table's hash order), and these replies are compared as text.
  p.same({"ACL", "SETUSER", "sel", "on", "nopass", "+get", "~a*", "(~b* +set)",
          "(%R~c*", "+hget)"});
  p.same({"ACL", "GETUSER", "sel"});
  p.same({"ACL", "LIST"});
  for (auto& bad : std::vector<std::vector<std::string>>{
         {"(~x*", "+set"}, {"(on)"}, {"(+nosuchcommand)"}, {"(>password)"}, {"(~x* %Q~y)"}})
    p.same([&] {
      std::vector<std::string> cmd{"ACL", "SETUSER", "bad"};
      cmd.insert(cmd.end(), bad.begin(), bad.end());
      return cmd;
    }());
  p.same({"ACL", "GETUSER", "bad"});  // nothing of a refused SETUSER stays
  for (auto& cmd : std::vector<std::vector<std::string>>{{"sel", "get", "a1"},
                                                          {"sel", "get", "b1"},
                                                          {"sel", "set", "b1", "v"},
                                                          {"sel", "hget", "c1", "f"},
                                                          {"sel", "set", "c1", "v"},
                                                          {"sel", "mget", "a1", "b1", "c1"},
                                                          {"sel", "publish", "ch", "m"}}) {
    std::vector<std::string> full{"ACL", "DRYRUN"};
    full.insert(full.end(), cmd.begin(), cmd.end());
    p.same(full);
  }
  resp_conn sel_redis{p.redis.port()};
  resp_conn sel_troupe{p.node.resp_port()};
  for (auto& cmd : std::vector<std::vector<std::string>>{
         {"AUTH", "sel", "x"}, {"SET", "b1", "v"}, {"GET", "b1"}, {"GET", "c1"}, {"SET", "c1", "v"}}) {
    auto expected = sel_redis.call(cmd);
    BOOST_TEST(sel_troupe.call(cmd) == expected, peers::describe(cmd));
  }
  p.same({"ACL", "SETUSER", "sel", "clearselectors"});
  p.same({"ACL", "GETUSER", "sel"});
  p.same({"ACL", "SETUSER", "sel", "()", "(allkeys allchannels allcommands)"});
  p.same({"ACL", "LIST"});
  p.same({"ACL", "SETUSER", "sel", "reset"});
  p.same({"ACL", "LIST"});
}

/// An ACL LOG reply (RESP2) with what depends on when and from where the
/// events came (age-seconds, client-info) blanked.
std::string without_age_and_client(const std::string& reply) {
  std::vector<std::string> lines;
  for (size_t at = 0; at < reply.size();) {
    auto end = reply.find("\r\n", at);
    lines.push_back(reply.substr(at, end - at));
    at = end + 2;
  }
  for (size_t i = 0; i + 2 < lines.size(); ++i)
    if (lines[i] == "age-seconds" || lines[i] == "client-info")
      lines[i + 1] = lines[i + 2] = "?";
  std::string out;
  for (auto& l : lines)
    out += l + "\n";
  return out;
}

BOOST_AUTO_TEST_CASE(acl_log_records_what_redis_records) {
  peers p;
  p.same({"ACL", "SETUSER", "antirez", ">foo", "on", "+set", "~object:1234", "+eval", "+multi",
          "+exec", "resetchannels", "+publish"});
  resp_conn a_redis{p.redis.port()};
  resp_conn a_troupe{p.node.resp_port()};
  auto both = [&](const std::vector<std::string>& cmd) {
    auto expected = a_redis.call(cmd);
    BOOST_TEST(a_troupe.call(cmd) == expected, peers::describe(cmd));
  };
  both({"AUTH", "antirez", "foo"});
  for (int i = 0; i < 3; ++i)
    both({"GET", "foo"});  // one entry, counted three times
  both({"SET", "somekeynotallowed", "1234"});
  both({"PUBLISH", "somechannelnotallowed", "m"});
  both({"SCRIPT", "HELP"});
  both({"MULTI"});
  both({"INCR", "foo"});
  both({"EXEC"});
  both({"EVAL", "redis.call('incr', 'object:1234')", "0"});
  both({"AUTH", "antirez", "wrong"});
  both({"AUTH", "nobody", "wrong"});
  auto log = [&](const std::vector<std::string>& cmd) {
    auto expected = p.to_redis.call(cmd);
    auto got = p.to_troupe.call(cmd);
    BOOST_TEST(without_age_and_client(got) == without_age_and_client(expected),
               peers::describe(cmd) << "\n redis:  " << expected << "\n troupe: " << got);
    return got;
  };
  auto all = log({"ACL", "LOG"});
  BOOST_TEST(all.rfind("*8\r\n", 0) == 0u, all);
  // The client's line as CLIENT LIST shows it.
  BOOST_TEST(all.find("user=antirez") != std::string::npos, all);
  log({"ACL", "LOG", "2"});
  log({"ACL", "LOG", "0"});
  log({"ACL", "LOG", "-3"});
  p.same({"ACL", "LOG", "many"});
  p.same({"ACL", "LOG", "1", "2"});
  p.same({"ACL", "LOG", "RESET"});
  log({"ACL", "LOG"});
  // At most acllog-max-len entries, the newest.
  p.same({"CONFIG", "SET", "acllog-max-len", "2"});
  p.same({"CONFIG", "GET", "acllog-max-len"});
  p.same({"CONFIG", "SET", "acllog-max-len", "-1"});
  for (int i = 0; i < 5; ++i)
    both({"SET", "obj:" + std::to_string(i), "1"});
  log({"ACL", "LOG"});
}

// -- Troupe only ----------------------------------------------------------------

BOOST_AUTO_TEST_CASE(the_token_is_the_default_users_password_and_functions_keep_permissions) {
  temp_dir dir;
  node_process node{dir.sub("data"), "os",
                    {"--resp-listen", "127.0.0.1:0", "--token", "s3cret"}};
  resp_conn admin{node.resp_port()};
  BOOST_TEST(admin.call({"GET", "k"}) == err("NOAUTH Authentication required."));
  BOOST_TEST(admin.call({"AUTH", "default", "wrong"})
             == err("WRONGPASS invalid username-password pair or user is disabled."));
  BOOST_TEST(admin.call({"AUTH", "default", "s3cret"}) == ok);
  BOOST_TEST(admin.call({"ACL", "SETUSER", "app", "on", ">apppass", "+fcall", "+get",
                         "~{app}*"})
             == ok);
  BOOST_TEST(admin.call({"FUNCTION", "LOAD",
                         "#!lua name=lib\n"
                         "redis.register_function('put', function(keys, args)\n"
                         "  return redis.call('set', keys[1], args[1])\nend)"})
             == bulk("lib"));
  resp_conn app{node.resp_port()};
  BOOST_TEST(app.call({"AUTH", "app", "apppass"}) == ok);
  // The function runs in a partition, with the caller's permissions: app
  // may call it, but not write through it.
  auto refused = app.call({"FCALL", "put", "1", "{app}k", "v"});
  BOOST_TEST(refused.rfind("-ERR The user executing the script can't run this command or "
                           "subcommand script: put, on @user_function:3.",
                           0)
               == 0,
             refused);
  BOOST_TEST(admin.call({"ACL", "SETUSER", "app", "+set"}) == ok);
  BOOST_TEST(app.call({"FCALL", "put", "1", "{app}k", "v"}) == ok);
  BOOST_TEST(app.call({"FCALL", "put", "1", "{other}k", "v"})
             == err("NOPERM this user has no permissions to access one of the keys used as "
                    "arguments"));
  BOOST_TEST(app.call({"GET", "{app}k"}) == bulk("v"));
  // A deleted user's connection is closed at its next command.
  BOOST_TEST(admin.call({"ACL", "DELUSER", "app"}) == integer(1));
  app.send({"GET", "{app}k"});
  BOOST_TEST(app.closed_by_peer());
  BOOST_TEST(admin.call({"GET", "{app}k"}) == bulk("v"));
  BOOST_TEST(node.terminate() == 0);
}

BOOST_AUTO_TEST_SUITE_END()
