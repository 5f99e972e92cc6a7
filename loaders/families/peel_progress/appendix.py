"""The AFI appendix: one record per AFI, with its heading, progress columns, RAG and completion date.

An appendix heads each AFI ("AFI 5 – …") or, in some papers, leaves the
first ones unheaded; columns ("Action taken", "Ongoing activity") are read
by their headers, inline or collapsed.
"""

from __future__ import annotations

import re

from oversight.loaders.families.peel_progress.cells import (
    ANTICIPATED,
    BULLET_PREFIX,
    COMPLETED_CELL,
    HEADER_INLINE,
    HEADER_PREFIX,
    HEADING,
    LINKED,
    RAG_BOLD,
    RAG_CELL,
    RAG_TRAILING,
    Afi,
    has_text,
    header_mode,
    is_completion,
    is_marker,
    plain_heading,
    previous_nonblank,
    split_cells,
)
from oversight.loaders.models import ExtractionWarning, TextDocument
from oversight.loaders.toolkit import textparse


def _longest_increasing(items: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of (line, number) pairs whose numbers strictly increase, in line order.

    >>> _longest_increasing([(10, 29), (20, 2), (30, 3), (40, 5)])
    [(20, 2), (30, 3), (40, 5)]
    """
    if not items:
        return []
    best = [1] * len(items)
    back = [-1] * len(items)
    for i in range(len(items)):
        for j in range(i):
            if items[j][1] < items[i][1] and best[j] + 1 > best[i]:
                best[i], back[i] = best[j] + 1, j
    end = max(range(len(items)), key=lambda i: (best[i], -i))
    chain = []
    while end != -1:
        chain.append(items[end])
        end = back[end]
    return chain[::-1]


def read_afis(doc: TextDocument, total: int | None, warnings: list[ExtractionWarning]
) -> tuple[list[Afi], int]:
    """Every AFI of the appendix, numbered; and the line where the appendix begins."""
    lines = doc.lines
    candidates = [
        (number, int(m.group("afi") or m.group("n")))
        for number, line in enumerate(lines, 1)
        if (m := HEADING.match(line))
    ]
    bounds = {
        line: (candidates[k + 1][0] - 1 if k + 1 < len(candidates) else len(lines))
        for k, (line, _) in enumerate(candidates)
    }
    # A candidate is an AFI heading when progress follows it before the next AFI
    # begins (a numbered paragraph above a numberless first AFI is not one).
    marked = [
        (line, n)
        for line, n in candidates
        if is_marker(lines[line - 1])
        or any(
            is_marker(lines[i - 1])
            for i in _own(doc, list(range(line + 1, bounds[line] + 1)))
        )
    ]
    chain = _longest_increasing(marked)
    if not chain:
        warnings.append(doc.warning("no numbered AFIs with progress found"))
        return [], len(lines) + 1

    afis: list[Afi] = []
    # Before the first numbered heading: AFIs whose heading lost its number.
    previous = max((line for line, _ in candidates if line < chain[0][0]), default=0)
    region = list(range(previous + 1, chain[0][0]))
    pre = _unheaded(doc, region)
    expected = chain[0][1] - 1
    if pre and len(pre) == expected:
        for k, afi in enumerate(pre, 1):
            afi.number = k
            where = f"before AFI {chain[0][1]} (line {chain[0][0]})"
            _recovered(doc, afi, where, warnings)
        afis.extend(pre)
    elif expected:
        missing = ", ".join(str(n) for n in range(1, expected + 1))
        unplaced = f" ({len(pre)} unnumbered block(s) there cannot be numbered)" if pre else ""
        warnings.append(
            doc.warning(
                f"AFI {missing}: not found before AFI {chain[0][1]}{unplaced}", chain[0][0]
            )
        )
    region_start = min([a.line for a in pre if a.number] + [chain[0][0]])

    for k, (line, number) in enumerate(chain):
        end = chain[k + 1][0] - 1 if k + 1 < len(chain) else len(lines)
        following = chain[k + 1][1] if k + 1 < len(chain) else (total + 1 if total else None)
        body = list(range(line + 1, end + 1))
        split = _split_unheaded(doc, body)
        gap = following - number - 1 if following is not None else 0
        inner = _unheaded(doc, body[split:]) if split is not None else []
        afi = Afi(number=number, line=line, text=None, number_missing=False, body=body)
        if inner and len(inner) == gap:
            afi.body = body[:split]
            for j, extra in enumerate(inner, 1):
                extra.number = number + j
                nxt = f"AFI {following}" if k + 1 < len(chain) else "the stated total"
                _recovered(
                    doc, extra, f"between AFI {number} (line {line}) and {nxt}", warnings
                )
        elif inner and gap and split is not None:
            warnings.append(
                doc.warning(
                    f"{len(inner)} unnumbered AFI block(s) after AFI {number} cannot fill the gap of {gap}; "
                    f"kept under AFI {number}",
                    body[split],
                )
            )
            inner = []
        else:
            inner = []
        if gap and not inner:
            missing = ", ".join(str(n) for n in range(number + 1, number + gap + 1))
            warnings.append(doc.warning(f"AFI {missing}: not found in the paper", line))
        afis.append(afi)
        afis.extend(inner)
    for afi in afis:
        _parse(doc, afi, warnings)
    return sorted(afis, key=lambda a: a.number or 0), region_start


def _recovered(
    doc: TextDocument, afi: Afi, where: str, warnings: list[ExtractionWarning]
) -> None:
    afi.number_missing = True
    if afi.text is not None:
        afi.deduced_number = f"number: heading without a number {where}"
        warnings.append(
            doc.warning(
                f"AFI {afi.number}: heading has lost its number; numbered from its place {where}",
                afi.line,
            )
        )
    else:
        afi.deduced_number = f"number: heading lost; body {where}"
        warnings.append(
            doc.warning(
                f"AFI {afi.number}: heading line lost; numbered from its place {where}; text missing",
                afi.line,
            )
        )


def _own(doc: TextDocument, body: list[int]) -> list[int]:
    """The part of ``body`` before the next unnumbered AFI, if one begins inside it."""
    split = _split_unheaded(doc, body)
    return body if split is None else body[:split]


def _split_unheaded(doc: TextDocument, body: list[int]) -> int | None:
    """Index in ``body`` where a second AFI begins: after a completion line, a new
    "Action Taken" heading with progress under it (the heading line of that AFI was lost)."""
    seen = False
    for k, number in enumerate(body):
        line = doc.line(number)
        if is_completion(line):
            seen = True
            continue
        mode, _ = header_mode(line)
        after_heading = any(
            plain_heading(doc.line(body[j])) for j in previous_nonblank(doc, body, k)
        )
        if (seen or after_heading) and mode in ("actions", "both"):
            if any(doc.line(n).strip() and not is_marker(doc.line(n)) for n in body[k + 1 :]):
                start = k
                # Its heading text, if the number alone was lost, is the line just before.
                for j in range(k - 1, -1, -1):
                    text = doc.line(body[j])
                    if not text.strip():
                        continue
                    if plain_heading(text):
                        start = j
                    break
                return start
    return None


def _unheaded(doc: TextDocument, region: list[int]) -> list[Afi]:
    """AFI blocks in ``region`` that have no numbered heading. Each begins at an
    "Action Taken" heading with progress under it, or at the prose line before
    that heading when only the number was lost; a block ends where the next begins."""
    blocks: list[Afi] = []
    start = _first_unheaded(doc, region)
    while start is not None:
        begin = region[start]
        after = region[start + 1 :]
        nxt = _split_unheaded(doc, after)
        body = after[:nxt] if nxt is not None else after
        if plain_heading(doc.line(begin)):
            blocks.append(Afi(None, begin, "", True, body))
        else:
            content = next(
                (n for n in body if doc.line(n).strip() and not is_marker(doc.line(n))), begin
            )
            blocks.append(Afi(None, content, None, True, [begin, *body]))
        if nxt is None:
            break
        region, start = after[nxt:], 0
    return blocks


def _first_unheaded(doc: TextDocument, region: list[int]) -> int | None:
    for k, number in enumerate(region):
        mode, _ = header_mode(doc.line(number))
        if mode in ("actions", "both") and any(
            doc.line(n).strip() and not is_marker(doc.line(n)) for n in region[k + 1 :]
        ):
            for j in range(k - 1, -1, -1):
                text = doc.line(region[j])
                if text.strip():
                    return j if plain_heading(text) else k
            return k
    return None


def _parse(doc: TextDocument, afi: Afi, warnings: list[ExtractionWarning]) -> None:
    """Fill an AFI from its heading and body lines."""
    mode: str | None = None
    positional: tuple[int, int] | None = None
    if afi.text is not None or not afi.number_missing:
        raw = doc.line(afi.line)
        heading = HEADING.match(raw)
        raw = heading.group("text") if heading and not afi.number_missing else raw
        text, mode, rest = _heading(afi, raw)
        afi.text = text
        if rest:
            _route(afi, [rest], mode, None, afi.line)
    for number in afi.body:
        line = doc.line(number)
        if not line.strip():
            continue
        header, is_positional = header_mode(line)
        if header is not None:
            mode = header
            cells = split_cells(line)
            if is_positional:
                lowered = [c.lower() for c in cells]
                positional = (lowered.index("action taken"), lowered.index("ongoing activity"))
            else:
                positional = None
            continue
        cells = []
        for cell in line.split("\t"):
            kept = _cell(afi, cell, number)
            if kept is not None:
                header_match = HEADER_PREFIX.match(kept)
                if header_match and (header_match.group("a") or header_match.group("o")):
                    a, o = header_match.group("a"), header_match.group("o")
                    mode = "both" if a and o else ("actions" if a else "ongoing")
                    positional = None
                    kept = kept[header_match.end() :].strip()
            cells.append(kept or "")
        _route(afi, cells, mode, positional, number)
    if afi.heading_split:
        warnings.append(
            doc.warning(
                f"AFI {afi.number}: heading text is split across columns by conversion; kept as written",
                afi.line,
            )
        )
    if afi.mixed_lines:
        lines = ", ".join(str(n) for n in afi.mixed_lines)
        warnings.append(
            doc.warning(
                f"AFI {afi.number}: Action Taken and Ongoing Activity cannot be told apart on line(s) {lines}; "
                "kept as progressText",
                afi.mixed_lines[0],
            )
        )
    if afi.completion_unreadable:
        warnings.append(
            doc.warning(
                f"AFI {afi.number}: anticipated completion gives no date", afi.completion_line
            )
        )


def _heading(afi: Afi, raw: str) -> tuple[str, str | None, str]:
    """AFI text, the column a heading-line header opens, and the progress text after it."""
    bold = RAG_BOLD.search(raw)
    if bold:
        afi.set_rag(bold.group(1), afi.line)
        raw = raw[: bold.start()] + " " + raw[bold.end() :]
    mode, rest = None, ""
    inline = HEADER_INLINE.search(raw)
    if inline:
        action, both = inline.group(1), inline.group(2)
        mode = "both" if action and both else ("actions" if action else "ongoing")
        raw, rest = raw[: inline.start()], raw[inline.end() :]
    cells = [c for c in split_cells(raw) if has_text(c)]
    kept = []
    for cell in cells:
        rag = RAG_CELL.match(cell)
        if rag:
            afi.set_rag(rag.group(1), afi.line)
        else:
            kept.append(cell)
    afi.heading_split = len(kept) > 1
    text = " ".join(" ".join(kept).replace("**", "").split())
    trailing = RAG_TRAILING.search(text)
    if trailing:
        afi.set_rag(trailing.group(1), afi.line)
        text = text[: trailing.start()].rstrip()
    link = LINKED.search(text)
    if link:
        afi.links = [int(n) for n in re.findall(r"\d+", link.group(1))]
        text = (text[: link.start()] + text[link.end() :]).strip()
    return text, mode, rest


def _cell(afi: Afi, cell: str, line: int) -> str | None:
    """A cell with its RAG rating and completion taken out; None when nothing else is left."""
    text = cell.strip()
    if not has_text(text):
        return None
    rag = RAG_CELL.match(text)
    if rag:
        afi.set_rag(rag.group(1), line)
        return None
    bold = RAG_BOLD.search(text)
    if bold:
        afi.set_rag(bold.group(1), line)
        text = (text[: bold.start()] + " " + text[bold.end() :]).strip()
    if COMPLETED_CELL.match(text):
        if afi.completion_line is None:
            afi.completed, afi.completion_line = True, line
        return None
    anticipated = ANTICIPATED.search(text)
    if anticipated:
        value, _ = textparse.parse_anticipated_completion(text[anticipated.start() :])
        if afi.completion_line is None:
            afi.anticipated, afi.completion_line = value, line
            afi.completion_unreadable = value is None
        if anticipated.start() == 0 or BULLET_PREFIX.fullmatch(text[: anticipated.start()]):
            return None
        rest = text[anticipated.end() :]
        dates = textparse.find_dates(rest)
        cut = (
            anticipated.end() + dates[0][1] if dates and dates[0][0] <= 4 else anticipated.end()
        )
        text = (text[: anticipated.start()] + " " + text[cut:]).strip()
    return text if has_text(text) else None


def _route(
    afi: Afi, cells: list[str], mode: str | None, positional: tuple[int, int] | None, line: int
) -> None:
    """Put a line's cells into a column: by position when the header gave positions,
    by order when the line has one cell per column, else kept unsorted."""
    filled = [(i, c) for i, c in enumerate(cells) if c]
    if not filled:
        return
    if mode in ("actions", "ongoing"):
        column = afi.actions if mode == "actions" else afi.ongoing
        column.add(" ".join(c for _, c in filled), line)
    elif mode == "both" and positional is not None and len(cells) > 1:
        _, ongoing_at = positional
        left = " ".join(c for i, c in filled if i < ongoing_at)
        right = " ".join(c for i, c in filled if i >= ongoing_at)
        if left:
            afi.actions.add(left, line)
        if right:
            afi.ongoing.add(right, line)
    elif mode == "both" and len(filled) >= 2:
        afi.actions.add(filled[0][1], line)
        afi.ongoing.add(" ".join(c for _, c in filled[1:]), line)
    else:
        afi.unsorted.add(" ".join(c for _, c in filled), line)
        if mode == "both" and line not in afi.mixed_lines:
            afi.mixed_lines.append(line)
