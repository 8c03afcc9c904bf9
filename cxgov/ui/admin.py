"""Building blocks of the admin pages: cached tables, add/edit forms that keep the version seen, password
resets, the audit log and its export.

The forms are declared as a list of `FormField`s, so each admin page only says *which* fields it has;
how a field is shown, how the version the user saw is kept, and how a save is reported lives here once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from cxgov import audit
from cxgov.errors import ConflictError
from cxgov.i18n import TEXTS
from cxgov.io.export import XLSX_MIME
from cxgov.queries import admin as admin_queries
from cxgov.queries import audit as audit_queries
from cxgov.queries.audit import AuditFilter
from cxgov.services.accounts import reset_password
from cxgov.services.audit_export import export_audit_log
from cxgov.ui.runtime import data_changed, data_version, read_session, settings
from cxgov.ui.safe import plain
from cxgov.ui.text import actor, day, label, lang, measure, moment, tr
from cxgov.ui.writes import WriteResult, show_errors, submit

FLASH_KEY = "cxgov_admin_flash"
RESET_ROUND_KEY = "cxgov_admin_reset_round"
EXPORT_KEY = "cxgov_admin_audit_export"
MAX_EXACT_FLOAT = 2**53  # above this a float is no exact whole number (and no id comes near it)


# --- reads ------------------------------------------------------------------------------------------------


@st.cache_data(show_spinner=False)
def _read(query: str, version: int, url: str, **params) -> pd.DataFrame:
    with read_session() as session:
        return getattr(admin_queries, query)(session, **params)


def table(query: str, area: str, **params) -> pd.DataFrame:
    """The DataFrame of `cxgov.queries.admin.<query>`, cached until `area` changes."""
    return _read(query, data_version(area), settings().database_url, **params)


@st.cache_data(show_spinner=False)
def _audit_page(version: int, url: str, limit: int, offset: int, **filters) -> tuple[pd.DataFrame, int]:
    with read_session() as session:
        return audit_queries.events(session, AuditFilter(**filters), limit=limit, offset=offset)


def audit_page(f: AuditFilter, *, limit: int, offset: int) -> tuple[pd.DataFrame, int]:
    """One page of audit events matching `f`, newest first, and the number matching."""
    return _audit_page(data_version("audit"), settings().database_url, limit, offset, **asdict(f))


@st.cache_data(show_spinner=False)
def _audit_choices(version: int, url: str) -> dict[str, list[str]]:
    with read_session() as session:
        return audit_queries.filter_choices(session)


def audit_choices() -> dict[str, list[str]]:
    """Actors, entities and actions occurring in the audit log."""
    return _audit_choices(data_version("audit"), settings().database_url)


def audit_head() -> tuple[int, str]:
    """The chain head as it is now (not cached: it is what the verification is compared with)."""
    with read_session() as session:
        return audit_queries.chain_head(session)


def verify_audit() -> audit.VerifyReport:
    """Recompute the whole chain with the key (read-only)."""
    with read_session() as session:
        return audit.verify(session, settings().audit_key)


# --- tables -----------------------------------------------------------------------------------------------


def _cell(value, enum_class=None):
    value = _plain(value)
    if value is None:
        return tr("common.none")
    if isinstance(value, bool):
        return tr("common.yes") if value else tr("common.no")
    if enum_class is not None:
        return label(enum_class(value))
    if isinstance(value, date):
        return day(value)
    if isinstance(value, int | float):  # readings, scale ends, counts: in the reader's locale (29,4)
        return measure(value)
    return value


def show_table(frame: pd.DataFrame, columns: dict[str, str], enums: dict[str, type] | None = None) -> None:
    """Show `columns` (column -> label key) of `frame`: enums and yes/no translated, headers in the language."""
    enums = enums or {}
    view = pd.DataFrame({tr(key): [_cell(v, enums.get(col)) for v in frame[col]] for col, key in columns.items()})
    st.dataframe(view, hide_index=True, width="stretch")


def known_label(key: str, fallback: str) -> str:
    """`tr(key)` if the catalog has it, else `fallback` (audit rows may name things added later)."""
    return tr(key) if key in TEXTS else fallback


def show_flash() -> None:
    """The message of the save that triggered this rerun, once."""
    message = st.session_state.pop(FLASH_KEY, None)
    if message:
        st.success(message, icon=":material/check_circle:")


# --- forms ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FormField:
    """One input of an admin form: the service's field name, its label key and how to ask for it."""

    name: str
    label: str
    kind: str = "text"  # text | area | check | choice | int | count (optional, >= 0) | float | date
    choices: tuple = ()  # for "choice": the values offered (None = nothing chosen)
    format: Callable[[Any], str] | None = None


def _plain(value):
    """A DataFrame cell as a plain Python value (NaN → None, 3.0 id → 3; a float too large to be an id stays one)."""
    if value is None or (not isinstance(value, (list, dict)) and pd.isna(value)):
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value.is_integer() and abs(value) < MAX_EXACT_FLOAT:
        return int(value)
    return value


def fixed_labels(options, fmt: Callable[[Any], str]) -> Callable[[Any], str]:
    """A format_func with the labels computed now, in the user's language.

    AppTest re-applies a widget's format_func outside the script run, where tr() cannot see the chosen
    language: a closure calling tr() would produce English labels that match no option on a Dutch page.
    """
    return {option: fmt(option) for option in options}.__getitem__


def _field(f: FormField, current, key: str):
    text = tr(f.label)
    if f.kind == "text":
        return st.text_input(text, value=current or "", key=key)
    if f.kind == "area":
        return st.text_area(text, value=current or "", key=key)
    if f.kind == "check":
        return st.checkbox(text, value=True if current is None else bool(current), key=key)
    if f.kind == "int":
        return st.number_input(text, value=int(current or 0), step=1, key=key)
    if f.kind == "count":
        return st.number_input(text, value=current, min_value=0, step=1, key=key)
    if f.kind == "float":
        return st.number_input(text, value=None if current is None else float(current), key=key)
    if f.kind == "date":
        return st.date_input(text, value=current, key=key, format="DD-MM-YYYY")
    options = list(f.choices)
    if current not in options:  # e.g. an owner deactivated since: keep what the entry has
        options.append(current)
    fmt = f.format or (lambda v: tr("common.none") if v is None else str(v))
    return st.selectbox(text, options, index=options.index(current), key=key, format_func=fixed_labels(options, fmt))


def _inputs(fields: list[FormField], values: dict, key: str) -> dict:
    return {f.name: _field(f, _plain(values.get(f.name)), f"{key}.{f.name}") for f in fields}


def _labels(fields: list[FormField]) -> dict[str, str]:
    return {f.name: tr(f.label) for f in fields}


def add_form(
    name: str,
    fields: list[FormField],
    *,
    service: Callable,
    areas: tuple[str, ...],
    defaults: dict | None = None,
    button: str = "admin.add",
) -> None:
    """A form creating one entry through `service(data=…)`; emptied after a successful save."""
    round_key = f"cxgov_admin_{name}_add_round"
    round_ = st.session_state.get(round_key, 0)  # a new round gives fresh widgets: an empty form
    with st.form(f"admin_{name}_add_{round_}"):
        data = _inputs(fields, defaults or {}, f"admin.{name}.add.{round_}")
        submitted = st.form_submit_button(tr(button), type="primary")
    if submitted:
        result = submit(service, areas=areas, data=data)
        if result.ok:
            st.session_state[round_key] = round_ + 1
            st.session_state[FLASH_KEY] = tr("admin.added")
            st.rerun()
        show_errors(result, _labels(fields))


def _seen_key(name: str) -> str:
    return f"cxgov_admin_{name}_seen"


def seen_version(name: str, row_id: int, current_version: int) -> int:
    """The version of `row_id` when its edit form was first shown (kept until saved or reloaded)."""
    seen = st.session_state.get(_seen_key(name))
    if seen is None or seen["id"] != row_id:
        seen = {"id": row_id, "version": int(current_version)}
        st.session_state[_seen_key(name)] = seen
    return seen["version"]


def forget_seen_version(name: str) -> None:
    """Start the edit form `name` afresh from the stored row (another form changed the same rows)."""
    st.session_state.pop(_seen_key(name), None)


def _reloading_on_conflict(service: Callable, name: str, areas: tuple[str, ...]) -> Callable:
    """On a conflict, forget the version seen, so the next run shows the entry as it is now.

    The cached table is provably stale then (another server process may have saved), so it is refreshed too.
    """

    def run(**kwargs):
        try:
            return service(**kwargs)
        except ConflictError:
            st.session_state.pop(_seen_key(name), None)
            data_changed(*areas)
            raise

    return run


def edit_form(
    name: str,
    frame: pd.DataFrame,
    fields: list[FormField],
    *,
    title_column: str,
    service: Callable,
    id_arg: str,
    areas: tuple[str, ...],
) -> None:
    """Pick an entry of `frame` and edit it through `service(<id_arg>=…, seen_version=…, data=…)`."""
    if frame.empty:
        st.caption(tr("admin.nothing_to_edit"))
        return
    titles = dict(zip(frame["id"].tolist(), frame[title_column].tolist(), strict=True))
    chosen = st.selectbox(tr("admin.choose_entry"), list(titles), format_func=titles.get, key=f"admin_{name}_pick")
    row = frame.set_index("id").loc[chosen].to_dict()
    seen = seen_version(name, chosen, row["version"])
    # The version is part of the form's key: after a save or reload the form starts from the stored values.
    with st.form(f"admin_{name}_edit_{chosen}_{seen}"):
        data = _inputs(fields, row, f"admin.{name}.edit.{chosen}.{seen}")
        submitted = st.form_submit_button(tr("form.save"), type="primary")
    if not submitted:
        return
    result = submit(
        _reloading_on_conflict(service, name, areas), areas=areas, seen_version=seen, data=data, **{id_arg: chosen}
    )
    if result.ok:
        st.session_state.pop(_seen_key(name), None)
        st.session_state[FLASH_KEY] = tr("form.saved") if result.value else tr("form.no_changes")
        st.rerun()
    show_errors(result, _labels(fields))
    if result.error:
        st.button(tr("form.reload"), key=f"admin_{name}_reload")  # a click reruns with the stored values


def read_only_note() -> None:
    """Why there are no forms: the acting person may only look."""
    st.info(tr("admin.read_only"), icon=":material/visibility:")


# --- local accounts ---------------------------------------------------------------------------------------


def password_reset_form(people: pd.DataFrame) -> None:
    """Set or reset a person's local password (typed twice); they must choose their own at the next sign-in."""
    if people.empty:
        st.caption(tr("admin.nothing_to_edit"))
        return
    st.caption(tr("admin.account.intro"))
    names = dict(zip(people["id"].tolist(), people["name"].tolist(), strict=True))
    round_ = st.session_state.get(RESET_ROUND_KEY, 0)  # a new round after a reset: no password stays in a widget
    with st.form(f"admin_password_reset_{round_}"):
        person_id = st.selectbox(
            tr("admin.account.person"), list(names), format_func=names.get, key=f"admin.reset.{round_}.person"
        )
        first = st.text_input(tr("admin.account.new_password"), type="password", key=f"admin.reset.{round_}.new")
        second = st.text_input(tr("admin.account.repeat_password"), type="password", key=f"admin.reset.{round_}.repeat")
        submitted = st.form_submit_button(tr("admin.account.submit"), type="primary")
    if not submitted:
        return
    labels = {"new_password": tr("admin.account.new_password"), "repeat_password": tr("admin.account.repeat_password")}
    if first != second:  # caught here: the service only ever sees one password
        show_errors(WriteResult(ok=False, field_errors={"repeat_password": tr("admin.account.mismatch")}), labels)
        return
    result = submit(reset_password, areas=("people",), person_id=person_id, new_password=first)
    if result.ok:
        st.session_state[RESET_ROUND_KEY] = round_ + 1
        st.session_state[FLASH_KEY] = tr("admin.account.done", name=plain(names[person_id]))
        st.rerun()
    show_errors(result, labels)


# --- the audit log ----------------------------------------------------------------------------------------


def _shown(value) -> str:
    """An audit cell as text: a dash for nothing (None, NaN, empty), never "None" or "nan"."""
    value = _plain(value)
    return "—" if value is None or value == "" else str(value)


def show_audit_events(events: pd.DataFrame) -> None:
    """One page of audit events: when, who, what, which action, the field and its change, and why."""
    view = pd.DataFrame(
        {
            "seq": events["seq"],
            "occurred_at": events["occurred_at"].map(moment),
            "actor_name": events["actor_name"].map(lambda name: _shown(actor(name))),
            "entity": events["entity"].map(lambda v: known_label(f"entity.{v}", v)),
            "entity_id": events["entity_id"].map(_shown),
            "action": events["action"].map(lambda v: known_label(f"admin.audit.action.{v}", v)),
            "field": events["field"].map(_shown),
            "change": [
                f"{_shown(old)} → {_shown(new)}"
                for old, new in zip(events["old_value"], events["new_value"], strict=True)
            ],
            "reason": events["reason"].map(_shown),
        }
    )
    view.columns = [tr(f"admin.audit.col.{c}") for c in view.columns]
    st.dataframe(view, hide_index=True, width="stretch")


# --- audit export -----------------------------------------------------------------------------------------


def audit_export(f: AuditFilter) -> None:
    """Export the events matching `f` in two steps: prepare (exports and audits), then download.

    A download button needs its file before it is clicked: offering it directly would export, and audit an
    export, on every run of the page. Preparing on request audits only exports that were really made.
    """
    prepared = st.session_state.get(EXPORT_KEY)
    if prepared is not None and prepared["filters"] != asdict(f):  # made for other filters than those shown now
        st.session_state.pop(EXPORT_KEY)
        prepared = None
    if st.button(
        tr("admin.audit.export.prepare"), key="admin_audit_export_prepare", help=tr("admin.audit.export.help")
    ):
        result = submit(export_audit_log, areas=("audit",), filters=f, language=lang())
        if not result.ok:
            show_errors(result)
            return
        prepared = {
            "filters": asdict(f),
            "data": result.value,
            "name": f"cxgov-audit-log-{pd.Timestamp.now(tz='UTC'):%Y%m%d-%H%M%S}.xlsx",
        }
        st.session_state[EXPORT_KEY] = prepared  # bytes and plain values only
    if prepared is None:
        return
    st.success(tr("admin.audit.export.ready"), icon=":material/check_circle:")
    st.download_button(
        tr("admin.audit.export.download"),
        data=prepared["data"],
        file_name=prepared["name"],
        mime=XLSX_MIME,
        key="admin_audit_export_download",
        on_click="ignore",
    )
