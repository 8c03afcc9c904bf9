"""What an import matches a file's text against: the KPIs, the journey stages and channels, the departments.

Matching ignores case, accents, spaces and punctuation ("Winkel", "winkel ", "WINKEL" are one value) and knows
the Dutch words people write for the standard lists (winkel → the store channel, bezorging → the delivery
stage). A value that matches nothing is never made into a new segment: the import shows it, and the user maps it
or the file is refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cxgov.io.columns import normalise
from cxgov.models import KpiKind

# Dimensions whose values must be one of a list; touchpoint and store/region are free text.
LISTED = ("channel", "journey_stage", "department")
# Words in files for the standard lists' codes (the demo's lists, which installations start from). A synonym of a
# code the installation does not have matches nothing.
SYNONYMS: dict[str, dict[str, str]] = {
    "channel": {
        "winkel": "store",
        "filiaal": "store",
        "vestiging": "store",
        "shop": "store",
        "telefoon": "phone",
        "telefonisch": "phone",
        "callcenter": "phone",
        "klantenservice telefoon": "phone",
        "website": "web",
        "webwinkel": "web",
        "online": "web",
        "web": "web",
        "e mail": "invoice_email",
        "email": "invoice_email",
        "mail": "invoice_email",
        "factuur": "invoice_email",
        "bezorger": "delivery_crew",
        "bezorgers": "delivery_crew",
        "monteur": "delivery_crew",
        "whats app": "whatsapp",
        "livechat": "chat",
        "mobiele app": "app",
    },
    "journey_stage": {
        "bezorging": "delivery_installation",
        "levering": "delivery_installation",
        "installatie": "delivery_installation",
        "bezorgen": "delivery_installation",
        "delivery": "delivery_installation",
        "installation": "delivery_installation",
        "orientatie": "orientation",
        "aankoop": "purchase",
        "bestellen": "purchase",
        "bestelling": "purchase",
        "betaling": "payment",
        "gebruik": "use",
        "service": "service_returns",
        "retour": "service_returns",
        "retouren": "service_returns",
        "returns": "service_returns",
        "reparatie": "service_returns",
    },
}


@dataclass(frozen=True)
class KpiRef:
    """A KPI a file's rows may name, by code or by name."""

    id: int
    code: str
    name: str
    kind: KpiKind


@dataclass(frozen=True)
class ListValue:
    """A value of a listed dimension: its id, code (departments: none) and the names it is known by."""

    id: int
    code: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class Catalogue:
    """The KPIs and listed values an import matches against, read from the database once per file."""

    kpis: tuple[KpiRef, ...]
    lists: dict[str, tuple[ListValue, ...]] = field(default_factory=dict)

    def kpi_index(self) -> dict[str, KpiRef]:
        """Normalised code and name → KPI (a code wins over another KPI's name)."""
        index = {normalise(kpi.name): kpi for kpi in self.kpis}
        index.update({normalise(kpi.code): kpi for kpi in self.kpis})
        return index

    def list_index(self, dimension: str) -> dict[str, int]:
        """Normalised code, names and synonyms → the value's id, for one listed dimension."""
        values = self.lists.get(dimension, ())
        by_code = {normalise(value.code): value.id for value in values if value.code}
        index = {
            normalise(word): by_code[normalise(code)]
            for word, code in SYNONYMS.get(dimension, {}).items()
            if normalise(code) in by_code
        }
        for value in values:
            index.update({normalise(name): value.id for name in value.names if name})
        index.update(by_code)
        return index

    def list_names(self, dimension: str, language: str = "en") -> dict[int, str]:
        """id → the name shown for a listed value (English first, Dutch second in `names`)."""
        position = 1 if language == "nl" else 0
        return {
            value.id: value.names[min(position, len(value.names) - 1)] if value.names else value.code
            for value in self.lists.get(dimension, ())
        }
