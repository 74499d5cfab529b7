#!/usr/bin/env python3
"""Applies each mutant under scripts/mutants/ to a scratch copy of HEAD, runs the tests it names and
reports killed or survived.

A mutant is one small patch that breaks one behaviour in the main code, headed by three comment lines:
    # mutant: what it breaks
    # module: the Maven module whose test kills it
    # test: TestClass#method[,TestClass…] (Surefire's -Dtest syntax)
followed by a git diff against the repository root.

A mutant is killed when the named tests ran and at least one of them failed or erred; survived when
they all passed; invalid when the patch does not apply, the code does not compile or the named tests did
not run at all (a mutant that cannot be judged is never counted as killed). Exit 0 only when every
mutant is killed.

Usage: scripts/mutants/run.py [ID…]    (IDs are file names without .patch; none means all)
       --keep    leave the scratch copy behind for inspection
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def header(path):
    meta = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"# (mutant|module|test): (.*)", line)
            if not m:
                break
            meta[m.group(1)] = m.group(2).strip()
    for key in ("mutant", "module", "test"):
        if key not in meta:
            raise SystemExit(f"{path}: no '# {key}:' line")
    return meta


def test_classes(spec):
    return sorted({t.split("#")[0] for t in spec.split(",") if t.strip()})


def results(scratch, module, classes):
    """(ran, failed) summed over the named classes' Surefire reports of this run."""
    ran = failed = 0
    for cls in classes:
        for report in glob.glob(os.path.join(scratch, module, "target/surefire-reports", f"TEST-*.{cls}.xml")):
            suite = ET.parse(report).getroot()
            ran += int(suite.get("tests", 0)) - int(suite.get("skipped", 0))
            failed += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
    return ran, failed


def judge(scratch, patch, meta, log):
    if subprocess.run(["git", "apply", patch], cwd=scratch, capture_output=True).returncode != 0:
        return "invalid (does not apply)"
    try:
        module = meta["module"]
        shutil.rmtree(os.path.join(scratch, module, "target/surefire-reports"), ignore_errors=True)
        cmd = ["mvn", "-B", "-q", "-o", "-pl", module, "-am", "test", "-Dtest=" + meta["test"],
               "-Dsurefire.failIfNoSpecifiedTests=false"]
        with open(log, "w") as out:
            rc = subprocess.run(cmd, cwd=scratch, stdout=out, stderr=subprocess.STDOUT, timeout=1800).returncode
        ran, failed = results(scratch, module, test_classes(meta["test"]))
        if ran == 0:
            return "invalid (no test ran; compile error?)"
        if failed > 0:
            return "killed"
        return "survived" if rc == 0 else "invalid (build failed outside the named tests)"
    finally:
        subprocess.run(["git", "checkout", "--", "."], cwd=scratch, capture_output=True)
        subprocess.run(["git", "clean", "-fdq", "-e", "target"], cwd=scratch, capture_output=True)


def main(argv):
    keep = "--keep" in argv
    ids = [a for a in argv if not a.startswith("--")]
    patches = sorted(glob.glob(os.path.join(HERE, "*.patch")))
    if ids:
        patches = [p for p in patches if os.path.basename(p)[:-6] in ids]
        missing = set(ids) - {os.path.basename(p)[:-6] for p in patches}
        if missing:
            raise SystemExit("no such mutant: " + ", ".join(sorted(missing)))
    scratch = tempfile.mkdtemp(prefix="nl4j-mutants-")
    logs = os.path.join(scratch, "logs")
    subprocess.run(["git", "worktree", "add", "-q", "--detach", os.path.join(scratch, "tree"), "HEAD"], cwd=ROOT, check=True)
    tree = os.path.join(scratch, "tree")
    os.makedirs(logs)
    verdicts = []
    try:
        # One build of the unmutated tree: the dependencies are then in ~/.m2, and each mutant run is offline.
        subprocess.run(["mvn", "-B", "-q", "test-compile", "-DskipTests"], cwd=tree, check=True)
        for p in patches:
            meta = header(p)
            mid = os.path.basename(p)[:-6]
            t0 = time.monotonic()
            v = judge(tree, p, meta, os.path.join(logs, mid + ".log"))
            verdicts.append((mid, v, meta))
            print(f"{v:<40} {mid}  ({meta['test']}, {time.monotonic() - t0:.0f} s)", flush=True)
    finally:
        if not keep:
            subprocess.run(["git", "worktree", "remove", "--force", tree], cwd=ROOT, capture_output=True)
            shutil.rmtree(scratch, ignore_errors=True)
        else:
            print("scratch copy and logs kept in " + scratch)
    killed = sum(1 for _, v, _ in verdicts if v == "killed")
    print(f"mutants: {killed} killed, {len(verdicts) - killed} not killed, of {len(verdicts)}")
    for mid, v, meta in verdicts:
        if v != "killed":
            print(f"  {mid}: {v} - {meta['mutant']}")
    return 0 if killed == len(verdicts) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
