"""Node keys: stable, readable slugs that double as identity.

A key is a path of slugs, ``kent-police/peel-2021-22/afi-05``. Two references
whose keys are equal *are* the same thing (that is what entity resolution
decides), so key equality is identity by definition: the same input gives the
same key on every run, and distinct things cannot share a key because their
paths differ in the segment that says what they are (``afi-05`` vs
``rec-05``, ``board/...`` vs ``post/...``). Should two kinds ever meet at one
key anyway, merging raises :class:`~oversight.errors.KeyCollision` rather than
uniting them.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from oversight.errors import BadParameter

__all__ = ["slugify", "make_key", "check_key", "KEY_PATTERN", "SEGMENT_LIMIT"]

KEY_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*(?:/[a-z0-9][a-z0-9-]*)*$")
SEGMENT_LIMIT = 72


def slugify(text: str, limit: int = SEGMENT_LIMIT) -> str:
    """Lower-case ASCII words joined by hyphens; long text is cut and given a hash tail.

    The hash tail keeps two long titles that share their first words apart.

    >>> slugify("PEEL 2021/22")
    'peel-2021-22'
    >>> slugify("Fraud: Time to choose \u2013 a review")
    'fraud-time-to-choose-a-review'
    >>> slugify("His Majesty\u2019s Inspectorate")
    'his-majestys-inspectorate'
    >>> len(slugify("word " * 40))
    72
    """
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    folded = re.sub(r"['\u2019\u2018`]", "", folded)
    folded = folded.replace("&", " and ")
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    if not slug:
        slug = "x" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    if len(slug) > limit:
        tail = hashlib.sha256(slug.encode("ascii")).hexdigest()[:8]
        slug = slug[: limit - 9].rstrip("-") + "-" + tail
    return slug


def make_key(*parts: str) -> str:
    """Join slugged parts into a key; a part that is already a key path is kept as it is.

    >>> make_key("Kent Police", "PEEL 2021/22", "AFI 05")
    'kent-police/peel-2021-22/afi-05'
    >>> make_key("kent-police/peel-2021-22", "AFI 5")
    'kent-police/peel-2021-22/afi-5'
    """
    segments: list[str] = []
    for part in parts:
        if KEY_PATTERN.match(part):
            segments.append(part)
        else:
            segments.append(slugify(part))
    return "/".join(segments)


def check_key(key: str) -> str:
    """Return ``key`` if it is well formed, else raise BadParameter.

    >>> check_key("kent-police/peel-2021-22/afi-05")
    'kent-police/peel-2021-22/afi-05'
    >>> check_key("Kent Police")
    Traceback (most recent call last):
    ...
    oversight.errors.BadParameter: 'Kent Police' is not a key (lower-case slugs joined by '/', e.g. kent-police/peel-2021-22/afi-05)
    """
    if not KEY_PATTERN.match(key):
        raise BadParameter(
            f"{key!r} is not a key (lower-case slugs joined by '/', e.g. kent-police/peel-2021-22/afi-05)"
        )
    return key
