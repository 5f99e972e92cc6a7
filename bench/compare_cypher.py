"""Each catalogue question's Cypher beside the same file at an earlier git revision, side by side on one server.

Why this exists: on a shared machine two runs of ``bench/run.py`` minutes apart
differ by a third in the same question's time, on questions nobody changed
(server CPU of the nine unchanged questions at 43 forces: 635 ms, then 414 ms,
in back-to-back runs). A change to a query can only be judged side by side:
here both versions of each changed question run alternately, in the same
process, against the same database on the same server, and the report gives
their medians and the ratio new / old of wall time and of the CPU a run cost
the client and the server. Both versions must give the same rows; the report
says whether they do.

Only questions whose Cypher differs from the revision's are timed, with the
parameters ``bench_neo4j.question_params`` picks (as in ``bench/run.py``)::

    oversight synth -o /tmp/corpus --forces 43 --rounds 4 --seed 1
    oversight ingest /tmp/corpus --store /tmp/store
    python bench/compare_cypher.py 64b113c --store /tmp/store --json compare.json

Needs the ``[server]`` extra (the run starts its own local Bolt server, as
``bench/run.py`` does) and git.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

import bench_neo4j

REPO = Path(__file__).resolve().parents[1]


def _git_show(revision: str, path: str) -> str | None:
    shown = subprocess.run(["git", "-C", str(REPO), "show", f"{revision}:{path}"], capture_output=True, text=True)
    return shown.stdout if shown.returncode == 0 else None


def changed_questions(revision: str, new_revision: str | None = None) -> dict[str, tuple[str, str]]:
    """``{name: (old Cypher, new Cypher)}`` for each question whose file differs between the two.

    The new side is the installed catalogue, or the files at ``new_revision``.
    A question missing on either side, or whose declared parameters changed,
    cannot be compared and is left out.
    """
    from oversight.queries.catalog import catalogue, parse_question

    found = {}
    for name, question in catalogue().items():
        path = f"queries/catalog/{Path(question.file).name}"
        old_text = _git_show(revision, path)
        new_text = _git_show(new_revision, path) if new_revision else None
        if old_text is None or (new_revision and new_text is None):
            continue
        old = parse_question(old_text, question.file)
        new = parse_question(new_text, question.file) if new_text is not None else question
        if old.cypher != new.cypher and old.params == new.params:
            found[name] = (old.cypher, new.cypher)
    return found


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 1) if values else None


def compare(graph: Any, server: bench_neo4j.BenchServer, database: str, questions: dict[str, tuple[str, str]],
            rounds: int, runs: int) -> list[dict[str, Any]]:
    """Time both versions of each question, alternating which goes first, ``rounds`` x ``runs`` times each."""
    from oversight.queries.catalog import question

    params = bench_neo4j.question_params(graph)
    driver = server.driver()
    rows = []
    try:
        with driver.session(database=database) as session:
            for name, (old, new) in sorted(questions.items()):
                bound = question(name).bind(params.get(name, {}))
                texts = {"old": old, "new": new}
                answers = {v: [r.data() for r in session.run(t, bound)] for v, t in texts.items()}
                times: dict[str, list[float]] = {"old": [], "new": []}
                cpu: dict[str, dict[str, list[float]]] = {"old": {"client": [], "server": []},
                                                          "new": {"client": [], "server": []}}
                for turn in range(rounds):
                    for version in ("old", "new") if turn % 2 == 0 else ("new", "old"):
                        took, _, used = bench_neo4j._timed(
                            lambda t=texts[version], b=bound: list(session.run(t, b)),  # type: ignore[misc]
                            runs, 1, server_pid=server.info.pid,
                        )
                        times[version].extend(took)
                        for side in ("client", "server"):
                            value = used[side]
                            if value is not None:
                                cpu[version][side].append(value)

                row: dict[str, Any] = {"query": name, "rows": len(answers["new"]), "runs": len(times["new"]),
                                       "sameRows": answers["old"] == answers["new"]}
                for measure, old_values, new_values in (
                    ("p50ms", times["old"], times["new"]),
                    ("serverCpuMs", cpu["old"]["server"], cpu["new"]["server"]),
                    ("clientCpuMs", cpu["old"]["client"], cpu["new"]["client"]),
                ):
                    before, after = _median(old_values), _median(new_values)
                    row[f"{measure}Old"], row[f"{measure}New"] = before, after
                    row[f"{measure}Ratio"] = round(after / before, 2) if before and after is not None else None
                rows.append(row)
                print(f"compare: {name} done", file=sys.stderr)
    finally:
        driver.close()
    return rows


COLUMNS = ["query", "rows", "runs", "p50msOld", "p50msNew", "p50msRatio", "serverCpuMsOld", "serverCpuMsNew",
           "serverCpuMsRatio", "clientCpuMsOld", "clientCpuMsNew", "clientCpuMsRatio", "sameRows"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("revision", help="the git revision whose catalogue files are the 'old' versions")
    parser.add_argument("--store", required=True, help="an embedded store (oversight ingest … --store DIR)")
    parser.add_argument("--rounds", type=int, default=6, help="alternations of old and new [6]")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each version per round [5]")
    parser.add_argument("--json", dest="json_file", help="also write the rows and the machine here")
    args = parser.parse_args(argv)

    from oversight.graph.embedded_store import EmbeddedStore

    questions = changed_questions(args.revision)
    if not questions:
        print(f"compare: no catalogue question's Cypher differs from {args.revision}", file=sys.stderr)
        return 0
    graph = EmbeddedStore(Path(args.store)).load().graph
    with bench_neo4j.BenchServer().start() as server:
        database = "compare"
        server.create_database(database)
        bench_neo4j.load_batched(server, database, graph)
        rows = compare(graph, server, database, questions, args.rounds, args.runs)
        agent = server.agent
    print(" | ".join(COLUMNS))
    for row in rows:
        print(" | ".join("" if row[c] is None else str(row[c]) for c in COLUMNS))
    if args.json_file:
        import run

        Path(args.json_file).write_text(json.dumps({
            "command": " ".join(["python", "bench/compare_cypher.py", *(argv if argv is not None else sys.argv[1:])]),
            "machine": run.machine(), "server": agent, "client": bench_neo4j.driver_description(),
            "nodes": len(graph), "rows": rows,
        }, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
