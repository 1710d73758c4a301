#include "client/import.hpp"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <rapidjson/document.h>

#include "client/import_json.hpp"
#include "client/sync_client.hpp"
#include "protocol/troupe.pb.h"

namespace troupe::client {

namespace fs = std::filesystem;

namespace {

constexpr uint64_t max_errors_shown = 20;

/// Progress every this many records: often on a terminal (one line,
/// rewritten), seldom in a log.
constexpr uint64_t tty_every = 100;
constexpr uint64_t log_every = 1000;

/// Whether Troupe's `stored` JSON is `source` as imported (the same value,
/// whatever the spacing or member order); with `item`, but for the `id` and
/// `_createdAt` Troupe adds to a stream item where `source` has none.
bool same_json(const std::string& source, const std::string& stored, bool item) {
  rapidjson::Document a, b;
  if (a.Parse(source.data(), source.size()).HasParseError()
      || b.Parse(stored.data(), stored.size()).HasParseError())
    return false;
  if (item && a.IsObject() && b.IsObject())
    for (const char* added : {"id", "_createdAt"})
      if (!a.HasMember(added))
        b.RemoveMember(added);
  return a == b;
}

} // namespace

struct importer::known_steps {
  std::map<std::string, std::set<std::string>> by_topic;
};

importer::importer(sync_client& client, std::string ns, bool dry_run)
  : client_(client),
    prefix_(ns.empty() ? std::string{} : ns + ":"),
    dry_run_(dry_run),
    tty_(::isatty(STDERR_FILENO) != 0),
    steps_(std::make_shared<known_steps>()) {}

void importer::progress() {
  ++records_;
  if (records_ % (tty_ ? tty_every : log_every) != 0)
    return;
  std::fprintf(stderr, tty_ ? "\rimport: %llu records" : "import: %llu records\n",
               static_cast<unsigned long long>(records_));
  std::fflush(stderr);
}

void importer::wrote(uint64_t& counter) {
  ++counter;
  progress();
}

void importer::failed(const std::string& what, const std::string& why) {
  ++counts_.errors;
  if (++errors_shown_ <= max_errors_shown)
    std::fprintf(stderr, "%simport: %s: %s\n", tty_ ? "\r" : "", what.c_str(), why.c_str());
  else if (errors_shown_ == max_errors_shown + 1)
    std::fprintf(stderr, "import: further errors are counted, not shown\n");
  progress();
}

void importer::error(const std::string& what) {
  failed(what, "skipped");
}

void importer::state(const std::string& group, const std::string& key, const std::string& json,
                     uint64_t ttl_ms) {
  pending_.push_back({false, prefix_ + group, key, {}, json, ttl_ms});
  if (pending_.size() >= batch)
    flush();
}

void importer::stream_item(const std::string& stream, const std::string& group,
                           const std::string& id, const std::string& json) {
  pending_.push_back({true, prefix_ + stream, group, id, json, 0});
  if (pending_.size() >= batch)
    flush();
}

namespace {

std::string record_name(const importer::pending_record& r) {
  return r.stream ? "stream item " + printable(r.a) + " " + printable(r.b) + " " + printable(r.c)
                  : "state " + printable(r.a) + " " + printable(r.b);
}

std::shared_ptr<const v1::Request> get_request(const importer::pending_record& r) {
  auto req = std::make_shared<v1::Request>();
  if (r.stream) {
    auto* g = req->mutable_stream_get();
    g->set_stream(r.a);
    g->set_group_id(r.b);
    g->set_id(r.c);
  } else {
    auto* g = req->mutable_state_get();
    g->set_trace_id(r.a);
    g->set_key(r.b);
  }
  return req;
}

std::shared_ptr<const v1::Request> set_request(const importer::pending_record& r) {
  auto req = std::make_shared<v1::Request>();
  if (r.stream) {
    auto* s = req->mutable_stream_set();
    s->set_stream(r.a);
    s->set_group_id(r.b);
    s->set_id(r.c);
    s->set_data(r.json);
  } else {
    auto* s = req->mutable_state_set();
    s->set_trace_id(r.a);
    s->set_key(r.b);
    s->set_value(r.json);
    s->set_ttl_ms(r.ttl_ms);
  }
  return req;
}

} // namespace

void importer::flush() {
  if (pending_.empty())
    return;
  // What Troupe holds, for every pending record in one round trip; then
  // the writes of those that differ, in another.
  std::vector<std::shared_ptr<const v1::Request>> gets, sets;
  for (auto& r : pending_)
    gets.push_back(get_request(r));
  auto held = client_.pipeline(gets);
  std::vector<size_t> written;
  for (size_t i = 0; i < pending_.size(); ++i) {
    auto& r = pending_[i];
    auto& resp = *held[i];
    if (resp.has_error()) {
      failed(record_name(r), resp.error().message());
      continue;
    }
    bool same = r.stream ? resp.stream_item().found()
                             && same_json(r.json, resp.stream_item().item(), true)
                         : resp.value().found() && same_json(r.json, resp.value().value(), false);
    if (same) {
      ++counts_.skipped;
      progress();
    } else if (dry_run_) {
      wrote(r.stream ? counts_.stream_items : counts_.state);
    } else {
      sets.push_back(set_request(r));
      written.push_back(i);
    }
  }
  auto done = client_.pipeline(sets);
  for (size_t j = 0; j < written.size(); ++j) {
    auto& r = pending_[written[j]];
    if (done[j]->has_error())
      failed(record_name(r), done[j]->error().message());
    else
      wrote(r.stream ? counts_.stream_items : counts_.state);
  }
  pending_.clear();
}

bool importer::step_known(const std::string& topic, const std::string& step) {
  auto it = steps_->by_topic.find(topic);
  if (it == steps_->by_topic.end()) {
    auto info = client_.get_topic_info(topic);
    std::set<std::string> steps;
    if (info.ok())
      steps.insert(info->steps.begin(), info->steps.end());
    it = steps_->by_topic.emplace(topic, std::move(steps)).first;
  }
  return it->second.count(step) != 0;
}

void importer::job(const imported_job& j, const queue_config& config) {
  flush();
  auto topic = prefix_ + j.topic;
  auto what = "job " + printable(j.id) + " of queue " + printable(j.queue);
  if (dry_run_) {
    wrote(j.dead ? counts_.dead_letters : counts_.messages);
    return;
  }
  if (!step_known(topic, j.step)) {
    // Declared with the config the jobs were made with; a consumer that
    // subscribes later brings its own.
    auto declared = client_.declare_step(topic, j.step, config);
    if (!declared.ok())
      return failed(what, "declaring step " + printable(j.step) + ": " + declared.message);
    steps_->by_topic[topic].insert(j.step);
  }
  emit_entry e;
  e.data = j.data;
  e.trace_id = j.trace_id;
  e.flows = j.flows;
  e.message_group_id = j.message_group_id;
  e.idempotency_key = "import:" + j.queue + ":" + j.id;
  e.step = j.step;
  e.delay_ms = j.delay_ms;
  e.attempts_made = j.attempts_made;
  e.last_error = j.last_error;
  e.dead = j.dead;
  auto r = client_.emit(topic, e);
  if (!r.ok())
    return failed(what, r.error().message);
  if (r->repeats != 0) {
    ++counts_.skipped;
    return progress();
  }
  wrote(j.dead ? counts_.dead_letters : counts_.messages);
}

const import_counts& importer::finish() {
  flush();
  if (tty_ && records_ >= tty_every)
    std::fprintf(stderr, "\rimport: %llu records\n", static_cast<unsigned long long>(records_));
  return counts_;
}

// -- motia dev's files --------------------------------------------------------

namespace {

std::optional<std::string> read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in)
    return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Each member of the JSON object in file `p`, as (name, JSON text of the
/// value): the file adapters store each value as a string of JSON text.
bool each_record(importer& to, const fs::path& p,
                 const std::function<void(const std::string&, const std::string&)>& fn) {
  auto text = read_file(p);
  rapidjson::Document doc;
  if (!text || doc.Parse(text->data(), text->size()).HasParseError() || !doc.IsObject()) {
    to.error(p.string() + ": not a JSON object");
    return false;
  }
  for (auto& m : doc.GetObject()) {
    std::string name{m.name.GetString(), m.name.GetStringLength()};
    fn(name, m.value.IsString() ? std::string{m.value.GetString(), m.value.GetStringLength()}
                                : json_text(m.value));
  }
  return true;
}

} // namespace

bool import_motia_files(importer& to, const std::string& dir, std::string& error) {
  fs::path base{dir};
  std::error_code ec;
  if (fs::is_directory(base / ".motia", ec))
    base /= ".motia";
  auto state_file = base / "motia.state.json";
  auto streams_dir = base / "streams";
  bool has_state = fs::is_regular_file(state_file, ec);
  bool has_streams = fs::is_directory(streams_dir, ec);
  if (!has_state && !has_streams) {
    error = "no motia.state.json nor streams/ in " + base.string();
    return false;
  }
  if (has_state)
    // Keys are "<group>:<key>": a group id holds no ':' (as the Redis
    // adapter's traceIds assumes), a key may.
    each_record(to, state_file, [&](const std::string& name, const std::string& json) {
      auto colon = name.find(':');
      if (colon == std::string::npos)
        return to.error("state " + printable(name) + ": no '<group>:' in the key");
      to.state(name.substr(0, colon), name.substr(colon + 1), json, 0);
    });
  if (has_streams) {
    std::vector<fs::path> files;
    for (auto& entry : fs::directory_iterator(streams_dir, ec))
      if (entry.is_regular_file() && entry.path().filename().string().size() > 12
          && entry.path().string().ends_with(".stream.json"))
        files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (auto& file : files) {
      auto name = file.filename().string();
      auto stream = name.substr(0, name.size() - std::string{".stream.json"}.size());
      // Keys are "<group>:<id>": the id is the last segment (as the file
      // adapter's getGroup reads it).
      each_record(to, file, [&](const std::string& key, const std::string& json) {
        auto colon = key.rfind(':');
        if (colon == std::string::npos)
          return to.error("stream " + printable(stream) + " item " + printable(key)
                          + ": no '<group>:' in the key");
        to.stream_item(stream, key.substr(0, colon), key.substr(colon + 1), json);
      });
    }
  }
  return true;
}

// -- summaries ----------------------------------------------------------------

std::string summary_json(const import_counts& c, bool dry_run) {
  auto n = [](uint64_t v) { return std::to_string(v); };
  return "{\"state\":" + n(c.state) + ",\"stream_items\":" + n(c.stream_items)
         + ",\"messages\":" + n(c.messages) + ",\"dead_letters\":" + n(c.dead_letters)
         + ",\"skipped\":" + n(c.skipped) + ",\"errors\":" + n(c.errors)
         + ",\"dry_run\":" + (dry_run ? "true" : "false") + "}";
}

std::string summary_text(const import_counts& c, bool dry_run) {
  auto n = [](uint64_t v) { return std::to_string(v); };
  return std::string{dry_run ? "would import" : "imported"} + ": " + n(c.state) + " state keys, "
         + n(c.stream_items) + " stream items, " + n(c.messages) + " queued messages, "
         + n(c.dead_letters) + " dead letters; " + n(c.skipped) + " already there, "
         + n(c.errors) + " errors";
}

} // namespace troupe::client
