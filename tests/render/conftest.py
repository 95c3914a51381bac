"""Shared set-up for the render tests: fixture specs, a per-session cache of rendered PDFs,
and text extraction with poppler's pdftotext."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

SPECS = Path(__file__).resolve().parent / "specs"
GOLDEN = Path(__file__).resolve().parent / "golden"

#: The three language fixtures: a Georgian draft (status review), an approved English role,
#: and an approved Russian role whose organization has a logo.
KA = SPECS / "roles" / "office-manager.ka.yaml"
EN = SPECS / "roles" / "warehouse-supervisor.en.yaml"
RU = SPECS / "roles" / "purchasing-manager.ru.yaml"

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="poppler-utils (pdftotext) is not installed")


class RenderedPdfs:
    """PDFs rendered once per test session (each takes a few hundred milliseconds)."""

    def __init__(self) -> None:
        self._done: dict[tuple[Path, str | None], bytes] = {}

    def get(self, spec: Path, lang: str | None = None) -> bytes:
        key = (spec, lang)
        if key not in self._done:
            import jobdocs

            self._done[key] = jobdocs.render(spec, "pdf", lang)
        return self._done[key]


@pytest.fixture(scope="session")
def rendered() -> RenderedPdfs:
    return RenderedPdfs()


@pytest.fixture(autouse=True)
def _no_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def pdftotext(pdf: bytes, tmp_path: Path, *, page: int | None = None) -> str:
    """The text of ``pdf`` (or of one 1-based page) as pdftotext reads it."""
    source = tmp_path / f"probe-{len(list(tmp_path.glob('probe-*.pdf')))}.pdf"
    source.write_bytes(pdf)
    args = ["pdftotext", "-enc", "UTF-8"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    done = subprocess.run([*args, str(source), "-"], capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def page_count(pdf: bytes) -> int:
    import io

    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def unhyphenate(text: str) -> str:
    """Undo the line-end hyphenation WeasyPrint adds (it draws U+2010 HYPHEN there, never in
    spec text)."""
    return re.sub("\u2010\\s*\n", "", text)


def flat(text: str) -> str:
    """``text`` with hyphenation undone and every run of white space as one space."""
    return " ".join(unhyphenate(text).replace("\f", " ").split())


def spec_root_with_org(tmp_path: Path) -> Path:
    """A fresh spec root holding the fixture organization (``org/nova.yaml``)."""
    (tmp_path / "jobdocs.toml").write_text("", encoding="utf-8")
    (tmp_path / "org").mkdir()
    shutil.copy(SPECS / "org" / "nova.yaml", tmp_path / "org" / "nova.yaml")
    (tmp_path / "roles").mkdir()
    return tmp_path
