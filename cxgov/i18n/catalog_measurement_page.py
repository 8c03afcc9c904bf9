"""The Measurement page: KPI colours against their targets, the targets per period, the KPI catalogue, trends,
segment breakdowns, and CX against business."""

TEXTS = {
    "entity.kpi_target": {"en": "KPI target", "nl": "KPI-doel"},
    # --- a KPI's colour against its target (cxgov.rules.kpi_status) ---
    "kpi_status.no_target": {"en": "{kpi}: no target set", "nl": "{kpi}: geen doel ingesteld"},
    "kpi_status.no_value": {"en": "{kpi}: no value yet", "nl": "{kpi}: nog geen waarde"},
    "kpi_status.too_few": {
        "en": "{kpi}: too few responses this month (n = {n})",
        "nl": "{kpi}: te weinig antwoorden deze maand (n = {n})",
    },
    "kpi_status.meets": {"en": "{kpi} {value} meets target {target}", "nl": "{kpi} {value} haalt doel {target}"},
    "kpi_status.meets_margin": {
        "en": "{kpi} {value} ± {margin} meets target {target}",
        "nl": "{kpi} {value} ± {margin} haalt doel {target}",
    },
    "kpi_status.misses_below": {
        "en": "{kpi} {value} below target {target}",
        "nl": "{kpi} {value} onder doel {target}",
    },
    "kpi_status.misses_above": {
        "en": "{kpi} {value} above target {target}",
        "nl": "{kpi} {value} boven doel {target}",
    },
    "kpi_status.misses_below_margin": {
        "en": "{kpi} {value} ± {margin} below target {target}",
        "nl": "{kpi} {value} ± {margin} onder doel {target}",
    },
    "kpi_status.misses_above_margin": {
        "en": "{kpi} {value} ± {margin} above target {target}",
        "nl": "{kpi} {value} ± {margin} boven doel {target}",
    },
    "kpi_status.within_below": {
        "en": "{kpi} {value} ± {margin} below target {target}, within the margin: may be noise",
        "nl": "{kpi} {value} ± {margin} onder doel {target}, binnen de marge: kan ruis zijn",
    },
    "kpi_status.within_above": {
        "en": "{kpi} {value} ± {margin} above target {target}, within the margin: may be noise",
        "nl": "{kpi} {value} ± {margin} boven doel {target}, binnen de marge: kan ruis zijn",
    },
    # --- targets per period (cxgov.services.kpi_targets) ---
    "kpi_targets.error.set_meanwhile": {
        "en": "someone set a target for this month at the same moment: reload and try again",
        "nl": "iemand stelde op hetzelfde moment een doel voor deze maand in: laad opnieuw en probeer het nog eens",
    },
    # --- the Measurement page ---
    "measurement_page.tab.overview": {
        "en": "Overview",
        "nl": "Overzicht",
    },
    "measurement_page.tab.kpis": {
        "en": "KPIs",
        "nl": "KPI's",
    },
    "measurement_page.tab.cx_business": {
        "en": "CX and business",
        "nl": "CX en business",
    },
    "measurement_page.no_kpis": {
        "en": "No active KPIs yet: add them under Admin → KPIs.",
        "nl": "Nog geen actieve KPI's: voeg ze toe onder Beheer → KPI's.",
    },
    "measurement_page.catalogue.header": {
        "en": "KPI catalogue",
        "nl": "KPI-catalogus",
    },
    "measurement_page.catalogue.about": {
        "en": "Every active KPI with its latest value and 95% margin (±), its colour against the target in force in that month and why. A value from fewer than {min_n} responses is indicative: it gets no colour.",
        "nl": "Elke actieve KPI met de laatste waarde en 95%-marge (±), de kleur tegen het doel dat die maand gold en waarom. Een waarde uit minder dan {min_n} antwoorden is indicatief: die krijgt geen kleur.",
    },
    "measurement_page.col.name": {
        "en": "KPI",
        "nl": "KPI",
    },
    "measurement_page.col.status": {
        "en": "Status",
        "nl": "Status",
    },
    "measurement_page.col.reason": {
        "en": "Why",
        "nl": "Waarom",
    },
    "measurement_page.col.latest": {
        "en": "Latest (± margin)",
        "nl": "Laatste (± marge)",
    },
    "measurement_page.col.n": {
        "en": "n",
        "nl": "n",
    },
    "measurement_page.col.period": {
        "en": "Month",
        "nl": "Maand",
    },
    "measurement_page.col.indicative": {
        "en": "Indicative",
        "nl": "Indicatief",
    },
    "measurement_page.col.target_now": {
        "en": "Target now",
        "nl": "Doel nu",
    },
    "measurement_page.col.targets": {
        "en": "Targets per period",
        "nl": "Doelen per periode",
    },
    "measurement_page.col.kind": {
        "en": "Kind",
        "nl": "Soort",
    },
    "measurement_page.col.scale": {
        "en": "Scale",
        "nl": "Schaal",
    },
    "measurement_page.col.direction": {
        "en": "Direction",
        "nl": "Richting",
    },
    "measurement_page.col.owner": {
        "en": "Owner",
        "nl": "Eigenaar",
    },
    "measurement_page.col.source": {
        "en": "Primary source",
        "nl": "Primaire bron",
    },
    "measurement_page.col.method": {
        "en": "Method",
        "nl": "Methode",
    },
    "measurement_page.col.description": {
        "en": "Definition",
        "nl": "Definitie",
    },
    "measurement_page.col.segment": {
        "en": "Segment",
        "nl": "Deelgroep",
    },
    "measurement_page.col.valid_from": {
        "en": "From",
        "nl": "Vanaf",
    },
    "measurement_page.col.target": {
        "en": "Target",
        "nl": "Doel",
    },
    "measurement_page.col.in_force": {
        "en": "In force",
        "nl": "Geldt",
    },
    "measurement_page.col.set_by": {
        "en": "Set by",
        "nl": "Ingesteld door",
    },
    "measurement_page.scale": {
        "en": "{low} to {high}",
        "nl": "{low} tot {high}",
    },
    "measurement_page.target_from": {
        "en": "from {month}: {target}",
        "nl": "vanaf {month}: {target}",
    },
    "measurement_page.indicative_mark": {
        "en": "indicative",
        "nl": "indicatief",
    },
    "measurement_page.in_force_now": {
        "en": "now",
        "nl": "nu",
    },
    "measurement_page.kpi.header": {
        "en": "One KPI",
        "nl": "Eén KPI",
    },
    "measurement_page.kpi.choose": {
        "en": "KPI",
        "nl": "KPI",
    },
    "measurement_page.method": {
        "en": "Method: {method}",
        "nl": "Methode: {method}",
    },
    "measurement_page.no_readings": {
        "en": "No readings for this KPI in the last two years.",
        "nl": "Geen metingen voor deze KPI in de afgelopen twee jaar.",
    },
    "measurement_page.trend_title": {
        "en": "{name}: the last {months} months",
        "nl": "{name}: de laatste {months} maanden",
    },
    "measurement_page.trend_note": {
        "en": "The band is the 95% margin of values computed from survey responses; hollow points rest on fewer than {min_n} responses; the dashed line is the same month a year earlier; the step line is the target in force each month.",
        "nl": "De band is de 95%-marge van waarden die uit enquêteantwoorden berekend zijn; open punten rusten op minder dan {min_n} antwoorden; de gestippelde lijn is dezelfde maand een jaar eerder; de traplijn is het doel dat elke maand gold.",
    },
    "measurement_page.legend.band": {
        "en": "95% margin",
        "nl": "95%-marge",
    },
    "measurement_page.legend.indicative": {
        "en": "indicative (n < {min_n})",
        "nl": "indicatief (n < {min_n})",
    },
    "measurement_page.legend.firm": {
        "en": "n large enough",
        "nl": "n groot genoeg",
    },
    "measurement_page.legend.last_year": {
        "en": "last year",
        "nl": "vorig jaar",
    },
    "measurement_page.legend.target": {
        "en": "target",
        "nl": "doel",
    },
    "measurement_page.targets.header": {
        "en": "Targets per period",
        "nl": "Doelen per periode",
    },
    "measurement_page.targets.none": {
        "en": "No target set for this KPI.",
        "nl": "Geen doel ingesteld voor deze KPI.",
    },
    "measurement_page.targets.now": {
        "en": "Target in force now: {target}",
        "nl": "Doel dat nu geldt: {target}",
    },
    "measurement_page.targets.set": {
        "en": "Set a target from a month on",
        "nl": "Een doel instellen vanaf een maand",
    },
    "measurement_page.targets.save": {
        "en": "Save target",
        "nl": "Doel opslaan",
    },
    "measurement_page.targets.saved": {
        "en": "Target saved.",
        "nl": "Doel opgeslagen.",
    },
    "measurement_page.targets.remove": {
        "en": "Remove a target",
        "nl": "Een doel verwijderen",
    },
    "measurement_page.targets.remove_button": {
        "en": "Remove target",
        "nl": "Doel verwijderen",
    },
    "measurement_page.targets.removed": {
        "en": "Target removed: its months fall back to the target before it.",
        "nl": "Doel verwijderd: de maanden vallen terug op het doel ervoor.",
    },
    "measurement_page.field.valid_from": {
        "en": "From month",
        "nl": "Vanaf maand",
    },
    "measurement_page.field.valid_from_help": {
        "en": "Any day of the month: the target holds from that month on, until the next target.",
        "nl": "Een dag in de maand: het doel geldt vanaf die maand, tot het volgende doel.",
    },
    "measurement_page.field.target": {
        "en": "Target",
        "nl": "Doel",
    },
    "measurement_page.field.kpi_id": {
        "en": "KPI",
        "nl": "KPI",
    },
    "measurement_page.field.seen_version": {
        "en": "Version",
        "nl": "Versie",
    },
    "measurement_page.field.which": {
        "en": "Target",
        "nl": "Doel",
    },
    "measurement_page.segments.header": {
        "en": "Per segment",
        "nl": "Per deelgroep",
    },
    "measurement_page.segments.by": {
        "en": "Break down by",
        "nl": "Uitsplitsen naar",
    },
    "measurement_page.segments.typed": {
        "en": "{name} is typed in per month, not computed from survey answers, so it has no figures per segment.",
        "nl": "{name} wordt per maand ingevoerd, niet berekend uit enquêteantwoorden, en heeft dus geen cijfers per "
        "segment.",
    },
    "measurement_page.segments.none": {
        "en": "No figures per {dimension} for this KPI: its responses carry none.",
        "nl": "Geen cijfers per {dimension} voor deze KPI: de antwoorden hebben er geen.",
    },
    "measurement_page.segments.title": {
        "en": "{name} per {dimension}, {quarter}",
        "nl": "{name} naar {dimension}, {quarter}",
    },
    "measurement_page.segments.note": {
        "en": "The latest quarter with figures: {quarter} (from {first}). Whiskers are the 95% margin; hollow points are indicative.",
        "nl": "Het laatste kwartaal met cijfers: {quarter} (vanaf {first}). De snorharen zijn de 95%-marge; open punten zijn indicatief.",
    },
    "measurement_page.segments.consistency": {
        "en": "Customers notice consistency across touchpoints: one weak touchpoint colours the whole experience more than an average shows.",
        "nl": "Klanten merken consistentie over contactmomenten: één zwak contactmoment kleurt de hele ervaring sterker dan een gemiddelde laat zien.",
    },
    "measurement_page.quarter": {
        "en": "Q{quarter} {year}",
        "nl": "K{quarter} {year}",
    },
    "measurement_page.dimension.channel": {
        "en": "Channel",
        "nl": "Kanaal",
    },
    "measurement_page.dimension.touchpoint": {
        "en": "Touchpoint",
        "nl": "Contactmoment",
    },
    "measurement_page.dimension.journey_stage": {
        "en": "Journey stage",
        "nl": "Klantreisfase",
    },
    "measurement_page.dimension.department": {
        "en": "Department",
        "nl": "Afdeling",
    },
    "measurement_page.dimension.region": {
        "en": "Store/region",
        "nl": "Winkel/regio",
    },
    "measurement_page.cx.header": {
        "en": "CX and business",
        "nl": "CX en business",
    },
    "measurement_page.cx.need_both": {
        "en": "Choose from a CX KPI and a business or operational KPI: the catalogue needs at least one of each.",
        "nl": "Kies uit een CX-KPI en een business- of operationele KPI: de catalogus heeft van elk minstens één nodig.",
    },
    "measurement_page.cx.cx_kpi": {
        "en": "CX KPI",
        "nl": "CX-KPI",
    },
    "measurement_page.cx.business_kpi": {
        "en": "Business KPI",
        "nl": "Business-KPI",
    },
    "measurement_page.cx.lag": {
        "en": "Business follows CX by … months",
        "nl": "Business volgt CX na … maanden",
    },
    "measurement_page.cx.lag_help": {
        "en": "Each CX month is paired with the business KPI this many months later.",
        "nl": "Elke CX-maand wordt gekoppeld aan de business-KPI zoveel maanden later.",
    },
    "measurement_page.cx.too_few": {
        "en": "Too few months to compare: {n} month(s) have both values at this lag, at least {needed} are needed.",
        "nl": "Te weinig maanden om te vergelijken: {n} maand(en) hebben beide waarden bij deze vertraging, er zijn er minstens {needed} nodig.",
    },
    "measurement_page.cx.title": {
        "en": "{cx} and {business}",
        "nl": "{cx} en {business}",
    },
    "measurement_page.cx.business_later.0": {"en": "{name} (the same month)", "nl": "{name} (dezelfde maand)"},
    "measurement_page.cx.business_later.1": {"en": "{name} (1 month later)", "nl": "{name} (1 maand later)"},
    "measurement_page.cx.business_later.2": {"en": "{name} ({n} months later)", "nl": "{name} ({n} maanden later)"},
    "measurement_page.cx.r": {
        "en": "Correlation r",
        "nl": "Correlatie r",
    },
    "measurement_page.cx.r_help": {
        "en": "Pearson's r: +1 both rise together, −1 one falls as the other rises, 0 no straight-line relation.",
        "nl": "Pearson's r: +1 beide stijgen samen, −1 de een daalt als de ander stijgt, 0 geen rechtlijnig verband.",
    },
    "measurement_page.cx.interval": {
        "en": "95% interval {low} to {high}, over n = {n} months.",
        "nl": "95%-interval {low} tot {high}, over n = {n} maanden.",
    },
    "measurement_page.cx.no_interval": {
        "en": "No interval from {n} months: at least 4 are needed.",
        "nl": "Geen interval uit {n} maanden: er zijn er minstens 4 nodig.",
    },
    "measurement_page.cx.no_r": {
        "en": "No correlation over these {n} months: one of the series does not move.",
        "nl": "Geen correlatie over deze {n} maanden: een van de reeksen beweegt niet.",
    },
    "measurement_page.cx.caveat": {
        "en": "A correlation is not a cause. Seasons move both series (December lifts sales and strains service alike), and a third factor — a price change, a campaign, the economy — can drive both. The lag only orders the months; it proves nothing about which moves which.",
        "nl": "Een correlatie is geen oorzaak. Seizoenen bewegen beide reeksen (december stuwt de omzet en belast de service), en een derde factor — een prijswijziging, een campagne, de economie — kan beide sturen. De vertraging ordent alleen de maanden; ze bewijst niet wat wat beweegt.",
    },
}
