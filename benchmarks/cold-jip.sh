#!/usr/bin/env bash
# One command per JVM, as a CLI user runs it: `jip -n NS link show` against `ip -n NS link show` and a
# hello-world class on the same JDK, interleaved ROUNDS times; prints the median wall time of each.
# Usage: benchmarks/cold-jip.sh [ROUNDS]   (root; run from the repository after the build)
# Columns: jip as shipped (AOT cache on JDK >= 25, short-run options), jip without the AOT cache
# (JIP_AOT=0), the jar started with no option but native access (how jip started before), ip, hello.
set -euo pipefail
rounds=${1:-15}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/*/bin/java | sort -V | tail -1)}
jar="$here/netlink-examples/target/jip.jar"
ns=nl4j-cold-jip-$$
work=$(mktemp -d)
"$here/jip" netns add "$ns"
trap '"$here/jip" netns del "$ns"; rm -rf "$work"' EXIT
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > "$work/Hello.java"
"$(dirname "$JAVA")/javac" -d "$work" "$work/Hello.java"
"$here/jip" -n "$ns" link show >/dev/null            # makes the AOT cache if there is none yet
# a cache made after the jar was built: another jar's (an earlier build's, still on disk) would let the
# timing start while this one trains
cache_dir=${NETLINK4J_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/netlink4j}
for _ in $(seq 1 300); do
  [ -n "$(find "$cache_dir" -maxdepth 1 -name 'jip-*.aot' -newer "$jar" 2>/dev/null)" ] && break
  sleep 0.2
done
ms() { local t0; t0=$(date +%s%N); "$@" >/dev/null 2>&1; echo $(( ($(date +%s%N) - t0) / 1000000 )); }
declare -A all
for _ in $(seq 1 "$rounds"); do
  all[jip]+="$(ms "$here/jip" -n "$ns" link show) "
  all[jip_noaot]+="$(ms env JIP_AOT=0 "$here/jip" -n "$ns" link show) "
  all[jar_plain]+="$(ms "$JAVA" --enable-native-access=ALL-UNNAMED -jar "$jar" -n "$ns" link show) "
  all[ip]+="$(ms ip -n "$ns" link show) "
  all[hello]+="$(ms "$JAVA" -cp "$work" Hello) "
done
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
h=$(echo "${all[hello]}" | median)
for k in jip jip_noaot jar_plain ip hello; do
  m=$(echo "${all[$k]}" | median)
  echo "$k median_ms=$m x_hello=$(awk -v a="$m" -v b="$h" 'BEGIN {printf "%.1f", a / b}') all=[${all[$k]% }]"
done
