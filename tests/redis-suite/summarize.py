#!/usr/bin/env python3
"""Reads the per-unit logs that run.sh leaves and writes the result tables.

  summarize.py table   RUNDIR LABEL UNIT...   -> RUNDIR/../LABEL.{txt,tsv}, LABEL-failures.tsv
  summarize.py compare REF.tsv NEW.tsv OUT.txt -> side-by-side table with pass ratio
  summarize.py check   MIN_RATE TSV...        -> exit 1 if a unit is under MIN_RATE % or aborted

RUNDIR holds, per unit (slashes become '_'): NAME.log (runtest's output) and
NAME.rc (runtest's exit code, 124/137 when the per-unit time limit hit).
"""
import csv
import os
import re
import sys

ANSI = re.compile(r"\x1b\[[0-9;]*m")
STATUS = re.compile(r"^\[(ok|err|skip|ignore|exception|TIMEOUT)\]: ?(.*)$")
DONE = re.compile(r"^\[\d+/\d+ done\]: (\S+)")
CONTAINERS = ("CONFIG", "OBJECT", "DEBUG", "CLIENT", "SCRIPT", "FUNCTION", "COMMAND", "XINFO",
              "XGROUP", "MEMORY", "CLUSTER", "LATENCY", "SLOWLOG", "ACL", "PUBSUB", "MODULE")
COLUMNS = ["unit", "ok", "err", "skip", "ignore", "exceptions", "ran_to_end",
           "timed_out", "rc", "abort_reason", "abort_command", "abort_test"]


def slug(unit):
    return unit.replace("/", "_")


def clip(text, n=110):
    text = "".join(c if c.isprintable() else "?" for c in " ".join(text.split()))
    return text if len(text) <= n else text[: n - 3] + "..."


def culprit(message, command):
    """The Redis command (and subcommand) a failure points at, best effort."""
    if not re.match(r"^[A-Z][A-Z_-]+ ", message):
        return "(tcl error, follows an earlier failure)"  # not a server error reply
    m = re.match(r"^ERR (\w+ \w+) is not supported", message)
    if m:
        return m.group(1).upper()
    m = re.search(r"unknown command '([^']*)'", message)
    if m:
        name = m.group(1).upper()
        sub = re.search(r"with args beginning with: '([^']*)'", message)
        if name in CONTAINERS and sub:
            name += " " + sub.group(1).upper()
        return name
    m = re.search(r"unknown subcommand '([^']*)'\. Try (\S+) HELP", message)
    if m:
        return f"{m.group(2).upper()} {m.group(1).upper()}"
    m = re.search(r"[Uu]nknown subcommand or wrong number of arguments for '([^']*)'", message)
    if m and command:
        return f"{command.split()[0].upper()} {m.group(1).upper()}"
    if command:
        words = command.split()
        if words:
            w = words[0].upper()
            if w in CONTAINERS and len(words) > 1:
                return f"{w} {words[1].upper()}"
            return w
    return ""


def failing_command(trace):
    """The innermost Tcl call that issued the failing Redis command."""
    lines = trace.splitlines()
    for i, line in enumerate(lines):
        s = line.strip()
        if not s.startswith('"') or s.startswith('"[srv') or s.startswith('"uplevel'):
            continue
        s = s.strip('"')
        if s.startswith("test ") or s.startswith("start_server") or s.startswith("run_external"):
            break
        m = re.match(r"^(?:r|\$r\w*|\$rd\w*|R \d+|\$\w+)\s+(?:-?\d+\s+)?(.*)$", s)
        if m and m.group(1):
            return m.group(1)
        if s.startswith("[") or "\n" in s:
            continue
        return s
    return ""


def abort_test(trace):
    m = re.search(r'"test \{([^}]*)\}', trace)
    return m.group(1) if m else ""


def parse_log(path):
    res = dict(ok=0, err=0, skip=0, ignore=0, exceptions=0, done=False, timeout=False,
               abort_reason="", abort_command="", abort_test="")
    failures = []  # (test, kind, culprit, message)
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = [ANSI.sub("", l.rstrip("\n")) for l in f]
    except FileNotFoundError:
        lines = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if DONE.match(line):
            res["done"] = True
        m = STATUS.match(line)
        if not m:
            i += 1
            continue
        kind, data = m.group(1), m.group(2)
        # the block of lines that belongs to this status line
        j = i + 1
        while j < len(lines) and not STATUS.match(lines[j]) and not DONE.match(lines[j]) \
                and not lines[j].startswith("Testing ") and lines[j].strip() != "The End":
            j += 1
        block = lines[i + 1:j]
        if kind in ("ok", "skip", "ignore"):
            res[kind] += 1
        elif kind == "err":
            res["err"] += 1
            in_test = re.search(r" in tests/\S+$", data) is not None
            # A --durable error outside any test (start_server body or overrides)
            # is reported without a test name: the rest of that block is skipped.
            test = re.sub(r" in tests/\S+$", "", data) if in_test else "(start_server block)"
            lines_ = ([] if in_test else [data]) + block
            stops = [k for k, l in enumerate(lines_) if l.strip() == "while executing"]
            if stops:
                # --durable: runtest cut the first 10 characters off the message
                # (meant for "assertion:"); errorInfo starts with the whole of it.
                message = lines_[stops[0] - 1] if stops[0] >= 1 else ""
                trace = "\n".join(lines_[stops[0]:])
                cmd = failing_command(trace)
                failures.append((test, "error", culprit(message, cmd), clip(message), cmd))
            else:
                message = lines_[0] if lines_ else ""
                failures.append((test, "assert", "", clip(message), ""))
        elif kind == "exception":
            res["exceptions"] += 1
            message = re.sub(r"^Executing test client: ", "", data)
            trace = "\n".join(block)
            cmd = failing_command(trace)
            test = abort_test(trace)
            if not res["abort_reason"]:
                res["abort_reason"] = clip(message)
                res["abort_command"] = clip(cmd, 60)
                res["abort_test"] = test
            failures.append((test, "exception", culprit(message, cmd), clip(message), cmd))
        elif kind == "TIMEOUT":
            res["timeout"] = True
            if not res["abort_reason"]:
                m2 = re.search(r"\(IN PROGRESS\) (.*)", "\n".join(block))
                where = f" in test '{m2.group(1)}'" if m2 else ""
                res["abort_reason"] = clip(f"harness TIMEOUT (no progress){where}")
                res["abort_test"] = m2.group(1) if m2 else ""
        i = j
    return res, failures


def fmt_table(header, rows):
    widths = [max(len(str(r[k])) for r in [header] + rows) for k in range(len(header))]
    out = []
    for n, r in enumerate([header] + rows):
        out.append("  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out) + "\n"


def pass_rate(ok, err):
    ok, err = int(ok), int(err)
    return 100.0 * ok / (ok + err) if ok + err else 0.0


def cmd_table(rundir, label, units):
    outdir = os.path.dirname(os.path.abspath(rundir))
    rows, fails = [], []
    for unit in units:
        res, failures = parse_log(os.path.join(rundir, slug(unit) + ".log"))
        rc = ""
        try:
            with open(os.path.join(rundir, slug(unit) + ".rc")) as f:
                rc = f.read().strip()
        except FileNotFoundError:
            pass
        timed_out = res["timeout"] or rc in ("124", "137")
        if rc in ("124", "137") and not res["abort_reason"]:
            res["abort_reason"] = "per-unit time limit hit"
        if not res["done"] and not res["abort_reason"]:
            res["abort_reason"] = f"runtest exited {rc} before the unit finished (see log)"
        rows.append({
            "unit": unit, "ok": res["ok"], "err": res["err"], "skip": res["skip"],
            "ignore": res["ignore"], "exceptions": res["exceptions"],
            "ran_to_end": "yes" if res["done"] else "no",
            "timed_out": "yes" if timed_out else "no", "rc": rc,
            "abort_reason": "" if res["done"] else res["abort_reason"],
            "abort_command": "" if res["done"] else res["abort_command"],
            "abort_test": "" if res["done"] else res["abort_test"],
        })
        for test, kind, cul, msg, cmd in failures:
            fails.append([unit, test, kind, cul, cmd, msg])
    tsv = os.path.join(outdir, label + ".tsv")
    with open(tsv, "w", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(COLUMNS)
        for r in rows:
            w.writerow([r[c] for c in COLUMNS])
    with open(os.path.join(outdir, label + "-failures.tsv"), "w", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["unit", "test", "kind", "culprit", "command", "message"])
        w.writerows(fails)
    header = ["unit", "ok", "err", "skip", "ignore", "exc", "pass%", "ran to end", "first abort reason"]
    body = []
    for r in rows:
        reason = r["abort_reason"]
        if reason and r["abort_command"]:
            reason += f"  [at: {r['abort_command']}]"
        body.append([r["unit"], r["ok"], r["err"], r["skip"], r["ignore"], r["exceptions"],
                     f"{pass_rate(r['ok'], r['err']):.0f}", r["ran_to_end"], reason])
    tot = [sum(int(r[k]) for r in rows) for k in ("ok", "err", "skip", "ignore", "exceptions")]
    body.append(["TOTAL", *tot, f"{pass_rate(tot[0], tot[1]):.0f}",
                 f"{sum(r['ran_to_end'] == 'yes' for r in rows)}/{len(rows)}", ""])
    text = f"# {label}\n" + fmt_table(header, body)
    # failures grouped by the command they point at
    by = {}
    for unit, test, kind, cul, cmd, msg in fails:
        if kind == "assert":
            continue
        by.setdefault((unit, cul or "?"), []).append(msg)
    if by:
        text += "\nnon-assertion failures by command (unit: command x count -- first message):\n"
        for (unit, cul), msgs in sorted(by.items(), key=lambda kv: (kv[0][0], -len(kv[1]))):
            text += f"  {unit}: {cul} x{len(msgs)} -- {clip(msgs[0], 90)}\n"
    with open(os.path.join(outdir, label + ".txt"), "w") as f:
        f.write(text)
    sys.stdout.write(text)


def read_tsv(path):
    with open(path, newline="") as f:
        return {r["unit"]: r for r in csv.DictReader(f, delimiter="\t")}


def cmd_compare(ref_path, new_path, out_path):
    ref, new = read_tsv(ref_path), read_tsv(new_path)
    rl = os.path.splitext(os.path.basename(ref_path))[0]
    nl = os.path.splitext(os.path.basename(new_path))[0]
    header = ["unit", f"{rl} ok", "err", "end", f"{nl} ok", "err", "end",
              f"{nl}/{rl} ok %", f"{nl} first abort reason"]
    rows = []
    tr = tn = 0
    for unit in list(ref) + [u for u in new if u not in ref]:
        a, b = ref.get(unit, {}), new.get(unit, {})
        aok, bok = int(a.get("ok", 0) or 0), int(b.get("ok", 0) or 0)
        tr, tn = tr + aok, tn + bok
        ratio = f"{100.0 * bok / aok:.0f}" if aok else "-"
        reason = b.get("abort_reason", "")
        if reason and b.get("abort_command"):
            reason += f"  [at: {b['abort_command']}]"
        rows.append([unit, aok, a.get("err", ""), a.get("ran_to_end", ""),
                     bok, b.get("err", ""), b.get("ran_to_end", ""), ratio, reason])
    rows.append(["TOTAL", tr, "", "", tn, "", "", f"{100.0 * tn / tr:.0f}" if tr else "-", ""])
    text = f"# {rl} vs {nl}\n" + fmt_table(header, rows)
    with open(out_path, "w") as f:
        f.write(text)
    sys.stdout.write(text)


def cmd_check(min_rate, paths):
    bad = []
    for p in paths:
        for unit, r in read_tsv(p).items():
            rate = pass_rate(r["ok"], r["err"])
            if r["ran_to_end"] != "yes":
                bad.append(f"{p}: {unit} aborted ({r['abort_reason']})")
            elif rate < min_rate:
                bad.append(f"{p}: {unit} pass rate {rate:.1f}% < {min_rate}%")
    for b in bad:
        print("below threshold:", b)
    return 1 if bad else 0


def main(argv):
    if len(argv) >= 3 and argv[1] == "table":
        cmd_table(argv[2], argv[3], argv[4:])
        return 0
    if len(argv) == 5 and argv[1] == "compare":
        cmd_compare(argv[2], argv[3], argv[4])
        return 0
    if len(argv) >= 4 and argv[1] == "check":
        return cmd_check(float(argv[2]), argv[3:])
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
