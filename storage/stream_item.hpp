// Stream items as Motia's stream adapters shape them, and Motia's stream
// query, evaluated on the node. Plain functions; safe on any thread.
//
// The stored item is the data (a JSON object) plus "id" and "_createdAt":
// `{...data, id, _createdAt}` in JavaScript's key order. _createdAt is kept
// from the item's first write; on a create it is data._createdAt when that is
// truthy (Motia's Redis adapter) and otherwise the current time in ms.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace troupe::storage {

/// Builds the stored item, or returns why it cannot (data is not a JSON
/// object). `previous` is the stored item when the id already exists.
std::optional<std::string> build_stream_item(std::string_view data, std::string_view id,
                                             const std::string* previous, int64_t now_ms,
                                             std::string& item);

/// Sorts items as getGroup returns them: by _createdAt (a number; anything
/// else counts as 0), ties by id.
void sort_stream_items(std::vector<std::string>& items);

struct stream_query {
  std::string where;     ///< JSON object of field -> value; empty for none
  std::string order_by;  ///< empty: keep the input order
  bool descending = false;
  uint64_t offset = 0;
  uint64_t limit = 0;    ///< 0: no limit (as Motia's `if (filter.limit)`)
};

/// Applies `q` to items given in getGroup order, as Motia's Redis stream
/// adapter does: where (`item[k] === v` for every entry; objects and arrays
/// never match), a stable sort comparing with JavaScript's `<` and `>`,
/// offset, limit. Returns an error text when `where` is not a JSON object.
std::optional<std::string> run_stream_query(std::vector<std::string>& items,
                                            const stream_query& q);

} // namespace troupe::storage
