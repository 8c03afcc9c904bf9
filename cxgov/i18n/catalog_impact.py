"""Initiative impact: the effect estimate per linked KPI, its verdict and method, the segments the initiative ran
in, and the claimed gains against the KPIs' actual movement."""

TEXTS = {
    "impact.error.unknown_dimension": {
        "en": "choose channel, touchpoint, journey stage, department or store/region",
        "nl": "kies kanaal, contactmoment, klantreisfase, afdeling of winkel/regio",
    },
    "impact.error.unknown_segment": {
        "en": "“{segment}” is not a known value of this dimension",
        "nl": "“{segment}” is geen bekende waarde van deze dimensie",
    },
    "impact.title": {"en": "Impact", "nl": "Effect"},
    "impact.none": {
        "en": "No KPIs linked yet: the effect is estimated per linked KPI.",
        "nl": "Nog geen KPI's gekoppeld: het effect wordt per gekoppelde KPI geschat.",
    },
    "impact.caption": {
        "en": "Effect: the change the initiative made, with its 95% interval (±). Year on year compares the same "
        "calendar months a year apart, so the season cancels out; difference in differences also subtracts the "
        "change where the initiative did not run.",
        "nl": "Effect: de verandering die het initiatief teweegbracht, met het 95%-interval (±). Jaar op jaar "
        "vergelijkt dezelfde kalendermaanden een jaar eerder, zodat het seizoen wegvalt; verschil in verschillen "
        "trekt daarnaast de verandering af waar het initiatief niet liep.",
    },
    "impact.col.actual": {"en": "Actual", "nl": "Actueel"},
    "impact.col.expected_gain": {"en": "Expected gain", "nl": "Verwachte winst"},
    "impact.col.effect": {"en": "Effect ± 95%", "nl": "Effect ± 95%-marge"},
    "impact.col.verdict": {"en": "Verdict", "nl": "Oordeel"},
    "impact.col.method": {"en": "Method", "nl": "Methode"},
    "impact.verdict.significant": {"en": "significant change", "nl": "significante verandering"},
    "impact.verdict.noise": {"en": "within noise", "nl": "binnen de ruis"},
    "impact.verdict.too_few": {"en": "too few responses", "nl": "te weinig reacties"},
    "impact.verdict.no_sample": {
        "en": "no sample behind it: no interval",
        "nl": "geen steekproef: geen interval",
    },
    "impact.verdict.not_measurable": {"en": "not yet measurable: {reason}", "nl": "nog niet meetbaar: {reason}"},
    "impact.reason.no_do": {"en": "Do has not started", "nl": "Do is nog niet gestart"},
    "impact.reason.no_data": {"en": "no figures or readings", "nl": "geen cijfers of metingen"},
    "impact.reason.no_months_after": {
        "en": "no full month with figures since Do started",
        "nl": "nog geen hele maand met cijfers sinds de start van Do",
    },
    "impact.reason.no_year_earlier": {
        "en": "no figures for the same months a year earlier",
        "nl": "geen cijfers voor dezelfde maanden een jaar eerder",
    },
    "impact.reason.no_control": {
        "en": "no figures where the initiative did not run",
        "nl": "geen cijfers waar het initiatief niet liep",
    },
    "impact.method.yoy": {
        "en": "year on year, same months ({first} – {last} against a year earlier)",
        "nl": "jaar op jaar, dezelfde maanden ({first} – {last} tegen een jaar eerder)",
    },
    "impact.method.yoy_typed": {
        "en": "year on year of the readings' mean ({first} – {last})",
        "nl": "jaar op jaar van het gemiddelde van de metingen ({first} – {last})",
    },
    "impact.method.did": {
        "en": "difference in differences against {control} not in the pilot ({treated})",
        "nl": "verschil in verschillen tegen {control} buiten de pilot ({treated})",
    },
    "impact.segments.everywhere": {
        "en": "Ran everywhere: the effect is estimated year on year.",
        "nl": "Liep overal: het effect wordt jaar op jaar geschat.",
    },
    "impact.segments.ran_in": {
        "en": "Ran in {dimension}: {segments}. The rest of that dimension is the control group.",
        "nl": "Liep in {dimension}: {segments}. De rest van die dimensie is de controlegroep.",
    },
    "impact.segments.edit": {"en": "Where the initiative ran", "nl": "Waar het initiatief liep"},
    "impact.segments.dimension": {"en": "Dimension", "nl": "Dimensie"},
    "impact.segments.values": {"en": "Segments", "nl": "Segmenten"},
    "impact.segments.help": {
        "en": "Leave empty when it ran everywhere.",
        "nl": "Laat leeg als het overal liep.",
    },
    "impact.segments.save": {"en": "Save the segments", "nl": "Segmenten opslaan"},
    "impact.dimension.channel": {"en": "channel", "nl": "kanaal"},
    "impact.dimension.touchpoint": {"en": "touchpoint", "nl": "contactmoment"},
    "impact.dimension.journey_stage": {"en": "journey stage", "nl": "klantreisfase"},
    "impact.dimension.department": {"en": "department", "nl": "afdeling"},
    "impact.dimension.region": {"en": "store/region", "nl": "winkel/regio"},
    "health.outcome.effect_wrong_way": {
        "en": "{kpi}: the initiative's effect is {effect} ± {margin}, a significant change in the wrong direction.",
        "nl": "{kpi}: het effect van het initiatief is {effect} ± {margin}, een significante verandering de "
        "verkeerde kant op.",
    },
    "health.outcome.effect_short": {
        "en": "{kpi}: the initiative's effect is {effect} ± {margin}, far short of the expected gain of {expected}.",
        "nl": "{kpi}: het effect van het initiatief is {effect} ± {margin}, ver onder de verwachte winst van "
        "{expected}.",
    },
    "pdca.criterion.effect_or_result": {
        "en": "an effect estimate of the target KPI with enough responses behind it, or a written result (What was "
        "done)",
        "nl": "een effectschatting van de doel-KPI met genoeg reacties erachter, of een geschreven resultaat (Wat is "
        "er gedaan)",
    },
    "claims.none": {
        "en": "No open initiative claims a gain on a KPI yet.",
        "nl": "Nog geen open initiatief claimt winst op een KPI.",
    },
    "claims.not_measurable": {"en": "not measurable yet", "nl": "nog niet meetbaar"},
    "claims.claim.1": {"en": "1 initiative claims {gain} {kpi}", "nl": "1 initiatief claimt {gain} {kpi}"},
    "claims.claim.2": {"en": "{n} initiatives claim {gain} {kpi}", "nl": "{n} initiatieven claimen {gain} {kpi}"},
    "claims.sentence": {"en": "{claim}; {kpi} moved {moved}", "nl": "{claim}; {kpi} bewoog {moved}"},
    "claims.col.kpi": {"en": "KPI", "nl": "KPI"},
    "claims.col.initiatives": {"en": "Open initiatives claiming", "nl": "Open initiatieven met een claim"},
    "claims.col.claimed": {"en": "Claimed gain (sum)", "nl": "Geclaimde winst (som)"},
    "claims.col.moved": {
        "en": "Actual movement (last full quarter, year on year)",
        "nl": "Werkelijke beweging (laatste hele kwartaal, jaar op jaar)",
    },
    "claims.col.exceeds": {"en": "Claims exceed it", "nl": "Claims groter"},
    "claims.exceeding.1": {
        "en": "On 1 of the {total} KPIs claimed on, the open initiatives claim more than the KPI moved:",
        "nl": "Op 1 van de {total} KPI's met claims claimen de open initiatieven meer dan de KPI bewoog:",
    },
    "claims.exceeding.2": {
        "en": "On {n} of the {total} KPIs claimed on, the open initiatives claim more than the KPI moved; the "
        "most-claimed:",
        "nl": "Op {n} van de {total} KPI's met claims claimen de open initiatieven meer dan de KPI bewoog; de "
        "meest geclaimde:",
    },
    "claims.caption": {
        "en": "Claimed gain: the sum of target − baseline of the open initiatives on the KPI. Movement: the latest "
        "full quarter against the same quarter a year earlier, with its 95% interval. Claims that add up to more "
        "than even the favourable end of the movement count the same improvement more than once.",
        "nl": "Geclaimde winst: de som van doel − nulmeting van de open initiatieven op de KPI. Beweging: het "
        "laatste hele kwartaal tegen hetzelfde kwartaal een jaar eerder, met het 95%-interval. Claims die samen "
        "meer zijn dan zelfs de gunstige kant van de beweging tellen dezelfde verbetering meer dan eens.",
    },
}
