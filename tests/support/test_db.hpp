// open_test_db: a RocksDB-backed storage::db in a test's directory, failing
// the test when it cannot be opened.
#pragma once

#include <memory>
#include <string>

#include <boost/test/unit_test.hpp>

#include "storage/db.hpp"

namespace troupe::test {

inline std::unique_ptr<storage::db> open_test_db(const std::string& path,
                                                 storage::durability mode) {
  storage::db_options opts;
  opts.path = path;
  opts.mode = mode;
  std::string error;
  auto d = storage::db::open(std::move(opts), error);
  BOOST_TEST_REQUIRE(d != nullptr, error);
  return d;
}

} // namespace troupe::test
