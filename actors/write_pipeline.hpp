// write_pipeline: the commit bookkeeping every partition actor shares.
//
// An actor computes each write against committed storage plus the writes it
// accepted that are not yet durable (the overlay), stages the result here,
// submits one batch per request to its partition's log, and answers once the
// batch is durable:
//
//   stage put/remove --> submit(batch) = gen N --> log applies --> committed(N)
//                                                    --> after(N, ...) callbacks
//
// Generations complete in submission order, so replies (and any events they
// trigger) leave in commit order. On a replicated partition a reply that
// wrote nothing also waits for a leadership confirmation asked after it
// (after_confirmed): one is out at a time, and the replies that queue
// meanwhile share the next. When the log applies asynchronously, it
// reports completion through `post`, which must hand (gen, status) back to
// the owning actor, who then calls committed(); otherwise submit() completes
// at once.
//
// Owned by one actor and used only from its handlers (not thread-safe).
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "actors/placement.hpp"
#include "storage/db.hpp"

namespace troupe::actors {
class partition_log;
}

namespace troupe::actors {

class write_pipeline {
public:
  using poster = std::function<void(uint64_t gen, storage::db_status status)>;
  using completion = std::function<void(const storage::db_status& status)>;

  write_pipeline(partition_log& log, poster post);

  /// The staged (not yet durable) record of `key`: nullptr when none is
  /// staged (read storage); otherwise the record, or nullopt for a delete.
  const std::optional<std::string>* staged(const std::string& key) const;

  /// True when `key` was staged for the batch being built now.
  bool staged_in_next(const std::string& key) const;

  /// Stages a put or delete for the batch being built and adds it to `batch`.
  void put(storage::write_batch& batch, storage::column cf, const std::string& key,
           std::string raw);
  void remove(storage::write_batch& batch, storage::column cf, const std::string& key);

  /// Forgets what was staged for a batch that will not be submitted.
  void drop_next();

  /// Calls fn(key, staged record or nullopt) for staged keys under `prefix`.
  void for_each_staged(std::string_view prefix,
                       const std::function<void(const std::string&,
                                                const std::optional<std::string>&)>& fn) const;

  /// Submits the staged batch; returns its generation.
  uint64_t submit(storage::write_batch batch);

  /// The generation a reply must follow: everything submitted so far.
  uint64_t last_submitted() const { return submitted_; }

  /// Runs fn once generation `gen` is durable, at once when it already is.
  /// fn sees the failure status only when generation `gen` itself failed.
  void after(uint64_t gen, completion fn);

  /// True when replies that wrote nothing wait for after_confirmed().
  bool confirms_reads() const;

  /// Runs fn once generation `gen` is durable and, on a replicated
  /// partition, this node's leadership in its term was confirmed by a
  /// majority after this call (ReadIndex); fn sees the failure otherwise.
  void after_confirmed(uint64_t gen, completion fn);

  /// Reports that generation `gen` finished, or a leadership confirmation
  /// (posted as confirmation_gen) did (from the owner's handler).
  void committed(uint64_t gen, const storage::db_status& status);
  static constexpr uint64_t confirmation_gen = uint64_t{1} << 63;

  /// Batches submitted but not yet durable.
  uint64_t in_flight() const { return submitted_ - committed_; }

private:
  struct entry {
    uint64_t gen;
    std::optional<std::string> raw;
  };
  struct waiter {
    uint64_t gen;
    completion fn;
  };
  void confirm_next();
  void confirmed(const storage::db_status& status);

  partition_log& log_;
  poster post_;
  std::vector<waiter> confirming_;       ///< replies the confirmation out is for
  std::vector<waiter> next_confirming_;  ///< replies that wait for the next one
  bool confirmation_out_ = false;
  uint64_t submitted_ = 0;
  uint64_t committed_ = 0;  ///< every generation up to this one is done
  std::map<uint64_t, storage::db_status> finished_;  ///< done past a gap
  std::unordered_map<std::string, entry> overlay_;
  std::deque<waiter> waiting_;
};

} // namespace troupe::actors
