"""Texts of the My work page."""

TEXTS = {
    "page.my_work": {"en": "My work", "nl": "Mijn werk"},
    "work.nobody": {
        "en": "Choose who you are in the sidebar to see what needs you.",
        "nl": "Kies in de zijbalk wie je bent om te zien wat jouw aandacht vraagt.",
    },
    "work.caption": {
        "en": "What needs you on your initiatives, most urgent first: check-ins due (every {cadence} days), "
        "milestones and actions due within {days} days, moves waiting, blockers.",
        "nl": "Wat jouw aandacht vraagt bij je initiatieven, het dringendste eerst: check-ins die eraan komen "
        "(elke {cadence} dagen), mijlpalen en acties binnen {days} dagen, stappen die wachten, blokkades.",
    },
    "work.nothing": {"en": "Nothing needs you right now.", "nl": "Er vraagt nu niets om jouw aandacht."},
    "work.tile.check_ins": {"en": "Check-ins due", "nl": "Check-ins te doen"},
    "work.tile.due": {"en": "Milestones and actions due", "nl": "Mijlpalen en acties"},
    "work.tile.waiting": {"en": "Waiting for a decision", "nl": "Wacht op een besluit"},
    "work.tile.blocked": {"en": "Blocked", "nl": "Geblokkeerd"},
    "work.col.urgency": {"en": "When", "nl": "Wanneer"},
    "work.col.kind": {"en": "What", "nl": "Wat"},
    "work.col.subject": {"en": "Details", "nl": "Details"},
    "work.col.when": {"en": "Date", "nl": "Datum"},
    "work.kind.check_in_due": {"en": "Check-in due", "nl": "Check-in doen"},
    "work.kind.milestone_due": {"en": "Milestone due", "nl": "Mijlpaal"},
    "work.kind.action_due": {"en": "Your plan action", "nl": "Jouw actie uit het plan"},
    "work.kind.decision_waiting": {"en": "Act: decide", "nl": "Act: besluiten"},
    "work.kind.ready_for_do": {"en": "Approved: start Do", "nl": "Goedgekeurd: start Do"},
    "work.kind.approval_waiting": {"en": "Proposal to approve", "nl": "Voorstel goedkeuren"},
    "work.kind.blocked": {"en": "Blocked", "nl": "Geblokkeerd"},
    # Counted texts: key suffix 0, 1 or 2 (two and more).
    "work.overdue.1": {"en": "1 day overdue", "nl": "1 dag te laat"},
    "work.overdue.2": {"en": "{n} days overdue", "nl": "{n} dagen te laat"},
    "work.due.0": {"en": "Due today", "nl": "Vandaag"},
    "work.due.1": {"en": "Due tomorrow", "nl": "Morgen"},
    "work.due.2": {"en": "Due in {n} days", "nl": "Over {n} dagen"},
    "work.waiting.0": {"en": "Since today", "nl": "Sinds vandaag"},
    "work.waiting.1": {"en": "Waiting 1 day", "nl": "Wacht 1 dag"},
    "work.waiting.2": {"en": "Waiting {n} days", "nl": "Wacht {n} dagen"},
}
