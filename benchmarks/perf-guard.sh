#!/usr/bin/env bash
# The performance guard of a redesign: JMH encode, decode (with allocation per operation) and the round
# trip, and the runner's workloads, for two jars, alternating in one script so that both see the same
# machine. Usage (root): benchmarks/perf-guard.sh OLD.jar NEW.jar [OUTDIR]
#   build the old jar first, e.g.:  git worktree add /tmp/old cbce57a && (cd /tmp/old && mvn -q -B -o package -DskipTests)
#   ROUNDS (default 2) rounds of JMH; RUNNER_REPS (default 3) for `Runner --no-tuned`; SKIP_RUNNER=1 leaves the runner out.
# Writes OUTDIR/jmh-<round>-<old|new>.txt and OUTDIR/runner-<old|new>.txt and prints the JMH lines side by side.
set -euo pipefail
old=$1 new=$2 out=${3:-benchmarks/target/perf-guard}
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/*/bin/java | sort -V | tail -1)}
mkdir -p "$out"
rounds=${ROUNDS:-2}
for r in $(seq 1 "$rounds"); do
  for side in old new; do
    jar=$old; [ "$side" = new ] && jar=$new
    "$JAVA" --enable-native-access=ALL-UNNAMED -jar "$jar" "EncodeBenchmark|DecodeBenchmark" -prof gc -f 1 -wi 3 -i 5 \
      > "$out/jmh-$r-$side.txt" 2>&1
    "$JAVA" --enable-native-access=ALL-UNNAMED -jar "$jar" "RoundTripBenchmark.ffm$" -f 3 -wi 3 -i 3 >> "$out/jmh-$r-$side.txt" 2>&1
  done
done
if [ -z "${SKIP_RUNNER:-}" ]; then
  for side in old new; do
    jar=$old; [ "$side" = new ] && jar=$new
    "$JAVA" --enable-native-access=ALL-UNNAMED -cp "$jar" io.github.netlink4j.bench.Runner --reps "${RUNNER_REPS:-3}" --no-tuned \
      > "$out/runner-$side.txt" 2>&1
  done
fi
for f in "$out"/jmh-*.txt; do
  echo "== $f"
  grep -E '^(Encode|Decode|RoundTrip)Benchmark\.[A-Za-z0-9_]+(:gc\.alloc\.rate\.norm)? ' "$f" || true
done
