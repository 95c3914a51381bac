"""Reporters: one module per output format. Reporters import only :mod:`jobdocs.findings`."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Protocol, TextIO

from jobdocs.findings import Finding

FORMATS = ("text", "json")


class Reporter(Protocol):
    def __call__(self, findings: Sequence[Finding], stream: TextIO) -> None: ...


def reporter(fmt: str) -> Reporter:
    """The ``write`` function of the reporter module for ``fmt``."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    module = importlib.import_module(f"jobdocs.report.{fmt}")
    write: Reporter = module.write
    return write
