"""The specs of a lint run as they were at a base revision (``jobdocs lint --base REV``), for
rules that compare a spec with its earlier self (A108).

The engine builds one :class:`BaseSpecs` per run from a :class:`~jobdocs.gitrev.BaseRevision`
and hands it to every rule through :attr:`RuleContext.base
<jobdocs.lint.context.RuleContext.base>`; without ``--base`` that attribute is ``None`` and
such rules find nothing. Each base copy is resolved and validated once, with its own
:class:`~jobdocs.resolve.Resolver`, so nothing of the base leaks into the work tree's specs.
"""

from __future__ import annotations

from pathlib import Path

from jobdocs.gitrev import BaseRevision
from jobdocs.resolve import Resolver
from jobdocs.validation import Validated, validate_resolved


class BaseSpecs:
    """The base copies of the specs being linted, loaded on demand."""

    def __init__(self, revision: BaseRevision):
        self.revision = revision
        self._resolver = Resolver()
        self._validated: dict[Path, Validated | None] = {}

    @property
    def name(self) -> str:
        """The revision as the user wrote it (``origin/main``)."""
        return self.revision.revision

    def validated(self, file: Path) -> Validated | None:
        """The base copy of the work-tree spec ``file``, resolved (its ``extends`` chain and
        references as they were at the base) and validated; ``None`` when the file did not
        exist at the base. Its findings say whether it loaded cleanly."""
        key = file.resolve()
        if key not in self._validated:
            copy = self.revision.file_at(file)
            self._validated[key] = (validate_resolved(self._resolver.resolve(copy))
                                    if copy is not None else None)
        return self._validated[key]
