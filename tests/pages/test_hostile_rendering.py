"""The hostile-input corpus (tests/hostile.py) stored in every text field, then every page opened in AppTest.

Streamlit renders markdown in most elements (markdown, captions, alerts, titles, labels, help, tabs), so
user text must reach them escaped (cxgov.ui.kit.safe.plain) or be shown by an element that renders text as
text (st.dataframe, st.text, st.code, select-box options, input values). `markdown_leaks` walks every
element of a run and reports each corpus payload found raw in a field that renders markdown.
"""

from __future__ import annotations

import json

import pytest
from google.protobuf.json_format import MessageToDict
from sqlmodel import select

from cxgov.db import session_scope
from cxgov.errors import ValidationError
from cxgov.models import Discipline, Kpi
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.initiatives import create_initiative
from cxgov.services.reference import create_department
from cxgov.ui.kit.safe import plain
from cxgov.ui.navigation import PAGES
from tests.hostile import BIG_BYTES, BY_KEY, CORPUS, fit, seed_corpus, unescaped_payloads
from tests.pages.harness import open_page

# (element type, field) whose text Streamlit shows as text, never as markdown or HTML.
TEXT_ONLY_FIELDS = {
    ("text", "body"),
    ("code", "codeText"),
    ("arrow_data_frame", "arrowData"),
    ("selectbox", "options"),
    ("multiselect", "options"),
    ("text_input", "default"),
    ("text_input", "value"),
    ("text_area", "default"),
    ("text_area", "value"),
    ("plotly_chart", "spec"),  # plotly text is HTML-ish, not markdown: checked by `chart_leaks`
    # The link table's data: its JavaScript writes every cell with textContent (checked in Chromium too).
    ("bidi_component", "json"),
}
# Plotly reads <b>, <br>, <a href> in titles, axis titles and legend names; its hover templates are the app's.
CHART_TEXT_PATHS = (
    ("layout", "title", "text"),
    ("layout", "xaxis", "title", "text"),
    ("layout", "yaxis", "title", "text"),
)


def _elements(node):
    """Every element and block of an AppTest run (depth first)."""
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _elements(child)


def _strings(value, field: str | None = None):
    """(top-level field, string) for every string inside a proto converted to a dict."""
    if isinstance(value, str):
        yield field, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, field or key)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, field)


def markdown_leaks(at) -> list[str]:
    """'type.field: payload' for each corpus payload found raw where Streamlit would render it as markdown."""
    leaks = []
    for node in _elements(at._tree):
        proto = getattr(node, "proto", None)
        if proto is None:
            continue
        kind = getattr(node, "type", type(node).__name__)
        for field, text in _strings(MessageToDict(proto)):
            if (kind, field) in TEXT_ONLY_FIELDS or field == "id":  # widget ids: a hash and the key
                continue
            leaks += [f"{kind}.{field}: {payload!r} in {text[:120]!r}" for payload in unescaped_payloads(text)]
    return leaks


def _dig(spec: dict, path: tuple[str, ...]):
    for step in path:
        spec = spec.get(step) if isinstance(spec, dict) else None
    return spec


def chart_leaks(at) -> list[str]:
    """Chart titles, axis titles and trace names holding raw markup (plotly would render <a>, <b>, <br>)."""
    leaks = []
    for node in _elements(at._tree):
        if getattr(node, "type", None) != "plotly_chart":
            continue
        spec = json.loads(node.proto.spec)
        texts = [_dig(spec, path) for path in CHART_TEXT_PATHS] + [trace.get("name") for trace in spec["data"]]
        leaks += [text for text in texts if isinstance(text, str) and "<" in text]
    return leaks


def assert_safe(at, where: str) -> None:
    assert not at.exception, f"{where}: {at.exception[0].value if at.exception else ''}"
    assert not (leaks := markdown_leaks(at)), f"{where}: user text rendered as markdown: {leaks[:5]}"
    assert not (leaks := chart_leaks(at)), f"{where}: user text rendered as chart markup: {leaks[:5]}"


@pytest.fixture
def seeded(db):
    url, engine = db
    return url, seed_corpus(engine)


def test_the_helper_catches_raw_markdown_and_passes_escaped_text():
    """Self-test of `unescaped_payloads`: every payload-bearing entry is caught raw and passes escaped."""
    for h in CORPUS:
        assert not unescaped_payloads(plain(h.text)), h.key
        if h.markers:
            assert unescaped_payloads(f"**Owner:** {h.text}"), h.key
    # Backslash escapes do not stop GitHub-flavoured markdown from linking a bare URL: the helper knows.
    assert unescaped_payloads(r"see www\.evil\.example")


def test_every_sidebar_page_renders_the_corpus_as_text(monkeypatch, seeded):
    url, seed = seeded
    for spec in PAGES:
        if spec.hidden:
            continue
        at = open_page(monkeypatch, url, spec.url_path, acting=seed.admin_id)
        assert_safe(at, spec.url_path)


def test_initiative_detail_and_edit_form_render_each_entry_as_text(monkeypatch, seeded):
    url, seed = seeded
    for key, initiative_id in seed.initiative_ids.items():
        title = fit(BY_KEY[key].text, 200).strip()
        at = open_page(monkeypatch, url, "initiative", acting=seed.admin_id, query={"id": str(initiative_id)})
        assert_safe(at, f"initiative {key}")
        assert at.title[0].value == plain(title), key  # shown, and escaped, rather than left out
        at = open_page(monkeypatch, url, "initiative-form", acting=seed.admin_id, query={"id": str(initiative_id)})
        assert_safe(at, f"initiative-form {key}")
        [field] = [
            t for t in at.text_input if t.key.startswith(f"programs_form_{initiative_id}_") and t.key.endswith(".title")
        ]
        assert field.value == title, key  # as typed


def test_each_kpi_trend_chart_renders_names_and_units_as_text(monkeypatch, db):
    """The trend chart of every KPI (the page shows the first; the others one by one)."""
    url, engine = db
    seed = seed_corpus(engine)
    with session_scope(engine) as session:
        kpi_ids = session.exec(select(Kpi.id)).all()
    assert len(kpi_ids) == len(CORPUS)
    at = open_page(monkeypatch, url, Discipline.MEASUREMENT.value, acting=seed.admin_id)
    for kpi_id in kpi_ids:
        at.selectbox(key="measurement_trend_kpi").set_value(kpi_id).run()
        assert any(getattr(n, "type", None) == "plotly_chart" for n in _elements(at._tree)), f"KPI {kpi_id}: no chart"
        assert_safe(at, f"measurement trend of KPI {kpi_id}")


def test_a_100_kb_string_is_refused_with_a_message_not_stored(db):
    """The services refuse text over a field's maximum as a validation error (the forms show it)."""
    _, engine = db
    big = BY_KEY["big"].text
    assert len(big.encode()) >= BIG_BYTES
    with pytest.raises(ValidationError) as refused, session_scope(engine, write=True) as session:
        create_department(session=session, actor=SYSTEM_ACTOR, data={"name": big})
    assert set(refused.value.field_messages("en")) == {"name"}
    with pytest.raises(ValidationError) as refused, session_scope(engine, write=True) as session:
        create_initiative(
            session=session,
            actor=SYSTEM_ACTOR,
            data={"title": big, "description": big, "discipline": Discipline.DESIGN, "owner_id": 1},
        )
    assert {"title", "description"} <= set(refused.value.field_messages("en"))
