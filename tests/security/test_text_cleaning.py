"""Control characters and direction overrides in spec text reach no document: every printed
value — in HTML, PDF (running headers included) and Word — drops what the format cannot hold
and closes the bidi overrides it opens, so it cannot reorder the words printed after it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import jobdocs
from jobdocs.render.templates import css_string
from jobdocs.render.text import balance_bidi, clean_text, xml_text

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@pytest.mark.parametrize("raw, clean", [
    ("a\x7fb", "ab"), ("a\x85b", "a\nb"), ("a\x9bb", "ab"), ("a\x1b[31mb", "a[31mb"),
])
def test_xml_text_drops_c1_controls_too(raw: str, clean: str) -> None:
    assert xml_text(raw) == clean


@pytest.mark.parametrize("raw, balanced", [
    ("a\u202eb", "a\u202eb\u202c"), ("a\u2067b", "a\u2067b\u2069"),
    ("\u202a\u2066x", "\u202a\u2066x\u2069\u202c"), ("a\u202eb\u202cc", "a\u202eb\u202cc"),
    ("\u2067a\u202eb\u2069", "\u2067a\u202eb\u2069"), ("plain", "plain"),
])
def test_bidi_overrides_are_closed(raw: str, balanced: str) -> None:
    assert balance_bidi(raw) == balanced


def test_css_strings_carry_no_control_characters() -> None:
    assert css_string("CLERK\x01\x02") == '"CLERK"'
    assert "\\00202e" in css_string("a\u202eb") and css_string("a\u202eb").endswith('00202c"')


def test_no_document_carries_a_control_character(tmp_path: Path) -> None:
    root = tmp_path / "specs"
    shutil.copytree(EXAMPLES, root)
    spec = root / "roles" / "data-analyst.yaml"
    text = spec.read_text(encoding="utf-8")
    spec.write_text(text.replace('title: "Data Analyst"',
                                 'title: "Data\\x01 Analyst\\e[2J\\x7f\\u202e"'),
                    encoding="utf-8")
    html = jobdocs.render(spec, "html").decode("utf-8")
    assert CONTROL.search(html) is None
    assert "Data Analyst[2J\u202e\u202c" in html
    assert clean_text("Data\x01 Analyst\x1b[2J\x7f\u202e") == "Data Analyst[2J\u202e\u202c"


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_a_model_built_in_code_with_a_lone_surrogate_renders(fmt: str) -> None:
    from jobdocs.models import Text

    model = jobdocs.load(EXAMPLES / "roles" / "data-analyst.yaml")
    hostile = model.model_copy(update={"title": Text("Data\ud800 Analyst\x00")})
    assert jobdocs.render(hostile, fmt)  # the surrogate becomes U+FFFD, NUL goes
