"""Personal data taken out of free text before it is stored: e-mail, phone, IBAN, address, order numbers, names.

Patterns, not understanding: names are caught only where a phrase introduces them ("mijn naam is", a greeting,
"meneer"/"mevrouw"); a name mentioned any other way stays in the text.
"""

from __future__ import annotations

import re
from functools import cache

# Words that introduce an order, invoice or customer number; callers may pass their own list.
ORDER_WORDS = (
    "order", "ordernummer", "ordernr", "bestelling", "bestelnummer", "bestelnr", "factuur", "factuurnummer",
    "factuurnr", "klantnummer", "klantnr", "referentie", "referentienummer", "dossiernummer", "zaaknummer",
    "ticket", "ticketnummer", "invoice", "customer number", "reference", "tracking", "track en trace",
)  # fmt: skip
PLACEHOLDERS = {
    "email": "[e-mail]",
    "iban": "[iban]",
    "phone": "[phone]",
    "postcode": "[postcode]",
    "address": "[address]",
    "order": "[order]",
    "name": "[name]",
}
_SPACE = r"[ \t\xa0]"
_UPPER, _LOWER = "A-ZÀ-ÖØ-Þ", "a-zà-öø-ÿ"
_CAPITALISED = (
    rf"[{_UPPER}](?:[{_LOWER}]+|['’][{_UPPER}][{_LOWER}]+)(?:-[{_UPPER}][{_LOWER}]+)?"  # Jan, O'Brien, Anne-Marie
)
_PARTICLES = r"(?:van|de|der|den|ten|ter|te|'t|la|le|el|da|di|von|du|d')"  # tussenvoegsels, lower case
_FULL_NAME = rf"{_CAPITALISED}(?:{_SPACE}+(?:{_PARTICLES}{_SPACE}+)*{_CAPITALISED}){{0,3}}"
_DATE_AHEAD = r"(?!\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})"  # a date such as 06-03-2025 is not a phone number
_PATTERNS = (
    ("email", r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    ("iban", r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b"),
    # Dutch: 0 and nine digits (06-12345678, 020 123 4567), or +31/0031 and nine; abroad: + and 7 to 13 digits.
    ("phone", rf"(?<![\w+]){_DATE_AHEAD}(?:(?:\+|00)31[ .-]?(?:\(0\)[ .-]?)?|0)\d(?:[ .-]?\d){{8}}(?!\d)"),
    ("phone", r"(?<![\w+])\+\d{1,3}(?:[ .-]?\(?\d\)?){6,12}(?!\d)"),
    ("postcode", r"\b[1-9]\d{3}[ ]?(?!SA|SD|SS)[A-Z]{2}\b(?:[ ,]+\d{1,5}(?:[ -]?[a-zA-Z]\b)?)?"),
    ("address", rf"\b{_CAPITALISED}(?:straat|laan|weg|plein|gracht|kade|singel|dijk|dreef|hof|steeg|pad|markt|baan|"
     rf"park|straatweg|wal){_SPACE}+\d{{1,5}}(?:[ -]?[a-zA-Z]\b)?"),
)  # fmt: skip


@cache
def _order_pattern(words: tuple[str, ...]) -> re.Pattern:
    """An order word (any case), maybe "nummer"/"nr"/"#"/":", then a code of four or more with a digit in it."""
    introduced = "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in sorted(words, key=len, reverse=True))
    number = r"#?[ ]?(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{3,}\b"
    return re.compile(rf"((?i:\b(?:{introduced}))\.?(?i:\s*(?:nummer|nr\.?|no\.?|number))?\s*[:#]?\s*){number}")


_GREETING = (
    r"(?:met\s+vriendelijke\s+groet(?:en)?|vriendelijke\s+groet(?:en)?|mvg|groet(?:en|jes)?|gr\.|kind\s+regards"
    r"|best\s+regards|regards|sincerely|namens)"
)
_INTRODUCED = (
    # after "mijn naam is" the next word is a name even in lower case; elsewhere only capitalised words are
    rf"((?i:\b(?:mijn\s+naam\s+is|my\s+name\s+is|ik\s+heet|naam:)){_SPACE}+)(?:{_FULL_NAME}|\w+)",
    rf"((?i:\bik\s+ben){_SPACE}+){_FULL_NAME}",
    rf"((?i:\b{_GREETING})[ \t,]*\n?[ \t]*){_FULL_NAME}",
    rf"((?i:\b(?:dhr|mevr|mw|mr|mrs|ms|meneer|mevrouw|de\s+heer)\.?){_SPACE}+){_FULL_NAME}",
)
_COMPILED = tuple((kind, re.compile(pattern)) for kind, pattern in _PATTERNS)
_NAMES = tuple(re.compile(pattern) for pattern in _INTRODUCED)
_HASH_NUMBER = re.compile(r"(?<![\w#&])#[ ]?\d{4,}\b")
_DIGIT_RUN = re.compile(r"(?<![\d,.])\d{7,}(?![\d,.])")  # seven or more digits: no score, amount or year


def redact(text: str, order_words: tuple[str, ...] = ORDER_WORDS) -> tuple[str, list[str]]:
    """`text` with personal data replaced by placeholders such as "[e-mail]", and the kinds that were found."""
    found: list[str] = []

    def replace(kind: str, pattern: re.Pattern, keep_prefix: bool) -> None:
        nonlocal text
        replacement = (lambda m: m.group(1) + PLACEHOLDERS[kind]) if keep_prefix else PLACEHOLDERS[kind]
        text, count = pattern.subn(replacement, text)
        if count and kind not in found:
            found.append(kind)

    for kind, pattern in _COMPILED:
        replace(kind, pattern, keep_prefix=False)
    replace("order", _order_pattern(tuple(order_words)), keep_prefix=True)
    replace("order", _HASH_NUMBER, keep_prefix=False)
    replace("order", _DIGIT_RUN, keep_prefix=False)
    for pattern in _NAMES:
        replace("name", pattern, keep_prefix=True)
    return text, found
