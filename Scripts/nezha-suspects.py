#!/usr/bin/env python3
"""Ask `inquest suspects` for a ranking at each fault of a Nezha fault list; write PRED.json.

  python3 Scripts/nezha-suspects.py INQUEST_BIN DB FAULT_LIST.json PRED.json [--window 3m]

Only each fault's `inject_time` is read from the fault list (never its answer); the ranking
is the command's JSON output, best first. Score with ../shared/bench/nezha/score.py PRED.json.
"""
import json, subprocess, sys, time


def inject_times(document):
    found, pending = [], [document]
    while pending:
        value = pending.pop()
        if isinstance(value, dict):
            if isinstance(value.get("inject_time"), str):
                found.append(value["inject_time"])
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
    return sorted(set(found))


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    binary, db, fault_list, out = sys.argv[1:5]
    extra = sys.argv[5:]
    pred, seconds = {}, []
    for t in inject_times(json.load(open(fault_list))):
        start = time.monotonic()
        result = subprocess.run([binary, "suspects", "--db", db, "--at", t.replace(" ", "T") + "Z", "--format", "json", "--limit", "0"] + extra,
                                capture_output=True, text=True)
        seconds.append(time.monotonic() - start)
        if result.returncode != 0:
            print("%s: %s" % (t, result.stderr.strip()), file=sys.stderr)
            pred[t] = []
            continue
        pred[t] = [s["service"] for s in json.loads(result.stdout)]
        print("%s  %.2f s  %s" % (t, seconds[-1], ", ".join(pred[t][:3])))
    pred["_meta"] = {"binary": binary, "db": db, "window_args": extra,
                     "seconds_per_call_max": round(max(seconds, default=0), 3)}
    json.dump(pred, open(out, "w"), indent=1)
    print("wrote %s; per call (process included): max %.2f s, mean %.2f s" % (out, max(seconds, default=0), sum(seconds) / max(1, len(seconds))))


if __name__ == "__main__":
    main()
