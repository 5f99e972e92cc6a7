"""The letter's ``From`` / ``To`` / ``Cc`` block and the people a letter names in their posts.

- A block is a label alone on a line ("From", "To:", "Cc"), then the
  person's name (post-nominals and a title before it dropped: "HMI Lee
  Freeman KPM", "Commissioner Sir Mark Rowley"), then their post and
  organisation, one to a line, up to a blank line or the next label. The post
  is the first of those lines that names a post; else the title the name was
  written with ("Commissioner").
- "His Majesty's Chief Inspector of Constabulary and Fire & Rescue Services,
  Sir Andy Cooke, has decided …": a national post, then the name.
- "HMI Skeer intends …": the inspector's abbreviation, then the name.
- A national post of the gazetteer (HM Inspector, HM Chief Inspector of
  Constabulary) is named by its preferred label, however the letter words
  it ("His Majesty's …", "Her Majesty's …"); an abbreviation is kept as
  written, for the gazetteer to resolve.
"""

from __future__ import annotations

import re

from oversight.loaders.models import Ref, TextDocument
from oversight.loaders.statements.meetings import post_of
from oversight.loaders.statements.refine import Refinement
from oversight.ontology import R, ontology

__all__ = ["detect", "read_people", "post_ref", "LETTER_METHODS"]

_LABEL = re.compile(r"^\s{0,4}(?P<label>From|To|Cc|Sent\s{1,3}on)\s{0,3}:?\s{0,4}$", re.I)
_POSTNOMINALS = re.compile(r"(?:\s{1,3}(?:QPM|KPM|OBE|MBE|CBE|DL|QFSM|KC|QC|JP|DBE|KBE|CB))+\s{0,4}$")
_TITLES = re.compile(r"^(?P<title>HMI|HMCIC|Commissioner|Chief\s{1,3}Constable|Mayor|Sir|Dame|Dr|Mr|Mrs|Ms|Miss|Prof\.?)\s{1,3}")
_PERSONAL = ("sir", "dame", "dr", "mr", "mrs", "ms", "miss", "prof", "prof.")
_NAME = r"[A-Z][a-z\u00e0-\u00ff'\u2019-]{1,20}(?:\s{1,3}[A-Z][a-z\u00e0-\u00ff'\u2019-]{1,20}){1,2}"
_POSTLIKE = re.compile(r"(?i)\b(?:commissioner|constable|inspector|officer|director|chief|head|mayor|chair|secretary|minister)\b")
_NATIONAL_POST = r"(?:His|Her)\s{1,3}Majesty[\u2019']s\s{1,3}(?:Chief\s{1,3})?Inspector\s{1,3}of\s{1,3}Constabulary(?:\s{1,3}and\s{1,3}Fire\s{1,3}(?:&|and)\s{1,3}Rescue\s{1,3}Services)?"
_POST_COMMA_NAME = re.compile(r"(?P<post>" + _NATIONAL_POST + r"),\s{1,3}(?:(?:Sir|Dame)\s{1,3})?(?P<name>" + _NAME + r")\s{0,3},")
_HMI_NAME = re.compile(r"\bHMI\s{1,3}(?P<name>[A-Z][a-z'\u2019-]{2,20}(?:\s{1,3}[A-Z][a-z'\u2019-]{2,20})?)\b(?![\u2019']s\b)")
_NOT_NAMES = {"probation", "prisons", "report", "reports", "inspection", "team", "office", "the"}
#: The statement layer's methods for the people of a letter, which this module reads again.
LETTER_METHODS = ("statement:letter-block", "statement:name-comma-post")


def detect(doc: TextDocument) -> float:
    """0.9 for a From / To / Sent on block in the opening lines; else 0."""
    labels = {m.group("label").lower().split()[0] for line in doc.lines[:80] if (m := _LABEL.match(line))}
    return 0.9 if {"from", "to", "sent"} <= labels else 0.0


def post_ref(post: str, scope: Ref | None) -> Ref:
    """A post: a national post of the gazetteer by its preferred label (see the module docs), else as written in the scope."""
    entry = ontology().gazetteer.lookup(post, "Post")
    if entry is not None and entry.scope == "national":
        return Ref.named("Post", post if post.isupper() else entry.pref_label)
    return Ref.named("Post", post, within=scope)


def _person(refined: Refinement, name: str, line: int, post: str | None, scope: Ref | None,
            method: str | None = None, confidence: float | None = None) -> Ref:
    person = Ref.named("Person", name, within=scope)
    refined.node(person, line, method, confidence)
    if post:
        refined.edge(R.HOLDS, person, post_ref(post, scope), line, method, confidence)
    return person


def _blocks(doc: TextDocument) -> list[tuple[int, list[tuple[int, str]]]]:
    out = []
    lines = doc.lines
    for number, line in enumerate(lines[:80], start=1):
        label = _LABEL.match(line)
        if not label or label.group("label").lower().startswith("sent"):
            continue
        block: list[tuple[int, str]] = []
        for n in range(number + 1, min(number + 8, len(lines) + 1)):
            text = lines[n - 1].strip()
            if not text:
                if block:
                    break
                continue
            if _LABEL.match(text):
                break
            block.append((n, text))
        if block:
            out.append((number, block))
    return out


def read_people(refined: Refinement, scope: Ref | None) -> dict[str, Ref]:
    """The people of the letter's blocks and sentences (see the module docs); returns them by name."""
    people: dict[str, Ref] = {}
    for _label_line, block in _blocks(refined.doc):
        (name_line, raw), rest = block[0], block[1:]
        name = _POSTNOMINALS.sub("", raw).strip()
        title_post = None
        while (title := _TITLES.match(name)) is not None:
            word = " ".join(title.group("title").split())
            if word.lower() not in _PERSONAL and title_post is None:
                title_post = word
            name = name[title.end() :].strip()
        if not re.fullmatch(_NAME, name):
            continue
        post = next((post_of(text) for _, text in rest if _POSTLIKE.search(text)), None) or title_post
        people[name] = _person(refined, name, name_line, post, scope)
    known_words = {word for name in people for word in name.split()}
    for number, line in enumerate(refined.doc.lines, start=1):
        for match in _POST_COMMA_NAME.finditer(line):
            name = match.group("name")
            if name not in people:
                people[name] = _person(refined, name, number, match.group("post"), scope, "hmicfrs-letter:post-comma-name", 0.85)
                known_words.update(name.split())
        for match in _HMI_NAME.finditer(line):
            name = match.group("name")
            # "HMI Lee Freeman" of the From block, or "HMI Freeman" later: a person already named
            if name.split()[0].lower() in _NOT_NAMES or set(name.split()) <= known_words:
                continue
            people[name] = _person(refined, name, number, "HMI", scope, "hmicfrs-letter:hmi-name", 0.8)
            known_words.update(name.split())
    return people
