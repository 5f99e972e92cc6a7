"""Meetings, their attendees however punctuated, actions with owners, and people in posts.

- A meeting: a body's name (ending Board, Committee, Panel, Conference or
  Group) with a date on the same line or the next two lines ("ACCOUNTABILITY
  BOARD / Minutes / 8th February 2022", "Executive Board Minutes – 26
  September 2023", "The Public Accountability Board will be held on Tuesday
  12th May, 2020"). A meeting without a stated date is not made.
- Attendees: the lines after "Attendees:", "Attending:", "Present:",
  "In attendance", one or several to a line: "Name (Initials)", "Post Name
  (Initials)", "Name (Initials) – Post, Organisation – Chair", "Mr Name
  (Chair)", "Name – Chair".
- Actions: "Action – TS/SC to review …": owners' initials resolved through
  the attendee list; unresolved initials are left out, never guessed.
- People in posts: the From / To / Cc blocks of a letter (name, then post),
  "Name, Her Majesty's Inspector of Constabulary", and an attendee's post.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from oversight.loaders.models import Ref
from oversight.loaders.statements.actions import undertakings
from oversight.loaders.statements.attendees import read_lists
from oversight.loaders.statements.collect import Collector
from oversight.loaders.statements.context import Context
from oversight.loaders.statements.meeting_refs import meetings_named
from oversight.loaders.statements.text import clean, force_pattern
from oversight.loaders.toolkit import naming
from oversight.loaders.toolkit.textparse import find_dates
from oversight.ontology import R, ontology

__all__ = ["read_meetings", "post_of", "post_then_name"]

_BODY = re.compile(
    r"(?P<body>(?:(?:[A-Z][A-Za-z&]{1,20}|and|AND|of|OF|&)\s{1,3}){0,6}(?:Board|BOARD|Committee|COMMITTEE|Panel|PANEL|Conference|CONFERENCE|Group|GROUP))\b"
)
_NOT_BODY_START = re.compile(r"^(?:The|This|A|An|Of|To|And|Members|Minutes|Agenda|Report|Meeting)\s", re.I)
_ATTENDEE_HEADER = re.compile(r"^\s{0,4}(?P<h>attendees|attending|present|in\s{1,3}attend[ae]nce|members\s{1,3}present|the\s{1,3}current\s{1,3}membership\s{1,3}of\s{1,3}the\s{1,3}[A-Za-z ]{3,60})\s{0,3}[:|]?\s{0,3}(?P<rest>.*)$", re.I)
_NAME = r"[A-Z][a-z\u00e0-\u00ff'\u2019-]{1,20}(?:\s{1,3}[A-Z][a-z\u00e0-\u00ff'\u2019-]{1,20}){1,2}"
_ACTION = re.compile(r"^\s{0,4}(?:Action|ACTION)s?\s{0,3}[-\u2013\u2014:]\s{0,3}(?P<owners>[A-Z]{2,4}(?:\s{0,2}[/&,]\s{0,2}[A-Z]{2,4}){0,4})\s{1,3}to\s{1,3}(?P<what>\S.{3,400})$")
_SIGN_OFF = re.compile(r"^\s{0,4}Yours\s{1,3}(?:sincerely|faithfully)\s{0,3},?\s{0,4}$", re.I)
_SIGNATORY = re.compile(r"^\s{0,4}(?P<name>[A-Z][a-z'\u2019-]{1,20}\s{1,3}[A-Z][a-z'\u2019-]{1,20})\s{1,3}(?P<post>[A-Z][A-Za-z ,&'\u2019-]{3,150}?)\s{0,4}$")
_LETTER_LABEL = re.compile(r"^\s{0,4}(?P<label>From|To|Cc)\s{0,3}:?\s{0,4}$")
_POSTNOMINALS = re.compile(r"(?:\s{1,3}(?:QPM|KPM|OBE|MBE|CBE|DL|QFSM|KC|QC|JP|CBE))+\s{0,4}$")
_TITLE_WORDS = re.compile(r"^(?:HMI|Commissioner|Sir|Dame|Dr|Mr|Mrs|Ms)\s{1,3}")
_NAME_COMMA_POST = re.compile(r"^\s{0,4}(?P<name>" + _NAME + r"),\s{1,3}(?P<post>(?:Her|His)\s{1,3}Majesty[\u2019's]{0,2}\s{1,3}(?:Chief\s{1,3})?Inspector\s{1,3}of\s{1,3}[A-Za-z &]{5,60}?)\s{0,4}$")
#: "Chief Constable Simon Cole said": a gazetteer post's name, then a person's name.
_POST_THEN_NAME_WORDS = r"(?:[A-Z][a-z\u00e0-\u00ff'\u2019-]{1,20}\s{1,3}[A-Z][a-z\u00e0-\u00ff'\u2019-]{1,20})"


@functools.lru_cache(maxsize=1)
def _post_then_name() -> re.Pattern[str]:
    posts = {
        n for e in ontology().gazetteer.entries_of("Post") for n in e.names if len(n) >= 10 and n[:1].isupper() and "(" not in n
    }
    alternatives = "|".join(re.escape(p) for p in sorted(posts, key=len, reverse=True))
    return re.compile(r"(?<![\w-])(?P<post>" + alternatives + r")\s{1,3}(?P<name>" + _POST_THEN_NAME_WORDS + r")(?![\w-]|\s{1,3}[A-Z])")


def post_then_name(text: str) -> tuple[str, str] | None:
    """``(post, name)`` when the text is a gazetteer post's name then a person's ("Chief Constable Simon Cole")."""
    match = _post_then_name().fullmatch(text)
    return (match.group("post"), match.group("name")) if match else None


_POSTLIKE = re.compile(r"(?i)\b(?:commissioner|constable|inspector|officer|director|chief|head|mayor|chair|auditor|accountant|solicitor|superintendent|treasurer|secretary|manager|member)\b")


@dataclass
class _Meeting:
    ref: Ref
    board: Ref
    line: int
    initials: dict[str, Ref] = field(default_factory=dict)
    actions: int = 0
    date: str | None = None
    #: The people its lists name, by surname (for "Mr Cosh agreed to …").
    surnames: dict[str, list[Ref]] = field(default_factory=dict)


def _scope(ctx: Context) -> Ref:
    scope = ctx.force or ctx.scope
    assert scope is not None
    return scope


def _body_name(text: str) -> str | None:
    match = _BODY.search(text)
    if not match:
        return None
    body = " ".join(match.group("body").split())
    while _NOT_BODY_START.match(body):
        body = body.split(" ", 1)[1] if " " in body else ""
    if len(body.split()) < 2:
        return None
    return body.title() if body.isupper() else body


def _find_meeting(c: Collector, ctx: Context) -> _Meeting | None:
    """The meeting the paper records: the last body-and-date heading before its attendee list, else the first."""
    lines = c.doc.lines
    header = next((n for n, line in enumerate(lines[:200], start=1) if _ATTENDEE_HEADER.match(line)), None)
    candidates = list(_meeting_candidates(lines))
    if not candidates:
        return None
    before = [m for m in candidates if header is not None and m[1] < header]
    body, at, date = before[-1] if before else candidates[0]
    board = naming.board_ref(body, ctx.force or ctx.scope)  # never one national board for every force's
    ref = Ref.of("Meeting", date, within=board)
    c.node(ref, at, "meeting-body-date", 0.8, counts_as="meeting", date=date)
    c.edge(R.MEETING_OF, ref, board, at, "meeting-body-date", 0.8)
    return _Meeting(ref, board, at, date=date)


def _meeting_candidates(lines: list[str]) -> Iterator[tuple[str, int, str]]:
    for number, line in enumerate(lines[:60], start=1):
        body_match = _BODY.search(line)
        body = _body_name(line)
        if body is None or body_match is None:
            continue
        heading = len(line.strip()) <= 100
        window = [(number, line)]
        if heading:
            window += [(n, lines[n - 1]) for n in range(number + 1, min(number + 5, len(lines) + 1)) if len(lines[n - 1].strip()) <= 60]
        for at, text in window:
            dates = [d for d in find_dates(text) if len(d[2]) == 10]
            if at == number:
                dates = [d for d in dates if d[0] >= body_match.end()]
            if not dates:
                continue
            if at == number:
                between = line[body_match.end() : dates[0][0]]
                if len(between) > 40 or not re.fullmatch(r"(?i)[\s\u2013\u2014:,-]{0,6}(?:minutes|meeting|will\s{1,3}be\s{1,3}held\s{1,3}on|held\s{1,3}on|on)?[\s\u2013\u2014:,-]{0,6}", between):
                    continue
            yield body, at, dates[0][2]
            break


#: The organisation or place after a post ("Director, Office of the Police and Crime Commissioner", "Chief Constable, NYP").
_ORGANISATION = re.compile(
    r"(?i)^(?:(?:the\s{1,3})?office\s{1,3}of\b.{0,80}|.{0,60}\b(?:constabulary|police|service|services|council|opcc|opfcc|nyp|nyfrs|enable\w{0,4}|hq\s{1,3}operations))$"
)
_FOR_PLACE = re.compile(r"\s{1,3}for\s{1,3}[A-Z][A-Za-z &-]{2,40}$")
_IN_BRACKETS = re.compile(r"^(?P<org>[^()]{2,60}?)\s{0,3}\((?P<post>[^()]{4,80})\)$")


def post_of(text: str) -> str:
    """The post in a post-and-organisation phrase, without the organisation or place after it.

    >>> post_of("Director, Office of the Police and Crime Commissioner")
    'Director'
    >>> post_of("Police, Fire and Crime Commissioner, North Yorkshire")
    'Police, Fire and Crime Commissioner'
    >>> post_of("Police and Crime Commissioner for Humberside")
    'Police and Crime Commissioner'
    >>> post_of("Preston City Council (Deputy Monitoring Officer)")
    'Deputy Monitoring Officer'
    """
    text = clean(text).strip(" -\u2013\u2014,")
    bracketed = _IN_BRACKETS.match(text)
    if bracketed and _POSTLIKE.search(bracketed.group("post")):
        return bracketed.group("post").strip()
    parts = [p.strip() for p in text.split(",")]
    while len(parts) > 1 and (_ORGANISATION.match(parts[-1]) or force_pattern().fullmatch(parts[-1]) or not _POSTLIKE.search(parts[-1])):
        parts.pop()
    post = ", ".join(parts)
    place = _FOR_PLACE.search(post)
    if place and force_pattern().search(place.group(0)):
        post = post[: place.start()]
    return post


def _person(c: Collector, ctx: Context, name: str, line: int, post: str | None, method: str, confidence: float) -> Ref:
    person = Ref.named("Person", name, within=_scope(ctx))
    c.node(person, line, method, confidence, counts_as="person")
    if post:
        post = post_of(post)
        known = ontology().gazetteer.lookup(post, "Post") is not None
        if (known or (4 <= len(post) <= 120 and _POSTLIKE.search(post))) and post.lower() != "chair":
            national = re.search(r"(?i)majesty|inspector\s{1,3}of\s{1,3}constabulary", post)
            c.edge(R.HOLDS, person, Ref.named("Post", post, within=None if national else _scope(ctx)), line, method, confidence * 0.9)
    return person


def _attendees(c: Collector, ctx: Context, meeting: _Meeting | None) -> _Meeting | None:
    """Every list of names (:mod:`.attendees`): attendees and the secretariat attend, apologies are sent, members hold
    their seat. A paper with lists of attendees and a body but no dated meeting records an undated one."""
    entries = read_lists(c.doc.lines)
    if meeting is None and any(e.role != "member" for e in entries):
        meeting = _undated_meeting(c, ctx)
    for entry in entries:
        method, confidence = ("member", 0.7) if entry.role == "member" else ("attendee", 0.8)
        person = _person(c, ctx, entry.name, entry.line, entry.post, method, confidence)
        if meeting is None:
            continue
        if entry.initials:
            meeting.initials.setdefault(entry.initials, person)
        same = meeting.surnames.setdefault(entry.name.split()[-1], [])
        if person not in same:
            same.append(person)
        if entry.role == "member":
            if entry.chair:
                c.edge(R.CHAIRED_BY, meeting.board, person, entry.line, "member-chair", 0.7)
            continue
        if entry.role == "apologies":
            c.edge(R.APOLOGIES_FROM, meeting.ref, person, entry.line, "apologies", 0.8)
            continue
        role = "secretariat" if entry.role == "secretariat" else ("Chair" if entry.chair else None)
        c.edge(R.ATTENDED_BY, meeting.ref, person, entry.line, method, confidence, role=role)
        if entry.chair:
            c.edge(R.CHAIRED_BY, meeting.board, person, entry.line, "attendee-chair", 0.75)
    return meeting


def _undated_meeting(c: Collector, ctx: Context) -> _Meeting | None:
    """The meeting of the first body the paper names, undated (keyed by the paper, never given a date)."""
    for number, line in enumerate(c.doc.lines[:60], start=1):
        body = _body_name(line)
        if body is None:
            continue
        board = naming.board_ref(body, ctx.force or ctx.scope)
        ref = Ref.of("Meeting", naming.paper_stamp(c.doc, None), within=board)
        c.node(ref, number, "meeting-body-undated", 0.6, counts_as="meeting", missing=["date"])
        c.edge(R.MEETING_OF, ref, board, number, "meeting-body-undated", 0.6)
        return _Meeting(ref, board, number)
    return None


def _actions(c: Collector, ctx: Context, meeting: _Meeting) -> None:
    for number, line in enumerate(c.doc.lines, start=1):
        match = _ACTION.match(line)
        if not match:
            continue
        meeting.actions += 1
        action = Ref.of("Action", str(meeting.actions), within=meeting.ref)
        what = clean(match.group("what"))
        c.node(action, number, "action-owner", 0.85, counts_as="action", number=meeting.actions, text=what[:1].upper() + what[1:])
        c.edge(R.ISSUED, meeting.ref, action, number, "action-owner", 0.85)
        for initials in re.split(r"\s{0,2}[/&,]\s{0,2}", match.group("owners")):
            person = meeting.initials.get(initials.strip())
            if person is not None:
                c.edge(R.OWNED_BY, action, person, number, "action-owner", 0.8)
            elif ontology().gazetteer.lookup(initials.strip(), "Post") is not None:
                # "Action – DCC to …": a post's abbreviation, not an attendee's initials
                c.edge(R.OWNED_BY, action, Ref.named("Post", initials.strip(), within=_scope(ctx)), number, "action-owner-post", 0.75)


def _letter_people(c: Collector, ctx: Context) -> None:
    lines = c.doc.lines
    for number, line in enumerate(lines[:80], start=1):
        label = _LETTER_LABEL.match(line)
        if label:
            following = [(n, lines[n - 1].strip()) for n in range(number + 1, min(number + 6, len(lines) + 1)) if lines[n - 1].strip()]
            if len(following) < 2:
                continue
            (name_line, name), (_post_line, post) = following[0], following[1]
            name = _TITLE_WORDS.sub("", _POSTNOMINALS.sub("", name)).strip()
            name = _TITLE_WORDS.sub("", name).strip()
            if not re.fullmatch(_NAME, name) or not _POSTLIKE.search(post) or _LETTER_LABEL.match(post):
                continue
            _person(c, ctx, name, name_line, post, "letter-block", 0.85)
            continue
        named = _NAME_COMMA_POST.match(line)
        if named:
            _person(c, ctx, named.group("name"), number, named.group("post"), "name-comma-post", 0.85)
    for number, line in enumerate(lines, start=1):
        if _SIGN_OFF.match(line):
            # "Yours sincerely" then "Name Post Organisation": the signatory in post
            signed_at = next((n for n in range(number + 1, min(number + 4, len(lines) + 1)) if lines[n - 1].strip()), None)
            signed = _SIGNATORY.match(lines[signed_at - 1]) if signed_at is not None else None
            if signed_at is not None and signed and _POSTLIKE.search(signed.group("post")):
                _person(c, ctx, signed.group("name"), signed_at, signed.group("post"), "letter-sign-off", 0.75)
    for number, line in enumerate(lines, start=1):
        for match in _post_then_name().finditer(line):
            _person(c, ctx, match.group("name"), number, match.group("post"), "post-then-name", 0.75)


def _other_meetings(c: Collector, ctx: Context, meeting: _Meeting) -> None:
    """The body's other meetings the paper names (:mod:`.meeting_refs`)."""
    for named in meetings_named(c.doc.lines, meeting.date):
        board = naming.board_ref(named.body, ctx.force or ctx.scope) if named.body else meeting.board
        ref = Ref.of("Meeting", named.date, within=board)
        if ref == meeting.ref:
            continue
        method, confidence = ("meeting-month-reference", 0.6) if named.inferred else ("meeting-reference", 0.75)
        c.node(ref, named.line, method, confidence, counts_as="meeting", date=named.date)
        c.edge(R.MEETING_OF, ref, board, named.line, method, confidence)


def _undertakings(c: Collector, ctx: Context, meeting: _Meeting | None) -> None:
    """Actions minuted in prose, with their owners (:mod:`.actions`)."""
    scope = _scope(ctx)
    for undertaking in undertakings(c.doc.lines):
        line = undertaking.line
        action = Ref.of("Action", "line", str(line), within=meeting.ref if meeting is not None else scope)
        c.node(action, line, "action-undertaking", 0.7, counts_as="action", text=undertaking.text)
        if meeting is not None:
            c.edge(R.ISSUED, meeting.ref, action, line, "action-undertaking", 0.7)
        if undertaking.kind == "post":
            owner = Ref.named("Post", undertaking.owner, within=scope)
        elif undertaking.kind == "team":
            owner = Ref.named("Organisation", undertaking.owner, within=scope)
        else:
            known = meeting.surnames.get(undertaking.owner, []) if meeting is not None else []
            owner = known[0] if len(known) == 1 else Ref.named("Person", undertaking.owner, within=scope)
        c.edge(R.OWNED_BY, action, owner, line, "action-undertaking", 0.7)


def read_meetings(c: Collector, ctx: Context) -> None:
    """Meetings, attendees, actions and people in posts (see the module docs)."""
    meeting = _attendees(c, ctx, _find_meeting(c, ctx))
    if meeting is not None:
        _other_meetings(c, ctx, meeting)
    _undertakings(c, ctx, meeting)
    if meeting is not None:
        _actions(c, ctx, meeting)
    _letter_people(c, ctx)
