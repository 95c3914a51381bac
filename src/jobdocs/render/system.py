"""What rendering needs from the system, checked: ``jobdocs doctor``.

WeasyPrint needs Pango and fonts from the system. Georgian needs a font that has it; the
lari sign ₾ is missing from many fonts; PDFs are made about 2.5× faster with HarfBuzz's
subsetter than with the fontTools fallback; LibreOffice converts Word documents; poppler's
tools inspect PDFs. Each check says what this machine has and what a missing piece costs.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass

#: Fonts the shipped stylesheet names, in order, for Georgian and for Latin/Cyrillic text.
GEORGIAN_FONTS = ("Noto Serif Georgian", "DejaVu Serif", "BPG Serif GPL&GNU")
LATIN_FONTS = ("Noto Serif", "DejaVu Serif")

#: Debian packages that provide each piece.
PACKAGES = {
    "pango": "libpango-1.0-0 libpangoft2-1.0-0",
    "georgian": "fonts-noto-core (or fonts-dejavu-core, fonts-bpg-georgian)",
    "latin": "fonts-noto-core (or fonts-dejavu-core)",
    "subsetter": "libharfbuzz-subset0",
    "lari": "fonts-noto-core or fonts-bpg-georgian",
    "libreoffice": "libreoffice-writer-nogui",
    "poppler": "poppler-utils",
}


@dataclass(frozen=True, slots=True)
class Check:
    """The outcome of one check."""

    name: str
    ok: bool
    found: str
    """What this machine has (a version, a font, a path), or what is missing."""
    cost: str
    """What the missing piece costs; shown when ``ok`` is false."""
    package: str
    """The Debian package(s) that provide it."""
    required: bool = False
    """Whether rendering cannot work without it."""


def pango() -> Check:
    """Pango, which WeasyPrint lays text out with."""
    cost = "PDFs cannot be made at all"
    try:
        import weasyprint
        from weasyprint.text.ffi import pango as lib
    except (OSError, ImportError) as exc:
        return Check("Pango", False, f"not loadable: {exc}", cost, PACKAGES["pango"], True)
    number = int(lib.pango_version())
    version = f"{number // 10000}.{number // 100 % 100}.{number % 100}"
    return Check("Pango", True, f"Pango {version} (WeasyPrint {weasyprint.__version__})",
                 cost, PACKAGES["pango"], True)


def harfbuzz_subsetter() -> Check:
    """HarfBuzz's font subsetter, which WeasyPrint embeds font subsets with."""
    cost = ("PDFs take about 2.5x longer (fontTools fallback: ~275 ms instead of ~108 ms for "
            "a 3-page job description)")
    try:
        from weasyprint.text.ffi import harfbuzz, harfbuzz_subset
    except (OSError, ImportError) as exc:
        return Check("HarfBuzz subsetter", False, f"not loadable: {exc}", cost,
                     PACKAGES["subsetter"])
    ok = harfbuzz_subset is not None and bool(harfbuzz.hb_version_atleast(4, 1, 0))
    found = "libharfbuzz-subset" if ok else "missing (or HarfBuzz older than 4.1)"
    return Check("HarfBuzz subsetter", ok, found, cost, PACKAGES["subsetter"])


def _fc_list(pattern: str) -> list[str] | None:
    """Family names fontconfig lists for ``pattern``; ``None`` without fontconfig's tools."""
    tool = shutil.which("fc-list")
    if tool is None:
        return None
    try:
        done = subprocess.run([tool, pattern, "family"], capture_output=True, text=True,
                              timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    families = {line.split(",")[0].strip().replace("\\", "")
                for line in done.stdout.splitlines() if line.strip()}
    return sorted(families)


def _font_check(name: str, key: str, preferred: tuple[str, ...], lang: str,
                cost: str, required: bool) -> Check:
    capable = _fc_list(f":lang={lang}")
    if capable is None:
        return Check(name, False, "cannot tell: fontconfig's fc-list is missing", cost,
                     "fontconfig", required)
    chosen = next((f for f in preferred if f in capable), None)
    if chosen is not None:
        return Check(name, True, f"{chosen} (one of {len(capable)} fonts with `{lang}`)", cost,
                     PACKAGES[key], required)
    if capable:
        return Check(name, False, f"none of {', '.join(preferred)}; fontconfig will fall back "
                     f"to {capable[0]}", "documents look different from the shipped design",
                     PACKAGES[key], False)
    return Check(name, False, f"no font covers `{lang}`", cost, PACKAGES[key], required)


def georgian_font() -> Check:
    """A font with Georgian letters, preferably one the stylesheet names."""
    return _font_check("Georgian font", "georgian", GEORGIAN_FONTS, "ka",
                       "Georgian text prints as empty boxes", True)


def latin_font() -> Check:
    """A serif font for Latin and Cyrillic text."""
    return _font_check("Latin and Cyrillic font", "latin", LATIN_FONTS, "ru",
                       "English and Russian text fall back to whatever font exists", False)


def lari_sign() -> Check:
    """A font with the lari sign ₾ (U+20BE), which Babel uses for GEL."""
    families = _fc_list(":charset=20be")
    cost = "the lari sign ₾ prints as a box or a blank (jobdocs writes GEL instead)"
    if families is None:
        return Check("Lari sign ₾", False, "cannot tell: fc-list is missing", cost,
                     PACKAGES["lari"])
    found = ", ".join(families[:3]) + (" …" if len(families) > 3 else "")
    return Check("Lari sign ₾", bool(families), found or "no font has it", cost,
                 PACKAGES["lari"])


def libreoffice() -> Check:
    """LibreOffice, which converts Word documents to PDF."""
    path = shutil.which("soffice") or shutil.which("libreoffice")
    return Check("LibreOffice", path is not None, path or "missing",
                 "Word documents cannot be converted to PDF or checked by LibreOffice",
                 PACKAGES["libreoffice"])


def poppler() -> Check:
    """poppler's tools (pdftotext, pdffonts, pdftoppm), which inspect PDFs."""
    tools = ("pdftotext", "pdffonts", "pdftoppm")
    missing = [t for t in tools if shutil.which(t) is None]
    found = ", ".join(tools) if not missing else f"missing: {', '.join(missing)}"
    return Check("poppler", not missing, found,
                 "PDFs cannot be inspected here (text, fonts, page images); the render "
                 "tests that use them are skipped", PACKAGES["poppler"])


def run_checks() -> Iterator[Check]:
    """Every check, in the order ``jobdocs doctor`` prints them."""
    yield pango()
    yield harfbuzz_subsetter()
    yield georgian_font()
    yield latin_font()
    yield lari_sign()
    yield libreoffice()
    yield poppler()
