"""Run one service call as one transaction for the acting person and show what happened."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from cxgov import audit
from cxgov.db import session_scope
from cxgov.errors import DomainError, ValidationError
from cxgov.ui.acting import acting_person
from cxgov.ui.runtime import data_changed, engine
from cxgov.ui.safe import plain
from cxgov.ui.text import lang, tr

FLASH_KEY = "programs_flash"  # a message for the next page shown (st.toast does not survive switch_page)


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
        st.session_state[FLASH_KEY] = message
        st.rerun()
    show_errors(result, field_labels)
