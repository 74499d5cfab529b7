#!/usr/bin/env bash
# Cold w3 as an embedding user's JVM runs it: a fresh `java` with no option but native access, per run.
# Usage: benchmarks/cold-w3.sh PAIRS JAR [JAR2]   (root; JAVA overrides the JDK, default the newest >= 22)
# Fills a throwaway namespace with 999 ifb links and 5,000 addresses (ip -batch), then runs
# `Throughput w3 --count 5` PAIRS times from each jar, alternating, and prints elapsed_ns and wall ms.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 PAIRS JAR [JAR2]   (root; JAVA overrides the JDK)" >&2
  exit 2
fi
pairs=$1; shift
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/*/bin/java | sort -V | tail -1)}
ns=nl4j-bench-cold-$$
ip netns add "$ns"
trap 'ip netns del "$ns"' EXIT
for i in $(seq 0 998); do echo "link add dummy$i type ifb"; done | ip -n "$ns" -batch -
for i in $(seq 0 4999); do
  a=$((0xC6120001 + i))
  echo "addr add $((a >> 24 & 255)).$((a >> 16 & 255)).$((a >> 8 & 255)).$((a & 255))/32 dev dummy$((i % 999))"
done | ip -n "$ns" -batch -
for r in $(seq 1 "$pairs"); do
  for jar in "$@"; do
    t0=$(date +%s%N)
    out=$("$JAVA" --enable-native-access=ALL-UNNAMED -cp "$jar" io.github.netlink4j.bench.Throughput w3 --netns "$ns" --count 5 --kind ifb | tr '\n' ' ')
    t1=$(date +%s%N)
    echo "$jar $out wall_ms=$(( (t1 - t0) / 1000000 ))"
  done
done
