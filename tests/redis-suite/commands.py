#!/usr/bin/env python3
"""What each unit asks of a server, from the reference run's command statistics.

  commands.py REDIS_RUN_DIR [--probe HOST PORT] [--out FILE]

REDIS_RUN_DIR is build/redis-suite-results/redis (run.sh --server redis leaves
UNIT.commandstats there: INFO commandstats of a fresh redis-server after the
unit, i.e. every command, with subcommand, that the unit executed).

With --probe, every command is also sent once, without arguments, on its own
connection to the server at HOST:PORT (run it against a private, throwaway
server: the probe runs FLUSHALL and the like). A reply of "unknown command" or
"unknown subcommand" (or "... is not supported") marks it missing; any other reply (often a
wrong-number-of-arguments error) means the server knows it.

Prints, per unit, the commands by number of calls, with the server internals
(CONFIG, OBJECT, DEBUG, ...) and, with --probe, the missing ones marked; then
the missing commands ranked by how many units use them and by calls.
"""
import glob
import os
import socket
import sys

INTERNALS = ("config", "object", "debug", "memory", "latency", "slowlog", "client",
             "function", "script", "info", "command", "flushall", "flushdb", "select",
             "wait", "sync", "psync", "replconf", "save", "bgsave", "lastsave",
             "bgrewriteaof", "monitor", "cluster", "acl", "module", "swapdb")
# Never probe: they change the connection for good or would not return.
NO_PROBE = {"monitor", "sync", "psync", "shutdown", "subscribe", "psubscribe",
            "ssubscribe", "debug", "replicaof", "slaveof", "failover", "quit", "reset"}


def encode(args):
    out = b"*%d\r\n" % len(args)
    for a in args:
        a = a.encode()
        out += b"$%d\r\n%s\r\n" % (len(a), a)
    return out


def probe(host, port, name):
    """'ok', 'missing', or 'skipped' for a command like 'get' or 'config|set'."""
    base = name.split("|")[0]
    if base in NO_PROBE:
        return "skipped"
    args = name.split("|")
    try:
        with socket.create_connection((host, port), timeout=2) as s:
            s.sendall(encode(args))
            data = b""
            while b"\r\n" not in data:
                chunk = s.recv(4096)
                if not chunk:
                    break
                data += chunk
    except OSError:
        return "no-reply"
    line = data.split(b"\r\n", 1)[0].decode(errors="replace").lower()
    if line.startswith("-") and ("unknown command" in line or "unknown subcommand" in line
                                 or "not supported" in line):
        return "missing"
    return "ok"


def main(argv):
    if len(argv) < 2:
        sys.stderr.write(__doc__)
        return 2
    rundir = argv[1]
    host = port = None
    outfile = None
    i = 2
    while i < len(argv):
        if argv[i] == "--probe":
            host, port = argv[i + 1], int(argv[i + 2])
            i += 3
        elif argv[i] == "--out":
            outfile = argv[i + 1]
            i += 2
        else:
            sys.stderr.write(__doc__)
            return 2
    units = {}
    for path in sorted(glob.glob(os.path.join(rundir, "*.commandstats"))):
        unit = os.path.basename(path)[: -len(".commandstats")].replace("_", "/")
        stats = {}
        with open(path) as f:
            for line in f:
                parts = line.split()
                if len(parts) == 2:
                    stats[parts[0]] = int(parts[1])
        units[unit] = stats
    status = {}
    if host:
        for name in sorted({c for s in units.values() for c in s}):
            status[name] = probe(host, port, name)
    lines = []
    for unit, stats in units.items():
        lines.append(f"{unit}:")
        for name, calls in sorted(stats.items(), key=lambda kv: -kv[1]):
            marks = []
            if name.split("|")[0] in INTERNALS:
                marks.append("internal")
            if status.get(name) == "missing":
                marks.append("MISSING")
            lines.append(f"  {name.upper():28} {calls:8}  {' '.join(marks)}")
    if status:
        ranked = {}
        for unit, stats in units.items():
            for name, calls in stats.items():
                if status.get(name) == "missing":
                    r = ranked.setdefault(name, [0, 0, []])
                    r[0] += 1
                    r[1] += calls
                    r[2].append(unit.replace("unit/", ""))
        lines.append("")
        lines.append("missing commands, by units that use them, then calls:")
        for name, (n, calls, us) in sorted(ranked.items(), key=lambda kv: (-kv[1][0], -kv[1][1])):
            lines.append(f"  {name.upper():28} units={n:2} calls={calls:7}  {' '.join(us)}")
    text = "\n".join(lines) + "\n"
    if outfile:
        with open(outfile, "w") as f:
            f.write(text)
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
