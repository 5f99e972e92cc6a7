"""Keys are stable readable slugs; same input, same key."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oversight.errors import BadParameter
from oversight.graph.keys import KEY_PATTERN, check_key, make_key, slugify


def test_slugify_lowercases_and_hyphenates() -> None:
    assert slugify("PEEL 2021/22") == "peel-2021-22"


def test_slugify_drops_apostrophes_and_spells_ampersands() -> None:
    assert slugify("Women\u2019s Justice & Safety") == "womens-justice-and-safety"


def test_slugify_cuts_long_text_with_a_hash_tail() -> None:
    assert slugify("a " * 60) == "a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-2f6099e1"


def test_two_long_titles_sharing_their_opening_get_different_slugs() -> None:
    opening = "A joint thematic inspection of the police and Crown Prosecution Service response to rape "
    assert slugify(opening + "phase one") != slugify(opening + "phase two")


def test_make_key_joins_slugged_parts() -> None:
    assert make_key("Kent Police", "PEEL 2021/22", "AFI 05") == "kent-police/peel-2021-22/afi-05"


def test_check_key_refuses_text_that_is_not_a_key() -> None:
    with pytest.raises(BadParameter, match="'Kent Police' is not a key"):
        check_key("Kent Police")


@given(st.lists(st.text(min_size=1, max_size=40), min_size=1, max_size=4))
def test_make_key_is_a_well_formed_key_and_the_same_on_every_call(parts: list[str]) -> None:
    key = make_key(*parts)
    assert KEY_PATTERN.match(key) and make_key(*parts) == key
