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
}
