"""Compare two versions of a spec: what was added, removed, changed or moved, word by word.

- :mod:`~jobdocs.diff.compare` walks two resolved specs side by side, aligning list items by
  ``id`` (and by text similarity for items without one);
- :mod:`~jobdocs.diff.output` prints a :class:`SpecDiff` for a terminal or as JSON;
- :mod:`~jobdocs.diff.files` opens the two versions, from files or git revisions;
- :mod:`jobdocs.render.redline` renders the new document with the changes marked.

This package shares its name with the API function :func:`jobdocs.diff`; like
:mod:`jobdocs.render`, the package itself is callable, so ``jobdocs.diff(old, new)`` calls
:func:`jobdocs.api.diff` whichever of the two the name holds.
"""

from __future__ import annotations

import sys
import types
from typing import Any

from jobdocs.diff.compare import compare
from jobdocs.diff.model import Change, ChangeKind, Side, SpecDiff


class _CallablePackage(types.ModuleType):
    """The type of this package: calling it calls :func:`jobdocs.api.diff`."""

    def __call__(self, *args: Any, **kwargs: Any) -> SpecDiff:
        from jobdocs.api import diff

        return diff(*args, **kwargs)


sys.modules[__name__].__class__ = _CallablePackage

__all__ = ["Change", "ChangeKind", "Side", "SpecDiff", "compare"]
