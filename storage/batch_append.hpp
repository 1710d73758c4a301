// append_batch: one write_batch's operations added, in order, after
// another's (one batch that does both). Header-only; include it where
// batches are merged, not in widely included headers.
#pragma once

#include "storage/db.hpp"

namespace troupe::storage {

inline void append_batch(const write_batch& from, write_batch& to) {
  for (auto& op : from.ops()) {
    switch (op.what) {
      case write_batch::kind::put: to.put(op.cf, op.key, op.value); break;
      case write_batch::kind::remove: to.remove(op.cf, op.key); break;
      case write_batch::kind::remove_range: to.remove_range(op.cf, op.key, op.value); break;
    }
  }
}

} // namespace troupe::storage
