"""The bad inputs the reliability and security tests feed the tool, made in a temporary folder,
and FAILURE_MODES: the one list that both the CLI tests (tests/test_reliability_bad_input.py)
and the README's "Failure modes" table are made from.

Run ``python tests/test_reliability_inputs.py`` to print the README section.
"""

from __future__ import annotations

import os
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"

#: A short AFI progress paper in the layout the peel-progress extractor reads; it
#: gives no warnings, and has UTF-8 dashes and quotes for the encoding cases.
GOOD_PAPER = """\
Subject: PEEL 2021/22 progress \u2013 the Commissioner\u2019s update
Date: 6 March 2023
On 3 May 2022, HMICFRS published PEEL 2021/22 An inspection of Essex Police.
Progress against the 2 AFIs is overseen by the FIDB chaired by the DCC.
- one AFI as green (complete); and
- one AFI as amber (work in progress)
1. The force should answer calls faster
Amber
Action Taken
- Call handlers recruited
Ongoing Activity
- Training continues
Anticipated completion date \u2013 June 2023
2. The force should record crime accurately
Green
Action Taken
- Audit regime in place
Completed
"""

NOT_RECOGNISED = "not recognised as any document family (best: audit-committee 0.00, board-minutes 0.00); use --type to force one"
SUPPORTED = ".csv, .docx, .htm, .html, .md, .pdf, .text, .txt, .xlsx, .yaml, .yml"

#: The CRC-32 of 2 GiB of zero bytes (zlib.crc32 over them; computed once, 2 s).
CRC_2GIB_ZEROS = 1304293916


# -- builders ----------------------------------------------------------------------------


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def pdf_file(objects: list[bytes]) -> bytes:
    """A PDF from its objects (numbered from 1, the first the catalogue), with a correct xref."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


_TEXT_OPERATORS = b"BT /F1 12 Tf 72 712 Td (AFI) Tj ET\n"
_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def _stream(content: bytes) -> bytes:
    data = zlib.compress(content, 9)
    return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"


def slow_pdf(pages: int = 500, operators: int = 2000) -> bytes:
    """An 80 KB PDF that takes minutes to read: every page draws one shared stream of many text operators.

    Memory stays small (pypdf reads a page at a time), so only the time limit stops it.
    """
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>"
    kids = b" ".join(b"%d 0 R" % (5 + n) for n in range(pages))
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
            _stream(_TEXT_OPERATORS * operators),
            _FONT,
        ]
        + [page] * pages
    )


def greedy_pdf(operators: int = 100_000, compressed: bool = False) -> bytes:
    """A one-page PDF of 100,000 text operators: reading it takes some 160 MB, as pypdf
    holds every parsed operator (ten times as many would pass the default 1 GB).

    Uncompressed by default, so the parser runs out of memory in Python (a clean
    MemoryError) rather than inside pypdf's inflate, whose failure sends it down a
    slow byte-by-byte recovery (the bounded runner still reports that as memory,
    from the child's peak, at the time limit).
    """
    content = _TEXT_OPERATORS * operators
    stream = _stream(content) if compressed else b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            stream,
            _FONT,
        ]
    )


def encrypted_pdf() -> bytes:
    """A one-page PDF locked with a user password."""
    import io

    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt("secret", algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def zip_archive(entries: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip file, written by hand, from ``(name, raw deflate data, CRC-32, size)`` entries.

    By hand, so an entry can be a deflate stream that was never compressed from
    its gigabytes (see :func:`deflate_zeros`), and so its declared size can lie.
    """
    out = bytearray()
    central = bytearray()
    for name, data, crc, size in entries:
        encoded = name.encode("utf-8")
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), size, len(encoded), 0)
        out += encoded + data
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(data), size, len(encoded), 0, 0, 0, 0, 0, offset
        )
        central += encoded
    directory = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), directory, 0)
    return bytes(out)


def deflated(data: bytes) -> tuple[bytes, int, int]:
    """``(raw deflate data, CRC-32, size)`` of ``data``, for :func:`zip_archive`."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(), zlib.crc32(data), len(data)


def deflate_zeros(size: int, block: int = 1 << 24) -> bytes:
    """A raw deflate stream that really inflates to ``size`` zero bytes, made in milliseconds.

    One block of zeros is compressed once and full-flushed (byte-aligned, no
    reference back across it), repeated, and closed by an empty final block.
    """
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = compressor.compress(bytes(block)) + compressor.flush(zlib.Z_FULL_FLUSH)
    return piece * (size // block) + b"\x03\x00"


_CONTENT_TYPES = deflated(
    b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Override PartName="/word/document.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = deflated(
    b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    b'Target="word/document.xml"/></Relationships>'
)


def zip_bomb_docx() -> bytes:
    """A 2 MB .docx whose word/document.xml inflates to 2 GiB of zeros (its sizes declared honestly)."""
    size = 2 * 1024**3
    return zip_archive(
        [
            ("[Content_Types].xml", *_CONTENT_TYPES),
            ("_rels/.rels", *_RELS),
            ("word/document.xml", deflate_zeros(size), CRC_2GIB_ZEROS, size),
        ]
    )


def lying_zip_docx() -> bytes:
    """The same 2 GiB stream, but the archive declares 1 MB for it: zipfile stops at 1 MB, then the CRC fails."""
    return zip_archive(
        [
            ("[Content_Types].xml", *_CONTENT_TYPES),
            ("_rels/.rels", *_RELS),
            ("word/document.xml", deflate_zeros(2 * 1024**3), 0, 1024**2),
        ]
    )


def junk_zip_docx() -> bytes:
    return zip_archive([("junk.txt", *deflated(b"not a document"))])


def sparse_file(path: Path, size: int) -> Path:
    """A file of ``size`` bytes that takes no disk space."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


CYCLE_REGISTER = """\
force: Kent Police
supersedes:
  - later: kent-police/peel-2023-25/afi-02
    earlier: kent-police/peel-2021-22/afi-05
  - later: kent-police/peel-2021-22/afi-05
    earlier: kent-police/peel-2017/afi-09
  - later: kent-police/peel-2017/afi-09
    earlier: kent-police/peel-2023-25/afi-02
"""


# -- the failure modes -----------------------------------------------------------------


@dataclass(frozen=True)
class Mode:
    """One bad input: how to make it, and exactly what the user sees.

    ``lines`` are the stderr lines with ``{file}`` for the path given to the
    command (or, with ``each``, for every file in the folder given), and
    ``{timeout}``/``{memory}`` for the parse limits. ``limits`` are the (small)
    limits the test sets so that it runs in seconds; the README shows the defaults.
    """

    key: str
    case: str
    build: Callable[[Path], Path]
    lines: tuple[str, ...]
    exit_code: int = 2
    outcome: str = "refused; the other files are read; the store keeps what it held"
    each: bool = False
    limits: dict[str, float] = field(default_factory=dict)
    shown: Callable[[Path], str] = str
    heavy: bool = False


def _good(base: Path) -> Path:
    return write(base / "good.txt", GOOD_PAPER)


def _million_lines(base: Path) -> Path:
    return write(base / "million.txt", "".join(f"line {n}\n" for n in range(1_000_000)))


def _thousands(base: Path) -> Path:
    folder = base / "notes"
    folder.mkdir(parents=True)
    for n in range(3000):
        (folder / f"note-{n:04d}.txt").write_text(f"Shopping list {n}\n", encoding="utf-8")
    return folder


def _symlink_loop(base: Path) -> Path:
    base.mkdir(parents=True, exist_ok=True)
    (base / "a.txt").symlink_to(base / "b.txt")
    (base / "b.txt").symlink_to(base / "a.txt")
    return base / "a.txt"


def _folder_link_loop(base: Path) -> Path:
    folder = base / "papers"
    folder.mkdir(parents=True)
    (folder / "again").symlink_to(folder)
    return folder


def _latin1_name(base: Path) -> Path:
    folder = base / "names"
    folder.mkdir(parents=True)
    (Path(os.fsdecode(os.path.join(os.fsencode(folder), b"caf\xe9.txt")))).write_bytes(b"")
    return folder


def _control_name(base: Path) -> Path:
    folder = base / "names"
    write(folder / "evil\nerror: forged.txt", b"")
    return folder


def _fifo(base: Path) -> Path:
    base.mkdir(parents=True, exist_ok=True)
    os.mkfifo(base / "pipe.txt")
    return base / "pipe.txt"


def _stray_byte(base: Path) -> Path:
    data = GOOD_PAPER.encode("utf-8").replace(b"record crime accurately", b"record crime accurately (caf\xe9 review)")
    return write(base / "stray.txt", data)


MODES: list[Mode] = [
    Mode("empty", "An empty file (or only blank lines)", lambda b: write(b / "empty.txt", b""), ("error: {file}: empty file",)),
    Mode(
        "binary",
        "A binary file named .txt (an image)",
        lambda b: write(b / "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))),
        ("error: {file}: binary content, not text",),
    ),
    Mode(
        "cp1252",
        "A paper saved as Windows-1252 (cp1252)",
        lambda b: write(b / "cp1252.txt", GOOD_PAPER.encode("cp1252")),
        (),
        exit_code=0,
        outcome="read as cp1252 and ingested",
    ),
    Mode(
        "stray-byte",
        "A UTF-8 paper with one stray Latin-1 byte",
        _stray_byte,
        ("warning: {file}:14: 1 byte not valid UTF-8 (first 0xE9), read as Windows-1252",),
        exit_code=0,
        outcome="ingested: the UTF-8 kept, the stray byte read as Windows-1252 ('é'), a warning names its line",
    ),
    Mode(
        "text-too-large",
        "A 50 MB text file",
        lambda b: sparse_file(b / "huge.txt", 50 * 1024**2),
        ("error: {file}: too large to read as text (50 MB > 32 MB)",),
        outcome="refused by the size limit before reading (never read past 32 MB)",
    ),
    Mode(
        "million-lines",
        "A text of a million short lines",
        _million_lines,
        (f"error: {{file}}: {NOT_RECOGNISED}",),
        outcome="read and refused as unrecognised, in under 10 s of CPU (about 5 s measured; detection is linear)",
        heavy=True,
    ),
    Mode(
        "thousands",
        "A folder of 3,000 small unrecognised texts",
        _thousands,
        (f"error: {{file}}: {NOT_RECOGNISED}",),
        each=True,
        outcome="one line per file, in about 2 s of CPU",
        heavy=True,
    ),
    Mode(
        "pdf-truncated",
        "A truncated PDF (a cut-off download)",
        lambda b: write(b / "cut.pdf", greedy_pdf(10)[:300]),
        ("error: {file}: not a readable PDF (truncated: no %%EOF marker at the end)",),
    ),
    Mode(
        "pdf-encrypted",
        "A PDF locked with a password",
        lambda b: write(b / "locked.pdf", encrypted_pdf()),
        ("error: {file}: encrypted PDF (needs a password)",),
    ),
    Mode(
        "pdf-not-pdf",
        "A text file named .pdf",
        lambda b: write(b / "notes.pdf", "just some notes\n"),
        ("error: {file}: not a readable PDF (no %PDF header)",),
    ),
    Mode(
        "pdf-slow",
        "A PDF that takes minutes to parse (500 pages of text operators)",
        lambda b: write(b / "slow.pdf", slow_pdf()),
        ("error: {file}: took longer than {timeout} s to parse; refused",),
        limits={"PARSE_TIMEOUT": 2},
        outcome="its parser (a child process) is killed at the time limit",
    ),
    Mode(
        "pdf-greedy",
        "A PDF whose parse needs more memory than the limit",
        lambda b: write(b / "greedy.pdf", greedy_pdf()),
        ("error: {file}: needed more than {memory} to parse; refused",),
        limits={"PARSE_MAX_BYTES": 32 * 1024**2},
        outcome="its parser (a child process) fails its first allocation past the limit",
    ),
    Mode(
        "docx-junk-zip",
        "A .docx that is a zip of junk",
        lambda b: write(b / "junk.docx", junk_zip_docx()),
        ("error: {file}: not a Word document (no word/document.xml in the archive)",),
    ),
    Mode(
        "docx-not-zip",
        "A .docx that is not a zip at all",
        lambda b: write(b / "notes.docx", "just some notes\n"),
        ("error: {file}: not a Word document (not a zip archive)",),
    ),
    Mode(
        "docx-zip-bomb",
        "A zip bomb disguised as .docx (2 MB, inflating to 2 GB)",
        lambda b: write(b / "bomb.docx", zip_bomb_docx()),
        ("error: {file}: a zip bomb, not a Word document (word/document.xml would unpack 1028-fold to 2 GB); refused",),
        outcome="refused from the sizes the archive declares, before anything is inflated",
    ),
    Mode(
        "docx-understated",
        "A .docx whose archive understates a part's size (1 MB declared, 2 GB inside)",
        lambda b: write(b / "liar.docx", lying_zip_docx()),
        ("error: {file}: needed more than {memory} to parse; refused",),
        limits={"PARSE_MAX_BYTES": 256 * 1024**2},
        outcome="passes the size inspection; the parser's memory limit stops the inflation",
    ),
    Mode(
        "register-duplicate-key",
        "A register with a duplicate key",
        lambda b: write(b / "dup.yaml", "force: Kent Police\nforce: Essex Police\n"),
        ("error: {file}:2: duplicate key 'force' (first at line 1)",),
    ),
    Mode(
        "register-wrong-type",
        "A register with a value of the wrong type",
        lambda b: write(b / "types.yaml", "findings:\n  - inspection: kent-police/peel-2021-22\n    number: three\n"),
        ("error: {file}:3: findings[0].number: Input should be a valid integer, unable to parse string as an integer",),
    ),
    Mode(
        "register-unknown-field",
        "A register with an unknown field",
        lambda b: write(b / "fields.yaml", "boards:\n  - name: FIDB\n    colour: red\n"),
        ("error: {file}:3: boards[0].colour: Extra inputs are not permitted",),
    ),
    Mode(
        "register-cycle",
        "A register whose supersedes entries form a cycle",
        lambda b: write(b / "cycle.yaml", CYCLE_REGISTER),
        (
            "error: {file}:3: supersedes[0]: supersession cycle: kent-police/peel-2023-25/afi-02 supersedes "
            "kent-police/peel-2021-22/afi-05 supersedes kent-police/peel-2017/afi-09 supersedes kent-police/peel-2023-25/afi-02",
        ),
    ),
    Mode(
        "register-python-tag",
        "A register with a Python object tag (!!python/object/apply)",
        lambda b: write(b / "evil.yaml", "force: !!python/object/apply:os.system ['touch pwned']\n"),
        (
            "error: {file}:1: not valid YAML (could not determine a constructor for the tag "
            "'tag:yaml.org,2002:python/object/apply:os.system')",
        ),
        outcome="refused by the safe loader; nothing is run",
    ),
    Mode(
        "register-not-utf8",
        "A register that is not UTF-8",
        lambda b: write(b / "latin.yaml", "force: Caf\u00e9 Police\n".encode("latin-1")),
        ("error: {file}: a register must be UTF-8 text",),
    ),
    Mode("symlink-loop", "A symbolic link loop (a.txt → b.txt → a.txt)", _symlink_loop, ("error: {file}: broken or looping symbolic link",)),
    Mode(
        "folder-link-loop",
        "A folder holding a link back to itself",
        _folder_link_loop,
        (),
        exit_code=0,
        outcome="links to folders are not followed, so the walk ends",
    ),
    Mode(
        "spaces-non-ascii",
        "A name with spaces and non-ASCII letters",
        lambda b: write(b / "my papers" / "R\u00e9union d\u2019\u00e9t\u00e9 2023.txt", b""),
        ("error: {file}: empty file",),
    ),
    Mode(
        "latin1-name",
        "A folder holding a file whose name is not UTF-8 (caf\\xe9.txt)",
        _latin1_name,
        ("error: {file}/caf\\xe9.txt: empty file",),
        outcome="the name is shown with the byte escaped",
    ),
    Mode(
        "control-name",
        "A folder holding a file whose name has a line break",
        _control_name,
        ("error: {file}/evil\\nerror: forged.txt: empty file",),
        outcome="the line break is shown escaped: still one line",
    ),
    Mode("missing", "A path that does not exist", lambda b: b / "nope.txt", ("error: {file}: no such file or directory",)),
    Mode(
        "unsupported",
        "A file of an unsupported type, named on the command line",
        lambda b: write(b / "plan.odt", b"PK"),
        (f"error: {{file}}: unsupported file type .odt (supported: {SUPPORTED})",),
    ),
    Mode(
        "fifo",
        "A named pipe or device (/dev/zero)",
        _fifo,
        ("error: {file}: not a regular file",),
        outcome="refused without reading (it could block forever)",
    ),
    Mode(
        "register-unknown-value",
        "A register with a value no vocabulary knows (`kind: bogus`)",
        lambda b: write(b / "bogus.yaml", "inspections:\n  - key: kent-police/test\n    kind: bogus\n"),
        (
            "error: {file}:2: kind: 'bogus' is not in vocabulary InspectionKinds; known: annual-assessment, "
            "custody-inspection, independent-review, inspection, interim-update, joint-thematic, peel, "
            "post-inspection-review, super-complaint, thematic",
        ),
        outcome="that file is refused with its line and field; the other files are read",
    ),
    Mode(
        "register-huge-number",
        "A register number of 2^63 or more",
        lambda b: write(b / "huge.yaml", "findings:\n  - inspection: kent-police/peel-2021-22\n    number: 99999999999999999999\n"),
        ("error: {file}:2: number: property 'number' takes a 64-bit integer, not one of 20 digits",),
        outcome="refused at ingest, as no store (Neo4j, RDF, JSON readers) holds it",
    ),
    Mode(
        "register-alias-bomb",
        "A register of nested YAML aliases (a billion laughs)",
        lambda b: write(b / "laughs.yaml", "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"),
        ("error: {file}:2: alias *a stands for a mapping or list; aliases may only repeat a single value",),
        outcome="refused before any alias expands (an alias may only repeat a single value, 1,000 at most)",
    ),
]

DEFAULT_LIMITS = {"timeout": "60", "memory": "1 GB"}


def readme_section() -> str:
    """The README's "Failure modes" section, made from MODES and the default limits."""
    rows = [
        "## Failure modes",
        "",
        "What `oversight ingest` does with bad input, faults and hostile files. Each bad",
        "file gets one line on stderr naming it (`<file>` below) and the problem; the",
        "other files are still read, nothing the store held is lost, and no traceback",
        "is ever printed. This table is generated from the list the tests run",
        "(`tests/test_reliability_inputs.py`), so it says what the tests assert.",
        "",
        "| Input | What you see on stderr | Exit | What happens |",
        "|---|---|---|---|",
    ]
    for mode in MODES:
        lines = [line.format(file="<file>", **DEFAULT_LIMITS) for line in mode.lines]
        if mode.each:
            lines = [lines[0].replace("<file>", "<each file>")]
        seen = "<br>".join(f"`{line}`" for line in lines) or "(nothing)"
        rows.append(f"| {mode.case} | {seen.replace('|', '&#124;')} | {mode.exit_code} | {mode.outcome} |")
    rows += [
        "",
        "A stray byte is read rather than refused, because refusing the paper would",
        "lose every fact in it for one character. PDF and Word files are parsed in a",
        "child process limited to 60 s and 1 GB beyond what it inherits (10 to 25 ms",
        "a file of overhead); see [`SECURITY.md`](SECURITY.md). A store that is killed",
        "mid-ingest (even by SIGKILL) holds either its old or its new state, never a",
        "mix, and the next run clears the killed run's temporary file; a store file",
        "that is damaged some other way is reported (`error: <store>/graph.json: not",
        "valid JSON (line …)`, exit 2) and never overwritten.",
        "",
    ]
    return "\n".join(rows)


def readme_failure_modes() -> str:
    """The README's "Failure modes" section as it stands (to the next section or the end)."""
    text = README.read_text(encoding="utf-8")
    start = text.index("\n## Failure modes\n") + 1
    end = text.find("\n## ", start + 1)
    return text[start : end + 1 if end != -1 else len(text)].rstrip("\n") + "\n"


def test_the_readme_failure_modes_section_is_generated_from_modes() -> None:
    assert readme_failure_modes() == readme_section()


if __name__ == "__main__":
    print(readme_section(), end="")
