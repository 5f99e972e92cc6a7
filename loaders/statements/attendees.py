"""Who attended a meeting, who sent apologies, who serves on the body: the lists of names in a paper.

A list opens with a header line ("Attendees:", "Attending: |", "PRESENT",
"IN ATTENDANCE" however misspelt, "Apologies:", "1. APOLOGIES FOR ABSENCE",
"SECRETARIAT", "The current membership of the … Committee:") and runs until a
numbered item, another header or prose. Without a header, three or more
lines in a row of "Name (Initials) …" entries are a list too (a page that
prints the attendance table without its caption). Each line holds one entry
or several, however punctuated:

- "Name (Initials)", "PFCC Name (Initials)", "Name (ORG Initials) Post",
  "Name (Initials) – Post, Organisation – Chair", "Name – Chair (Initials)";
- "Mr Name (Chair)", "Mrs A Surname Post, Organisation", and the glued
  conversions of PDF tables ("N SurnamePost, …", "JSurnamePost").

The post is what follows the entry, up to the next entry; the organisation
after it is cut by :func:`~oversight.loaders.statements.meetings.post_of`.
Nothing is guessed: a line that parses as no entry is passed over, and a
list ends at the first line of prose.

>>> entries = read_lists(["Attendees:", "Ann Smith (AS) – Chief Constable, Kent Police", "Apologies:", "Mr B Jones"])
>>> [(e.name, e.initials, e.post, e.role) for e in entries]
[('Ann Smith', 'AS', 'Chief Constable, Kent Police', 'attendee'), ('B Jones', None, None, 'apologies')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Entry", "read_lists", "ROLES"]

#: The roles an entry of a list can have, by the header that opened the list.
ROLES = ("attendee", "apologies", "secretariat", "member")

_HEADER = re.compile(
    r"^\s{0,4}(?:\d{1,2}[.)]?\s{1,6})?(?P<h>attendees|attending|present|in\s{1,3}attend[ae]nce|members\s{1,3}present|"
    r"also\s{1,3}present|officers\s{1,3}present|apologies(?:\s{1,3}for\s{1,3}absence|\s{1,3}received)?|secretariat|"
    r"(?:the\s{1,3})?current\s{1,3}membership\s{1,3}of\s{1,3}the\s{1,3}(?P<body>[A-Za-z ]{3,60}?)|membership|presenting|guests)"
    r"\s{0,3}(?:[:|]\s{0,3}(?P<rest>.*)|\s{0,3}$)",
    re.I,
)
#: A numbered item heading ("1. Welcome", "2 | Minutes |", "1. |"), "Minutes", "Agenda": the list is over.
_END = re.compile(r"^\s{0,4}(?:\d{1,2}[.)]?\s{0,6}(?:\||[A-Za-z])|[a-z][.)]\s|minutes\b|agenda\b|welcome\b|item\b)", re.I)
_HONORIFIC = r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllrs?|Councillors?|Sir|Dame|Prof|Lord|Lady)\.?\s{1,3})"
_SEPARATORS = re.compile(r"\s{0,3}(?:,|;|\band\b)\s{0,3}")
_WORD = r"[A-Z][a-z\u00e0-\u00ff'\u2019]{1,20}(?:-[A-Z][a-z\u00e0-\u00ff'\u2019]{1,20})?"
_NAME = _WORD + r"(?:\s{1,3}" + _WORD + r"){1,2}"
_INITIALS = r"[A-Z]{1,3}[a-z]?[A-Z]?"
#: "PFCC Stephen Mold (SM)", "Wayne Brads (IM WB)", "Jagtar Singh – Chair (JS)", "Mr Clive Portman (Chair)".
_BRACKETED = re.compile(
    r"(?P<pre>(?<![\w-])(?:[A-Z]{2,5}|Supt\.?|Ch\.?\s{0,2}Supt\.?|Insp\.?|Insp|DCI|DI)\s{1,3}|" + _HONORIFIC + r")?"
    r"(?P<name>" + _NAME + r")(?P<chair1>\s{0,3}[\u2013\u2014-]\s{0,3}Chair)?\s{0,3}"
    r"\((?:(?P<chair>Chair)|(?:(?P<org>[A-Z]{2,5})\s{1,3})?(?P<init>" + _INITIALS + r"))\)"
)
#: A line that opens with a name: "Mrs A Harrison Director, …", "N AshtonSuperintendent, …", "Mr David Jones".
_LEADING = re.compile(
    r"^\s{0,4}(?P<hon>" + _HONORIFIC + r")?(?:(?P<short>[A-Z]\.?\s{0,3}" + _WORD + r")|(?P<full>" + _NAME + r"))"
    r"(?P<chair>\s{0,3}\(Chair\))?(?P<rest>.*)$"
)
_POSTLIKE = re.compile(
    r"(?i)\b(?:commissioner|constable|inspector|officer|director|chief|head|mayor|chair|auditor|accountant|solicitor|"
    r"superintendent|treasurer|secretary|manager|member|committee|board|panel|council|police|service|services|office)\b"
)
#: Words that open a line of prose or a heading, never a name.
_NOT_NAME = re.compile(r"^(?:The|This|That|These|None|Members|Minutes|Agenda|Item|Welcome|Apologies|Present|Action|Date|Page|Report|Meeting|Notes|Declarations?|Any|All|No|Nil)\b")
_BRACKET = re.compile(r"\s{0,3}\([^()]{0,40}\)")
_TRAIL_CHAIR = re.compile(r"\s{0,3}[\u2013\u2014-]\s{0,3}Chair\s{0,3}$")


@dataclass(frozen=True)
class Entry:
    """One name of a list: its line, initials, post (with any organisation after it), chair, role."""

    name: str
    line: int
    initials: str | None
    post: str | None
    chair: bool
    role: str


def _role(header: re.Match[str]) -> tuple[str, str | None]:
    word = header.group("h").lower()
    if word.startswith("apologies"):
        return "apologies", None
    if word.startswith("secretariat"):
        return "secretariat", None
    if "membership" in word:
        body = header.group("body")
        return "member", " ".join(body.split()) if body else None
    return "attendee", None


def _tail(text: str) -> tuple[str | None, bool]:
    """The post in the text after an entry, and whether it says Chair."""
    text = text.replace("|", " ")
    chair = False
    if _TRAIL_CHAIR.search(text):
        chair = True
        text = _TRAIL_CHAIR.sub("", text)
    text = _BRACKET.sub(lambda m: m.group(0) if _POSTLIKE.search(m.group(0)) else "", text)
    text = " ".join(text.split()).strip(" \u2013\u2014-,;:")
    if text.lower() == "chair":
        return None, True
    if text.lower().startswith("chair,"):
        chair, text = True, text[6:].strip()
    return (text or None), chair


def _trim(name: str, at_start: bool) -> str:
    """A three-word name met mid-line keeps its last two words ("Services Rachel Antonelli" is "Rachel Antonelli")."""
    words = name.split()
    if len(words) == 3 and (not at_start or _POSTLIKE.search(words[0])):
        return " ".join(words[1:])
    return name


def _bracketed(line: str, number: int, role: str) -> list[Entry]:
    matches = list(_BRACKETED.finditer(line))
    names = []
    for match in matches:
        start_of_line = not line[: match.start()].strip(" |:\u2013\u2014-")
        name = _trim(match.group("name"), start_of_line or bool(match.group("pre")))
        # a word cut from the front of a name belongs to the entry before ("… Essex Police Bob Jones (BJ)")
        start = match.start() if name == match.group("name") else match.end("name") - len(name)
        names.append((name, start))
    out = []
    for index, match in enumerate(matches):
        end = names[index + 1][1] if index + 1 < len(matches) else len(line)
        post, chair = _tail(line[match.end() : end])
        name = names[index][0]
        if _NOT_NAME.match(name) or _POSTLIKE.search(name):
            continue
        pre = (match.group("pre") or "").strip() if names[index][1] == match.start() else ""
        prefix = pre if pre and not re.fullmatch(_HONORIFIC.strip(), pre + " ") else None
        if post is None:
            post = prefix or match.group("org")
        out.append(Entry(name, number, match.group("init"), post,
                         chair or bool(match.group("chair") or match.group("chair1")), role))
    return out


def _leading(line: str, number: int, role: str) -> Entry | None:
    match = _LEADING.match(line)
    if not match:
        return None
    rest = match.group("rest")
    if match.group("full"):
        name = match.group("full")
        words = name.split()
        while len(words) > 2 and _POSTLIKE.search(words[-1]):
            rest = " " + words.pop() + rest
        name = " ".join(words)
        # a full name alone, or followed by a dash, a comma or a post; never the start of a sentence
        if not match.group("hon") and rest.strip() and not re.match(r"^\s{0,3}(?:[\u2013\u2014,-]|OBE|MBE|CBE|QPM)", rest):
            return None
    else:
        name = match.group("short")
        name = re.sub(r"^([A-Z])\.?\s{0,3}", r"\1 ", name)
    if _NOT_NAME.match(name) or _POSTLIKE.search(name):
        return None
    rest = re.sub(r"^\s{0,3}(?:OBE|MBE|CBE|QPM|KPM|DL|JP)\b", "", rest)
    post, chair = _tail(rest)
    if post is not None and (len(post) > 160 or post.endswith(".")):
        return None
    return Entry(name, number, None, post, chair or bool(match.group("chair")), role)


def _names_listed(line: str, number: int, role: str) -> list[Entry]:
    """ "Councillor A Smith (Chair), Councillors B Jones, C Brown and D White": every part a name and nothing else."""
    parts = [p for p in _SEPARATORS.split(line) if p.strip()]
    if len(parts) < 2 or any(len(p) > 60 for p in parts):
        return []
    entries = [_leading(p, number, role) for p in parts]
    if any(e is None or e.post for e in entries):
        return []
    return [e for e in entries if e is not None]


def _entries(line: str, number: int, role: str) -> list[Entry]:
    found = _bracketed(line, number, role) or _names_listed(line, number, role)
    if found:
        return found
    entry = _leading(line, number, role)
    return [entry] if entry is not None else []


def read_lists(lines: list[str]) -> list[Entry]:
    """Every entry of every list of names in the lines (see the module docs), in order."""
    out: list[Entry] = []
    role: str | None = None
    body: str | None = None
    misses = 0
    bracketed = [bool(_BRACKETED.search(line)) if len(line) < 4000 else False for line in lines]
    for index, raw in enumerate(lines):
        number = index + 1
        line = raw.replace("\u00a0", " ")
        if len(line) > 4000:
            role = None
            continue
        header = _HEADER.match(line)
        if header:
            role, body = _role(header)
            misses = 0
            line = header.group("rest") or ""
            if not line.strip():
                continue
        elif role is not None and _END.match(line):
            role = None
            continue
        if not line.strip() or line.strip() in ("|", "| |"):
            continue
        if role is None:
            # an uncaptioned table of attendees: this and the next two non-blank lines hold "Name (Initials)"
            following = [i for i in range(index, min(index + 6, len(lines))) if lines[i].strip()][:3]
            if len(following) == 3 and all(bracketed[i] for i in following):
                role = "attendee"
            else:
                continue
        found = _entries(line, number, role)
        if role == "member":
            found = [e if e.post else Entry(e.name, e.line, e.initials, f"{body or 'committee'} member", e.chair, e.role) for e in found]
        if found:
            out.extend(found)
            misses = 0
            continue
        misses += 1
        if misses >= 2 or len(line.strip()) > 120:
            role = None
    return out
