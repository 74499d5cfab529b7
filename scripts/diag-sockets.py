#!/usr/bin/env python3
"""Opens a few sockets for ss(8) to see in a capture (scripts/capture-golden.py --recv-diag) and waits.

A TCP listener on 127.0.0.1:8080 and [::1]:8080 with one connection each, a UDP socket on 127.0.0.1:5353, a
unix stream listener at /tmp/nl4j-golden-<pid>.sock with one connection; all closed after 5 seconds.
"""
import os, socket, time

keep = []
for fam, host in ((socket.AF_INET, '127.0.0.1'), (socket.AF_INET6, '::1')):
    s = socket.socket(fam); s.bind((host, 8080)); s.listen(5)
    c = socket.create_connection((host, 8080)); a, _ = s.accept(); keep += [s, c, a]
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(('127.0.0.1', 5353)); keep.append(u)
path = '/tmp/nl4j-golden-%d.sock' % os.getpid()
x = socket.socket(socket.AF_UNIX); x.bind(path); x.listen(5)
y = socket.socket(socket.AF_UNIX); y.connect(path); z, _ = x.accept(); keep += [x, y, z]
try:
    time.sleep(5)
finally:
    os.unlink(path)
