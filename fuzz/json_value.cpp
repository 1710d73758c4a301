// JSON acceptance and everything that walks an accepted value: the nesting
// limit, Motia's filters, stream items and stream queries. Any text is
// refused or evaluated; nothing recurses past the limit.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "fuzz/fuzz_input.hpp"
#include "storage/json_filter.hpp"
#include "storage/stream_item.hpp"

namespace st = troupe::storage;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  troupe::fuzz::fuzz_input in{data, size};
  std::vector<st::filter> filters;
  for (int i = in.byte() % 3; i > 0; --i)
    filters.push_back({std::string{in.string(16)},
                       static_cast<st::filter_op>(in.byte() % 12), std::string{in.string(16)}});
  st::stream_query q;
  q.where = std::string{in.string(64)};
  q.order_by = std::string{in.string(16)};
  q.descending = in.byte() & 1;
  q.offset = in.byte() % 4;
  q.limit = in.byte() % 4;
  auto text = in.rest();
  (void)st::json_depth(text);
  // Filters run on whatever is stored, valid or not, deep or not.
  (void)st::evaluate_filters(text, filters);
  if (st::json_error(text))
    return 0;
  std::string item, second;
  if (st::build_stream_item(text, "a", nullptr, 1, item))
    return 0;
  if (st::build_stream_item(text, "b", &item, 2, second))
    std::abort();  // the same data was accepted once
  std::vector<std::string> items{item, second};
  st::sort_stream_items(items);
  (void)st::run_stream_query(items, q);
  (void)st::js_string_to_number(text.substr(0, 64));
  return 0;
}
