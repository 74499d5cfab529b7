#!/usr/bin/python3
"""nlbench's workloads done with pyroute2 (Debian's python3-pyroute2), the "pyroute2" column of
`nlbench run --peers pyroute2`. The contract (workloads, addresses, output) is
benchmarks/peers/README.md.

    nlbench_peer_pyroute2.py WORKLOAD --netns NAME --count N --kind KIND

The process is single-threaded: it enters the namespace with pyroute2's netns.setns() before the
clock starts and uses one IPRoute socket; every request asks for an ack and pyroute2 raises
NetlinkError when the kernel refuses one, which ends the program with status 1.
"""
import argparse
import socket
import sys
import time

from pyroute2 import IPRoute, netns

V4_SPAN = (1 << 17) - 2  # addresses the IPv4 workloads cycle through inside 198.18.0.0/15
NUD_PERMANENT = 0x80
IFA_F_NODAD = 0x02


def v4(i):
    a = 0xC6120000 + 1 + (i % V4_SPAN)
    return socket.inet_ntop(socket.AF_INET, a.to_bytes(4, "big"))


def v6(i):
    return socket.inet_ntop(socket.AF_INET6, bytes([0xFD, 0, 2, 0] + [0] * 8) + (i + 1).to_bytes(4, "big"))


def mac(i):
    return "02:00:" + ":".join("%02x" % b for b in i.to_bytes(4, "big"))


class Clock:
    def __init__(self):
        self.samples = []
        self.start = time.perf_counter_ns()

    def time(self, op):
        t = time.perf_counter_ns()
        op()
        self.samples.append(time.perf_counter_ns() - t)

    def report(self, dumped=None):
        print("elapsed_ns=%d" % (time.perf_counter_ns() - self.start))
        if dumped is not None:
            print("dumped=%d" % dumped)
        if self.samples:
            print("samples_ns=" + ",".join(map(str, self.samples)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("work", choices=["noop", "w1", "w2", "w3", "routes", "routes6", "neigh", "addr6"])
    ap.add_argument("--netns", required=True)
    ap.add_argument("--count", type=int, required=True)
    ap.add_argument("--kind", default="dummy")
    a = ap.parse_args()
    n = a.count
    netns.setns(a.netns, flags=0)  # flags=0: enter, never create
    ipr = IPRoute()
    try:
        # One-time look-ups stay outside the clock, as in the JVM column.
        idx = None if a.work in ("noop", "w1") else ipr.link_lookup(ifname="dummy0")[0]
        c = Clock()
        if a.work == "noop":
            c.report()
        elif a.work == "w1":
            for i in range(n):
                c.time(lambda: ipr.link("add", ifname="dummy%d" % i, kind=a.kind))
            c.report()
        elif a.work == "w2":
            # w2's addresses do not wrap: 198.18.0.1 + i, as the JVM column's.
            for i in range(n):
                addr = socket.inet_ntop(socket.AF_INET, (0xC6120001 + i).to_bytes(4, "big"))
                c.time(lambda: ipr.addr("add", index=idx, address=addr, prefixlen=32))
            c.report()
        elif a.work in ("routes", "routes6"):
            six = a.work == "routes6"

            def route(cmd, i):
                if six:
                    return ipr.route(cmd, dst=v6(i), dst_len=128, oif=idx, table=100)
                # scope link on add, as ip gives a route without a gateway; RT_SCOPE_NOWHERE on delete
                # matches any scope (pyroute2's default, universe, would miss the route).
                return ipr.route(cmd, dst=v4(i), dst_len=32, oif=idx, table=100 + i // V4_SPAN,
                                 scope=253 if cmd == "add" else 255)

            for i in range(n):
                c.time(lambda: route("add", i))
            # "dump" asks the kernel for every table of the family (get_routes would filter).
            dumped = len(list(ipr.route("dump", family=socket.AF_INET6 if six else socket.AF_INET)))
            for i in range(n):
                c.time(lambda: route("del", i))
            c.report(dumped)
        elif a.work == "neigh":
            for i in range(n):
                c.time(lambda: ipr.neigh("add", dst=v4(i + 1), lladdr=mac(i), ifindex=idx, state=NUD_PERMANENT))
            dumped = len(list(ipr.get_neighbours(family=socket.AF_INET)))
            for i in range(n):
                c.time(lambda: ipr.neigh("del", dst=v4(i + 1), ifindex=idx))
            c.report(dumped)
        elif a.work == "w3":
            # N rounds of what nlbench's w3 does: every address, then every link (each message decoded, as
            # pyroute2 always does); the last round's objects are reported.
            dumped = 0
            for _ in range(n):
                dumped = len(list(ipr.get_addr())) + len(list(ipr.get_links()))
            c.report(dumped)
        elif a.work == "addr6":
            for i in range(n):
                c.time(lambda: ipr.addr("add", index=idx, address=v6(i), prefixlen=128, flags=IFA_F_NODAD))
            dumped = len(list(ipr.get_addr(family=socket.AF_INET6)))
            for i in range(n):
                c.time(lambda: ipr.addr("del", index=idx, address=v6(i), prefixlen=128))
            c.report(dumped)
    finally:
        ipr.close()


if __name__ == "__main__":
    try:
        main()
    except Exception as e:  # the contract: any refused operation is a non-zero exit with the reason
        print("nlbench-peer-pyroute2: %s: %s" % (type(e).__name__, e), file=sys.stderr)
        sys.exit(1)
