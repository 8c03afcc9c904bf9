"""The PDCA record on the initiative page: the A3 boxes, the moves with their criteria, approval, Act."""

TEXTS = {
    "programs.tab.pdca": {"en": "PDCA record", "nl": "PDCA-verslag"},
    "pdca.cycle_title": {"en": "Cycle {n} · {phase}", "nl": "Cyclus {n} · {phase}"},
    "pdca.field.background": {"en": "Background", "nl": "Achtergrond"},
    "pdca.lesson_from_cycle": {"en": "Lesson from cycle {n}: {lesson}", "nl": "Les uit cyclus {n}: {lesson}"},
    "pdca.field.current_condition": {"en": "Current condition", "nl": "Huidige situatie"},
    "pdca.field.target_kpi_id": {"en": "Target KPI", "nl": "Doel-KPI"},
    "pdca.field.baseline_value": {"en": "Baseline", "nl": "Nulmeting"},
    "pdca.field.target_value": {"en": "Target", "nl": "Doel"},
    "pdca.field.target_date": {"en": "Target date", "nl": "Doeldatum"},
    "pdca.field.root_cause": {"en": "Root cause", "nl": "Grondoorzaak"},
    "pdca.field.hypothesis": {"en": "Countermeasure (if … then …)", "nl": "Tegenmaatregel (als … dan …)"},
    "pdca.field.done_summary": {"en": "What was done", "nl": "Wat is er gedaan"},
    "pdca.field.check_result": {"en": "Check result", "nl": "Resultaat van de check"},
    "pdca.field.check_sample_size": {"en": "Sample size (n)", "nl": "Steekproefgrootte (n)"},
    "pdca.field.act_decision": {"en": "Act decision", "nl": "Besluit (Act)"},
    "pdca.field.lesson": {"en": "Lesson learned", "nl": "Geleerde les"},
    "pdca.field.reason": {"en": "Reason", "nl": "Reden"},
    "pdca.field.decision": {"en": "Decision", "nl": "Besluit"},
    "pdca.hypothesis_help": {
        "en": "If we … then … (measured by the target KPI).",
        "nl": "Als we … dan … (gemeten met de doel-KPI).",
    },
    "pdca.target_line": {
        "en": "{kpi}: from {baseline} to {target} by {date}",
        "nl": "{kpi}: van {baseline} naar {target} vóór {date}",
    },
    "pdca.empty_box": {"en": "Not filled in yet.", "nl": "Nog niet ingevuld."},
    "pdca.edit_record": {"en": "Edit the record", "nl": "Verslag bewerken"},
    "pdca.save_record": {"en": "Save the record", "nl": "Verslag opslaan"},
    "pdca.draft_from_readings": {
        "en": "First draft from the KPI readings: {summary}",
        "nl": "Eerste opzet uit de KPI-metingen: {summary}",
    },
    "pdca.move_to": {"en": "Move to {phase}", "nl": "Naar {phase}"},
    "pdca.unmet_intro": {
        "en": "Not everything this step expects is there yet:",
        "nl": "Nog niet alles wat deze stap verwacht is er:",
    },
    "pdca.proceed_anyway": {"en": "Proceed anyway", "nl": "Toch doorgaan"},
    "pdca.proceed_reason": {"en": "Why proceed anyway? (recorded)", "nl": "Waarom toch doorgaan? (wordt vastgelegd)"},
    "pdca.moved": {"en": "Moved to {phase}.", "nl": "Naar {phase}."},
    "pdca.needs_approval_note": {
        "en": "This proposal needs approval before work (Do) can start: a decision on the status panel above.",
        "nl": "Dit voorstel moet worden goedgekeurd voordat het werk (Do) kan beginnen: een besluit in het "
        "statusblok hierboven.",
    },
    "pdca.decide": {"en": "Record the Act decision", "nl": "Besluit (Act) vastleggen"},
    "pdca.decided": {"en": "Decision recorded.", "nl": "Besluit vastgelegd."},
    "pdca.decision_help": {
        "en": "Standardise: make it business as usual (completed). Adjust: a new cycle opens in Plan with this lesson "
        "and the same target. Abandon: stop (cancelled); the lesson is kept.",
        "nl": "Standaardiseren: staande praktijk maken (afgerond). Bijstellen: een nieuwe cyclus begint in Plan met "
        "deze les en hetzelfde doel. Stoppen: beëindigen (geannuleerd); de les blijft bewaard.",
    },
    "pdca.transitions": {"en": "Moves through the phases", "nl": "Stappen door de fasen"},
    "pdca.col.moved_at": {"en": "When", "nl": "Wanneer"},
    "pdca.col.move": {"en": "Move", "nl": "Stap"},
    "pdca.col.moved_by": {"en": "Who", "nl": "Wie"},
    "pdca.col.reason": {"en": "Reason", "nl": "Reden"},
    "pdca.col.overridden": {"en": "Proceeded without", "nl": "Doorgegaan zonder"},
    "pdca.earlier_cycles": {"en": "Earlier cycles", "nl": "Eerdere cycli"},
    "pdca.criterion.hypothesis": {
        "en": "a countermeasure written as an if-then hypothesis",
        "nl": "een tegenmaatregel als als-dan-hypothese",
    },
    "pdca.criterion.kpi_baseline_target": {
        "en": "a target KPI with a baseline and a target value",
        "nl": "een doel-KPI met een nulmeting en een doelwaarde",
    },
    "pdca.criterion.budget_line": {
        "en": "a budget line with a planned amount",
        "nl": "een budgetregel met een gepland bedrag",
    },
    "pdca.criterion.reading_or_result": {
        "en": "a reading of the target KPI since Do started, or a written result (What was done)",
        "nl": "een meting van de doel-KPI sinds de start van Do, of een geschreven resultaat (Wat is er gedaan)",
    },
    "pdca.criterion.check_result": {"en": "a check result", "nl": "een resultaat van de check"},
    "pdca.error.criteria_not_met": {
        "en": "{count} expectation(s) of this step are not met: give a reason to proceed anyway",
        "nl": "aan {count} verwachting(en) van deze stap is niet voldaan: geef een reden om toch door te gaan",
    },
    "pdca.error.needs_approval": {
        "en": "needs approval first: work (Do) starts only on an approved initiative",
        "nl": "moet eerst worden goedgekeurd: het werk (Do) begint alleen bij een goedgekeurd initiatief",
    },
    "pdca.error.decide_in_act": {
        "en": "the cycle is in Act: record the Act decision instead",
        "nl": "de cyclus is in Act: leg het besluit vast",
    },
    "pdca.error.not_moving": {
        "en": "an initiative that is {status} does not move through the phases",
        "nl": "een initiatief met status {status} gaat niet door de fasen",
    },
    "pdca.error.not_in_act": {
        "en": "the open cycle is not waiting for an Act decision",
        "nl": "de open cyclus wacht niet op een besluit",
    },
    "pdca.error.phase_by_move": {
        "en": "changes only through the moves of the PDCA record on the initiative page",
        "nl": "verandert alleen via de stappen in het PDCA-verslag op de initiatiefpagina",
    },
    "page.lessons": {"en": "Lessons library", "nl": "Lessenbibliotheek"},
    "lessons.intro": {
        "en": "What every initiative learned when it decided in Act: success stories (standardised), adjustments "
        "and stops. Search them before you plan a new cycle.",
        "nl": "Wat elk initiatief leerde bij het besluit in Act: succesverhalen (gestandaardiseerd), bijstellingen "
        "en stops. Zoek hier voordat je een nieuwe cyclus plant.",
    },
    "lessons.search": {"en": "Search lessons and titles", "nl": "Zoek in lessen en titels"},
    "lessons.search_hint": {"en": "e.g. invoice, handwritten, chat", "nl": "bijv. factuur, handgeschreven, chat"},
    "lessons.decision": {"en": "Decision", "nl": "Besluit"},
    "lessons.decision.standardise": {"en": "Success story", "nl": "Succesverhaal"},
    "lessons.decision.adjust": {"en": "Adjusted", "nl": "Bijgesteld"},
    "lessons.decision.abandon": {"en": "Stopped", "nl": "Gestopt"},
    "lessons.col.lesson": {"en": "Lesson learned", "nl": "Geleerde les"},
    "lessons.col.decided_on": {"en": "Decided", "nl": "Besloten"},
    "lessons.empty": {
        "en": "No lessons yet: they appear here when an initiative records its Act decision.",
        "nl": "Nog geen lessen: ze verschijnen hier zodra een initiatief zijn besluit in Act vastlegt.",
    },
    "lessons.count.2": {"en": "{n} lessons", "nl": "{n} lessen"},
    "lessons.count.1": {"en": "1 lesson", "nl": "1 les"},
    "pdca.field.lane": {"en": "Lane", "nl": "Spoor"},
    "pdca.field.result": {"en": "Result", "nl": "Resultaat"},
    "pdca.quick.title": {"en": "Quick fix", "nl": "Snelle verbetering"},
    "pdca.quick.problem": {"en": "Problem", "nl": "Probleem"},
    "pdca.quick.change": {"en": "Change", "nl": "Verandering"},
    "pdca.quick.result": {"en": "Result", "nl": "Resultaat"},
    "pdca.quick.save": {"en": "Save problem and change", "nl": "Probleem en verandering opslaan"},
    "pdca.quick.done": {"en": "Record the result: done", "nl": "Resultaat vastleggen: klaar"},
    "pdca.quick.completed": {"en": "Quick fix completed.", "nl": "Snelle verbetering afgerond."},
    "pdca.lane.change": {"en": "Change lane", "nl": "Spoor wijzigen"},
    "pdca.lane.reason": {"en": "Why make it a {lane}? (recorded)", "nl": "Waarom een {lane} maken? (wordt vastgelegd)"},
    "pdca.lane.submit": {"en": "Make it a {lane}", "nl": "Maak er een {lane} van"},
    "pdca.lane.changed": {"en": "Now a {lane}.", "nl": "Nu een {lane}."},
    "pdca.error.same_lane": {"en": "is already this lane", "nl": "is al dit spoor"},
    "pdca.error.not_quick_fix": {
        "en": "only a quick fix is finished this way; a project decides in Act",
        "nl": "alleen een snelle verbetering wordt zo afgerond; een project besluit in Act",
    },
    "pdca.error.lane_by_change": {
        "en": "changes with a reason, through Change lane on the initiative page",
        "nl": "verandert met een reden, via Spoor wijzigen op de initiatiefpagina",
    },
}
