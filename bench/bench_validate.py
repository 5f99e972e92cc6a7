"""``oversight validate`` before and after issue 16: pySHACL against pyshacl-turbo, side by side.

For ``bench/run.py`` (section ``validate``): at each size, the whole of
:func:`oversight.api.validate` (every check; the SHACL one on the graph's RDF)
on the same store, once with ``engine="turbo"`` (the default since issue 16)
and once with ``engine="pyshacl"`` (the engine before it), each in a fresh
process so neither warms the other; wall and CPU seconds, peak RSS, the ratio
before / after, and whether the two gave the same violations.

Run one measurement alone::

    python bench/bench_validate.py STORE ENGINE      # prints one JSON line

Not a timed test: compare the numbers with each other, in one run.
"""

from __future__ import annotations

import hashlib
import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ENGINES = ("pyshacl", "turbo")


def measure(store: Path, engine: str) -> dict[str, Any]:
    """Load the store and validate it with ``engine``: seconds, CPU seconds, peak MB, the violations' digest."""
    from oversight import api

    graph = api.load(store)
    c0, t0 = time.process_time(), time.perf_counter()
    found = api.validate(graph, engine=engine)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    digest = hashlib.sha256(json.dumps([v.as_dict() for v in found]).encode()).hexdigest()[:16]
    return {
        "engine": engine, "nodes": len(graph), "seconds": round(seconds, 2), "cpuSeconds": round(cpu, 2),
        "peakMB": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "violations": len(found), "digest": digest,
    }


def _child(store: Path, engine: str) -> dict[str, Any]:
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), str(store), engine],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"bench: validate ({engine}) of {store} failed:\n{done.stderr[-4000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def validate_rows(stores: dict[int, Path]) -> tuple[list[dict[str, Any]], list[str]]:
    """One row per size: both engines' time on the same store, the ratio, and whether they agree."""
    rows = []
    for forces, store in stores.items():
        before, after = (_child(store, engine) for engine in ENGINES)
        rows.append({
            "forces": forces, "nodes": after["nodes"],
            "secondsBefore": before["seconds"], "secondsAfter": after["seconds"],
            "cpuSecondsBefore": before["cpuSeconds"], "cpuSecondsAfter": after["cpuSeconds"],
            "xFaster": round(before["seconds"] / after["seconds"], 1) if after["seconds"] else None,
            "xFasterCpu": round(before["cpuSeconds"] / after["cpuSeconds"], 1) if after["cpuSeconds"] else None,
            "peakMBBefore": before["peakMB"], "peakMBAfter": after["peakMB"],
            "violations": after["violations"], "sameViolations": before["digest"] == after["digest"],
            "goalMet": after["seconds"] < 30,
        })
        print(f"bench: validate at {forces} forces: pyshacl {before['seconds']} s, turbo {after['seconds']} s",
              file=sys.stderr)
    notes = [
        "before: pySHACL on the graph's rdflib RDF (engine='pyshacl'); after: pyshacl-turbo on the same RDF "
        "(engine='turbo', the default); each the whole of api.validate (every check) on a loaded store, in a fresh "
        "process; goal: under 30 s at 43 forces",
        "sameViolations compares the two engines' whole lists of violations; tests/test_validate_engines.py "
        "compares them on graphs broken on purpose (the synthetic stores are valid)",
    ]
    return rows, notes


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]), sys.argv[2])))
