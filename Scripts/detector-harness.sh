#!/bin/sh
# Builds the anomaly detector's sources of a checkout, alone, with `swiftc -O -wmo` and
# Scripts/detector-harness.swift into OUT (a few seconds, where the release `inquest-bench` takes
# a long build), for speed figures and for proving that a change keeps every score bit for bit:
#
#   Scripts/detector-harness.sh CHECKOUT OUT
#   OUT bench [SAMPLES] [SERIES] [RUNS]   # the `inquest-bench detect` workload: hash of every
#                                         # assessment's bits, best CPU time of runs 2.. (run 1 hashes)
#   OUT nab [DIR] [-v]                    # every CSV under DIR (default /work/shared/nab/data): one
#                                         # hash over all series (-v: one line per series), CPU time
#
# Equal hashes for two checkouts mean equal scores, levels, baselines and z-scores on every row.
set -e
ROOT=$(cd "$1" && pwd); OUT=$2
HERE=$(cd "$(dirname "$0")" && pwd)
SRC=$(mktemp -d)
M=$ROOT/Sources/InquestParsers/Metrics
cp "$ROOT/Sources/InquestCore/Timestamp.swift" "$ROOT/Sources/InquestCore/Int64+Saturating.swift" \
    "$M"/AnomalyDetector*.swift "$M"/RollingRobustWindow*.swift "$M"/Seasonal*.swift "$M"/MinimumHeap.swift \
    "$M"/AnomalyAssessment.swift "$M"/SortedValues*.swift "$ROOT/Sources/InquestBench/DetectWorkload.swift" "$SRC/"
sed -i '/^import InquestCore/d' "$SRC"/*.swift
# The harness has no formatter: a timestamp's description is its nanoseconds.
sed -i "s/TimestampFormatter.iso8601UTC(self, fractionDigits: 6)/String(nanoseconds)/" "$SRC/Timestamp.swift"
cp "$HERE/detector-harness.swift" "$SRC/main.swift"
swiftc -O -wmo -o "$OUT" "$SRC"/*.swift
rm -rf "$SRC"
