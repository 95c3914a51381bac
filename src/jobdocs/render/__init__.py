"""Rendering: a validated spec → context → templates → HTML → PDF (and DOCX next).

- :mod:`~jobdocs.render.context` builds the values every template prints (one source of
  words for HTML and Word);
- :mod:`~jobdocs.render.templates` finds and compiles templates in a Jinja2 sandbox;
- :mod:`~jobdocs.render.html` and :mod:`~jobdocs.render.pdf` produce the documents;
- :class:`Renderer` holds the caches of a run (compiled templates, message catalogs).

Nothing here imports WeasyPrint or pyHanko at import time.

This package shares its name with the API function :func:`jobdocs.render`. Python sets
``jobdocs.render`` to this package as soon as it is imported, so the package itself is made
callable: ``jobdocs.render(spec, "pdf")`` calls :func:`jobdocs.api.render` whichever of the
two the name holds.
"""

from __future__ import annotations

import sys
import types
from typing import Any

from jobdocs.render.inputs import RenderSource
from jobdocs.render.renderer import FORMATS, Renderer, RenderWarning


class _CallablePackage(types.ModuleType):
    """The type of this package: calling it calls :func:`jobdocs.api.render`."""

    def __call__(self, *args: Any, **kwargs: Any) -> bytes:
        from jobdocs.api import render

        return render(*args, **kwargs)


sys.modules[__name__].__class__ = _CallablePackage

__all__ = ["FORMATS", "RenderSource", "RenderWarning", "Renderer"]
