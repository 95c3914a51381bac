"""The contract's values: parties, clauses in their legal order and numbering, both languages
side by side, signatures, the annex, and clear errors for what a contract cannot do without."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import jobdocs
from jobdocs.api import check
from jobdocs.errors import RenderError, UsageError
from jobdocs.i18n.catalog import Catalogs
from jobdocs.models import Contract, Role
from jobdocs.render import Renderer
from jobdocs.render.context import build_context, check_language, render_languages
from jobdocs.render.contract_values import Clause, ContractValues, contract_values
from jobdocs.render.inputs import RenderSource

from .conftest import EU, GE, RU, contract_of

NBSP = "\u00a0"


def paragraph(contract: ContractValues, clause_id: str, paragraph_id: str) -> tuple[str, ...]:
    clause = clause_by_id(contract, clause_id)
    found = [p for p in clause.paragraphs if p.id == paragraph_id]
    assert found, f"{clause_id} has no paragraph {paragraph_id}"
    return tuple(t.replace(NBSP, " ") for t in found[0].texts)


def clause_by_id(contract: ContractValues, clause_id: str) -> Clause:
    found = [c for c in contract.clauses if c.id == clause_id]
    assert found, f"no clause {clause_id}"
    return found[0]


def test_clauses_follow_the_legal_order_then_the_specs_clauses_then_final_provisions() -> None:
    contract = contract_of(GE)
    assert [(c.number, c.id) for c in contract.clauses] == [
        ("1.", "subject"), ("2.", "workplace"), ("3.", "term"), ("4.", "probation"),
        ("5.", "working-time"), ("6.", "pay"), ("7.", "leave"), ("8.", "termination"),
        ("9.", "collective-agreement"), ("10.", "training"), ("11.", "social-security"),
        ("12.", "confidentiality"), ("13.", "personal-data"), ("14.", "dispute-resolution"),
        ("15.", "final")]
    assert [c.origin for c in contract.clauses][-4:] == ["clauses", "clauses", "clauses",
                                                         "final"]
    pay = clause_by_id(contract, "pay")
    assert [(p.number, p.id) for p in pay.paragraphs] == [("6.1.", "amount"),
                                                          ("6.2.", "payment")]


def test_a_bilingual_contract_has_two_columns_and_every_text_in_both() -> None:
    contract = contract_of(GE)
    assert contract.bilingual
    assert [(c.lang, c.locale) for c in contract.columns] == [("ka", "ka_GE"),
                                                              ("en", "en_GB")]
    for clause in contract.clauses:
        assert len(clause.headings) == 2 and all(clause.headings), clause.id
        for p in clause.paragraphs:
            assert len(p.texts) == 2 and all(p.texts), (clause.id, p.id)
    assert clause_by_id(contract, "confidentiality").headings == ("კონფიდენციალურობა",
                                                                  "Confidentiality")


def test_the_subject_names_the_position_and_refers_to_annex_1() -> None:
    contract = contract_of(GE)
    ka, en = paragraph(contract, "subject", "position")
    assert ka == ("დამსაქმებელი დასაქმებულს იღებს სამუშაოდ თანამდებობაზე „კლიენტებთან "
                  "ურთიერთობის მენეჯერი“ (გაყიდვების დეპარტამენტი).")
    assert en == ("The Employer employs the Employee in the position of Account Manager "
                  "(Sales Department).")
    ka, en = paragraph(contract, "subject", "duties")
    assert "სამუშაო აღწერილობით (დანართი 1)" in ka
    assert "job description (Annex 1)" in en


def test_pay_is_stated_as_a_figure_and_in_words() -> None:
    assert paragraph(contract_of(GE), "pay", "amount") == (
        "დასაქმებულის ყოველთვიური ხელფასის ოდენობაა 3 500 (სამი ათას ხუთასი) ლარი.",
        "The Employee's salary is GEL 3,500 (three thousand five hundred lari) per month.")
    assert paragraph(contract_of(RU), "pay", "amount") == (
        "Работнику устанавливается должностной оклад в размере 85 000 (восемьдесят пять "
        "тысяч) рублей в месяц.",)
    assert paragraph(contract_of(EU), "pay", "amount") == (
        "The Employee's salary is EUR 4,200 (four thousand two hundred euro) per month.",)


def test_dates_take_the_case_the_sentence_needs() -> None:
    ka, en = paragraph(contract_of(GE), "term", "start-date")
    assert ka == "დასაქმებული მუშაობას იწყებს 2026 წლის 1 დეკემბერს."
    assert en == "The Employee starts work on 1 December 2026."
    assert paragraph(contract_of(GE), "term", "open-ended")[1] == (
        "This Contract is concluded for an indefinite term.")
    assert paragraph(contract_of(EU), "term", "fixed-term") == (
        "This Contract is concluded for a fixed term until 31 December 2027 inclusive.",)
    # "г." ends the Russian date and the sentence at once.
    assert paragraph(contract_of(RU), "term", "start-date") == (
        "Работник приступает к работе 1 сентября 2026 г.",)


def test_days_are_counted_as_the_jurisdiction_counts_them() -> None:
    ge = contract_of(GE)
    assert paragraph(ge, "leave", "paid-leave")[1] == (
        "The Employee is entitled to paid annual leave of 24 working days.")
    assert "15 კალენდარული დღის ოდენობით" in paragraph(ge, "leave", "unpaid-leave")[0]
    assert "არანაკლებ 30 კალენდარული დღით ადრე" in paragraph(ge, "termination",
                                                           "employer-notice")[0]
    ru = contract_of(RU)
    assert paragraph(ru, "leave", "paid-leave") == (
        "Работнику предоставляется ежегодный оплачиваемый отпуск продолжительностью "
        "28 календарных дней.",)
    assert "не менее чем за 14 календарных дней" in paragraph(ru, "termination",
                                                             "employee-notice")[0]
    assert paragraph(ru, "probation", "probation") == (
        "Работнику устанавливается испытательный срок продолжительностью 3 месяца.",)
    assert paragraph(contract_of(EU), "working-time", "hours") == (
        "The normal working time is 37.5 hours a week.",)


def test_the_languages_clause_names_the_prevailing_language() -> None:
    contract = contract_of(GE)
    final = clause_by_id(contract, "final")
    assert [p.id for p in final.paragraphs] == ["entry-into-force", "copies", "languages",
                                                "prevailing-language"]
    assert paragraph(contract, "final", "languages") == (
        "ხელშეკრულება შედგენილია ქართულ და ინგლისურ ენებზე.",
        "This Contract is made in Georgian and English.")
    assert paragraph(contract, "final", "prevailing-language") == (
        "ტექსტებს შორის შეუსაბამობის შემთხვევაში უპირატესობა ენიჭება ქართულ ტექსტს.",
        "If the two versions differ, the Georgian version prevails.")


def test_a_single_language_contract_has_one_column_and_no_languages_clause() -> None:
    contract = contract_of(GE, "en")
    assert not contract.bilingual
    assert [c.lang for c in contract.columns] == ["en"]
    final = clause_by_id(contract, "final")
    assert [p.id for p in final.paragraphs] == ["entry-into-force", "copies"]
    assert all(len(p.texts) == 1 for c in contract.clauses for p in c.paragraphs)


def test_parties_and_the_representatives_authority() -> None:
    employer, employee = contract_of(GE).parties
    assert employer.names == ("შპს „ნოვა ტრეიდი“", "Nova Trade LLC")
    assert [line.texts[1] for line in employer.lines] == [
        "405718263", "112 David Aghmashenebeli Avenue, Tbilisi 0102, Georgia",
        "Giorgi Kapanadze, Director (under the Charter)"]
    assert employer.lines[2].texts[0] == "დირექტორი გიორგი კაპანაძე (წესდების საფუძველზე)"
    assert employee.names == ("ლევან გელაშვილი", "Levan Gelashvili")
    assert [line.labels[0] for line in employee.lines] == ["პირადი ნომერი", "მისამართი"]


def test_the_organizations_head_signs_when_no_representative_is_named() -> None:
    contract = contract_of(EU)
    assert contract.parties[0].lines[-1].texts == ("Aoife Brennan, Managing Director",)
    employer = contract.signatures[0]
    assert employer.signer_names == ("Aoife Brennan",)
    assert employer.signatory.field_name == "employer-1-aoife-brennan"


def test_both_parties_sign_with_the_contracts_date_and_place() -> None:
    source = RenderSource.from_validated(check(GE))
    context = Renderer().context(source)
    assert [s.field_name for s in context.approval.signatories()] == [
        "employer-1-giorgi-kapanadze", "employee-1-levan-gelashvili"]
    employer, employee = contract_values(context).signatures
    assert employer.dates == ("2026 წლის 27 ნოემბერი", "27 November 2026")
    assert employee.places == ("თბილისი", "Tbilisi")
    assert employer.signatory.field_label == "დირექტორი: გიორგი კაპანაძე"
    assert context.document.kind == "contract"
    assert context.document.watermark is None


def test_the_annex_is_the_job_description_in_both_languages() -> None:
    annex = contract_of(GE).annex
    role = jobdocs.load(GE.parent.parent / "roles" / "account-manager.yaml")
    assert isinstance(role, Role)
    assert annex.headings == ("შრომითი ხელშეკრულების № EC-2026/042 დანართი 1",
                              "Annex 1 to Employment Contract No. EC-2026/042")
    assert annex.titles == ("კლიენტებთან ურთიერთობის მენეჯერი", "Account Manager")
    assert [s.id for s in annex.sections] == ["general", "requirements", "functions", "rights",
                                              "responsibility", "performance"]
    functions = annex.sections[2]
    duty = role.functions[0].text
    assert duty is not None
    assert functions.paragraphs[0].texts == (duty.get("ka", "ka"), duty.get("en", "ka"))
    assert any(p.depth == 2 for p in functions.paragraphs)


def test_render_languages_and_the_bilingual_code() -> None:
    contract = jobdocs.load(GE)
    assert isinstance(contract, Contract)
    assert render_languages(contract) == ["ka-en"]
    for lang in ("ka-en", "ka", "en"):
        check_language(contract, lang)
    with pytest.raises(UsageError, match="not `en-ka`"):
        check_language(contract, "en-ka")
    assert render_languages(jobdocs.load(EU)) == ["en"]  # type: ignore[arg-type]


def _write_contract(root: Path, extra: str) -> Path:
    (root / "jobdocs.toml").write_text("", encoding="utf-8")
    for folder in ("org", "roles"):
        (root / folder).mkdir(exist_ok=True)
    (root / "org" / "harbour.yaml").write_text(
        (GE.parents[1] / "org" / "harbour.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    spec = root / "contract.yaml"
    spec.write_text(
        "jobdocs: 1\nkind: contract\nid: c-1\norganization: org/harbour.yaml\nlanguage: en\n"
        "document: {number: C-1}\nemployee: {name: Jo Bloggs}\n" + extra, encoding="utf-8")
    return spec


def test_a_contract_without_a_role_is_a_clear_error(tmp_path: Path) -> None:
    spec = _write_contract(tmp_path, "")
    with pytest.raises(RenderError, match="names no job description") as caught:
        jobdocs.render(spec, "html")
    assert caught.value.hint is not None and "role:" in caught.value.hint


def test_a_contract_built_in_code_needs_its_references() -> None:
    contract = jobdocs.load(GE)
    assert isinstance(contract, Contract)
    with pytest.raises(RenderError, match="was not loaded"):
        build_context(contract, "ka-en", catalogs=Catalogs())


def test_pay_without_a_currency_is_a_clear_error(tmp_path: Path) -> None:
    contract = jobdocs.load(EU)
    assert isinstance(contract, Contract)
    source = RenderSource.from_validated(check(EU))
    assert source.organization is not None
    org = source.organization.model_copy(update={
        "defaults": source.organization.defaults.model_copy(update={"currency": None})})
    pay = contract.terms.pay
    assert pay is not None
    changed = contract.model_copy(update={"terms": contract.terms.model_copy(update={
        "pay": pay.model_copy(update={"currency": None})})})
    with pytest.raises(RenderError, match="has no currency"):
        build_context(changed, "en", catalogs=Catalogs(), organization=org,
                      annex=source.annex)


def test_source_date_epoch_sets_the_metadata_dates() -> None:
    source = RenderSource.from_validated(check(GE))
    moment = datetime.datetime(2027, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)
    context = Renderer(timestamp=moment).context(source)
    assert context.metadata.created == "2027-01-02T03:04:05Z"
    assert Renderer().context(source).metadata.created == "2026-11-27T00:00:00Z"
