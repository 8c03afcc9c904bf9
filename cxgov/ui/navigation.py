"""The page list: sections, titles (translated), URL paths. app.py builds st.navigation from it."""

from __future__ import annotations

from dataclasses import dataclass

from cxgov.models import Role
from cxgov.rules.permissions import Action
from cxgov.settings import PROJECT_ROOT

PAGES_DIR = PROJECT_ROOT / "app_pages"


@dataclass(frozen=True)
class PageSpec:
    section: str  # translation key of the sidebar section
    path: str  # relative to app_pages/
    title: str  # translation key
    url_path: str
    icon: str
    hidden: bool = False  # reachable by link (e.g. ?id=), not listed in the sidebar
    # Only people allowed this action get the page at all: for anyone else it does not exist (not found, not
    # forbidden), in the sidebar and by link.
    requires: Action | None = None


PAGES: tuple[PageSpec, ...] = (
    PageSpec("nav.leadership", "leadership/portfolio.py", "page.portfolio", "portfolio", ":material/dashboard:"),
    PageSpec("nav.programs", "programs/my_work.py", "page.my_work", "my-work", ":material/inbox:"),
    PageSpec("nav.programs", "programs/initiatives.py", "page.initiatives", "initiatives", ":material/list_alt:"),
    PageSpec(
        "nav.programs", "programs/initiative.py", "page.initiative", "initiative", ":material/article:", hidden=True
    ),
    PageSpec("nav.programs", "programs/lessons.py", "page.lessons", "lessons", ":material/lightbulb:"),
    PageSpec("nav.programs", "programs/bulk_update.py", "page.bulk_update", "bulk-update", ":material/edit_square:"),
    PageSpec(
        "nav.programs",
        "programs/initiative_form.py",
        "page.initiative_form",
        "initiative-form",
        ":material/edit_note:",
        hidden=True,
    ),
    PageSpec("nav.disciplines", "disciplines/strategy.py", "enum.discipline.strategy", "strategy", ":material/flag:"),
    PageSpec(
        "nav.disciplines",
        "disciplines/customer_understanding.py",
        "enum.discipline.customer_understanding",
        "customer-understanding",
        ":material/psychology:",
    ),
    PageSpec(
        "nav.disciplines", "disciplines/design.py", "enum.discipline.design", "design", ":material/design_services:"
    ),
    PageSpec(
        "nav.disciplines",
        "disciplines/measurement.py",
        "enum.discipline.measurement",
        "measurement",
        ":material/monitoring:",
    ),
    PageSpec(
        "nav.disciplines",
        "disciplines/governance.py",
        "enum.discipline.governance",
        "governance-discipline",
        ":material/account_balance:",
    ),
    PageSpec(
        "nav.disciplines", "disciplines/culture.py", "enum.discipline.culture", "culture", ":material/diversity_3:"
    ),
    PageSpec("nav.governance", "governance/board.py", "page.board", "board", ":material/gavel:"),
    PageSpec("nav.governance", "governance/meetings.py", "page.meetings", "meetings", ":material/groups:"),
    PageSpec("nav.governance", "governance/meeting.py", "page.meeting", "meeting", ":material/event:", hidden=True),
    PageSpec("nav.governance", "governance/decisions.py", "page.decisions", "decisions", ":material/fact_check:"),
    PageSpec(
        "nav.governance", "governance/present.py", "page.present", "present", ":material/co_present:", hidden=True
    ),
    PageSpec("nav.admin", "admin/people.py", "page.people", "people", ":material/group:"),
    PageSpec("nav.admin", "admin/departments.py", "page.departments", "departments", ":material/apartment:"),
    PageSpec("nav.admin", "admin/objectives.py", "page.objectives", "objectives", ":material/target:"),
    PageSpec("nav.admin", "admin/lists.py", "page.lists", "lists", ":material/format_list_bulleted:"),
    PageSpec("nav.admin", "admin/kpis.py", "page.kpis", "kpis", ":material/speed:"),
    PageSpec(
        "nav.admin",
        "admin/pack_template.py",
        "entity.pack_template",
        "pack-template",
        ":material/slideshow:",
        requires=Action.MANAGE_PACK_TEMPLATE,
    ),
    PageSpec(
        "nav.admin",
        "admin/audit_log.py",
        "page.audit_log",
        "audit-log",
        ":material/history:",
        requires=Action.VIEW_AUDIT,
    ),
)


# Managers and contributors land on what needs them (My work); everyone else on the portfolio.
LANDING_ROLES = frozenset({Role.MANAGER, Role.CONTRIBUTOR})
LANDED_KEY = "cxgov_landed"  # session state: the person has arrived (landing applies to the first page only)


def landing_page(role: Role | None) -> str:
    return "my-work" if role in LANDING_ROLES else "portfolio"


def page_file(url_path: str) -> str:
    """The script of the page at `url_path` (for st.page_link and tests)."""
    spec = next(p for p in PAGES if p.url_path == url_path)
    return str(PAGES_DIR / spec.path)
