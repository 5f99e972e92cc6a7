"""Counts of AFIs by RAG and by completion window that a progress paper states, checked against its rows."""

from __future__ import annotations

import re

from oversight.loaders.families.peel_progress.cells import RAG_COUNT, Afi, Context, N
from oversight.loaders.models import ExtractionWarning, Ref, TextDocument
from oversight.loaders.toolkit import naming, textparse
from oversight.ontology import L, R

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)


_WINDOW = re.compile(
    rf"({N})\s+(?:(?:are|is)\s+)?(?:(?:anticipated|expected|due|planned)\s+(?:for\s+)?"
    rf"(?:completion|to\s+complete|to\s+be\s+completed)\s+)?"
    rf"(?:(?P<by>by\s+(?:the\s+end\s+of\s+)?{_MONTH}\s+\d{{4}})"
    rf"|(?P<between>between\s+(?P<m1>{_MONTH})(?:\s+(?P<y1>\d{{4}}))?\s+and\s+{_MONTH}\s+\d{{4}})"
    rf"|(?P<in>(?:in|during)\s+{_MONTH}\s+\d{{4}}))",
    re.IGNORECASE,
)


_WINDOW_ANCHOR = re.compile(
    r"\b(?:anticipated|expected|due|planned)\s+(?:for\s+)?complet", re.IGNORECASE
)


def _window_label(start: str | None, end: str) -> str:
    """How a completion window is named in a stated count's key.

    >>> _window_label(None, "2023-03"), _window_label("2023-04", "2023-06"), _window_label("2023-05", "2023-05")
    ('completion by 2023-03', 'completion 2023-04 to 2023-06', 'completion in 2023-05')
    """
    if start is None:
        return f"completion by {end}"
    return f"completion in {end}" if start == end else f"completion {start} to {end}"


def rag_counts(doc: TextDocument, region_start: int) -> dict[str, tuple[int, int]]:
    """RAG totals the paper states before its appendix: rag -> (count, line)."""
    counts: dict[str, tuple[int, int]] = {}
    for number, line in enumerate(doc.lines[: region_start - 1], 1):
        for match in RAG_COUNT.finditer(line):
            value = textparse.parse_number(match.group(1))
            rag = match.group(2).lower()
            if value is not None and rag not in counts:
                counts[rag] = (value, number)
    return counts


def deduce_rags(
    doc: TextDocument,
    afis: list[Afi],
    counts: dict[str, tuple[int, int]],
    total: int | None,
    warnings: list[ExtractionWarning],
) -> None:
    """Give AFIs without a stated RAG the one colour the stated totals leave, if only one."""
    unrated = [a for a in afis if a.rag is None]
    if not unrated:
        return
    stated_sum = sum(c for c, _ in counts.values())
    found = {rag: sum(1 for a in afis if a.rag == rag) for rag in ("red", "amber", "green")}
    short = {rag: counts[rag][0] - found[rag] for rag in counts if counts[rag][0] > found[rag]}
    numbers = ", ".join(str(a.number) for a in unrated)
    consistent = (
        counts
        and stated_sum == len(afis)
        and (total is None or total == len(afis))
        and all(found[r] <= counts[r][0] for r in counts)
        and all(found[r] == 0 for r in found if r not in counts)
        and len(short) == 1
        and sum(short.values()) == len(unrated)
    )
    if not consistent:
        for afi in unrated:
            afi.rag = None
        warnings.append(
            doc.warning(
                f"AFI {numbers}: no RAG stated, and the paper's totals do not settle it; recorded missing"
            )
        )
        return
    rag = next(iter(short))
    line = counts[rag][1]
    stated = ", ".join(f"{counts[r][0]} {r}" for r in ("green", "amber", "red") if r in counts)
    given = ", ".join(f"{found[r]} {r}" for r in ("green", "amber", "red") if found[r])
    reason = (
        f"rag: the paper states {stated} of {len(afis)} AFIs (line {line}); "
        f"{len(afis) - len(unrated)} AFIs state a RAG ({given}), so the {len(unrated)} without one are {rag}"
    )
    for afi in unrated:
        afi.rag, afi.rag_line, afi.deduced_rag = rag, line, reason
    warnings.append(
        doc.warning(f"AFI {numbers}: no RAG stated; deduced {rag} from the stated totals", line)
    )


def stated_counts(ctx: Context, counts: dict[str, tuple[int, int]], region_start: int, afis: list[Afi]
) -> None:
    doc, sink = ctx.doc, ctx.sink
    for rag, (value, line) in counts.items():
        count = Ref.of(L.StatedCount, naming.paper_stamp(doc, ctx.date_or_none), rag, within=ctx.inspection)
        sink.node(count, line, rag=rag, count=value, findingKind=L.AreaForImprovement)
        sink.node(count, ctx.date_line or line, date=ctx.date_or_none)
        sink.edge(R.HAS_STATED_COUNT, ctx.inspection, count, line)
    for number, line in enumerate(doc.lines[: region_start - 1], 1):
        if not _WINDOW_ANCHOR.search(line):
            continue
        rag_match = RAG_COUNT.search(line)
        window_rag = rag_match.group(2).lower() if rag_match else None
        of_total = textparse.parse_number(rag_match.group(1)) if rag_match else None
        windows = []
        for match in _WINDOW.finditer(line[rag_match.end() if rag_match else 0 :]):
            value = textparse.parse_number(match.group(1))
            when = match.group("by") or match.group("between") or match.group("in")
            dates = textparse.find_dates(when)
            if value is None or not dates:
                continue
            end = dates[-1][2]
            start = None
            if match.group("between"):
                year = int(match.group("y1") or end[:4])
                month = textparse.parse_date(f"{match.group('m1')} {year}")
                if month and month > end:
                    month = textparse.parse_date(f"{match.group('m1')} {year - 1}")
                start = month
            elif match.group("in"):
                start = end
            windows.append((value, start, end))
        for value, start, end in windows:
            label = _window_label(start, end)
            count = Ref.of(L.StatedCount, naming.paper_stamp(doc, ctx.date_or_none), window_rag or "all", label, within=ctx.inspection)
            sink.node(
                count,
                number,
                rag=window_rag,
                count=value,
                ofTotal=of_total,
                findingKind=L.AreaForImprovement,
                anticipatedCompletion=end,
                anticipatedCompletionFrom=start,
            )
            sink.node(count, ctx.date_line or number, date=ctx.date_or_none)
            sink.edge(R.HAS_STATED_COUNT, ctx.inspection, count, number)
        if windows:
            _check_windows(ctx, afis, window_rag, windows, number)
    _check_totals(ctx, counts, afis)


def _check_windows(
    ctx: Context,
    afis: list[Afi],
    rag: str | None,
    windows: list[tuple[int, str | None, str]],
    line: int,
) -> None:
    """Say whether the stated completion windows agree with the AFIs' own dates."""
    pool = [a for a in afis if rag is None or a.rag == rag]
    placed = []
    for value, start, end in windows:
        inside = [
            a
            for a in pool
            if a.anticipated
            and (start is None or a.anticipated >= start)
            and a.anticipated <= end
            and not a.completed
        ]
        placed.append((value, start, end, inside))
    dated = {a.number for _, _, _, inside in placed for a in inside}
    undated = [a for a in pool if not a.anticipated and not a.completed]
    outside = [a for a in pool if a.anticipated and a.number not in dated]
    spare = sum(value - len(inside) for value, _, _, inside in placed)
    ok = (
        all(len(inside) <= value for value, _, _, inside in placed)
        and not outside
        and spare == len(undated)
    )
    parts = []
    for value, start, end, inside in placed:
        parts.append(
            f"{value} stated {_window_label(start, end)[len('completion ') :]}, {len(inside)} found"
        )
    verdict = "consistent" if ok else "inconsistent"
    undated_text = ", ".join(str(a.number) for a in undated) or "none"
    message = (
        f"stated completion windows{' of the ' + rag + ' AFIs' if rag else ''}: {'; '.join(parts)}; "
        f"AFIs with no anticipated completion: {undated_text}; {verdict}"
    )
    if ok and undated:
        message += " (which window each of those falls in cannot be told)"
    if outside:
        message += "; outside every window: " + ", ".join(str(a.number) for a in outside)
    ctx.warnings.append(ctx.doc.warning(message, line))


def _check_totals(ctx: Context, counts: dict[str, tuple[int, int]], afis: list[Afi]) -> None:
    for rag, (value, line) in counts.items():
        found = sum(1 for a in afis if a.rag == rag)
        if found != value:
            ctx.warnings.append(
                ctx.doc.warning(
                    f"the paper states {value} {rag} AFIs; {found} carry that RAG", line
                )
            )
