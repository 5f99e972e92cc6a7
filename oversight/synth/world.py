"""The synthetic world: forces, their people and boards, PEEL rounds, findings, statuses, lineage.

Everything the documents later say is decided here first, from one seeded
random generator per force (``random.Random(f"{seed}/{force}")``), so a
force's papers do not change when more forces are generated, and the same
seed always gives the same world. The renderers only *write* this world; the
ground truth is what they write.

Numbers follow the real papers: 5–20 areas for improvement per force and
round, spread over the round's assessment areas; one or two progress papers
per round with RAG ratings that move (amber to green, red to amber); about a
fifth of a round's findings carried into the next round as a successor on the
same topic, some stated in a committee paper, some registered by a governance
lead, the rest left for inference.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from oversight.loaders.models import Ref
from oversight.ontology import ontology
from oversight.synth.lexicon import (
    FIRST_NAMES,
    FIVE_TIER,
    FOUR_TIER,
    KNOWN_BOARDS,
    PANEL_TITLES,
    ROUNDS,
    SURNAMES,
    TOPICS,
    UNKNOWN_BOARDS,
    Area,
    Round,
    Topic,
)

__all__ = [
    "Person",
    "Force",
    "Afi",
    "Cause",
    "Status",
    "Chain",
    "RoundPlan",
    "ForceWorld",
    "force_names",
    "build_force",
    "add_months",
]


def add_months(day: dt.date, months: int, on: int | None = None) -> dt.date:
    """``day`` moved by whole months (to day ``on`` of that month, else the same day, capped at 28)."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, on if on is not None else min(day.day, 28))


@dataclass(frozen=True)
class Person:
    first: str
    surname: str
    title: str = "Mr"

    @property
    def full(self) -> str:
        return f"{self.first} {self.surname}"

    @property
    def initialled(self) -> str:
        """As minutes write attendees: "Mr M Scott"."""
        return f"{self.title} {self.first[0]} {self.surname}"


@dataclass(frozen=True)
class Force:
    """A force of the gazetteer and the place name its panel and commissioner carry."""

    name: str
    slug: str
    place: str

    @property
    def ref(self) -> Ref:
        return Ref.named("Force", self.name)


def force_names() -> list[Force]:
    """The 43 territorial forces of the gazetteer, in its order (British Transport Police left out)."""
    forces = []
    for entry in ontology().gazetteer.entries_of("Force"):
        if entry.slug == "british-transport-police":
            continue
        places = [n for n in entry.names if not any(w in n for w in ("Police", "Constabulary", "Service"))]
        places = [p for p in places if not p.isupper() and not p.startswith("the ") and p != "CoLP"]
        place = min(places, key=len) if places else entry.pref_label
        if entry.slug == "metropolitan-police-service":
            place = "Metropolitan"
        if entry.slug == "city-of-london-police":
            place = "City of London"
        forces.append(Force(entry.pref_label, entry.slug, place))
    return forces


@dataclass
class Status:
    """How one progress paper rates one AFI."""

    rag: str  # red | amber | green
    anticipated: dt.date | None  # month of anticipated completion (None when green)


@dataclass
class Afi:
    round: Round
    number: int  # its place in the report, which progress papers number it by
    area: Area
    topic: Topic
    text: str
    area_position: int = 0  # its place among its area's AFIs in a committee paper (described first)
    statuses: list[Status] = field(default_factory=list)  # one per progress paper
    ia_described: bool = True  # whether the committee paper describes it (else only counts it)
    ia_status: str | None = None  # "in-progress" | "discharged", stated by the committee paper
    owner: str | None = None  # a post the register names as owner
    links: tuple[int, ...] = ()  # AFI numbers a progress paper links it to
    outcome: str = "open"  # at the next round: closed | superseded | carried-forward | open


@dataclass
class Cause:
    """A cause of concern and its recommendations, under one area of a report."""

    area: Area
    text: str
    recommendations: list[str]


@dataclass
class Chain:
    """A finding of one round that a finding of the next round supersedes."""

    earlier: Afi
    later: Afi
    basis: str  # stated | stated-unidentified | register | unstated
    form: str = ""  # how a stated chain is worded: description | place | this-area | unidentified


@dataclass
class RoundPlan:
    round: Round
    published: dt.date
    grades: dict[str, str]  # area slug -> grade as written ("Requires improvement")
    last_inspected: dict[str, str]
    overall: str | None
    afis: list[Afi]
    causes: list[Cause]
    progress_dates: list[dt.date]
    ia_dates: list[dt.date]
    panel_date: dt.date
    notes_date: dt.date

    def afis_in(self, slug: str) -> list[Afi]:
        return [a for a in self.afis if a.area.slug == slug]


@dataclass
class ForceWorld:
    force: Force
    people: dict[str, Person]
    panel: list[Person]
    sponsors: list[Person]
    board: tuple[str, str | None, str]  # improvement board: name, abbreviation, chair post
    rounds: list[RoundPlan]
    chains: list[Chain]
    rng: random.Random


def _people(rng: random.Random) -> tuple[dict[str, Person], list[Person], list[Person]]:
    surnames = rng.sample(SURNAMES, 20)
    firsts = rng.sample(FIRST_NAMES, 20)
    roles = ("pcc", "cc", "dcc", "dco", "cfo", "ceo", "acc", "chair", "scrutiny", "democratic")
    people = {}
    for index, role in enumerate(roles):
        title = "Mrs" if firsts[index] in ("Alice", "Beth", "Chloe", "Deborah", "Fiona", "Hannah",
                                            "Joanna", "Laura", "Naomi", "Priya", "Rachel", "Tessa",
                                            "Wendy", "Zoe", "Helen") else "Mr"
        people[role] = Person(firsts[index], surnames[index], title)
    panel = [Person(firsts[i], surnames[i], rng.choice(PANEL_TITLES)) for i in range(10, 14)]
    sponsors = [Person(firsts[i], surnames[i]) for i in range(14, 20)]
    return people, panel, sponsors


def _grades(rng: random.Random, round_: Round) -> dict[str, str]:
    tiers = FOUR_TIER if round_.tiers == 4 else FIVE_TIER
    weights = (1, 6, 3, 1) if round_.tiers == 4 else (1, 4, 4, 3, 1)
    return {a.slug: rng.choices(tiers, weights)[0] for a in round_.areas if a.graded}


def _topic_pool(area: Area) -> list[tuple[str, Topic]]:
    return [(key, topic) for key in area.topics for topic in TOPICS[key]]


def _afis(
    rng: random.Random,
    round_: Round,
    successors: list[tuple[Area, Topic]],
    avoid: set[str],
) -> list[Afi]:
    """The round's AFIs in report order: successors of earlier findings, then new topics."""
    low, high = round_.afis
    areas = [a for a in round_.areas if a.topics]
    chosen: list[tuple[Area, Topic, bool]] = [(area, topic, True) for area, topic in successors]
    used = {topic.key for _, topic, _ in chosen}
    target = max(low, len(chosen)) + rng.randint(0, high - max(low, len(chosen)))
    attempts = 0
    while len(chosen) < target and attempts < 200:
        attempts += 1
        area = rng.choice(areas)
        pool = [t for _, t in _topic_pool(area) if t.key not in used and t.key not in avoid]
        if not pool or sum(1 for a, _, _ in chosen if a.slug == area.slug) >= 4:
            continue
        topic = rng.choice(pool)
        used.add(topic.key)
        chosen.append((area, topic, False))
    order = {a.slug: i for i, a in enumerate(round_.areas)}
    chosen.sort(key=lambda c: (order[c[0].slug], c[1].key))
    afis = []
    for number, (area, topic, again) in enumerate(chosen, start=1):
        modal = "should" if round_.tiers == 4 or rng.random() < 0.5 else "needs to"
        text = f"The force {modal} {topic.again if again else topic.ask}"
        afis.append(Afi(round_, number, area, topic, text))
    return afis


def _statuses(rng: random.Random, afis: list[Afi], papers: list[dt.date]) -> None:
    """RAG ratings per progress paper: green stays green, amber may turn green, red turns amber."""
    for afi in afis:
        rag = rng.choices(("green", "amber", "red"), (3, 6, 1))[0]
        for index, paper in enumerate(papers):
            if index and rag == "amber" and rng.random() < 0.5:
                rag = "green"
            elif index and rag == "red":
                rag = "amber"
            anticipated = None if rag == "green" else add_months(paper, rng.randint(1, 6), 1)
            afi.statuses.append(Status(rag, anticipated))


def _causes(rng: random.Random, round_: Round, afis: list[Afi]) -> list[Cause]:
    if round_.tiers == 4 or rng.random() > 0.2 or not afis:
        return []
    area = rng.choice(afis).area
    topic = rng.choice(TOPICS[area.topics[0]])
    recs = [
        f"Within six months, the force should {topic.ask}",
        f"Within twelve months, the force should report on how it will {topic.again}",
    ][: rng.randint(1, 2)]
    return [Cause(area, f"The force is not doing enough to {topic.ask.split(' ', 1)[1]}.", recs)]


def build_force(force: Force, rounds: int, seed: int) -> ForceWorld:
    """The world of one force over the first ``rounds`` PEEL rounds."""
    rng = random.Random(f"{seed}/{force.slug}")
    people, panel, sponsors = _people(rng)
    name: str
    abbr: str | None
    name, abbr = rng.choice(UNKNOWN_BOARDS) if rng.random() < 0.3 else rng.choice(KNOWN_BOARDS)
    board = (name, abbr, rng.choice(("Deputy Chief Constable", "Deputy Chief Constable", "Chief Constable")))
    plans: list[RoundPlan] = []
    chains: list[Chain] = []
    previous: RoundPlan | None = None
    for round_ in ROUNDS[:rounds]:
        start = dt.date(*round_.published_from, 1)
        published = add_months(start, rng.randint(0, 8), rng.randint(1, 28))
        picked: list[tuple[Afi, Area]] = []
        if previous is not None:
            candidates = []
            for afi in previous.afis:
                if afi.statuses and afi.statuses[-1].rag == "green":
                    continue  # reported complete: not carried into the next round
                home = _related(_HOME[afi.topic.key])
                area = next((a for a in round_.areas if set(a.topics) & home), None)
                if area is not None:
                    candidates.append((afi, area))
            rng.shuffle(candidates)
            want = max(1, round(len(previous.afis) * rng.uniform(0.12, 0.3)))
            picked = candidates[:want]
        avoid = {a.topic.key for a in previous.afis} if previous else set()
        afis = _afis(rng, round_, [(area, afi.topic) for afi, area in picked], avoid)
        papers = []
        if round_.tracked:
            papers.append(add_months(published, 6, rng.randint(1, 28)))
            if rng.random() < 0.6:
                papers.append(add_months(published, 12, rng.randint(1, 28)))
        elif rng.random() < 0.3:  # some commissioners reported on the pillar reports' AFIs too
            papers.append(add_months(published, 6, rng.randint(1, 28)))
        _statuses(rng, afis, papers)
        ia_dates = [add_months(published, rng.randint(1, 3), rng.randint(1, 28))]
        if rng.random() < 0.5:
            ia_dates.append(add_months(ia_dates[0], 6, rng.randint(1, 28)))
        last = {}
        if round_.notation == "2017":
            for area in round_.areas:
                inspected = area.slug.startswith(("investigating", "protecting", "specialist"))
                last[area.slug] = "2017" if inspected or rng.random() < 0.3 else "2016"
        for afi in afis:  # a question with findings was inspected this year
            if last:
                last[afi.area.slug] = round_.notation
        plan = RoundPlan(
            round=round_,
            published=published,
            grades=_grades(rng, round_),
            last_inspected=last,
            overall=rng.choice(("Good", "Good", "Requires improvement")) if round_.tiers == 4 else None,
            afis=afis,
            causes=_causes(rng, round_, afis),
            progress_dates=papers,
            ia_dates=ia_dates,
            panel_date=papers[0] if papers else add_months(published, 5, rng.randint(1, 28)),
            notes_date=add_months(published, 4, rng.randint(1, 28)),
        )
        later_by_topic = {a.topic.key: a for a in afis}
        if previous is not None:
            for earlier, _area in picked:
                chains.append(
                    Chain(earlier, later_by_topic[earlier.topic.key], _basis(rng, previous.round, round_))
                )
                earlier.outcome = "superseded"
            # What became of the others at this round: closed, and perhaps one carried forward.
            others = [a for a in previous.afis if a.outcome == "open"]
            for afi in others:
                afi.outcome = "closed"
            if others and rng.random() < 0.35:
                for afi in rng.sample(others, min(len(others), rng.choice((1, 1, 1, 2)))):
                    afi.outcome = "carried-forward"
        for afi in afis:
            afi.ia_described = rng.random() > 0.12
            if afi.ia_described:
                afi.ia_status = rng.choices((None, "in-progress", "discharged"), (8, 2, 1))[0]
        # A committee paper numbers an area's AFIs in the order it describes them,
        # the ones it only counts coming last.
        for area in round_.areas:
            in_area = plan.afis_in(area.slug)
            ordered = [a for a in in_area if a.ia_described] + [a for a in in_area if not a.ia_described]
            for position, afi in enumerate(ordered, start=1):
                afi.area_position = position
        for chain in chains:
            if chain.later.round is round_:
                if chain.basis == "stated-unidentified":
                    chain.form = "unidentified"
                elif chain.basis == "stated":
                    forms = ("description", "place", "this-area") if chain.later.ia_described else ("place", "this-area")
                    chain.form = rng.choice(forms)
        if len(afis) > 8 and rng.random() < 0.3:
            afis[-1].links = tuple(sorted(rng.sample([a.number for a in afis[:-1]], 2)))
        for afi in rng.sample(afis, min(len(afis), rng.randint(1, 3))):
            afi.owner = rng.choice(
                ("Assistant Chief Constable", "ACC Crime", "Head of Public Protection", "Deputy Chief Constable")
            )
        plans.append(plan)
        previous = plan
    return ForceWorld(force, people, panel, sponsors, board, plans, chains, rng)


#: The topic area each topic belongs to.
_HOME = {topic.key: key for key, topics in TOPICS.items() if key != "leadership" for topic in topics}


def _related(home: str) -> set[str]:
    """The topic areas that carry a topic area into the next framework (resources became leadership)."""
    keys = {home}
    if keys & {"good-use-of-resources", "leadership"}:
        keys |= {"good-use-of-resources", "leadership"}
    return keys


def _basis(rng: random.Random, earlier: Round, later: Round) -> str:
    """How a chain is known: stated by a committee paper (when both rounds are named by
    round, not pillar), registered by a governance lead, or left for inference."""
    if earlier.tracked and later.tracked:
        return rng.choices(("stated", "stated-unidentified", "register", "unstated"), (5, 1, 2, 3))[0]
    return rng.choices(("register", "unstated"), (2, 3))[0]
