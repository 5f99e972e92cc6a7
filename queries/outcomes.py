"""What became of a finding: the outcome rule, for the query stage.

The recorded rule lives in :mod:`oversight.graph.status` and the standing every
surface shows in :mod:`oversight.graph.standing` (written on each finding when the
graph is built); this module re-exports the vocabulary and the history helpers
for queries and views.

>>> from oversight.queries.outcomes import OUTCOMES
>>> OUTCOMES
('closed', 'discharged', 'superseded', 'carried-forward', 'signed-off', 'open', 'unknown')
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
