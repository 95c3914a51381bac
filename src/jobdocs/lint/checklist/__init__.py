"""Jurisdiction checklists for employment contracts: the ``L`` rules.

A pack per jurisdiction (``jobdocs/lint/packs/GE.yaml``, ``EU``, ``RU``, ``UK``) lists what
the law requires a contract to state, with the citation of each point and a message in
English, Georgian and Russian (:mod:`~jobdocs.lint.checklist.schema`). One rule
implementation (:class:`~jobdocs.lint.checklist.rule.ChecklistRule`) interprets the packs:
every requirement becomes a rule with its own stable code — ``L1xx`` for GE, ``L2xx`` EU,
``L3xx`` RU, ``L4xx`` UK — that runs on contracts whose ``jurisdiction`` is the pack's.

These are checklists, not legal advice.
"""

from __future__ import annotations

from jobdocs.lint.checklist.loader import PackError, load_pack, shipped_pack_files, shipped_packs
from jobdocs.lint.checklist.rule import ChecklistRule, checklist_rules
from jobdocs.lint.checklist.schema import PACK_PREFIXES, Pack, Requirement

__all__ = [
    "PACK_PREFIXES",
    "ChecklistRule",
    "Pack",
    "PackError",
    "Requirement",
    "checklist_rules",
    "load_pack",
    "shipped_pack_files",
    "shipped_packs",
]
