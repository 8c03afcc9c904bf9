"""The hostile-input corpus: what an attacker (or a careless paste) may type into any text field of cxgov.

One place for the page tests (AppTest) and the browser test (Chromium). Each entry says what it attacks
(`attack`, its docstring) and which raw fragments (`markers`) must never reach an element that renders
markdown or HTML: wherever one of them shows up unescaped, the attack would work if Streamlit's renderer
let it. `FOREIGN_HOST` is the host the link and image payloads point at: a request to it, or an element
pointing at it, means an injection took effect.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from cxgov.db import session_scope
from cxgov.models import (
    ActionStatus,
    AgendaItemKind,
    Attendance,
    DecisionKind,
    Discipline,
    Health,
    Initiative,
    KpiKind,
    Meeting,
    Person,
    Role,
    Status,
    TaxonomyKind,
)
from cxgov.services.actions import add_action, close_action
from cxgov.services.agenda import add_agenda_item, propose_agenda, update_agenda_item
from cxgov.services.board_asks import write_board_ask
from cxgov.services.budget import record_expense, set_budget_line
from cxgov.services.decisions import record_decision
from cxgov.services.initiatives import create_initiative, record_check_in
from cxgov.services.kpis import correct_kpi_reading, create_kpi, record_kpi_reading, withdraw_kpi_reading
from cxgov.services.meetings import create_meeting, publish_agenda, record_attendance, save_minutes
from cxgov.services.pdca import save_cycle_record
from cxgov.services.people import create_person
from cxgov.services.plan import add_milestone, add_plan_action, add_risk
from cxgov.services.reference import create_department, create_objective, create_term
from cxgov.services.team import add_dependency, add_team_member

FOREIGN_HOST = "evil.example"  # RFC 2606: never resolves, so a leaked request cannot reach anyone
BIG_BYTES = 100_000  # 100 kB strings: far past every field limit


@dataclass(frozen=True)
class Hostile:
    key: str  # a short name for test ids and messages
    text: str
    attack: str  # the docstring of the entry: what the input tries to do
    markers: tuple[str, ...] = ()  # raw fragments that prove the payload reached a markdown/HTML renderer


def _big() -> str:
    # A payload up front (so truncation to a field's maximum keeps it) and bulk behind it.
    head = "<b>big</b> "
    return head + "A" * (BIG_BYTES - len(head))


CORPUS: tuple[Hostile, ...] = (
    Hostile(
        "script",
        "<script>alert(1)</script>",
        "A script element: runs JavaScript when a page inserts the text as HTML.",
        ("<script>",),
    ),
    Hostile(
        "img_onerror",
        "<img src=x onerror=alert(1)>",
        "An event handler on a broken image: runs JavaScript without any <script> tag.",
        ("<img src",),
    ),
    Hostile(
        "svg_onload",
        "<svg onload=alert(1)>",
        "An SVG element with onload: the same attack through another element.",
        ("<svg onload",),
    ),
    Hostile(
        "js_link",
        "[click](javascript:alert(1))",
        "A markdown link with a javascript: URL: runs JavaScript when clicked.",
        ("](javascript:",),
    ),
    Hostile(
        "foreign_image",
        f"![x](http://{FOREIGN_HOST}/x.png)",
        "A markdown image on a foreign host: the browser fetches it on display (tracking pixel, leaked visit).",
        (f"](http://{FOREIGN_HOST}",),
    ),
    Hostile(
        "html_link",
        f'<a href="http://{FOREIGN_HOST}">login again</a>',
        "An HTML link to a foreign host: phishing that looks like part of the app.",
        ("<a href=",),
    ),
    Hostile(
        "md_injection",
        f"**bold** [link](http://{FOREIGN_HOST}) # not a heading",
        "Markdown formatting and a link: user text restyled and turned into a phishing link.",
        ("**bold**", f"](http://{FOREIGN_HOST})"),
    ),
    Hostile(
        "heading",
        "# Approved by the board\n\n---\n> quoted",
        "Block markdown (heading, rule, quote) on several lines: user text posing as the app's own layout.",
        ("# Approved",),
    ),
    Hostile(
        "autolink",
        f"see www.{FOREIGN_HOST} or http://{FOREIGN_HOST}/a, mail boss@{FOREIGN_HOST}",
        "Bare URLs and e-mail addresses: GitHub-flavoured markdown turns them into links by itself, even "
        "when every special character is backslash-escaped (see `autolinks`).",
    ),
    Hostile(
        "streamlit_directive",
        ":red[styled] :material/warning: :rainbow-background[x]",
        "Streamlit's markdown directives: colours, icons and backgrounds injected into the app's look.",
        (":red[", ":rainbow-background["),
    ),
    Hostile(
        "latex_href",
        f"$\\href{{http://{FOREIGN_HOST}}}{{x}}$",
        "KaTeX inside $…$: \\href makes a link, and big formulas can hang the renderer.",
        ("$\\href",),
    ),
    Hostile(
        "template",
        "{{7*7}} ${7*7} <%= 7*7 %>",
        "Template injection: harmless only while the text is never evaluated (it must show as typed, not 49).",
        ("<%=",),
    ),
    Hostile(
        "sql",
        "'; DROP TABLE initiative; --",
        "SQL injection: harmless only with bound parameters; the quote and comment must be stored as typed.",
    ),
    Hostile(
        "rtl_override",
        "Invoice \u202egnp.exe",
        "A right-to-left override: 'exe.png' displayed, 'gnp.exe' stored (a spoofed file name).",
    ),
    Hostile(
        "entities",
        "&lt;script&gt;alert(1)&lt;/script&gt; &#x3C;b&#x3E; &amp;",
        "HTML entities: decoded by an HTML renderer into markup (double-escaping bugs).",
        ("&lt;script", "&#x3C;b"),
    ),
    Hostile(
        "emoji_zwj",
        "Team 👩‍👩‍👧‍👦 🏳️‍🌈 e\u0301 \u200b\u200d",
        "Emoji with zero-width joiners, combining accents and zero-width spaces: multi-code-point text "
        "that naive truncation or length checks break.",
    ),
    Hostile(
        "big",
        _big(),
        "A 100 kB string: fields must refuse or cut it with a message, never crash or hang the page.",
        ("<b>big</b>",),
    ),
)

BY_KEY = {h.key: h for h in CORPUS}


def fit(text: str, max_length: int) -> str:
    """`text` cut to a field's maximum length (the service refuses longer text; the payload sits up front)."""
    return text[:max_length]


def markers() -> tuple[str, ...]:
    """Every raw fragment of the corpus that must never reach a markdown or HTML renderer."""
    return tuple(m for h in CORPUS for m in h.markers)


def unescaped_payloads(rendered: str) -> list[str]:
    """The markers found raw in `rendered` (the source of an element that renders markdown): empty when safe.

    cxgov.ui.safe.plain() puts a backslash before every markdown and HTML character. Every marker starts with
    such a character or contains one, so an escaped payload never holds a marker that is not preceded by a
    backslash: `\\<script\\>` holds no `<script>`, and `\\# Approved` holds `# Approved` only after a backslash.
    """
    return [m for m in markers() if re.search(r"(?<!\\)" + re.escape(m), rendered)] + autolinks(rendered)


_ESCAPE = re.compile(r"\\(.)")
_AUTOLINK = re.compile(rf"(?i)(?:https?://|www\.)[-.\w]*{re.escape(FOREIGN_HOST)}|@{re.escape(FOREIGN_HOST)}")


def autolinks(rendered: str) -> list[str]:
    """Bare URLs and e-mail addresses of the foreign host that GitHub-flavoured markdown would link in `rendered`.

    It looks for them in the text *after* resolving backslash escapes, so `http\\://evil\\.example` is a link.
    """
    return [f"autolink {m}" for m in _AUTOLINK.findall(_ESCAPE.sub(r"\1", rendered))]


# --- storing the corpus in every text field, through the services ---------------------------------------

ADMIN_NAME = "Hostile Test Admin"  # a plain name: the tests pick this person in the "acting as" picker


@dataclass(frozen=True)
class HostileSeed:
    """What the tests need to find again: the admin to act as, and one initiative per corpus entry."""

    admin_id: int
    initiative_ids: dict[str, int]  # corpus key -> initiative id
    meeting_ids: dict[str, int]  # corpus key -> a governance meeting holding the entry in every text


A3_TEXT_BOXES = ("background", "current_condition", "root_cause", "hypothesis", "done_summary", "check_result")


def seed_corpus(engine, *, today: date | None = None) -> HostileSeed:
    """Every corpus entry in every text field of every entity, written through the services in one unit.

    Per entry: a department, a person, an objective, a journey stage and a channel, a KPI with a reading, and
    an initiative (spread over the disciplines) with a red check-in (blocker included), a budget line, an expense
    and a credit with its reason, a reading corrected and withdrawn with reasons,
    its PDCA record with every A3 box filled and the KPI as its target, and its plan and team (`_seed_plan`).
    Each text is cut to its field's maximum, so the services accept it; red health puts the initiatives on the
    portfolio's attention list and the board, where their titles and reasons are shown.
    """
    today = today or date.today()
    month = today.replace(day=1)
    disciplines = list(Discipline)
    ids: dict[str, int] = {}
    meetings: dict[str, int] = {}
    with session_scope(engine, write=True) as session:
        admin = Person(name=ADMIN_NAME, email="hostile.admin@example.nl", role=Role.ADMIN)
        session.add(admin)
        session.flush()
        actor = admin.id
        for n, h in enumerate(CORPUS):
            text = h.text
            department = create_department(session=session, actor=actor, data={"name": fit(text, 120)})
            person = create_person(
                session=session,
                actor=actor,
                data={
                    "name": fit(text, 120),
                    "email": f"hostile{n}@example.nl",
                    "department_id": department,
                    "role": Role.MANAGER,
                },
            )
            objective = create_objective(
                session=session,
                actor=actor,
                data={"title": fit(text, 200), "description": fit(text, 5_000), "owner_id": person},
            )
            terms = [
                create_term(
                    session=session,
                    actor=actor,
                    data={
                        "kind": kind,
                        "code": fit(f"{kind.value[:2]}{n}{text}", 40),
                        "name_en": fit(text, 80),
                        "name_nl": fit(text, 80),
                        "position": n,
                    },
                )
                for kind in TaxonomyKind
            ]
            kpi = create_kpi(
                session=session,
                actor=actor,
                data={
                    "code": fit(f"H{n}{text}", 40),
                    "name": fit(text, 160),
                    "kind": KpiKind.CSAT,
                    "unit": fit(text, 20),
                    "method": fit(text, 2_000),
                    "description": fit(text, 5_000),
                    "discipline": Discipline.MEASUREMENT,
                    "owner_id": person,
                    "primary_source": fit(text, 80),
                },
            )
            record_kpi_reading(
                session=session,
                actor=actor,
                data={"kpi_id": kpi, "period": month, "value": 7.5, "sample_size": 100, "source": fit(text, 80)},
            )
            _seed_corrected_and_withdrawn(session, actor, kpi, month, text)
            initiative = create_initiative(
                session=session,
                actor=actor,
                data={
                    "title": fit(text, 200),
                    "description": fit(text, 20_000),
                    "project_code": fit(text, 40),
                    "discipline": disciplines[n % len(disciplines)],
                    "owner_id": person,
                    "sponsor_id": person,
                    "owning_department_id": department,
                    "requesting_department_id": department,
                    "objective_id": objective,
                    "status": Status.ACTIVE if n % 2 else Status.PROPOSED,
                    "journey_stage_ids": terms[:1],
                    "channel_ids": terms[1:],
                    "start_date": today,
                    "target_date": today,
                },
            )
            record_check_in(
                session=session,
                actor=actor,
                initiative_id=initiative,
                data={
                    "checkin_date": today,
                    "health": Health.RED,
                    "reason": fit(text, 2_000),
                    "progress_pct": 40,
                    "summary": fit(text, 5_000),
                    "next_steps": fit(text, 5_000),
                    "blocker": fit(text, 2_000),
                },
            )
            set_budget_line(
                session=session,
                actor=actor,
                initiative_id=initiative,
                data={"year": today.year, "quarter": (today.month - 1) // 3 + 1, "planned_cents": 100_00},
            )
            record_expense(
                session=session,
                actor=actor,
                initiative_id=initiative,
                data={"spent_on": today, "amount_cents": 25_00, "note": fit(text, 500)},
            )
            record_expense(
                session=session,
                actor=actor,
                initiative_id=initiative,
                data={
                    "spent_on": today,
                    "amount_cents": -5_00,
                    "note": fit(text, 500),
                    "correction_reason": fit(text, 500),
                },
            )
            # The PDCA record: every A3 box, and the KPI as its target (which links it to the initiative).
            version = session.get(Initiative, initiative).version  # the check-in's progress moved it on
            save_cycle_record(
                session=session,
                actor=actor,
                initiative_id=initiative,
                seen_version=version,
                data={
                    **{box: fit(text, 10_000) for box in A3_TEXT_BOXES},
                    "target_kpi_id": kpi,
                    "baseline_value": 6.0,
                    "target_value": 8.0,
                },
            )
            _seed_plan(session, actor, initiative, person, text, today, blocker=next(reversed(ids.values()), None))
            if n % 2 and ids:  # active and blocked by the previous (red) one: green needs an override reason
                record_check_in(
                    session=session,
                    actor=actor,
                    initiative_id=initiative,
                    data={"checkin_date": today, "health": Health.GREEN, "override_reason": fit(text, 2_000)},
                )
            ids[h.key] = initiative
            meetings[h.key] = _seed_meeting(session, actor, person, initiative, text, today)
    return HostileSeed(admin_id=actor, initiative_ids=ids, meeting_ids=meetings)


def _seed_corrected_and_withdrawn(session, actor: int, kpi: int, month: date, text: str) -> None:
    """A reading of the month before, corrected and then withdrawn, each with the text as its reason."""
    before = (month - timedelta(days=1)).replace(day=1)
    reading = record_kpi_reading(
        session=session,
        actor=actor,
        data={"kpi_id": kpi, "period": before, "value": 7.0, "sample_size": 90, "source": fit(text, 80)},
    )
    correct_kpi_reading(
        session=session,
        actor=actor,
        reading_id=reading,
        seen_version=1,
        data={"value": 7.1, "sample_size": 90, "reason": fit(text, 2_000)},
    )
    withdraw_kpi_reading(
        session=session, actor=actor, reading_id=reading, seen_version=2, data={"reason": fit(text, 2_000)}
    )


def _seed_meeting(session, actor: int, person: int, initiative: int, text: str, today: date) -> int:
    """A governance meeting in a fortnight, its agenda published: the text as its body and place, a topic's title,
    commentary and minutes, the owner's ask, a decision and its rationale, an open action and a dropped one with
    its reason, and the meeting's minutes."""
    meeting = create_meeting(
        session=session,
        actor=actor,
        body=fit(text, 120),
        starts_at=datetime.combine(today + timedelta(days=14), time(9), tzinfo=UTC),
        chair_id=actor,
        secretary_id=actor,
        member_ids=[actor, person],
        place=fit(text, 300),
    )

    def version() -> int:
        return session.get(Meeting, meeting).version

    propose_agenda(session=session, actor=actor, meeting_id=meeting, seen_version=version())
    topic = add_agenda_item(
        session=session,
        actor=actor,
        meeting_id=meeting,
        seen_version=version(),
        kind=AgendaItemKind.TOPIC,
        title=fit(text, 200),
        commentary=fit(text, 5_000),
        presenter_id=person,
    )
    add_agenda_item(
        session=session,
        actor=actor,
        meeting_id=meeting,
        seen_version=version(),
        kind=AgendaItemKind.INITIATIVE,
        initiative_id=initiative,
        commentary=fit(text, 5_000),
    )
    write_board_ask(session=session, actor=actor, meeting_id=meeting, initiative_id=initiative, ask=fit(text, 1_000))
    publish_agenda(session=session, actor=actor, meeting_id=meeting, seen_version=version())
    update_agenda_item(
        session=session, actor=actor, item_id=topic, seen_version=1, changes={"minutes": fit(text, 20_000)}
    )
    record_attendance(
        session=session,
        actor=actor,
        meeting_id=meeting,
        seen_version=version(),
        attendance={actor: Attendance.PRESENT, person: Attendance.APOLOGIES},
    )
    decision = record_decision(
        session=session,
        actor=actor,
        meeting_id=meeting,
        kind=DecisionKind.NOTE,
        text=fit(text, 2_000),
        rationale=fit(text, 10_000),
        agenda_item_id=topic,
        initiative_id=initiative,
    )
    due = today + timedelta(days=30)
    for outcome in (None, ActionStatus.DROPPED):
        action = add_action(
            session=session,
            actor=actor,
            meeting_id=meeting,
            text=fit(text, 500),
            owner_id=person,
            due_on=due,
            decision_id=decision,
            initiative_id=initiative,
        )
        if outcome is not None:
            close_action(
                session=session, actor=actor, action_id=action, seen_version=1, outcome=outcome, note=fit(text, 2_000)
            )
    save_minutes(session=session, actor=actor, meeting_id=meeting, seen_version=version(), minutes=fit(text, 50_000))
    return meeting


def _seed_plan(session, actor: int, initiative: int, person: int, text: str, today: date, blocker: int | None) -> None:
    """Plan & team: a milestone, a risk, an action of the plan, a team role, and a dependency (on the previous
    entry's initiative) with its note."""
    add_milestone(
        session=session, actor=actor, initiative_id=initiative, data={"title": fit(text, 200), "due_on": today}
    )
    add_risk(
        session=session,
        actor=actor,
        initiative_id=initiative,
        data={
            "title": fit(text, 200),
            "probability": 4,
            "impact": 5,
            "mitigation": fit(text, 2_000),
            "owner_id": person,
        },
    )
    add_plan_action(
        session=session,
        actor=actor,
        initiative_id=initiative,
        data={"description": fit(text, 300), "owner_id": person, "due_on": today, "cost_cents": 10_00},
    )
    add_team_member(
        session=session,
        actor=actor,
        initiative_id=initiative,
        data={"person_id": person, "role_on_initiative": fit(text, 80)},
    )
    if blocker is not None:
        add_dependency(
            session=session,
            actor=actor,
            initiative_id=initiative,
            data={"blocked_by_id": blocker, "note": fit(text, 300)},
        )
