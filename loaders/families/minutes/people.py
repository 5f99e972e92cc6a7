"""People named in minutes and notes: full names, the attendance list, "Name - Post (ABBR)" lines."""

from __future__ import annotations

import re

from oversight.loaders.families.minutes.meeting import Meeting
from oversight.loaders.models import Evidence, Ref, TextDocument
from oversight.loaders.toolkit import naming
from oversight.loaders.toolkit.facts import Facts
from oversight.ontology import R, ontology

TITLES = r"(?:Councillor|Cllr|Mr|Mrs|Ms|Miss|Dr)"


_HONOURS = re.compile(r"^(?:OBE|MBE|CBE|QPM|JP|DL|KC|QC|BEM)\b", re.I)


def full_names(lines: list[str]) -> list[str]:
    """Full names the pack gives people ("Councillor Peter Feacey", "Matthew Scott - …").

    A name is at most five words: unbounded repetition would try every length of a
    run of capitalised words at every start ("Amber Amber Amber …"), quadratic in
    the line; bounded, each start does a fixed amount of work.
    """
    found: list[str] = []
    for raw in lines:
        for match in re.finditer(
            rf"\b{TITLES}\s+((?:[A-Z][a-z]+)(?:[ -][A-Z][a-z'\u2019]+){{1,4}})", raw
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
    name = re.sub(rf"^(?:{TITLES}\s+)+", "", text.strip())
    name = re.sub(r",?\s*\b(?:OBE|MBE|CBE|QPM|JP|DL|KC|QC|BEM)\b", "", name).strip(" ,")
    initials = re.fullmatch(r"((?:[A-Z]\.?\s+){1,3})([A-Z][A-Za-z'\u2019-]+)", name)
    if initials:
        letters = set(re.findall(r"[A-Z]", initials.group(1)))
        surname = initials.group(2)
        candidates = [n for n in names if n.split()[-1] == surname and n[0] in letters]
        if len(candidates) == 1:
            return candidates[0]
    return name


def attendance_list(
    facts: Facts,
    doc: TextDocument,
    force: Ref | None,
    meeting: Meeting,
    line: int,
    text_start: int,
    names: list[str],
) -> None:
    """People of a "PRESENT: A (Chairman), B and C" line, with the post or role in brackets."""
    raw = doc.lines[line - 1]
    body = raw[text_start:]
    for match in re.finditer(
        rf"(?:^|,\s*|\s+and\s+)(?P<who>(?:{TITLES}\s+)+[^,()]+?(?:,\s*(?:OBE|MBE|CBE|QPM|JP|DL|BEM))?)(?:\s*\((?P<role>[^)]+)\))?(?=,|\s+and\s+{TITLES}|\s*$)",
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


NAME_POST = re.compile(
    r"(?P<name>[A-Z][A-Za-z'\u2019]+(?:[ -][A-Z][A-Za-z'\u2019]+){1,3})\s+-\s+"
    r"(?P<post>[A-Z][\w'\u2019]*(?:\s+(?:[A-Z][\w'\u2019]*|and|of|the|for))*)\s*(?:\((?P<abbr>[A-Z&]{2,6})\))?"
)


def name_posts(
    facts: Facts, doc: TextDocument, force: Ref | None, line: int, names: list[str]
) -> list[tuple[Ref, str, Evidence]]:
    """ "Name - Post (ABBR)" pairs of one line: the person, the post as written, the evidence."""
    found = []
    raw = doc.lines[line - 1]
    for match in NAME_POST.finditer(raw):
        post = match.group("post").strip()
        if not ontology().gazetteer.lookup(post, "Post", force=force.name if force else None):
            continue
        person = naming.person_ref(match.group("name"), force)
        ev = facts.evidence(line, quote=match.group(0).strip())
        facts.edge(R.HOLDS, person, naming.post_ref(post, force), ev)
        found.append((person, post, ev))
    return found
