"""Governance statements in panel papers and minutes: who chairs, who answers to whom.

Commissioners' papers to a police and crime panel restate the governance they
work through, in a handful of set phrases. Each rule below turns one phrase
into a relationship, citing the sentence, and only when the text names both
ends (a pronoun is followed back to the post the paragraph last named):

- "the PCC holds the Chief Constable to account through the quarterly
  Performance and Delivery Board" → the Chief Constable ``ACCOUNTABLE_TO``
  the PCC and to the board;
- "<board> … chaired by <post>", "the meeting is chaired by the PCC" (the
  meeting being the board just named), "the PCC's role as chair of <board>"
  → ``CHAIRED_BY``;
- "the Panel … scrutinises the Commissioner" → ``SCRUTINISED_BY``;
- a change programme's governance: "governed by the DCC in his role as Senior
  Responsible Officer" (``OWNED_BY``, role), "<post> is the lead officer"
  (``LED_BY``), the boards listed as used "to track progress, provide
  scrutiny" and "monthly scrutiny via the ACC-led NHP Board" (``OVERSEEN_BY``).

>>> from oversight.loaders.models import TextDocument
>>> doc = TextDocument.from_text("The PCC holds the Chief Constable to account through the Performance and Delivery Board.")
>>> facts = Facts(doc)
>>> governance(facts, doc, Ref.named("Force", "Kent Police"), paragraphs(doc.lines, 1, 1))
>>> sorted((f.type, f.target.name) for f in facts.facts())
[('ACCOUNTABLE_TO', 'Performance and Delivery Board'), ('ACCOUNTABLE_TO', 'The PCC')]
"""

from __future__ import annotations

import re

from oversight.loaders.models import Ref, TextDocument
from oversight.loaders.toolkit import naming
from oversight.loaders.toolkit.facts import Facts
from oversight.loaders.toolkit.gazetteer import (
    NameMention,
    board_mentions,
    force_pattern,
    read_chairs,
    scanner,
)
from oversight.loaders.toolkit.spans import Para, clean_cell, paragraphs, sentence_spans
from oversight.ontology import R, ontology

__all__ = ["governance", "programme"]

_MECHANISM = re.compile(
    r"\b(?:through|via|at|use|uses|using)\s+(?:(?:his|her|their|the|its|a)\s+)?"
    r"(?:(?:quarterly|monthly|weekly|regular|own)\s+)?$",
    re.I,
)
_PRONOUN = re.compile(r"\b(?:he|she|his|her)\b", re.I)


def _posts(text: str) -> list[NameMention]:
    """Gazetteer posts named in ``text`` (a post inside a board's name is not one)."""
    boards = board_mentions(text)
    return [
        p
        for p in scanner("Post").find(text)
        if not any(b.start <= p.start and p.end <= b.end for b in boards)
    ]


def _is_chief(surface: str) -> bool:
    entry = ontology().gazetteer.lookup(surface, "Post")
    return bool(entry and entry.slug == "chief-constable")


def governance(facts: Facts, doc: TextDocument, force: Ref | None, paras: list[Para]) -> None:
    """Accountability, chairs and scrutiny stated anywhere in ``paras``.

    Parameters
    ----------
    facts : Facts
        Where the relationships go.
    doc : TextDocument
        The paper the paragraphs come from.
    force : Ref or None
        The force whose posts and boards are named.
    paras : list of Para
        The paragraphs to read, in order: "the meeting" and "he" are followed
        back through them to the board and post last named.
    """
    last_board: NameMention | None = None
    for para in paras:
        last_post: NameMention | None = None
        for a, b in sentence_spans(para.text):
            text = para.text[a:b]
            ev = para.evidence(doc.lines, a, b, doc)
            _accountability(facts, force, text, ev, last_post)
            for board, post in read_chairs(text):
                facts.edge(
                    R.CHAIRED_BY,
                    naming.board_ref(board.surface, force),
                    naming.post_ref(post.surface, force),
                    ev,
                )
            meeting = re.search(r"\bthe\s+meeting\s+is\s+chaired\s+by\s+(?:the\s+)?", text, re.I)
            if meeting and last_board is not None:
                posts = [p for p in scanner("Post").find(text[meeting.end() :]) if p.start == 0]
                earlier = [m for m in board_mentions(text[: meeting.start()])]
                board = earlier[-1] if earlier else last_board
                if posts:
                    facts.edge(
                        R.CHAIRED_BY,
                        naming.board_ref(board.surface, force),
                        naming.post_ref(posts[0].surface, force),
                        ev,
                    )
            chair = re.search(
                r"(?:(?P<post>\bthe\s+\w+)['\u2019]s|\b(?:his|her))\s+(?:role|capacity)\s+as\s+chair\s+of\s+(?:the\s+)?",
                text,
                re.I,
            )
            if chair:
                boards = [m for m in board_mentions(text[chair.end() :]) if m.start == 0]
                holder = None
                if chair.group("post"):
                    holder = re.sub(r"^the\s+", "", chair.group("post"), flags=re.I)
                else:
                    named = [p for p in _posts(text) if not _is_chief(p.surface)]
                    holder = (
                        named[0].surface if named else (last_post.surface if last_post else None)
                    )
                if boards and holder and ontology().gazetteer.lookup(holder, "Post"):
                    facts.edge(
                        R.CHAIRED_BY,
                        naming.board_ref(boards[0].surface, force),
                        naming.post_ref(holder, force),
                        ev,
                    )
            scrutiny = re.search(
                r"\bscrutini[sz](?:e|es|ed|ing)\s+(?:the\s+(?:work\s+of\s+the\s+)?)?", text, re.I
            )
            if scrutiny:
                posts = [p for p in scanner("Post").find(text[scrutiny.end() :]) if p.start == 0]
                boards = board_mentions(text[: scrutiny.start()])
                if posts and boards:
                    facts.edge(
                        R.SCRUTINISED_BY,
                        naming.post_ref(posts[0].surface, force),
                        naming.board_ref(boards[-1].surface, force),
                        ev,
                    )
            named_posts = [p for p in _posts(text) if not _is_chief(p.surface)]
            if named_posts:
                last_post = named_posts[-1]
            mentioned = board_mentions(text)
            if mentioned:
                last_board = mentioned[-1]


def _accountability(
    facts: Facts, force: Ref | None, text: str, ev: object, last_post: NameMention | None
) -> None:
    """ "<holder> holds <the Chief Constable | the force> to account [through <board>]"."""
    match = re.search(
        rf"\b(?:hold|holds|held|holding)\s+(?P<held>(?:the\s+)?Chief\s+Constable|{force_pattern(force)})\s+to\s+account\b",
        text,
        re.I,
    )
    if not match:
        return
    held_text = match.group("held")
    if re.search(r"chief\s+constable", held_text, re.I):
        held = naming.post_ref("Chief Constable", force)
    elif force is not None:
        held = force
    else:
        return
    before = [p for p in _posts(text[: match.start()]) if not _is_chief(p.surface)]
    holder = before[-1].surface if before else None
    if holder is None and _PRONOUN.search(text[: match.start()]) and last_post is not None:
        holder = last_post.surface
    if holder is None:
        return
    facts.edge(R.ACCOUNTABLE_TO, held, naming.post_ref(holder, force), ev)  # type: ignore[arg-type]
    for board in board_mentions(text):
        if _MECHANISM.search(re.sub(r"</?\w+>", "", text[: board.start])):
            facts.edge(R.ACCOUNTABLE_TO, held, naming.board_ref(board.surface, force), ev)  # type: ignore[arg-type]


def programme(
    facts: Facts,
    doc: TextDocument,
    force: Ref | None,
    subject: str,
    subject_line: int,
    start: int,
    end: int,
) -> Ref | None:
    """A change programme a paper governs (named by its subject line), with its governance.

    Parameters
    ----------
    facts : Facts
        Where the facts go.
    doc : TextDocument
        The pack.
    force : Ref or None
        The force whose programme it is.
    subject, subject_line : str, int
        The paper's subject line, which names the programme, and its line.
    start, end : int
        The paper's lines.

    Returns
    -------
    Ref or None
        The programme, or None when the paper states no programme governance
        (a senior responsible officer, a lead officer, a programme of change):
        a paper on a subject is not a programme by itself.
    """
    paras = paragraphs(doc.lines, start, end)
    text = " ".join(p.text for p in paras)
    if not re.search(
        r"senior\s+responsible\s+officer|\blead\s+officer\b|programme\s+of\s+change", text, re.I
    ):
        return None
    ref = Ref.of("Programme", subject, within=force)
    facts.node(ref, facts.evidence(subject_line), title=subject)
    for index, para in enumerate(paras):
        for a, b in sentence_spans(para.text):
            sentence = para.text[a:b]
            ev = para.evidence(doc.lines, a, b, doc)
            owner = re.search(
                r"\bgoverned\s+by\s+(?:the\s+)?(?P<post>.+?)\s+in\s+(?:his|her|their)\s+role\s+as\s+(?P<role>[A-Z][\w ]+?)\.?$",
                sentence,
            )
            if owner and ontology().gazetteer.lookup(_bare(owner.group("post")), "Post"):
                facts.edge(
                    R.OWNED_BY,
                    ref,
                    naming.post_ref(_bare(owner.group("post")), force),
                    ev,
                    role=owner.group("role"),
                )
            lead = re.search(
                r"^(?:-\s*)?(?:\d+\.\s+)?(?:the\s+)?(?P<post>.+?)\s+is\s+the\s+lead\s+officer\b",
                sentence,
                re.I,
            )
            if lead and ontology().gazetteer.lookup(lead.group("post"), "Post"):
                facts.edge(
                    R.LED_BY,
                    ref,
                    naming.post_ref(lead.group("post"), force),
                    ev,
                    role="lead officer",
                )
            scrutiny = re.search(
                r"\b(?P<freq>daily|weekly|monthly|quarterly)\s+scrutiny\s+(?:via|by|through|at)\s+(?:the\s+)?",
                sentence,
                re.I,
            )
            if scrutiny:
                boards = [m for m in board_mentions(sentence[scrutiny.end() :]) if m.start == 0]
                if boards:
                    board = naming.board_ref(boards[0].surface, force)
                    facts.edge(
                        R.OVERSEEN_BY,
                        ref,
                        board,
                        ev,
                        role=f"{scrutiny.group('freq').lower()} scrutiny",
                    )
                    led = re.match(r"(?P<post>[A-Z]{2,5})-led\b", boards[0].surface)
                    if led and ontology().gazetteer.lookup(led.group("post"), "Post"):
                        facts.edge(R.LED_BY, board, naming.post_ref(led.group("post"), force), ev)
            if re.search(
                r"\b(?:track\s+progress|provide\s+scrutiny)\b", sentence, re.I
            ) and sentence.rstrip().endswith(":"):
                _listed_boards(facts, doc, force, ref, para, paras[index + 1 :])
    return ref


def _bare(post: str) -> str:
    """A post as written without an abbreviation in brackets: "Deputy Chief Constable (DCC)"."""
    return re.sub(r"\s*\([A-Z]{2,6}\)\s*$", "", post.strip())


def _listed_boards(
    facts: Facts, doc: TextDocument, force: Ref | None, ref: Ref, lead: Para, following: list[Para]
) -> None:
    """The bulleted boards under a "used to track progress, provide scrutiny:" sentence."""
    for para in following:
        raw = doc.lines[para.first - 1]
        if not re.match(r"^\s+-\s+|^\s*[\u2022\u00b7]\s*", raw):
            break
        item = clean_cell(re.sub(r"^\s*[-\u2022\u00b7]\s*", "", para.text))
        boards = board_mentions(item)
        if boards and boards[0].start == 0 and boards[0].end == len(item.rstrip(". ")):
            facts.edge(
                R.OVERSEEN_BY,
                ref,
                naming.board_ref(boards[0].surface, force),
                facts.evidence(para.first),
            )
        else:
            facts.warn(
                f"listed governance mechanism {item!r} is not a board; not linked", para.first
            )
    del lead
