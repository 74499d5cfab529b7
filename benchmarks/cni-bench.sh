#!/usr/bin/env bash
# ADD and DEL wall time of netlink4j-bridge (its launcher, a JVM per call) against the reference bridge
# plugin, exec'd as a runtime execs them, interleaved, N rounds (default 21); medians in ms.
# Everything happens in throwaway namespaces this script makes and deletes; host-local keeps its state
# in temporary directories. Needs root, containernetworking-plugins and `mvn package` run first.
set -euo pipefail
n=${1:-21}
here=$(cd "$(dirname "$0")/.." && pwd)
ours="$here/netlink-examples/target/cni/netlink4j-bridge"
ref=/usr/lib/cni/bridge
[ -x "$ours" ] || { echo "build first: mvn -q -B package -DskipTests" >&2; exit 1; }
[ -x "$ref" ] || { echo "apt-get install -y containernetworking-plugins" >&2; exit 1; }
tag=cnib$$
made=()
cleanup() { for x in "${made[@]}"; do ip netns del "$x" 2>/dev/null || true; done; rm -rf "/tmp/$tag"-*; }
trap cleanup EXIT INT TERM
ms() { echo $(( ($2 - $1) / 1000000 )); }
declare -A add del
for who in ref ours; do add[$who]=""; del[$who]=""; done
for who in ref ours; do
  ip netns add "$tag-h-$who"; made+=("$tag-h-$who")
  ip netns add "$tag-c-$who"; made+=("$tag-c-$who")
  mkdir -p "/tmp/$tag-$who"
done
conf() { echo "{\"cniVersion\":\"1.0.0\",\"name\":\"b$1\",\"type\":\"bridge\",\"bridge\":\"cnib\",\"isGateway\":true,\"ipam\":{\"type\":\"host-local\",\"subnet\":\"10.200.50.0/24\",\"dataDir\":\"/tmp/$tag-$1\"}}"; }
call() { # who command
  local exe=$ref; [ "$1" = ours ] && exe=$ours
  conf "$1" | ip netns exec "$tag-h-$1" env CNI_COMMAND="$2" CNI_CONTAINERID=c1 CNI_NETNS="/run/netns/$tag-c-$1" CNI_IFNAME=eth0 \
    CNI_PATH=/usr/lib/cni "$exe" >/dev/null
}
for i in $(seq 1 "$n"); do
  order="ref ours"; [ $((i % 2)) = 0 ] && order="ours ref"
  for who in $order; do
    t0=$(date +%s%N); call "$who" ADD; t1=$(date +%s%N); call "$who" DEL; t2=$(date +%s%N)
    add[$who]+="$(ms "$t0" "$t1") "; del[$who]+="$(ms "$t1" "$t2") "
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for who in ref ours; do
  echo "$who: ADD median $(echo "${add[$who]}" | median) ms, DEL median $(echo "${del[$who]}" | median) ms (n=$n)"
done
