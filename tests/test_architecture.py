"""Rules of the codebase that a test can hold: layering and documentation of settings."""

import re
from pathlib import Path

from cxgov.settings import PROJECT_ROOT

STREAMLIT_IMPORT = re.compile(r"^\s*(import streamlit|from streamlit)", re.MULTILINE)


def test_domain_code_never_imports_streamlit():
    offenders = [
        str(p.relative_to(PROJECT_ROOT))
        for p in Path(PROJECT_ROOT, "cxgov").rglob("*.py")
        if "cxgov/ui/" not in p.as_posix() and STREAMLIT_IMPORT.search(p.read_text())
    ]
    assert offenders == []


def test_pages_never_open_sessions_or_engines():
    offenders = [
        str(p.relative_to(PROJECT_ROOT))
        for p in Path(PROJECT_ROOT, "app_pages").rglob("*.py")
        if re.search(r"session_scope|make_engine|create_engine|Session\(", p.read_text())
    ]
    assert offenders == []


# Raw HTML that carries no user text at all, each with the reason it is needed.
CONSTANT_HTML = {
    "cxgov/ui/kit/date_fields.py": "one fixed style rule: Streamlit letters empty date fields in English only",
}


def test_no_raw_html_rendering():
    pattern = re.compile(r"unsafe_allow_html\s*=\s*True|st\.html\(|components\.html\(")
    files = [
        *Path(PROJECT_ROOT, "cxgov").rglob("*.py"),
        *Path(PROJECT_ROOT, "app_pages").rglob("*.py"),
        Path(PROJECT_ROOT, "app.py"),
    ]
    assert [
        str(p)
        for p in files
        if pattern.search(p.read_text()) and p.relative_to(PROJECT_ROOT).as_posix() not in CONSTANT_HTML
    ] == []


def test_every_setting_is_documented_in_the_readme():
    code = "\n".join(p.read_text() for p in Path(PROJECT_ROOT, "cxgov").rglob("*.py"))
    settings = set(re.findall(r"\"(CXGOV_[A-Z_]+)\"", code))
    readme = Path(PROJECT_ROOT, "README.md").read_text()
    documented = set(re.findall(r"^\| `(CXGOV_[A-Z_]+)` \|", readme, re.MULTILINE))
    assert settings - documented == set(), "settings missing from the README table"
    assert documented - settings == set(), "README documents settings the code does not read"
