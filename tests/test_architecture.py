"""Rules of the codebase that a test can hold: layering and documentation of settings."""

import ast
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
    "cxgov/ui/governance/present.py": "fixed style rules: presentation mode's larger text for a projector",
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


# --- the UI: thin page scripts, small modules, no private names across modules --------------------------------

UI_MODULE_MAX_LINES = 250


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(), filename=str(path))


def test_page_scripts_only_import_cxgov_ui_and_call_one_render_function():
    offenders = []
    for path in Path(PROJECT_ROOT, "app_pages").rglob("*.py"):
        body = _tree(path).body
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            body = body[1:]  # the docstring
        imports = [node for node in body if isinstance(node, ast.Import | ast.ImportFrom)]
        rest = [node for node in body if node not in imports]
        from_ui = all(
            isinstance(node, ast.ImportFrom) and (node.module or "").startswith("cxgov.ui.") for node in imports
        )
        one_render = (
            len(rest) == 1
            and isinstance(rest[0], ast.Expr)
            and isinstance(rest[0].value, ast.Call)
            and isinstance(rest[0].value.func, ast.Name)
            and rest[0].value.func.id.startswith("render_")
        )
        if not (imports and from_ui and one_render):
            offenders.append(str(path.relative_to(PROJECT_ROOT)))
    assert offenders == []


def test_no_ui_module_is_over_its_size():
    too_long = {
        str(path.relative_to(PROJECT_ROOT)): lines
        for path in Path(PROJECT_ROOT, "cxgov", "ui").rglob("*.py")
        if (lines := len(path.read_text().splitlines())) > UI_MODULE_MAX_LINES
    }
    assert too_long == {}


def _is_private(name: str) -> bool:
    return name.startswith("_") and not name.endswith("__")  # dunders (`__future__`) belong to Python


def _private_imports(path: Path) -> list[str]:
    """Each `from x import _name` (multi-line lists included) and each import of a `_module`, in one file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            modules = [node.module or ""]
            names = [alias.name for alias in node.names if _is_private(alias.name)]
        elif isinstance(node, ast.Import):
            modules, names = [alias.name for alias in node.names], []
        else:
            continue
        names += [module for module in modules if any(_is_private(part) for part in module.split("."))]
        found += [f"{path.relative_to(PROJECT_ROOT)}:{node.lineno} {name}" for name in names]
    return found


def test_no_private_name_is_imported_from_another_module():
    """A name starting with `_` is its module's own business: shared names are public (or moved)."""
    files = [
        *Path(PROJECT_ROOT, "cxgov").rglob("*.py"),
        *Path(PROJECT_ROOT, "app_pages").rglob("*.py"),
        Path(PROJECT_ROOT, "app.py"),
        Path(PROJECT_ROOT, "serve.py"),
        *Path(PROJECT_ROOT, "tests").rglob("*.py"),
    ]
    assert [hit for path in files for hit in _private_imports(path)] == []


def test_no_catch_all_exception_handlers():
    """Domain code names what it expects to fail; `except BaseException` that re-raises (a rollback) is fine."""
    pattern = re.compile(r"^\s*except\s*(:|\(?\s*Exception\b)", re.MULTILINE)
    offenders = [
        str(p.relative_to(PROJECT_ROOT))
        for p in Path(PROJECT_ROOT, "cxgov").rglob("*.py")
        if pattern.search(p.read_text())
    ]
    assert offenders == []
