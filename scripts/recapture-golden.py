#!/usr/bin/env python3
"""Captures every golden fixture again from iproute2 and compares it with the committed one.

Usage: recapture-golden.py [--write] [PATH ...]

Reads scripts/golden-set.txt (each fixture with its capture arguments), runs scripts/capture-golden.py
for each into a temporary directory (every capture in a throwaway namespace of its own) and compares
the new bytes with netlink-core/src/test/resources/golden/PATH. Values the kernel changes from run to
run are masked: the payloads of timestamp and counter attributes (IFA_CACHEINFO, RTA_CACHEINFO,
NDA_CACHEINFO, IFLA_STATS, IFLA_STATS64, IFLA_AF_SPEC, carrier counts, a qdisc or class's TCA_STATS,
TCA_STATS2 and TCA_XSTATS, an action's TCA_ACT_STATS and its timestamps) and the bridge's timers.
Exits 1 if any fixture differs. With --write the new captures replace the committed fixtures (for new
fixtures, or after a deliberate change of the capture arguments). PATH limits the run to those fixtures.
Needs root, ip and strace; touches only the namespaces it makes.
"""
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.join(HERE, '..', 'netlink-core', 'src', 'test', 'resources', 'golden')
VOLATILE = ('IFA_CACHEINFO', 'RTA_CACHEINFO', 'NDA_CACHEINFO', 'IFLA_STATS ', 'IFLA_STATS64', 'IFLA_AF_SPEC',
            'IFLA_CARRIER_CHANGES', 'IFLA_CARRIER_UP_COUNT', 'IFLA_CARRIER_DOWN_COUNT', 'IFLA_INFO_XSTATS',
            'TCA_STATS ', 'TCA_STATS2', 'TCA_XSTATS', 'TCA_ACT_STATS', 'TCA_MIRRED_TM', 'TCA_GACT_TM', 'TCA_SKBEDIT_TM',
            'CTA_TIMEOUT', 'CTA_ID ')


def read_set():
    entries = []
    with open(os.path.join(HERE, 'golden-set.txt')) as f:
        for line in f:
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            path, mode, setups, cmd = [x.strip() for x in line.split('|')]
            kind, typ = mode.split()
            entries.append((path, kind, typ, [s.strip() for s in setups.split('; ') if s.strip()], cmd))
    return entries


def body(path):
    """The fixture's lines after its header comments, as (hex, comment) pairs."""
    out = []
    with open(path) as f:
        for line in f:
            if line.startswith('#'):
                continue
            hexpart, _, comment = line.rstrip('\n').partition('#')
            out.append((hexpart.strip(), comment.rstrip()))
    return out


def masked(lines):
    """Hex of every line, with payloads under a volatile attribute (by comment nesting) replaced by '*'."""
    result, stack = [], []
    for hexpart, comment in lines:
        depth = (len(comment) - len(comment.lstrip(' '))) // 2
        name = comment.strip()
        while stack and stack[-1][0] >= depth:
            stack.pop()
        inside = any(v in n for _, n in stack for v in VOLATILE)
        result.append(('*', '') if inside else (hexpart, name))
        if name and not name.startswith('payload') and not name.startswith('padding') and 'len=' in name:
            stack.append((depth, name + ' '))
    return result


def main():
    args = sys.argv[1:]
    write = '--write' in args
    only = [a for a in args if a != '--write']
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for path, kind, typ, setups, cmd in read_set():
            if only and path not in only:
                continue
            new = os.path.join(tmp, path.replace('/', '_'))
            argv = [sys.executable, os.path.join(HERE, 'capture-golden.py'), new, '--' + kind, typ]
            for s in setups:
                argv += ['--setup', s]
            argv += ['--'] + cmd.split()
            r = subprocess.run(argv, capture_output=True, text=True)
            if r.returncode != 0:
                print('FAIL %s: capture failed: %s' % (path, (r.stderr or r.stdout).strip()[-500:]))
                failed += 1
                continue
            old = os.path.join(GOLDEN, path)
            if write:
                os.makedirs(os.path.dirname(old), exist_ok=True)
                with open(new) as src, open(old, 'w') as dst:
                    dst.write(src.read())
                print('wrote %s' % path)
                continue
            if not os.path.exists(old):
                print('FAIL %s: not committed (run with --write to add it)' % path)
                failed += 1
                continue
            a, b = masked(body(old)), masked(body(new))
            if a == b:
                print('same %s' % path)
            else:
                failed += 1
                for i, (x, y) in enumerate(zip(a, b)):
                    if x != y:
                        print('DIFF %s line %d: committed %s / new %s' % (path, i + 1, x, y))
                        break
                else:
                    print('DIFF %s: %d lines committed, %d captured' % (path, len(a), len(b)))
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
