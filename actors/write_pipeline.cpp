#include "actors/write_pipeline.hpp"

#include "actors/partition_log.hpp"

namespace troupe::actors {

write_pipeline::write_pipeline(partition_log& log, poster post)
  : log_(log), post_(std::move(post)) {
  // nop
}

const std::optional<std::string>* write_pipeline::staged(const std::string& key) const {
  auto it = overlay_.find(key);
  return it == overlay_.end() ? nullptr : &it->second.raw;
}

bool write_pipeline::staged_in_next(const std::string& key) const {
  auto it = overlay_.find(key);
  return it != overlay_.end() && it->second.gen == submitted_ + 1;
}

void write_pipeline::put(storage::write_batch& batch, storage::column cf,
                         const std::string& key, std::string raw) {
  overlay_[key] = entry{submitted_ + 1, raw};
  batch.put(cf, key, std::move(raw));
}

void write_pipeline::remove(storage::write_batch& batch, storage::column cf,
                            const std::string& key) {
  overlay_[key] = entry{submitted_ + 1, std::nullopt};
  batch.remove(cf, key);
}

void write_pipeline::drop_next() {
  for (auto it = overlay_.begin(); it != overlay_.end();) {
    if (it->second.gen > submitted_)
      it = overlay_.erase(it);
    else
      ++it;
  }
}

void write_pipeline::for_each_staged(
  std::string_view prefix,
  const std::function<void(const std::string&, const std::optional<std::string>&)>& fn) const {
  for (auto& [key, e] : overlay_)
    if (key.compare(0, prefix.size(), prefix) == 0)
      fn(key, e.raw);
}

uint64_t write_pipeline::submit(storage::write_batch batch) {
  auto gen = ++submitted_;
  if (log_.asynchronous()) {
    log_.append(std::move(batch),
                [post = post_, gen](uint64_t, storage::db_status s) { post(gen, std::move(s)); });
    return gen;
  }
  storage::db_status status;
  log_.append(std::move(batch), [&status](uint64_t, storage::db_status s) { status = std::move(s); });
  committed(gen, status);
  return gen;
}

void write_pipeline::after(uint64_t gen, completion fn) {
  if (gen <= committed_) {
    fn(storage::db_status::success());
    return;
  }
  waiting_.push_back({gen, std::move(fn)});
}

bool write_pipeline::confirms_reads() const {
  return log_.replicated();
}

void write_pipeline::after_confirmed(uint64_t gen, completion fn) {
  if (!log_.replicated()) {
    after(gen, std::move(fn));
    return;
  }
  next_confirming_.push_back({gen, std::move(fn)});
  if (!confirmation_out_)
    confirm_next();
}

void write_pipeline::confirm_next() {
  confirming_ = std::move(next_confirming_);
  next_confirming_.clear();
  confirmation_out_ = true;
  log_.confirm_read([post = post_](storage::db_status s) { post(confirmation_gen, std::move(s)); });
}

void write_pipeline::confirmed(const storage::db_status& status) {
  confirmation_out_ = false;
  auto done = std::move(confirming_);
  confirming_.clear();
  if (!next_confirming_.empty())
    confirm_next();
  for (auto& w : done) {
    if (status.ok)
      after(w.gen, std::move(w.fn));
    else
      w.fn(status);
  }
}

void write_pipeline::committed(uint64_t gen, const storage::db_status& status) {
  if (gen == confirmation_gen) {
    confirmed(status);
    return;
  }
  // Generations finish in the order submitted, except when a later one is
  // refused at once while an earlier one still waits in the log (the
  // leadership ended between them): one counts as done only once every
  // earlier one is, so in_flight() and after() never pass one still out,
  // and each waiter hears its own generation's outcome.
  if (gen <= committed_)
    return;
  finished_.emplace(gen, status);
  std::map<uint64_t, storage::db_status> done;
  for (auto it = finished_.begin(); it != finished_.end() && it->first == committed_ + 1;
       it = finished_.begin()) {
    ++committed_;
    done.insert(finished_.extract(it));
  }
  if (done.empty())
    return;
  for (auto it = overlay_.begin(); it != overlay_.end();) {
    if (it->second.gen <= committed_)
      it = overlay_.erase(it);
    else
      ++it;
  }
  while (!waiting_.empty() && waiting_.front().gen <= committed_) {
    auto w = std::move(waiting_.front());
    waiting_.pop_front();
    auto own = done.find(w.gen);
    w.fn(own != done.end() ? own->second : storage::db_status::success());
  }
}

} // namespace troupe::actors
