"""An index of the specs in a repository, for rules that ask what else exists there.

Building it reads the top-level ``kind:`` and ``id:`` lines of each file instead of parsing
the YAML, so a rule that asks "is there a role with this id?" costs one quick scan of the spec
root, once per run, and only when a rule actually asks.
"""

from __future__ import annotations

import re
from pathlib import Path

from jobdocs.lint.files import spec_files

_KIND = re.compile(r"""^kind:[ \t]*["']?([a-z]+)["']?[ \t]*(?:#.*)?$""", re.MULTILINE)
_ID = re.compile(r"""^id:[ \t]*["']?([A-Za-z0-9][A-Za-z0-9_.-]*)["']?[ \t]*(?:#.*)?$""",
                 re.MULTILINE)


class SpecIndex:
    """The ids of the role specs under each spec root, read on first use."""

    def __init__(self) -> None:
        self._roles: dict[Path, frozenset[str]] = {}

    def role_ids(self, root: Path) -> frozenset[str]:
        """Ids of every ``kind: role`` spec below ``root``."""
        known = self._roles.get(root)
        if known is None:
            known = frozenset(self._scan(root))
            self._roles[root] = known
        return known

    @staticmethod
    def _scan(root: Path) -> set[str]:
        ids: set[str] = set()
        for file in spec_files([root]):
            try:
                text = file.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            kind, ident = _KIND.search(text), _ID.search(text)
            if kind is not None and ident is not None and kind.group(1) == "role":
                ids.add(ident.group(1))
        return ids
