// Redis glob patterns (KEYS, SCAN MATCH, PSUBSCRIBE): `*`, `?`, `[abc]`,
// `[^a]`, `[a-z]` and `\\x`, matched byte-wise exactly as Redis's
// stringmatchlen does. A plain function, no state.
#pragma once

#include <string_view>

namespace troupe::storage {

bool glob_match(std::string_view pattern, std::string_view text);

} // namespace troupe::storage
