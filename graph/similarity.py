"""Text similarity between findings and statements: TF-IDF cosine (scikit-learn), of words and,
for short texts, of character n-grams too.

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

__all__ = ["tfidf", "char_tfidf", "similarities", "pair_similarities", "short_text_similarities", "ShortTexts", "comparison_text"]


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
    fitted = tfidf(texts)
    if fitted is None:
        return {}
    return _pair_cosines(*fitted, pairs)


def char_tfidf(texts: dict[str, str]) -> tuple[list[str], Any] | None:
    """The keys in order and their TF-IDF matrix of character 3- to 5-grams within words
    (scikit-learn ``analyzer="char_wb"``, sublinear term frequency); None when fewer than
    two texts or no text has a character.

    Short texts that word the same concern differently ("call takers give advice" /
    "advice to callers") share few whole words but many pieces of words."""
    keys = sorted(texts)
    if len(keys) < 2:
        return None
    try:
        return keys, _char_vectorizer().fit_transform([texts[k] for k in keys])
    except ValueError:  # no text had a character to count
        return None


def _word_vectorizer() -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(stop_words="english", sublinear_tf=True, ngram_range=(1, 2), min_df=1)


def _char_vectorizer() -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)


class ShortTexts:
    """Similarity of short texts: the mean of the word TF-IDF cosine (as :func:`tfidf` weighs
    words) and the character n-gram TF-IDF cosine (as :func:`char_tfidf`), fitted once on
    ``texts``; more texts can be added later and are weighed by what was fitted.

    >>> st = ShortTexts({"a": "make sure call takers give advice on crime prevention",
    ...                  "b": "give callers advice on crime prevention",
    ...                  "c": "supervise investigation plans properly"})
    >>> st.add({"p": "advice on crime prevention given to every caller"})
    >>> sims = st.pairs({"a": ["b", "c", "p"]})
    >>> [round(sims[("a", k)], 2) for k in "bcp"]
    [0.56, 0.02, 0.62]
    """

    def __init__(self, texts: dict[str, str]) -> None:
        self.row: dict[str, int] = {}
        self.matrices: list[Any] = []
        keys = sorted(texts)
        if len(keys) < 2:
            return
        self.vectorizers = [_word_vectorizer(), _char_vectorizer()]
        try:
            self.matrices = [v.fit_transform([texts[k] for k in keys]) for v in self.vectorizers]
        except ValueError:  # only stop words, or no character at all
            self.matrices = []
            return
        self.row = {key: index for index, key in enumerate(keys)}

    def add(self, texts: dict[str, str]) -> None:
        """Weigh more texts (keys not seen before) by the fitted vocabularies."""
        from scipy.sparse import vstack

        keys = sorted(k for k in texts if k not in self.row)
        if not self.matrices or not keys:
            return
        self.matrices = [
            vstack([m, v.transform([texts[k] for k in keys])]).tocsr() for m, v in zip(self.matrices, self.vectorizers, strict=True)
        ]
        base = len(self.row)
        self.row.update({key: base + i for i, key in enumerate(keys)})

    def pairs(self, pairs: dict[str, list[str]]) -> dict[tuple[str, str], float]:
        """The similarity of every ``(a, b)`` pair asked for (both keys known)."""
        if not self.matrices:
            return {}
        wanted = [(a, b) for a, bs in pairs.items() if a in self.row for b in bs if b in self.row and b != a]
        if not wanted:
            return {}
        scores = sum(_cosines(m, [self.row[a] for a, _ in wanted], [self.row[b] for _, b in wanted]) for m in self.matrices)
        return {pair: float(score) / len(self.matrices) for pair, score in zip(wanted, scores, strict=True)}


def short_text_similarities(
    texts: dict[str, str], pairs: dict[str, list[str]]
) -> dict[tuple[str, str], float]:
    """Similarity of the ``(a, b)`` pairs asked for, for short texts (see :class:`ShortTexts`),
    fitted on every text.

    >>> sims = short_text_similarities(
    ...     {"a": "make sure call takers give advice on crime prevention",
    ...      "b": "give callers advice on crime prevention",
    ...      "c": "supervise investigation plans properly"}, {"a": ["b", "c"]})
    >>> round(sims[("a", "b")], 2), round(sims[("a", "c")], 2)
    (0.56, 0.02)
    """
    return ShortTexts(texts).pairs(pairs)


#: Row pairs multiplied at once: selecting rows copies them, so memory grows with the pairs
#: asked for; in chunks it stays a few megabytes however many pairs there are.
_CHUNK = 4096


def _cosines(matrix: Any, rows_a: list[int], rows_b: list[int]) -> Any:
    """Cosine of row pairs of an L2-normalised (TF-IDF) matrix: their dot products, a chunk at a time."""
    import numpy as np

    return np.concatenate(
        [
            np.asarray(matrix[rows_a[i : i + _CHUNK]].multiply(matrix[rows_b[i : i + _CHUNK]]).sum(axis=1)).ravel()
            for i in range(0, len(rows_a), _CHUNK)
        ]
        or [np.zeros(0)]
    )


def _pair_cosines(keys: list[str], matrix: Any, pairs: dict[str, list[str]]) -> dict[tuple[str, str], float]:
    row = {key: index for index, key in enumerate(keys)}
    wanted = [(a, b) for a, bs in pairs.items() if a in row for b in bs if b in row and b != a]
    if not wanted:
        return {}
    scores = _cosines(matrix, [row[a] for a, _ in wanted], [row[b] for _, b in wanted])
    return {pair: float(score) for pair, score in zip(wanted, scores, strict=True)}


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
