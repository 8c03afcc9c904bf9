"""Every text exists in English and Dutch, once; every enum value has a label; locale formats."""

import ast
from datetime import date
from enum import StrEnum
from pathlib import Path

import cxgov.models.enums as enums
from cxgov.i18n import DUPLICATE_KEYS, LANGUAGES, TEXTS, format_day, format_money, t
from cxgov.settings import PROJECT_ROOT


def test_every_text_exists_in_every_language():
    missing = [key for key, entry in TEXTS.items() for lang in LANGUAGES if not entry.get(lang)]
    assert missing == []


def test_no_key_is_defined_twice():
    assert DUPLICATE_KEYS == []


def test_every_enum_value_has_a_label():
    for enum_class in vars(enums).values():
        if isinstance(enum_class, type) and issubclass(enum_class, StrEnum) and enum_class is not StrEnum:
            for member in enum_class:
                assert f"enum.{enum_class.__name__.lower()}.{member.value}" in TEXTS


def _literal_keys_used_in_code() -> set[str]:
    """String literals passed to tr()/t() anywhere in the app: each must be a catalog key."""
    keys = set()
    for path in [
        *Path(PROJECT_ROOT, "cxgov").rglob("*.py"),
        *Path(PROJECT_ROOT, "app_pages").rglob("*.py"),
        Path(PROJECT_ROOT, "app.py"),
    ]:
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", getattr(node.func, "attr", None)) in ("tr", "t")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                keys.add(node.args[0].value)
    return keys


def test_every_text_used_in_code_is_in_the_catalog():
    assert sorted(_literal_keys_used_in_code() - TEXTS.keys()) == []


def test_dutch_formats():
    assert format_money(123456, "nl") == "€\xa01.234,56"  # babel puts a no-break space after the sign
    assert format_money(123456, "en") == "€1,234.56"
    assert format_day(date(2026, 3, 5), "nl") == "05-03-2026"
    assert t("enum.kpikind.ktv", "nl").startswith("KTV")
