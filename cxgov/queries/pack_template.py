"""The PowerPoint template board packs are drawn in, as its page shows it: the upload in use (its name, size, who
uploaded it and when) or cxgov's own default, with the file itself and the layouts a pack takes from it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from cxgov.models import Person
from cxgov.pack.template import default_template, open_template, upload_in_use


@dataclass(frozen=True)
class TemplateInUse:
    data: bytes
    title_layout: str  # the name of the layout the cover and the appendix's divider are made on
    content_layout: str  # the name of the layout every section's slides are made on
    file_name: str | None = None  # None: cxgov's own default
    uploaded_by: str | None = None  # None for an upload made by the system (or the default)
    uploaded_at: datetime | None = None

    @property
    def is_default(self) -> bool:
        return self.file_name is None


def template_in_use(session: Session) -> TemplateInUse:
    """Raises the DomainError of cxgov.pack.template.upload_in_use when the stored file was changed behind
    cxgov's back."""
    row = upload_in_use(session)
    if row is None:
        return _described(default_template())
    uploader = session.get(Person, row.uploaded_by_id) if row.uploaded_by_id is not None else None
    return _described(
        bytes(row.content),
        file_name=row.file_name,
        uploaded_by=uploader.name if uploader else None,
        uploaded_at=row.created_at,
    )


def _described(data: bytes, **upload) -> TemplateInUse:
    layouts = open_template(data, upload.get("file_name") or "")[1]
    return TemplateInUse(
        data=data,
        title_layout=layouts.title.slide_layout.name,
        content_layout=layouts.content.slide_layout.name,
        **upload,
    )
