"""Property: whatever a (valid or invalid) role says, every rule runs without crashing —
no X001 — and every finding points inside the file."""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import given
from hypothesis import strategies as st

from jobdocs.lint import Linter

WORDS = st.sampled_from([
    "ანგარიში", "უცხოელ", "კლიენტებთან", "ჯარიმა", "500", "ლარი", "10%", "მამაკაცი",
    "25-დან", "35", "წლამდე", "Продавщица", "штраф", "иностранными", "клиентами",
    "competitive", "leader", "foreign", "clients", "GEL", "a", "fine", "—", "", " ", "\t",
    "#", "jobdocs:", "ignore[W101]", "\u200b", "🙂", "ꙮ", "\u0301",
])
TEXT = st.lists(WORDS, max_size=12).map(" ".join)
LANG_TEXT = st.one_of(TEXT, st.dictionaries(st.sampled_from(["ka", "en", "ru"]), TEXT,
                                            max_size=3))
ITEM = st.one_of(LANG_TEXT, st.fixed_dictionaries(
    {"text": LANG_TEXT}, optional={"id": st.sampled_from(["a", "b", "c"]),
                                   "items": st.lists(LANG_TEXT, max_size=3)}))
ROLE = st.fixed_dictionaries(
    {"jobdocs": st.just(1), "kind": st.just("role"), "id": st.just("r"), "title": LANG_TEXT,
     "document": st.fixed_dictionaries(
         {"number": st.just("JD-1")},
         optional={"status": st.sampled_from(["draft", "review", "approved"]),
                   "effective_date": st.dates().map(str)})},
    optional={"language": st.sampled_from(["ka", "en", "ru"]),
              "languages": st.lists(st.sampled_from(["ka", "en", "ru"]), max_size=3,
                                    unique=True),
              "reports_to": st.one_of(LANG_TEXT, st.sampled_from(["head-of-sales", "x"])),
              "general": st.lists(ITEM, max_size=4), "functions": st.lists(ITEM, max_size=6),
              "rights": st.lists(ITEM, max_size=3),
              "responsibility": st.lists(ITEM, max_size=4),
              "requirements": st.fixed_dictionaries(
                  {}, optional={"skills": st.lists(ITEM, max_size=3),
                                "education": LANG_TEXT}),
              "sections": st.lists(st.fixed_dictionaries(
                  {"id": st.sampled_from(["s", "t"])},
                  optional={"items": st.lists(ITEM, max_size=3)}), max_size=2)},
)


@given(ROLE)
def test_rules_never_crash(role: dict[str, object]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "jobdocs.toml").write_text("", encoding="utf-8")
        spec = root / "role.yaml"
        text = yaml.safe_dump(role, allow_unicode=True, sort_keys=False)
        spec.write_text(text, encoding="utf-8")
        lines = text.count("\n") + 1
        found = Linter().run([spec]).findings
    assert not [f for f in found if f.code == "X001"], [f.message for f in found]
    for finding in found:
        assert 1 <= finding.location.line <= lines
        assert finding.location.column >= 1
