"""Odd values where a spec's framing belongs — a kind that is a list, a version written as
true or "1", a text mapping whose keys are not languages — give a finding, never a crash
or a spec silently accepted."""

from __future__ import annotations

from pathlib import Path

import pytest

import jobdocs

BODY = "id: x\nlanguage: en\ntitle: Clerk\ndocument: {number: J-1}\n"


def _findings(tmp_path: Path, text: str) -> list[tuple[str, str]]:
    (tmp_path / "jobdocs.toml").write_text("")
    spec = tmp_path / "spec.yaml"
    spec.write_text(text, encoding="utf-8")
    return [(f.code, f.message) for f in jobdocs.validate(spec)]


@pytest.mark.parametrize("kind", ["[role]", "{name: role}", "7", "null"])
def test_a_kind_that_is_not_text(kind: str, tmp_path: Path) -> None:
    found = _findings(tmp_path, f"jobdocs: 1\nkind: {kind}\n{BODY}")
    assert [code for code, _ in found] == ["S104"]


@pytest.mark.parametrize("version, shown", [("true", "true"), ("1.0", "1.0"),
                                            ('"1"', '"1"'), ("[1]", "[1]")])
def test_a_version_that_only_looks_like_1(version: str, shown: str, tmp_path: Path) -> None:
    found = _findings(tmp_path, f"jobdocs: {version}\nkind: role\n{BODY}")
    assert found == [("S104", f"unsupported format version `jobdocs: {shown}`; this jobdocs "
                              "reads 1")]


def test_a_text_mapping_whose_key_is_not_a_language(tmp_path: Path) -> None:
    found = _findings(tmp_path, "jobdocs: 1\nkind: organization\nid: o\nname: Acme\n"
                                "address: {en: 1 Freedom Square, Tbilisi}\n")
    assert ("S103", "`Tbilisi` is not a language code") in found


def test_a_merge_key_says_what_it_is(tmp_path: Path) -> None:
    found = _findings(tmp_path, f"jobdocs: 1\nkind: role\n{BODY}base: &b {{a: 1}}\n"
                                "requirements:\n  <<: *b\n")
    assert ("S009", "YAML merge keys (`<<: *anchor`) are not supported in a spec") in found
