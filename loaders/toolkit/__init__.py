"""The extraction toolkit: what every layer of ``loaders/`` reads a paper with.

A paper passes through the toolkit (lines, paragraphs, sentences, gazetteer
mentions, dates, numbers), then the statement layer (``loaders/statements``),
then its family's layout modules (``loaders/families/<family>/``), each adding
facts to a collector with evidence. Families import from here, from
``loaders.models``, ``loaders.statements`` and the ontology, never from
another family.

Every public name of the toolkit's modules is also a name of the package, as
networkx flattens its algorithms: ``toolkit.parse_date`` is
:func:`oversight.loaders.toolkit.textparse.parse_date`.

=================  ==========================================================
module             holds
=================  ==========================================================
``facts``          the fact collector with evidence (:class:`Facts`)
``spans``          paragraphs and sentences with the raw lines they came from
``gazetteer``      mentions of gazetteer names (bodies, boards, posts, forces)
``textparse``      numbers, dates, quarters, anticipated completion dates
``naming``         how things are keyed alike in every paper: forces, PEEL rounds, areas, bodies
``counts``         counts of findings a sentence states
``statuses``       finding statuses as papers word them
``publication``    what a paper says of a publication (force inspected, kind, date)
``tables``         tables with known header cells (audit plans, action trackers)
``auditors``       the firms named as a force's auditors
=================  ==========================================================

>>> from oversight.loaders import toolkit
>>> toolkit.parse_date("23rd June 2021"), toolkit.peel_round("PEEL 2021/22")
('2021-06-23', '2021/22')
"""

from __future__ import annotations

from oversight.loaders.toolkit.auditors import (
    auditors_in,
)
from oversight.loaders.toolkit.counts import (
    NUM,
    read_counts,
)
from oversight.loaders.toolkit.facts import (
    Facts,
)
from oversight.loaders.toolkit.gazetteer import (
    NameMention,
    NameScanner,
    board_mentions,
    force_names,
    force_pattern,
    read_chairs,
    scanner,
)
from oversight.loaders.toolkit.naming import (
    PaperDate,
    area_ref,
    area_slug,
    board_ref,
    body_ref,
    find_force,
    force_ref,
    grade_scale,
    paper_stamp,
    peel_inspection,
    peel_pillar,
    peel_round,
    period_date,
    person_ref,
    post_ref,
    round_year,
    short_title,
)
from oversight.loaders.toolkit.publication import (
    inspection_kind,
    read_force_inspected,
    read_published,
)
from oversight.loaders.toolkit.spans import (
    Para,
    clean_cell,
    is_noise,
    paragraphs,
    sentence_spans,
)
from oversight.loaders.toolkit.statuses import (
    outcome_for,
    status_for,
)
from oversight.loaders.toolkit.tables import (
    Row,
    Table,
    read_tables,
)
from oversight.loaders.toolkit.textparse import (
    NUMBER_PATTERN,
    find_dates,
    parse_anticipated_completion,
    parse_date,
    parse_number,
    parse_quarter,
)

__all__ = [
    "NUMBER_PATTERN",
    "find_dates",
    "parse_anticipated_completion",
    "parse_date",
    "parse_number",
    "parse_quarter",
    "find_force",
    "force_ref",
    "peel_round",
    "round_year",
    "peel_inspection",
    "peel_pillar",
    "area_slug",
    "area_ref",
    "body_ref",
    "board_ref",
    "post_ref",
    "person_ref",
    "paper_stamp",
    "PaperDate",
    "period_date",
    "grade_scale",
    "short_title",
    "Facts",
    "Para",
    "is_noise",
    "paragraphs",
    "sentence_spans",
    "clean_cell",
    "NameMention",
    "NameScanner",
    "scanner",
    "board_mentions",
    "read_chairs",
    "force_names",
    "force_pattern",
    "read_counts",
    "NUM",
    "outcome_for",
    "status_for",
    "read_force_inspected",
    "inspection_kind",
    "read_published",
    "Table",
    "Row",
    "read_tables",
    "auditors_in",
]
