"""Personal data out of comments (cxgov.io.redact): a Dutch corpus of what must go and what must stay."""

import pytest

from cxgov.i18n import TEXTS
from cxgov.io.redact import PLACEHOLDERS, redact


@pytest.mark.parametrize(
    ("text", "redacted", "kinds"),
    [
        ("Mail me op jan.jansen+cx@voorbeeld.nl aub", "Mail me op [e-mail] aub", ["email"]),
        ("Bel 06-12345678 of 06 1234 5678", "Bel [phone] of [phone]", ["phone"]),
        ("Mijn nummer: +31 6 12345678.", "Mijn nummer: [phone].", ["phone"]),
        ("0031612345678 graag terugbellen", "[phone] graag terugbellen", ["phone"]),
        ("Kantoor 020-1234567, privé 010 123 45 67", "Kantoor [phone], privé [phone]", ["phone"]),
        ("UK: +44 20 7946 0958", "UK: [phone]", ["phone"]),
        ("Ik woon op 1234 AB 12, kom langs", "Ik woon op [postcode], kom langs", ["postcode"]),
        ("Adres: 1234AB 12a", "Adres: [postcode]", ["postcode"]),
        ("Kerkstraat 12, 1234 AB Utrecht", "[address], [postcode] Utrecht", ["postcode", "address"]),
        ("Over ordernummer 123456: nooit geleverd", "Over ordernummer [order]: nooit geleverd", ["order"]),
        ("bestelnummer 12345678 kwam niet", "bestelnummer [order] kwam niet", ["order"]),
        ("Order #1234567 is kwijt", "Order #[order] is kwijt", ["order"]),
        ("Zie #1234567 en klantnr. AB-12345", "Zie [order] en klantnr. [order]", ["order"]),
        ("Referentie 98765432109 graag", "Referentie [order] graag", ["order"]),
        ("Stort terug op NL91ABNA0417164300", "Stort terug op [iban]", ["iban"]),
        ("IBAN NL91 ABNA 0417 1643 00 graag", "IBAN [iban] graag", ["iban"]),
        ("Mijn naam is Jan de Vries en ik wacht al weken", "Mijn naam is [name] en ik wacht al weken", ["name"]),
        ("mijn naam is piet, bel me", "mijn naam is [name], bel me", ["name"]),
        ("My name is Sarah O'Brien.", "My name is [name].", ["name"]),
        ("Ik ben Fatima El Amrani, vaste klant", "Ik ben [name], vaste klant", ["name"]),
        ("Dank!\nMet vriendelijke groet,\nKarin van der Berg", "Dank!\nMet vriendelijke groet,\n[name]", ["name"]),
        ("Mevrouw Bakker aan de balie was onvriendelijk", "Mevrouw [name] aan de balie was onvriendelijk", ["name"]),
        ("Groetjes, Anouk", "Groetjes, [name]", ["name"]),
        ("Gr. Anne-Marie", "Gr. [name]", ["name"]),
    ],
)
def test_personal_data_is_replaced(text, redacted, kinds):
    assert redact(text) == (redacted, kinds)


@pytest.mark.parametrize(
    "text",
    [
        "Ik geef een 8, levering duurde 2 dagen",
        "Kostte € 12,50 en later € 1.234,56 voor de bank",
        "Besteld op 06-03-2025 om 14:30, geleverd 12-03-2025 10:15",
        "Op 01-02-2025 12 uur gewacht",
        "NPS 2024 was 35, in 2025 en 2026 beter",
        "ik ben erg tevreden over de service",
        "Score 9/10, 100% tevreden, 3 keer gebeld",
        "Wachttijd 45 minuten, 1.000 klanten voor mij",
        "De app (versie 5.12.3) crasht",
        "Ik bel wel naar 0800-0000? Nee, die werkt niet",
    ],
)
def test_ordinary_text_is_left_alone(text):
    assert redact(text) == (text, [])


def test_a_company_may_name_its_own_order_words():
    assert redact("Pakbon 445566 mist", order_words=("pakbon",)) == ("Pakbon [order] mist", ["order"])
    assert redact("Pakbon 445566 mist") == ("Pakbon 445566 mist", [])


def test_what_the_name_rule_cannot_catch():
    """Names said without an introducing phrase stay: the rule matches phrases, it does not know names."""
    assert redact("Jan van de servicedesk hielp goed") == ("Jan van de servicedesk hielp goed", [])


def test_every_kind_has_a_label():
    assert all(f"import.redacted.{kind}" in TEXTS for kind in PLACEHOLDERS)
