"""source.py: YAML → data + positions; every problem a finding with a place."""

from __future__ import annotations

import codecs
import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jobdocs.source import Limits, parse_source


def parse(text: str | bytes, limits: Limits | None = None):
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return parse_source(raw, Path("spec.yaml"), limits or Limits())


def codes(doc) -> list[tuple[str, int, int]]:
    return [(f.code, f.location.line, f.location.column) for f in doc.findings]


def test_positions_are_one_based_and_count_characters_not_bytes() -> None:
    doc = parse("title: {ka: ანგარიშის მენეჯერი, en: Account Manager}\nid: x\n")
    assert doc.findings == []
    en = doc.source_map.span(("title", "en"))
    assert (en.line, en.column) == (1, 37)
    assert doc.source_map.span(("title", "en"), key=True).column == 33
    assert doc.source_map.span(("id",)).line == 2


def test_duplicate_key_is_reported_at_the_second_key_and_the_first_value_kept() -> None:
    doc = parse("document:\n  effective_date: 2026-12-01\n  effective_date: 2027-01-01\n")
    assert codes(doc) == [("S004", 3, 3)]
    assert "line 2" in (doc.findings[0].hint or "")
    assert doc.data["document"]["effective_date"] == datetime.date(2026, 12, 1)
    assert doc.source_map.span(("document", "effective_date")).line == 2


def test_impossible_date_is_a_finding_on_its_line() -> None:
    doc = parse("a: 1\nwhen: 2026-02-30\n")
    assert codes(doc) == [("S007", 2, 7)]
    assert "2026-02-30" in doc.findings[0].message


@pytest.mark.parametrize("word", ["no", "yes", "on", "off", "No", "OFF"])
def test_yaml11_booleans_stay_strings(word: str) -> None:
    doc = parse(f"{word}: {word}\n")
    assert doc.data == {word: word}


def test_true_false_null_numbers_and_money() -> None:
    doc = parse("a: true\nb: false\nc: null\nd: 40\ne: 3500.50\n")
    assert doc.data == {"a": True, "b": False, "c": None, "d": 40, "e": Decimal("3500.50")}


def test_unclosed_quote_points_at_where_it_opened() -> None:
    doc = parse('a: 1\nb: "never closed\nc: 3\n')
    (finding,) = doc.findings
    assert (finding.code, finding.location.line, finding.location.column) == ("S001", 2, 4)
    assert doc.data is None


def test_tab_indentation_gets_a_hint() -> None:
    doc = parse("a:\n\t- b\n")
    (finding,) = doc.findings
    assert finding.code == "S001" and finding.location.line == 2
    assert "tabs" in (finding.hint or "")


@pytest.mark.parametrize(
    "text, kind", [("- a\n- b\n", "a list"), ("just text\n", "a single value")]
)
def test_top_level_must_be_a_mapping(text: str, kind: str) -> None:
    doc = parse(text)
    assert [f.code for f in doc.findings] == ["S006"]
    assert kind in doc.findings[0].message


@pytest.mark.parametrize("raw", [b"", b"   \n\n", b"# only a comment\n"])
def test_empty_files(raw: bytes) -> None:
    doc = parse(raw)
    assert [f.code for f in doc.findings] == ["S010"]


def test_utf8_bom_is_accepted() -> None:
    assert parse(codecs.BOM_UTF8 + b"a: 1\n").data == {"a": 1}


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_utf16_and_utf32_are_refused(encoding: str) -> None:
    doc = parse("a: ანა\n".encode(encoding))
    assert [f.code for f in doc.findings] == ["S002"]
    assert "UTF-8" in doc.findings[0].message


def test_latin1_is_refused_at_the_bad_byte() -> None:
    doc = parse("a: 1\nname: café\n".encode("latin-1"))
    assert codes(doc) == [("S002", 2, 10)]


def test_size_limit() -> None:
    doc = parse("a: " + "x" * 200 + "\n", Limits(max_bytes=100))
    assert [f.code for f in doc.findings] == ["S003"]


def test_alias_bomb_is_stopped() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i, name in enumerate("bcdefghij"):
        prev = "abcdefghij"[i]
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    doc = parse("\n".join(lines) + "\n")
    assert [f.code for f in doc.findings] == ["S005"]
    assert doc.data is None


def test_small_aliases_are_expanded_with_positions() -> None:
    doc = parse("base: &b {ka: ა, en: a}\ncopy: *b\n")
    assert doc.data["copy"] == {"ka": "ა", "en": "a"}
    assert doc.source_map.span(("copy",)).line == 2
    assert doc.data["copy"] is not doc.data["base"]


def test_deep_nesting_is_stopped() -> None:
    doc = parse("a: " + "[" * 200 + "]" * 200 + "\n")
    assert doc.data is None
    assert doc.findings and doc.findings[0].code in {"S008", "S001"}


def test_unknown_tags_are_refused() -> None:
    doc = parse("a: !!python/object:os.system x\n")
    assert [f.code for f in doc.findings] == ["S009"]


def test_more_than_one_document() -> None:
    doc = parse("a: 1\n---\nb: 2\n")
    assert [f.code for f in doc.findings] == ["S011"]


def test_control_character_is_a_finding() -> None:
    doc = parse("a: x\x01y\n")
    assert [f.code for f in doc.findings] == ["S001"]
    assert "U+0001" in doc.findings[0].message


@given(st.binary(max_size=400))
def test_property_any_bytes_give_data_or_findings(raw: bytes) -> None:
    doc = parse_source(raw, Path("fuzz.yaml"))
    assert doc.data is not None or doc.findings


@given(st.text(alphabet=st.sampled_from(list("ab:-[]{}&*!|>'\"#\n\t ,?ქ1.")), max_size=200))
def test_property_yamlish_text_never_raises(text: str) -> None:
    doc = parse_source(text.encode("utf-8"), Path("fuzz.yaml"))
    assert doc.data is not None or doc.findings
