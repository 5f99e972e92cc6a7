"""Words the synthetic corpus is written with: areas, finding topics, names, publications.

Everything here is written for the generator (no text is taken from real
papers); only the *structure* follows the real papers. Wording is chosen so
that no sentence trips an extraction rule by accident: action bullets carry no
modal verb ("should", "needs to") and no capitalised board name, filler names
no force and no date, and topic phrases of one area share no content word, so
a description names exactly one finding.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "Topic",
    "Area",
    "TOPICS",
    "FRAMEWORK_2014",
    "AREAS_2021_22",
    "AREAS_2023_25",
    "ROUNDS",
    "Round",
    "FOUR_TIER",
    "FIVE_TIER",
    "FIRST_NAMES",
    "SURNAMES",
    "PANEL_TITLES",
    "ACTIONS",
    "ONGOING",
    "REPORT_FILLER",
    "IA_FILLER",
    "PUBLICATION_SUMMARY",
    "AUDIT_NAMES",
    "UNKNOWN_BOARDS",
    "KNOWN_BOARDS",
    "Publication",
    "PUBLICATIONS",
    "BRIEFINGS",
]


@dataclass(frozen=True)
class Topic:
    """One thing a force can be asked to improve, in three wordings.

    ``ask`` follows a modal verb in a report ("The force should <ask>");
    ``again`` is how a later round words the same concern (a successor shares
    its main words); ``phrase`` is the noun phrase a committee paper uses.
    """

    key: str
    ask: str
    again: str
    phrase: str


def _t(key: str, ask: str, again: str, phrase: str) -> Topic:
    return Topic(key, ask, again, phrase)


#: Topics by area of the 2021 framework (the 2014 questions borrow from these).
TOPICS: dict[str, list[Topic]] = {
    "preventing-crime": [
        _t("nhp-training", "make sure that neighbourhood officers have access to structured training",
           "give neighbourhood officers structured training for their role", "structured training for neighbourhood officers"),
        _t("problem-solving", "evaluate its problem-solving plans and share what works across teams",
           "evaluate problem-solving plans so that what works is shared", "evaluating problem-solving plans"),
        _t("asb-repeat", "improve how it identifies and supports repeat victims of anti-social behaviour",
           "identify repeat victims of anti-social behaviour and support them", "repeat victims of anti-social behaviour"),
        _t("prevention-strategy", "develop a crime prevention strategy that its workforce understands",
           "make its crime prevention strategy understood by the workforce", "its crime prevention strategy"),
        _t("seldom-heard", "make sure its engagement reaches communities that are seldom heard",
           "extend its engagement to seldom heard communities", "engagement with seldom heard communities"),
        _t("prevention-data", "share data with partner organisations to target prevention activity",
           "use data shared with partner organisations to target prevention", "sharing prevention data with partner organisations"),
    ],
    "responding-to-the-public": [
        _t("repeat-callers", "make sure that repeat callers and vulnerable callers are routinely identified",
           "routinely identify repeat callers and vulnerable callers", "identifying repeat callers"),
        _t("call-advice", "make sure call takers give advice on preserving evidence and on crime prevention",
           "give callers advice on preserving evidence and crime prevention", "advice from call takers on preserving evidence"),
        _t("response-times", "better manage its response to incidents so that attendance is timely",
           "attend incidents within the timescales it sets", "the timeliness of attendance at incidents"),
        _t("abandoned-calls", "reduce the number of non-emergency calls that are abandoned",
           "answer non-emergency calls before callers abandon them", "abandoned non-emergency calls"),
        _t("reassess-risk", "reassess risk when calls for service are not attended within the set time",
           "reassess risk on outstanding calls for service", "reassessing risk on outstanding calls"),
        _t("response-capacity", "improve the capacity and capability of its response teams",
           "increase the capacity and capability of response teams", "capacity of response teams"),
    ],
    "investigating-crime": [
        _t("allocation", "make sure that crimes are allocated and investigated in a timely manner",
           "allocate crimes to investigators in a timely manner", "the timely allocation of crimes"),
        _t("investigation-plans", "make sure investigation plans are created where applicable and properly supervised",
           "supervise investigation plans properly", "supervision of investigation plans"),
        _t("victim-withdrawal", "improve how it records why victims withdraw their support for investigations",
           "record the reasons victims withdraw support for investigations", "recording why victims withdraw support"),
        _t("victim-needs", "make sure the needs of all victims are assessed so they can be supported",
           "assess the needs of every victim so that each can be supported", "victim needs assessments"),
        _t("outcomes", "make sure that outcomes recorded for crimes are appropriate and authorised",
           "authorise the outcomes it records for crimes", "the authorisation of crime outcomes"),
        _t("digital-delays", "reduce the delays in examining digital devices for investigations",
           "cut delays in the examination of digital devices", "delays in digital device examination"),
        _t("pursue-offenders", "take every opportunity to pursue offenders when victims disengage",
           "pursue offenders through evidence-led prosecutions when victims disengage", "evidence-led prosecutions"),
    ],
    "protecting-vulnerable-people": [
        _t("protective-orders", "make better use of protective orders to safeguard victims of domestic abuse",
           "use protective orders to safeguard victims of domestic abuse", "the use of protective orders"),
        _t("pvp-wellbeing", "maintain and improve the wellbeing of staff who protect vulnerable people",
           "support the wellbeing of staff who protect vulnerable people", "the wellbeing of public protection staff"),
        _t("da-resourcing", "properly resource the teams that investigate domestic abuse",
           "resource its domestic abuse investigation teams properly", "resourcing of domestic abuse teams"),
        _t("referral-backlog", "clear the backlog of safeguarding referrals awaiting review",
           "review safeguarding referrals without a backlog building", "the backlog of safeguarding referrals"),
        _t("mental-health", "make sure officers understand how to respond to people in mental health crisis",
           "respond well to people in mental health crisis", "people in mental health crisis"),
        _t("missing-children", "improve how it assesses risk when children go missing",
           "assess risk consistently when children go missing", "risk assessment for missing children"),
    ],
    "managing-offenders": [
        _t("bail-rui", "review its policy for people released on bail and while under investigation",
           "manage suspects released on bail or under investigation", "bail and release under investigation"),
        _t("rso-model", "review whether its operating model hampers the management of registered sex offenders",
           "manage registered sex offenders within its operating model", "the management of registered sex offenders"),
        _t("online-abuse", "review its digital capability to target online child abuse offenders",
           "target online child abuse offenders with enough digital capability", "targeting online child abuse offenders"),
        _t("arms-overdue", "make sure offender risk assessments are completed on time",
           "complete offender risk assessments within the timescale", "overdue offender risk assessments"),
        _t("wanted-suspects", "make sure wanted suspects are found and arrested promptly",
           "find and arrest wanted suspects promptly", "arresting wanted suspects"),
        _t("foreign-nationals", "improve how it checks the status of arrested foreign nationals",
           "check the status of every arrested foreign national", "checks on arrested foreign nationals"),
    ],
    "good-use-of-resources": [
        _t("demand", "review how it allocates resources to make sure it can meet demand",
           "allocate its resources so that it meets demand", "allocating resources to meet demand"),
        _t("workforce-plan", "develop a workforce plan that sets out the skills it will need",
           "plan the skills its workforce will need", "its workforce plan"),
        _t("savings", "make sure its savings plans are realistic and monitored",
           "monitor its savings plans and keep them realistic", "the monitoring of savings plans"),
        _t("fms", "use its force management statement to inform its planning",
           "base its planning on the force management statement", "use of the force management statement"),
        _t("technology", "make sure its technology projects deliver the expected benefits",
           "realise the benefits expected from technology projects", "benefits from technology projects"),
    ],
    "workforce": [
        _t("pdr", "make sure all staff receive a meaningful performance development review",
           "give every member of staff a meaningful performance development review", "performance development reviews"),
        _t("wellbeing", "improve how it understands and supports the wellbeing of its workforce",
           "understand and support the wellbeing of its workforce", "understanding workforce wellbeing"),
        _t("supervisors", "give first-line supervisors the training and time they need to lead",
           "train first-line supervisors and give them time to lead", "training for first-line supervisors"),
        _t("representation", "improve the representation of under-represented groups in its workforce",
           "increase the representation of under-represented groups in its workforce", "workforce representation"),
    ],
    "treatment-of-the-public": [
        _t("stop-search", "make sure officers record the grounds for every stop and search",
           "record the grounds for each stop and search", "recording the grounds for stop and search"),
        _t("use-of-force", "improve how it records and monitors the use of force",
           "record and monitor every use of force", "how the use of force is recorded and monitored"),
        _t("diversity-data", "improve how it collects information about the diversity of victims",
           "collect information on the diversity of victims", "the protected characteristics of victims"),
        _t("external-scrutiny", "make sure external scrutiny groups can review the use of force",
           "let external scrutiny groups review the use of force", "external scrutiny of the use of force"),
    ],
    "crime-data-integrity": [
        _t("crime-recording", "make sure that reports of crime are recorded within twenty-four hours",
           "record reports of crime within twenty-four hours", "timely crime recording"),
        _t("cancellations", "make sure crimes are cancelled only when there is enough evidence",
           "cancel crimes only on enough evidence", "the cancellation of recorded crimes"),
        _t("asb-recording", "make sure crimes reported as anti-social behaviour are recorded as crimes",
           "record as crimes the offences reported as anti-social behaviour", "crimes reported as anti-social behaviour"),
    ],
    "serious-organised-crime": [
        _t("local-profiles", "make sure its serious and organised crime local profiles are up to date",
           "keep its serious and organised crime local profiles current", "the currency of local profiles"),
        _t("lead-officers", "give lead responsible officers the support they need to manage organised crime groups",
           "support lead responsible officers in managing organised crime groups", "support for lead responsible officers"),
        _t("disruptions", "improve how it records the disruption of organised crime groups",
           "record each disruption of an organised crime group", "recording disruptions of organised crime groups"),
    ],
    "workforce-corruption": [
        _t("vetting", "make sure all personnel have valid vetting clearance for their role",
           "hold valid vetting clearance for every role", "valid vetting clearance"),
        _t("vetting-disproportionality", "monitor and respond to disproportionality in vetting decisions",
           "respond to disproportionality in its vetting decisions", "disproportionality in vetting decisions"),
        _t("abuse-of-position", "make sure it identifies officers who abuse their position for a sexual purpose",
           "identify officers who abuse their position for a sexual purpose", "abuse of position for a sexual purpose"),
    ],
}
TOPICS["leadership"] = TOPICS["good-use-of-resources"]


@dataclass(frozen=True)
class Area:
    """An assessment area of a PEEL framework: its slug, the names papers use, its topics."""

    slug: str
    report_name: str  # a section heading in a report
    short_name: str  # an area heading in a committee paper, or a grid cell
    topics: tuple[str, ...]  # keys of TOPICS whose topics it draws from
    graded: bool = True


#: PEEL 2017 and 2018/19: the effectiveness questions of the 2014 framework.
FRAMEWORK_2014 = (
    Area("preventing-crime-and-asb-2017", "Preventing crime and tackling anti-social behaviour",
         "Preventing crime and tackling anti-social behaviour", ("preventing-crime",)),
    Area("investigating-crime-and-reducing-reoffending-2017", "Investigating crime and reducing re-offending",
         "Investigating crime and reducing re-offending", ("investigating-crime", "managing-offenders")),
    Area("protecting-vulnerable-people-2017", "Protecting vulnerable people and supporting victims",
         "Protecting vulnerable people and supporting victims", ("protecting-vulnerable-people",)),
    Area("tackling-serious-organised-crime-2017", "Tackling serious and organised crime",
         "Tackling serious and organised crime", ("serious-organised-crime",)),
    Area("specialist-capabilities-2017", "Specialist capabilities", "Specialist capabilities", (), graded=False),
)

AREAS_2021_22 = (
    Area("crime-data-integrity", "Recording data about crime", "Recording data about crime", ("crime-data-integrity",)),
    Area("treatment-of-the-public", "Treatment of the public", "Treatment of the public", ("treatment-of-the-public",)),
    Area("preventing-crime", "Preventing crime and anti-social behaviour", "Preventing crime", ("preventing-crime",)),
    Area("responding-to-the-public", "Responding to the public", "Responding to the public", ("responding-to-the-public",)),
    Area("investigating-crime", "Investigating crime", "Investigating crime", ("investigating-crime",)),
    Area("protecting-vulnerable-people", "Protecting vulnerable people", "Protecting vulnerable people", ("protecting-vulnerable-people",)),
    Area("managing-offenders", "Managing offenders and suspects", "Managing offenders", ("managing-offenders",)),
    Area("workforce", "Developing a positive workplace", "Developing a positive workplace", ("workforce",)),
    Area("good-use-of-resources", "Good use of resources", "Good use of resources", ("good-use-of-resources",)),
)

AREAS_2023_25 = (
    Area("treatment-of-the-public", "Treating people fairly, appropriately and respectfully",
         "Treating People Fairly, Appropriately, and Respectfully", ("treatment-of-the-public",)),
    Area("preventing-crime", "Preventing and deterring crime and antisocial behaviour, and reducing vulnerability",
         "Preventing, Deterring Crime and ASB and Reducing Vulnerability", ("preventing-crime",)),
    Area("responding-to-the-public", "Responding to the public", "Responding to the Public", ("responding-to-the-public",)),
    Area("investigating-crime", "Investigating crime", "Investigating Crime", ("investigating-crime",)),
    Area("protecting-vulnerable-people", "Protecting vulnerable people", "Protecting Vulnerable People", ("protecting-vulnerable-people",)),
    Area("managing-offenders", "Managing offenders and suspects", "Managing Offenders and Suspects", ("managing-offenders",)),
    Area("serious-organised-crime", "Disrupting serious organised crime", "Disrupting Serious and Organised Crime", ("serious-organised-crime",)),
    Area("workforce", "Building, supporting and protecting the workforce", "Building, Supporting and Protecting the Workforce", ("workforce",)),
    Area("workforce-corruption", "Tackling workforce corruption", "Tackling Workforce Corruption", ("workforce-corruption",)),
    Area("leadership", "Leadership and force management", "Leadership and Force Management", ("leadership",)),
)


@dataclass(frozen=True)
class Round:
    """A PEEL round: its notation, how its report is titled, its framework and grading scale."""

    notation: str  # "2017", "2018/19", "2021/22", "2023/25"
    title: str  # the report's title line
    pillar: str | None
    areas: tuple[Area, ...]
    tiers: int
    published_from: tuple[int, int]  # (year, month) of the first force's report
    afis: tuple[int, int]  # least and most AFIs a force receives

    @property
    def slug(self) -> str:
        return "peel-" + self.notation.replace("/", "-") + (f"-{self.pillar}" if self.pillar else "")

    @property
    def tracked(self) -> bool:
        """Whether committee papers can name the round's inspection (pillar reports they cannot)."""
        return self.pillar is None


ROUNDS = (
    Round("2017", "PEEL: Police effectiveness 2017", "effectiveness", FRAMEWORK_2014, 4, (2017, 11), (5, 10)),
    Round("2018/19", "PEEL 2018/19", None, FRAMEWORK_2014, 4, (2019, 2), (5, 12)),
    Round("2021/22", "PEEL 2021/22", None, AREAS_2021_22, 5, (2022, 2), (6, 20)),
    Round("2023/25", "PEEL 2023/25", None, AREAS_2023_25, 5, (2023, 6), (5, 18)),
)

FOUR_TIER = ("Outstanding", "Good", "Requires improvement", "Inadequate")
FIVE_TIER = ("Outstanding", "Good", "Adequate", "Requires improvement", "Inadequate")

#: First names and surnames that are no place, force or post name.
FIRST_NAMES = (
    "Alice", "Amrit", "Andrew", "Beth", "Carl", "Chloe", "Daniel", "Deborah", "Edward", "Fiona",
    "Gareth", "Hannah", "Imran", "Joanna", "Keith", "Laura", "Martin", "Naomi", "Owen", "Priya",
    "Rachel", "Simon", "Tessa", "Victor", "Wendy", "Yusuf", "Zoe", "Graham", "Helen", "Marcus",
)
SURNAMES = (
    "Abbott", "Bramley", "Carver", "Dunmore", "Ellery", "Fairbairn", "Gosling", "Hartigan", "Ingram",
    "Jessop", "Keeling", "Lomax", "Marlow", "Nightingale", "Oakes", "Pemberton", "Quayle", "Rowntree",
    "Sherwin", "Tolley", "Underhill", "Vickery", "Whitlock", "Yardley", "Ashdown", "Birtles", "Coombes",
    "Denholm", "Eastwood", "Fenwick", "Garside", "Halloran", "Illingworth", "Kettle", "Lightfoot",
    "Mottram", "Newbold", "Ormerod", "Pilling", "Ramsbottom", "Stanier", "Thackeray", "Upton", "Wardle",
)
PANEL_TITLES = ("Cllr", "Mr", "Mrs", "Ms")

#: Progress bullets: no modal verb, no capitalised board, no RAG word, no completion words.
ACTIONS = (
    "A review of current practice has been carried out and its findings agreed",
    "Training on the new procedure has been delivered to supervisors",
    "Performance is reported each month to the chief officer team",
    "A new policy has been published and briefed to all staff",
    "Quality assurance checks are carried out on a sample of cases each month",
    "Additional staff have been recruited to the team",
    "A dashboard has been developed so that managers can track progress",
    "Guidance has been refreshed on the force intranet",
    "A dip sample of records found improved compliance",
    "Work with partner agencies has been agreed through a shared protocol",
)
ONGOING = (
    "Further training sessions are planned for the coming quarter",
    "An evaluation of the pilot is under way",
    "Recruitment to the remaining vacancies is in progress",
    "The revised process will be audited in six months",
    "Compliance is being monitored through the performance framework",
    "Lessons learned are being shared with each district",
)

#: Report prose; {force} is the force's name.
REPORT_FILLER = (
    "{force} has a clear understanding of the demand it faces and plans its work accordingly.",
    "Officers and staff told us that they understand the priorities set by chief officers.",
    "We found that most victims receive a service that meets their needs.",
    "The force works well with partner organisations such as local authorities and health services.",
    "In our file review, most investigations were thorough and well supervised.",
    "Supervisors review workloads regularly, although some teams carry high caseloads.",
    "The force uses data well to understand where harm is concentrated.",
    "Neighbourhood teams know their communities and the problems that matter to them.",
)

#: Committee paper prose; {force} is the force's name.
IA_FILLER = (
    "The force welcomes the scrutiny that inspection brings and uses the findings to improve its service.",
    "Each report is reviewed by the relevant business lead and an action plan is agreed where one is needed.",
    "The force continues to work with partners to deliver the improvements identified.",
    "Updates on progress are given to chief officers at regular intervals.",
)

#: What a publication found, in general terms.
PUBLICATION_SUMMARY = (
    "HMICFRS found that forces had made progress but that victims do not yet receive a consistent service.",
    "The report describes good practice in several forces and sets out where the service must improve.",
    "The inspection found that leadership and governance varied considerably between forces.",
    "Inspectors found committed officers and staff working under considerable pressure.",
)

AUDIT_NAMES = (
    "Risk Management", "Payroll", "General Ledger", "Treasury Management", "Creditor Payments",
    "Procurement", "Business Continuity", "Estates Strategy", "Fleet Management", "Health and Safety",
    "Overtime and Allowances", "Vetting Compliance", "Firearms Licensing", "Seized Property",
    "Recruitment Compliance", "Information Security", "Grants and Commissioning", "Capital Accounting",
    "Pensions Administration", "Data Quality", "Complaints Handling", "Debt Recovery",
)

#: Improvement boards a force may give an unfamiliar name (unresolved on purpose).
UNKNOWN_BOARDS = (
    ("Service Improvement Board", "SIB"),
    ("Organisational Improvement Board", "OIB"),
    ("Inspection Governance Group", "IGG"),
    ("Continuous Improvement Board", "CIB"),
)
#: Improvement boards the gazetteer knows.
KNOWN_BOARDS = (
    ("Future Improvement and Development Board", "FIDB"),
    ("PEEL Oversight Board", None),
    ("Strategic Change Board", None),
)

#: What a board asks of the force in its action log.
BRIEFINGS = (
    "a briefing on the work of the road safety team",
    "an update on the recruitment of call handlers",
    "a presentation on the violence reduction partnership",
    "a briefing on the handling of subject access requests",
    "an update on the use of body-worn video",
    "a briefing on the neighbourhood policing model",
)


@dataclass(frozen=True)
class Publication:
    """A national inspectorate publication the committee papers report."""

    title: str
    date: str  # ISO day
    bodies: tuple[str, ...]  # as the paper names them, lead first
    kind_words: str  # "national thematic report", "joint thematic inspection", ...
    recommendations: int
    chief: int | None  # how many are for chief constables; None: the paper does not say
    numbered: tuple[str, ...] = ()  # recommendations listed one by one (text after "By <date>,")
    deadline: str | None = None  # ISO day of "By <date>"


PUBLICATIONS = (
    Publication("Stolen freedom a review of the police response to modern slavery", "2017-10-24",
                ("HMICFRS",), "national thematic report", 14, 9),
    Publication("The police response to stalking and harassment", "2017-12-05",
                ("HMICFRS", "HM Crown Prosecution Service Inspectorate (HMCPSI)"), "joint thematic inspection", 13, 7),
    Publication("Understanding the difference in police response to vulnerability", "2018-02-22",
                ("HMICFRS",), "national thematic report", 6, 6),
    Publication("Policing and mental health picking up the pieces", "2018-05-17",
                ("HMICFRS", "Care Quality Commission (CQC)"), "joint thematic inspection", 11, 4),
    Publication("Fraud time to choose", "2019-04-02", ("HMICFRS",), "national thematic report", 7, 3),
    Publication("The poor relation the police response to online child abuse", "2019-06-25",
                ("HMICFRS",), "national thematic report", 9, 0),
    Publication("Shining a light on betrayal abuse of position for a sexual purpose", "2019-09-27",
                ("HMICFRS",), "national thematic report", 5, 5),
    Publication("Evidence led domestic abuse prosecutions", "2020-01-28",
                ("HMICFRS", "HM Crown Prosecution Service Inspectorate (HMCPSI)"), "joint thematic inspection", 8, None),
    Publication("Review of policing domestic abuse during the pandemic", "2021-06-23",
                ("HMICFRS",), "national thematic report", 0, 0),
    Publication("Police response to violence against women and girls", "2021-09-17",
                ("HMICFRS",), "national thematic report", 5, 2),
    Publication("Digital forensics and the criminal justice system", "2022-12-01",
                ("HMICFRS",), "national thematic report", 8, 4),
    Publication("Vetting misconduct and misogyny in the police service", "2022-11-02",
                ("HMICFRS",), "national thematic report", 43, 28),
    Publication("The police response to burglary robbery and theft", "2022-08-11",
                ("HMICFRS",), "national thematic report", 12, 6),
    Publication("The police response to honour-based abuse from minority communities", "2023-03-14",
                ("HMICFRS", "College of Policing", "Independent Office for Police Conduct (IOPC)"),
                "super-complaint investigation", 10, 6,
                numbered=(
                    "chief constables should make sure their forces review the training given to officers who "
                    "take the first report of honour-based abuse, and how that training is refreshed",
                    "chief constables should make sure every report of honour-based abuse is reviewed by a "
                    "supervisor within one working day and that the review is recorded",
                    "chief constables should make sure their forces gather and publish data on honour-based abuse "
                    "so that the scale of it in their area is understood",
                ),
                deadline="2023-09-30"),
    Publication("Group-based child sexual exploitation in England and Wales", "2023-08-31",
                ("HMICFRS",), "national thematic report", 9, 5),
    Publication("Stop and search scrutiny and the use of section 60", "2023-12-15",
                ("HMICFRS", "College of Policing", "Independent Office for Police Conduct (IOPC)"),
                "super-complaint investigation", 10, 6,
                numbered=(
                    "chief constables should make sure their forces review the content of training on section 60 "
                    "authorisations and how they provide it to officers and supervisors",
                    "chief constables should make sure briefing and debriefing arrangements for their forces' "
                    "activities under section 60 are thorough and recorded",
                    "chief constables should make sure forces communicate effectively with communities on the "
                    "police use of section 60 stop and search powers",
                    "chief constables should satisfy themselves that their force gives community scrutiny panels "
                    "all relevant information about stop and search",
                ),
                deadline="2024-06-14"),
    Publication("Meeting the needs of victims in the criminal justice system", "2023-12-19",
                ("HMICFRS", "HM Crown Prosecution Service Inspectorate (HMCPSI)"), "joint thematic inspection", 6, 0),
    Publication("Activism and impartiality in policing", "2024-04-22", ("HMICFRS",), "national thematic report", 7, 4),
    Publication("Joint case building by the police and Crown Prosecution Service", "2024-07-09",
                ("HMICFRS", "HM Crown Prosecution Service Inspectorate (HMCPSI)"), "joint thematic inspection", 11, 6),
    Publication("The police response to knife crime", "2024-10-15", ("HMICFRS",), "national thematic report", 4, 4),
    Publication("Race and policing a review of the police service", "2025-02-04", ("HMICFRS",), "national thematic report", 13, 8),
    Publication("Detention services in a changing landscape", "2025-06-10",
                ("HMICFRS", "HM Inspectorate of Prisons (HMIP)"), "joint thematic inspection", 9, 9),
)
