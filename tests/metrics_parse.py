#!/usr/bin/python3
"""/metrics read by Prometheus's own text parser (Debian's
python3-prometheus-client): every family parses, counters and histograms
are well formed, and requests made through the client protocol move the
counters by exactly their number.

    tests/metrics_parse.py BUILD_DIR
"""
import os
import subprocess
import sys
import tempfile
import urllib.request

from prometheus_client.parser import text_string_to_metric_families


def start_node(build, data):
    node = subprocess.Popen(
        [os.path.join(build, "bin", "troupe-node"), "--listen", "127.0.0.1:0",
         "--admin-listen", "127.0.0.1:0", "--data-dir", data, "--log-level", "warn"],
        stdout=subprocess.PIPE, text=True)
    ports = {}
    for line in node.stdout:
        words = line.split()
        if len(words) == 3 and words[0] == "troupe-node":
            ports[words[1]] = int(words[2].rsplit(":", 1)[1])
            if words[1] == "ready":
                return node, ports
    node.wait()
    sys.exit("troupe-node exited before it was ready")


def scrape(admin_port):
    with urllib.request.urlopen(f"http://127.0.0.1:{admin_port}/metrics", timeout=30) as r:
        assert r.headers["Content-Type"].startswith("text/plain"), r.headers["Content-Type"]
        text = r.read().decode()
    families = {}
    for family in text_string_to_metric_families(text):  # raises on a malformed line
        assert family.name not in families, f"family {family.name} twice"
        families[family.name] = family
    return families


def sample(families, family, name, **labels):
    """The value of one sample; 0 when the family or the series is not
    there yet (a counter no request moved)."""
    for s in families[family].samples if family in families else []:
        if s.name == name and all(s.labels.get(k) == v for k, v in labels.items()):
            return s.value
    return 0.0


def check_histograms(families):
    for f in families.values():
        if f.type != "histogram":
            continue
        series = {}
        for s in f.samples:
            key = tuple(sorted((k, v) for k, v in s.labels.items() if k != "le"))
            series.setdefault(key, {"buckets": [], "count": None})
            if s.name.endswith("_bucket"):
                series[key]["buckets"].append((float(s.labels["le"]), s.value))
            elif s.name.endswith("_count"):
                series[key]["count"] = s.value
        for key, h in series.items():
            counts = [v for _, v in sorted(h["buckets"])]
            assert counts == sorted(counts), f"{f.name}{key}: buckets not cumulative"
            assert sorted(h["buckets"])[-1][0] == float("inf"), f"{f.name}{key}: no +Inf"
            assert counts[-1] == h["count"], f"{f.name}{key}: +Inf bucket is not the count"


def main():
    build = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as work:
        node, ports = start_node(build, os.path.join(work, "data"))
        try:
            before = scrape(ports["admin"])
            check_histograms(before)

            writes = 7
            for i in range(writes):
                subprocess.run([os.path.join(build, "bin", "troupe"), "--node",
                                f"127.0.0.1:{ports['ready']}", "state", "set", "metrics",
                                f"k{i}", str(i)], check=True, stdout=subprocess.DEVNULL)
            after = scrape(ports["admin"])
            for family in ("troupe_requests", "troupe_request_duration_seconds",
                           "troupe_commit_write_duration_seconds", "troupe_connections",
                           "troupe_output_queued_bytes", "troupe_forwarded_requests",
                           "troupe_partitions", "troupe_build_info"):
                assert family in after, f"no family {family}"
            assert after["troupe_requests"].type == "counter"
            assert after["troupe_commit_write_duration_seconds"].type == "histogram"
            check_histograms(after)
            ok = dict(door="client", op="state_set", result="ok")
            moved = (sample(after, "troupe_requests", "troupe_requests_total", **ok)
                     - sample(before, "troupe_requests", "troupe_requests_total", **ok))
            assert moved == writes, f"state_set ok moved by {moved}, not {writes}"
            timed = sample(after, "troupe_request_duration_seconds",
                           "troupe_request_duration_seconds_count", door="client", op="state_set")
            assert timed == sample(after, "troupe_requests", "troupe_requests_total", **ok)
            committed = (sample(after, "troupe_commit_write_duration_seconds",
                                "troupe_commit_write_duration_seconds_count")
                         - sample(before, "troupe_commit_write_duration_seconds",
                                  "troupe_commit_write_duration_seconds_count"))
            assert committed >= 1, "no commit write timed"
            print(f"{len(after)} families parsed; state_set ok +{int(moved)}, "
                  f"commit writes +{int(committed)}")
        finally:
            node.terminate()
            node.wait(timeout=60)
    return 0


if __name__ == "__main__":
    sys.exit(main())
