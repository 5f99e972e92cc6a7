"""The facts of one AFI read from the appendix: the finding, its status assessment, owners and boards."""

from __future__ import annotations

from oversight.loaders.families.peel_progress.cells import Afi, Context
from oversight.loaders.models import Ref
from oversight.ontology import L, R


def afi_facts(ctx: Context, afi: Afi) -> None:
    doc, sink = ctx.doc, ctx.sink
    ref = Ref.of(L.AreaForImprovement, str(afi.number), within=ctx.inspection)
    missing = ["text"] if not afi.text else None
    sink.node(
        ref,
        afi.line,
        number=afi.number,
        text=afi.text or None,
        numberMissing=True if afi.number_missing else None,
        missing=missing,
        deduced=["number"] if afi.deduced_number else None,
        deducedFrom=[afi.deduced_number] if afi.deduced_number else None,
    )
    sink.edge(R.ISSUED, ctx.inspection, ref, afi.line)
    for target in afi.links:
        sink.edge(
            R.LINKED_TO,
            ref,
            Ref.of(L.AreaForImprovement, str(target), within=ctx.inspection),
            afi.line,
        )

    status = Ref.of(L.StatusAssessment, ctx.date, within=ref)
    sink.edge(R.HAS_STATUS, ref, status, afi.line)
    # The date is the paper's: cite the line that gives it.
    sink.node(status, ctx.date_line or afi.line, date=ctx.date_or_none)
    deduced_rag = afi.deduced_rag
    status_word = None
    if afi.rag == "green":
        status_word = "completed"
    elif afi.rag == "amber":
        status_word = "in-progress"
    if afi.rag is not None and afi.rag_line is not None:
        if deduced_rag:
            sink.node(
                status,
                afi.rag_line,
                rag=afi.rag,
                status=status_word,
                deduced=["rag", "status"] if status_word else ["rag"],
                deducedFrom=[deduced_rag, f"status: from the deduced RAG {afi.rag}"]
                if status_word
                else [deduced_rag],
            )
        else:
            sink.node(status, afi.rag_line, rag=afi.rag, status=status_word)
    status_missing = []
    if afi.rag is None:
        status_missing.append("rag")
    if afi.completion_line is not None:
        if afi.completed:
            sink.node(status, afi.completion_line, completed=True, status="completed")
        elif afi.anticipated is not None:
            sink.node(
                status,
                afi.completion_line,
                anticipatedCompletion=afi.anticipated,
                completed=False,
            )
        else:
            status_missing.append("anticipatedCompletion")
    elif afi.rag != "green":
        status_missing.append("anticipatedCompletion")
        ctx.warnings.append(
            doc.warning(
                f"AFI {afi.number}: no anticipated completion stated; recorded missing",
                afi.line,
            )
        )
    if status_missing:
        sink.node(status, afi.line, missing=status_missing)
    for column, name in (
        (afi.actions, "actionsTaken"),
        (afi.ongoing, "ongoingActivity"),
        (afi.unsorted, "progressText"),
    ):
        if column.items:
            sink.node(status, min(column.lines), end_line=max(column.lines), **{name: column.text})
