"""A force's governance register (YAML, in the format of :mod:`oversight.loaders.register`).

What a governance lead records by hand: the area, owner and overseeing board
of some findings, who chairs the improvement board, and the supersessions they decided
(``supersedes`` with ``asserted_by`` and ``asserted_on``). Keys are written
as extraction computes them, with :class:`~oversight.graph.resolve.Resolver`.
"""

from __future__ import annotations

from oversight.graph.resolve import Resolver
from oversight.loaders.models import Ref
from oversight.loaders.toolkit import naming
from oversight.ontology import ontology
from oversight.synth.docs import Doc, iso
from oversight.synth.world import Afi, ForceWorld, add_months

__all__ = ["render_register"]


def _key(resolver: Resolver, afi: Afi, world: ForceWorld) -> tuple[str, str]:
    inspection = naming.peel_inspection(world.force.ref, afi.round.notation, afi.round.pillar)
    ref = Ref.of("AreaForImprovement", str(afi.number), within=inspection)
    return resolver.resolve(inspection).key, resolver.resolve(ref).key


def _unambiguous(name: str, slug: str) -> bool:
    """Whether an area wording means ``slug`` whatever the round (the register gives no round)."""
    area = ontology().areas.lookup(name)
    return area is not None and area.slug == slug


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render_register(world: ForceWorld, resolver: Resolver) -> Doc:
    """The register of ``world``'s force, with the facts each entry states."""
    force = world.force
    doc = Doc(f"{force.slug}/register.yaml", "register")
    lead = f"Governance lead, Office of the {force.place} Police and Crime Commissioner"
    last_published = world.rounds[-1].published
    asserted_on = iso(add_months(last_published, 2, 1))
    doc.add(f"# Governance register of {force.name}: owners, boards and supersession decided by hand.")
    doc.add("register:")
    doc.add(f"  title: {_quote(force.name + ' PEEL governance register')}")
    doc.add(f"  asserted_by: {_quote(lead)}")
    doc.add(f"  asserted_on: {asserted_on}")
    doc.add("")
    doc.add(f"force: {_quote(force.name)}")
    doc.add("")
    owned = [afi for plan in world.rounds for afi in plan.afis if afi.owner]
    board_name, _, chair = world.board
    board = Ref.named("Board", board_name, within=force.ref)
    if owned:
        doc.add("findings:")
        for afi in owned:
            inspection_key, _ = _key(resolver, afi, world)
            # The register names the area without a round: only a wording no other framework shares will do.
            area = afi.area.report_name if _unambiguous(afi.area.report_name, afi.area.slug) else None
            line = doc.add(
                f"  - {{inspection: {inspection_key}, number: {afi.number}, "
                + (f"area: {_quote(area)}, " if area else "")
                + f"owner: {_quote(str(afi.owner))}, overseen_by: {_quote(board_name)}}}"
            )
            inspection = Ref.keyed("Inspection", inspection_key)
            ref = Ref.of("AreaForImprovement", str(afi.number), within=inspection)
            doc.node(ref, line, number=afi.number)
            doc.edge("ISSUED", inspection, ref, line)
            if area:
                doc.edge("IN_AREA", ref, Ref.named("AssessmentArea", area), line)
            doc.edge("OWNED_BY", ref, Ref.named("Post", str(afi.owner), within=force.ref), line)
            doc.edge("OVERSEEN_BY", ref, board, line)
        doc.add("")
    doc.add("boards:")
    line = doc.add(f"  - name: {_quote(board_name)}")
    doc.add(f"    chaired_by: {_quote(chair)}")
    doc.node(board, line)
    doc.edge("CHAIRED_BY", board, Ref.named("Post", chair, within=force.ref), line)
    registered = [c for c in world.chains if c.basis == "register"]
    if registered:
        doc.add("")
        doc.add("supersedes:")
        for chain in registered:
            _, later = _key(resolver, chain.later, world)
            _, earlier = _key(resolver, chain.earlier, world)
            plan = next(p for p in world.rounds if p.round is chain.later.round)
            on = iso(add_months(plan.published, 3, 1))
            note = f"The same concern, on {chain.earlier.topic.phrase}, was raised again in the later round."
            line = doc.add(f"  - later: {later}")
            doc.add(f"    earlier: {earlier}")
            doc.add(f"    asserted_by: {_quote(lead)}")
            doc.add(f"    asserted_on: {on}")
            doc.add(f"    note: {_quote(note)}")
            doc.edge(
                "SUPERSEDES",
                Ref.keyed("Finding", later),
                Ref.keyed("Finding", earlier),
                line,
                basis="register",
                assertedBy=lead,
                assertedOn=on,
                reason=note,
            )
    return doc
