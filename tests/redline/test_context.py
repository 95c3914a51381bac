"""The marked context of a redline: exactly what changed is marked, nothing else."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from jobdocs.api import render_source
from jobdocs.errors import UsageError
from jobdocs.render import Renderer, RenderSource
from jobdocs.render.contract_values import contract_values
from jobdocs.render.redline import compare_sources, render_redline
from jobdocs.render.redline_compare import compare_contexts
from jobdocs.render.redline_fields import blank_context
from jobdocs.render.values import DocumentContext, Entry
from jobdocs.textdiff import deleted, inserted, new_text, old_text, segments_of

from .conftest import (
    ACCOUNT_PLANS,
    CLIENT_ACQUISITION,
    EC,
    EXAMPLES,
    KAM,
    NEW_REPORTS_TO,
    NEW_RIGHT,
    by_id,
    examples_copy,
    marked_strings,
)


def entry(context: DocumentContext, section: str, ident: str) -> Entry:
    found = next(s for s in context.sections if s.id == section)
    return next(e for e in found.entries if e.id == ident)


def entry_list(context: DocumentContext, section: str) -> tuple[Entry, ...]:
    return next(s for s in context.sections if s.id == section).entries


def counts(context_summary: Any) -> dict[str, tuple[int, int, int, int]]:
    return {part.key: (part.added, part.removed, part.changed, part.moved)
            for part in context_summary.sections}


def test_the_key_account_managers_changes_are_marked_and_nothing_else(
        renderer: Renderer, kam_versions: tuple[RenderSource, RenderSource]) -> None:
    old, new = kam_versions
    before = renderer.context(old)
    redline = compare_sources(renderer, old, new)
    context = redline.context

    assert {path for path, _ in marked_strings(context)} == {
        ".details[1].value",
        ".sections[functions].entries[client-acquisition].text",
        ".sections[functions].entries[account-plans].text",
        ".sections[functions].entries[service-coordination].number",
        ".sections[functions].entries[service-coordination].text",
        ".sections[rights].entries[key-account-budget].number",
        ".sections[rights].entries[key-account-budget].text",
    }
    # Two duties changed: word by word, the old text and the new one both recoverable.
    for ident, (ka_old, ka_new, _, _) in (("account-plans", ACCOUNT_PLANS),
                                          ("client-acquisition", CLIENT_ACQUISITION)):
        text = entry(context, "functions", ident).text
        was = entry(before, "functions", ident).text
        assert old_text(text) == was
        assert new_text(text) == was.replace(ka_old, ka_new)
        assert any(s.op == "equal" and len(s.text) > 20 for s in segments_of(text))
    assert ("delete", "წლიური") in [(s.op, s.text) for s in segments_of(
        entry(context, "functions", "account-plans").text)]
    # One duty removed: back in place, with its old number, all deleted.
    removed = entry(before, "functions", "service-coordination")
    shown = entry(context, "functions", "service-coordination")
    assert shown.text == deleted(removed.text)
    assert shown.number == deleted(removed.number)
    functions = next(s for s in context.sections if s.id == "functions")
    assert functions.entries[-1] is shown
    # One right added, all inserted.
    assert entry(context, "rights", "key-account-budget").text == inserted(NEW_RIGHT["ka"])
    # The reporting line.
    detail = context.details[1]
    assert detail.label == before.details[1].label
    assert new_text(detail.value) == NEW_REPORTS_TO["ka"]
    assert old_text(detail.value) == before.details[1].value

    assert counts(redline.summary) == {
        "details": (0, 0, 1, 0),
        "section:functions": (0, 1, 2, 0),
        "section:rights": (1, 0, 0, 0),
    }
    assert (redline.summary.old_version, redline.summary.new_version) == (1, 2)


def test_english_is_compared_as_well(
        renderer: Renderer, kam_versions: tuple[RenderSource, RenderSource]) -> None:
    old, new = kam_versions
    context = compare_sources(renderer, old, new, "en").context
    text = entry(context, "functions", "account-plans").text
    assert ("delete", "annual") in [(s.op, s.text) for s in segments_of(text)]
    assert ("insert", "quarterly") in [(s.op, s.text) for s in segments_of(text)]
    assert new_text(context.details[1].value) == NEW_REPORTS_TO["en"]


@pytest.mark.parametrize("spec", [KAM, Path("roles") / "account-manager.yaml", EC,
                                  Path("contracts") / "ha-2027-003.yaml"])
def test_identical_versions_mark_nothing(renderer: Renderer, spec: Path) -> None:
    source = render_source(EXAMPLES / spec)
    redline = compare_sources(renderer, source, source)
    assert list(marked_strings(redline.context)) == []
    assert redline.context == renderer.context(source)
    assert not redline.summary.changed


def test_renumbering_is_not_a_change(renderer: Renderer, tmp_path: Path) -> None:
    def remove_first_duty(data: dict[str, Any]) -> None:
        data["functions"].insert(0, {"id": "market-analysis", "remove": True})

    root = examples_copy(tmp_path / "examples", {KAM: remove_first_duty})
    redline = compare_sources(renderer, render_source(EXAMPLES / KAM), render_source(root / KAM))
    assert {path for path, _ in marked_strings(redline.context)} == {
        ".sections[functions].entries[market-analysis].number",
        ".sections[functions].entries[market-analysis].text",
    }
    numbers = [e.number for e in next(s for s in redline.context.sections
                                      if s.id == "functions").entries]
    assert numbers[:3] == [deleted("3.1."), "3.1.", "3.2."]


def test_a_moved_duty_is_deleted_where_it_was_and_inserted_where_it_is(
        renderer: Renderer, tmp_path: Path) -> None:
    def move(data: dict[str, Any]) -> None:
        functions = data["functions"]
        functions.insert(0, functions.pop(functions.index(by_id(functions, "reporting"))))

    spec = Path("roles") / "account-manager.yaml"
    root = examples_copy(tmp_path / "examples", {spec: move})
    old, new = render_source(EXAMPLES / spec), render_source(root / spec)
    was = entry(renderer.context(old), "functions", "reporting")
    redline = compare_sources(renderer, old, new)
    entries = next(s for s in redline.context.sections if s.id == "functions").entries
    assert (entries[0].id, entries[0].number, entries[0].text) == (
        "reporting", inserted("3.1."), inserted(was.text))
    assert (entries[-1].id, entries[-1].number, entries[-1].text) == (
        "reporting", deleted(was.number), deleted(was.text))
    assert [e.number for e in entries[1:3]] == ["3.2.", "3.3."]
    assert len(list(marked_strings(redline.context))) == 4
    assert counts(redline.summary) == {"section:functions": (0, 0, 0, 1)}


def test_a_section_added_and_a_clause_added_and_removed(renderer: Renderer,
                                                        tmp_path: Path) -> None:
    def add_section(data: dict[str, Any]) -> None:
        data["sections"] = [{"id": "kpi", "title": {"ka": "შეფასების კრიტერიუმები",
                                                    "en": "Performance criteria"},
                             "items": [{"ka": "გეგმის შესრულება.", "en": "Plan met."}]}]

    def clauses(data: dict[str, Any]) -> None:
        data["clauses"].insert(1, {"id": "remote-work",
                                   "title": {"ka": "დისტანციური მუშაობა", "en": "Remote work"},
                                   "text": {"ka": "კვირაში ორი დღე.", "en": "Two days a week."}})
        data["clauses"] = [c for c in data["clauses"] if c["id"] != "dispute-resolution"]

    root = examples_copy(tmp_path / "examples", {KAM: add_section, EC: clauses})
    role = compare_sources(renderer, render_source(EXAMPLES / KAM), render_source(root / KAM))
    kpi = role.context.sections[-1]
    assert (kpi.id, kpi.heading) == ("kpi", inserted("შეფასების კრიტერიუმები"))
    assert kpi.entries[0].text == inserted("გეგმის შესრულება.")
    assert counts(role.summary) == {"section:kpi": (1, 0, 0, 0)}

    contract = compare_sources(renderer, render_source(EXAMPLES / EC), render_source(root / EC))
    values = contract_values(contract.context)
    by_clause = {c.id: c for c in values.clauses}
    assert by_clause["remote-work"].headings == (inserted("დისტანციური მუშაობა"),
                                                 inserted("Remote work"))
    assert by_clause["dispute-resolution"].paragraphs[0].texts[1].startswith("\ue002The")
    ids = [c.id for c in values.clauses]
    assert ids.index("remote-work") < ids.index("dispute-resolution") < ids.index("final")
    assert counts(contract.summary) == {"clause:remote-work": (1, 0, 0, 0),
                                        "clause:dispute-resolution": (0, 1, 0, 0)}
    assert {path.split("]")[0] for path, _ in marked_strings(contract.context)} == {
        ".extra.contract.clauses[remote-work", ".extra.contract.clauses[dispute-resolution"}


def test_a_bilingual_contract_is_compared_column_by_column(renderer: Renderer,
                                                           tmp_path: Path) -> None:
    def edit(data: dict[str, Any]) -> None:
        data["document"]["version"] = 2
        data["terms"]["pay"]["amount"] = 3800
        data["employee"]["address"]["en"] = "7 Ilia Chavchavadze Avenue, Tbilisi, Georgia"

    root = examples_copy(tmp_path / "examples", {EC: edit})
    redline = compare_sources(renderer, render_source(EXAMPLES / EC), render_source(root / EC))
    values = contract_values(redline.context)
    pay = next(c for c in values.clauses if c.id == "pay").paragraphs[0]
    assert all("\ue002" in text and "\ue000" in text for text in pay.texts)
    address = values.parties[1].lines[1]
    assert address.texts[0] == contract_values(renderer.context(render_source(root / EC))
                                               ).parties[1].lines[1].texts[0]
    assert new_text(address.texts[1]) == "7 Ilia Chavchavadze Avenue, Tbilisi, Georgia"
    assert values.running == contract_values(renderer.context(render_source(root / EC))).running
    assert counts(redline.summary) == {"parties": (0, 0, 1, 0), "clause:pay": (0, 0, 1, 0)}
    assert redline.summary.new_version == 2


def test_an_old_version_without_the_language_reads_as_all_inserted(renderer: Renderer) -> None:
    old = render_source(Path(__file__).parent.parent / "render" / "specs" / "roles"
                        / "warehouse-supervisor.en.yaml")
    new = render_source(EXAMPLES / KAM)
    redline = compare_sources(renderer, old, new, "ka")
    marked = dict(marked_strings(redline.context))
    assert redline.context.document.number == "JD-015"  # the number is the summary's
    assert len(marked) > 50
    assert all(s.op == "insert" for text in marked.values() for s in segments_of(text))
    assert redline.summary.old_number == "JD-030"
    duties = len(entry_list(renderer.context(new), "functions"))
    assert ("section:functions", duties) in [(p.key, p.added) for p in redline.summary.sections]


def test_blank_context_keeps_what_identifies_the_document(renderer: Renderer) -> None:
    context = renderer.context(render_source(EXAMPLES / KAM))
    blank = blank_context(context)
    assert blank.sections == () and blank.details == ()
    assert (blank.document.number, blank.document.id, blank.lang) == ("JD-015",
                                                                     "key-account-manager", "ka")
    assert compare_contexts(blank, context).context.document.title == inserted(
        context.document.title)


def test_two_kinds_of_document_are_not_compared(renderer: Renderer) -> None:
    with pytest.raises(UsageError, match="cannot compare a job description"):
        render_redline(renderer, render_source(EXAMPLES / KAM), render_source(EXAMPLES / EC),
                       "html")


def test_an_unknown_format_is_a_usage_error(
        renderer: Renderer, kam_versions: tuple[RenderSource, RenderSource]) -> None:
    with pytest.raises(UsageError, match="unknown format `odt`"):
        render_redline(renderer, *kam_versions, "odt")


def test_a_translation_added_to_a_contract_is_inserted_in_its_column(renderer: Renderer,
                                                                     tmp_path: Path) -> None:
    def georgian_only(data: dict[str, Any]) -> None:
        data["languages"] = ["ka"]
        del data["prevailing_language"]

    root = examples_copy(tmp_path / "examples", {EC: georgian_only})
    old, new = render_source(root / EC), render_source(EXAMPLES / EC)
    redline = compare_sources(renderer, old, new)
    values = contract_values(redline.context)
    assert [c.lang for c in values.columns] == ["ka", "en"]
    subject = values.clauses[0].paragraphs[0]
    assert subject.texts[0] == contract_values(renderer.context(new)).clauses[0].paragraphs[
        0].texts[0]
    assert subject.texts[1] == inserted(new_text(subject.texts[1]))
    languages = next(c for c in values.clauses if c.id == "final").paragraphs[-1]
    assert languages.texts[1].startswith("\ue000")


def test_a_replaced_signatory_is_struck_through_with_a_field_of_its_own(
        renderer: Renderer, tmp_path: Path) -> None:
    spec = Path("roles") / "account-manager.yaml"

    def replace_lawyer(data: dict[str, Any]) -> None:
        data["approval"]["agreed_with"][0]["name"] = {"ka": "ნინო ბერიძე", "en": "Nino Beridze"}

    root = examples_copy(tmp_path / "examples", {spec: replace_lawyer})
    redline = compare_sources(renderer, render_source(EXAMPLES / spec),
                              render_source(root / spec), "en")
    rows = redline.context.approval.agreed_with
    assert [(new_text(r.name), old_text(r.name)) for r in rows[:2]] == [
        ("", "Tamar Lomidze"), ("Nino Beridze", "")]
    assert rows[0].field_name == "agreed_with-1-tamar-lomidze-removed"
    assert rows[1].field_name == "agreed_with-1-nino-beridze"
    fields = [s.field_name for s in redline.context.approval.signatories()]
    assert len(fields) == len(set(fields))
    assert counts(redline.summary) == {"signatures": (1, 1, 0, 0)}
