"""Shared test set-up: hypothesis profiles and paths to the examples."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "default", max_examples=150, deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "long", max_examples=5000, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"


@pytest.fixture
def examples() -> Path:
    """The shipped example specs."""
    return EXAMPLES


@pytest.fixture
def spec_root(tmp_path: Path) -> Path:
    """An empty spec root (a folder with jobdocs.toml)."""
    (tmp_path / "jobdocs.toml").write_text("# spec root\n", encoding="utf-8")
    return tmp_path


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """List the outcome of every case of the hostile-input corpus (tests/corpus) that ran:
    its exit code, time, peak memory and the finding codes or the error it gave."""
    lines = sorted(
        value
        for status in ("passed", "failed")
        for report in terminalreporter.stats.get(status, [])
        if getattr(report, "when", None) == "call"
        for name, value in getattr(report, "user_properties", [])
        if name == "corpus"
    )
    if lines:
        terminalreporter.write_sep("-", f"hostile-input corpus: {len(lines)} cases")
        for line in lines:
            terminalreporter.write_line(str(line))
