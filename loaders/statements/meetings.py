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
from oversight.loaders.statements.collect import Collector
from oversight.loaders.statements.context import Context
from oversight.loaders.statements.text import clean, force_pattern
from oversight.loaders.toolkit import naming
from oversight.loaders.toolkit.textparse import find_dates
from oversight.ontology import R, ontology

__all__ = ["read_meetings", "post_of"]

_BODY = re.compile(
    r"(?P<body>(?:(?:[A-Z][A-Za-z&]{1,20}|and|AND|of|OF|&)\s{1,3}){0,6}(?:Board|BOARD|Committee|COMMITTEE|Panel|PANEL|Conference|CONFERENCE|Group|GROUP))\b"
)
_NOT_BODY_START = re.compile(r"^(?:The|This|A|An|Of|To|And|Members|Minutes|Agenda|Report|Meeting)\s", re.I)
_ATTENDEE_HEADER = re.compile(r"^\s{0,4}(?P<h>attendees|attending|present|in\s{1,3}attend[ae]nce|members\s{1,3}present|the\s{1,3}current\s{1,3}membership\s{1,3}of\s{1,3}the\s{1,3}[A-Za-z ]{3,60})\s{0,3}[:|]?\s{0,3}(?P<rest>.*)$", re.I)
_END_ATTENDEES = re.compile(r"^\s{0,4}(?:apologies|presenting|guests|secretariat|\d{1,2}[.)]|[a-z]\.\s|minutes\b|agenda\b|welcome\b)", re.I)
_HONORIFIC = r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Sir|Dame|Prof)\.?\s{1,3})"
_NAME = r"[A-Z][a-z\u00e0-\u00ff'\u2019-]{1,20}(?:\s{1,3}[A-Z][a-z\u00e0-\u00ff'\u2019-]{1,20}){1,2}"
_INITIALS = r"[A-Z]{1,3}[a-z]?[A-Z]?"
#: "PFCC Stephen Mold (SM)", "Zoë Metcalfe (ZM) – Police, Fire and Crime Commissioner, North Yorkshire – Chair".
_WITH_INITIALS = re.compile(
    r"(?P<pre>(?:[A-Z]{2,5}|Supt\.?|Ch\.?\s{0,2}Supt\.?|Insp\.?)\s{1,3})?(?P<name>" + _NAME + r")\s{0,3}\((?:(?P<chair>Chair)|(?:[A-Z]{2,5}\s{1,3})?(?P<init>" + _INITIALS + r"))\)"
    r"(?P<post>\s{0,3}[\u2013\u2014-]\s{0,3}[^()\u2013\u2014|]{3,120}?)?(?P<chair2>\s{0,3}[\u2013\u2014-]\s{0,3}Chair\b)?(?=\s{0,3}(?:$|\||[A-Z][a-z\u00e0-\u00ff]{1,20}\s{1,3}[A-Z][a-z]{1,20}\s{0,3}\(|[A-Z]{2,5}\s{1,3}[A-Z]))"
)
_HONOURED = re.compile(
    r"^\s{0,4}" + _HONORIFIC + r"(?P<name>[A-Z]\s{1,3}[A-Z][a-z'\u2019-]{1,20}|[A-Z][a-z'\u2019-]{1,20}(?:\s{1,3}[A-Z][a-z'\u2019-]{1,20}){0,2})\s{0,3}(?P<chair>\(Chair\))?"
)
#: "Jagtar Singh OBE – Chair", "Wayne Brads": a member's name alone on a line, perhaps with a post after a dash.
_BARE = re.compile(r"^\s{0,4}(?P<name>" + _NAME + r")(?:\s{1,3}(?:OBE|MBE|CBE|QPM|KPM|DL|JP))?\s{0,3}(?:[\u2013\u2014-]\s{0,3}(?P<post>[A-Za-z ,&]{3,80}))?\s{0,4}$")
_ACTION = re.compile(r"^\s{0,4}Action\s{0,3}[-\u2013\u2014:]\s{0,3}(?P<owners>[A-Z]{2,4}(?:\s{0,2}[/&,]\s{0,2}[A-Z]{2,4}){0,4})\s{1,3}to\s{1,3}(?P<what>\S.{3,400})$")
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


_POSTLIKE = re.compile(r"(?i)\b(?:commissioner|constable|inspector|officer|director|chief|head|mayor|chair|auditor|accountant|solicitor|superintendent|treasurer|secretary|manager|member)\b")


@dataclass
class _Meeting:
    ref: Ref
    board: Ref
    line: int
    initials: dict[str, Ref] = field(default_factory=dict)
    actions: int = 0


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
    return _Meeting(ref, board, at)


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
        if 4 <= len(post) <= 120 and _POSTLIKE.search(post) and post.lower() != "chair":
            national = re.search(r"(?i)majesty|inspector\s{1,3}of\s{1,3}constabulary", post)
            c.edge(R.HOLDS, person, Ref.named("Post", post, within=None if national else _scope(ctx)), line, method, confidence * 0.9)
    return person


def _attendees(c: Collector, ctx: Context, meeting: _Meeting | None) -> None:
    lines = c.doc.lines
    inside = False
    for number, line in enumerate(lines, start=1):
        header = _ATTENDEE_HEADER.match(line)
        if header and len(line) < 4000:
            inside = True
            line = header.group("rest")
        elif inside and _END_ATTENDEES.match(line):
            inside = False
            continue
        if not inside or not line.strip():
            continue
        matched = False
        for match in _WITH_INITIALS.finditer(line):
            matched = True
            name = re.sub(r"^" + _HONORIFIC, "", match.group("name"))
            pre = (match.group("pre") or "").strip()
            post = (match.group("post") or "").strip() or (pre if pre and ontology().gazetteer.lookup(pre, "Post") else None)
            chair = bool(match.group("chair") or match.group("chair2"))
            person = _person(c, ctx, name, number, post, "attendee", 0.8)
            if meeting is not None:
                c.edge(R.ATTENDED_BY, meeting.ref, person, number, "attendee", 0.8)
                if chair:
                    c.edge(R.CHAIRED_BY, meeting.board, person, number, "attendee-chair", 0.75)
                if match.group("init"):
                    meeting.initials.setdefault(match.group("init"), person)
        if not matched:
            honoured = _HONOURED.match(line)
            if honoured:
                words = honoured.group("name").split()
                while len(words) > 1 and _POSTLIKE.search(words[-1]):
                    words.pop()
                name = " ".join(words)
                rest = line[honoured.start("name") + len(honoured.group("name")) :].strip()
                rest = " ".join(honoured.group("name").split()[len(words) :] + [rest]).strip()
                person = _person(c, ctx, name, number, rest or None, "attendee", 0.7)
                if meeting is not None:
                    c.edge(R.ATTENDED_BY, meeting.ref, person, number, "attendee", 0.7)
                    if honoured.group("chair"):
                        c.edge(R.CHAIRED_BY, meeting.board, person, number, "attendee-chair", 0.7)
            elif _BARE.match(line) and not _POSTLIKE.search(_BARE.match(line).group("name")):  # type: ignore[union-attr]
                bare = _BARE.match(line)
                assert bare is not None
                post = bare.group("post")
                person = _person(c, ctx, bare.group("name"), number, post, "member", 0.7)
                if meeting is not None:
                    c.edge(R.ATTENDED_BY, meeting.ref, person, number, "member", 0.7)
            elif number > 1 and not re.search(r"[(|]", line) and len(line) > 200:
                inside = False


def _actions(c: Collector, meeting: _Meeting) -> None:
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
        for match in _post_then_name().finditer(line):
            _person(c, ctx, match.group("name"), number, match.group("post"), "post-then-name", 0.75)


def read_meetings(c: Collector, ctx: Context) -> None:
    """Meetings, attendees, actions and people in posts (see the module docs)."""
    meeting = _find_meeting(c, ctx)
    _attendees(c, ctx, meeting)
    if meeting is not None:
        _actions(c, meeting)
    _letter_people(c, ctx)
