"""Which engine finds gazetteer names in text: the toolkit's one regex, or spaCy's PhraseMatcher.

Reproduce (from the repository root, in the project's venv, with spaCy
installed: ``pip install 'spacy>=3.7'``; it is not a dependency)::

    python bench/bench_gazetteer.py             # 5 rounds, table then JSON

Both engines scan every line of the seeds, the corpus (``../shared``) and the
bundled examples for the gazetteer classes the families ask for
(``Inspectorate``, ``Board``, ``Post``, ``Organisation``), side by side in one
run, CPU time of this process (``time.process_time``, the median of the
rounds; the machine is shared):

- ``regex``: :class:`oversight.loaders.toolkit.gazetteer.NameScanner`, one
  alternation of every name, longest first, abbreviations in capitals only;
- ``spacy``: ``PhraseMatcher`` on ``spacy.blank("en")`` (a tokenizer, no model
  to download): names the regex matches in any case on the ``NORM``
  attribute (lower case, curly quotes straightened), abbreviations on ``ORTH``, each name also with "&"/"and" swapped
  and apostrophes dropped, overlapping matches resolved longest first
  (``spacy.util.filter_spans``). The line is tokenized in both timings'
  loops, as a scan would have to.

``exact`` counts the lines on which the engine's mentions (start, end, text)
are the regex's, the engine in use; ``build`` is the one-off cost of
compiling the names.

Measured here (2 shared cores, 3,771 lines, four classes, 3 rounds, two runs):
regex build 87 to 103 ms, scan 560 to 738 ms; spaCy build 1,161 to 1,352 ms,
scan 257 to 325 ms, and 15,063 of 15,084 line scans the same as the regex's
(1,797 mentions against 1,830). The differences are names inside web and
e-mail addresses ("hmicfrs", "kent" in a link), which spaCy's tokenizer keeps
as one token. So spaCy scans about 2.2 times as fast but builds 13 times as
slowly (more than a whole corpus's scan) and is not as exact: the toolkit
keeps the regular expression.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from oversight.loaders.toolkit.gazetteer import NameScanner
from oversight.ontology import ontology

REPO = Path(__file__).resolve().parents[1]
LABELS = ("Inspectorate", "Board", "Post", "Organisation")


def corpus_lines() -> list[str]:
    shared = REPO.parent / "shared"
    files = sorted((shared / "seeds").glob("*")) + sorted((shared / "corpus").glob("*.txt"))
    files += sorted((REPO / "examples" / "papers").rglob("*.txt"))
    return [line for f in files if f.is_file() for line in f.read_text(encoding="utf-8", errors="replace").splitlines()]


Mentions = list[tuple[int, int, str]]


def regex_engine(label: str) -> Callable[[str], Mentions]:
    scanner = NameScanner([label])
    return lambda text: [(m.start, m.end, m.surface) for m in scanner.find(text)]


def spacy_engine(label: str) -> Callable[[str], Mentions]:
    import re

    import spacy
    from spacy.matcher import PhraseMatcher
    from spacy.util import filter_spans

    nlp = spacy.blank("en")
    lower = PhraseMatcher(nlp.vocab, attr="NORM")
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    names = {n for e in ontology().gazetteer.entries_of(label) for n in e.names if len(n) >= 2}
    for name in sorted(names):
        variants = {name, name.replace("&", "and"), name.replace(" and ", " & "), re.sub("['\u2019]", "", name)}
        variants |= {v.replace("'", "\u2019") for v in variants} | {v.replace("\u2019", "'") for v in variants}
        docs = [nlp.make_doc(v) for v in sorted(variants)]
        (exact if re.fullmatch(r"[A-Z&]{2,6}", name) else lower).add(name, docs)

    def find(text: str) -> Mentions:
        doc = nlp.make_doc(text)
        spans = [doc[s:e] for _, s, e in lower(doc)] + [doc[s:e] for _, s, e in exact(doc)]
        return sorted((s.start_char, s.end_char, s.text) for s in filter_spans(spans))

    return find


def measure(lines: list[str], rounds: int) -> dict[str, dict[str, float]]:
    result: dict[str, dict[str, float]] = {}
    reference: dict[str, list[Mentions]] = {}
    for engine_name, make in (("regex", regex_engine), ("spacy", spacy_engine)):
        build = 0.0
        scans: list[float] = []
        exact = 0
        found = 0
        for label in LABELS:
            start = time.process_time()
            find = make(label)
            build += time.process_time() - start
            label_times = []
            for _ in range(rounds):
                start = time.process_time()
                out = [find(line) for line in lines]
                label_times.append(time.process_time() - start)
            if engine_name == "regex":
                reference[label] = out
            exact += sum(1 for a, b in zip(reference[label], out, strict=True) if a == b)
            found += sum(len(m) for m in out)
            scans.append(statistics.median(label_times))
        result[engine_name] = {
            "build_ms": round(build * 1000, 1),
            "scan_ms": round(sum(scans) * 1000, 1),
            "exact_lines": exact,
            "lines": len(lines) * len(LABELS),
            "mentions": found,
        }
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    lines = corpus_lines()
    result = measure(lines, args.rounds)
    print(f"{'engine':8} {'build ms':>9} {'scan ms':>9} {'exact lines':>18} {'mentions':>9}")
    for name, row in result.items():
        print(
            f"{name:8} {row['build_ms']:>9} {row['scan_ms']:>9} "
            f"{int(row['exact_lines']):>8}/{int(row['lines']):<9} {int(row['mentions']):>9}"
        )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
