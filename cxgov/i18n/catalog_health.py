"""Texts of derived health: the rules' reasons, the delivery and outcome panels, the override."""

TEXTS = {
    "health.delivery": {"en": "Delivery health", "nl": "Uitvoering"},
    "health.delivery_help": {
        "en": "Are we executing? Reported in check-ins; the rules check milestones, spend, updates and blockers.",
        "nl": "Voeren we uit wat we afspraken? Gemeld in check-ins; de regels kijken naar mijlpalen, uitgaven, "
        "updates en blokkades.",
    },
    "health.outcome": {"en": "Outcome health", "nl": "Resultaat voor de klant"},
    "health.outcome_help": {
        "en": "Is the customer result coming? Judged from the linked KPIs against their baseline and target.",
        "nl": "Komt het klantresultaat eraan? Beoordeeld op de gekoppelde KPI's ten opzichte van nulmeting en doel.",
    },
    "health.reported": {"en": "Reported {health} on {date}", "nl": "Gemeld: {health} op {date}"},
    "health.derived": {"en": "By the rules: {health}", "nl": "Volgens de regels: {health}"},
    "health.rules_agree": {
        "en": "The rules see nothing that contradicts this.",
        "nl": "De regels zien niets wat dit tegenspreekt.",
    },
    "health.not_running": {
        "en": "The rules apply once the initiative is approved and running.",
        "nl": "De regels gelden zodra het initiatief is goedgekeurd en loopt.",
    },
    "health.override": {
        "en": "Reported better than the rules, because: {reason}",
        "nl": "Beter gemeld dan de regels, omdat: {reason}",
    },
    "health.outcome.none": {
        "en": "No linked KPI with a target and a reading yet.",
        "nl": "Nog geen gekoppelde KPI met een doel en een meting.",
    },
    "health.outcome.verdict": {"en": "Outcome: {health}", "nl": "Resultaat: {health}"},
    "health.check_in.derived": {
        "en": "The rules currently say **{health}** for delivery:",
        "nl": "De regels zeggen nu **{health}** voor de uitvoering:",
    },
    "health.check_in.override_hint": {
        "en": "Reporting a better health than the rules? Say why in the override reason (the board sees both).",
        "nl": "Meld je een betere status dan de regels? Leg in de reden voor afwijken uit waarom (de stuurgroep "
        "ziet beide).",
    },
    "health.field.override_reason": {"en": "Override reason", "nl": "Reden voor afwijken"},
    "health.error.override_needed": {
        "en": "the rules say {derived}: explain why you report a better health.",
        "nl": "de regels zeggen {derived}: leg uit waarom je een betere status meldt.",
    },
    "health.col.derived": {"en": "By the rules", "nl": "Volgens regels"},
    "health.col.override_reason": {"en": "Override reason", "nl": "Reden voor afwijken"},
    # The rules' reasons (cxgov.rules.health), in plain language.
    "health.rule.milestone_overdue": {
        "en": "Milestone “{title}” was due {due_on} and is {days} days overdue.",
        "nl": "Mijlpaal ‘{title}’ moest af zijn op {due_on} en is {days} dagen te laat.",
    },
    "health.rule.spend_over_plan": {
        "en": "Spend {actual} is {pct}% above the budget planned to date ({planned}); the tolerance is {tolerance}%.",
        "nl": "De uitgaven ({actual}) liggen {pct}% boven het tot nu toe begrote bedrag ({planned}); de marge is "
        "{tolerance}%.",
    },
    "health.rule.spend_without_plan": {
        "en": "{actual} spent without any budget planned up to this quarter.",
        "nl": "{actual} uitgegeven zonder dat er tot en met dit kwartaal budget is begroot.",
    },
    "health.rule.no_check_in_since": {
        "en": "No check-in for {days} days; the update cadence is {cadence} days.",
        "nl": "Al {days} dagen geen check-in; de afgesproken frequentie is elke {cadence} dagen.",
    },
    "health.rule.no_check_in_ever": {
        "en": "No check-in yet, {days} days after the start; the update cadence is {cadence} days.",
        "nl": "Nog geen check-in, {days} dagen na de start; de afgesproken frequentie is elke {cadence} dagen.",
    },
    "health.rule.blocked_by_red": {
        "en": "Blocked by “{title}”, which is red.",
        "nl": "Geblokkeerd door ‘{title}’, dat op rood staat.",
    },
    "health.rule.blocked_by_late": {
        "en": "Blocked by “{title}”, which is past its target date.",
        "nl": "Geblokkeerd door ‘{title}’, dat over de streefdatum heen is.",
    },
    "health.outcome.reached": {
        "en": "{kpi} is at {latest}: the target of {target} is reached.",
        "nl": "{kpi} staat op {latest}: het doel van {target} is gehaald.",
    },
    "health.outcome.missed": {
        "en": "{kpi} is at {latest}: the target of {target} for {due_on} was missed.",
        "nl": "{kpi} staat op {latest}: het doel van {target} voor {due_on} is niet gehaald.",
    },
    "health.outcome.below_target": {
        "en": "{kpi} is at {latest}: the target of {target} is not reached yet.",
        "nl": "{kpi} staat op {latest}: het doel van {target} is nog niet gehaald.",
    },
    "health.outcome.not_moving": {
        "en": "{kpi} is at {latest}: no movement from the baseline {baseline} towards the target {target}.",
        "nl": "{kpi} staat op {latest}: geen beweging van de nulmeting {baseline} richting het doel {target}.",
    },
    "health.outcome.on_track": {
        "en": "{kpi} is at {latest}: on track, {pct}% of the way from {baseline} to {target}.",
        "nl": "{kpi} staat op {latest}: op koers, {pct}% van de weg van {baseline} naar {target}.",
    },
    "health.outcome.partway": {
        "en": "{kpi} is at {latest}: {pct}% of the way from {baseline} to {target}.",
        "nl": "{kpi} staat op {latest}: {pct}% van de weg van {baseline} naar {target}.",
    },
    "health.outcome.behind": {
        "en": "{kpi} is at {latest}: {pct}% of the way from {baseline} to {target}, where {expected}% was due by now.",
        "nl": "{kpi} staat op {latest}: {pct}% van de weg van {baseline} naar {target}, terwijl {expected}% nu "
        "verwacht was.",
    },
}
