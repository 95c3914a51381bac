"""The public API: exactly what `jobdocs.__all__` exports, importable lazily."""

from __future__ import annotations

import subprocess
import sys

import jobdocs


def test_every_public_name_resolves() -> None:
    for name in jobdocs.__all__:
        assert getattr(jobdocs, name) is not None, name


def test_unknown_attribute_raises_attribute_error() -> None:
    try:
        jobdocs.no_such_thing  # noqa: B018
    except AttributeError as exc:
        assert "no_such_thing" in str(exc)
    else:  # pragma: no cover
        raise AssertionError


def test_import_is_cheap() -> None:
    probe = "import sys, jobdocs; print('pydantic' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "False"
