#!/usr/bin/env bash
# The seed walkthrough's eight network commands (veth pair, namespace, lo up, veth1 moved in, two
# addresses, both ends up) per CLI invocation, as a shell script runs them: eight `jip` commands, the
# same as `jip netns add` and two `jip -batch` files (one per namespace: batch lines take no -n), and
# the same with ip.
# Usage: benchmarks/cold-seed.sh [ROUNDS]   (root; after the build). Prints the median ms of each.
set -euo pipefail
rounds=${1:-7}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
jip="$here/jip"
work=$(mktemp -d)
host=nl4j-seed-host-$$
trap 'for n in $(ip netns list | awk "{print \$1}" | grep "^nl4j-seed-.*-$$"); do ip netns del "$n"; done; rm -rf "$work"' EXIT
seed_commands() { # $1: the CLI, $2: host namespace, $3: the new namespace
  "$1" -n "$2" link add veth0 type veth peer name veth1
  "$1" netns add "$3"
  "$1" -n "$3" link set dev lo up
  "$1" -n "$2" link set veth1 netns "$3"
  "$1" -n "$2" addr add 10.200.0.2/24 dev veth0
  "$1" -n "$3" addr add 10.200.0.3/24 dev veth1
  "$1" -n "$2" link set veth0 up
  "$1" -n "$3" link set veth1 up
}
seed_batches() { # the same as netns add and two batches (ip -batch cannot add a namespace and then use it)
  "$1" netns add "$3"
  printf 'link add veth0 type veth peer name veth1\nlink set veth1 netns %s\naddr add 10.200.0.2/24 dev veth0\nlink set veth0 up\n' "$3" > "$work/host"
  printf 'link set dev lo up\naddr add 10.200.0.3/24 dev veth1\nlink set veth1 up\n' > "$work/inner"
  "$1" -n "$2" -batch "$work/host"
  "$1" -n "$3" -batch "$work/inner"
}
declare -A all
n=0
run() { # $1 label, rest: the function and CLI
  local label=$1; shift
  n=$((n + 1))
  local h="nl4j-seed-h$n-$$" x="nl4j-seed-x$n-$$"
  ip netns add "$h"
  local t0; t0=$(date +%s%N)
  "$@" "$h" "$x" >/dev/null
  all[$label]+="$(( ($(date +%s%N) - t0) / 1000000 )) "
  ip -n "$x" -br addr show dev veth1 | grep -q 10.200.0.3/24 || { echo "$label: the seed did not end as it should" >&2; exit 1; }
  ip netns del "$x"; ip netns del "$h"
}
"$jip" link show >/dev/null   # the AOT cache, if there is none yet
sleep 3
for _ in $(seq 1 "$rounds"); do
  run jip_8_commands seed_commands "$jip"
  run jip_3_invocations seed_batches "$jip"
  run ip_8_commands seed_commands ip
  run ip_3_invocations seed_batches ip
done
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for k in jip_8_commands jip_3_invocations ip_8_commands ip_3_invocations; do
  echo "$k median_ms=$(echo "${all[$k]}" | median) all=[${all[$k]% }]"
done
