"""Internal and external audit in inspections-and-audits papers .

The audit section of the paper carries two tables and a word on the auditors:

- the internal audit plan: audit, planned start (a date or a quarter),
  sponsor(s), status ("DRAFT issued 22//10/21", "FINAL issued 6/9/23
  (Reasonable assurance)", "Fieldwork in progress");
- the audit actions signed off at the Joint Audit Committee: audit,
  recommendation numbers ("2,3,4,5,6 & 7"), risk, deadline, sign-off date, and
  sometimes a note under a row ("marked as completed due to being superseded");
- "Our auditors, EY, …", "the internal auditors, RSM, …".

The tables are read by :func:`oversight.loaders.toolkit.tables.read_tables`.
"""

from __future__ import annotations

import re

from oversight.loaders.models import Evidence, Ref, TextDocument
from oversight.loaders.toolkit import naming
from oversight.loaders.toolkit.auditors import auditors_in
from oversight.loaders.toolkit.facts import Facts
from oversight.loaders.toolkit.gazetteer import board_mentions
from oversight.loaders.toolkit.spans import clean_cell, paragraphs, sentence_spans
from oversight.loaders.toolkit.tables import Row, Table, read_tables
from oversight.loaders.toolkit.textparse import parse_date, parse_quarter
from oversight.ontology import R, normalise_label, ontology

__all__ = ["extract_audits", "extract_auditors", "plan_year"]


def plan_year(text: str) -> str | None:
    """The audit plan year a sentence names, as ``2021/22``.

    >>> [plan_year(t) for t in ("the plan for 2021/22", "the 23/24 Internal Audit Plan", "no year")]
    ['2021/22', '2023/24', None]
    """
    match = re.search(r"(?<![\d/])(20\d\d|\d\d)\s*/\s*(\d\d)(?![\d/])", text)
    if not match:
        return None
    start = match.group(1)
    start = start if len(start) == 4 else f"20{start}"
    return f"{start}/{match.group(2)}"


def _row_evidence(facts: Facts, row: Row) -> Evidence:
    return facts.evidence(row.first, row.last if row.last != row.first else None)


def _audit_name(cell: str) -> tuple[str, bool]:
    joint = bool(re.search(r"\(\s*joint\s*\)", cell, re.I))
    name = re.sub(r"\s*\(\s*joint\s*\)\s*", " ", cell, flags=re.I)
    return clean_cell(name).strip(" -\u2013"), joint


def extract_audits(
    facts: Facts, doc: TextDocument, force: Ref | None, start: int, end: int
) -> None:
    """Every audit of the plan tables and every signed-off audit action between ``start`` and ``end``.

    The plan year is read from the sentence introducing the table ("the 23/24
    Internal Audit Plan") and goes into the audit's key, because the same audit
    name recurs in every year's plan. An action signed off for an audit that is
    not on this paper's plan keeps its name without a year, flagged missing.
    """
    planned: dict[str, Ref] = {}
    for table in read_tables(doc.lines, start, end):
        if {"name", "start", "sponsor", "status"} <= set(table.fields):
            year = None
            for back in range(table.header_line - 1, max(start, table.header_line - 12) - 1, -1):
                if re.search(r"\bplan\b", doc.lines[back - 1], re.I):
                    year = plan_year(doc.lines[back - 1])
                    if year:
                        break
            if year is None:
                facts.warn(
                    "audit plan table with no plan year stated; audits keyed without one",
                    table.header_line,
                )
            for row in table.rows:
                ref = _planned_audit(facts, doc, force, table, row, year)
                name = _audit_name(table.value(row, "name") or "")[0]
                planned.setdefault(normalise_label(name), ref)
        elif {"name", "recs", "signoff"} <= set(table.fields):
            _signed_off(facts, doc, force, table, planned, start)


def _planned_audit(
    facts: Facts, doc: TextDocument, force: Ref | None, table: Table, row: Row, year: str | None
) -> Ref:
    name, joint = _audit_name(table.value(row, "name") or "")
    ev = _row_evidence(facts, row)
    ref = Ref.of("Audit", f"{year} {name}" if year else name, within=force)
    props: dict[str, object] = {"title": name, "planYear": year, "joint": True if joint else None}
    missing: list[str] = [] if year else ["planYear"]
    start_cell = table.value(row, "start") or ""
    start_date = parse_date(start_cell)
    quarter = parse_quarter(start_cell) if start_date is None else None
    if start_date:
        props["plannedStart"] = start_date
    elif quarter:
        props["plannedQuarter"] = quarter
    else:
        missing.append("plannedStart")
        facts.warn(
            f"audit {name!r}: planned start {start_cell!r} is neither a date nor a quarter",
            row.first,
        )
    sponsor_cell = clean_cell(table.value(row, "sponsor") or "")
    sponsors: list[str] = []
    if not sponsor_cell or re.search(
        r"\b(?:TBC|TBA|TBD|to\s+be\s+confirmed)\b", sponsor_cell, re.I
    ):
        props["sponsorMissing"] = True
    else:
        sponsors = [
            s.strip() for s in re.split(r"\s*/\s*|\s*&\s*|\s+and\s+", sponsor_cell) if s.strip()
        ]
    status_cell = clean_cell(table.value(row, "status") or "")
    props["stageText"] = status_cell
    props.update(_stage(status_cell))
    if "stage" not in props:
        missing.append("stage")
        facts.warn(f"audit {name!r}: status {status_cell!r} is not a known audit stage", row.first)
    facts.node(ref, ev, missing=missing or None, **props)
    for sponsor in sponsors:
        facts.edge(
            R.SPONSORED_BY,
            ref,
            naming.person_ref(sponsor, force),
            table.cell_evidence(facts, row, "sponsor"),
        )
    return ref


def _stage(status: str) -> dict[str, object]:
    """Stage, stage date and assurance of a status cell ("FINAL issued 6/9/23 (Reasonable assurance)")."""
    stages = ontology().vocabulary("AuditStages")
    issued = re.match(
        r"(?P<stage>DRAFT|FINAL)\s+(?:report\s+)?issued\s+(?P<date>\S+)\s*(?:\((?P<assurance>[^)]*)\))?",
        status,
        re.I,
    )
    if issued:
        props: dict[str, object] = {"stage": stages.notation_for(f"{issued.group('stage')} issued")}
        props["stageDate"] = parse_date(issued.group("date"))
        if issued.group("assurance"):
            props["assurance"] = (
                ontology().vocabulary("AssuranceLevels").notation_for(issued.group("assurance"))
            )
        return {k: v for k, v in props.items() if v is not None}
    notation = stages.notation_for(status)
    return {"stage": notation} if notation else {}


def _signed_off(
    facts: Facts,
    doc: TextDocument,
    force: Ref | None,
    table: Table,
    planned: dict[str, Ref],
    start: int,
) -> None:
    """The audit actions signed off: one AuditRecommendation per number, completed at sign-off."""
    risks = ontology().vocabulary("RiskLevels")
    oversight: tuple[Ref, Evidence] | None = None
    for para in paragraphs(doc.lines, max(start, table.header_line - 4), table.header_line - 1):
        for a, b in sentence_spans(para.text):
            text = para.text[a:b]
            if re.search(r"\bactions?\b", text, re.I) and re.search(r"\breport|\bsign", text, re.I):
                boards = board_mentions(text)
                if boards:
                    oversight = (
                        naming.board_ref(boards[0].surface, force),
                        para.evidence(doc.lines, a, b, doc),
                    )
                    break
        if oversight:
            break
    warned: set[str] = set()
    for row in table.rows:
        name, _ = _audit_name(table.value(row, "name") or "")
        ev = _row_evidence(facts, row)
        audit = planned.get(normalise_label(name))
        if audit is None:
            audit = Ref.of("Audit", name, within=force)
            facts.node(audit, ev, title=name, missing=["planYear"])
            if name not in warned:
                warned.add(name)
                facts.warn(
                    f"audit {name!r} has actions signed off but is not on this paper's plan; plan year unknown",
                    row.first,
                )
        numbers = [int(n) for n in re.findall(r"\d+", table.value(row, "recs") or "")]
        risk_cell = clean_cell(table.value(row, "risk") or "")
        levels = [
            risks.notation_for(part) for part in re.split(r"\s*/\s*", risk_cell) if part.strip()
        ]
        risk = levels[0] if len(levels) == 1 else None
        risk_props: dict[str, object] = {"risk": risk}
        if risk is None and risk_cell:
            risk_props = {"riskText": risk_cell, "missing": ["risk"]}
            facts.warn(
                f"audit {name!r}: risk {risk_cell!r} is stated for recommendations "
                f"{', '.join(map(str, numbers))} together; which level each has is not stated",
                row.first,
            )
        deadline = parse_date(table.value(row, "deadline") or "")
        signed = parse_date(table.value(row, "signoff") or "")
        superseded = next(
            ((line, note) for line, note in row.notes if re.search(r"supersed", note, re.I)), None
        )
        recs_ev = table.cell_evidence(facts, row, "recs")
        signed_ev = table.cell_evidence(facts, row, "signoff")
        for number in numbers:
            rec = Ref.of("AuditRecommendation", str(number), within=audit)
            facts.node(rec, ev, number=number, deadline=deadline, signedOff=signed, **risk_props)
            facts.edge(R.RAISED_IN, rec, audit, recs_ev)
            if oversight:
                facts.edge(R.OVERSEEN_BY, rec, oversight[0], oversight[1])
            status = Ref.of("StatusAssessment", signed or "signed-off", within=rec)
            if superseded:
                sev = facts.evidence(superseded[0])
                facts.node(status, sev, status="superseded", completed=True, date=signed)
                facts.edge(R.HAS_STATUS, rec, status, sev)
            else:
                facts.node(status, ev, status="completed", completed=True, date=signed)
                facts.edge(R.HAS_STATUS, rec, status, signed_ev)


def extract_auditors(
    facts: Facts, doc: TextDocument, force: Ref | None, start: int, end: int
) -> None:
    """The firms named as the force's internal or external auditors (``AUDITED_BY``)."""
    if force is None:
        return
    role = None
    for number in range(start, end + 1):
        heading = re.match(
            r"^\s*\d{1,2}\.\d{1,2}\s+(Internal|External)\s+Audit", doc.lines[number - 1], re.I
        )
        if heading:
            role = heading.group(1).lower()
        for para in paragraphs(doc.lines, number, number):
            auditors_in(facts, doc, force, para, role)
