"""L — jurisdiction checklists for contracts: one rule per requirement of each pack in
``jobdocs/lint/packs/``, all interpreted by :class:`jobdocs.lint.checklist.ChecklistRule`.

The registry collects them through :func:`generated_rules`, since they have no module each.
"""

from __future__ import annotations

from jobdocs.lint.checklist import checklist_rules as generated_rules

__all__ = ["generated_rules"]
