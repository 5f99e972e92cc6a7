"""What became of a finding: the outcome rule, for the query stage.

The rule itself lives in :mod:`oversight.graph.status` (the graph stage needs
it too, to infer supersession only where no outcome is stated); this module
re-exports it for queries and views.

>>> from oversight.queries.outcomes import OUTCOMES
>>> OUTCOMES
('closed', 'discharged', 'superseded', 'carried-forward', 'open', 'unknown')
"""

from __future__ import annotations

from oversight.graph.status import (
    DECIDING_BASES,
    OUTCOMES,
    STATUS_OUTCOME,
    current_status,
    finding_outcome,
    status_history,
    superseded_by,
)

__all__ = [
    "OUTCOMES",
    "DECIDING_BASES",
    "STATUS_OUTCOME",
    "finding_outcome",
    "superseded_by",
    "status_history",
    "current_status",
]
