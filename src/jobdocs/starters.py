"""Starter specs for ``jobdocs init``: complete and valid, in Georgian, English or Russian.

A role and a contract refer to ``organization.yaml`` (and the contract to ``role.yaml``) in
the same folder, so ``init organization``, ``init role`` and ``init contract`` into one folder
give a set that validates as it is.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import yaml

SCHEMA_DIR = ".jobdocs/schema"

_PHRASES: dict[str, dict[str, str]] = {
    "ka": {
        "org": "შპს „თქვენი კომპანია“",
        "address": "საქართველო, თბილისი, ქუჩა, ნომერი",
        "head": "სახელი გვარი",
        "director": "დირექტორი",
        "title": "თანამდებობის დასახელება",
        "department": "სტრუქტურული ერთეული",
        "reports_to": "უშუალო ხელმძღვანელი",
        "general1": "დასაქმებულს თანამდებობაზე ნიშნავს და თანამდებობიდან ათავისუფლებს "
                    "დირექტორი ბრძანებით.",
        "general2": "დასაქმებული უშუალოდ ექვემდებარება სტრუქტურული ერთეულის ხელმძღვანელს.",
        "general3": "დასაქმებულის არყოფნისას მის მოვალეობებს ასრულებს ხელმძღვანელის მიერ "
                    "განსაზღვრული პირი.",
        "education": "უმაღლესი განათლება",
        "experience": "არანაკლებ ერთი წლის სამუშაო გამოცდილება",
        "knowledge": "კომპანიის შინაგანაწესი და სამუშაოსთვის საჭირო ნორმატიული აქტები",
        "skill": "საოფისე პროგრამებთან მუშაობა",
        "quality": "პასუხისმგებლობის გრძნობა",
        "duty1": "პირველი მოვალეობის აღწერა.",
        "duty2": "მეორე მოვალეობის აღწერა.",
        "right1": "მოვალეობების შესასრულებლად საჭირო ინფორმაციის მიღება.",
        "resp1": "თანამდებობრივი მოვალეობების შეუსრულებლობა ან არაჯეროვანი შესრულება.",
        "resp2": "კონფიდენციალური ინფორმაციის გამჟღავნება.",
        "lawyer": "იურისტი",
        "hr": "ადამიანური რესურსების მენეჯერი",
        "employee": "დასაქმებულის სახელი და გვარი",
        "id_text": "დასაქმებულის მისამართი",
        "city": "თბილისი",
        "workplace": "კომპანიის ოფისი, თბილისი",
        "schedule": "ორშაბათიდან პარასკევამდე, 09:00–18:00, ერთსაათიანი შესვენებით",
        "overtime": "ზეგანაკვეთური სამუშაო ანაზღაურდება გაზრდილი საათობრივი განაკვეთით.",
        "payment": "ხელფასი ირიცხება საბანკო ანგარიშზე ყოველი თვის ბოლოს.",
        "collective": "კოლექტიური ხელშეკრულება არ მოქმედებს.",
        "training": "დამსაქმებელი უზრუნველყოფს საჭირო პროფესიულ მომზადებას.",
        "social": "საპენსიო შენატანები ხორციელდება კანონმდებლობის შესაბამისად.",
        "authority": "წესდების საფუძველზე",
        "clause_title": "კონფიდენციალურობა",
        "clause_text": "დასაქმებული ვალდებულია დაიცვას კომპანიის კონფიდენციალური ინფორმაცია.",
    },
    "en": {
        "org": "Your Company LLC",
        "address": "Street, number, city, country",
        "head": "First Last",
        "director": "Director",
        "title": "Position title",
        "department": "Department",
        "reports_to": "Immediate supervisor",
        "general1": "The employee is appointed and dismissed by order of the Director.",
        "general2": "The employee reports directly to the head of the department.",
        "general3": "In the employee's absence, a person designated by the supervisor "
                    "performs their duties.",
        "education": "A university degree",
        "experience": "At least one year of relevant experience",
        "knowledge": "The company's internal regulations and the rules that apply to the work",
        "skill": "Working with office software",
        "quality": "A sense of responsibility",
        "duty1": "Describe the first duty.",
        "duty2": "Describe the second duty.",
        "right1": "To receive the information needed to perform the duties.",
        "resp1": "Failure to perform, or improper performance of, the duties of the position.",
        "resp2": "Disclosure of confidential information.",
        "lawyer": "Lawyer",
        "hr": "HR Manager",
        "employee": "Employee's full name",
        "id_text": "Employee's address",
        "city": "Tbilisi",
        "workplace": "The company's office",
        "schedule": "Monday to Friday, 09:00–18:00, with a one-hour lunch break",
        "overtime": "Overtime is paid at an increased hourly rate.",
        "payment": "Salary is paid by bank transfer at the end of each month.",
        "collective": "No collective agreement applies.",
        "training": "The employer provides the training the work requires.",
        "social": "Pension contributions are made as the law requires.",
        "authority": "under the Charter",
        "clause_title": "Confidentiality",
        "clause_text": "The employee shall keep the company's confidential information secret.",
    },
    "ru": {
        "org": "ООО «Ваша компания»",
        "address": "Улица, дом, город, страна",
        "head": "Имя Фамилия",
        "director": "Директор",
        "title": "Наименование должности",
        "department": "Структурное подразделение",
        "reports_to": "Непосредственный руководитель",
        "general1": "Работник назначается на должность и освобождается от неё приказом "
                    "директора.",
        "general2": "Работник подчиняется непосредственно руководителю подразделения.",
        "general3": "На время отсутствия работника его обязанности исполняет лицо, "
                    "назначенное руководителем.",
        "education": "Высшее образование",
        "experience": "Опыт работы по специальности не менее одного года",
        "knowledge": "Правила внутреннего трудового распорядка и нормативные акты по работе",
        "skill": "Работа с офисными программами",
        "quality": "Ответственность",
        "duty1": "Опишите первую обязанность.",
        "duty2": "Опишите вторую обязанность.",
        "right1": "Получать информацию, необходимую для исполнения обязанностей.",
        "resp1": "Неисполнение или ненадлежащее исполнение должностных обязанностей.",
        "resp2": "Разглашение конфиденциальной информации.",
        "lawyer": "Юрист",
        "hr": "Менеджер по персоналу",
        "employee": "Фамилия, имя работника",
        "id_text": "Адрес работника",
        "city": "Тбилиси",
        "workplace": "Офис компании",
        "schedule": "С понедельника по пятницу, 09:00–18:00, перерыв на обед один час",
        "overtime": "Сверхурочная работа оплачивается по повышенной часовой ставке.",
        "payment": "Заработная плата перечисляется на банковский счёт в конце каждого месяца.",
        "collective": "Коллективный договор не применяется.",
        "training": "Работодатель обеспечивает необходимое обучение.",
        "social": "Пенсионные взносы уплачиваются в соответствии с законом.",
        "authority": "на основании Устава",
        "clause_title": "Конфиденциальность",
        "clause_text": "Работник обязуется сохранять конфиденциальную информацию компании.",
    },
}

_CURRENCY = {"ka": "GEL", "en": "GEL", "ru": "GEL"}


def _organization(p: dict[str, str], lang: str) -> dict[str, Any]:
    return {
        "jobdocs": 1,
        "kind": "organization",
        "id": "my-company",
        "name": p["org"],
        "registration_number": "000000000",
        "address": p["address"],
        "head": {"name": p["head"], "position": p["director"]},
        "defaults": {"language": lang, "jurisdiction": "GE", "currency": _CURRENCY[lang]},
    }


def _role(p: dict[str, str], lang: str, today: datetime.date) -> dict[str, Any]:
    return {
        "jobdocs": 1,
        "kind": "role",
        "id": "my-role",
        "organization": "organization.yaml",
        "language": lang,
        "languages": [lang],
        "title": p["title"],
        "department": p["department"],
        "reports_to": p["reports_to"],
        "document": {"number": "JD-001", "version": 1, "status": "draft",
                     "effective_date": today},
        "general": [{"id": "appointment", "text": p["general1"]},
                    {"id": "reporting-line", "text": p["general2"]},
                    {"id": "substitution", "text": p["general3"]}],
        "requirements": {"education": p["education"], "experience": p["experience"],
                         "knowledge": [p["knowledge"]], "skills": [p["skill"]],
                         "qualities": [p["quality"]]},
        "functions": [{"id": "duty-1", "text": p["duty1"]}, {"id": "duty-2", "text": p["duty2"]}],
        "rights": [{"id": "information", "text": p["right1"]}],
        "responsibility": [{"id": "duties", "text": p["resp1"]},
                           {"id": "confidentiality", "text": p["resp2"]}],
        "approval": {
            "approved_by": {"name": p["head"], "position": p["director"]},
            "agreed_with": [{"name": p["head"], "position": p["lawyer"]},
                            {"name": p["head"], "position": p["hr"]}],
            "acknowledged_by": [],
        },
    }


def _contract(p: dict[str, str], lang: str, today: datetime.date) -> dict[str, Any]:
    return {
        "jobdocs": 1,
        "kind": "contract",
        "id": "my-contract",
        "organization": "organization.yaml",
        "role": "role.yaml",
        "jurisdiction": "GE",
        "language": lang,
        "languages": [lang],
        "document": {"number": "EC-001", "version": 1, "status": "draft", "date": today,
                     "place": p["city"]},
        "employee": {"name": p["employee"], "id_number": "00000000000", "address": p["id_text"]},
        "employer_representative": {"name": p["head"], "position": p["director"],
                                    "authority": p["authority"]},
        "terms": {
            "start_date": today,
            "end_date": None,
            "probation": {"months": 3},
            "workplace": p["workplace"],
            "working_time": {"hours_per_week": 40, "schedule": p["schedule"]},
            "overtime": p["overtime"],
            "pay": {"amount": 1000, "currency": _CURRENCY[lang], "period": "month",
                    "payment": p["payment"]},
            "leave": {"paid_days": 24, "unpaid_days": 15},
            "notice": {"employer_days": 30, "employee_days": 30},
            "collective_agreement": p["collective"],
            "training": p["training"],
            "social_security": p["social"],
        },
        "clauses": [{"id": "confidentiality", "title": p["clause_title"],
                     "text": p["clause_text"]}],
    }


def starter(kind: str, lang: str, *, schema_ref: str,
            today: datetime.date | None = None) -> str:
    """The YAML text of a starter spec of ``kind`` in ``lang``."""
    phrases = _PHRASES[lang]
    day = today or datetime.date.today()
    if kind == "organization":
        data = _organization(phrases, lang)
    elif kind == "role":
        data = _role(phrases, lang, day)
    elif kind == "contract":
        data = _contract(phrases, lang, day)
    else:
        raise ValueError(f"unknown kind {kind!r}")
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    return f"# yaml-language-server: $schema={schema_ref}\n{body}"


def write_schema_file(root: Path, kind: str) -> Path:
    """Write the JSON Schema of ``kind`` under ``root/.jobdocs/schema/`` for editors."""
    from jobdocs.api import schema
    from jobdocs.output import write_atomic

    folder = root / SCHEMA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{kind}.json"
    kind_schema = schema(kind)  # type: ignore[arg-type]
    write_atomic(target, (json.dumps(kind_schema, ensure_ascii=False, indent=2) + "\n")
                 .encode("utf-8"))
    return target
