"""The Voltera CX board's governance record: its last two quarterly meetings and the next one, as plain rows.

The content tables below are dated 'YYYY-MM-DD' as of the portfolio's REFERENCE_DATE (2026-11-29), like the
initiative table: the Q2 board (held, minutes approved at the Q3 board), the Q3 board (held, minutes awaiting
approval) and the Q4 board (a draft with its proposed agenda). Texts name no month or quarter: they move too. `add_governance_record` moves every date by the
days between the reference date and the day the demo is dated to, and starts each meeting at 10:00 in Utrecht.

The decisions name table initiatives (local id = table number) and agree with where they stand: an approval,
a rejection, a stop or a hold is also the initiative's status move on the decision's day. So the record is only
built for a portfolio that holds all 40 table initiatives. Nothing here draws random numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from cxgov.demo import content
from cxgov.models.enums import (
    ActionStatus,
    AgendaItemKind,
    AgendaItemStatus,
    AgendaSection,
    Attendance,
    DecisionKind,
    MeetingRole,
    MeetingStatus,
    Status,
    StatusMove,
)
from cxgov.rules.meetings import PROPOSED_AGENDA, default_pre_read_due, quarter_of

if TYPE_CHECKING:
    from cxgov.demo.portfolio import DemoPortfolio

# status_transition is the portfolio's table: the decisions' effects on their initiatives are rows of it.
GOVERNANCE_TABLES = (
    "meeting",
    "meeting_member",
    "agenda_item",
    "decision",
    "action_item",
    "board_ask",
    "status_transition",
)
FOREIGN_KEYS: dict[str, dict[str, str]] = {
    "meeting": {
        "chair_id": "person",
        "secretary_id": "person",
        "previous_meeting_id": "meeting",
        "updated_by_id": "person",
    },
    "meeting_member": {"meeting_id": "meeting", "person_id": "person"},
    "agenda_item": {
        "meeting_id": "meeting",
        "initiative_id": "initiative",
        "kpi_id": "kpi",
        "presenter_id": "person",
        "from_backlog_item_id": "agenda_item",
        "updated_by_id": "person",
    },
    "decision": {
        "meeting_id": "meeting",
        "agenda_item_id": "agenda_item",
        "initiative_id": "initiative",
        "kpi_id": "kpi",
        "chair_id": "person",
        "supersedes_id": "decision",
        "approves_minutes_of_id": "meeting",
        "recorded_by_id": "person",
    },
    "action_item": {
        "meeting_id": "meeting",
        "agenda_item_id": "agenda_item",
        "decision_id": "decision",
        "initiative_id": "initiative",
        "owner_id": "person",
        "closed_by_id": "person",
        "updated_by_id": "person",
    },
    "board_ask": {"meeting_id": "meeting", "initiative_id": "initiative", "updated_by_id": "person"},
    "status_transition": {"initiative_id": "initiative", "moved_by_id": "person"},
}
PARENT_TABLES = frozenset({"meeting", "agenda_item", "decision"})

BODY = "CX board"
CHAIR, SECRETARY = content.CCO, "Thijs Bakker"
MEMBERS = (content.CCO, content.COO, content.CFO, "Kees Hendriks", "Noor Dekker", "Bas van Dijk", "Rick Brouwer")
GUEST = "Daan Meijer"  # CX Insights: brings the scorecard
ZONE = ZoneInfo("Europe/Amsterdam")  # Voltera's head office
STARTS = time(10, 0)
DURATION = 150
PLACE = "Utrecht head office, room De Dom (Teams link in the invitation)"

# What a decision does to its initiative's status, as the lifecycle move it takes effect through.
STATUS_EFFECTS = {
    DecisionKind.APPROVE: (StatusMove.APPROVE, Status.PROPOSED, Status.APPROVED),
    DecisionKind.REJECT: (StatusMove.REJECT, Status.PROPOSED, Status.REJECTED),
    DecisionKind.STOP: (StatusMove.CANCEL, Status.ACTIVE, Status.CANCELLED),
    DecisionKind.HOLD: (StatusMove.HOLD, Status.ACTIVE, Status.ON_HOLD),
}
WORK_STARTED = "Work started on the plan the CX board approved."


@dataclass(frozen=True)
class Item:
    """An agenda item: a proposed section, or one of the meeting's own, placed before any other business."""

    key: str  # a section's code, or a name the decisions and actions refer to it by
    kind: AgendaItemKind
    presenter: str
    duration: int
    section: AgendaSection | None = None
    title: str = ""
    initiative: int | None = None  # table number
    commentary: str = ""
    minutes: str = ""
    reached: bool = True


@dataclass(frozen=True)
class MeetingSpec:
    key: str
    day: str
    status: MeetingStatus
    created: str
    apologies: tuple[str, ...] = ()
    items: tuple[Item, ...] = ()
    commentary: tuple[tuple[AgendaSection, str], ...] = ()  # the pre-read's commentary per section
    section_minutes: tuple[tuple[AgendaSection, str], ...] = ()  # what the secretary noted per section
    minutes: str = ""


@dataclass(frozen=True)
class DecisionSpec:
    key: str
    meeting: str
    item: str  # a section's code or an item's key
    kind: DecisionKind
    text: str
    rationale: str = ""
    initiative: int | None = None
    review: str = ""
    new_target_date: bool = False  # the initiative's target date (as the portfolio holds it) set by this decision
    supersedes: str = ""
    reverses: bool = False
    approves_minutes_of: str = ""


@dataclass(frozen=True)
class ActionSpec:
    meeting: str
    item: str
    text: str
    owner: str
    due: str
    closed: str = ""  # empty: still open
    dropped: str = ""  # the reason it was dropped (closed without doing it)
    decision: str = ""
    initiative: int | None = None


S = AgendaSection
MEETINGS = (
    MeetingSpec(
        "q2",
        "2026-06-15",
        MeetingStatus.MINUTES_APPROVED,
        created="2026-03-17",
        apologies=(content.CFO,),
        items=(
            Item(
                "peak_plan",
                AgendaItemKind.INITIATIVE,
                "Kees Hendriks",
                20,
                initiative=18,
                commentary="Go/no-go for the peak-season plan; the staffing costs are in the pre-read.",
                minutes="Kees presented the plan: six cross-trained agents, longer chat hours and a WhatsApp flow for "
                "delivery questions. Approved; the staffing plan follows.",
            ),
            Item(
                "bonus_advice",
                AgendaItemKind.TOPIC,
                "Priya Ramdin",
                15,
                title="Works council advice on KTV and contact rate in the management bonus",
                minutes="The works council advises a year with both KPIs on the scorecards before any bonus link. "
                "The board follows the advice.",
            ),
        ),
        commentary=(
            (
                S.DECISIONS_REQUESTED,
                "Three decisions requested: the peak-season plan, the bonus proposal and stopping the persona refresh.",
            ),
            (
                S.EXCEPTIONS,
                "WCAG 2.1 AA is red with the legal deadline close; the WhatsApp hand-over waits for the agent desktop.",
            ),
            (
                S.MONEY,
                "The agent desktop runs over plan: the vendor billed integration work that was not in the quote.",
            ),
        ),
        section_minutes=(
            (S.OPENING, "Quorum present: six of seven members; the CFO sent apologies."),
            (S.EXCEPTIONS, "Noor brings a recovery plan for WCAG 2.1 AA with the accessibility auditor."),
            (S.MONEY, "Extra budget for the agent desktop's integration; IT gets the vendor's cost breakdown."),
        ),
        minutes="Quorum present (six of seven members; the CFO sent apologies).\n"
        "Decisions: the peak-season plan is approved; the bonus proposal is rejected on the works council's "
        "advice; the persona refresh stops and hands its interviews to the journey map; the WhatsApp service "
        "follows the agent desktop's release; text analytics gives way to the peak-season work.\n"
        "Money: extra budget for the agent desktop's integration, pending the vendor's cost breakdown.\n"
        "Follow-up: the WCAG recovery plan is the board's main worry.",
    ),
    MeetingSpec(
        "q3",
        "2026-09-14",
        MeetingStatus.HELD,
        created="2026-06-16",
        apologies=(content.COO, "Noor Dekker"),
        items=(
            Item(
                "endless_aisle",
                AgendaItemKind.INITIATIVE,
                "Bas van Dijk",
                15,
                initiative=23,
                commentary="Proposal to pause until the single customer view is live.",
                minutes="Bas: the store ordering flow needs the customer view; the tablets serve click & collect "
                "meanwhile. Paused.",
            ),
            Item(
                "survey_calendar",
                AgendaItemKind.TOPIC,
                "Daan Meijer",
                15,
                title="Survey calendar for next year: one survey per customer per 90 days",
                commentary="Marketing, Customer Service and CX Insights each plan their own surveys.",
                reached=False,
            ),
        ),
        commentary=(
            (
                S.FOLLOW_UP,
                "The WCAG recovery plan is overdue; the agent desktop's cost breakdown came three weeks late.",
            ),
            (S.EXCEPTIONS, "The single customer view is red: the vendor cannot deliver the integration this year."),
            (
                S.MONEY,
                "The vendor's cost breakdown for the agent desktop is higher than the extra budget the previous board granted.",
            ),
        ),
        section_minutes=(
            (S.OPENING, "Quorum present: five of seven members. The previous board's minutes are approved."),
            (S.FOLLOW_UP, "Noor sent the WCAG recovery plan's outline; the full plan is still due."),
            (S.EXCEPTIONS, "Escalated to the management team; Rick brings a restart plan."),
        ),
        minutes="Quorum present (five of seven members; the COO and the e-commerce manager sent apologies). "
        "The minutes of the previous board are approved.\n"
        "Decisions: the customer-impact check in the IT change board is approved; the endless aisle pauses until "
        "the single customer view is live; the single customer view is escalated to the management team; text "
        "analytics keeps its priority after all.\n"
        "Money: the agent desktop's extra budget is corrected after the vendor's cost breakdown; Finance reports "
        "its spend monthly.\n"
        "Not reached: the survey calendar, kept for a next board.",
    ),
    MeetingSpec(
        "q4",
        "2026-12-14",
        MeetingStatus.DRAFT,
        created="2026-09-15",
        commentary=(
            (
                S.DECISIONS_REQUESTED,
                "Gate reviews expected: self-service delivery rescheduling and the owners of "
                "the journey map's pain points.",
            ),
        ),
    ),
)

D = DecisionKind
DECISIONS = (
    DecisionSpec(
        "approve_peak",
        "q2",
        "peak_plan",
        D.APPROVE,
        "Approve the Black Friday and December readiness plan, with six cross-trained agents.",
        "Last year's peak doubled the waiting time on chat and phone; the plan keeps it under five minutes.",
        initiative=18,
    ),
    DecisionSpec(
        "reject_bonus",
        "q2",
        "bonus_advice",
        D.REJECT,
        "Reject KTV and contact rate in the management bonus for now.",
        "The works council advises a year with both KPIs on the department scorecards first.",
        initiative=36,
    ),
    DecisionSpec(
        "stop_personas",
        "q2",
        S.DECISIONS_REQUESTED.value,
        D.STOP,
        "Stop the persona refresh; its interviews go to the journey-map team.",
        "The journey map covers customers over 55 and first-time buyers with its own diary study.",
        initiative=26,
    ),
    DecisionSpec(
        "fund_desktop",
        "q2",
        S.MONEY.value,
        D.FUND,
        "Extra budget of €60,000 for the agent desktop's integration work.",
        "Without the integration agents keep switching between seven screens.",
        initiative=39,
    ),
    DecisionSpec(
        "slow_text_analytics",
        "q2",
        S.PORTFOLIO.value,
        D.REPRIORITISE,
        "Text analytics to low priority until the peak season is over; its analyst supports the peak plan.",
        initiative=28,
    ),
    DecisionSpec(
        "whatsapp_date",
        "q2",
        S.EXCEPTIONS.value,
        D.REPRIORITISE,
        "The WhatsApp service's target date follows the agent desktop's release.",
        "The hand-over to an agent needs the conversation and the order in one desktop.",
        initiative=11,
        new_target_date=True,
    ),
    DecisionSpec(
        "approve_q2_minutes",
        "q3",
        S.OPENING.value,
        D.NOTE,
        "The minutes of the previous board are approved without changes.",
        approves_minutes_of="q2",
    ),
    DecisionSpec(
        "hold_endless_aisle",
        "q3",
        "endless_aisle",
        D.HOLD,
        "Pause the endless aisle until the single customer view is live.",
        "Store ordering needs the customer's orders and stock in one view; building around it costs twice.",
        initiative=23,
        review="2027-03-15",
    ),
    DecisionSpec(
        "approve_change_check",
        "q3",
        S.DECISIONS_REQUESTED.value,
        D.APPROVE,
        "Approve the customer-impact check in the IT change board.",
        "Two releases broke the checkout in peak weeks last year.",
        initiative=35,
        review="2027-06-14",
    ),
    DecisionSpec(
        "fund_desktop_corrected",
        "q3",
        S.MONEY.value,
        D.FUND,
        "Extra budget for the agent desktop's integration corrected to €95,000 (was €60,000).",
        "The vendor's cost breakdown adds the telephony connector, which the first estimate left out.",
        initiative=39,
        review="2026-12-14",
        supersedes="fund_desktop",
    ),
    DecisionSpec(
        "text_analytics_back",
        "q3",
        S.PORTFOLIO.value,
        D.REPRIORITISE,
        "Reversed: text analytics keeps its medium priority.",
        "The works council asked for the comment analysis before the next employee pulse.",
        initiative=28,
        supersedes="slow_text_analytics",
        reverses=True,
    ),
    DecisionSpec(
        "escalate_customer_view",
        "q3",
        S.EXCEPTIONS.value,
        D.ESCALATE,
        "Escalate the single customer view to the management team: the vendor cannot deliver this year.",
        "Three initiatives wait for it: the endless aisle, the agent desktop and the WhatsApp hand-over.",
        initiative=20,
    ),
)

ACTIONS = (
    ActionSpec(
        "q2",
        "peak_plan",
        "Staffing plan for the peak weeks, with the cross-trained WhatsApp agents",
        "Kees Hendriks",
        "2026-07-31",
        closed="2026-07-27",
        decision="approve_peak",
        initiative=18,
    ),
    ActionSpec(
        "q2",
        "bonus_advice",
        "Add KTV and the contact rate to every management scorecard, without a bonus link",
        "Priya Ramdin",
        "2026-09-30",
        closed="2026-10-12",
        decision="reject_bonus",
        initiative=36,
    ),
    ActionSpec(
        "q2",
        S.DECISIONS_REQUESTED.value,
        "Hand the persona interviews over to the journey-map team",
        "Sem de Graaf",
        "2026-07-03",
        closed="2026-06-30",
        decision="stop_personas",
        initiative=26,
    ),
    ActionSpec(
        "q2",
        S.MONEY.value,
        "Get the vendor's cost breakdown for the agent desktop's integration",
        "Rick Brouwer",
        "2026-07-17",
        closed="2026-08-07",
        decision="fund_desktop",
        initiative=39,
    ),
    ActionSpec(
        "q2",
        S.EXCEPTIONS.value,
        "Recovery plan for WCAG 2.1 AA with the accessibility auditor",
        "Noor Dekker",
        "2026-09-11",
        initiative=25,
    ),
    ActionSpec(
        "q2",
        S.FOLLOW_UP.value,
        "A template for decision requests in the pre-read",
        SECRETARY,
        "2026-08-28",
        closed="2026-09-14",
        dropped="No longer needed: the pre-read lists the decisions requested straight from the portfolio.",
    ),
    ActionSpec(
        "q2",
        S.PORTFOLIO.value,
        "Price differences between store, web and app from the mystery-shopping audit",
        "Jeroen Willems",
        "2026-09-04",
        closed="2026-09-02",
        initiative=19,
    ),
    ActionSpec(
        "q3",
        "endless_aisle",
        "Tell the store managers why the endless aisle pauses; use the tablets for click & collect meanwhile",
        "Bas van Dijk",
        "2026-09-25",
        closed="2026-09-23",
        decision="hold_endless_aisle",
        initiative=23,
    ),
    ActionSpec(
        "q3",
        S.EXCEPTIONS.value,
        "Restart plan for the single customer view with the vendor's new dates",
        "Rick Brouwer",
        "2026-10-30",
        decision="escalate_customer_view",
        initiative=20,
    ),
    ActionSpec(
        "q3",
        S.MONEY.value,
        "Monthly report of the agent desktop's spend against the extra budget",
        "Yvonne Kok",
        "2026-10-16",
        closed="2026-10-16",
        decision="fund_desktop_corrected",
        initiative=39,
    ),
    ActionSpec(
        "q3",
        S.PORTFOLIO.value,
        "A Dutch test set with sarcastic comments for the text-analytics model",
        "Daan Meijer",
        "2026-11-13",
        closed="2026-11-20",
        decision="text_analytics_back",
        initiative=28,
    ),
    ActionSpec(
        "q3",
        S.DECISIONS_REQUESTED.value,
        "Business case of self-service delivery rescheduling for the next board's gate review",
        "Noor Dekker",
        "2026-12-04",
        initiative=8,
    ),
    ActionSpec(
        "q3",
        S.LESSONS.value,
        "Hand the proactive delivery updates over to the line, with the planners' standard work",
        "Joost Vermeulen",
        "2026-12-11",
        initiative=7,
    ),
)

# (initiative, what its owner asks of the Q4 board, written on)
ASKS = (
    (
        20,
        "A decision: wait for the vendor's next release or bring in a second supplier for the integration layer "
        "(quote €140,000).",
        "2026-11-26",
    ),
    (
        4,
        "Help: an escalation to the carrier's board for the capacity API; without it large appliances keep the "
        "old delivery promise.",
        "2026-11-27",
    ),
)


def add_governance_record(portfolio: DemoPortfolio, reference_date: date) -> None:
    """Add the CX board's meetings, agendas, decisions, actions and asks, and the initiatives' status moves
    those decisions made, dated to the portfolio's day (content dates move by its distance to `reference_date`)."""
    _Builder(portfolio, portfolio.today - reference_date).build()


class _Builder:
    def __init__(self, portfolio: DemoPortfolio, shift: timedelta) -> None:
        self.portfolio, self.shift = portfolio, shift
        self.people = {row["name"]: row["id"] for row in portfolio.tables["person"]}
        self.meetings: dict[str, dict] = {}
        self.items: dict[tuple[str, str], int] = {}
        self.item_ends: dict[tuple[str, str], int] = {}  # minutes from the meeting's start to the item's end
        self.decisions: dict[str, int] = {}

    def day(self, iso: str) -> date:
        return date.fromisoformat(iso) + self.shift

    def at(self, iso: str, hour: int, minute: int = 0) -> datetime:
        """A moment on a content day, on the clock of Voltera's head office, as UTC."""
        return datetime.combine(self.day(iso), time(hour, minute), ZONE).astimezone(UTC)

    def initiative(self, number: int) -> dict:
        return self.portfolio.tables["initiative"][number - 1]

    def build(self) -> None:
        previous = None
        for spec in MEETINGS:
            previous = self.add_meeting(spec, previous)
        for spec in DECISIONS:
            self.add_decision(spec)
        for spec in ACTIONS:
            self.add_action(spec)
        for number, ask, written in ASKS:
            self.portfolio.add(
                "board_ask",
                {
                    "meeting_id": self.meetings["q4"]["id"],
                    "initiative_id": number,
                    "ask": ask,
                    "version": 1,
                    "updated_at": self.at(written, 16),
                    "updated_by_id": self.initiative(number)["owner_id"],
                },
            )

    def add_meeting(self, spec: MeetingSpec, previous: int | None) -> int:
        local_start = datetime.combine(self.day(spec.day), STARTS, ZONE)
        pre_read_due = default_pre_read_due(local_start.date())
        created = self.at(spec.created, 9)
        held = spec.status is not MeetingStatus.DRAFT
        row = {
            "body": BODY,
            "quarter": quarter_of(local_start.date()),
            "starts_at": local_start.astimezone(UTC),
            "duration_minutes": DURATION,
            "place": PLACE,
            "chair_id": self.people[CHAIR],
            "secretary_id": self.people[SECRETARY],
            "pre_read_due": pre_read_due,
            "status": spec.status,
            "agenda_published_at": datetime.combine(pre_read_due, time(16), ZONE).astimezone(UTC) if held else None,
            "minutes": spec.minutes,
            "previous_meeting_id": previous,
            "version": 1,
            "created_at": created,
            "updated_at": local_start.astimezone(UTC) + timedelta(minutes=DURATION) if held else created,
            "updated_by_id": self.people[SECRETARY],
        }
        meeting_id = self.portfolio.add("meeting", row)
        self.meetings[spec.key] = row
        for name in (*MEMBERS, GUEST):
            attendance = None
            if held:
                attendance = Attendance.APOLOGIES if name in spec.apologies else Attendance.PRESENT
            self.portfolio.add(
                "meeting_member",
                {
                    "meeting_id": meeting_id,
                    "person_id": self.people[name],
                    "role": MeetingRole.GUEST if name == GUEST else MeetingRole.MEMBER,
                    "attendance": attendance,
                },
            )
        self.add_agenda(spec, meeting_id, created, row["updated_at"])
        return meeting_id

    def add_agenda(self, spec: MeetingSpec, meeting_id: int, created: datetime, updated: datetime) -> None:
        """The proposed sections in order, the meeting's own items before any other business."""
        commentary, noted = dict(spec.commentary), dict(spec.section_minutes)
        sections = [
            Item(
                plan.section.value,
                AgendaItemKind.SECTION,
                CHAIR if plan.presenter == "chair" else SECRETARY,
                plan.minutes,
                section=plan.section,
                commentary=commentary.get(plan.section, ""),
                minutes=noted.get(plan.section, ""),
            )
            for plan in PROPOSED_AGENDA
        ]
        held, elapsed = spec.status is not MeetingStatus.DRAFT, 0
        for position, item in enumerate([*sections[:-1], *spec.items, sections[-1]], start=1):
            status = AgendaItemStatus.PLANNED
            if held:
                status = AgendaItemStatus.DISCUSSED if item.reached else AgendaItemStatus.NOT_REACHED
            if item.reached:
                elapsed += item.duration
                self.item_ends[(spec.key, item.key)] = elapsed
            self.items[(spec.key, item.key)] = self.portfolio.add(
                "agenda_item",
                {
                    "meeting_id": meeting_id,
                    "position": position,
                    "kind": item.kind,
                    "section": item.section,
                    "title": item.title,
                    "initiative_id": item.initiative,
                    "kpi_id": None,
                    "duration_minutes": item.duration,
                    "presenter_id": self.people[item.presenter],
                    "commentary": item.commentary,
                    "minutes": item.minutes,
                    "status": status,
                    "from_backlog_item_id": None,
                    "version": 1,
                    "created_at": created,
                    "prepared_at": created,
                    "updated_at": updated,
                    "updated_by_id": self.people[SECRETARY],
                },
            )

    def add_decision(self, spec: DecisionSpec) -> None:
        meeting = self.meetings[spec.meeting]
        decided_at = meeting["starts_at"] + timedelta(minutes=self.item_ends[(spec.meeting, spec.item)])
        target = self.initiative(spec.initiative) if spec.initiative else None
        approved = self.meetings.get(spec.approves_minutes_of)
        self.decisions[spec.key] = self.portfolio.add(
            "decision",
            {
                "meeting_id": meeting["id"],
                "agenda_item_id": self.items[(spec.meeting, spec.item)],
                "kind": spec.kind,
                "text": spec.text,
                "rationale": spec.rationale,
                "initiative_id": spec.initiative,
                "kpi_id": None,
                "body": BODY,
                "chair_id": meeting["chair_id"],
                "decided_on": meeting["starts_at"].astimezone(ZONE).date(),
                "review_on": self.day(spec.review) if spec.review else None,
                "new_target_date": target["target_date"] if spec.new_target_date else None,
                "supersedes_id": self.decisions[spec.supersedes] if spec.supersedes else None,
                "reverses": spec.reverses,
                "approves_minutes_of_id": approved["id"] if approved else None,
                "recorded_by_id": self.people[SECRETARY],
                "created_at": decided_at,
            },
        )
        if approved:
            approved["updated_at"] = decided_at
        if target is not None:
            # The initiative was on the board's list before the pre-read went out.
            target["created_at"] = min(target["created_at"], meeting["starts_at"] - timedelta(days=28))
        if spec.kind in STATUS_EFFECTS:
            self.move_status(target, *STATUS_EFFECTS[spec.kind], decided_at, self.people[SECRETARY], spec.text)
            if spec.kind is DecisionKind.APPROVE and target["status"] is Status.ACTIVE:  # work started since
                started = datetime.combine(target["start_date"], time(9), ZONE).astimezone(UTC)
                self.move_status(
                    target, StatusMove.START, Status.APPROVED, Status.ACTIVE, started, target["owner_id"], WORK_STARTED
                )

    def move_status(
        self, initiative: dict, move: StatusMove, old: Status, new: Status, at: datetime, by: int, reason: str
    ) -> None:
        self.portfolio.add(
            "status_transition",
            {
                "initiative_id": initiative["id"],
                "move": move,
                "from_status": old,
                "to_status": new,
                "moved_at": at,
                "moved_by_id": by,
                "reason": reason,
            },
        )
        initiative["updated_at"] = max(initiative["updated_at"], at)

    def add_action(self, spec: ActionSpec) -> None:
        """An action given at the end of its meeting; done by its owner, or dropped by the secretary."""
        meeting, owner = self.meetings[spec.meeting], self.people[spec.owner]
        created = meeting["starts_at"] + timedelta(minutes=DURATION - 15)
        status, closed_by = ActionStatus.OPEN, None
        if spec.dropped:
            status, closed_by = ActionStatus.DROPPED, self.people[SECRETARY]
        elif spec.closed:
            status, closed_by = ActionStatus.DONE, owner
        self.portfolio.add(
            "action_item",
            {
                "meeting_id": meeting["id"],
                "agenda_item_id": self.items[(spec.meeting, spec.item)],
                "decision_id": self.decisions[spec.decision] if spec.decision else None,
                "initiative_id": spec.initiative,
                "text": spec.text,
                "owner_id": owner,
                "due_on": self.day(spec.due),
                "status": status,
                "closed_on": self.day(spec.closed) if spec.closed else None,
                "closing_note": spec.dropped,
                "closed_by_id": closed_by,
                "version": 1,
                "created_at": created,
                "updated_at": self.at(spec.closed, 16) if spec.closed else created,
                "updated_by_id": closed_by or self.people[SECRETARY],
            },
        )
