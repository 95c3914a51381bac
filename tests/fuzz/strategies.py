"""Hypothesis strategies for specs: random but valid role and contract data (built from the
models' shape), and random invalid YAML (token soup, byte noise, and mutations of a valid
spec)."""

from __future__ import annotations

import datetime
from typing import Any

import yaml
from hypothesis import strategies as st

LANGUAGES = ("ka", "en", "ru")

#: Words in the three scripts, with the characters templates and markup care about.
WORDS = st.sampled_from([
    "ანგარიში", "კლიენტი", "მენეჯერი", "Продажи", "отчёт", "клиент", "sales", "report",
    "Client", "R&D", "<b>", "</w:t>", "{{", "}}", "{%", "%}", "{#", "#}", "{%p", "7*7", "&amp;",
    "'quoted'", '"double"', "50%", "№12", "3,500.00", "a/b", "\\", "—", "ā", "e\u0301",
])
TEXT = st.lists(WORDS, min_size=1, max_size=6).map(" ".join)
SLUG = st.from_regex(r"[a-z][a-z0-9-]{0,11}", fullmatch=True)
DATES = st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2040, 12, 31))


def _text_in(languages: list[str]) -> st.SearchStrategy[Any]:
    if len(languages) == 1:
        return st.one_of(TEXT, st.fixed_dictionaries({languages[0]: TEXT}))
    return st.fixed_dictionaries({lang: TEXT for lang in languages})


def _items(languages: list[str], max_size: int) -> st.SearchStrategy[list[Any]]:
    text = _text_in(languages)
    item = st.one_of(text, st.fixed_dictionaries(
        {"text": text}, optional={"items": st.lists(text, max_size=2)}))
    return st.lists(item, min_size=1, max_size=max_size)


def _signatory(languages: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({"name": _text_in(languages),
                                  "position": _text_in(languages)},
                                 optional={"date": DATES})


@st.composite
def roles(draw: st.DrawFn) -> dict[str, Any]:
    """A valid role spec (its organization is ``org.yaml``, see :data:`ORGANIZATION`)."""
    language = draw(st.sampled_from(LANGUAGES))
    others = draw(st.lists(st.sampled_from(LANGUAGES), max_size=2, unique=True))
    languages = [language, *[lang for lang in others if lang != language]]
    text = _text_in(languages)
    role: dict[str, Any] = {
        "jobdocs": 1, "kind": "role", "id": draw(SLUG), "organization": "org.yaml",
        "language": language, "languages": languages, "title": draw(text),
        "document": {"number": draw(st.from_regex(r"JD-[0-9]{1,4}", fullmatch=True)),
                     "version": draw(st.integers(1, 99)),
                     "status": draw(st.sampled_from(["draft", "review", "approved"]))},
    }
    for key in ("department", "reports_to"):
        if draw(st.booleans()):
            role[key] = draw(text)
    for key in ("general", "functions", "rights", "responsibility"):
        role[key] = draw(_items(languages, 4))
    if draw(st.booleans()):
        role["requirements"] = {"education": draw(text), "skills": draw(_items(languages, 3))}
    if draw(st.booleans()):
        role["sections"] = [{"id": "extra", "title": draw(text),
                             "items": draw(_items(languages, 3))}]
    role["approval"] = {
        "approved_by": draw(_signatory(languages)),
        "agreed_with": draw(st.lists(_signatory(languages), max_size=2)),
        "acknowledged_by": draw(st.lists(_signatory(languages), max_size=2)),
    }
    return role


ORGANIZATION = {
    "jobdocs": 1, "kind": "organization", "id": "org",
    "name": {"ka": "შპს „ტესტი“", "en": "Test LLC", "ru": "ООО «Тест»"},
    "head": {"name": {"ka": "ნინო", "en": "Nino", "ru": "Нино"},
             "position": {"ka": "დირექტორი", "en": "Director", "ru": "Директор"}},
    "defaults": {"language": "ka", "jurisdiction": "GE", "currency": "GEL"},
}


def dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def item_texts(role: dict[str, Any], lang: str) -> list[str]:
    """Every item text of ``role`` in ``lang`` (sub-items included)."""
    def text(value: Any) -> str:
        return value if isinstance(value, str) else value[lang]

    found = []
    sections = [role[k] for k in ("general", "functions", "rights", "responsibility")]
    sections += [s["items"] for s in role.get("sections", [])]
    sections += [role.get("requirements", {}).get("skills", [])]
    for items in sections:
        for item in items:
            if isinstance(item, dict) and "text" in item:
                found.append(text(item["text"]))
                found.extend(text(sub) for sub in item.get("items", []))
            else:
                found.append(text(item))
    return found


# -- invalid YAML -------------------------------------------------------------------------------

TOKENS = st.sampled_from([
    "jobdocs: 1\n", "kind: role\n", "kind: contract\n", "id: x\n", "title: ", "document: ",
    "functions:\n", "  - ", "- ", ": ", ":", "\n", "  ", "\t", "{", "}", "[", "]", ",", "'", '"',
    "&a ", "*a", "&b [*a, *a, *a]", "!!python/object:os.system", "!include ", "? ", "|\n",
    ">\n", "---\n", "...\n", "%YAML 1.1\n", "#", "\\", "\\x00", "\\ud800", "no", "yes", "~",
    "2026-02-30", "1e999", ".nan", "0x1F", "<<: *a\n", "\x00", "\x07", "\x1b[2J", "\u202e",
    "\ufeff", "\ud7ff", "ანგარიში", "{{ 7*7 }}", "{%p if x %}",
])
YAML_SOUP = st.lists(TOKENS, max_size=40).map("".join)

VALID_SPEC = dump({"jobdocs": 1, "kind": "role", "id": "clerk", "organization": "org.yaml",
                   "language": "en", "title": "Clerk", "document": {"number": "JD-1"},
                   "functions": ["Files the letters.", {"id": "calls", "text": "Answers."}]})


@st.composite
def mutated_specs(draw: st.DrawFn) -> bytes:
    """A valid spec with a few bytes inserted, deleted or replaced."""
    data = bytearray(VALID_SPEC.encode("utf-8"))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["insert", "delete", "replace"]))
        chunk = draw(st.binary(min_size=1, max_size=4) | TOKENS.map(str.encode))
        if action == "insert":
            data[at:at] = chunk
        elif action == "delete":
            del data[at:at + len(chunk)]
        else:
            data[at:at + len(chunk)] = chunk
    return bytes(data)


INVALID_YAML = st.one_of(YAML_SOUP.map(lambda s: s.encode("utf-8", "surrogatepass")),
                         st.binary(max_size=200), mutated_specs())
