// export: a cluster's records as newline-delimited JSON, one document per
// stored record, and back (troupe export / troupe import ndjson).
//
// The first line describes the cluster:
//   {"troupe_export":1,"cluster":"…","partitions":64}
// then one line per record, named by what it is, its key's parts decoded:
//   {"kind":"state","partition":3,"trace_id":"t","key":"k","revision":1,
//    "created_at":…,"updated_at":…,"expires_at":0,"value":"{\"a\":1}"}
//   stream_item (stream, group, id), subscription (topic, step, config),
//   message and dead_letter (topic, step, seq, message), emitted (topic,
//   idempotency_key, reply), lock (job, lock)
// Names and values that are not UTF-8 are {"base64":"…"}; a record that
// does not decode as its kind (or whose decoding would not give back the
// same bytes) is {"kind":"raw","column":N,"key":…,"value":…} with both in
// base64. Reading a line back gives the same key and value bytes.
//
// Internal to the CLI.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "client/sync_client.hpp"

namespace troupe::client {

std::string export_header(const std::string& cluster, uint32_t partitions);

/// The partition count of an export's first line; nullopt when `line` is
/// not one.
std::optional<uint32_t> export_header_partitions(const std::string& line);

std::string record_line(uint32_t partition, const raw_record& r);

/// Whether an export of namespace `ns` takes `r`: records whose trace id,
/// stream, topic or cron job starts with "<ns>:", and each partition's
/// counters (revisions, message sequence numbers: an import into an empty
/// cluster needs them); not the RESP keyspace.
bool in_namespace(const raw_record& r, const std::string& ns);

/// Reads a record line; false with `error` when it is not one.
bool parse_record_line(const std::string& line, uint32_t& partition, raw_record& out,
                       std::string& error);

} // namespace troupe::client
