#!/usr/bin/env python3
"""Fills the TCP metrics cache for a capture (scripts/capture-golden.py --recv-genl 1 ... -- tcp_metrics show).

One connection 10.200.0.2 -> 10.200.0.1:5001 and one fd00:200::2 -> [fd00:200::1]:5001 (addresses the setup puts on lo),
64 KiB one way and 1 KiB back, each closed: the kernel saves an entry per destination when a connection closes.
Then waits 5 seconds, so the capture's dump sees the entries while this process is alive.
"""
import socket, time

for fam, dst, src in ((socket.AF_INET, '10.200.0.1', '10.200.0.2'), (socket.AF_INET6, 'fd00:200::1', 'fd00:200::2')):
    srv = socket.socket(fam); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); srv.bind((dst, 5001)); srv.listen(1)
    c = socket.socket(fam); c.settimeout(5); c.bind((src, 0)); c.connect((dst, 5001))
    s, _ = srv.accept(); s.settimeout(5)
    c.sendall(b'\0' * 65536); c.shutdown(socket.SHUT_WR)
    got = 0
    while got < 65536:
        b = s.recv(16384)
        if not b: break
        got += len(b)
    s.sendall(b'\0' * 1024)
    s.close(); c.close(); srv.close()
time.sleep(5)
