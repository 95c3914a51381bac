"""validation.py: pydantic errors → findings an HR user understands, at the right place."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import jobdocs
from jobdocs.api import check

from .specs import ORG, ROLE, write


def one(findings, code: str):
    matching = [f for f in findings if f.code == code]
    assert len(matching) == 1, findings
    return matching[0]


def test_examples_are_valid(examples: Path) -> None:
    for path in sorted(examples.rglob("*.yaml")):
        assert jobdocs.validate(path) == [], path


def test_unknown_key_with_did_you_mean(spec_root: Path) -> None:
    write(spec_root, "org.yaml", ORG)
    role = write(spec_root, "r.yaml", ROLE.replace("effective_date:", "efective_date:"))
    finding = one(check(role).findings, "S101")
    assert finding.location.line == 8
    assert finding.message == "unknown key `efective_date` in `document`"
    assert finding.hint == "did you mean `effective_date`?"
    assert finding.location.path == "document.efective_date"


def test_wrong_type_suggests_quotes(spec_root: Path) -> None:
    write(spec_root, "org.yaml", ORG)
    role = write(spec_root, "r.yaml", ROLE.replace("number: JD-1", "number: 1"))
    finding = one(check(role).findings, "S103")
    assert (finding.location.line, finding.location.column) == (8, 20)
    assert "must be text" in finding.message and finding.hint == "put the value in quotes"


def test_missing_required_key_names_it(spec_root: Path) -> None:
    write(spec_root, "org.yaml", ORG)
    role = write(spec_root, "r.yaml", ROLE.replace("number: JD-1, ", ""))
    finding = one(check(role).findings, "S102")
    assert finding.message == "the required key `number` is missing in `document`"
    assert finding.location.line == 8 and finding.location.path == "document.number"


def test_bad_status_lists_the_choices(spec_root: Path) -> None:
    write(spec_root, "org.yaml", ORG)
    role = write(spec_root, "r.yaml", ROLE.replace("status: draft", "status: final"))
    finding = one(check(role).findings, "S103")
    assert "'draft', 'review' or 'approved'" in finding.message


def test_missing_translation_names_item_and_language(spec_root: Path) -> None:
    write(spec_root, "org.yaml", ORG)
    role = write(spec_root, "r.yaml", ROLE.replace("{ka: მეორე, en: Second}", "მეორე"))
    finding = one(check(role).findings, "S105")
    assert finding.location.line == 11
    assert finding.message == "`functions[1].text` has no English (`en`) text"


def test_organization_texts_must_cover_the_roles_languages(spec_root: Path) -> None:
    write(spec_root, "org.yaml", ORG.replace("{ka: შპს „ტესტი“, en: Test LLC}", "შპს „ტესტი“"))
    role = write(spec_root, "r.yaml", ROLE)
    finding = one(check(role).findings, "S105")
    assert finding.location.file.name == "org.yaml" and finding.location.line == 4


def test_bad_language_code_and_currency(spec_root: Path) -> None:
    write(spec_root, "org.yaml", ORG + "defaults: {currency: LARI, language: Georgian}\n")
    findings = check(spec_root / "org.yaml").findings
    assert {f.location.path for f in findings} == {"defaults.currency", "defaults.language"}


def test_unknown_currency_code(spec_root: Path) -> None:
    write(spec_root, "org.yaml", ORG + "defaults: {currency: XYZ}\n")
    finding = one(check(spec_root / "org.yaml").findings, "S103")
    assert "ISO 4217" in finding.message


def test_unknown_kind_and_missing_version(spec_root: Path) -> None:
    write(spec_root, "a.yaml", "jobdocs: 1\nkind: rolle\nid: a\n")
    finding = one(check(spec_root / "a.yaml").findings, "S104")
    assert finding.hint == "did you mean `role`?" and finding.location.line == 2
    write(spec_root, "b.yaml", "kind: role\nid: b\n")
    assert one(check(spec_root / "b.yaml").findings, "S104").location.line == 1


def test_primary_language_must_be_listed(spec_root: Path) -> None:
    write(spec_root, "org.yaml", ORG)
    role = write(spec_root, "r.yaml", ROLE.replace("languages: [ka, en]", "languages: [en]"))
    finding = [f for f in check(role).findings if f.location.path == "languages"]
    assert finding and "primary language `ka`" in finding[0].message


def test_load_raises_spec_error_with_every_finding(spec_root: Path) -> None:
    write(spec_root, "org.yaml", ORG)
    role = write(spec_root, "r.yaml", ROLE.replace("status: draft", "status: x") + "bogus: 1\n")
    try:
        jobdocs.load(role)
    except jobdocs.SpecError as exc:
        assert {f.code for f in exc.findings} == {"S101", "S103"}
    else:  # pragma: no cover
        raise AssertionError("load accepted an invalid spec")


def test_load_attaches_the_organization(examples: Path) -> None:
    contract = jobdocs.load(examples / "contracts" / "ec-2026-042.yaml")
    refs = jobdocs.references(contract)
    assert refs.organization is not None and refs.role is not None
    assert refs.role.id == "account-manager"


_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 5000) | st.text(max_size=8)
    | st.dates().map(str),
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.sampled_from(["id", "text", "ka", "en", "number", "x"]), inner,
                      max_size=3),
    max_leaves=12,
)
_FIELDS = ["id", "title", "document", "functions", "rights", "language", "languages",
           "requirements", "approval", "sections", "general", "unknown"]


@settings(max_examples=60)
@given(st.dictionaries(st.sampled_from(_FIELDS), _VALUES, max_size=6),
       st.sampled_from(["role", "contract", "organization", "nonsense"]))
def test_property_random_specs_give_a_model_or_findings(tmp_path_factory, fields, kind) -> None:
    import yaml

    root = tmp_path_factory.mktemp("spec")
    (root / "jobdocs.toml").write_text("")
    data = {"jobdocs": 1, "kind": kind, **fields}
    path = root / "spec.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = check(path)
    assert (result.model is not None) or result.findings
    for finding in result.findings:
        assert finding.location.line >= 1 and finding.location.column >= 1
