"""The Voltera demo organisation as static content: who, what, which KPIs, and the 40 initiatives.

Voltera is a fictional Dutch omnichannel retailer of electronics and household appliances. Plain tables only;
cxgov/demo/portfolio.py turns them into rows with dates, readings and money for any size. Dates in the initiative
table are 'YYYY-MM-DD' as of the portfolio's REFERENCE_DATE (2026-11-29); a load moves them to its own day.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from cxgov.models.enums import Direction, Discipline, Health, KpiKind, Lane, Phase, Priority, Role, Status

DEPARTMENTS = (
    "Customer Service", "E-commerce", "Stores", "Logistics", "Installation Services", "Returns & Aftersales",
    "Finance", "Product & Category", "Marketing", "IT", "HR", "CX Team", "CX Insights", "Management Team",
    "Commercial",
)

# (code, English name, Dutch name): the klantreis of a Voltera customer, in order.
JOURNEY_STAGES = (
    ("orientation", "Orientation", "Oriënteren"),
    ("purchase", "Purchase", "Kopen"),
    ("payment", "Payment", "Betalen"),
    ("delivery_installation", "Delivery & installation", "Bezorgen & installeren"),
    ("use", "Use", "Gebruiken"),
    ("service_returns", "Service & returns", "Service & retour"),
)
CHANNELS = (
    ("web", "Web shop", "Webshop"),
    ("app", "App", "App"),
    ("store", "Store", "Winkel"),
    ("phone", "Phone", "Telefoon"),
    ("chat", "Chat", "Chat"),
    ("whatsapp", "WhatsApp", "WhatsApp"),
    ("delivery_crew", "Delivery crew", "Bezorgteam"),
    ("invoice_email", "Invoice / e-mail", "Factuur / e-mail"),
)

# (name, department, role): every role, managers in the departments that own most work.
PEOPLE = (
    ("Sanne de Vries", "IT", Role.ADMIN),
    ("Thijs Bakker", "CX Team", Role.PROGRAMME_OFFICE),
    ("Fleur Jansen", "CX Team", Role.PROGRAMME_OFFICE),
    ("Marieke van den Berg", "Management Team", Role.LEADER),  # Chief Customer Officer
    ("Ruud Smit", "Management Team", Role.LEADER),  # Chief Operating Officer
    ("Ingrid Mulder", "Finance", Role.LEADER),  # Chief Financial Officer
    ("Daan Meijer", "CX Insights", Role.ANALYST),
    ("Lotte de Boer", "CX Insights", Role.ANALYST),
    ("Kees Hendriks", "Customer Service", Role.MANAGER),
    ("Noor Dekker", "E-commerce", Role.MANAGER),
    ("Bas van Dijk", "Stores", Role.MANAGER),
    ("Joost Vermeulen", "Logistics", Role.MANAGER),
    ("Anouk Peters", "Installation Services", Role.MANAGER),
    ("Martijn van Leeuwen", "Returns & Aftersales", Role.MANAGER),
    ("Yvonne Kok", "Finance", Role.MANAGER),
    ("Hanneke Bos", "Product & Category", Role.MANAGER),
    ("Sem de Graaf", "Marketing", Role.MANAGER),
    ("Rick Brouwer", "IT", Role.MANAGER),
    ("Priya Ramdin", "HR", Role.MANAGER),
    ("Jeroen Willems", "Commercial", Role.MANAGER),
    ("Emma Koster", "Customer Service", Role.CONTRIBUTOR),
    ("Mohamed El Amrani", "Customer Service", Role.CONTRIBUTOR),
    ("Sophie Verhoeven", "E-commerce", Role.CONTRIBUTOR),
    ("Lars Prins", "IT", Role.CONTRIBUTOR),
    ("Iris Schouten", "Logistics", Role.CONTRIBUTOR),
    ("Tim van der Linden", "Stores", Role.CONTRIBUTOR),
    ("Julia Huisman", "Marketing", Role.CONTRIBUTOR),
    ("Ahmet Yilmaz", "Installation Services", Role.CONTRIBUTOR),
    ("Wim Kuipers", "Finance", Role.VIEWER),
    ("Eva Postma", "HR", Role.VIEWER),
)
CCO, COO, CFO = "Marieke van den Berg", "Ruud Smit", "Ingrid Mulder"

# Who owns the work of a department that has no manager of its own.
DEPARTMENT_OWNER = {
    "CX Team": "Thijs Bakker", "CX Insights": "Daan Meijer", "Management Team": CCO,
}
# Which leader sponsors a department's initiatives.
SPONSOR = {
    "Logistics": COO, "Installation Services": COO, "Stores": COO, "IT": COO, "Returns & Aftersales": COO,
    "Finance": CFO, "Commercial": CFO, "HR": CFO,
}

# (key, title, description, owner)
OBJECTIVES = (
    ("effort", "Make it effortless: fewer reasons to contact us",
     "Halve the contacts customers need to make, starting with the top-10 contact drivers.", CCO),
    ("promise", "Keep every delivery and installation promise",
     "Promise what we can deliver and deliver what we promise, from product page to first use.", COO),
    ("omni", "One Voltera across store, web and app",
     "One price, one customer view and one return policy, whichever channel the customer uses.", COO),
    ("insight", "Know our customers and act on what they tell us",
     "From survey and contact data to decisions every month.", CCO),
    ("culture", "A customer-centric culture and governance",
     "Values, rewards and working agreements that put the customer first.", CCO),
)


@dataclass(frozen=True)
class KpiSpec:
    """A KPI of the catalogue plus how its demo readings behave over 36 months."""

    code: str
    name: str
    kind: KpiKind
    unit: str
    scale: tuple[float | None, float | None]
    method: str
    direction: Direction
    discipline: Discipline
    owner: str
    start: float  # trend value 36 months ago
    baseline: float  # value 12 months ago: the programme's baseline
    target: float  # the 12-month target
    reach: float  # share of the baseline→target gap closed by the trend alone after 12 months
    digits: int
    sample: tuple[int, int] | None  # monthly n (answers, contacts, orders…), None when not sampled
    sampling: str | None  # "nps", "share", "mean:<sd>" or None: how sample size turns into noise
    process_sd: float  # month-to-month variation that is not sampling error
    season: dict[int, float] = field(default_factory=dict)  # calendar month -> added value
    description: str = ""


H, L = Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER
CONTACTS = (32_000, 48_000)  # contacts handled per month
KPIS = (
    KpiSpec("RNPS", "Relationship NPS (quarterly panel)", KpiKind.NPS, "", (-100, 100),
            "NPS = % promoters (9–10) − % detractors (0–6) on 'How likely are you to recommend Voltera?'; "
            "customer panel, one wave a month, reported per quarter", H, Discipline.MEASUREMENT, "Daan Meijer",
            25, 28, 35, 0.55, 1, (600, 900), "nps", 0.5, {11: -1.5, 12: -2.5, 1: -1.0},
            "Never averaged with transactional NPS."),
    KpiSpec("TNPS", "Transactional NPS after a contact", KpiKind.NPS, "", (-100, 100),
            "NPS of the survey sent after a closed service contact", H, Discipline.MEASUREMENT, "Lotte de Boer",
            12, 15, 25, 0.6, 1, (900, 1500), "nps", 0.6, {11: -3.0, 12: -4.5, 1: -1.5}),
    KpiSpec("KTV", "KTV rapportcijfer (1–10)", KpiKind.KTV, "", (1, 10),
            "Mean grade 1–10 on 'What grade do you give Voltera?'; share of 8+ alongside "
            "(baseline 61%, target 70%)", H, Discipline.MEASUREMENT, "Daan Meijer",
            7.5, 7.6, 7.9, 0.6, 2, (1100, 1600), "mean:1.2", 0.01, {11: -0.05, 12: -0.08}),
    KpiSpec("CES", "Customer effort score (CES 2.0, 1–7)", KpiKind.CES, "", (1, 7),
            "Mean agreement 1–7 with 'Voltera made it easy to handle my issue'; % 5–7 alongside "
            "(baseline 74%, target 82%)", H, Discipline.MEASUREMENT, "Lotte de Boer",
            5.3, 5.4, 5.8, 0.5, 2, (1000, 1400), "mean:1.4", 0.01, {11: -0.08, 12: -0.10}),
    KpiSpec("CSAT", "CSAT after a contact", KpiKind.CSAT, "%", (0, 100),
            "Share of answers 4–5 on 'How satisfied are you with how we helped you?' (1–5)", H,
            Discipline.MEASUREMENT, "Lotte de Boer", 81, 82, 87, 0.6, 1, (1300, 2000), "share", 0.4,
            {11: -1.2, 12: -1.8}),
    KpiSpec("CPO", "Contacts per 100 orders", KpiKind.OPERATIONAL, "per 100 orders", (0, None),
            "Customer contacts (phone, chat, WhatsApp, e-mail, store service desk) ÷ orders × 100, per month", L,
            Discipline.MEASUREMENT, "Kees Hendriks", 25, 24, 18, 0.35, 1, (140_000, 190_000), None, 0.5,
            {11: 2.5, 12: 3.5, 1: 1.5}),
    KpiSpec("WISMO", "'Where is my order' share of contacts", KpiKind.OPERATIONAL, "%", (0, 100),
            "Contacts with the reason 'Where is my order' ÷ all contacts × 100", L, Discipline.DESIGN,
            "Joost Vermeulen", 29, 28, 18, 0.15, 1, CONTACTS, "share", 0.6, {11: 2.0, 12: 3.0}),
    KpiSpec("REPEAT7", "Repeat contact within 7 days", KpiKind.OPERATIONAL, "%", (0, 100),
            "Share of contacts followed by another contact of the same customer within 7 days", L,
            Discipline.MEASUREMENT, "Kees Hendriks", 20, 19, 12, 0.45, 1, CONTACTS, "share", 0.5,
            {12: 1.5, 1: 1.0}),
    KpiSpec("CPC", "Cost per contact", KpiKind.OPERATIONAL, "€", (0, None),
            "Customer-service cost (staff, outsourcing, tooling) ÷ contacts handled", L, Discipline.GOVERNANCE,
            "Yvonne Kok", 5.35, 5.20, 4.80, 0.4, 2, CONTACTS, None, 0.05, {11: -0.10, 12: 0.12}),
    KpiSpec("DPK", "Delivery promise kept", KpiKind.OPERATIONAL, "%", (0, 100),
            "Deliveries on the promised day ÷ all deliveries", H, Discipline.DESIGN, "Joost Vermeulen",
            93.5, 94, 97, 0.5, 1, (50_000, 70_000), "share", 0.4, {11: -1.5, 12: -2.5}),
    KpiSpec("IRFT", "Installation right first time", KpiKind.OPERATIONAL, "%", (0, 100),
            "Installations completed at the first visit ÷ all installations", H, Discipline.DESIGN,
            "Anouk Peters", 90.5, 91, 95, 0.5, 1, (7_000, 10_000), "share", 0.5, {12: -1.0}),
    KpiSpec("RETURN", "Return rate", KpiKind.BUSINESS, "%", (0, 100),
            "Returned items ÷ items sold, by month of sale", L, Discipline.CUSTOMER_UNDERSTANDING,
            "Martijn van Leeuwen", 9.2, 9.0, 8.0, 0.4, 1, (220_000, 300_000), "share", 0.15, {12: 0.4, 1: 0.8}),
    KpiSpec("REPEATBUY", "Repeat purchase within 12 months", KpiKind.BUSINESS, "%", (0, 100),
            "Customers with another order within 12 months of a purchase (rolling cohort)", H,
            Discipline.MEASUREMENT, "Yvonne Kok", 33.5, 34, 37, 0.4, 1, (120_000, 160_000), "share", 0.2),
    KpiSpec("REVIEW", "Review score (1–5)", KpiKind.BUSINESS, "", (1, 5),
            "Mean star rating of the public reviews written in the month", H, Discipline.CUSTOMER_UNDERSTANDING,
            "Sem de Graaf", 4.25, 4.3, 4.5, 0.5, 2, (1_000, 2_200), "mean:1.1", 0.01, {12: -0.03}),
    KpiSpec("ENPS", "eNPS customer service", KpiKind.ENPS, "", (-100, 100),
            "Employee NPS of customer-service staff in the monthly pulse; stores alongside "
            "(baseline +12, target +18)", H, Discipline.CULTURE, "Priya Ramdin",
            3, 5, 15, 0.45, 1, (150, 200), "nps", 1.0, {11: -2.0, 12: -3.0}),
    KpiSpec("MTV", "MTV rapportcijfer (1–10)", KpiKind.MTV, "", (1, 10),
            "Mean grade 1–10 in the monthly employee pulse", H, Discipline.CULTURE, "Priya Ramdin",
            7.25, 7.3, 7.6, 0.5, 2, (500, 800), "mean:1.2", 0.01, {12: -0.05}),
    KpiSpec("ATTRITION", "Agent attrition (rolling 12 months)", KpiKind.OPERATIONAL, "%", (0, 100),
            "Agents who left in the last 12 months ÷ average headcount", L, Discipline.CULTURE, "Priya Ramdin",
            33, 32, 25, 0.4, 1, (200, 240), None, 0.3),
    KpiSpec("REVGROWTH", "Revenue growth (year on year)", KpiKind.BUSINESS, "%", (None, None),
            "Net revenue in the month against the same month a year earlier", H, Discipline.STRATEGY,
            "Ingrid Mulder", 3.5, 4, 6, 0.5, 1, None, None, 1.2),
)

# Effects of finished work on typed KPIs: (KPI code, initiative number, change, months to full effect),
# starting when that initiative's current cycle reached Check.
EFFECTS = (("WISMO", 7, -6.0, 3), ("CPO", 7, -1.2, 3), ("REPEAT7", 13, -1.0, 3))


@dataclass(frozen=True)
class SegmentEffect:
    """What an initiative's work did to a survey KPI's answers in the segment it touched, from the month its
    current cycle reached `phase` on, growing to `change` (in the KPI's own unit) over `months`."""

    kpi: str
    initiative: int
    phase: Phase
    dimension: str  # "channel", "journey_stage" or "region" (cxgov.models.measurement.DIMENSIONS)
    segments: tuple[str, ...]  # channel or stage codes, or store cities
    change: float
    months: int


# The call-backs and the returns portal act from Do (Check measures what they did); the €50 mandate from Check.
SEGMENT_EFFECTS = (
    SegmentEffect("TNPS", 15, Phase.DO, "channel", ("phone",), 10.0, 3),
    SegmentEffect("CES", 9, Phase.DO, "journey_stage", ("service_returns",), 0.4, 3),
    SegmentEffect("CSAT", 13, Phase.CHECK, "channel", ("phone", "chat", "whatsapp", "store"), 1.3, 3),
    SegmentEffect("CES", 21, Phase.DO, "region", ("Utrecht", "Amersfoort"), 0.35, 2),
)
PILOT = 21  # "Return online purchases in any store", piloted in two stores' regions; the others are its control

# Store cities with their share of customers (relative): the region of a customer's answer. The last few are small
# stores, whose monthly figures stay below the minimum number of answers.
STORES = (
    ("Amsterdam Zuidoost", 13), ("Rotterdam Alexandrium", 12), ("Utrecht", 11), ("Den Haag", 10),
    ("Eindhoven", 9), ("Amersfoort", 7), ("Den Bosch", 7), ("Groningen", 6), ("Zwolle", 5), ("Breda", 5),
    ("Arnhem", 5), ("Maastricht", 4), ("Leeuwarden", 3), ("Terneuzen", 1), ("Den Helder", 1),
)


@dataclass(frozen=True)
class Touchpoint:
    """Where a customer met Voltera before answering: its channel, the department behind it, the journey stages
    it serves and its mood (−1…1: how much better or worse than average its answers are)."""

    name: str
    channel: str
    department: str | None
    stages: tuple[str, ...]
    mood: float


TOUCHPOINTS = (
    Touchpoint("Klantenservice telefoon", "phone", "Customer Service",
               ("delivery_installation", "service_returns", "payment", "use"), -0.5),
    Touchpoint("Chat", "chat", "Customer Service", ("purchase", "delivery_installation", "service_returns"), 0.0),
    Touchpoint("WhatsApp", "whatsapp", "Customer Service",
               ("delivery_installation", "service_returns", "purchase"), 0.3),
    Touchpoint("E-mail", "invoice_email", "Customer Service", ("payment", "service_returns"), -0.3),
    Touchpoint("Servicebalie winkel", "store", "Stores", ("service_returns", "use"), 0.4),
    Touchpoint("Bezorging", "delivery_crew", "Logistics", ("delivery_installation",), 0.2),
    Touchpoint("Installatie", "delivery_crew", "Installation Services", ("delivery_installation",), -0.2),
    # Where a panel member last bought: the relationship surveys have no contact, so no stage or department.
    Touchpoint("Website", "web", None, (), 0.0),
    Touchpoint("App", "app", None, (), 0.3),
    Touchpoint("Kassa", "store", None, (), 0.2),
)
# Which touchpoints a survey hears from, with their share of its answers (relative).
AFTER_CONTACT = {"Klantenservice telefoon": 38, "Chat": 14, "WhatsApp": 12, "E-mail": 8, "Servicebalie winkel": 12,
                 "Bezorging": 10, "Installatie": 6}
LAST_PURCHASE = {"Website": 38, "App": 22, "Kassa": 40}
SURVEY_TOUCHPOINTS = {"RNPS": LAST_PURCHASE, "KTV": LAST_PURCHASE, "TNPS": AFTER_CONTACT, "CES": AFTER_CONTACT,
                      "CSAT": AFTER_CONTACT}
# The employee pulse: departments with their share of its answers (eNPS is customer service's by definition).
PULSE_DEPARTMENTS = {
    "ENPS": {"Customer Service": 1},
    "MTV": {"Customer Service": 30, "Stores": 30, "Logistics": 15, "E-commerce": 6, "Installation Services": 6,
            "IT": 5, "Finance": 4, "HR": 2, "Marketing": 2},
}
PULSE_PILOT = ("ENPS", 3, (12, 26))  # the eNPS pulse began as a pilot: its first 3 months had 12–26 answers

# Comments some respondents leave (no names, no order numbers), by how they scored.
PRAISE = (
    "Snel en vriendelijk geholpen, top!", "De bezorgers waren keurig op tijd en namen de verpakking mee.",
    "Duidelijke uitleg, ik wist meteen waar ik aan toe was.", "Prima service, ik kom zeker terug.",
    "Mijn retour was binnen een paar dagen geregeld.", "Fijn dat ik via WhatsApp zo snel antwoord kreeg.",
    "De medewerker in de winkel nam echt de tijd voor me.", "Alles ging in één keer goed.",
    "Installatie netjes uitgevoerd en alles uitgelegd.", "Heel prettig contact, complimenten aan de medewerker.",
    "Bestellen ging makkelijk en de levering klopte.", "Ze belden me zelf terug, dat had ik niet verwacht.",
)
NEUTRAL = (
    "Het was in orde, maar het duurde wat lang.", "Goed geholpen, alleen de wachttijd aan de telefoon was lang.",
    "Redelijk, de website kan overzichtelijker.", "Prima, al moest ik wel twee keer uitleggen wat er mis was.",
    "De bezorging was goed, het tijdvak mag kleiner.", "Niets bijzonders, het deed wat het moest doen.",
    "Vriendelijk, maar ik moest zelf achter mijn terugbetaling aan.", "Oké, de app loopt soms vast.",
)
COMPLAINTS = (
    "Ik heb drie keer moeten bellen voordat het opgelost was.", "De bezorger kwam niet in het afgesproken tijdvak.",
    "Niemand wist waar mijn bestelling was.", "Lang wachten en daarna werd ik doorverbonden naar de verkeerde afdeling.",
    "Mijn geld terug duurde veel te lang.", "De installateur had het verkeerde onderdeel bij zich.",
    "Op de website stond een andere prijs dan in de winkel.", "Ik kreeg steeds een ander antwoord.",
    "De factuur was onduidelijk, ik snapte de creditnota niet.", "Het product was beschadigd en niemand voelde zich verantwoordelijk.",
    "Ik werd niet teruggebeld terwijl dat wel beloofd was.", "Retourneren was omslachtig, ik moest zelf een label printen.",
)
STAFF_PRAISE = (
    "Fijn team, we helpen elkaar.", "Mijn leidinggevende luistert echt.", "Ik kan klanten nu beter helpen dan vorig jaar.",
    "Goede trainingen gehad deze maand.",
)
STAFF_NEUTRAL = ("Het werk is prima, de drukte in december blijft zwaar.", "Redelijk, de roosters komen laat.")
STAFF_COMPLAINTS = (
    "Te veel schermen om een klant te helpen.", "De werkdruk is hoog en er is te weinig bezetting.",
    "Ik hoor pas achteraf over veranderingen.", "Klanten zijn boos over dingen waar wij niets aan kunnen doen.",
)


@dataclass(frozen=True)
class FirstCycle:
    """The closed cycle before the current one (act decision 'adjust')."""

    hypothesis: str
    check_result: str
    lesson: str


@dataclass(frozen=True)
class InitiativeSpec:
    """One initiative of the demo's table and where it stands on the reference date."""

    no: int
    title: str
    discipline: Discipline
    department: str
    lane: Lane
    status: Status
    phase: Phase
    health: Health
    progress: int
    start: str
    target: str
    budget_k: int  # planned budget in thousands of euros
    stages: tuple[str, ...]
    channels: tuple[str, ...]
    kpis: tuple[str, ...]
    objective: str
    priority: Priority
    description: str
    hypothesis: str
    reason: str = ""  # the current health's reason (required unless green)
    spend: float = 1.0  # actual spend ÷ plan: above 1 is an overrun
    stopped: str = ""  # when an on-hold or cancelled initiative stopped
    check_result: str = ""  # current cycle, once it reached Check
    lesson: str = ""  # current cycle, once completed
    first_cycle: FirstCycle | None = None
    requested_by: str | None = None


D, CU, ME, GO, CULT, ST = (Discipline.DESIGN, Discipline.CUSTOMER_UNDERSTANDING, Discipline.MEASUREMENT,
                           Discipline.GOVERNANCE, Discipline.CULTURE, Discipline.STRATEGY)
PJ, QF = Lane.PROJECT, Lane.QUICK_FIX
PROPOSED, APPROVED, ACTIVE, ON_HOLD, COMPLETED, REJECTED, CANCELLED = (
    Status.PROPOSED, Status.APPROVED, Status.ACTIVE, Status.ON_HOLD, Status.COMPLETED, Status.REJECTED,
    Status.CANCELLED)
PLAN, DO, CHECK, ACT = Phase.PLAN, Phase.DO, Phase.CHECK, Phase.ACT
G, A, R = Health.GREEN, Health.AMBER, Health.RED
LOW, MED, HIGH, CRIT = Priority.LOW, Priority.MEDIUM, Priority.HIGH, Priority.CRITICAL
ALL_STAGES = tuple(code for code, _, _ in JOURNEY_STAGES)

INITIATIVES = (
    InitiativeSpec(1, "Plain-language (B1) invoices and credit notes", D, "Finance", PJ, ACTIVE, CHECK, G, 75,
                   "2025-03-01", "2026-12-18", 85, ("payment", "use"), ("invoice_email", "web"), ("CPO", "CSAT"),
                   "effort", HIGH,
                   "Invoice questions are the fourth contact reason; customers do not understand a credit note after a partial return.",
                   "If invoices and credit notes are written at B1 level with a one-line summary on top, then invoice contacts per 100 orders fall by 30% within three months.",
                   check_result="Invoice contacts down 24% in the first two months (n = 5,100 contacts); credit-note contacts down 19%.",
                   first_cycle=FirstCycle(
                       "If we rewrite the invoice template at B1 level, then invoice-related contacts fall by 30%.",
                       "Invoice contacts fell 12%; credit-note contacts did not move (n = 4,800 contacts).",
                       "Customers read a credit note next to the original invoice: both need the same structure and a reference to each other.")),
    InitiativeSpec(2, 'Refund status in My Account + "refund sent" e-mail', D, "Finance", PJ, ACTIVE, DO, A, 45,
                   "2026-02-02", "2027-03-31", 120, ("service_returns", "payment"), ("web", "app", "invoice_email"),
                   ("REPEAT7", "CPO"), "effort", HIGH,
                   "'Where is my refund?' causes 9% of the contacts after a return.",
                   "If customers see the refund status and get an e-mail when the refund is sent, then refund contacts halve.",
                   reason="Waiting for the payment provider's refund webhook; IT capacity is shared with the agent desktop.",
                   spend=1.05, requested_by="Customer Service"),
    InitiativeSpec(3, "Rewrite payment-reminder and pay-later e-mails", D, "Finance", QF, COMPLETED, ACT, G, 100,
                   "2025-01-13", "2025-04-25", 8, ("payment",), ("invoice_email",), ("CPO", "CSAT"), "effort", MED,
                   "Reminders read as threats; customers called to complain instead of paying.",
                   "If reminders are friendly, explain the options and link to pay in one click, then on-time payment rises and complaints about reminders fall.",
                   spend=0.9,
                   check_result="Payment within 7 days rose from 61% to 68%; complaints about reminders fell by 70% (n = 1,950 reminders).",
                   lesson="Tone matters as much as content, but the pay-in-one-click link did most of the work."),
    InitiativeSpec(4, "Accurate delivery promise on product pages", D, "E-commerce", PJ, ACTIVE, DO, R, 40,
                   "2025-10-06", "2026-09-30", 180, ("orientation", "purchase", "delivery_installation"), ("web", "app"),
                   ("DPK", "WISMO"), "promise", CRIT,
                   "Product pages promise 'tomorrow' for items that ship from the central warehouse in three days.",
                   "If the product page shows a delivery date computed from stock location and carrier capacity, then the delivery promise is kept 97% of the time.",
                   reason="The carrier capacity API slipped twice; past the target date and promise accuracy is no better than the old static text yet.",
                   spend=1.2, requested_by="Customer Service"),
    InitiativeSpec(5, "Fix dimensions and energy labels on the top-5,000 products", CU, "Product & Category", PJ,
                   ACTIVE, DO, G, 60, "2026-03-02", "2027-02-26", 95, ("orientation", "purchase"),
                   ("web", "app", "store"), ("RETURN", "REVIEW"), "promise", HIGH,
                   "One in five returns of large appliances is 'does not fit'; product data has wrong or missing dimensions.",
                   "If dimensions and energy labels of the top-5,000 products are complete and checked, then 'does not fit' returns fall by 40%."),
    InitiativeSpec(6, "QR-to-video installation guides for the top-20 appliances", D, "Product & Category", PJ,
                   APPROVED, PLAN, G, 10, "2027-01-11", "2027-06-30", 60, ("delivery_installation", "use"),
                   ("app", "web", "delivery_crew"), ("IRFT", "CPO"), "promise", MED,
                   "'How do I connect it?' calls peak in the first week after delivery.",
                   "If every top-20 appliance carries a QR code to a short installation video, then first-week how-to contacts fall by 25%."),
    InitiativeSpec(7, 'Proactive delivery updates with a one-hour window ("where is my order" deflection)', D,
                   "Logistics", PJ, ACTIVE, ACT, G, 90, "2025-09-01", "2026-12-31", 210, ("delivery_installation",),
                   ("app", "invoice_email", "whatsapp"), ("WISMO", "CPO", "TNPS"), "promise", HIGH,
                   "'Where is my order' is the largest contact reason: 28% of all contacts.",
                   "If customers get a one-hour window the evening before and live updates on the day, then the 'where is my order' share falls from 28% to 18%.",
                   check_result="The 'where is my order' share fell from 28% to 21% within four months (n ≈ 45,000 contacts a month); no effect yet on installations.",
                   requested_by="Customer Service"),
    InitiativeSpec(8, "Self-service delivery rescheduling", D, "E-commerce", PJ, ACTIVE, PLAN, G, 15,
                   "2026-09-07", "2027-06-30", 140, ("delivery_installation",), ("web", "app"), ("WISMO", "CPO"),
                   "effort", MED,
                   "A quarter of the delivery calls come from customers who want another day.",
                   "If customers can choose a new delivery slot themselves until 18:00 the day before, then rescheduling calls fall by 60%.",
                   requested_by="Customer Service"),
    InitiativeSpec(9, "Returns portal with QR drop-off at parcel points", D, "Returns & Aftersales", PJ, ACTIVE,
                   CHECK, G, 80, "2025-11-03", "2026-12-31", 130, ("service_returns",), ("web", "app"),
                   ("CES", "REPEAT7", "CPO"), "effort", HIGH,
                   "Returning a small item means printing a label; 30% of returners call us first.",
                   "If customers register a return online and drop it off with a QR code, then return-related calls fall by 40% and CES rises.",
                   spend=0.95,
                   check_result="First two months: return calls −31%, CES for returns 5.9 (n = 1,240 answers).",
                   requested_by="Customer Service"),
    InitiativeSpec(10, "Online repair and warranty-claim tracking", D, "Returns & Aftersales", PJ, ON_HOLD, PLAN, A,
                   10, "2026-04-06", "2027-06-30", 110, ("service_returns", "use"), ("web", "app"),
                   ("REPEAT7", "CES"), "effort", MED,
                   "Customers call three times on average while their appliance is being repaired.",
                   "If customers can follow their repair or claim online step by step, then repeat contacts about repairs halve.",
                   reason="On hold until the repair partner's new system is live (expected Q2 2027).",
                   stopped="2026-09-28"),
    InitiativeSpec(11, "WhatsApp service with order look-up and human hand-over", D, "Customer Service", PJ, ACTIVE,
                   DO, A, 55, "2025-06-02", "2027-03-31", 160,
                   ("purchase", "delivery_installation", "service_returns"), ("whatsapp", "chat"),
                   ("TNPS", "CES", "CPC"), "effort", HIGH,
                   "Customers ask for WhatsApp, and the phone is our most expensive channel.",
                   "If the WhatsApp bot hands over to an agent with the conversation and the order attached, then CES for WhatsApp reaches 6.0 and cost per contact falls.",
                   reason="Hand-over to an agent takes 6 minutes at peak times; the target is 2.", spend=1.1,
                   first_cycle=FirstCycle(
                       "If a WhatsApp bot answers order-status questions, then 60% of WhatsApp conversations end without an agent.",
                       "The bot resolved 38%; transactional NPS of bot-only conversations was −12 (n = 620).",
                       "Customers accept a bot for look-ups, not for problems: offer a human early, with the context.")),
    InitiativeSpec(12, "Contact-reason taxonomy and monthly top-10 contact drivers", CU, "Customer Service", PJ,
                   COMPLETED, ACT, G, 100, "2024-09-02", "2025-06-27", 70,
                   ("delivery_installation", "payment", "service_returns"), ("phone", "chat", "whatsapp"),
                   ("CPO", "REPEAT7"), "insight", HIGH,
                   "Agents logged 140 free-text reasons; nobody could say why customers contact us.",
                   "If agents log one of 25 defined contact reasons, then we can publish a reliable top-10 of contact drivers every month.",
                   check_result="92% of contacts carry a valid reason (audit of 2,000 contacts); the top-10 is published monthly since July 2025.",
                   lesson="Keep the list short and let team leads own it; the monthly review keeps it alive."),
    InitiativeSpec(13, "Agents may resolve up to €50 without approval", CULT, "Customer Service", QF, COMPLETED, ACT,
                   G, 100, "2025-02-03", "2025-05-30", 5, ("service_returns",), ("phone", "chat", "whatsapp", "store"),
                   ("REPEAT7", "TNPS", "CSAT"), "culture", HIGH,
                   "Small compensations needed a supervisor: customers waited days for €15.",
                   "If agents may settle up to €50 on the spot, then repeat contacts fall and transactional NPS rises without higher compensation costs.",
                   check_result="Repeat contacts on compensation cases fell from 34% to 19%; compensation spend +4% (n = 3,100 cases).",
                   lesson="Trust paid off and spend barely rose; publish the guideline with examples, not just the limit."),
    InitiativeSpec(14, "Service-recovery kit: handwritten card and gesture budget", CULT, "Customer Service", QF,
                   ACTIVE, CHECK, G, 80, "2026-06-01", "2026-12-18", 15, ("delivery_installation", "service_returns"),
                   ("delivery_crew", "phone"), ("TNPS", "RNPS"), "culture", MED,
                   "After a failed delivery the only apology is a standard e-mail.",
                   "If crews and agents can send a handwritten card and a small gesture after a failure, then more detractors become passives or promoters.",
                   check_result="Of 380 customers who got a card, 41% gave 9–10 at the next survey against 22% without."),
    InitiativeSpec(15, "Detractor call-back within 48 hours", ME, "Customer Service", PJ, ACTIVE, CHECK, G, 85,
                   "2025-04-07", "2026-12-31", 90, ("use", "service_returns"), ("phone",),
                   ("TNPS", "RNPS", "REPEATBUY"), "insight", HIGH,
                   "Detractors' comments were read in aggregate; nobody called them back.",
                   "If a team leader calls every detractor within 48 hours, then 30% of them become promoters at the next survey and the causes feed the top-10.",
                   check_result="27% of called-back detractors became promoters (n = 1,150 call-backs); 9 root causes added to the top-10.",
                   first_cycle=FirstCycle(
                       "If agents call detractors back within a week, then one in three changes their score.",
                       "Only 11% changed their score; call-backs after 5+ days felt like a sales call (n = 410 call-backs).",
                       "Speed matters: call within 48 hours, and let team leads make the call, not sales.")),
    InitiativeSpec(16, "Next-day swap for damaged deliveries", D, "Logistics", PJ, APPROVED, PLAN, G, 5,
                   "2027-01-04", "2027-06-30", 75, ("delivery_installation", "service_returns"),
                   ("delivery_crew", "phone"), ("DPK", "TNPS"), "promise", MED,
                   "Replacing a damaged washing machine now takes 9 days.",
                   "If crews can book a swap for the next day on the spot, then complaints about damaged deliveries halve.",
                   requested_by="Customer Service"),
    InitiativeSpec(17, "Call-back within 24 hours after a failed installation", D, "Installation Services", QF,
                   PROPOSED, PLAN, G, 0, "2027-02-01", "2027-04-30", 10, ("delivery_installation",),
                   ("phone", "delivery_crew"), ("IRFT", "REPEAT7"), "promise", MED,
                   "After a failed installation the customer has to call us to book a new visit.",
                   "If the planner calls back within 24 hours with a new slot, then repeat contacts after failed installations fall by 70%."),
    InitiativeSpec(18, "Black Friday and December readiness", GO, "Customer Service", PJ, ACTIVE, DO, R, 70,
                   "2026-08-03", "2027-01-15", 240, ("purchase", "delivery_installation", "service_returns"),
                   ("phone", "chat", "whatsapp", "web"), ("CPO", "CPC", "TNPS"), "effort", CRIT,
                   "Last December the waiting time on the phone reached 41 minutes.",
                   "If we hire early, deflect status questions and freeze risky releases, then the average wait stays under 5 minutes through December.",
                   reason="The Black Friday queue peaked at 38 minutes; 20 of the 45 temporary agents are not yet productive.",
                   spend=1.15),
    InitiativeSpec(19, "One price and promotion across store, web and app", ST, "Commercial", PJ, ACTIVE, PLAN, A, 15,
                   "2026-07-06", "2027-09-30", 320, ("orientation", "purchase"), ("store", "web", "app"),
                   ("RNPS", "REVIEW", "REVGROWTH"), "omni", HIGH,
                   "Customers find a lower price online and ask the store to match it: one in eight store complaints.",
                   "If one price and promotion holds in every channel, then price complaints disappear and store conversion rises.",
                   reason="The store pricing system cannot show web-only promotions; a decision on channel-specific offers is needed."),
    InitiativeSpec(20, "Single customer view for agents and store staff", CU, "IT", PJ, ACTIVE, DO, R, 50,
                   "2025-07-07", "2026-10-30", 450, ("purchase", "delivery_installation", "service_returns"),
                   ("phone", "chat", "store", "whatsapp"), ("REPEAT7", "CPC", "TNPS"), "omni", CRIT,
                   "Agents search four systems to find one customer's orders and contacts.",
                   "If agents and store staff see orders, contacts and repairs in one view, then handling time falls by 15% and repeat contacts by a third.",
                   reason="Data migration six weeks late and past the target date; the integration partner is 28% over budget.",
                   spend=1.3,
                   first_cycle=FirstCycle(
                       "If the telephony screen shows the web-shop order history, then agents find a customer's orders without switching systems.",
                       "Agents used the new panel in 35% of calls; handling time did not change, because contacts and repairs were still elsewhere (n = 2,400 calls).",
                       "Showing one more source is not a single view: design from the agents' questions, and match the customer data before building screens.")),
    InitiativeSpec(21, "Return online purchases in any store", ST, "Stores", PJ, ACTIVE, DO, G, 55, "2026-01-05",
                   "2026-12-31", 150, ("service_returns",), ("store", "web"), ("CES", "REPEATBUY"), "omni",
                   HIGH, "Stores refuse online returns because they run on 'a different system'.",
                   "If every store takes back online purchases, then return effort falls and 20% of returners buy something else in the store.",
                   spend=0.95),
    InitiativeSpec(22, "Click & collect ready in 30 minutes", D, "Stores", PJ, ACTIVE, CHECK, G, 80, "2025-12-01",
                   "2026-11-30", 80, ("purchase", "delivery_installation"), ("store", "web", "app"), ("DPK", "RNPS"),
                   "omni", MED, "Click & collect takes four hours; competitors promise 30 minutes.",
                   "If stores pick orders from their own stock within 30 minutes, then click & collect grows from 12% to 18% of web orders.",
                   spend=0.9,
                   check_result="31 of 40 stores ready within 30 minutes in 90% of orders; share of web orders 15.5%."),
    InitiativeSpec(23, "Endless aisle: store staff see online stock and orders", D, "Stores", PJ, ON_HOLD, DO, A, 35,
                   "2026-02-02", "2027-03-31", 170, ("orientation", "purchase"), ("store",), ("REVGROWTH", "RNPS"),
                   "omni", MED, "When a product is not in the store, staff send customers home.",
                   "If store staff can order the online range for home delivery, then we keep 30% of the out-of-stock sales.",
                   reason="Paused until the single customer view is live; the store tablets are already bought.",
                   stopped="2026-09-14"),
    InitiativeSpec(24, "Tone of voice applied to all transactional e-mails", D, "Marketing", QF, COMPLETED, ACT, G,
                   100, "2025-05-05", "2025-09-26", 12, ("purchase", "payment", "delivery_installation"),
                   ("invoice_email",), ("CSAT", "CPO"), "effort", LOW,
                   "Our 52 e-mail templates were written in five different tones.",
                   "If every transactional e-mail follows the tone of voice, then contacts about e-mails fall and CSAT rises.",
                   check_result="All 52 templates rewritten; contacts quoting an e-mail fell by 18% (n = 2,700 contacts).",
                   lesson="A shared template library keeps it consistent: new e-mails now start from it."),
    InitiativeSpec(25, "WCAG 2.1 AA for web and app (European Accessibility Act)", D, "E-commerce", PJ, ACTIVE, DO,
                   R, 60, "2025-02-03", "2026-06-27", 260, ("orientation", "purchase", "payment"), ("web", "app"),
                   ("CES", "REVIEW"), "effort", CRIT,
                   "An audit found 120 accessibility issues; the European Accessibility Act applies since 28 June 2025.",
                   "If web and app meet WCAG 2.1 AA, then customers with a disability can order without help and checkout drop-off falls.",
                   reason="The EAA applies since June 2025 and 41 of the 120 audit findings are still open in the app checkout.",
                   spend=1.2,
                   first_cycle=FirstCycle(
                       "If the web team fixes the audit findings page by page, then web and app meet WCAG 2.1 AA by June 2026.",
                       "After four months 38 of 120 findings were fixed and new pages had added 14 new ones (re-audit of 40 pages).",
                       "Fix accessibility in the design system and the definition of done, not page by page; otherwise every release adds new findings.")),
    InitiativeSpec(26, "Persona refresh incl. 55+ and first-time home buyers", CU, "Marketing", PJ, CANCELLED, DO,
                   A, 30, "2025-09-01", "2026-04-30", 45, ("orientation",), ("web", "store"), ("RNPS",), "insight",
                   LOW, "Our personas date from 2019 and miss two growing groups.",
                   "If we interview 40 customers in both groups, then campaigns and journeys can be designed for them.",
                   reason="Cancelled: the journey-map programme covers both groups; its interviews reuse this work.",
                   spend=0.6, stopped="2026-06-15"),
    InitiativeSpec(27, 'Journey map "buy a washing machine → first wash"', CU, "CX Team", PJ, ACTIVE, ACT, G, 90,
                   "2026-01-12", "2026-12-18", 55,
                   ("orientation", "purchase", "payment", "delivery_installation", "use"),
                   ("web", "store", "delivery_crew", "phone"), ("CES", "RNPS", "IRFT"), "insight", HIGH,
                   "Large appliances are 40% of revenue and 55% of complaints.",
                   "If we map the journey with 24 customers and the front-line staff, then we find the five pain points that cause most contacts.",
                   check_result="Mapped with 24 customers and 30 staff: five pain points explain 62% of the contacts in this journey."),
    InitiativeSpec(28, "Text analytics on review and survey comments", CU, "CX Insights", PJ, ACTIVE, DO, A, 45,
                   "2026-03-02", "2027-01-29", 100, ("use", "service_returns"), ("web", "app"), ("RNPS", "REVIEW"),
                   "insight", MED, "40,000 comments a year, and nobody reads them all.",
                   "If comments are classified by topic and sentiment every week, then every department gets its own top issues in the customer's words.",
                   reason="The Dutch language model misreads sarcasm: accuracy 74% against a target of 85%."),
    InitiativeSpec(29, "Survey governance: relationship vs transactional NPS, at most one survey per 90 days", ME,
                   "CX Insights", PJ, ACTIVE, CHECK, G, 75, "2026-02-02", "2026-12-31", 35, ("use", "service_returns"),
                   ("invoice_email", "app"), ("RNPS", "TNPS"), "insight", MED,
                   "Some customers got five surveys in a month; response rates fell to 6%.",
                   "If relationship and transactional surveys are separated and nobody is asked more than once per 90 days, then response rates recover to 12%.",
                   check_result="Response rate back to 10.8% after three months; no customer surveyed twice within 90 days."),
    InitiativeSpec(30, "CES after every service contact", ME, "Customer Service", QF, COMPLETED, ACT, G, 100,
                   "2025-06-02", "2025-09-12", 9, ("service_returns",), ("phone", "chat", "whatsapp"), ("CES",),
                   "insight", MED, "Effort was measured once a year, in a panel.",
                   "If one CES question follows every closed service contact, then each team sees its own effort score every month.",
                   check_result="CES is now measured after 94% of closed contacts; response rate 14% (n ≈ 1,200 a month).",
                   lesson="One question asked at once gets more answers than a full survey a week later."),
    InitiativeSpec(31, "Repeat purchase and customer lifetime value by NPS group", ME, "Finance", PJ, PROPOSED, PLAN,
                   G, 0, "2027-01-11", "2027-06-30", 40, ("use",), ("web", "store"), ("REPEATBUY", "RNPS", "REVGROWTH"),
                   "insight", MED, "The board asks whether a better NPS earns money.",
                   "If we link survey answers to purchase history, then we can show the revenue difference between promoters and detractors."),
    InitiativeSpec(32, "Contact rate per 100 orders in every department scorecard", ME, "CX Team", PJ, ACTIVE, DO, G,
                   50, "2026-04-06", "2026-12-31", 25, ("delivery_installation", "service_returns"),
                   ("phone", "chat", "whatsapp"), ("CPO",), "culture", HIGH,
                   "Contacts are seen as Customer Service's problem, not as the problem of the department that causes them.",
                   "If every department's scorecard shows the contacts it causes per 100 orders, then the owners act on their own contact drivers."),
    InitiativeSpec(33, "Quarterly CX board with intake of spontaneous initiatives", GO, "CX Team", PJ, ACTIVE, ACT, G,
                   85, "2025-01-06", "2026-12-31", 30, ALL_STAGES, ("web", "store", "phone"), ("RNPS", "CPO"),
                   "culture", HIGH, "Improvement work started everywhere, and nobody saw all of it.",
                   "If a quarterly CX board reviews every initiative and takes in new ones, then spontaneous work becomes visible and budgets follow priorities.",
                   check_result="All 40 initiatives are on the board's list; 9 spontaneous initiatives taken in this year; 3 stopped.",
                   first_cycle=FirstCycle(
                       "If a monthly CX meeting reviews all initiatives, then the management team steers the portfolio.",
                       "Attendance fell to 40% after three meetings and decisions were postponed.",
                       "Meet quarterly with a prepared pack and decision proposals; handle the rest in writing.")),
    InitiativeSpec(34, "A named department owner for each of the top-20 contact reasons", GO, "Management Team", QF,
                   COMPLETED, ACT, G, 100, "2025-07-07", "2025-09-26", 2,
                   ("delivery_installation", "payment", "service_returns"), ("phone", "chat"), ("CPO",), "culture",
                   HIGH, "Outside Customer Service, contact reasons belonged to nobody.",
                   "If each top-20 contact reason has a named owner in the line, then each reason gets an improvement action within a quarter.",
                   check_result="All 20 reasons have an owner; 14 owners started an action within a quarter.",
                   lesson="Ownership works when the owner gets the monthly number, not a report."),
    InitiativeSpec(35, "Customer-impact check in the IT change board", GO, "IT", PJ, APPROVED, PLAN, G, 10,
                   "2026-12-07", "2027-04-30", 20, ("purchase", "payment"), ("web", "app"), ("CPO", "REVIEW"),
                   "effort", MED, "Two releases broke the checkout during peak weeks last year.",
                   "If every change names its customer impact and a fallback, then incidents with customer impact halve."),
    InitiativeSpec(36, "KTV and contact rate in the management bonus scheme", GO, "HR", PJ, REJECTED, PLAN, G, 0,
                   "2026-04-06", "2026-12-31", 15, ("use",), ("store", "web"), ("KTV", "CPO"), "culture", MED,
                   "Managers are rewarded on revenue and cost only. Rejected by the CX board: the works "
                   "council asked to first run a year with these KPIs on the scorecards only.",
                   "If 20% of the management bonus depends on KTV and the contact rate, then managers put customer-impacting work first."),
    InitiativeSpec(37, "Values-based hiring for store and service staff", CULT, "HR", PJ, PROPOSED, PLAN, G, 0,
                   "2027-02-01", "2027-12-17", 60, ("service_returns",), ("store", "phone"),
                   ("ENPS", "ATTRITION", "TNPS"), "culture", MED,
                   "Agent attrition is 32%; many new hires leave within a year.",
                   "If we hire on values with a realistic job preview and a role play, then first-year attrition falls by a third."),
    InitiativeSpec(38, "Every new hire spends two days on the service floor", CULT, "HR", QF, PROPOSED, PLAN, G, 0,
                   "2027-01-04", "2027-03-31", 6, ("service_returns",), ("phone",), ("ENPS", "MTV"), "culture", LOW,
                   "Head-office staff never hear a customer.",
                   "If every new hire listens in for two days, then departments understand the contacts they cause."),
    InitiativeSpec(39, "One agent desktop instead of seven screens", CULT, "IT", PJ, ACTIVE, DO, A, 55, "2025-10-06",
                   "2027-03-31", 380, ("delivery_installation", "service_returns"), ("phone", "chat", "whatsapp"),
                   ("CPC", "ENPS", "ATTRITION", "REPEAT7"), "culture", HIGH,
                   "Agents switch between seven applications during one call.",
                   "If agents work in one desktop, then handling time falls by 20% and agent eNPS rises.",
                   reason="The vendor's delivery slipped one sprint; spend is 35% over plan after extra integration work.",
                   spend=1.35, requested_by="Customer Service"),
    InitiativeSpec(40, "From purpose to customer promises, rolled out to all staff", ST, "Management Team", PJ, ACTIVE,
                   DO, G, 45, "2026-03-02", "2027-06-30", 140, ALL_STAGES, ("store", "web", "phone"),
                   ("RNPS", "MTV", "ENPS"), "culture", HIGH,
                   "Our purpose is on the wall, but nobody can say what it means for a customer.",
                   "If we translate the purpose into five customer promises and every team sets its own actions, then MTV and relationship NPS rise together.",
                   spend=0.95,
                   first_cycle=FirstCycle(
                       "If the management team presents the purpose in four town halls, then staff can name what it means for customers.",
                       "Three months later 23% of staff could name a customer promise (pulse survey, n = 640).",
                       "A purpose is not rolled out by presenting it: teams must translate it into their own promises and actions.")),
)

# Texts for check-ins and scaled variants (the 40 above carry their own current reasons).
AMBER_REASONS = (
    "A key developer is on sick leave for three weeks; scope unchanged, the date is at risk.",
    "The supplier's quote is 20% above plan; finance review pending.",
    "Pilot results are mixed: an effect in two of the four regions.",
    "Depends on an IT release that moved to next month.",
    "Team capacity taken by peak-season preparation.",
    "Sign-off from Legal still open.",
    "Data quality issues delay the baseline measurement.",
)
RED_REASONS = (
    "Milestone missed twice; the sponsor asked for a new plan.",
    "Budget used up before the pilot ended; extra funding requested.",
    "The vendor cannot deliver the integration this year.",
    "The KPI moved the wrong way in the pilot; root cause unclear.",
    "The owner left the company and there is no successor yet.",
)
SUMMARIES = {
    Phase.PLAN: ("Background and current condition written; baseline agreed with CX Insights.",
                 "Root-cause workshop held with front-line staff.",
                 "Countermeasures ranked; business case in review."),
    Phase.DO: ("Pilot running in two regions.", "Build sprint finished; user test with 8 customers.",
               "Training of front-line staff started."),
    Phase.CHECK: ("Comparing the pilot with the control group.", "KPI readings of the first full month collected.",
                  "Check results shared with the sponsor."),
    Phase.ACT: ("Standard work documented; roll-out plan drafted.", "Decision proposal prepared for the CX board.",
                "Lessons-learned session held."),
}
NEXT_STEPS = (
    "Prepare the gate review for the CX board.", "Extend the pilot to all regions.",
    "Agree the baseline with Finance.", "Update the A3 and share it with the sponsor.",
    "Test the new version with customers.",
)
COMPLETED_SUMMARY = "Completed: standard work handed over to the line."
GENERIC_FIRST_CYCLE = FirstCycle(
    "If we run the countermeasure in one region first, then the KPI moves halfway to target within a quarter.",
    "A third of the expected effect in the pilot region; front-line staff used the new way in 60% of cases.",
    "Train the team leads first and make the new way the default in the tools, then measure again.",
)
GENERIC_CHECK_RESULT = "Pilot against control group: about half of the targeted effect so far."
GENERIC_LESSON = "Involve the front line from the start; standard work only sticks when the tools support it."
MEMBER_ROLES = ("team member", "analyst", "developer", "front-line representative", "designer", "trainer",
                "finance partner", "data engineer")
EXPENSE_NOTES = {
    "internal": "Internal hours",
    "external": "Agency / consultant invoice",
    "software": "Licence and hosting",
    "hardware": "Devices and equipment",
    "marketing": "Customer communication",
    "training": "Training sessions for staff",
    "other": "Workshops and travel",
}
VARIANTS = ("Region North", "Region South", "Region East", "Region West", "Randstad", "Belgium",
            "business customers", "outlet stores", "kitchen appliances", "small domestic appliances",
            "TV & audio", "phones & tablets")
