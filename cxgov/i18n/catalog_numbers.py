"""Trustworthy numbers: a KPI's scale and readings, corrections and withdrawals, the primary source, outcome
health that waits for the work, the initiative's own target date, and credits with their reason.

Numbers inside these messages are written the reader's way (cxgov.errors.Number).
"""

TEXTS = {
    # --- the scale, the reading, the target (cxgov.rules.kpi_numbers) -------------------------------------------------
    "kpi_rules.error.outside_kpi": {
        "en": "must lie between {low} and {high} (the scale of {kpi})",
        "nl": "moet tussen {low} en {high} liggen (de schaal van {kpi})",
    },
    "kpi_rules.error.outside_kind": {
        "en": "must lie between {low} and {high} (the scale of the kind {kind}; {kpi} has no scale of its own)",
        "nl": "moet tussen {low} en {high} liggen (de schaal van het soort {kind}; {kpi} heeft geen eigen schaal)",
    },
    "kpi_rules.error.outside_limit": {
        "en": "must lie between {low} and {high}: without a scale on that side, a larger number is taken for a typo",
        "nl": "moet tussen {low} en {high} liggen: zonder schaal aan die kant geldt een groter getal als tikfout",
    },
    "kpi_rules.error.scale_outside_kind": {
        "en": "must lie between {low} and {high}: a KPI of the kind {kind} cannot have a wider scale",
        "nl": "moet tussen {low} en {high} liggen: een KPI van het soort {kind} kan geen ruimere schaal hebben",
    },
    "kpi_rules.error.scale_outside_limit": {
        "en": "must lie between {low} and {high}: a larger number is taken for a typo",
        "nl": "moet tussen {low} en {high} liggen: een groter getal geldt als tikfout",
    },
    "kpi_rules.error.sample_required": {
        "en": "is required for a KPI of the kind {kind}: its value comes from a sample, and n says how far it "
        "can be trusted",
        "nl": "is verplicht voor een KPI van het soort {kind}: de waarde komt uit een steekproef, en n zegt "
        "hoeveel vertrouwen ze verdient",
    },
    "kpi_rules.error.sample_range": {
        "en": "must be a whole number from 1 to {high}",
        "nl": "moet een heel getal van 1 tot {high} zijn",
    },
    "kpi_rules.error.period_future": {
        "en": "must not lie after the current month: a reading reports a month that has begun",
        "nl": "mag niet na de huidige maand liggen: een meting gaat over een maand die al begonnen is",
    },
    "kpi_rules.error.target_higher": {
        "en": "must not be below the baseline ({baseline}): {kpi} improves upwards (higher is better)",
        "nl": "mag niet onder de nulmeting ({baseline}) liggen: {kpi} verbetert naar boven (hoger is beter)",
    },
    "kpi_rules.error.target_lower": {
        "en": "must not be above the baseline ({baseline}): {kpi} improves downwards (lower is better)",
        "nl": "mag niet boven de nulmeting ({baseline}) liggen: {kpi} verbetert naar beneden (lager is beter)",
    },
    "kpi_rules.error.readings_outside.1": {
        "en": "1 recorded reading lies outside {low} to {high}: correct or withdraw it first (under Readings)",
        "nl": "1 vastgelegde meting ligt buiten {low} tot {high}: corrigeer of trek die eerst in (bij Metingen)",
    },
    "kpi_rules.error.readings_outside.2": {
        "en": "{count} recorded readings lie outside {low} to {high}: correct or withdraw them first (under Readings)",
        "nl": "{count} vastgelegde metingen liggen buiten {low} tot {high}: corrigeer of trek ze eerst in "
        "(bij Metingen)",
    },
    "kpi_rules.error.withdrawn_not_corrected": {
        "en": "this reading was withdrawn and can no longer be corrected",
        "nl": "deze meting is ingetrokken en kan niet meer worden gecorrigeerd",
    },
    "kpi_rules.error.already_withdrawn": {
        "en": "this reading was already withdrawn",
        "nl": "deze meting is al ingetrokken",
    },
    # --- readings on Admin → KPIs (cxgov.ui.admin.kpi_readings) -----------------------------------------------------
    "readings.field.primary_source": {"en": "Primary source", "nl": "Primaire bron"},
    "readings.col.standing": {"en": "Counts?", "nl": "Telt mee?"},
    "readings.standing.only": {"en": "Counts", "nl": "Telt mee"},
    "readings.standing.primary": {"en": "Counts (primary source)", "nl": "Telt mee (primaire bron)"},
    "readings.standing.beside": {"en": "Shown beside, not counted", "nl": "Ernaast getoond, telt niet mee"},
    "readings.standing.disagree": {"en": "Does not count: sources disagree", "nl": "Telt niet: bronnen verschillen"},
    "readings.standing.withdrawn": {"en": "Withdrawn", "nl": "Ingetrokken"},
    "readings.col.also_reported": {"en": "Also reported", "nl": "Ook gemeld"},
    "readings.col.corrected": {"en": "Corrected", "nl": "Gecorrigeerd"},
    "readings.col.withdrawn": {"en": "Withdrawn", "nl": "Ingetrokken"},
    "readings.changed_by": {"en": "by {who}, {when}", "nl": "door {who}, {when}"},
    "readings.withdrawn_by": {"en": "by {who}, {when}: {reason}", "nl": "door {who}, {when}: {reason}"},
    "readings.col.disagreeing": {"en": "Months sources disagree", "nl": "Maanden met verschillende bronnen"},
    "readings.disagree_warning": {
        "en": "Sources disagree for {months}: several readings and none from the primary source, so none of them "
        "counts. Set this KPI's primary source (Edit a KPI → Primary source).",
        "nl": "De bronnen verschillen voor {months}: meerdere metingen en geen uit de primaire bron, dus geen "
        "ervan telt mee. Stel de primaire bron van deze KPI in (KPI wijzigen → Primaire bron).",
    },
    "readings.correct_tab": {"en": "Correct a reading", "nl": "Meting corrigeren"},
    "readings.withdraw_tab": {"en": "Withdraw a reading", "nl": "Meting intrekken"},
    "readings.none_to_change": {
        "en": "This KPI has no reading that can still be changed.",
        "nl": "Deze KPI heeft geen meting die nog kan worden gewijzigd.",
    },
    "readings.field.reason": {"en": "Reason", "nl": "Reden"},
    "readings.correct_hint": {
        "en": "The reading keeps its month and source; the old value, the new one and your reason go into the "
        "audit log.",
        "nl": "De meting houdt haar maand en bron; de oude waarde, de nieuwe en je reden komen in de auditlog.",
    },
    "readings.withdraw_hint": {
        "en": "A withdrawn reading stays in the history with who withdrew it and why, and never counts again. It "
        "cannot be corrected afterwards.",
        "nl": "Een ingetrokken meting blijft in de geschiedenis met wie haar introk en waarom, en telt nooit meer "
        "mee. Daarna kan ze niet meer worden gecorrigeerd.",
    },
    # --- health -----------------------------------------------------------------------------------------------
    "health.rule.target_date_passed": {
        "en": "its target date {due_on} passed {days} days ago and it is not finished",
        "nl": "de streefdatum {due_on} is {days} dagen geleden verstreken en het is nog niet af",
    },
    "health.outcome.not_started": {"en": "Not started", "nl": "Nog niet gestart"},
    "health.outcome.not_started_why": {
        "en": "Outcome is judged once the work has begun (the Do phase): until then nothing can have moved.",
        "nl": "Het resultaat wordt beoordeeld zodra het werk begonnen is (de Do-fase): tot dan kan er niets "
        "bewogen zijn.",
    },
    # --- credits (cxgov.models.inputs_budget, the check-in's spend) -------------------------------------------
    "credit.error.spend_not_positive": {
        "en": "must be more than 0: a check-in books spend. Book a credit (a negative amount) as an expense on "
        "the Budget tab, with its reason.",
        "nl": "moet meer dan 0 zijn: een check-in boekt uitgaven. Boek een creditering (een negatief bedrag) als "
        "uitgave op het tabblad Budget, met de reden.",
    },
    "credit.error.reason_required": {
        "en": "is required for a credit (a negative amount): say why, e.g. “supplier credit note”",
        "nl": "is verplicht bij een creditering (een negatief bedrag): zeg waarom, bijv. “creditnota leverancier”",
    },
    "credit.error.reason_only_for_credit": {
        "en": "is only for a credit: type the amount with a minus sign, or leave the reason empty for a cost",
        "nl": "hoort alleen bij een creditering: typ het bedrag met een minteken, of laat de reden leeg bij een "
        "uitgave",
    },
    "credit.field.reason": {"en": "Reason for a credit", "nl": "Reden van creditering"},
    "credit.field.reason_help": {
        "en": "Only for a negative amount (a credit or correction), e.g. “supplier credit note”.",
        "nl": "Alleen bij een negatief bedrag (een creditering of correctie), bijv. “creditnota leverancier”.",
    },
    "credit.shown": {"en": "Credit: {reason}", "nl": "Creditering: {reason}"},
}
