"""Every input model of cxgov, found by walking the package: tests that prove a rule for all of them cover a
model added later without being told."""

from __future__ import annotations

import importlib
import pkgutil

from pydantic import BaseModel
from sqlmodel import SQLModel

import cxgov


def _input_models() -> list[type[BaseModel]]:
    """Every pydantic model with fields defined anywhere in cxgov, tables aside (the UI holds none; __main__ would
    run the CLI)."""
    for info in pkgutil.walk_packages(cxgov.__path__, "cxgov."):
        if not info.name.endswith("__main__") and not info.name.startswith("cxgov.ui"):
            importlib.import_module(info.name)
    found, todo = set(), [BaseModel]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("cxgov.") and sub.model_fields and not issubclass(sub, SQLModel):
                found.add(sub)
    return sorted(found, key=lambda m: m.__name__)


MODELS = _input_models()
