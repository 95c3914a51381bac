"""The structural diff: what changed between two versions, aligned by id, word by word."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jobdocs.api import check
from jobdocs.diff import SpecDiff, compare

from .conftest import AM, CONTRACT, KAM, Versions, revise_key_account_manager


def diff_of(old: Path, new: Path) -> SpecDiff:
    return compare(check(old).spec, check(new).spec)


def kinds(diff: SpecDiff) -> list[tuple[str, str, str | None]]:
    return [(c.kind, c.group, c.id) for c in diff.changes]


def words(change: Any, lang: str, op: str) -> list[str]:
    return [s.text for s in change.words[lang] if s.op == op]


def test_identical_versions_have_no_changes(versions: Versions) -> None:
    for spec in (AM, KAM, CONTRACT):
        diff = diff_of(versions.old(spec), versions.new(spec))
        assert not diff
        assert diff.changes == ()


def test_comments_and_key_order_are_not_changes(versions: Versions) -> None:
    versions.edit(KAM, lambda data: None)  # rewritten without comments, keys reordered by yaml
    assert not diff_of(versions.old(KAM), versions.new(KAM))


def test_the_acceptance_revision_lists_exactly_its_changes(versions: Versions) -> None:
    versions.edit(KAM, revise_key_account_manager)
    diff = diff_of(versions.old(KAM), versions.new(KAM))
    assert kinds(diff) == [
        ("changed", "reports_to", None),
        ("changed", "functions", "account-plans"),
        ("removed", "functions", "executive-relationships"),
        ("changed", "functions", "service-coordination"),
        ("added", "rights", "key-account-budget"),
    ]
    assert diff.summary_lines() == ["reports_to: ~1", "functions: \u22121 ~2", "rights: +1"]


def test_word_changes_in_georgian_and_english(versions: Versions) -> None:
    versions.edit(KAM, revise_key_account_manager)
    diff = diff_of(versions.old(KAM), versions.new(KAM))
    reports_to, plans = diff.changes[0], diff.changes[1]
    assert words(reports_to, "ka", "delete") == ["კომერციული"]
    assert words(reports_to, "ka", "insert") == ["გაყიდვების"]
    assert words(reports_to, "en", "insert") == ["Sales"]
    assert words(plans, "ka", "delete") == ["მონიტორინგი"]
    assert words(plans, "ka", "insert") == ["კვარტალური შეფასება"]
    assert words(plans, "en", "insert") == ["review", " quarterly"]


def test_russian_words(versions: Versions) -> None:
    versions.replace(AM, "title: {", "title: {ru: \"Менеджер по работе с клиентами\", ")
    old = versions.old(AM)
    old.write_text(old.read_text(encoding="utf-8").replace(
        "title: {", "title: {ru: \"Менеджер по работе с ключевыми клиентами\", ", 1),
        encoding="utf-8")
    diff = compare(check(old).spec, check(versions.new(AM)).spec)
    (change,) = diff.changes
    assert words(change, "ru", "delete") == ["ключевыми "]
    assert words(change, "ru", "insert") == []


def test_positions_in_both_files(versions: Versions) -> None:
    versions.edit(KAM, revise_key_account_manager)
    diff = diff_of(versions.old(KAM), versions.new(KAM))
    removed = next(c for c in diff.changes if c.kind == "removed")
    assert removed.new_location is None and removed.old_location is not None
    old_lines = versions.old(KAM).read_text(encoding="utf-8").splitlines()
    assert "executive-relationships" in old_lines[removed.old_location.line - 1]
    added = next(c for c in diff.changes if c.kind == "added")
    assert added.old_location is None and added.new_location is not None
    assert added.new_location.file == versions.new(KAM)
    new_lines = versions.new(KAM).read_text(encoding="utf-8").splitlines()
    assert "key-account-budget" in new_lines[added.new_location.line - 1]


def test_a_change_in_the_extended_parent_is_placed_in_the_parent(versions: Versions) -> None:
    versions.replace(AM, "id: negotiations", "id: negotiations-renamed")
    diff = diff_of(versions.old(KAM), versions.new(KAM))
    assert [(c.kind, c.id) for c in diff.changes] == [
        ("removed", "negotiations"), ("added", "negotiations-renamed")]
    assert diff.changes[1].new_location is not None
    assert diff.changes[1].new_location.file == versions.new(AM)


def test_a_moved_item_is_one_move(versions: Versions) -> None:
    def move(data: dict[str, Any]) -> None:
        rights = data["rights"]
        rights.append(rights.pop(0))
    versions.edit(AM, move)
    diff = diff_of(versions.old(AM), versions.new(AM))
    assert [(c.kind, c.id, c.old_path, c.new_path) for c in diff.changes] == [
        ("moved", "information-access", "rights[0]", "rights[4]")]
    assert diff.summary_lines() == ["rights: \u21951"]


def test_items_without_ids_are_matched_by_their_text(versions: Versions) -> None:
    def rewrite(data: dict[str, Any]) -> None:
        skills = data["requirements"]["skills"]  # Texts without ids
        skills[0]["en"] += " and persuasion"
        del skills[1]
        skills.append({"ka": "ახალი უნარი.", "en": "A new skill."})
    versions.edit(AM, rewrite)
    diff = diff_of(versions.old(AM), versions.new(AM))
    assert [(c.kind, c.old_path, c.new_path) for c in diff.changes] == [
        ("changed", "requirements.skills[0]", "requirements.skills[0]"),
        ("removed", "requirements.skills[1]", None),
        ("added", None, "requirements.skills[4]")]
    assert {c.group for c in diff.changes} == {"requirements.skills"}
    assert words(diff.changes[0], "en", "insert") == [" and persuasion"]


def test_contract_terms_and_the_annexed_role(versions: Versions) -> None:
    def raise_pay(data: dict[str, Any]) -> None:
        data["terms"]["pay"]["amount"] = 3800
        data["terms"]["leave"]["paid_days"] = 26
    versions.edit(CONTRACT, raise_pay)
    versions.replace(AM, "id: expenses", "id: expenses-refund")
    diff = diff_of(versions.old(CONTRACT), versions.new(CONTRACT))
    changed = {(c.kind, c.path, c.old, c.new) for c in diff.changes if c.group == "terms"}
    assert changed == {("changed", "terms.pay.amount", 3500, 3800),
                       ("changed", "terms.leave.paid_days", 24, 26)}
    annex = [(c.kind, c.group, c.id) for c in diff.changes if c.group.startswith("role")]
    assert annex == [("removed", "role.rights", "expenses"),
                     ("added", "role.rights", "expenses-refund")]


def test_an_organization_change_is_a_change(versions: Versions) -> None:
    org = Path("org/acme.yaml")
    text = versions.new(org).read_text(encoding="utf-8")
    versions.new(org).write_text(text.replace("405718263", "405718264"), encoding="utf-8")
    diff = diff_of(versions.old(AM), versions.new(AM))
    (change,) = diff.changes
    assert (change.path, change.old, change.new) == (
        "organization.registration_number", "405718263", "405718264")
    assert change.new_location is not None and change.new_location.file == versions.new(org)


def test_the_number_and_version_name_the_versions_and_are_not_changes(
        versions: Versions) -> None:
    def bump(data: dict[str, Any]) -> None:
        revise_key_account_manager(data)
        data["document"]["version"] = 2
    versions.edit(KAM, bump)
    diff = diff_of(versions.old(KAM), versions.new(KAM))
    assert diff.summary_lines() == ["reports_to: ~1", "functions: \u22121 ~2", "rights: +1"]
    assert (diff.old.number, diff.old.version) == ("JD-015", 1)
    assert (diff.new.number, diff.new.version) == ("JD-015", 2)


def test_a_version_bump_alone_differs_but_lists_nothing(versions: Versions) -> None:
    def bump(data: dict[str, Any]) -> None:
        data["document"]["version"] = 2
    versions.edit(KAM, bump)
    diff = diff_of(versions.old(KAM), versions.new(KAM))
    assert diff.changes == () and diff.register_changed and diff


def test_other_register_data_are_changes(versions: Versions) -> None:
    def bump(data: dict[str, Any]) -> None:
        data["document"]["status"] = "draft"
        data["document"]["effective_date"] = __import__("datetime").date(2027, 1, 1)
    versions.edit(KAM, bump)
    diff = diff_of(versions.old(KAM), versions.new(KAM))
    assert {(c.path, c.old, c.new) for c in diff.changes} == {
        ("document.status", "approved", "draft"),
        ("document.effective_date", "2026-12-01", "2027-01-01")}
