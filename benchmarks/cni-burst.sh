#!/usr/bin/env bash
# netlink4j-bridge with its resident daemon (netlink4j-bridge --daemon) against the reference bridge plugin
# (/usr/lib/cni/bridge), exec'd as a runtime execs them, interleaved:
#   1. ADD then DEL of one container, N rounds (default 21): medians in ms;
#   2. bursts of 10 ADDs at once (then 10 DELs), B rounds (default 7): median wall time of the ADDs;
#   3. the same bursts again with a sampler polling /proc every few ms (its CPU would skew the times of 2):
#      peak total RSS of everything the plugin runs: for ours the daemon JVM, the launchers' shells, socat,
#      env and the IPAM plugins the daemon starts; for the reference its 10 processes and their IPAM
#      plugins; not this script's own bash processes. RSS counts shared pages (libc, socat's OpenSSL, the
#      JDK's CDS archive) once in each process that maps them, for both. And the daemon's VmHWM.
# With IN_PROCESS=1 the bursts also run netlink4j-bridge without the daemon (a JVM per call) for scale.
# Everything happens in throwaway namespaces this script makes and deletes; host-local keeps its state in
# temporary directories; the daemon's socket is in one too. Both plugins and the daemon are entered into
# the namespaces with nsenter --net alone, so that the launcher and the daemon share a mount namespace as
# on a host. Needs root, containernetworking-plugins, socat, python3 and `mvn package` run first.
set -euo pipefail
n=${1:-21} b=${2:-7}
here=$(cd "$(dirname "$0")/.." && pwd)
ours="$here/netlink-examples/target/cni/netlink4j-bridge"
ref=/usr/lib/cni/bridge
[ -x "$ours" ] || { echo "build first: mvn -q -B package -DskipTests" >&2; exit 1; }
[ -x "$ref" ] || { echo "apt-get install -y containernetworking-plugins" >&2; exit 1; }
command -v socat >/dev/null || { echo "apt-get install -y socat" >&2; exit 1; }
tag=cnid$$
tmp=$(mktemp -d "/tmp/$tag.XXXX")
made=() daemon=
cleanup() {
  [ -n "$daemon" ] && kill "$daemon" 2>/dev/null && wait "$daemon" 2>/dev/null || true
  for x in "${made[@]}"; do ip netns del "$x" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM
newns() { ip netns add "$1"; made+=("$1"); }
whos="ref ours"; [ "${IN_PROCESS:-0}" = 1 ] && whos="ref ours inproc"
for who in $whos; do
  newns "$tag-h-$who"
  for i in $(seq 0 10); do newns "$tag-c-$who-$i"; done
done
sock=$tmp/run/cni.sock
NETLINK4J_AOT=0 CNI_PATH=/usr/lib/cni nsenter --net="/run/netns/$tag-h-ours" "$ours" --daemon --socket "$sock" 2> "$tmp/daemon.log" &
daemon=$!
for _ in $(seq 600); do grep -q 'warmed up\|no warm-up' "$tmp/daemon.log" 2>/dev/null && break; sleep 0.1; done
grep -q 'warmed up' "$tmp/daemon.log" || { cat "$tmp/daemon.log" >&2; echo "the daemon did not warm up" >&2; exit 1; }

conf() { echo "{\"cniVersion\":\"1.0.0\",\"name\":\"b$1\",\"type\":\"bridge\",\"bridge\":\"cnib\",\"isGateway\":true,\"ipam\":{\"type\":\"host-local\",\"subnet\":\"10.200.52.0/24\",\"dataDir\":\"$tmp/ipam-$1\"}}"; }
call() { # who command container-index
  local exe=$ref host=$1 extra=
  case $1 in ours) exe=$ours ;; inproc) exe=$ours extra=NETLINK4J_CNI_DAEMON=0 ;; esac
  conf "$1" | nsenter --net="/run/netns/$tag-h-$host" env $extra CNI_COMMAND="$2" CNI_CONTAINERID="c$3" \
    CNI_NETNS="/run/netns/$tag-c-$1-$3" CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni NETLINK4J_CNI_SOCKET="$sock" "$exe" >/dev/null
}
ms() { echo $(( ($2 - $1) / 1000000 )); }
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
burst() { # who command
  local pids=() i
  for i in $(seq 1 10); do call "$1" "$2" "$i" & pids+=($!); done
  for i in "${pids[@]}"; do wait "$i"; done
}

declare -A add del wall peak
for who in ref ours; do add[$who]=""; del[$who]=""; done
for i in $(seq 1 "$n"); do
  order="ref ours"; [ $((i % 2)) = 0 ] && order="ours ref"
  for who in $order; do
    t0=$(date +%s%N); call "$who" ADD 0; t1=$(date +%s%N); call "$who" DEL 0; t2=$(date +%s%N)
    add[$who]+="$(ms "$t0" "$t1") "; del[$who]+="$(ms "$t1" "$t2") "
  done
done
for who in ref ours; do
  echo "$who: ADD median $(echo "${add[$who]}" | median) ms, DEL median $(echo "${del[$who]}" | median) ms (n=$n)"
done
# what the daemon itself took (accepted to answered) for those ADDs: the rest is the launcher, socat and exec
echo "ours: ADD median inside the daemon $(grep -o 'ADD c0: exit 0 ([0-9]*' "$tmp/daemon.log" | grep -o '[0-9]*$' | tr '\n' ' ' | median) ms"

# Peak summed RSS (kB) of the processes under the pids in $tmp/roots (read each round), but for this
# script's own bash subshells that start the calls (the harness, not the plugin), until $tmp/done
# appears; it says it is ready by $tmp/ready (python can take a second to start on a busy machine).
sampler='
import os, sys, time
tmp = sys.argv[1]
harness = ("bash", sys.argv[2][:15])
peak = 0
open(tmp + "/ready", "w").close()
while not os.path.exists(tmp + "/done"):
    roots = set(int(x) for x in open(tmp + "/roots").read().split())
    parent, rss = {}, {}
    for p in os.listdir("/proc"):
        if not p.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % p) as f:
                s = f.read()
            fields = s[s.rindex(")") + 2:].split()
            parent[int(p)] = int(fields[1])
            if s[s.index("(") + 1:s.rindex(")")] not in harness:
                rss[int(p)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE") // 1024

        except (OSError, ValueError):
            pass
    total = 0
    for p in rss:
        q, hops = p, 0
        while q > 1 and q not in roots and hops < 64:
            q, hops = parent.get(q, 0), hops + 1
        if q in roots:
            total += rss[p]
    peak = max(peak, total)
    time.sleep(0.002)
print(peak)
'
for who in $whos; do wall[$who]=""; peak[$who]=""; done
for sampled in 0 1; do
  for i in $(seq 1 "$b"); do
    order=$whos; [ $((i % 2)) = 0 ] && order=$(echo "$whos" | tr ' ' '\n' | tac | tr '\n' ' ')
    for who in $order; do
      rounds=$b; [ "$who" = inproc ] && rounds=3
      [ "$i" -le "$rounds" ] || continue
      if [ "$sampled" = 1 ]; then
        rm -f "$tmp/done" "$tmp/ready"; echo "${daemon}" > "$tmp/roots"; [ "$who" = ours ] || : > "$tmp/roots"
        python3 -c "$sampler" "$tmp" "${0##*/}" > "$tmp/peak" &
        sp=$!
        for _ in $(seq 300); do [ -e "$tmp/ready" ] && break; sleep 0.1; done
      fi
      t0=$(date +%s%N)
      ( [ "$sampled" = 1 ] && echo "$BASHPID" >> "$tmp/roots"; burst "$who" ADD )
      t1=$(date +%s%N)
      if [ "$sampled" = 1 ]; then
        touch "$tmp/done"; wait "$sp"; peak[$who]+="$(( $(cat "$tmp/peak") / 1024 )) "
      else
        wall[$who]+="$(ms "$t0" "$t1") "
      fi
      burst "$who" DEL
    done
  done
done
for who in $whos; do
  echo "$who: 10 ADDs at once: median wall $(echo "${wall[$who]}" | median) ms [${wall[$who]% }]"
  echo "$who: 10 ADDs at once: peak total RSS median $(echo "${peak[$who]}" | median) MB [${peak[$who]% }]"
done
echo "ours: the daemon's VmHWM $(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$daemon/status") MB, VmRSS now $(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$daemon/status") MB"
