"""Spec text in the language a document is rendered in."""

from __future__ import annotations

from jobdocs.errors import RenderError
from jobdocs.models import Text


def localized(value: Text | None, lang: str, primary: str, where: str) -> str:
    """``value`` in ``lang`` ('' for no value); a text written as a plain string is in
    ``primary``. A text without ``lang`` is a :class:`RenderError` naming ``where``."""
    if value is None:
        return ""
    found = value.get(lang, primary)
    if found is None:
        raise RenderError(f"`{where}` has no `{lang}` text",
                          hint="run `jobdocs validate` to see every missing translation")
    return found
