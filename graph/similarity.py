"""Text similarity between findings and statements: TF-IDF cosine (scikit-learn).

Used where the tool must say how alike two wordings are — inferring which later
finding may supersede an earlier one, matching a statement that describes one
finding ("the AFI in respect of protected characteristics") to that finding —
and always reported with its score.

>>> sims = similarities({"a": "call takers give crime prevention advice",
...                      "b": "crime prevention advice given by call takers",
...                      "c": "vetting clearance for every post"})
>>> sims[("a", "b")] > 0.5 > sims[("a", "c")]
True
"""

from __future__ import annotations

from typing import Any

from oversight.graph.model import OversightGraph
from oversight.graph.status import status_history

__all__ = ["similarities", "comparison_text"]


def similarities(texts: dict[str, str]) -> dict[tuple[str, str], float]:
    """Cosine similarity of every ordered pair of texts (keys), TF-IDF weighted, English stop words out."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    keys = sorted(texts)
    if len(keys) < 2:
        return {}
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True, ngram_range=(1, 2), min_df=1)
    try:
        matrix = vectorizer.fit_transform([texts[k] for k in keys])
    except ValueError:  # every text was stop words only
        return {}
    sims: Any = cosine_similarity(matrix)
    return {(a, b): float(sims[i, j]) for i, a in enumerate(keys) for j, b in enumerate(keys) if i != j}


def comparison_text(graph: OversightGraph, key: str, with_actions: bool = False) -> tuple[str, bool]:
    """The wording to compare a finding on: its text, or (when the paper lost it) its recorded actions.

    With ``with_actions``, the recorded actions are added to the text: a paper
    describing a finding ("the AFI on protected characteristics") often uses
    the words of its actions rather than of its heading. Returns the text and
    whether it stands in for a lost text.
    """
    node = graph.node(key)
    text = str(node["text"]) if node.get("text") else ""
    if text and not with_actions:
        return text, False
    parts = [text] if text else []
    for status in status_history(graph, key):
        for prop in ("actionsTaken", "ongoingActivity", "progressText"):
            if status.get(prop):
                parts.append(str(status[prop]))
    return " ".join(parts), not text
