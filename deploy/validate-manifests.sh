#!/usr/bin/env bash
# Checks deploy/compose.yaml and deploy/k8s/*.yaml without a cluster or a
# container engine:
#  - every file parses as YAML (python3 with PyYAML);
#  - the compose file: three nodes, one seed list naming each node's cluster
#    address, distinct node ids, hosts, ports and volumes;
#  - with kubectl on PATH: the StatefulSet and the Services are decoded into
#    Kubernetes' typed objects offline (kubectl set ... --local), which fails
#    on a wrong type, and every field of the manifest must survive the round
#    trip (a misspelt field is dropped, so it is reported).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root/deploy"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - compose.yaml k8s/*.yaml <<'EOF'
import sys, yaml
for f in sys.argv[1:]:
    docs = [d for d in yaml.safe_load_all(open(f)) if d]
    print(f"{f}: {', '.join(d.get('kind', 'compose') for d in docs)}")
c = yaml.safe_load(open("compose.yaml"))
nodes = c["services"]
assert len(nodes) == 3, "three nodes"
envs = [s["environment"] for s in nodes.values()]
seeds = {e["TROUPE_SEEDS"] for e in envs}
assert len(seeds) == 1, f"one seed list, got {seeds}"
seed_hosts = sorted(s.rsplit(":", 1)[0] for s in seeds.pop().split(","))
assert seed_hosts == sorted(e["TROUPE_HOST"] for e in envs), "the seeds name every node"
for key in ("TROUPE_NODE_ID", "TROUPE_HOST"):
    assert len({e[key] for e in envs}) == 3, f"distinct {key}"
assert all(e["TROUPE_BOOTSTRAP_EXPECT"] == "3" and e["TROUPE_REPLICATION_FACTOR"] == "3" for e in envs)
assert len({p for s in nodes.values() for p in s["ports"]}) == 6, "distinct published ports"
assert len({v for s in nodes.values() for v in s["volumes"]}) == 3, "a volume per node"
print("compose.yaml: three nodes, one symmetric seed list")
EOF

if ! command -v kubectl >/dev/null 2>&1; then
  echo "kubectl not found: Kubernetes objects parsed as YAML only"
  exit 0
fi
kubectl set env --local -f k8s/statefulset.yaml -o json X_PROBE=1 >"$work/statefulset.json"
kubectl set selector --local -f k8s/service.yaml -o json app.kubernetes.io/name=troupe >"$work/service.json"
python3 - k8s/statefulset.yaml "$work/statefulset.json" k8s/service.yaml "$work/service.json" <<'EOF'
import json, sys, yaml

def lost(a, b, path=""):
    if isinstance(a, dict):
        if not isinstance(b, dict):
            return [path]
        return [p for k, v in a.items() for p in ([f"{path}.{k}"] if k not in b else lost(v, b[k], f"{path}.{k}"))]
    if isinstance(a, list):
        if not isinstance(b, list) or len(a) != len(b):
            return [path]
        return [p for i, (x, y) in enumerate(zip(a, b)) for p in lost(x, y, f"{path}[{i}]")]
    return [] if a == b or str(a) == str(b) else [f"{path}: {a!r} became {b!r}"]

bad = []
args = sys.argv[1:]
for manifest, decoded in zip(args[::2], args[1::2]):
    docs = [d for d in yaml.safe_load_all(open(manifest)) if d]
    text, i, objs, dec = open(decoded).read(), 0, [], json.JSONDecoder()
    while i < len(text):
        if text[i].isspace():
            i += 1
            continue
        o, i = dec.raw_decode(text, i)
        objs += o["items"] if o.get("kind") == "List" else [o]
    for o in objs:  # the probe the round trip added
        for c in o.get("spec", {}).get("template", {}).get("spec", {}).get("containers", []):
            c["env"] = [e for e in c.get("env", []) if e["name"] != "X_PROBE"]
    assert len(docs) == len(objs), manifest
    problems = [f"{manifest}: {d['kind']}{p}" for d, o in zip(docs, objs) for p in lost(d, o)]
    bad += problems
    if not problems:
        print(f"{manifest}: {len(docs)} object(s) decoded by kubectl, every field kept")
if bad:
    print("\n".join(bad))
    sys.exit(1)
EOF
