"""One publication section of an inspections-and-audits paper: the inspection, who published it, when, whether the force was inspected, and the counts stated."""

from __future__ import annotations

import re
from dataclasses import dataclass

from oversight.loaders.families.inspections_audits.follow_ups import read_follow_ups
from oversight.loaders.families.inspections_audits.recommendations import (
    first_recommendation,
    read_recommendations,
)
from oversight.loaders.families.inspections_audits.sections import (
    Section,
    strip_bodies,
)
from oversight.loaders.models import Evidence, Ref, TextDocument
from oversight.loaders.toolkit import naming, spans
from oversight.loaders.toolkit.counts import read_counts
from oversight.loaders.toolkit.facts import Facts
from oversight.loaders.toolkit.gazetteer import force_pattern, scanner
from oversight.loaders.toolkit.naming import short_title
from oversight.loaders.toolkit.publication import (
    inspection_kind,
    read_force_inspected,
    read_published,
)
from oversight.loaders.toolkit.spans import Para, Sentence, clean_cell, paragraphs
from oversight.ontology import R, normalise_label, ontology

_ENTITLED = re.compile(
    r"\bentitled\s+['\u2018\"\u201c](?P<title>.+?)['\u2019\"\u201d](?=[.,;]?\s|[.,;]?$)"
)


@dataclass
class Publication:
    """What the stages have read of one publication section so far."""

    section: Section
    heading: str
    title: str
    title_ev: Evidence
    paras: list[Para]
    sentences: list[Sentence]
    kind: str = "inspection"
    inspection: Ref | None = None
    force_specific: bool = False
    force_text: re.Match[str] | None = None
    published: str | None = None
    mentions_publication: bool = False

    @property
    def first(self) -> Para | None:
        return self.paras[0] if self.paras else None

    @property
    def first_text(self) -> str:
        return self.paras[0].text if self.paras else ""


def read_publication(
    facts: Facts, doc: TextDocument, force: Ref | None, section: Section, previous: str
) -> str:
    """One publication section: the inspection, its counts, recommendations and follow-ups.

    Returns the title, so the next section can tell a duplicated heading.
    """
    rec_line = first_recommendation(doc.lines, section)
    paras = paragraphs(doc.lines, section.body_start, (rec_line - 1) if rec_line else section.end)
    pub = section_title(facts, doc, section, paras, previous)
    bodies = _bodies(facts, doc, section, pub.heading, pub.first)
    inspection = keyed_inspection(facts, force, pub, bodies)
    follow_sentences = read_follow_ups(
        facts, doc, force, section, inspection, pub.title, pub.force_specific, bodies, pub.sentences
    )
    publication_date(facts, doc, pub, inspection)
    force_inspected(facts, doc, force, pub, inspection)
    stated_counts(facts, doc, pub, inspection, follow_sentences)
    if rec_line:
        read_recommendations(facts, doc, force, section, rec_line, inspection)
    return section.heading


def section_title(
    facts: Facts, doc: TextDocument, section: Section, paras: list[Para], previous: str
) -> Publication:
    """The section's title and its evidence: the heading without the bodies, or, when the
    heading repeats the previous section's, the title its text gives ("entitled '…'")."""
    heading = clean_cell(section.heading)
    title = strip_bodies(heading)
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
    kind = inspection_kind(title, " ".join(p.text for p in paras))
    return Publication(section, heading, title, title_ev, paras, spans.sentences(paras), kind)


def keyed_inspection(
    facts: Facts, force: Ref | None, pub: Publication, bodies: list[tuple[str, Evidence]]
) -> Ref:
    """The inspection the section reports, keyed by the force when it is the force's own
    (a PEEL or custody inspection, "an inspection of <force>", the force in the title), else
    by its lead publisher; and who published it (``CONDUCTED_BY``)."""
    title, section = pub.title, pub.section
    pub.force_text = re.search(
        rf"\b(?:of|into)\s+(?:the\s+force|{force_pattern(force)})['\u2019]s?\b", pub.first_text, re.I
    )
    in_title = re.search(rf"\b{force_pattern(force)}\b", title) if force else None
    pub.force_specific = bool(force) and (
        pub.kind in ("peel", "custody-inspection") or bool(pub.force_text) or bool(in_title)
    )
    if pub.force_specific:
        inspection = Ref.of("Inspection", short_title(title, force), within=force)
    elif bodies:
        inspection = Ref.of("Inspection", title, within=naming.body_ref(bodies[0][0]))
    else:
        inspection = Ref.of("Inspection", title)
        facts.warn(
            f"section {section.number}: no publishing body named; {title!r} is keyed by title alone",
            section.line,
        )
    facts.node(inspection, pub.title_ev, title=title, kind=pub.kind)
    for name, ev in bodies:
        props = (
            {"role": "supporting"}
            if re.search(rf"supported\s+by\s+(?:the\s+)?{re.escape(name)}", pub.first_text, re.I)
            else {}
        )
        facts.edge(R.CONDUCTED_BY, inspection, naming.body_ref(name), ev, **props)
    pub.inspection = inspection
    return inspection


def publication_date(facts: Facts, doc: TextDocument, pub: Publication, inspection: Ref) -> None:
    """The date the publication was published: the first sentence about publishing that gives one."""
    for sentence in pub.sentences:
        found = read_published(sentence.text)
        if found:
            iso, a, b = found
            pub.published = iso
            facts.node(
                inspection,
                sentence.para.evidence(doc.lines, sentence.start + a, sentence.start + b, doc),
                published=iso,
            )
            break
        if re.search(r"\bpublish|\bpublication\b", sentence.text, re.I):
            break  # the first word of publication gave no date: later dates belong to other reports
    pub.mentions_publication = any(
        re.search(r"\bpublish|\bpublication\b", s.text, re.I) for s in pub.sentences
    )
    if pub.published is None and pub.mentions_publication:
        facts.node(inspection, pub.title_ev, missing=["published"])
        facts.warn(
            f"section {pub.section.number}: no publication date stated for {pub.title!r}", pub.section.line
        )


def force_inspected(
    facts: Facts, doc: TextDocument, force: Ref | None, pub: Publication, inspection: Ref
) -> None:
    """Whether the force was inspected (``forceInspected``, ``INSPECTED``): yes for the
    force's own inspection, else as the section says."""
    section, first, force_text = pub.section, pub.first, pub.force_text
    inspected = None
    if pub.force_specific:
        evidence = (
            first.evidence(doc.lines, force_text.start(), force_text.end(), doc)
            if force_text and first
            else pub.title_ev
        )
        inspected = True
    else:
        for p in pub.paras:
            found = read_force_inspected(p.text, force)
            if found:
                inspected = found[0]
                evidence = p.evidence(doc.lines, found[1], found[2], doc)
                break
    if inspected is None and pub.kind == "annual-assessment":
        pass  # an annual assessment draws on every inspection; no force is inspected for it
    elif inspected is None:
        facts.node(inspection, pub.title_ev, missing=["forceInspected"])
        facts.warn(
            f"section {section.number}: the paper does not say whether the force was inspected",
            section.line,
        )
    else:
        facts.node(inspection, evidence, forceInspected=inspected)
        if inspected and force is not None:
            facts.edge(R.INSPECTED, inspection, force, evidence)


def stated_counts(
    facts: Facts, doc: TextDocument, pub: Publication, inspection: Ref, follow_sentences: set[int]
) -> None:
    """The counts of recommendations (and AFIs, actions) the section states, each once; a
    missing recommendation count is named when the section speaks of a publication."""
    section, title = pub.section, pub.title
    counted: set[str] = set()
    for sentence in pub.sentences:
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
    spoken_of = pub.published or pub.mentions_publication
    if spoken_of and "recommendationCount" not in counted and pub.kind != "interim-update":
        facts.node(inspection, pub.title_ev, missing=["recommendationCount"])
        facts.warn(
            f"section {section.number}: no recommendation count stated for {title!r}", section.line
        )
    elif spoken_of and "recommendationCount" not in counted:
        facts.node(inspection, pub.title_ev, missing=["recommendationCount"])
        facts.warn(
            f"section {section.number}: the interim report {title!r} states no recommendations yet",
            section.line,
        )


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
