"""``jobdocs templates check``: what is wrong with a Word template, before it is used.

:func:`check_docx_template` reads a ``.docx`` template and reports, each with the paragraph or
table cell where it is:

- Jinja syntax errors (an ``{% if %}`` without ``{% endif %}``, a stray ``}}``…);
- tags opened in one paragraph and closed in another, which docxtpl cannot join;
- names the template uses that the context does not provide (``documnt.title``,
  ``document.titel``, ``labels.aproved``), unknown filters and tests;
- content the template never prints (the rights section, the agreement sheet…);
- tags split across Word runs, and text that a paragraph- or row-wide tag (``{%p``,
  ``{%tr``) would remove with its paragraph or row;
- and finally whether docxtpl's patched XML compiles at all.

An empty list means the template is fit to render.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import jinja2

from jobdocs.errors import TemplateError
from jobdocs.i18n.phrases import PHRASES
from jobdocs.render.docx_contract_check import ContractNameChecker
from jobdocs.render.docx_names import NameChecker, Usage
from jobdocs.render.docx_package import check_unpacked_size
from jobdocs.render.docx_stories import Story, Tag, read_stories
from jobdocs.render.docx_text import docx_environment

Severity = Literal["error", "warning"]

#: What a template of each kind must print: section ids, then approval groups.
REQUIRED: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "role": (("general", "requirements", "functions", "rights", "responsibility"),
             ("approved_by", "agreed_with", "acknowledged_by")),
    # A contract's content is in extra.contract: see jobdocs.render.docx_contract_check.
    "contract": ((), ()),
}
_GROUP_NAMES = {"approved_by": "the APPROVED block (approval.approved_by)",
                "agreed_with": "the agreement sheet (approval.agreed_with)",
                "acknowledged_by": "the acknowledgement sheet (approval.acknowledged_by)"}
_SPLIT_HINT = ("docxtpl joins the pieces, but the tag then takes the formatting of its first "
               "piece and a later edit can break it: select the tag, delete it and type it "
               "again in one go")


@dataclass(frozen=True, slots=True)
class TemplateProblem:
    """One problem in a Word template."""

    severity: Severity
    where: str
    """``paragraph 14``, ``table 2, row 3, cell 1``, ``header, paragraph 1``, or ``template``
    for the whole file."""
    message: str
    hint: str | None = None

    def __str__(self) -> str:
        return f"{self.where}: {self.severity}: {self.message}"


def check_docx_template(path: Path, kind: str = "role",
                        environment: jinja2.Environment | None = None) -> list[TemplateProblem]:
    """Every problem found in the Word template ``path`` for documents of ``kind``."""
    from docx import Document

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TemplateError(f"cannot read {path}: {exc.strerror or exc}") from exc
    check_unpacked_size(data, str(path))
    try:
        document = Document(io.BytesIO(data))
    except Exception as exc:  # python-docx fails in many ways on a damaged package
        raise TemplateError(f"{path} is not a Word document (.docx): {exc}") from exc
    env = environment or docx_environment()
    checker = (ContractNameChecker if kind == "contract" else NameChecker)(
        env.globals, env.filters, env.tests)
    problems: list[TemplateProblem] = []
    syntax_ok = True
    stories = read_stories(document)
    for story in stories:
        found = _layout_problems(story)
        syntax_ok = _check_story(story, env, checker, found) and syntax_ok
        problems += _in_reading_order(story, found)
    if not syntax_ok:  # the stories that did not parse were not analysed
        return problems
    problems += _missing_content(checker.usage, kind)
    if isinstance(checker, ContractNameChecker):
        problems += [TemplateProblem("error", "template", message, hint)
                     for message, hint in checker.missing()]
    elif any("extra.contract" in tag.source for story in stories for tag in story.tags):
        problems.append(TemplateProblem("warning", "template", "the template reads "
                                        f"`extra.contract`, but is checked as a `{kind}` "
                                        "template",
                                        "check a contract's template with --kind contract"))
    if not any(p.severity == "error" for p in problems):
        problems += _compile_problems(data, env, path)
    return problems


def _check_story(story: Story, env: jinja2.Environment, checker: NameChecker,
                 problems: list[TemplateProblem]) -> bool:
    """Parse a story's tags (one per line) and check their names; ``False`` on a syntax
    error."""
    tags = [t for t in story.tags if t.source]
    source = "\n".join(t.source.replace("\n", " ") for t in tags)
    try:
        parsed = env.parse(source)
    except jinja2.TemplateSyntaxError as exc:
        message = exc.message or str(exc)
        tag = tags[min(max(exc.lineno, 1), len(tags)) - 1] if tags else None
        if "Unexpected end of template" in message:
            tag = _unclosed_block(tags) or tag
        where = tag.where if tag else story.name
        shown = f" in {tag.text}" if tag else ""
        problems.append(TemplateProblem("error", where, f"Jinja syntax error{shown}: {message}",
                                        _syntax_hint(message)))
        return False
    except RecursionError:  # ((((…)))) thousands deep: the parser recurses per level
        problems.append(TemplateProblem("error", story.name, "a tag nests expressions too "
                                        "deeply to be read", "simplify the tag"))
        return False
    before = len(checker.problems)
    checker.check(parsed)
    for found in checker.problems[before:]:
        tag = tags[found.line - 1]
        problems.append(TemplateProblem("error", tag.where, f"{found.message} (in {tag.text})",
                                        found.hint))
    return True


_BLOCKS = frozenset({"for", "if", "macro", "call", "filter", "with", "block", "raw",
                     "autoescape", "trans"})


def _unclosed_block(tags: Sequence[Tag]) -> Tag | None:
    """The innermost block tag (``{% for %}``, ``{% if %}``…) that is never closed."""
    stack: list[Tag] = []
    for tag in tags:
        words = tag.source.strip("{}%#- \n").split()
        if not tag.source.startswith("{%") or not words:
            continue
        word = words[0]
        if word in _BLOCKS or (word == "set" and "=" not in tag.source):
            stack.append(tag)
        elif word.startswith("end") and stack:
            stack.pop()
    return stack[-1] if stack else None


def _in_reading_order(story: Story, found: list[TemplateProblem]) -> list[TemplateProblem]:
    order: dict[str, int] = {}
    for tag in story.tags:
        order.setdefault(tag.where, len(order))
    return sorted(found, key=lambda p: order.get(p.where, len(order)))


def _syntax_hint(message: str) -> str | None:
    if "Unexpected end of template" in message:
        return "a block is never closed: add the matching {% endfor %} or {% endif %}"
    if "Encountered unknown tag" in message:
        return "check the block structure: an end tag without its start, or a misspelt tag"
    return None


def _layout_problems(story: Story) -> list[TemplateProblem]:
    found = [TemplateProblem("error", f.where, f"the tag starting «{f.text}» is not closed "
                             "in this paragraph", "docxtpl cannot join a tag that spans "
                             "paragraphs: write the whole tag in one paragraph")
             for f in story.unclosed]
    for tag in story.tags:
        if tag.runs > 1:
            found.append(TemplateProblem("warning", tag.where, f"the tag {tag.text} is split "
                                         f"across {tag.runs} Word runs", _SPLIT_HINT))
    for tag, other in story.beside:
        element = {"p": "paragraph", "tr": "table row", "tc": "table cell"}[tag.scope or "p"]
        found.append(TemplateProblem(
            "warning", tag.where, f"{tag.text} replaces its whole {element}, so «{other.text}» "
            "next to it is never printed",
            f"put {tag.text} in a {element} of its own"))
    found += _duplicate_scoped(story.tags)
    return found


def _duplicate_scoped(tags: Sequence[Tag]) -> list[TemplateProblem]:
    """Two ``{%tr``-style tags in one row (or paragraph, cell): docxtpl keeps only the
    first."""
    seen: dict[tuple[str, str], Tag] = {}
    found = []
    for tag in tags:
        if tag.scope not in ("p", "tr", "tc"):
            continue
        key = (tag.scope, _element_of(tag))
        if key in seen:
            found.append(TemplateProblem(
                "error", tag.where, f"{tag.text} shares its {_ELEMENT[tag.scope]} with "
                f"{seen[key].text}; docxtpl keeps only the first",
                f"give each {{%{tag.scope} …%}} tag a {_ELEMENT[tag.scope]} of its own"))
        else:
            seen[key] = tag
    return found


_ELEMENT = {"p": "paragraph", "tr": "table row", "tc": "table cell"}


def _element_of(tag: Tag) -> str:
    if tag.scope == "tr":
        return re.sub(r", cell \d+.*$", "", tag.where)
    if tag.scope == "tc":
        return re.sub(r"(cell \d+).*$", r"\1", tag.where)
    return tag.where


def _missing_content(usage: Usage, kind: str) -> list[TemplateProblem]:
    sections, groups = REQUIRED.get(kind, ((), ()))
    found = []
    if "*" not in usage.sections:
        for section in sections:
            if section not in usage.sections and all(section in but for but in usage.all_but):
                found.append(TemplateProblem(
                    "error", "template", f"the template never prints the `{section}` section "
                    f"({PHRASES[section].message})",
                    "print every section with {%p for section in sections %} … or add one "
                    f"for it: {{%p for section in sections if section.id == \"{section}\" %}}"))
        if sections and not usage.all_but:
            found.append(TemplateProblem(
                "warning", "template", "a spec's extra `sections` are never printed (the "
                "template picks sections by id)",
                "add a loop over the other sections: {%p for section in sections if "
                f"section.id not in {sections!r} %}}".replace("'", '"')))
    if "*" not in usage.approval:
        for group in groups:
            if group not in usage.approval:
                found.append(TemplateProblem("error", "template",
                                             f"the template never prints {_GROUP_NAMES[group]}"))
    return found


def _compile_problems(data: bytes, env: jinja2.Environment, path: Path) -> list[TemplateProblem]:
    """What docxtpl itself says when it patches and compiles the template."""
    from jobdocs.render.docx_compose import restore_core_properties_prefix
    from jobdocs.render.docx_prepared import PreparedDocx

    try:
        PreparedDocx(data, env, name=path.name)
    except TemplateError as exc:
        return [TemplateProblem("error", "template", exc.message, exc.hint)]
    finally:
        restore_core_properties_prefix()  # docxtpl has imported docxcompose
    return []
