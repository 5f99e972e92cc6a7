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

from collections import defaultdict
from typing import Any

from oversight.graph.model import OversightGraph
from oversight.graph.status import status_history

__all__ = ["tfidf", "similarities", "pair_similarities", "comparison_text"]


def tfidf(texts: dict[str, str]) -> tuple[list[str], Any] | None:
    """The keys in order and their TF-IDF matrix (English stop words out, words and pairs of
    words, sublinear term frequency); None when fewer than two texts or only stop words."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    keys = sorted(texts)
    if len(keys) < 2:
        return None
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True, ngram_range=(1, 2), min_df=1)
    try:
        return keys, vectorizer.fit_transform([texts[k] for k in keys])
    except ValueError:  # every text was stop words only
        return None


def similarities(texts: dict[str, str]) -> dict[tuple[str, str], float]:
    """Cosine similarity of every ordered pair of texts (keys), TF-IDF weighted, English stop words out."""
    from sklearn.metrics.pairwise import cosine_similarity

    fitted = tfidf(texts)
    if fitted is None:
        return {}
    keys, matrix = fitted
    sims: Any = cosine_similarity(matrix)
    return {(a, b): float(sims[i, j]) for i, a in enumerate(keys) for j, b in enumerate(keys) if i != j}


def pair_similarities(
    texts: dict[str, str], pairs: dict[str, list[str]]
) -> dict[tuple[str, str], float]:
    """TF-IDF cosine similarity of the ``(earlier, later)`` pairs asked for.

    The vectoriser is fitted on every text, exactly as
    :func:`similarities` fits it, and each pair's
    score is the same number that function gives it; only the pairs the rules
    can use are computed, instead of every pair of every finding in the graph
    (quadratic in findings, and most pairs are of other forces).
    """
    from sklearn.metrics.pairwise import cosine_similarity

    fitted = tfidf(texts)
    if fitted is None:
        return {}
    keys, matrix = fitted
    row = {key: index for index, key in enumerate(keys)}
    # Earlier findings that meet the same later findings are scored in one product.
    groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for earlier, laters in pairs.items():
        if laters:
            groups[tuple(laters)].append(earlier)
    sims: dict[tuple[str, str], float] = {}
    for group, earliers in groups.items():
        scores = cosine_similarity(matrix[[row[e] for e in earliers]], matrix[[row[k] for k in group]])
        for i, earlier in enumerate(earliers):
            for j, later in enumerate(group):
                if later != earlier:
                    sims[(earlier, later)] = float(scores[i, j])
    return sims



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
