"""Texts of the polish round: the audit trail's system actor, KPI trend charts, confirmations that protect
people from one hasty click (PDCA moves, big progress drops), duplicate milestones, Dutch date placeholders."""

TEXTS = {
    "audit.actor.system": {"en": "system", "nl": "systeem"},
}
