"""Actions minuted in prose, with their owners: who undertook to do what.

Minutes record an undertaking as a sentence, not an "Action –" line:

- a post or a named person, then "agreed to …" / "undertook to …"
  ("Mr Cosh agreed to ensure that …");
- a post, then "confirmed / noted / advised (that) he would report back …",
  "… further information would come back …" (a commitment: come back,
  report back, be provided, be circulated …);
- "agreed to this" / "agreed to do so": the undertaking is the request in the
  sentence before ("Councillor X asked if a further report could be
  produced. The Scrutiny Officer agreed to this.");
- "… has been remitted / assigned / allocated to the <name> team" (a paper
  reporting who leads the response).

The owner is the post as written ("Chief Finance Officer", scoped to the
paper's force, never merged across forces), a team, or a person: "Mr Cosh" is
the attendee whose surname is Cosh when exactly one is, else a person named
by the surname alone. Each action cites its sentence's line with the rule
(``statement:action-undertaking``) and a confidence of 0.7: the owner is as
stated, the wording of the task is the minute's.

>>> found = undertakings(["The Chief Finance Officer noted that further information would come back to the Panel."])
>>> [(u.line, u.owner, u.kind, u.text) for u in found]
[(1, 'Chief Finance Officer', 'post', 'Further information would come back to the Panel')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from oversight.loaders.statements.text import clean, sentences

__all__ = ["Undertaking", "undertakings"]

_POST_WORD = r"(?:Officer|Executive|Constable|Commissioner|Director|Manager|Head|Lead|Treasurer|Secretary|Clerk|Auditor|Accountant|Solicitor|Chair|Chairman|Superintendent)"
_CAP = r"(?:[A-Z][a-z]{1,20}|&|and|of)"
#: "The Accountability & Scrutiny Officer", "the Finance Officer", "Mr Cosh", "Councillor Smith".
_SUBJECT = (
    r"(?:\b[Tt]he\s{1,3}(?P<post>(?:" + _CAP + r"\s{1,3}){0,5}" + _POST_WORD + r")"
    r"|\b(?P<hon>Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s{1,3}(?P<surname>[A-Z][a-z'\u2019-]{1,20}))"
)
_COMMIT = (
    r"(?:will|would)\s{1,3}(?:come\s{1,3}back|report\s{1,3}back|be\s{1,3}(?:provided|circulated|brought|reported|shared|sent|arranged)"
    r"|provide|circulate|bring|report|share|send|arrange|look\s{1,3}into|follow\s{1,3}up|investigate|update)\b"
)
_AGREED = re.compile(_SUBJECT + r"\s{1,3}(?:agreed|undertook|offered)\s{1,3}to\s{1,3}(?P<what>\S.{1,300})")
_CONFIRMED = re.compile(
    _SUBJECT + r"\s{1,3}(?:confirmed|noted|stated|advised|explained|said|added|indicated|undertook)\s{1,3}(?:that\s{1,3})?"
    r"(?P<what>(?:he|she|they|further\s{1,3}information|(?:a\s{1,3})?(?:further\s{1,3})?(?:report|update|information|details)"
    r"(?:\s{1,3}on\s{1,3}this)?)\s{1,3}" + _COMMIT + r".{0,300})"
)
_ANAPHORIC = re.compile(r"^(?:this|that|do\s{1,3}so|the\s{1,3}request|this\s{1,3}request)\W{0,3}$", re.I)
_REMITTED = re.compile(
    r"(?P<what>[A-Z][^.;]{5,240}?)\s{1,3}(?:has|have|had)\s{1,3}been\s{1,3}(?:remitted|assigned|allocated|delegated)\s{1,3}to\s{1,3}(?:the\s{1,3})?"
    r"(?P<team>(?:[A-Z][\w-]{1,20}\s{1,3}){1,6}(?:team|Team|Board|Group|Unit|Department|Directorate))\b"
)
_PRONOUN = re.compile(r"^(?:he|she|they)\s{1,3}", re.I)


@dataclass(frozen=True)
class Undertaking:
    """One undertaking: its line, owner as written, the owner's kind (post, person, team), the task."""

    line: int
    owner: str
    kind: str
    text: str


def _owner(match: re.Match[str]) -> tuple[str, str]:
    if match.group("post"):
        return " ".join(match.group("post").split()), "post"
    return match.group("surname"), "person"


def _task(text: str) -> str:
    text = clean(_PRONOUN.sub("", text)).rstrip(".")
    return text[:1].upper() + text[1:] if text else text


def undertakings(lines: list[str]) -> list[Undertaking]:
    """Every undertaking the lines minute (see the module docs), in order."""
    out: list[Undertaking] = []
    previous = ""
    for number, line in enumerate(lines, start=1):
        if len(line) > 20000 or not re.search(r"(?i)agreed|undertook|offered|would|will|remitted|assigned|allocated|delegated", line):
            if line.strip() and line.strip() != "\u00a0":
                previous = sentences(line)[-1][2] if len(line) <= 20000 else ""
            continue
        for _start, _end, sentence in sentences(line):
            found = False
            for match in _AGREED.finditer(sentence):
                owner, kind = _owner(match)
                what = match.group("what")
                if _ANAPHORIC.match(what.strip()):
                    if not previous:
                        continue
                    what = previous
                out.append(Undertaking(number, owner, kind, _task(what)))
                found = True
                break
            if not found:
                for match in _CONFIRMED.finditer(sentence):
                    owner, kind = _owner(match)
                    out.append(Undertaking(number, owner, kind, _task(match.group("what"))))
                    found = True
                    break
            if not found:
                for match in _REMITTED.finditer(sentence):
                    out.append(Undertaking(number, " ".join(match.group("team").split()), "team", _task(match.group("what"))))
                    break
            previous = sentence
    return out
