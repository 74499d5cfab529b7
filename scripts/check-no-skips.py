#!/usr/bin/env python3
"""Fails when the Surefire reports of this run show a skipped test, or fewer tests than a module's floor.

CI runs as root with CI=true, where every privileged test must run: a skip there means a test did not
check what it names. scripts/test-floors.txt gives each module's least number of tests: a run with fewer
(a test class left out, a module that ran nothing) fails too. Only reports written after the file given
with --since count (.ci/run makes one before the tests start, and empties the report folders too), so
stale reports of an earlier run never stand in for this one. Every module of the parent pom.xml must have
a floor and reports of this run: a module whose reports are missing (its tests never ran, or the reports
went elsewhere) fails however low its floor.

Usage: check-no-skips.py [--since MARKER_FILE]
"""
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
since = 0.0
if "--since" in sys.argv:
    since = os.path.getmtime(sys.argv[sys.argv.index("--since") + 1])
os.chdir(os.path.join(HERE, ".."))  # the report paths below are the repository's, wherever this runs from

floors = {}
with open(os.path.join(HERE, "test-floors.txt")) as f:
    for line in f:
        line = line.strip()
        if line and not line.startswith("#"):
            module, n = line.split()
            floors[module] = int(n)

with open(os.path.join(HERE, "..", "pom.xml")) as f:
    modules = re.findall(r"<module>([^<]+)</module>", f.read())

reports = [p for p in sorted(glob.glob("*/target/surefire-reports/TEST-*.xml")) if os.path.getmtime(p) >= since]
if not reports:
    print("check-no-skips: no Surefire reports of this run found", file=sys.stderr)
    sys.exit(1)
tests = skipped = 0
per_module = {}
offenders = []
for path in reports:
    root = ET.parse(path).getroot()
    module = path.split("/")[0]
    n = int(root.get("tests", "0"))
    tests += n
    per_module[module] = per_module.get(module, 0) + n
    for case in root.iter("testcase"):
        if case.find("skipped") is not None:
            skipped += 1
            offenders.append(f"{case.get('classname')}.{case.get('name')}")
failed = False
for o in offenders:
    print(f"check-no-skips: skipped under CI: {o}", file=sys.stderr)
    failed = True
for module in modules:
    if module not in floors:
        print(f"check-no-skips: {module} has no floor in scripts/test-floors.txt", file=sys.stderr)
        failed = True
for module in sorted(set(modules) | set(floors)):
    if module not in per_module:
        print(f"check-no-skips: {module} has no Surefire reports of this run ({module}/target/surefire-reports)", file=sys.stderr)
        failed = True
for module, floor in sorted(floors.items()):
    ran = per_module.get(module, 0)
    if ran < floor:
        print(f"check-no-skips: {module} ran {ran} tests, fewer than its floor of {floor} (scripts/test-floors.txt)", file=sys.stderr)
        failed = True
if failed:
    sys.exit(1)
print(f"check-no-skips: {tests} tests in {len(reports)} reports, 0 skipped; per module "
      + ", ".join(f"{m} {n} (floor {floors.get(m, 0)})" for m, n in sorted(per_module.items())))
