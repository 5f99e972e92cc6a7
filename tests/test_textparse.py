"""Tests for oversight.loaders.toolkit.textparse: numbers, dates, quarters, progress lines.

Texts here are written for the tests; they restate dates and counts of the kind
the seed papers use, not the papers' wording.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import time
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oversight.loaders.toolkit.textparse import (
    NUMBER_PATTERN,
    find_dates,
    parse_anticipated_completion,
    parse_date,
    parse_number,
    parse_quarter,
)

# --------------------------------------------------------------------------
# parse_number and NUMBER_PATTERN
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("14", 14), ("1,248", 1248), ("1248", 1248), ("0", 0), ("12,509", 12509), (" 7\t", 7)],
)
def test_digits_are_read_as_integers(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("one", 1),
        ("Four", 4),
        ("SEVEN", 7),
        ("thirteen", 13),
        ("seventeen", 17),
        ("eighteen", 18),
        ("twenty", 20),
        ("sixty", 60),
        ("ninety", 90),
        ("zero", 0),
    ],
)
def test_number_words_are_read_in_any_case(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("forty-three", 43), ("twenty one", 21), ("sixty-nine", 69), ("Ninety-Nine", 99)],
)
def test_compound_number_words_are_read_with_hyphen_or_space(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a hundred and two", 102),
        ("one hundred", 100),
        ("two hundred forty", 240),
        ("nine hundred and ninety-nine", 999),
    ],
)
def test_hundreds_are_read(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "tone",
        "twenty-first",
        "28th",
        "1.5",
        "12,34",
        "1,2345",
        "14 AFIs",
        "seven.",
        "hundred",
        "a",
        "twenty twenty",
        "-5",
        "\u0663",  # ARABIC-INDIC DIGIT THREE: only ASCII digits count
    ],
)
def test_text_that_is_not_one_number_gives_none(text):
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("thirteen recommendations, seven of which are for chief officers", ["thirteen", "seven"]),
        ("made 43 recommendations with 28 for chief officers", ["43", "28"]),
        ("14 of the 19 AFIs were closed", ["14", "19"]),
        ("Four of the five remaining AFIs", ["Four", "five"]),
        ("a further sixty-nine officers (43 to teams)", ["sixty-nine", "43"]),
    ],
)
def test_number_pattern_finds_each_count_in_a_sentence(text, expected):
    assert re.findall(NUMBER_PATTERN, text) == expected


def test_number_pattern_skips_decimals_ordinals_fractions_and_dates():
    assert re.findall(NUMBER_PATTERN, "5.4% in 2021/22, ranked 28th, Q3/4, on 09/08/2021") == []


def test_number_pattern_skips_number_words_hyphenated_to_a_noun():
    assert re.findall(NUMBER_PATTERN, "a two-week period and a Three-day course") == []


def test_number_pattern_does_not_match_inside_words():
    assert re.findall(NUMBER_PATTERN, "someone often tones down a tenet") == []


def test_number_pattern_has_no_capture_groups():
    assert re.compile(NUMBER_PATTERN).groups == 0


def test_number_pattern_is_case_insensitive_when_embedded_without_flags():
    match = re.search(
        rf"({NUMBER_PATTERN}) of the ({NUMBER_PATTERN}) remaining", "FOUR of the Five remaining"
    )
    assert match.groups() == ("FOUR", "Five")


# --------------------------------------------------------------------------
# parse_date
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("23rd June 2021", "2021-06-23"),
        ("On 5th August 2021", "2021-08-05"),
        ("28 April 2022", "2022-04-28"),
        ("17 November 2023", "2023-11-17"),
        ("1st December 2021", "2021-12-01"),
        ("By 14 June 2024", "2024-06-14"),
        ("2nd of March 2023", "2023-03-02"),
        ("9 Sept 2021", "2021-09-09"),
        ("28 April 2022.", "2022-04-28"),
    ],
)
def test_day_month_year_is_read_to_day_precision(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tuesday, 27th June, 2023", "2023-06-27"),
        ("Wednesday 15 March 2023", "2023-03-15"),
        ("Mon 19 June 2023", "2023-06-19"),
    ],
)
def test_weekday_that_agrees_with_the_date_is_accepted(text, expected):
    assert parse_date(text) == expected


def test_weekday_that_contradicts_the_date_gives_none():
    assert parse_date("Monday 27 June 2023") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("March 2023", "2023-03"), ("Sept. 2021", "2021-09"), ("april, 2023", "2023-04")],
)
def test_month_and_year_are_read_to_month_precision(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text", ["end of March 2023", "by the end of March 2023", "early March 2023", "mid-March 2023"]
)
def test_part_of_a_month_keeps_month_precision(text):
    assert parse_date(text) == "2023-03"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09/08/2021", "2021-08-09"),
        ("6/9/23", "2023-09-06"),
        ("12/06/23", "2023-06-12"),
        ("31/10/2023", "2023-10-31"),
    ],
)
def test_numeric_date_is_read_as_uk_day_month_year(text, expected):
    assert parse_date(text) == expected


def test_doubled_slash_date_is_read_as_day_month_year():
    assert parse_date("22//10/21") == "2021-10-22"


def test_surrounding_whitespace_is_ignored():
    assert parse_date("14/02/24 ") == "2024-02-14"


def test_line_break_inside_a_date_counts_as_a_space():
    assert parse_date("27th June\n2023") == "2023-06-27"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1/1/00", "2000-01-01"),
        ("1/1/69", "2069-01-01"),
        ("1/1/70", "1970-01-01"),
        ("31/12/99", "1999-12-31"),
    ],
)
def test_two_digit_years_pivot_between_69_and_70(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    ["31/02/2023", "29/02/2023", "30 February 2024", "31/04/21", "0/1/23", "12/13/23", "00/00/00"],
)
def test_impossible_dates_give_none(text):
    assert parse_date(text) is None


def test_leap_day_in_a_leap_year_is_accepted():
    assert parse_date("29/02/2024") == "2024-02-29"


def test_iso_date_is_read():
    assert parse_date("2023-06-01") == "2023-06-01"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023", "2023"),
        ("early 2019", "2019"),
        ("mid-2016", "2016"),
        ("Spring 2024", "2024"),
        ("by the end of 2021", "2021"),
    ],
)
def test_bare_year_is_read_to_year_precision(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["2021/22", "2015-16", "2023-25", "23/24", "2022//23"])
def test_financial_years_are_not_dates(text):
    assert parse_date(text) is None


@pytest.mark.parametrize("text", ["December 23", "February 97", "June 23, 2023"])
def test_month_name_without_a_four_digit_year_after_it_is_not_read(text):
    assert parse_date(text) is None


@pytest.mark.parametrize(
    "text", ["On 5th August 2021 the report was published", "Sunday 22 January", "Q4", "", "May"]
)
def test_text_that_is_not_one_date_gives_none(text):
    assert parse_date(text) is None


# --------------------------------------------------------------------------
# find_dates
# --------------------------------------------------------------------------


def test_find_dates_gives_spans_in_order_of_position():
    text = "Published on 23rd June 2021; draft issued 22//10/21; final 6/9/23."
    assert find_dates(text) == [
        (13, 27, "2021-06-23"),
        (42, 51, "2021-10-22"),
        (59, 65, "2023-09-06"),
    ]


def test_find_dates_leaves_lead_in_words_out_of_the_span():
    text = "seven by the end of March 2023"
    assert find_dates(text) == [(20, 30, "2023-03")]


def test_find_dates_includes_a_weekday_in_the_span():
    text = "held on Tuesday, 27th June, 2023, at 10.00 am"
    assert find_dates(text) == [(8, 32, "2023-06-27")]


def test_find_dates_skips_a_month_without_a_year_in_a_range():
    assert find_dates("seven between April and June 2023") == [(24, 33, "2023-06")]


def test_find_dates_skips_a_day_without_a_month_in_a_range():
    assert find_dates("between 5th and 16th July 2021") == [(16, 30, "2021-07-16")]


def test_find_dates_skips_a_day_and_month_without_a_year():
    assert find_dates("consultation ended on Sunday 22 January and on 7 June") == []


def test_find_dates_reports_a_bare_year_after_a_time_word():
    text = "introduced in 2019, due by the end of 2021, planned for mid-2016"
    assert find_dates(text) == [(14, 18, "2019"), (38, 42, "2021"), (60, 64, "2016")]


def test_find_dates_skips_a_bare_year_without_a_time_word():
    assert find_dates("the Equality Act 2010 and the calendar year (2023)") == []


def test_find_dates_skips_financial_years():
    assert find_dates("in 2021/22, during 2015-16, in 2023-25 and in 23/24") == []


def test_find_dates_skips_a_contradicted_weekday_date_whole():
    assert find_dates("held on Monday 27 June 2023") == []


def test_find_dates_skips_an_impossible_date_whole():
    assert find_dates("issued 31 February 2023 and 31/02/2023") == []


def test_find_dates_does_not_read_a_percentage_after_a_month_as_a_year():
    assert find_dates("over 99% in January 2023 and February 97%") == [(12, 24, "2023-01")]


def test_find_dates_does_not_join_a_date_across_lines():
    assert find_dates("27th June\n2023") == []


def test_find_dates_reads_each_cell_of_a_tab_separated_row():
    row = "Payroll (Joint)\t09/08/2021\tA Sponsor\tDRAFT issued 22//10/21"
    assert find_dates(row) == [(16, 26, "2021-08-09"), (50, 59, "2021-10-22")]


def test_find_dates_of_text_without_dates_is_empty():
    assert find_dates("14 of the 19 AFIs; Q3/4; 1,248 cases; 5.4%") == []


# --------------------------------------------------------------------------
# parse_quarter
# --------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [("Q4", "Q4"), ("q1", "Q1"), (" Q2\t", "Q2")])
def test_single_quarter_is_kept(text, expected):
    assert parse_quarter(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Q3/4", "Q3-Q4"),
        ("Q3-4", "Q3-Q4"),
        ("Q3 \u2013 Q4", "Q3-Q4"),
        ("Q3\u2014Q4", "Q3-Q4"),
        ("Q3/Q4", "Q3-Q4"),
        ("q3 to q4", "Q3-Q4"),
        ("Q1-Q3", "Q1-Q3"),
    ],
)
def test_quarter_run_is_normalised_to_a_hyphenated_pair(text, expected):
    assert parse_quarter(text) == expected


@pytest.mark.parametrize("text", ["Q4/1", "Q3/3", "Q4-Q2"])
def test_quarter_run_that_goes_backwards_or_repeats_gives_none(text):
    assert parse_quarter(text) is None


@pytest.mark.parametrize(
    "text", ["Q5", "Q", "Q4 2023", "2023 Q4", "quarter 4", "", "TBC", "Q3/4/5"]
)
def test_text_that_is_not_a_quarter_gives_none(text):
    assert parse_quarter(text) is None


# --------------------------------------------------------------------------
# parse_anticipated_completion
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Anticipated completion date - April 2023", ("2023-04", False)),
        ("Anticipated completion date \u2013 May 2023\t\t\t", ("2023-05", False)),
        ("Anticipated completion date \u2014 June 2023", ("2023-06", False)),
        ("Anticipated completion date: July 2023", ("2023-07", False)),
        ("anticipated completion date \u2013 31 March 2023", ("2023-03-31", False)),
    ],
)
def test_anticipated_completion_date_is_read_after_any_dash(text, expected):
    assert parse_anticipated_completion(text) == expected


def test_anticipated_completion_ignores_a_remark_after_the_date():
    text = (
        "Anticipated completion date \u2013 March 2023 (awaiting evidence of improved performance)"
    )
    assert parse_anticipated_completion(text) == ("2023-03", False)


def test_anticipated_completion_without_a_date_gives_no_date():
    assert parse_anticipated_completion("Anticipated completion date \u2013 TBC") == (None, False)


@pytest.mark.parametrize("text", ["Completed", "  Completed\t", "COMPLETED", "Complete."])
def test_completed_line_sets_the_flag_without_a_date(text):
    assert parse_anticipated_completion(text) == (None, True)


def test_completed_line_with_a_date_keeps_the_date():
    assert parse_anticipated_completion("Completed \u2013 June 2023") == ("2023-06", True)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Green",
        "This action is marked as completed as it was superseded.",
        "Completion of training",
    ],
)
def test_other_lines_are_neither_dated_nor_completed(text):
    assert parse_anticipated_completion(text) == (None, False)


# --------------------------------------------------------------------------
# Properties: no exceptions, spans, round trips, linear time
# --------------------------------------------------------------------------

_TOKENS = [
    "12", "6", "31", "2023", "23", "00", "/", "//", "-", "\u2013", ",", ".", " ", "\t", "\n",
    "June", "sept", "May", "Tuesday", "th", "of", "end", "in", "early", "mid-", "twenty",
    "one", "hundred", "and", "a", "Q3", "Q", "Completed", "Anticipated completion date",
    "\x00", "\u2028", "\ud800", "\u00a0", "%",
]  # fmt: skip
_NEAR_MISSES = st.lists(st.sampled_from(_TOKENS), max_size=40).map("".join)
_ANY_TEXT = st.one_of(st.text(), st.text(alphabet=st.characters(max_codepoint=0x7F)), _NEAR_MISSES)


@given(_ANY_TEXT)
def test_parse_number_never_raises(text):
    result = parse_number(text)
    assert result is None or isinstance(result, int)


@given(_ANY_TEXT)
def test_parse_date_never_raises(text):
    result = parse_date(text)
    assert result is None or re.fullmatch(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", result)


@given(_ANY_TEXT)
def test_parse_quarter_never_raises(text):
    result = parse_quarter(text)
    assert result is None or re.fullmatch(r"Q[1-4](-Q[1-4])?", result)


@given(_ANY_TEXT)
def test_parse_anticipated_completion_never_raises(text):
    date, completed = parse_anticipated_completion(text)
    assert (date is None or isinstance(date, str)) and isinstance(completed, bool)


@given(_ANY_TEXT)
def test_find_dates_spans_are_ordered_disjoint_and_reparse_to_their_iso(text):
    spans = find_dates(text)
    assert all(0 <= start < end <= len(text) for start, end, _ in spans)
    assert all(end <= start for (_, end, _), (start, _, _) in pairwise(spans))
    assert [parse_date(text[start:end]) for start, end, _ in spans] == [iso for _, _, iso in spans]


_UNIT_WORDS = "zero one two three four five six seven eight nine".split()
_TEEN_WORDS = (
    "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
)
_TENS_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def _in_words(n: int, joiner: str, with_and: bool) -> str:
    """Write 0..999 in English, the test's own writer (independent of the parser)."""
    hundreds, rest = divmod(n, 100)
    if rest < 10:
        tail = _UNIT_WORDS[rest]
    elif rest < 20:
        tail = _TEEN_WORDS[rest - 10]
    else:
        tens, unit = divmod(rest, 10)
        tail = _TENS_WORDS[tens - 2] + (joiner + _UNIT_WORDS[unit] if unit else "")
    if not hundreds:
        return tail
    head = ("a" if hundreds == 1 and with_and else _UNIT_WORDS[hundreds]) + " hundred"
    if rest == 0:
        return head
    return head + (" and " if with_and else " ") + tail


@given(st.integers(0, 999), st.sampled_from(["-", " "]), st.booleans())
def test_number_words_round_trip(n, joiner, with_and):
    assert parse_number(_in_words(n, joiner, with_and)) == n


@given(st.integers(0, 10**15 - 1))
def test_digits_with_thousands_commas_round_trip(n):
    assert parse_number(f"{n:,}") == n


def _ordinal(day: int) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


@given(st.dates())
def test_long_form_date_round_trips(date):
    text = f"{_ordinal(date.day)} {calendar.month_name[date.month]} {date.year:04d}"
    assert parse_date(text) == date.isoformat()


@given(st.dates())
def test_weekday_long_form_date_round_trips(date):
    text = (
        f"{calendar.day_name[date.weekday()]}, {date.day} "
        f"{calendar.month_name[date.month]}, {date.year:04d}"
    )
    assert parse_date(text) == date.isoformat()


@given(st.dates(min_value=dt.date(1970, 1, 1), max_value=dt.date(2069, 12, 31)), st.booleans())
def test_two_digit_numeric_date_round_trips(date, padded):
    day, month = (f"{date.day:02d}", f"{date.month:02d}") if padded else (date.day, date.month)
    assert parse_date(f"{day}/{month}/{date.year % 100:02d}") == date.isoformat()


@given(st.dates())
def test_four_digit_numeric_and_iso_dates_round_trip(date):
    assert parse_date(f"{date.day:02d}/{date.month:02d}/{date.year:04d}") == date.isoformat()
    assert parse_date(date.isoformat()) == date.isoformat()


@given(st.dates())
def test_month_and_year_round_trip(date):
    text = f"{calendar.month_name[date.month]} {date.year:04d}"
    assert parse_date(text) == f"{date.year:04d}-{date.month:02d}"


@given(st.dates())
def test_found_date_in_a_sentence_round_trips(date):
    prefix = "The report was published on "
    text = f"{prefix}{_ordinal(date.day)} {calendar.month_name[date.month]} {date.year:04d}."
    assert find_dates(text) == [(len(prefix), len(text) - 1, date.isoformat())]


_MEGABYTE = 1_000_000
_HOSTILE_TEXTS = {
    "digits": "9" * _MEGABYTE,
    "slashes": "1/" * (_MEGABYTE // 2),
    "doubled slashes": "12//" * (_MEGABYTE // 4),
    "spaces": " " * _MEGABYTE,
    "number words": "twenty " * (_MEGABYTE // 7),
    "hyphenated words": "twenty-" * (_MEGABYTE // 7),
    "hundreds": "a hundred and " * (_MEGABYTE // 14),
    "months": "March " * (_MEGABYTE // 6),
    "day and month": "27th June, " * (_MEGABYTE // 11),
    "time words": "end of " * (_MEGABYTE // 7),
    "dates": "12/06/23 " * (_MEGABYTE // 9),
    "comma digits": "1," * (_MEGABYTE // 2),
}


@pytest.mark.parametrize("name", sorted(_HOSTILE_TEXTS))
def test_a_megabyte_of_hostile_text_parses_in_well_under_a_second(name):
    text = _HOSTILE_TEXTS[name]
    for parse in (
        parse_number,
        parse_date,
        parse_quarter,
        parse_anticipated_completion,
        find_dates,
    ):
        # CPU time of this process: the bound is about the parser's work, and another
        # process loading the machine must not make it fail.
        started = time.process_time()
        parse(text)
        elapsed = time.process_time() - started
        assert elapsed < 1.0, f"{parse.__name__} took {elapsed:.2f} s on {name}"
    started = time.process_time()
    re.findall(NUMBER_PATTERN, text)
    assert time.process_time() - started < 1.0
