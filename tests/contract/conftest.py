"""Shared set-up for the contract tests: the example contracts, a per-session cache of
rendered PDFs, and text extraction that reads a bilingual page one column at a time."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from jobdocs.i18n.catalog import Catalogs
from jobdocs.render import Renderer
from jobdocs.render.contract_values import ContractValues, contract_values
from jobdocs.render.inputs import RenderSource

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parent.parent / "examples"
SPECS = HERE / "specs"
GOLDEN = HERE / "golden"

#: The bilingual Georgian–English contract (approved), its English EU counterpart (status
#: review, initials on every page) and a Russian contract (approved, single column).
GE = EXAMPLES / "contracts" / "ec-2026-042.yaml"
EU = EXAMPLES / "contracts" / "ha-2027-003.yaml"
RU = SPECS / "contracts" / "td-2026-015.yaml"

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="poppler-utils (pdftotext) is not installed")

# A4 in PDF points, and the page box the body is laid out in (role/style.css: margins 22 mm
# top, 16 mm right, 20 mm bottom, 27 mm left). The two columns meet in the middle of it.
MM = 72 / 25.4
PAGE_W, PAGE_H = 595.28, 841.89
BODY_TOP, BODY_BOTTOM = 22 * MM, PAGE_H - 20 * MM
COLUMN_SPLIT = 27 * MM + (PAGE_W - 27 * MM - 16 * MM) / 2


class RenderedPdfs:
    """PDFs rendered once per test session (a contract with its annex takes about a second)."""

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


def contract_of(spec: Path, lang: str | None = None) -> ContractValues:
    """The contract values of ``spec`` as the renderer builds them."""
    from jobdocs.api import check

    source = RenderSource.from_validated(check(spec))
    return contract_values(Renderer(catalogs=Catalogs()).context(source, lang))


def pdftotext(pdf: bytes, tmp_path: Path, *, page: int | None = None,
              crop: tuple[float, float, float, float] | None = None) -> str:
    """The text of ``pdf`` (or of one 1-based page), optionally of the box ``crop``
    ``(x, y, width, height)`` in points from the top left of every page."""
    source = tmp_path / f"probe-{len(list(tmp_path.glob('probe-*.pdf')))}.pdf"
    source.write_bytes(pdf)
    args = ["pdftotext", "-enc", "UTF-8"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    if crop is not None:
        x, y, w, h = crop
        args += ["-r", "72", "-x", str(int(x)), "-y", str(int(y)), "-W", str(int(w)),
                 "-H", str(int(h))]
    done = subprocess.run([*args, str(source), "-"], capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def column_pages(pdf: bytes, tmp_path: Path, side: int) -> list[str]:
    """The body text of the left (``side`` 0) or right (1) column, page by page, without
    the running header and footer."""
    x = 0 if side == 0 else COLUMN_SPLIT
    width = COLUMN_SPLIT if side == 0 else PAGE_W - COLUMN_SPLIT
    text = pdftotext(pdf, tmp_path, crop=(x, BODY_TOP, width, BODY_BOTTOM - BODY_TOP))
    return text.split("\f")[:-1]


def unhyphenate(text: str) -> str:
    """Undo the line-end hyphenation WeasyPrint adds (U+2010 HYPHEN, never in spec text)."""
    return re.sub("\u2010\\s*\n", "", text)


def flat(text: str) -> str:
    """``text`` with hyphenation undone, no-break spaces as spaces and every run of white
    space as one space."""
    return " ".join(unhyphenate(text).replace("\f", " ").replace("\u00a0", " ").split())


def loose(text: str) -> str:
    """:func:`flat`, without hyphens: pdftotext joins a line that ends in a hyphen-minus
    ("one-" / "hour" → "onehour"), so a spec's own hyphens may vanish at a line end."""
    return flat(text).replace("-", "").replace("\u2010", "")


def page_count(pdf: bytes) -> int:
    import io

    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)
