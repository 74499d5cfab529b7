#!/usr/bin/env python3
"""Gives a device the supported and link-partner modes a tap never has, through the ethtool ioctl.

Usage: set-link-ksettings.py DEV SUPPORTED LP_ADVERTISING   (masks as numbers, e.g. 0x20ef)

ETHTOOL_GLINKSETTINGS, then ETHTOOL_SLINKSETTINGS with the same settings and the two masks replaced
(linux/ethtool.h: struct ethtool_link_settings, 48 bytes with link_mode_masks_nwords at 15, then supported, advertising and
lp_advertising as link_mode_masks_nwords u32 words each). The tun driver's set_link_ksettings keeps
what it is given, so the tests can read modes a real NIC would report. Written from the uapi header;
it shares nothing with netlink4j. Run it inside the test's namespace (ip netns exec).
"""
import ctypes, fcntl, socket, struct, sys

SIOCETHTOOL, GLINKSETTINGS, SLINKSETTINGS = 0x8946, 0x4c, 0x4d
dev, supported, lp = sys.argv[1], int(sys.argv[2], 0), int(sys.argv[3], 0)
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)

def call(buf):
    ifreq = struct.pack('16sP', dev.encode(), ctypes.addressof(buf)) + b'\0' * 16
    fcntl.ioctl(sock.fileno(), SIOCETHTOOL, bytearray(ifreq))

probe = ctypes.create_string_buffer(48 + 4 * 3 * 127)
struct.pack_into('I', probe, 0, GLINKSETTINGS)
call(probe)  # nwords 0: the kernel answers with -nwords
nwords = -struct.unpack_from('b', probe, 15)[0]
buf = ctypes.create_string_buffer(48 + 4 * 3 * nwords)
struct.pack_into('I', buf, 0, GLINKSETTINGS)
struct.pack_into('b', buf, 15, nwords)
call(buf)
for i in range(nwords):
    struct.pack_into('I', buf, 48 + 4 * i, supported >> (32 * i) & 0xffffffff)
    struct.pack_into('I', buf, 48 + 4 * (2 * nwords + i), lp >> (32 * i) & 0xffffffff)
struct.pack_into('I', buf, 0, SLINKSETTINGS)
call(buf)
