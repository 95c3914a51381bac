"""Output names: safe on every OS, never outside the output directory."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jobdocs.batch.names import inside, output_name, pattern_fields, safe_component
from jobdocs.errors import UsageError

DATA = {"document": {"number": "EC-2027/0001"}, "employee": {"name": {"ka": "ნინო", "en": "Nino"}}}


def test_default_pattern_replaces_slashes() -> None:
    name = output_name("{document.number}.{lang}.{format}", DATA, lang="ka", fmt="pdf", row=2)
    assert name == PurePosixPath("EC-2027_0001.ka.pdf")


def test_text_values_use_the_language() -> None:
    name = output_name("{employee.name}.{format}", DATA, lang="en", fmt="docx", row=2)
    assert str(name) == "Nino.docx"


def test_pattern_may_make_folders_but_values_may_not() -> None:
    data = {"document": {"number": "../../etc/passwd"}}
    name = output_name("{lang}/{document.number}.{format}", data, lang="ka", fmt="pdf", row=3)
    assert name.parts == ("ka", ".._.._etc_passwd.pdf")


@pytest.mark.parametrize("value, expected", [
    ("CON", "_CON"), ("nul.txt", "_nul.txt"), ("com1", "_com1"), ("..", "_"), (".", "_"),
    ("a\x00b", "a_b"), ("name. ", "name"), ('a<b>c:"d"|e?*', "a_b_c__d__e__"), ("", "_"),
])
def test_safe_component(value: str, expected: str) -> None:
    assert safe_component(value) == expected


def test_long_values_are_cut_on_a_character_boundary() -> None:
    assert len(safe_component("ა" * 500).encode()) <= 200


def test_malformed_patterns() -> None:
    with pytest.raises(UsageError):
        pattern_fields("{document.number")
    with pytest.raises(UsageError):
        pattern_fields("{document.number!r}")


@given(st.text(max_size=60), st.sampled_from(["{x}", "{x}/{x}", "a/{x}.{format}"]))
def test_property_no_value_leaves_the_output_directory(value: str, pattern: str) -> None:
    out = Path("/tmp/jobdocs-out-test")
    relative = output_name(pattern, {"x": value}, lang="ka", fmt="pdf", row=1)
    target = inside(out, relative)
    assert target.is_relative_to(out.resolve())
    for part in relative.parts:
        assert part not in ("", ".", "..") and "/" not in part and "\\" not in part
        assert "\x00" not in part
