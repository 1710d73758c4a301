// Handoff: a partition copied from one database to another through chunks,
// then caught up by the diff of two snapshots, ends equal to the source,
// and nothing of other partitions travels.
#include "cluster/handoff.hpp"

#include <map>

#include <boost/test/unit_test.hpp>

#include "storage/key_codec.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/test_db.hpp"

using namespace troupe;
using namespace troupe::storage;

namespace {

std::unique_ptr<db> open_db(const std::string& path) {
  return test::open_test_db(path, durability::none);
}

std::string key(uint16_t p, const std::string& name) {
  auto k = partition_prefix(partition_id{p});
  append_component(k, name);
  return k;
}

/// Everything in every column under partition p: (column, key) -> value.
std::map<std::pair<int, std::string>, std::string> contents(const db& d, uint16_t p) {
  std::map<std::pair<int, std::string>, std::string> out;
  auto prefix = partition_prefix(partition_id{p});
  auto end = prefix_end(prefix);
  for (int c = 0; c < partition_data_columns; ++c) {
    auto cur = d.new_cursor(static_cast<column>(c));
    for (cur->seek(prefix); cur->valid() && cur->key() < end; cur->next())
      out[{c, std::string{cur->key()}}] = std::string{cur->value()};
  }
  return out;
}

/// Streams `reader` into `to`, as the old owner does; returns the chunks.
size_t ship(cluster::partition_reader& reader, db& to, bool reset) {
  size_t chunks = 0;
  db_status status;
  while (auto chunk = reader.next(200, status)) {
    partition_id p;
    write_batch entry;
    BOOST_TEST_REQUIRE(cluster::chunk_entry(*chunk, reset && chunks == 0, p, entry).ok);
    BOOST_TEST_REQUIRE(to.write(std::move(entry)).ok);
    ++chunks;
  }
  BOOST_TEST_REQUIRE(status.ok, status.message);
  return chunks;
}

} // namespace

BOOST_AUTO_TEST_SUITE(handoff)

BOOST_AUTO_TEST_CASE(copy_then_catch_up_ends_equal) {
  test::temp_dir dir;
  auto from = open_db(dir.sub("from"));
  auto to = open_db(dir.sub("to"));
  write_batch b;
  for (int i = 0; i < 100; ++i) {
    b.put(column::state, key(7, "k" + std::to_string(i)), "v" + std::to_string(i));
    b.put(column::kv, key(7, "x" + std::to_string(i)), std::string(50, 'x'));
    b.put(column::state, key(8, "other" + std::to_string(i)), "not moving");
  }
  b.put(column::meta, key(7, "seq"), "100");
  BOOST_TEST_REQUIRE(from->write(std::move(b)).ok);
  // The new owner has stale data of p from an earlier, failed move.
  write_batch stale;
  stale.put(column::state, key(7, "stale"), "old");
  BOOST_TEST_REQUIRE(to->write(std::move(stale)).ok);

  auto first = from->take_snapshot();
  cluster::partition_reader copy{*from, partition_id{7}, first};
  BOOST_TEST(ship(copy, *to, true) > 10u);  // many small chunks
  BOOST_TEST(copy.records() == 201u);

  // Writes while the copy streamed: changed, new and deleted keys.
  write_batch later;
  later.put(column::state, key(7, "k1"), "changed");
  later.put(column::streams, key(7, "new"), "item");
  later.remove(column::state, key(7, "k2"));
  later.remove(column::kv, key(7, "x3"));
  later.put(column::state, key(8, "other1"), "still not moving");
  BOOST_TEST_REQUIRE(from->write(std::move(later)).ok);
  cluster::partition_reader catch_up{*from, partition_id{7}, from->take_snapshot(), first};
  ship(catch_up, *to, false);
  BOOST_TEST(catch_up.records() == 4u, "only the differences travel");

  BOOST_TEST((contents(*to, 7) == contents(*from, 7)));
  BOOST_TEST(contents(*to, 8).empty());
  BOOST_TEST(from->write(cluster::erase_entry(partition_id{7})).ok);
  BOOST_TEST(contents(*from, 7).empty());
  BOOST_TEST(contents(*from, 8).size() == 100u);
}

BOOST_AUTO_TEST_CASE(bad_chunks_are_refused_and_change_nothing) {
  test::temp_dir dir;
  auto to = open_db(dir.sub("to"));
  partition_id p;
  write_batch entry;
  BOOST_TEST(!cluster::chunk_entry("not a chunk \xff\xff", false, p, entry).ok);
  // A chunk claiming partition 7 but carrying a key of partition 8.
  test::temp_dir src_dir;
  auto from = open_db(src_dir.sub("from"));
  write_batch b;
  b.put(column::state, key(8, "k"), "v");
  BOOST_TEST_REQUIRE(from->write(std::move(b)).ok);
  cluster::partition_reader reader{*from, partition_id{8}, from->take_snapshot()};
  db_status status;
  auto chunk = reader.next(1 << 20, status);
  BOOST_TEST_REQUIRE(chunk.has_value());
  auto forged = *chunk;
  forged[1] = 7;  // the partition field's varint: 8 -> 7
  BOOST_TEST(!cluster::chunk_entry(forged, true, p, entry).ok);
  BOOST_TEST(contents(*to, 7).empty());
  BOOST_TEST(contents(*to, 8).empty());
}

BOOST_AUTO_TEST_SUITE_END()
