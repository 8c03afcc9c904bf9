"""Run one service call as one transaction for the acting person and show what happened: the errors, the
message after a save, and Reload after a conflict."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from cxgov import audit
from cxgov.db import session_scope
from cxgov.errors import ConflictError, DomainError, ValidationError
from cxgov.ui.frame.acting import acting_person
from cxgov.ui.kit.flash import flash
from cxgov.ui.kit.runtime import data_changed, engine
from cxgov.ui.kit.safe import plain
from cxgov.ui.kit.text import lang, tr


@dataclass
class WriteResult:
    ok: bool
    value: Any = None
    field_errors: dict[str, str] = field(default_factory=dict)
    error: str | None = None
    problem: DomainError | None = None  # the refusal itself, for pages that act on its details


def submit(service: Callable[..., Any], *, areas: tuple[str, ...], **kwargs) -> WriteResult:
    """Call `service(session=…, actor=…, **kwargs)` in one write unit; on success mark `areas` changed.

    Domain errors come back translated; validation errors per field, for the form to show beside its
    inputs. Nothing is saved unless the whole unit commits.
    """
    person = acting_person()
    if person is None:
        return WriteResult(ok=False, error=tr("frame.choose_person_first"))
    try:
        with session_scope(engine(), write=True) as session:
            value = service(session=session, actor=person.id, **kwargs)
    except ValidationError as exc:
        return WriteResult(ok=False, field_errors=exc.field_messages(lang()), problem=exc)
    except DomainError as exc:
        return WriteResult(ok=False, error=exc.message(lang()), problem=exc)
    data_changed(*areas, sealed=session.info.get(audit.SEALED_KEY))
    return WriteResult(ok=True, value=value)


def show_errors(result: WriteResult, field_labels: dict[str, str] | None = None) -> None:
    """Render a failed write: the general error, or one line per field naming the field and the reason."""
    if result.error:
        st.error(plain(result.error), icon=":material/error:")
    if result.field_errors:
        labels = field_labels or {}
        lines = [
            f"**{plain(labels.get(name, name))}** {plain(message)}" for name, message in result.field_errors.items()
        ]
        st.error(tr("form.fix_fields") + "\n\n" + "\n".join(f"- {line}" for line in lines), icon=":material/error:")


def settle(result: WriteResult, message: str, field_labels: dict[str, str] | None = None) -> None:
    """After a write: on success the page runs again showing `message` once; otherwise the errors are shown."""
    if result.ok:
        flash(message)
        st.rerun()
    show_errors(result, field_labels)


def _conflict_key(seen_key: str) -> str:
    return f"{seen_key}.conflict"


def note_conflict(result: WriteResult, seen_key: str, areas: tuple[str, ...] = ()) -> None:
    """After a write keeping the version seen under `seen_key`: when someone else saved in between, remember it
    (the form offers Reload) and mark `areas` changed, as the cached rows are provably stale then (another server
    process may have saved)."""
    if isinstance(result.problem, ConflictError):
        st.session_state[_conflict_key(seen_key)] = True
        if areas:
            data_changed(*areas)


def in_conflict(seen_key: str) -> bool:
    """Did a save keeping the version seen under `seen_key` meet someone else's save (Reload not yet pressed)?"""
    return bool(st.session_state.get(_conflict_key(seen_key)))


def offer_reload(seen_key: str, **button) -> None:
    """After a conflict, Reload: it forgets the version seen, so the form starts again from what is stored now."""
    if st.session_state.get(_conflict_key(seen_key)) and st.button(tr("form.reload"), **button):
        st.session_state.pop(_conflict_key(seen_key), None)
        st.session_state.pop(seen_key, None)
        st.rerun()


def forget_conflict(seen_key: str) -> None:
    """A save went through: no Reload to offer any more."""
    st.session_state.pop(_conflict_key(seen_key), None)
