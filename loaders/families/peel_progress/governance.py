"""Who oversees the AFIs: the boards that govern them, who chairs them, who reports and who is held to account."""

from __future__ import annotations

import re

from oversight.loaders.families.peel_progress.cells import AFI_WORDS, Afi, Context
from oversight.loaders.families.peel_progress.names import Mention, find_boards, find_posts
from oversight.loaders.models import Ref
from oversight.loaders.toolkit import naming
from oversight.ontology import L, R, normalise_label

_OVERSIGHT_BEFORE = re.compile(
    r"\b(?:governance|governed|oversight|overseen|oversees|oversee|monitor\w*|scrutin[iy]\w*)\b"
    r"[^.;\u2022]{0,50}?\b(?:through|at|by|via)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


_CHAIRED_AFTER = re.compile(
    # an abbreviation in brackets may sit between the board and "chaired by": "Board (FIDB) chaired by"
    r"^\s*(?:\(\s*[A-Z][A-Za-z&]{1,9}\s*\)\s*)?,?\s*\(?\s*(?:which\s+is\s+|that\s+is\s+|and\s+is\s+|is\s+)?chaired\s+by\s+",
    re.IGNORECASE,
)


_CHAIRED_MEETING = re.compile(
    r"\b(?:the\s+)?(?:meeting|board|committee|panel)\s+is\s+chaired\s+by\s+", re.IGNORECASE
)


_HELD_BEFORE = re.compile(
    r"\s+(?:has\s+)?(?:held|holds|convened|convenes)\s+(?:an?\s+|the\s+)?(?:[a-z][a-z-]*\s+)?$"
)


_TO_ACCOUNT = re.compile(r"\bhold(?:s|ing)?\s+(?:the\s+)?", re.IGNORECASE)


_ACCOUNT_VIA = re.compile(
    r"\s+(?:through|via|at|by\s+means\s+of)\s+(?:(?:his|her|their|its|the)\s+)?(?:[a-z][a-z-]*\s+)?"
)


_UPDATE_AFTER_BOARD = re.compile(
    r"\b(?:following|after)\s+(?:each|every)\s+(?:board|meeting)\b[^.;]{0,40}?\b(?:update|report)s?\b"
    r"[^.;]{0,30}?\b(?:provided|given|sent|submitted|made)\s+to\s+",
    re.IGNORECASE,
)


_ADDRESSED_TO = re.compile(r"^\s*To\s*:\s*", re.IGNORECASE)


_THIS_PAPER = re.compile(r"\b(?:this|the)\s+(?:paper|report)\b", re.IGNORECASE)


def governance(ctx: Context, afis: list[Afi], region_start: int) -> None:
    doc, sink = ctx.doc, ctx.sink
    owner: dict[int, Afi] = {}
    for afi in afis:
        for number in [afi.line, *afi.body]:
            owner.setdefault(number, afi)
    last_board: tuple[int, Ref] | None = None
    addressee: tuple[int, Ref] | None = None
    for number, line in enumerate(doc.lines, 1):
        boards = find_boards(line)
        refs = {id(m): naming.board_ref(m.name, ctx.force) for m in boards}
        header = _ADDRESSED_TO.match(line)
        if header and addressee is None and number < region_start:
            named = [m for m in boards if m.start >= header.end()]
            if named:
                addressee = (number, refs[id(named[0])])
        updated = _UPDATE_AFTER_BOARD.search(line)
        if updated:
            _reports_to_post(ctx, line, updated, [(m, refs[id(m)]) for m in boards], number)
        for mention in boards:
            board = refs[id(mention)]
            sink.node(board, number)
            before, after = line[: mention.start], line[mention.end :]
            if _OVERSIGHT_BEFORE.search(before):
                owning = owner.get(number)
                sentence = re.split(r"[.;]\s", before)[-1]
                if owning is not None and number >= region_start:
                    sink.edge(
                        R.OVERSEEN_BY,
                        Ref.of(L.AreaForImprovement, str(owning.number), within=ctx.inspection),
                        board,
                        number,
                    )
                elif number < region_start and re.search(AFI_WORDS, sentence, re.IGNORECASE):
                    for each in afis:
                        sink.edge(
                            R.OVERSEEN_BY,
                            Ref.of(
                                L.AreaForImprovement, str(each.number), within=ctx.inspection
                            ),
                            board,
                            number,
                        )
            chaired = _CHAIRED_AFTER.match(after)
            if chaired:
                _chair(ctx, board, after[chaired.end() :], number)
            held = _HELD_BEFORE.search(before)
            if held:
                posts = [
                    p
                    for p in find_posts(before[: held.start()])
                    if not before[p.end : held.start()].strip()
                ]
                if posts:
                    sink.edge(
                        R.CONVENED_BY, board, naming.post_ref(posts[-1].name, ctx.force), number
                    )
        if _TO_ACCOUNT.search(line):
            holder = _accountable(ctx, line, [(m, refs[id(m)]) for m in boards], number)
            if holder is not None and addressee is not None and _THIS_PAPER.search(line):
                # The paper reports to its addressee how the holder holds the post to account.
                for cited in (addressee[0], number):
                    ctx.sink.edge(R.REPORTS_TO, holder, addressee[1], cited)
        if boards:
            last_board = (number, refs[id(boards[-1])])
        meeting = _CHAIRED_MEETING.search(line)
        if meeting and last_board is not None and number - last_board[0] <= 3:
            in_line = [m for m in boards if m.end <= meeting.start()]
            if not in_line:
                _chair(ctx, last_board[1], line[meeting.end() :], number)


def _chair(ctx: Context, board: Ref, text: str, line: int) -> None:
    posts = find_posts(text)
    if posts and re.fullmatch(
        r"\s*(?:(?:the|his|her|their|its)\s+)?", text[: posts[0].start], re.IGNORECASE
    ):
        ctx.sink.edge(R.CHAIRED_BY, board, naming.post_ref(posts[0].name, ctx.force), line)
    else:
        words = " ".join(text.split()[:4])
        ctx.warnings.append(
            ctx.doc.warning(
                f"chair {words!r}… is not a post the gazetteer knows; no CHAIRED_BY", line
            )
        )


def _reports_to_post(ctx: Context, text: str, updated: re.Match[str], boards: list[tuple[Mention, Ref]], line: int
) -> None:
    """'<board> … following each board an update is provided to the <post>': the board
    REPORTS_TO the post (the last board named before the words)."""
    posts = find_posts(text[updated.end() :])
    if not posts or text[updated.end() : updated.end() + posts[0].start].strip().lower() not in ("", "the"):
        return
    before = [board for mention, board in boards if mention.end <= updated.start()]
    if before:
        ctx.sink.edge(R.REPORTS_TO, before[-1], naming.post_ref(posts[0].name, ctx.force), line)


def _accountable(ctx: Context, text: str, boards: list[tuple[Mention, Ref]], line: int
) -> Ref | None:
    """'<holder> … hold(s) the <post> to account [through <board>]': the post is
    ACCOUNTABLE_TO the holder, and to the board the sentence names as the means.
    Returns the holder (the last one the line names), if any."""
    found: Ref | None = None
    for match in _TO_ACCOUNT.finditer(text):
        posts = find_posts(text[match.end() :])
        if not posts or posts[0].start != 0:
            continue
        post_end = match.end() + posts[0].end
        tail = re.match(r"\s+to\s+account\b", text[post_end:], re.IGNORECASE)
        if not tail:
            continue
        held = naming.post_ref(posts[0].name, ctx.force)
        own = normalise_label(posts[0].name)
        holders = [
            p for p in find_posts(text[: match.start()]) if normalise_label(p.name) != own
        ]
        if holders:
            found = naming.post_ref(holders[-1].name, ctx.force)
            ctx.sink.edge(R.ACCOUNTABLE_TO, held, found, line)
        after = post_end + tail.end()
        via = _ACCOUNT_VIA.match(text[after:])
        if via:
            for mention, board in boards:
                if after <= mention.start <= after + via.end():
                    ctx.sink.edge(R.ACCOUNTABLE_TO, held, board, line)
                    break
    return found
