"""Parsers for the numbers, dates and quarters that oversight papers use.

Inspection reports and committee papers state counts in digits or words
("thirteen recommendations, seven of which …", "14 of the 19 AFIs") and dates
in many hands ("23rd June 2021", "Tuesday, 27th June, 2023", "6/9/23",
"end of March 2023"). Every extractor reads them through this module, so one
set of rules decides what a date is and how precise it is.

Rules shared by every function here:

* Pure functions, no I/O; they never raise on any ``str`` (property-tested).
* Dates are ISO 8601 strings at the precision the text states: a day
  (``"2021-06-23"``), a month (``"2023-03"``) or a year (``"2023"``). Nothing is
  guessed: an impossible date ("31/02/2023"), a weekday that contradicts its
  date, or a form that could be read two ways gives ``None``.
* Numeric dates are UK day/month/year. A two-digit year ``00``–``69`` means
  ``20xx`` and ``70``–``99`` means ``19xx``.
* Every regular expression uses bounded repetition only, so matching time is
  linear in the length of the text.

``NUMBER_PATTERN`` is a regex fragment matching one count, in digits or
English words, for extractors to embed. Digits: ``14``, ``1248``, ``1,248``
(ASCII digits, thousands commas). Words: ``zero``, ``one`` … ``nineteen``, the
tens ``twenty`` … ``ninety``, compounds joined by a hyphen or a space
(``forty-three``, ``twenty one``) and hundreds (``a hundred and two``,
``nine hundred and ninety-nine``), in any case. It has no capture groups and
carries its own flag (``(?i:…)``), so it can go into any pattern. It does not
match inside a longer token: not the ``5`` of ``1.5`` or ``5.4%``, not the
``22`` of ``2021/22``, not the ``28`` of ``28th``, not the ``one`` of
``tone``, not ``twenty`` in ``twenty-first``, and not a number word hyphenated
to a following word (``two-week``, ``Three-day``), which is an adjective
rather than a count.

Examples
--------
>>> import re
>>> pattern = re.compile(rf"({NUMBER_PATTERN}) of the ({NUMBER_PATTERN}) remaining AFIs")
>>> pattern.search("Four of the five remaining AFIs have been superseded").groups()
('Four', 'five')
>>> re.findall(NUMBER_PATTERN, "made 43 recommendations with 28 for Chief Constables")
['43', '28']
>>> [parse_number(n) for n in re.findall(NUMBER_PATTERN, "thirteen, seven of which")]
[13, 7]
"""

from __future__ import annotations

import datetime as _dt
import re

__all__ = [
    "NUMBER_PATTERN",
    "find_dates",
    "parse_anticipated_completion",
    "parse_date",
    "parse_number",
    "parse_quarter",
]

# Whitespace within one line: ``\s`` less the characters ``str.splitlines``
# breaks on, so a date never spans two document lines.
_H = r"[^\S\n\r\v\f\x1c-\x1e\x85\u2028\u2029]"
_SEP = _H + "{1,4}"

# --------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
_TEENS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_WORD_VALUES = {**_UNITS, **_TEENS, **_TENS, "a": 1}

_UNIT_RE = "|".join(k for k in _UNITS if k != "zero")
_BELOW_100 = (
    f"(?:(?:{'|'.join(_TENS)})(?:(?:-|{_H}{{1,3}})(?:{_UNIT_RE}))?"
    f"|{'|'.join(_TEENS)}|{_UNIT_RE}|zero)"
)
_HUNDREDS = f"(?:(?:a|{_UNIT_RE}){_H}{{1,3}}hundred(?:{_H}{{1,3}}(?:and{_H}{{1,3}})?{_BELOW_100})?)"
_DIGITS = r"(?:[0-9]{1,3}(?:,[0-9]{3}){1,4}|[0-9]{1,15})"

# One count in digits or words; the module docstring gives the forms.
NUMBER_PATTERN: str = (
    r"(?i:(?<!\w)(?<!\w[.,/-])"
    rf"(?:(?=[0-9]){_DIGITS}(?!\w|[.,/-][0-9])"
    rf"|(?=[otfsenaz])(?:{_HUNDREDS}|{_BELOW_100})(?!\w|-\w)))"
)
_NUMBER_RE = re.compile(NUMBER_PATTERN)


def parse_number(text: str) -> int | None:
    """Read a count written in digits or English words.

    Parameters
    ----------
    text : str
        The number alone; surrounding whitespace is ignored. Anything else in
        the text (a unit, a full stop, a second number) gives ``None``; use
        :data:`NUMBER_PATTERN` to find numbers inside longer text.

    Returns
    -------
    int or None
        The value, or ``None`` when ``text`` is not one number in the forms
        :data:`NUMBER_PATTERN` describes.

    See Also
    --------
    NUMBER_PATTERN : the same forms, as a regex fragment to embed.

    Examples
    --------
    >>> parse_number("1,248")
    1248
    >>> parse_number("Forty-three")
    43
    >>> parse_number("a hundred and two")
    102
    >>> parse_number("twenty-first") is None
    True
    """
    stripped = text.strip()
    if _NUMBER_RE.fullmatch(stripped) is None:
        return None
    if stripped[0].isdigit():
        return int(stripped.replace(",", ""))
    value = 0
    for token in re.split(r"[-\s]+", stripped.lower()):
        if token == "hundred":
            value *= 100
        elif token != "and":
            value += _WORD_VALUES[token]
    return value


# --------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------

_MONTH_NUMBERS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
    "mon": 0,
    "tue": 1,
    "tues": 1,
    "wed": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}


def _alternation(words: list[str]) -> str:
    """Longest first, so a full name wins over its abbreviation."""
    return "|".join(sorted(words, key=len, reverse=True))


_ABBR_MONTHS = ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
_FULL_MONTHS = [k for k in _MONTH_NUMBERS if k not in _ABBR_MONTHS]
_FULL_DAYS = [k for k in _WEEKDAYS if k.endswith("day")]
_ABBR_DAYS = [k for k in _WEEKDAYS if not k.endswith("day")]


def _name(group: str, full: list[str], abbreviated: list[str]) -> str:
    """A month or weekday name; only an abbreviation may take a full stop."""
    return (
        rf"(?<!\w)(?P<{group}>{_alternation(full)}(?!\w)"
        rf"|(?:{_alternation(abbreviated)})(?!\w)\.?)"
    )


_COMMA_OR_SPACE = f"(?:{_H}{{0,4}},{_H}{{0,4}}|{_SEP})"
_DASH = "[-\u2010-\u2015\u2212]"
_YEAR_END = rf"(?![0-9]|(?:/|{_DASH})[0-9])"


def _month(group: str) -> str:
    return "(?=[jfmasond])" + _name(group, _FULL_MONTHS, _ABBR_MONTHS)


# "Tuesday, 27th June, 2023", "23rd of June 2021", "28 April 2022".
_DAY_MONTH_YEAR = (
    rf"(?:(?=[mtwfs]){_name('wd', _FULL_DAYS, _ABBR_DAYS)}{_COMMA_OR_SPACE})?"
    r"(?<![\w./])(?P<d>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?"
    rf"{_SEP}(?:of{_SEP})?{_month('m')}{_COMMA_OR_SPACE}(?P<y>[0-9]{{4}}){_YEAR_END}"
)
# "March 2023", "Sept. 2021".
_MONTH_YEAR = rf"{_month('m2')}{_COMMA_OR_SPACE}(?P<y2>[0-9]{{4}}){_YEAR_END}"
# "09/08/2021", "6/9/23", "22//10/21" (a doubled slash from document conversion).
_NUMERIC = (
    r"(?<![\w./])(?P<nd>[0-9]{1,2})/{1,2}(?P<nm>[0-9]{1,2})/{1,2}"
    r"(?P<ny>[0-9]{4}|[0-9]{2})(?![\w/]|[.-][0-9])"
)
# "2023-06-01".
_ISO = r"(?<![\w./-])(?P<iy>[0-9]{4})-(?P<im>[0-9]{2})-(?P<id>[0-9]{2})(?![\w]|[-/.][0-9])"
# A bare year, 1900-2099, that is not a financial year ("2021/22", "2015-16").
_YEAR = rf"(?P<yo>(?:19|20)[0-9]{{2}})(?!\w|%|(?:[/.,]|{_DASH})[0-9])"
_SEASON = f"(?:spring|summer|autumn){_SEP}"
_QUALIFIER = f"(?:(?:early|mid|late)(?:-|{_SEP}))"
# In running text a bare year counts only after a word that makes it a time.
_YEAR_CUE = (
    rf"(?=[idsubelmat])(?<!\w)(?:(?:in|during|since|until|by|through(?:out)?"
    rf"|early|late|mid|spring|summer|autumn"
    rf"|(?:end|start|beginning|middle){_SEP}of){_SEP}|mid-)"
)

# The leading guard and the first-letter lookaheads let the engine reject a
# position in one step; without them each position costs a try of every name.
_FIND_RE = re.compile(
    rf"(?i:\b(?=[0-9a-z])(?:{_DAY_MONTH_YEAR}|{_MONTH_YEAR}|{_NUMERIC}|{_ISO}|{_YEAR_CUE}{_YEAR}))"
)

_LEAD_IN = (
    rf"(?:(?:on|by|from|until|till|to|before|after|in|during|since|at|dated"
    rf"|as{_SEP}(?:at|of)){_SEP})?(?:the{_SEP})?"
    rf"(?:(?:end|start|beginning|middle){_SEP}of{_SEP}(?:the{_SEP})?)?"
)
_PARSE_RE = re.compile(
    rf"(?i:{_LEAD_IN}(?:{_DAY_MONTH_YEAR}|{_QUALIFIER}?{_MONTH_YEAR}|{_NUMERIC}|{_ISO}"
    rf"|(?:{_QUALIFIER}|{_SEASON})?{_YEAR}))[.,;:]?"
)


def _two_digit_year(year: str) -> int:
    """``00``-``69`` are 2000-2069; ``70``-``99`` are 1970-1999."""
    value = int(year)
    if len(year) == 4:
        return value
    return 2000 + value if value < 70 else 1900 + value


def _day_iso(year: int, month: int, day: int, weekday: str | None = None) -> str | None:
    try:
        date = _dt.date(year, month, day)
    except ValueError:
        return None
    if weekday is not None and _WEEKDAYS[weekday.lower().rstrip(".")] != date.weekday():
        return None
    return date.isoformat()


def _month_iso(year: int, month: int) -> str | None:
    if not _dt.MINYEAR <= year <= _dt.MAXYEAR or month not in range(1, 13):
        return None
    return f"{year:04d}-{month:02d}"


def _iso(match: re.Match[str]) -> str | None:
    """The ISO string for a match of ``_FIND_RE`` or ``_PARSE_RE``."""
    if match["d"] is not None:
        month = _MONTH_NUMBERS[match["m"].lower().rstrip(".")]
        return _day_iso(int(match["y"]), month, int(match["d"]), match["wd"])
    if match["m2"] is not None:
        return _month_iso(int(match["y2"]), _MONTH_NUMBERS[match["m2"].lower().rstrip(".")])
    if match["nd"] is not None:
        year = _two_digit_year(match["ny"])
        return _day_iso(year, int(match["nm"]), int(match["nd"]))
    if match["iy"] is not None:
        return _day_iso(int(match["iy"]), int(match["im"]), int(match["id"]))
    return match["yo"]


def parse_date(text: str) -> str | None:
    """Read one date and give it as ISO 8601 at the precision the text states.

    Parameters
    ----------
    text : str
        One date, optionally led in by a preposition and a part of the period
        ("On", "By", "by the end of", "early", "mid-", "Spring" before a bare
        year) and followed by one punctuation mark. Whitespace runs, line
        breaks included, count as one space. Forms:

        * day, month name, year: "23rd June 2021", "28 April 2022",
          "Tuesday, 27th June, 2023" (a weekday must agree with the date);
        * month name, year: "March 2023", "Sept 2021";
        * UK numeric day/month/year: "09/08/2021", "6/9/23", "22//10/21";
        * ISO "2023-06-01";
        * a year from 1900 to 2099: "2023".

    Returns
    -------
    str or None
        ``"YYYY-MM-DD"``, ``"YYYY-MM"`` or ``"YYYY"``; ``None`` when the text
        is not one date, the date does not exist, or its weekday is wrong.
        A part of a period ("end of", "early") is dropped: "end of March
        2023" is ``"2023-03"``, which the text does state.

    See Also
    --------
    find_dates : every date in a longer text, with its position.

    Notes
    -----
    Two-digit years ``00``–``69`` are read as 2000–2069 and ``70``–``99`` as
    1970–1999. A month name with a two-digit year ("December 23") is not
    read: in these papers it can equally be a day ("June 23") or a figure
    ("February 97%").

    Examples
    --------
    >>> parse_date("Tuesday, 27th June, 2023")
    '2023-06-27'
    >>> parse_date("by the end of March 2023")
    '2023-03'
    >>> parse_date("22//10/21")
    '2021-10-22'
    >>> parse_date("31/02/2023") is None
    True
    """
    normalised = " ".join(text.split())
    match = _PARSE_RE.fullmatch(normalised)
    return None if match is None else _iso(match)


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """Find every date in a longer text, with its position.

    Parameters
    ----------
    text : str
        Any text, such as one line or a whole document. A date never spans
        two lines.

    Returns
    -------
    list of (int, int, str)
        ``(start, end, iso)`` for each date, in order of position, never
        overlapping; ``text[start:end]`` is the date as written (with its
        weekday, if any, but without lead-in words such as "by the end of").
        ``iso`` is as :func:`parse_date` gives it.

    See Also
    --------
    parse_date : the same forms, for a text holding one date.

    Notes
    -----
    Only what the text states on its own is reported:

    * A month or day without a year is skipped: in "between April and June
      2023" only "June 2023" is found, in "between 5th and 16th July 2021"
      only "16th July 2021", and "Sunday 22 January" gives nothing.
    * A bare year (1900–2099) is reported only after a word that makes it a
      time: "in", "during", "since", "until", "by", "through", "throughout",
      "early", "mid", "late", "spring", "summer", "autumn", "end of", "start
      of", "beginning of", "middle of". The span covers the year alone, and
      "in 2000 cases" would be misread. Financial years ("2021/22",
      "2015-16", "2023-25") are never dates.
    * An impossible date or a weekday that contradicts its date is skipped
      whole; its parts are not reported on their own.

    Examples
    --------
    >>> find_dates("seven by the end of March 2023 and seven between April and June 2023")
    [(20, 30, '2023-03'), (59, 68, '2023-06')]
    >>> find_dates("On 23rd June 2021 HMICFRS published; DRAFT issued 22//10/21")
    [(3, 17, '2021-06-23'), (50, 59, '2021-10-22')]
    >>> find_dates("reported in 2021/22, and in 2019 before that")
    [(28, 32, '2019')]
    """
    found = []
    for match in _FIND_RE.finditer(text):
        iso = _iso(match)
        if iso is None:
            continue
        start, end = match.span("yo") if match["yo"] is not None else match.span()
        found.append((start, end, iso))
    return found


# --------------------------------------------------------------------------
# Quarters and progress lines
# --------------------------------------------------------------------------

_QUARTER_RE = re.compile(
    rf"q([1-4])(?:\s{{0,3}}(?:/|{_DASH}|to)\s{{0,3}}q?([1-4]))?", re.IGNORECASE
)


def parse_quarter(text: str) -> str | None:
    """Normalise a quarter or a run of quarters from a plan's timing column.

    Parameters
    ----------
    text : str
        "Q4", or two quarters joined by a slash, a dash of any kind or "to",
        the second "Q" optional: "Q3/4", "Q3-4", "Q3 – Q4", "Q3 to Q4".

    Returns
    -------
    str or None
        ``"Qn"`` for one quarter, ``"Qa-Qb"`` (ASCII hyphen, ``a < b``) for a
        run; ``None`` for anything else, including a run that goes backwards
        ("Q4/1") or names one quarter twice. No year is attached: which
        (financial) year is meant is not known here.

    Examples
    --------
    >>> parse_quarter("Q4")
    'Q4'
    >>> parse_quarter("Q3/4")
    'Q3-Q4'
    >>> parse_quarter("Q3 \u2013 Q4")
    'Q3-Q4'
    """
    match = _QUARTER_RE.fullmatch(text.strip())
    if match is None:
        return None
    first, last = match.groups()
    if last is None:
        return f"Q{first}"
    return f"Q{first}-Q{last}" if first < last else None


_ANTICIPATED_RE = re.compile(
    rf"anticipated{_SEP}completion(?:{_SEP}date)?{_H}{{0,4}}(?:(?:{_DASH}|:){_H}{{0,4}})?",
    re.IGNORECASE,
)
_COMPLETED_RE = re.compile(
    rf"complete(?:d)?(?!\w)\.?{_H}{{0,4}}(?:(?:{_DASH}|:){_H}{{0,4}})?", re.IGNORECASE
)


def _leading_date(text: str) -> str | None:
    """The date a progress line states first, before any remark."""
    match = _PARSE_RE.match(" ".join(text.split()))
    return None if match is None else _iso(match)


def parse_anticipated_completion(text: str) -> tuple[str | None, bool]:
    """Read the completion line under an action in a progress paper.

    Parameters
    ----------
    text : str
        One line: "Anticipated completion date – March 2023 (awaiting …)",
        "Anticipated completion date - April 2023" or "Completed". The dash
        may be a hyphen, an en dash or an em dash, or a colon; trailing tabs
        and remarks after the date are ignored.

    Returns
    -------
    (str or None, bool)
        The date as :func:`parse_date` gives it (month precision in the
        papers), or ``None`` when the line states none; and whether the line
        says the action is completed. A line that is neither gives
        ``(None, False)``.

    Examples
    --------
    >>> parse_anticipated_completion("Anticipated completion date \u2013 March 2023 (awaiting evidence)")
    ('2023-03', False)
    >>> parse_anticipated_completion("Completed")
    (None, True)
    >>> parse_anticipated_completion("Anticipated completion date \u2013 TBC")
    (None, False)
    """
    stripped = text.strip()
    anticipated = _ANTICIPATED_RE.match(stripped)
    if anticipated is not None:
        return _leading_date(stripped[anticipated.end() :]), False
    completed = _COMPLETED_RE.match(stripped)
    if completed is not None:
        return _leading_date(stripped[completed.end() :]), True
    return None, False
