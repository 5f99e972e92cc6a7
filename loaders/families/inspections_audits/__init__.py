"""Extractor for the Chief Constable's "Inspections, Audits & Reviews" papers.

The paper goes to the commissioner's Performance and Delivery Board each
quarter. Its numbered sections follow one layout, whichever force writes it:

- ``3.n`` one section per inspectorate publication (HMICFRS alone or jointly):
  the publication date, which bodies published it, whether the force was
  inspected, how many recommendations (and how many for chief constables),
  actions and areas for improvement it makes, sometimes the numbered
  recommendations with the force's response, and what it follows up;
- a PEEL section, when a PEEL report came out, with one paragraph per graded
  area (read by :mod:`oversight.loaders.families.inspections_audits.peel`);
- ``4.`` internal audit (the audit plan table, the audit actions signed off)
  and external audit (read by :mod:`oversight.loaders.families.inspections_audits.audits`).

Rules read the layout and the wording, never line numbers or one force's names:
the force is the one the paper names (:func:`~oversight.loaders.toolkit.naming.find_force`),
national inspections are keyed under the body that led them, and an inspection
of this force alone under the force.

>>> doc = TextDocument.from_text(EXAMPLE, path="example.txt")
>>> extraction = InspectionsAuditsExtractor().extract(doc)
>>> sorted(f.properties["published"] for f in extraction.facts if "published" in f.properties)
['2022-03-04']
>>> [f.properties["forceInspected"] for f in extraction.facts if "forceInspected" in f.properties]
[False]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from oversight.loaders.families.inspections_audits.audits import extract_auditors, extract_audits
from oversight.loaders.families.inspections_audits.peel import extract_peel
from oversight.loaders.families.inspections_audits.sections import (
    TOP_HEADING,
    Section,
    find_sections,
    strip_bodies,
)
from oversight.loaders.models import Evidence, Extraction, Ref, TextDocument
from oversight.loaders.toolkit import naming
from oversight.loaders.toolkit.counts import NUM, read_counts
from oversight.loaders.toolkit.facts import Facts
from oversight.loaders.toolkit.gazetteer import force_pattern, scanner
from oversight.loaders.toolkit.naming import short_title
from oversight.loaders.toolkit.publication import (
    inspection_kind,
    read_force_inspected,
    read_published,
)
from oversight.loaders.toolkit.spans import Para, clean_cell, is_noise, paragraphs, sentence_spans
from oversight.loaders.toolkit.statuses import outcome_for
from oversight.loaders.toolkit.textparse import find_dates, parse_date, parse_number
from oversight.ontology import R, normalise_label, ontology

__all__ = ["InspectionsAuditsExtractor", "Section", "find_sections", "short_title", "EXAMPLE"]

EXAMPLE = """Chief Constable's Report
INSPECTIONS, AUDITS & REVIEWS
1st April 2022

1. Aims of the report.

This report will record the latest or ongoing inspections, audits or other reviews.

2. HMICFRS.

2.1 HMICFRS Publication - Policing the roads

On 4th March 2022 HMICFRS published their national thematic report. Essex was not inspected. The report makes four recommendations, two of which are for Chief Constables.
"""


_ENTITLED = re.compile(
    r"\bentitled\s+['\u2018\"\u201c](?P<title>.+?)['\u2019\"\u201d](?=[.,;]?\s|[.,;]?$)"
)
_FOLLOW_UP = re.compile(
    rf"\b(?:their|the|its)\s+(?:(?P<n>{NUM})\s+recommendations\s+from\s+the\s+)?"
    r"(?:initial|original|previous|earlier)\s+(?P<desc>[^'\u2018\u2019\".]{0,80}?)(?:report|inspection)\b\s*"
    r"(?:['\u2018\"\u201c](?P<title>[^\"\u201d]+?)['\u2019\"\u201d])?[^.]*?\bpublished\s+in\s+",
    re.I,
)
_REC = re.compile(r"^\s*(?:[-\u2022\u00b7]\s*)?(\d{1,2})\.\s+(\S.*)$")
_BULLET = re.compile(r"^\s*[-\u2022\u00b7*]\s*")


class InspectionsAuditsExtractor:
    """Reads "Inspections, Audits & Reviews" papers (family ``inspections-audits``)."""

    family = "inspections-audits"

    def detect(self, doc: TextDocument) -> float:
        """How sure this is an inspections-and-audits paper, from its title, aims and sections.

        Parameters
        ----------
        doc : TextDocument
            The paper; only its content is read, never its file name.

        Returns
        -------
        float
            0..1: the title line "Inspections, Audits & Reviews", the aims
            sentence ("the latest or ongoing inspections, audits or other
            reviews"), the audit section and plan table, and numbered
            inspectorate sections each add weight. A paper that reads like
            minutes (RESOLVED, PRESENT:) is discounted, because the minutes of
            a board that discussed such a paper quote its headings.
        """
        head = doc.lines[:40]
        text = doc.text
        score = 0.0
        if any(
            re.fullmatch(r"\s*inspections,?\s+audits,?\s*(?:&|and)\s*reviews\.?\s*", ln, re.I)
            for ln in head
        ):
            score += 0.4
        if re.search(
            r"(?:latest|ongoing)[^.\n]{0,40}inspections,\s*audits,?\s*(?:or|and)\s*(?:other\s+)?reviews",
            text,
            re.I,
        ):
            score += 0.3
        if re.search(r"^\s*\d{1,2}\.\s+Internal\s+and\s+External\s+Audit", text, re.I | re.M):
            score += 0.2
        if re.search(r"Planned\s+start", text, re.I) and re.search(r"\bSponsor", text):
            score += 0.2
        if (
            len(
                re.findall(
                    r"^\s*\d\.\d{1,2}\s+.*(?:HMICFRS|Publication|Inspection|inspection)", text, re.M
                )
            )
            >= 2
        ):
            score += 0.15
        if re.search(r"^\s*\d\.\s+Aims of the report", text, re.I | re.M):
            score += 0.1
        if re.search(
            r"^\s*MINUTES of|^\s*RESOLVED\b|^\s*PRESENT:|^\s*Meeting Notes\s*$", text, re.M
        ):
            score *= 0.4
        return round(min(score, 1.0), 3)

    def extract(self, doc: TextDocument) -> Extraction:
        """Every publication, the PEEL section, the audit tables and the auditors of the paper.

        Parameters
        ----------
        doc : TextDocument
            An inspections-and-audits paper.

        Returns
        -------
        Extraction
            The document record (title and date only when the paper states its
            own), the facts, and a warning for every value the paper should
            give but does not (a publication date, whether the force was
            inspected, an AFI it counts but never describes).
        """
        facts = Facts(doc)
        force = naming.find_force(doc)
        if force is None:
            facts.warn("no force named in the paper; force-level facts are keyed without one")
        title, date = _title_and_date(doc)
        if date is None:
            date = naming.period_date(doc)
            if date is None:
                facts.warn("the paper states no date of its own; statuses it gives are left undated")
            else:
                facts.warn(
                    f"the paper states no date of its own; dated {date.iso}, the end of the period "
                    f"it covers ({date.period!r}), deduced",
                    date.line,
                )
        facts.date_paper(date)
        status_part = facts.stamp
        previous_title = ""
        for top in find_sections(doc.lines):
            if re.search(r"\baudit", top.heading, re.I):
                extract_audits(facts, doc, force, top.line, top.end)
                extract_auditors(facts, doc, force, top.line, top.end)
                continue
            for section in top.children:
                if not _is_publication(doc, section, top):
                    continue
                if re.search(r"\bPEEL\b", section.heading):
                    round_ = naming.peel_round(section.heading)
                    if round_ is None:
                        facts.warn(
                            f"section {section.number} reports PEEL activity but names no round; "
                            "not linked to a PEEL inspection",
                            section.line,
                        )
                        continue
                    extract_peel(facts, doc, force, section, round_, status_part)
                    previous_title = section.heading
                    continue
                previous_title = _publication(facts, doc, force, section, previous_title)
        dating = (
            {"date": date.iso, "date_basis": date.basis, "date_line": date.line} if date else {}
        )
        return Extraction(
            document=doc.record(title=title, **dating), facts=facts.facts(), warnings=facts.warnings
        )


def _is_publication(doc: TextDocument, section: Section, top: Section) -> bool:
    """Whether a numbered section reports an inspection, review or publication.

    Under a top-level heading naming an inspectorate every subsection does;
    elsewhere the subsection's heading or opening must name one, or say it
    was published.
    """
    if scanner("Inspectorate").find(top.heading) or re.search(
        r"inspection|review", top.heading, re.I
    ):
        return True
    opening = paragraphs(doc.lines, section.body_start, min(section.end, section.body_start + 6))
    text = section.heading + " " + (opening[0].text if opening else "")
    return bool(
        scanner("Inspectorate").find(text)
        or re.search(r"\bpublish|\binspection\b|\breview\b|super[\s-]?complaint", text, re.I)
    )


def _title_and_date(doc: TextDocument) -> tuple[str | None, naming.PaperDate | None]:
    """The paper's title line and the date it states for itself near the top, if any."""
    title = None
    date = None
    for number, raw in enumerate(doc.lines[:20], start=1):
        stripped = raw.strip()
        if TOP_HEADING.match(raw):
            break
        if re.fullmatch(r"inspections,?\s+audits,?\s*(?:&|and)\s*reviews\.?", stripped, re.I):
            title = stripped
        elif stripped and date is None:
            iso = parse_date(stripped)
            if iso and len(iso) == 10:
                date = naming.PaperDate(iso, number, "stated")
    return title, date


@dataclass
class _Sentence:
    para: Para
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.para.text[self.start : self.end]


def _sentences(paras: list[Para]) -> list[_Sentence]:
    return [_Sentence(p, a, b) for p in paras for a, b in sentence_spans(p.text)]


def _publication(
    facts: Facts, doc: TextDocument, force: Ref | None, section: Section, previous: str
) -> str:
    """One publication section: the inspection, its counts, recommendations and follow-ups.

    Returns the title, so the next section can tell a duplicated heading.
    """
    heading = clean_cell(section.heading)
    title = strip_bodies(heading)
    rec_line = _first_recommendation(doc.lines, section)
    paras = paragraphs(doc.lines, section.body_start, (rec_line - 1) if rec_line else section.end)
    sentences = _sentences(paras)
    first = paras[0] if paras else None
    title_ev = facts.evidence(section.line)
    if previous and normalise_label(title) == normalise_label(strip_bodies(clean_cell(previous))):
        entitled = next((m for p in paras for m in [_ENTITLED.search(p.text)] if m), None)
        if entitled:
            para = next(p for p in paras if _ENTITLED.search(p.text))
            facts.warn(
                f"section {section.number} repeats the previous section's heading; "
                f"title taken from its text: {entitled.group('title')!r}",
                section.line,
            )
            title = entitled.group("title").strip()
            title_ev = para.evidence(doc.lines, entitled.start("title"), entitled.end("title"), doc)
        else:
            facts.warn(
                f"section {section.number} repeats the previous section's heading", section.line
            )
    first_text = first.text if first else ""
    kind = inspection_kind(title, " ".join(p.text for p in paras))
    bodies = _bodies(facts, doc, section, heading, first)
    force_text = re.search(
        rf"\b(?:of|into)\s+(?:the\s+force|{force_pattern(force)})['\u2019]s?\b", first_text, re.I
    )
    in_title = re.search(rf"\b{force_pattern(force)}\b", title) if force else None
    force_specific = bool(force) and (
        kind in ("peel", "custody-inspection") or bool(force_text) or bool(in_title)
    )
    if force_specific:
        inspection = Ref.of("Inspection", short_title(title, force), within=force)
    elif bodies:
        inspection = Ref.of("Inspection", title, within=naming.body_ref(bodies[0][0]))
    else:
        inspection = Ref.of("Inspection", title)
        facts.warn(
            f"section {section.number}: no publishing body named; {title!r} is keyed by title alone",
            section.line,
        )
    facts.node(inspection, title_ev, title=title, kind=kind)
    for name, ev in bodies:
        props = (
            {"role": "supporting"}
            if re.search(rf"supported\s+by\s+(?:the\s+)?{re.escape(name)}", first_text, re.I)
            else {}
        )
        facts.edge(R.CONDUCTED_BY, inspection, naming.body_ref(name), ev, **props)

    follow_sentences = _follow_ups(
        facts, doc, force, section, inspection, title, force_specific, bodies, sentences
    )
    published = None
    for sentence in sentences:
        found = read_published(sentence.text)
        if found:
            iso, a, b = found
            published = iso
            facts.node(
                inspection,
                sentence.para.evidence(doc.lines, sentence.start + a, sentence.start + b, doc),
                published=iso,
            )
            break
        if re.search(r"\bpublish|\bpublication\b", sentence.text, re.I):
            break  # the first word of publication gave no date: later dates belong to other reports
    mentions_publication = any(
        re.search(r"\bpublish|\bpublication\b", s.text, re.I) for s in sentences
    )
    if published is None and mentions_publication:
        facts.node(inspection, title_ev, missing=["published"])
        facts.warn(
            f"section {section.number}: no publication date stated for {title!r}", section.line
        )

    inspected = None
    if force_specific:
        evidence = (
            first.evidence(doc.lines, force_text.start(), force_text.end(), doc)
            if force_text and first
            else title_ev
        )
        inspected = True
    else:
        for p in paras:
            found = read_force_inspected(p.text, force)
            if found:
                inspected = found[0]
                evidence = p.evidence(doc.lines, found[1], found[2], doc)
                break
    if inspected is None and kind == "annual-assessment":
        pass  # an annual assessment draws on every inspection; no force is inspected for it
    elif inspected is None:
        facts.node(inspection, title_ev, missing=["forceInspected"])
        facts.warn(
            f"section {section.number}: the paper does not say whether the force was inspected",
            section.line,
        )
    else:
        facts.node(inspection, evidence, forceInspected=inspected)
        if inspected and force is not None:
            facts.edge(R.INSPECTED, inspection, force, evidence)

    counted: set[str] = set()
    for sentence in sentences:
        if id(sentence) in follow_sentences:
            continue
        for name, value in read_counts(sentence.text).items():
            if name in counted:
                continue
            counted.add(name)
            facts.node(
                inspection,
                sentence.para.evidence(doc.lines, sentence.start, sentence.end, doc),
                **{name: value},
            )
    if (
        (published or mentions_publication)
        and "recommendationCount" not in counted
        and kind != "interim-update"
    ):
        facts.node(inspection, title_ev, missing=["recommendationCount"])
        facts.warn(
            f"section {section.number}: no recommendation count stated for {title!r}", section.line
        )
    elif (published or mentions_publication) and "recommendationCount" not in counted:
        facts.node(inspection, title_ev, missing=["recommendationCount"])
        facts.warn(
            f"section {section.number}: the interim report {title!r} states no recommendations yet",
            section.line,
        )

    if rec_line:
        _recommendations(facts, doc, force, section, rec_line, inspection)
    return section.heading


def _bodies(
    facts: Facts, doc: TextDocument, section: Section, heading: str, first: Para | None
) -> list[tuple[str, Evidence]]:
    """The inspectorates that published, lead first: from the opening paragraph, else the heading."""
    found: list[tuple[str, Evidence]] = []
    seen: set[str] = set()
    if first is not None:
        for mention in scanner("Inspectorate").find(first.text):
            key = _canonical(mention.surface)
            if key not in seen:
                seen.add(key)
                found.append(
                    (mention.surface, first.evidence(doc.lines, mention.start, mention.end, doc))
                )
    for mention in scanner("Inspectorate").find(heading):
        key = _canonical(mention.surface)
        if key not in seen:
            seen.add(key)
            found.append((mention.surface, facts.evidence(section.line)))
    return found


def _canonical(surface: str) -> str:
    entry = ontology().gazetteer.lookup(surface)
    return entry.slug if entry else normalise_label(surface)


def _first_recommendation(lines: list[str], section: Section) -> int | None:
    """The line of recommendation 1 of a section, if the section lists its recommendations."""
    for number in range(section.body_start, section.end + 1):
        match = _REC.match(lines[number - 1])
        if match and match.group(1) == "1" and len(match.group(2)) > 40:
            return number
    return None


def _recommendations(
    facts: Facts,
    doc: TextDocument,
    force: Ref | None,
    section: Section,
    start: int,
    inspection: Ref,
) -> None:
    """The numbered recommendations from ``start``: text, addressee, deadline and response."""
    expected = 1
    blocks: list[tuple[int, int]] = []  # (line, number)
    for number in range(start, section.end + 1):
        match = _REC.match(doc.lines[number - 1])
        if match and int(match.group(1)) == expected and len(match.group(2)) > 40:
            blocks.append((number, expected))
            expected += 1
    for index, (line, number) in enumerate(blocks):
        stop = blocks[index + 1][0] - 1 if index + 1 < len(blocks) else section.end
        text_lines = [line]
        cursor = line + 1
        while cursor <= stop:
            raw = doc.lines[cursor - 1]
            if not raw.strip() or is_noise(raw):
                cursor += 1
                continue
            if _BULLET.match(raw) and not _REC.match(raw):
                text_lines.append(cursor)
                cursor += 1
                continue
            break
        pieces = [clean_cell(_REC.match(doc.lines[line - 1]).group(2))]  # type: ignore[union-attr]
        pieces += [clean_cell(_BULLET.sub("", doc.lines[n - 1])) for n in text_lines[1:]]
        text = " ".join(p.rstrip("*").strip() for p in pieces)
        ref = Ref.of("Recommendation", str(number), within=inspection)
        ev = facts.evidence(line, text_lines[-1] if len(text_lines) > 1 else None)
        deadline = None
        body = text
        dates = find_dates(text[:40])
        by = re.match(r"\s*By\s+", text)
        if by and dates and dates[0][0] == by.end():
            deadline = dates[0][2]
            body = text[dates[0][1] :].lstrip(" ,")
        addressee_match = re.match(
            r"(.+?)\s+(?:should|must|to\s+(?:assure|work|ensure|make|review|consider|provide))\b",
            body,
        )
        addressee = addressee_match.group(1).strip(" ,") if addressee_match else None
        for_chief = bool(addressee and re.search(r"chief\s+constable", addressee, re.I))
        facts.node(
            ref,
            ev,
            number=number,
            text=text,
            addressee=addressee,
            forChiefConstables=for_chief if addressee else None,
            deadline=deadline,
            missing=None if addressee else ["addressee"],
        )
        facts.edge(R.ISSUED, inspection, ref, facts.evidence(line))
        if addressee:
            if for_chief:
                facts.edge(
                    R.ADDRESSED_TO,
                    ref,
                    naming.post_ref("Chief Constable", force),
                    facts.evidence(line),
                )
            if re.search(r"police\s+and\s+crime\s+commissioners?|\bPCCs?\b", addressee, re.I):
                facts.edge(
                    R.ADDRESSED_TO,
                    ref,
                    naming.post_ref("Police and Crime Commissioner", force),
                    facts.evidence(line),
                )
        else:
            facts.warn(
                f"recommendation {number} of section {section.number}: addressee not stated", line
            )
        response = [p for p in paragraphs(doc.lines, cursor, stop) if p.text]
        if response:
            words = " ".join(clean_cell(p.text) for p in response)
            facts.node(ref, facts.evidence(response[0].first, response[-1].last), response=words)


def _follow_ups(
    facts: Facts,
    doc: TextDocument,
    force: Ref | None,
    section: Section,
    inspection: Ref,
    title: str,
    force_specific: bool,
    bodies: list[tuple[str, Evidence]],
    sentences: list[_Sentence],
) -> set[int]:
    """Earlier inspections this one revisits (``FOLLOWS_UP``) and what it says of their findings.

    Returns the ids of the sentences used, so their counts are not taken for
    this report's own.
    """
    used: set[int] = set()
    original: Ref | None = None
    count: int | None = None
    for sentence in sentences:
        match = _FOLLOW_UP.search(sentence.text)
        if not match:
            continue
        used.add(id(sentence))
        rest = sentence.text[match.end() :]
        dates = find_dates(rest[:30])
        published = dates[0][2] if dates and dates[0][0] == 0 else None
        if match.group("title"):
            old_title = match.group("title").strip()
        elif re.search(r"post[\s-]inspection\s+review\s*$", title, re.I):
            old_title = re.sub(r"\s*post[\s-]inspection\s+review\s*$", "", title, flags=re.I)
        else:
            old_title = (match.group("desc").strip() + " inspection").strip().capitalize()
        if force_specific:
            original = Ref.of("Inspection", short_title(old_title, force), within=force)
        elif bodies:
            original = Ref.of("Inspection", old_title, within=naming.body_ref(bodies[0][0]))
        else:
            original = Ref.of("Inspection", old_title)
        ev = sentence.para.evidence(doc.lines, sentence.start, sentence.end, doc)
        count = parse_number(match.group("n")) if match.group("n") else None
        facts.node(
            original,
            ev,
            title=old_title,
            kind=inspection_kind(old_title, ""),
            published=published,
            recommendationCount=count,
        )
        if force_specific and force is not None:
            facts.edge(R.INSPECTED, original, force, ev)
        facts.edge(R.FOLLOWS_UP, inspection, original, ev)
        break
    if original is None:
        return used
    for sentence in sentences:
        if id(sentence) in used:
            continue
        text = sentence.text
        if not re.search(r"recommendations|areas\s+for\s+improvement", text, re.I):
            continue
        if not re.search(
            r"\b(?:original|initial|previous|earlier)\b|\b(?:19|20)\d\d\s+inspection", text, re.I
        ):
            continue
        outcome = outcome_for(text)
        if outcome not in ("closed", "open", "discharged", "completed", "superseded"):
            continue
        used.add(id(sentence))
        recs = bool(re.search(r"recommendations", text, re.I))
        afis = bool(re.search(r"areas\s+for\s+improvement|\bAFIs\b", text, re.I))
        kind = (
            "Recommendation"
            if recs and not afis
            else ("AreaForImprovement" if afis and not recs else None)
        )
        ev = sentence.para.evidence(doc.lines, sentence.start, sentence.end, doc)
        stated = Ref.of("StatedCount", facts.stamp, outcome, within=original)
        props: dict[str, object] = {"outcome": outcome, "coversAll": True, "findingKind": kind}
        if count is not None and kind == "Recommendation":
            props.update(
                count=count,
                ofTotal=count,
                deduced=["count", "ofTotal"],
                deducedFrom=[
                    f"count: the recommendations stated as {outcome} are all {count} the review assessed"
                ],
            )
        else:
            props["missing"] = ["count"]
        facts.node(stated, ev, **facts.dated(props, undated=False))
        facts.edge(R.HAS_STATED_COUNT, original, stated, ev)
    return used
