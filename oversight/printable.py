r"""Make text from documents and file names safe to print on a terminal.

A paper or a file name can hold line breaks, terminal escape sequences
(``\x1b[...``), bidirectional overrides or bytes that are not UTF-8. Printed
as they are, they could split one error into two lines, recolour or clear the
terminal, or reorder what the reader sees. :func:`one_line` escapes all of
them. Like :mod:`oversight.errors`, this module imports nothing from the
project, so any stage may use it.

>>> one_line("bad\nname\x1b[31m.txt: empty file")
'bad\\nname\\x1b[31m.txt: empty file'
>>> one_line("caf\udce9.txt")  # a Latin-1 file name on a UTF-8 file system
'caf\\xe9.txt'
>>> one_line("AFI 5 \u202eevil")
'AFI 5 \\u202eevil'
"""

from __future__ import annotations

import unicodedata

__all__ = ["one_line"]

#: Controls, format characters (bidirectional overrides), line and paragraph
#: separators, and the lone surrogates that stand for undecodable bytes in a file name.
_UNPRINTABLE = {"Cc", "Cf", "Zl", "Zp", "Cs"}


def one_line(text: str) -> str:
    """``text`` with every unprintable character escaped, so it prints as one inert line."""
    if text.isprintable():
        return text
    try:  # the bytes of a file name that is not UTF-8, as \xNN
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        pass
    return "".join(
        c.encode("unicode_escape", "backslashreplace").decode("ascii")
        if unicodedata.category(c) in _UNPRINTABLE
        else c
        for c in text
    )
