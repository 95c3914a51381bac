"""Fixtures of the Word tests (helpers live in ``docx_helpers``)."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx_helpers import Rendered


@pytest.fixture(autouse=True)
def _no_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


@pytest.fixture(scope="session")
def rendered() -> Rendered:
    """Documents rendered once per test session."""
    return Rendered()


@pytest.fixture(scope="session")
def soffice_profile() -> Iterator[Path]:
    """A LibreOffice user profile of this test session (each soffice needs its own)."""
    with tempfile.TemporaryDirectory(prefix="jobdocs-soffice-") as folder:
        yield Path(folder)
