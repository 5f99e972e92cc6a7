"""Extractor for agenda packs, minutes and meeting notes of panels and boards.

A police and crime panel's agenda pack bundles several papers, each in a
layout of its own, and this extractor first cuts the pack at their openings:

- the **agenda** ("Notice is hereby given that a meeting of <panel> will be
  held in <place> on <date>", then items "1 …", "B1 … (Pages 7 - 12)");
- **minutes** ("MINUTES of a meeting of <panel> held in <place> on <date>",
  PRESENT / ALSO PRESENT / IN ATTENDANCE, numbered minutes with "(Item B1)"
  and "RESOLVED …", undertakings "agreed to … following the meeting");
- the commissioner's **papers** to the panel ("To: / Subject: / Date:"),
  which state governance (a change programme's owner, lead and boards; who
  chairs a board; who holds whom to account);
- **meeting notes** of a board ("Meeting Notes", the board, the date, the
  attendees as "Name - Post (ABBR)", apologies, numbered items, the
  inspections discussed, the auditors, and the action log table).

Each meeting is a Meeting node of its board; items hang off it with
``HAS_ITEM`` and point at what they discuss (an earlier meeting's minutes, a
PEEL round, an inspection, a programme) with ``DISCUSSES``.

>>> doc = TextDocument.from_text(EXAMPLE, path="notes.txt")
>>> extraction = MinutesExtractor().extract(doc)
>>> sorted({f.type for f in extraction.facts if f.kind == "edge"})[:4]
['ATTENDED_BY', 'HAS_ITEM', 'HAS_STATUS', 'HOLDS']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from oversight.loaders.families.minutes.governance import governance, programme
from oversight.loaders.models import Evidence, Extraction, Ref, TextDocument
from oversight.loaders.toolkit import naming
from oversight.loaders.toolkit.auditors import auditors_in
from oversight.loaders.toolkit.counts import NUM, read_counts
from oversight.loaders.toolkit.facts import Facts
from oversight.loaders.toolkit.gazetteer import board_mentions, force_pattern, scanner
from oversight.loaders.toolkit.naming import short_title
from oversight.loaders.toolkit.publication import inspection_kind, read_force_inspected
from oversight.loaders.toolkit.spans import Para, clean_cell, paragraphs, sentence_spans
from oversight.loaders.toolkit.statuses import outcome_for, status_for
from oversight.loaders.toolkit.tables import Table, read_tables
from oversight.loaders.toolkit.textparse import find_dates, parse_date, parse_number
from oversight.ontology import R, normalise_label, ontology

__all__ = ["MinutesExtractor", "Part", "split_parts", "EXAMPLE"]

EXAMPLE = """Meeting Notes

Performance and Delivery Board
Wednesday 6 March 2024
Force Headquarters
 Essex Police: Jane Roe - Chief Constable (CC) John Doe - Deputy Chief Constable (DCC)

1. Welcome

- The PCC welcomed the CC and DCC.

\tStatus\tOwner\tDue date
Provide a briefing on road safety\tOpen\tForce\t05/06/2024
"""

_TITLES = r"(?:Councillor|Cllr|Mr|Mrs|Ms|Miss|Dr)"
_HONOURS = re.compile(r"^(?:OBE|MBE|CBE|QPM|JP|DL|KC|QC|BEM)\b", re.I)


@dataclass
class Part:
    """A paper within the pack: its kind and its first and last line."""

    kind: str
    start: int
    end: int


_MARKERS = [
    ("agenda", re.compile(r"^\s*AGENDA\s*$|Notice is hereby given that a meeting of", re.I)),
    ("minutes", re.compile(r"^\s*MINUTES\s+of\s+(?:a|the)\s+meeting\s+of\b", re.I)),
    ("paper", re.compile(r"^\s*To:\s+\S")),
    ("notes", re.compile(r"^\s*(?:Meeting\s+Notes|Notes\s+of\s+(?:the\s+)?meeting)\s*$", re.I)),
    ("other", re.compile(r"^\s*[A-Z][^\d\t]{0,80}\bFuture\s+work\s+programme\b", re.I)),
]


def split_parts(lines: list[str]) -> list[Part]:
    """Cut a pack into its papers at their opening lines (see the module docstring).

    >>> [(p.kind, p.start) for p in split_parts(["AGENDA", "x", "MINUTES of a meeting of the Panel", "y"])]
    [('agenda', 1), ('minutes', 3)]
    """
    starts: list[tuple[int, str]] = []
    for number, raw in enumerate(lines, start=1):
        for kind, pattern in _MARKERS:
            if pattern.search(raw):
                if not (
                    starts
                    and starts[-1][1] == kind
                    and kind == "agenda"
                    and number - starts[-1][0] < 12
                ):
                    starts.append((number, kind))
                break
    if not starts or starts[0][0] > 1:
        starts.insert(0, (1, "other"))
    parts = []
    for index, (start, kind) in enumerate(starts):
        end = starts[index + 1][0] - 1 if index + 1 < len(starts) else len(lines)
        parts.append(Part(kind, start, end))
    return parts


@dataclass
class _Meeting:
    ref: Ref
    board: Ref
    date: str
    line: int


class MinutesExtractor:
    """Reads agenda packs, minutes and meeting notes (family ``minutes``)."""

    family = "minutes"

    def detect(self, doc: TextDocument) -> float:
        """How sure this is an agenda, minutes or notes of a meeting, from their set phrases.

        Parameters
        ----------
        doc : TextDocument
            The pack or paper; only its content is read.

        Returns
        -------
        float
            0..1 from the phrases only meetings use: "MINUTES of a meeting",
            "RESOLVED", "Meeting Notes", "PRESENT:", an agenda notice, an
            action log with owners and due dates, attendees as "Name - Post
            (ABBR)". A commissioner's paper to a panel has none of them, so a
            progress paper is not claimed.
        """
        text = doc.text
        score = 0.0
        if re.search(r"^\s*MINUTES\s+of\s+(?:a|the)\s+meeting", text, re.M | re.I):
            score += 0.4
        resolved = len(re.findall(r"^\s*RESOLVED\b", text, re.M))
        score += 0.3 if resolved >= 3 else (0.2 if resolved else 0.0)
        if re.search(
            r"^\s*(?:Meeting\s+Notes|Notes\s+of\s+(?:the\s+)?(?:previous\s+)?meeting)",
            text,
            re.M | re.I,
        ):
            score += 0.2
        if re.search(r"^\s*(?:PRESENT:|Apologies\b)", text, re.M):
            score += 0.15
        if re.search(r"^\s*AGENDA\s*$", text, re.M) and re.search(
            r"Notice is hereby given", text, re.I
        ):
            score += 0.3
        if re.search(r"\bOwner\t+Due\s+date\b", text, re.I):
            score += 0.15
        if (
            len(re.findall(r"[A-Z][a-z]+ [A-Z][a-z'-]+ - [A-Z][A-Za-z' ]+\([A-Z]{2,5}\)", text))
            >= 2
        ):
            score += 0.2
        if re.search(r"^\s*Date of next\b", text, re.M | re.I):
            score += 0.1
        return round(min(score, 1.0), 3)

    def extract(self, doc: TextDocument) -> Extraction:
        """Meetings, attendance, items, actions, inspections discussed and governance of the pack.

        Parameters
        ----------
        doc : TextDocument
            An agenda pack, minutes, or a board's meeting notes.

        Returns
        -------
        Extraction
            Titled and dated by the first meeting the pack calls or records;
            facts for every paper :func:`split_parts` finds in it, and the
            governance the whole pack states (:mod:`~oversight.loaders.families.minutes.governance`).
        """
        facts = Facts(doc)
        force = naming.find_force(doc)
        if force is None:
            facts.warn("no force named in the paper; force-level facts are keyed without one")
        names = _full_names(doc.lines)
        parts = split_parts(doc.lines)
        programmes: dict[str, Ref] = {}
        for part in parts:
            if part.kind == "paper":
                subject = _paper_subject(doc.lines, part)
                if subject:
                    found = programme(
                        facts, doc, force, subject[0], subject[1], part.start, part.end
                    )
                    if found is not None:
                        programmes[normalise_label(subject[0])] = found
        title = date = None
        for part in parts:
            meeting = None
            if part.kind == "agenda":
                meeting = _agenda(facts, doc, force, part, programmes)
            elif part.kind == "minutes":
                meeting = _minutes(facts, doc, force, part, names, programmes)
            elif part.kind == "notes":
                meeting = _notes(facts, doc, force, part, names, programmes)
            if meeting is not None and title is None:
                board_name = ontology().gazetteer.lookup(meeting.board.name or "", "Board")
                label = board_name.pref_label if board_name else meeting.board.name
                title = f"{label}: {dict(agenda='agenda', minutes='minutes', notes='meeting notes')[part.kind]}"
                date = meeting.date
        governance(facts, doc, force, paragraphs(doc.lines, 1, len(doc.lines)))
        return Extraction(
            document=doc.record(title=title, date=date), facts=facts.facts(), warnings=facts.warnings
        )


# --------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------


def _full_names(lines: list[str]) -> list[str]:
    """Full names the pack gives people ("Councillor Peter Feacey", "Matthew Scott - …").

    A name is at most five words: unbounded repetition would try every length of a
    run of capitalised words at every start ("Amber Amber Amber …"), quadratic in
    the line; bounded, each start does a fixed amount of work.
    """
    found: list[str] = []
    for raw in lines:
        for match in re.finditer(
            rf"\b{_TITLES}\s+((?:[A-Z][a-z]+)(?:[ -][A-Z][a-z'\u2019]+){{1,4}})", raw
        ):
            found.append(match.group(1))
        for match in re.finditer(r"\b([A-Z][a-z]+(?: [A-Z][a-z'\u2019-]+){1,4})\s+-\s+[A-Z]", raw):
            found.append(match.group(1))
    return sorted(set(found))


def _person_name(text: str, names: list[str]) -> str:
    """A person's name without titles and honours, expanded from initials when the pack gives it in full.

    >>> _person_name("Cllr Mrs J Hollingsbee", ["Jenny Hollingsbee", "Peter Feacey"])
    'Jenny Hollingsbee'
    >>> _person_name("Mr P M Hill, OBE", ["Mike Hill"])
    'Mike Hill'
    """
    name = re.sub(rf"^(?:{_TITLES}\s+)+", "", text.strip())
    name = re.sub(r",?\s*\b(?:OBE|MBE|CBE|QPM|JP|DL|KC|QC|BEM)\b", "", name).strip(" ,")
    initials = re.fullmatch(r"((?:[A-Z]\.?\s+){1,3})([A-Z][A-Za-z'\u2019-]+)", name)
    if initials:
        letters = set(re.findall(r"[A-Z]", initials.group(1)))
        surname = initials.group(2)
        candidates = [n for n in names if n.split()[-1] == surname and n[0] in letters]
        if len(candidates) == 1:
            return candidates[0]
    return name


def _attendance_list(
    facts: Facts,
    doc: TextDocument,
    force: Ref | None,
    meeting: _Meeting,
    line: int,
    text_start: int,
    names: list[str],
) -> None:
    """People of a "PRESENT: A (Chairman), B and C" line, with the post or role in brackets."""
    raw = doc.lines[line - 1]
    body = raw[text_start:]
    for match in re.finditer(
        rf"(?:^|,\s*|\s+and\s+)(?P<who>(?:{_TITLES}\s+)+[^,()]+?(?:,\s*(?:OBE|MBE|CBE|QPM|JP|DL|BEM))?)(?:\s*\((?P<role>[^)]+)\))?(?=,|\s+and\s+{_TITLES}|\s*$)",
        body,
    ):
        who = match.group("who")
        role = match.group("role")
        person = naming.person_ref(_person_name(who, names), force)
        ev = facts.evidence(line, quote=body[match.start("who") : match.end()].strip())
        facts.edge(R.ATTENDED_BY, meeting.ref, person, ev, role=role)
        if role and ontology().gazetteer.lookup(role, "Post", force=force.name if force else None):
            facts.edge(R.HOLDS, person, naming.post_ref(role, force), ev)
        if role and re.fullmatch(r"chair(?:man|woman|person)?", role.strip(), re.I):
            facts.edge(R.CHAIRED_BY, meeting.board, person, ev, role=role)


_NAME_POST = re.compile(
    r"(?P<name>[A-Z][A-Za-z'\u2019]+(?:[ -][A-Z][A-Za-z'\u2019]+){1,3})\s+-\s+"
    r"(?P<post>[A-Z][\w'\u2019]*(?:\s+(?:[A-Z][\w'\u2019]*|and|of|the|for))*)\s*(?:\((?P<abbr>[A-Z&]{2,6})\))?"
)


def _name_posts(
    facts: Facts, doc: TextDocument, force: Ref | None, line: int, names: list[str]
) -> list[tuple[Ref, str, Evidence]]:
    """ "Name - Post (ABBR)" pairs of one line: the person, the post as written, the evidence."""
    found = []
    raw = doc.lines[line - 1]
    for match in _NAME_POST.finditer(raw):
        post = match.group("post").strip()
        if not ontology().gazetteer.lookup(post, "Post", force=force.name if force else None):
            continue
        person = naming.person_ref(match.group("name"), force)
        ev = facts.evidence(line, quote=match.group(0).strip())
        facts.edge(R.HOLDS, person, naming.post_ref(post, force), ev)
        found.append((person, post, ev))
    return found


# --------------------------------------------------------------------------
# Meetings
# --------------------------------------------------------------------------


def _meeting(
    facts: Facts,
    force: Ref | None,
    board_name: str,
    date: str,
    line: int,
    quote: str | None,
    location: str | None,
) -> _Meeting:
    board = naming.board_ref(board_name.strip(), force)
    ref = Ref.of("Meeting", date, within=board)
    ev = facts.evidence(line, quote=quote)
    facts.node(ref, ev, date=date, location=location)
    facts.edge(R.MEETING_OF, ref, board, ev)
    return _Meeting(ref, board, date, line)


def _item(
    facts: Facts,
    doc: TextDocument,
    force: Ref | None,
    meeting: _Meeting,
    ref_text: str,
    title: str,
    line: int,
    quote: str | None,
    programmes: dict[str, Ref],
    number: int | None = None,
) -> Ref:
    """An agenda item of ``meeting`` and what its title says it discusses."""
    title = clean_cell(re.sub(r"\s*\(\s*Pages?\s*[\d\s-]+\)\s*$", "", title)).strip(" .")
    item = Ref.of("AgendaItem", str(number) if number is not None else ref_text, within=meeting.ref)
    ev = facts.evidence(line, quote=quote)
    item_ref = ref_text if ref_text != str(number) else None
    facts.node(
        item,
        ev,
        title=title,
        number=number if number is not None else _int(ref_text),
        itemRef=item_ref or ref_text,
    )
    facts.edge(R.HAS_ITEM, meeting.ref, item, ev)
    _discusses(facts, force, meeting, item, title, ev, programmes)
    return item


def _int(text: str) -> int | None:
    return int(text) if text.isdigit() else None


def _discusses(
    facts: Facts,
    force: Ref | None,
    meeting: _Meeting,
    item: Ref,
    title: str,
    ev: Evidence,
    programmes: dict[str, Ref],
) -> None:
    """What an item's title names: an earlier meeting's minutes, a PEEL round, a programme."""
    if re.match(r"(?:minutes|notes)\s+of\b", title, re.I):
        dates = find_dates(title)
        boards = board_mentions(title)
        if dates and len(dates[-1][2]) == 10:
            if boards:
                board = naming.board_ref(boards[0].surface, force)
            elif re.search(r"\bprevious\s+meeting\b", title, re.I):
                board = meeting.board
            else:
                board = None
            if board is not None:
                other = Ref.of("Meeting", dates[-1][2], within=board)
                facts.node(other, ev, date=dates[-1][2])
                facts.edge(R.MEETING_OF, other, board, ev)
                facts.edge(R.DISCUSSES, item, other, ev)
    peel = re.search(r"\bPEEL\b[^()]*?\b(20\d\d(?:\s*[/-]\s*\d\d)?)\b", title)
    if peel and force is not None:
        round_ = naming.peel_round(peel.group(1))
        if round_:
            peel_ref = naming.peel_inspection(force, round_, naming.peel_pillar(title, round_))
            facts.node(peel_ref, ev, kind="peel", round=round_)
            facts.edge(R.DISCUSSES, item, peel_ref, ev)
    found = programmes.get(normalise_label(title))
    if found is not None:
        facts.edge(R.DISCUSSES, item, found, ev)


_NOTICE = re.compile(
    r"meeting\s+of\s+(?:the\s+)?(?P<board>.+?)\s+will\s+be\s+held\s+(?:in|at)\s+(?:the\s+)?(?P<place>.+?)\s+on\s+(?P<when>.+)",
    re.I,
)
_ITEM_LINE = re.compile(r"^\s*(?:-\s*)?(?P<ref>[A-F]\d{1,2}|\d{1,2})\s+(?P<title>[A-Z].+?)\s*$")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_ITEM_SPLIT = re.compile(
    rf"\s(?=(?:[A-F]\d{{1,2}}|\d{{1,2}})\s+(?!(?:{_MONTHS})\b)[A-Z][a-z])"
    r"|\s(?=[A-F]\s+-\s)|(?<=\))\s"
)


def _agenda(
    facts: Facts, doc: TextDocument, force: Ref | None, part: Part, programmes: dict[str, Ref]
) -> _Meeting | None:
    """The meeting an agenda calls, and its items."""
    meeting = None
    for line in range(part.start, part.end + 1):
        notice = _NOTICE.search(clean_cell(doc.lines[line - 1]))
        if notice:
            dates = find_dates(notice.group("when"))
            if not dates:
                facts.warn("agenda notice states no date; meeting not recorded", line)
                return None
            meeting = _meeting(
                facts,
                force,
                notice.group("board"),
                dates[0][2],
                line,
                None,
                notice.group("place").strip(" ,"),
            )
            break
    if meeting is None:
        return None
    seen: set[str] = set()
    exempt = next(
        (
            n
            for n in range(meeting.line, part.end + 1)
            if re.match(r"^\s*EXEMPT\s+ITEMS", doc.lines[n - 1])
        ),
        part.end,
    )
    for line in range(meeting.line + 1, exempt):
        raw = doc.lines[line - 1]
        whole = _ITEM_LINE.match(raw)
        if whole and len(raw) < 160 and not re.match(r"^\s*[A-F]\s+-", raw):
            segments = [(whole.group("ref"), whole.group("title"), raw.strip())]
        else:
            segments = []
            for piece in _ITEM_SPLIT.split(raw):
                found = _ITEM_LINE.match(piece)
                if found and re.search(r"\(Pages?\b", piece):
                    segments.append((found.group("ref"), found.group("title"), piece.strip()))
                elif found and found.group("ref")[0].isdigit() and len(piece) < 120:
                    segments.append((found.group("ref"), found.group("title"), piece.strip()))
        for ref_text, title, quote in segments:
            if ref_text in seen or re.fullmatch(r"\d{3,}", ref_text):
                continue
            seen.add(ref_text)
            _item(facts, doc, force, meeting, ref_text, title, line, quote, programmes)
    return meeting


_MINUTES_HEAD = re.compile(
    r"MINUTES\s+of\s+(?:a|the)\s+meeting\s+of\s+(?:the\s+)?(?P<board>.+?)\s+held\s+(?:in|at)\s+(?:the\s+)?"
    r"(?P<place>.+?)\s+on\s+(?P<when>.+?)\.?\s*$",
    re.I,
)
_MINUTE = re.compile(
    r"^\s*(?P<n>\d{1,3})\.\s+(?P<title>\S.*?)\s*(?:\(\s*\*?Item\s+(?P<item>[A-Z]?\d{1,2})\*?\s*\))?\s*$"
)


def _minutes(
    facts: Facts,
    doc: TextDocument,
    force: Ref | None,
    part: Part,
    names: list[str],
    programmes: dict[str, Ref],
) -> _Meeting | None:
    """A panel's minutes: the meeting, who was present, the minutes and what was resolved."""
    head = _MINUTES_HEAD.search(clean_cell(doc.lines[part.start - 1]))
    if head is None:
        facts.warn("minutes heading not understood; meeting not recorded", part.start)
        return None
    dates = find_dates(head.group("when"))
    if not dates:
        facts.warn("minutes heading states no date; meeting not recorded", part.start)
        return None
    meeting = _meeting(
        facts,
        force,
        head.group("board"),
        dates[0][2],
        part.start,
        None,
        head.group("place").strip(" ,"),
    )
    for line in range(part.start + 1, part.end + 1):
        attendance = re.match(
            r"^\s*(?:ALSO\s+PRESENT|PRESENT|IN\s+ATTENDANCE):\s*", doc.lines[line - 1]
        )
        if attendance:
            _attendance_list(facts, doc, force, meeting, line, attendance.end(), names)
    headings = _minute_headings(doc.lines, part.start + 1, part.end)
    actions = 0
    for index, (line, number, title, item_ref) in enumerate(headings):
        stop = headings[index + 1][0] - 1 if index + 1 < len(headings) else part.end
        if item_ref is None:
            for look in range(line + 1, min(stop, line + 3) + 1):
                found = re.match(
                    r"^\s*\(\s*\*?Item\s+([A-Z]?\d{1,2})\*?\s*\)\s*$", doc.lines[look - 1]
                )
                if found:
                    item_ref = found.group(1)
                    break
        item = _item(
            facts,
            doc,
            force,
            meeting,
            item_ref or str(number),
            title,
            line,
            None,
            programmes,
            number=number,
        )
        if item_ref:
            facts.node(item, facts.evidence(line), itemRef=item_ref)
        for look in range(line + 1, stop + 1):
            raw = doc.lines[look - 1]
            if re.match(r"^\s*RESOLVED\b", raw):
                facts.node(
                    item,
                    facts.evidence(look),
                    resolution=clean_cell(re.sub(r"^\s*RESOLVED\s*", "", raw)),
                )
                break
        for para in paragraphs(doc.lines, line + 1, stop):
            for a, b in sentence_spans(para.text):
                actions = _undertaking(facts, doc, force, meeting, para, a, b, actions)
    return meeting


def _minute_headings(
    lines: list[str], start: int, end: int
) -> list[tuple[int, int, str, str | None]]:
    """The numbered minute headings: the longest run of short numbered lines counting up by one.

    Paragraphs inside a minute are numbered too ("1. The Commissioner
    introduced …"); they are long or end like sentences, and where a short
    one slips through, the longer run of minute numbers still wins.
    """
    candidates = []
    for line in range(start, end + 1):
        match = _MINUTE.match(lines[line - 1])
        if not match:
            continue
        title = match.group("title")
        if len(title) > 150 or (
            title.rstrip().endswith((".", ":", ";")) and not match.group("item")
        ):
            continue
        candidates.append((line, int(match.group("n")), clean_cell(title), match.group("item")))
    best: list[tuple[int, int, str, str | None]] = []
    for index, first in enumerate(candidates):
        run = [first]
        for later in candidates[index + 1 :]:
            if later[1] == run[-1][1] + 1:
                run.append(later)
        if len(run) > len(best):
            best = run
    return best


def _undertaking(
    facts: Facts,
    doc: TextDocument,
    force: Ref | None,
    meeting: _Meeting,
    para: Para,
    a: int,
    b: int,
    count: int,
) -> int:
    """ "The Commissioner agreed to provide …, following the meeting": an action the post owns."""
    sentence = para.text[a:b]
    match = re.search(
        r"\b(?P<who>[A-Z][\w'\u2019 ]{1,60}?)\s+agreed\s+to\s+(?P<what>[^.]*?\bfollowing\s+the\s+meeting\b[^.]*)",
        sentence,
    )
    if not match:
        return count
    posts = [
        p for p in scanner("Post").find(match.group("who")) if p.end == len(match.group("who"))
    ]
    if not posts:
        return count
    count += 1
    what = re.sub(r",?\s*following\s+the\s+meeting,?", "", match.group("what")).strip(" ,")
    action = Ref.of("Action", str(count), within=meeting.ref)
    ev = para.evidence(doc.lines, a, b, doc)
    facts.node(action, ev, number=count, text=what[:1].upper() + what[1:])
    facts.edge(R.ISSUED, meeting.ref, action, ev)
    facts.edge(R.OWNED_BY, action, naming.post_ref(posts[0].surface, force), ev)
    return count


def _paper_subject(lines: list[str], part: Part) -> tuple[str, int] | None:
    for line in range(part.start, min(part.end, part.start + 8) + 1):
        match = re.match(r"^\s*Subject:\s*(?P<s>\S.*?)\s*$", lines[line - 1])
        if match:
            return clean_cell(match.group("s")), line
    return None


def _notes(
    facts: Facts,
    doc: TextDocument,
    force: Ref | None,
    part: Part,
    names: list[str],
    programmes: dict[str, Ref],
) -> _Meeting | None:
    """A board's meeting notes: meeting, attendees, apologies, items, inspections, auditors, actions."""
    content = [n for n in range(part.start + 1, part.end + 1) if doc.lines[n - 1].strip()]
    if len(content) < 2:
        return None
    board_line, date_line = content[0], content[1]
    date = parse_date(doc.lines[date_line - 1])
    boards = board_mentions(doc.lines[board_line - 1])
    if date is None or not boards:
        facts.warn(
            "meeting notes without a board and date under the heading; not recorded", part.start
        )
        return None
    location = None
    if len(content) > 2 and not _NAME_POST.search(doc.lines[content[2] - 1]):
        location = clean_cell(doc.lines[content[2] - 1])
    meeting = _meeting(facts, force, boards[0].surface, date, date_line, None, location)
    facts.node(meeting.ref, facts.evidence(board_line), title=clean_cell(doc.lines[board_line - 1]))
    items = _numbered_items(doc.lines, part.start, part.end)
    first_item = items[0][0] if items else part.end + 1
    apologies = False
    for line in content[2:]:
        if line >= first_item:
            break
        raw = doc.lines[line - 1]
        if re.match(r"^\s*Apologies\b", raw, re.I):
            apologies = True
            continue
        for person, post, ev in _name_posts(facts, doc, force, line, names):
            if not apologies:
                facts.edge(R.ATTENDED_BY, meeting.ref, person, ev, role=post)
    for index, (line, number, title) in enumerate(items):
        stop = items[index + 1][0] - 1 if index + 1 < len(items) else part.end
        item = _item(
            facts, doc, force, meeting, str(number), title, line, None, programmes, number=number
        )
        paras = paragraphs(doc.lines, line + 1, stop)
        for para in paras:
            _inspection_discussed(facts, doc, force, meeting, item, para, paras)
            if force is not None:
                auditors_in(facts, doc, force, para, None)
    for table in read_tables(doc.lines, part.start, part.end):
        if {"status", "owner", "due"} <= set(table.fields):
            _action_log(facts, doc, force, meeting, table)
    return meeting


def _numbered_items(lines: list[str], start: int, end: int) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    for line in range(start, end + 1):
        match = re.match(r"^\s*(\d{1,2})\.\s+(\S.{0,120}?)\s*$", lines[line - 1])
        if not match:
            continue
        number = int(match.group(1))
        if number == (found[-1][1] + 1 if found else 1):
            found.append((line, number, clean_cell(match.group(2))))
    return found


def _action_log(
    facts: Facts, doc: TextDocument, force: Ref | None, meeting: _Meeting, table: Table
) -> None:
    """Each action of the log: text, status (dated by the meeting), owner, due date."""
    for count, row in enumerate(table.rows, start=1):
        text = clean_cell(table.value(row, "text") or "")
        status_cell = table.value(row, "status") or ""
        owner = clean_cell(table.value(row, "owner") or "")
        due = parse_date(table.value(row, "due") or "")
        ev = facts.evidence(row.first)
        action = Ref.of("Action", str(count), within=meeting.ref)
        facts.node(
            action, ev, number=count, text=text, deadline=due, missing=None if due else ["deadline"]
        )
        facts.edge(R.ISSUED, meeting.ref, action, ev)
        owner_ref = _owner(owner, force)
        if owner_ref is not None:
            facts.edge(R.OWNED_BY, action, owner_ref, ev)
        status = status_for(status_cell)
        if status:
            assessment = Ref.of("StatusAssessment", meeting.date, within=action)
            facts.node(assessment, ev, status=status, date=meeting.date)
            facts.edge(R.HAS_STATUS, action, assessment, ev)
        else:
            facts.warn(f"action {count}: status {status_cell!r} not understood", row.first)


def _owner(text: str, force: Ref | None) -> Ref | None:
    """The owner a log names: the force ("Force"), a post, a board, or a person."""
    if not text:
        return None
    if re.fullmatch(rf"(?:the\s+)?(?:force|{force_pattern(force)})", text, re.I):
        return force
    if ontology().gazetteer.lookup(text, "Post"):
        return naming.post_ref(text, force)
    if ontology().gazetteer.lookup(text, "Board"):
        return naming.board_ref(text, force)
    return naming.person_ref(text, force)


_PUBLICATION = re.compile(
    r"^\s*[-\u2022]?\s*(?P<prefix>(?:[A-Z&]{2,8}\s+)*Publication:?\s*(?:Super[\s-]?Complaint:?\s*)?)(?P<title>[^:]+?):\s+(?P<rest>.+)$"
)


def _inspection_discussed(
    facts: Facts,
    doc: TextDocument,
    force: Ref | None,
    meeting: _Meeting,
    item: Ref,
    para: Para,
    paras: list[Para],
) -> None:
    """An inspection a board item reports ("HMICFRS Publication <title>: Kent was one of …")."""
    match = _PUBLICATION.match(para.text)
    if not match:
        return
    prefix, title, rest = (
        match.group("prefix"),
        clean_cell(match.group("title")),
        match.group("rest"),
    )
    kind = inspection_kind(
        f"{title} {'super complaint' if re.search('complaint', prefix, re.I) else ''}", rest
    )
    bodies = scanner("Inspectorate").find(prefix)
    in_title = force is not None and re.search(rf"\b{force_pattern(force)}\b", title)
    if in_title:
        inspection = Ref.of("Inspection", short_title(title, force), within=force)
    elif bodies:
        inspection = Ref.of("Inspection", title, within=naming.body_ref(bodies[0].surface))
    else:
        inspection = Ref.of("Inspection", title)
    title_ev = para.evidence(doc.lines, match.start("title"), match.end("title"), doc)
    facts.node(inspection, title_ev, title=title, kind=kind)
    for body in bodies:
        facts.edge(
            R.CONDUCTED_BY,
            inspection,
            naming.body_ref(body.surface),
            para.evidence(doc.lines, body.start, body.end, doc),
        )
    facts.edge(R.DISCUSSES, item, inspection, title_ev)
    offset = match.start("rest")
    if in_title:
        facts.node(inspection, title_ev, forceInspected=True)
        facts.edge(R.INSPECTED, inspection, force, title_ev)  # type: ignore[arg-type]
    else:
        found = read_force_inspected(rest, force)
        if found:
            ev = para.evidence(doc.lines, offset + found[1], offset + found[2], doc)
            facts.node(inspection, ev, forceInspected=found[0])
            if found[0] and force is not None:
                facts.edge(R.INSPECTED, inspection, force, ev)
    counted: set[str] = set()
    for a, b in sentence_spans(rest):
        sentence = rest[a:b]
        ev = para.evidence(doc.lines, offset + a, offset + b, doc)
        for name, value in read_counts(sentence).items():
            if name not in counted:
                counted.add(name)
                facts.node(inspection, ev, **{name: value})
        for outcome, pattern in (
            ("discharged", rf"\bdischarged\s+(?P<n>{NUM})\b"),
            ("closed", rf"\bclosed\s+(?P<n>{NUM})\b"),
            ("open", rf"\bremaining\s+(?P<n>{NUM})\b[^.]*\b(?:would|will)\b"),
        ):
            stated = re.search(pattern, sentence, re.I)
            if stated:
                ref = Ref.of("StatedCount", meeting.date or facts.stamp, outcome, within=inspection)
                facts.node(ref, ev, outcome=outcome, count=parse_number(stated.group("n")))
                facts.edge(R.HAS_STATED_COUNT, inspection, ref, ev)
    grade = re.search(
        r"\bgraded\s+['\u2018\"]?(?P<g>Outstanding|Good|Adequate|Requires\s+Improvement|Inadequate)",
        rest,
        re.I,
    )
    area_name = short_title(title, force) if in_title else title
    slug = naming.area_slug(area_name)
    if grade:
        ev = para.evidence(doc.lines, offset + grade.start(), offset + grade.end(), doc)
        notation = ontology().vocabulary("Grades").notation_for(grade.group("g"))
        if slug:
            judgement = Ref.of("Judgement", slug, within=inspection)
            five = notation == "adequate"
            facts.node(
                judgement,
                ev,
                grade=notation,
                gradeScale="peel-5" if five else None,
                deduced=["gradeScale"] if five else None,
                deducedFrom=["gradeScale: 'adequate' exists only on the five-tier scale"]
                if five
                else None,
            )
            facts.edge(R.HAS_JUDGEMENT, inspection, judgement, ev)
            facts.edge(R.IN_AREA, judgement, naming.area_ref(area_name), ev)
        else:
            facts.warn(
                f"inspection {title!r} graded {grade.group('g')!r} in no known assessment area",
                ev.line,
            )
    if slug and re.search(r"\bAFIs\b", rest):
        _discussed_afis(facts, doc, meeting, inspection, slug, area_name, para, paras, rest)


def _discussed_afis(
    facts: Facts,
    doc: TextDocument,
    meeting: _Meeting,
    inspection: Ref,
    slug: str,
    area_name: str,
    para: Para,
    paras: list[Para],
    rest: str,
) -> None:
    """The AFIs a board item lists under an inspection, with the status the item gives them."""
    index = paras.index(para)
    status = outcome_for(rest)
    status_ev = para.evidence(doc.lines, para.text.find(rest), len(para.text), doc)
    number = 0
    for following in paras[index + 1 :]:
        raw = doc.lines[following.first - 1]
        if not re.match(r"^\s+[-\u2022]\s+", raw):
            break
        number += 1
        text = re.sub(r"^\s*[-\u2022]\s*", "", following.text)
        cut = re.search(
            r"\s+the\s+(?:[A-Z]{2,4}|Chief\s+Constable|Deputy\s+Chief\s+Constable)\s+(?:said|reported|advised|stated|confirmed)\b",
            text,
        )
        description = text[: cut.start()] if cut else text
        start = following.text.find(description)
        afi = Ref.of("AreaForImprovement", slug, str(number), within=inspection)
        ev = following.evidence(doc.lines, start, start + len(description), doc)
        facts.node(afi, ev, number=number, text=clean_cell(description))
        facts.edge(R.ISSUED, inspection, afi, ev)
        facts.edge(R.IN_AREA, afi, naming.area_ref(area_name), ev)
        if status:
            assessment = Ref.of("StatusAssessment", meeting.date, within=afi)
            facts.node(assessment, status_ev, status=status, date=meeting.date)
            facts.edge(R.HAS_STATUS, afi, assessment, status_ev)
