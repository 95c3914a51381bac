"""Template directories and the sandboxed Jinja2 environment that renders them.

A template directory holds one folder per kind of document: ``role/document.html.j2`` and
``role/style.css``. The shipped templates are inside the package (``jobdocs/templates``);
a user copies them with ``jobdocs templates export DIR``, edits them, and renders with
``--template-dir DIR``. Files missing from a user's directory fall back to the shipped ones,
so a directory holding only an edited ``style.css`` works.

Templates run in a :class:`jinja2.sandbox.SandboxedEnvironment` with autoescape and
:class:`jinja2.StrictUndefined`: spec values are data — they are printed, escaped, and never
compiled as templates, so a duty reading ``{{ 7*7 }}`` prints exactly that.
"""

from __future__ import annotations

import re
import shutil
import traceback
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from jobdocs.errors import TemplateError, UsageError

DOCUMENT_TEMPLATE = "document.html.j2"
STYLESHEET = "style.css"


def shipped_template_dir() -> Path:
    """The templates shipped with jobdocs: inside the installed package, or the repository's
    ``templates/`` folder in a development checkout."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "templates", package.parent.parent / "templates"):
        if (candidate / "role" / DOCUMENT_TEMPLATE).is_file():
            return candidate
    raise TemplateError("the shipped templates are missing from this installation",
                        hint="reinstall jobdocs")


class TemplateSet:
    """The templates of one directory (falling back to the shipped ones), compiled once.

    An explicit cache: one object serves every document of a run.
    """

    def __init__(self, template_dir: Path | None = None):
        shipped = shipped_template_dir()
        if template_dir is not None and not template_dir.is_dir():
            raise UsageError(f"the template directory {template_dir} does not exist",
                             hint="create it with `jobdocs templates export DIR`")
        self.search_path: tuple[Path, ...] = (
            (template_dir.resolve(), shipped) if template_dir is not None else (shipped,))
        self._env = _environment(self.search_path)
        self._compiled: dict[str, jinja2.Template] = {}
        self._styles: dict[str, str] = {}

    def document(self, kind: str) -> jinja2.Template:
        """The compiled document template of ``kind``."""
        name = f"{kind}/{DOCUMENT_TEMPLATE}"
        template = self._compiled.get(name)
        if template is None:
            try:
                template = self._env.get_template(name)
            except jinja2.TemplateNotFound as exc:
                raise TemplateError(f"there is no template `{name}` in "
                                    f"{', '.join(map(str, self.search_path))}") from exc
            except jinja2.TemplateSyntaxError as exc:
                raise TemplateError(f"{exc.filename or name}:{exc.lineno}: {exc.message}",
                                    hint="fix the template's Jinja syntax") from exc
            self._compiled[name] = template
        return template

    def stylesheet(self, kind: str) -> str:
        """The print stylesheet of ``kind``, as text."""
        name = f"{kind}/{STYLESHEET}"
        css = self._styles.get(name)
        if css is None:
            path = self.find(name)
            if path is None:
                raise TemplateError(f"there is no stylesheet `{name}` in "
                                    f"{', '.join(map(str, self.search_path))}")
            css = path.read_text(encoding="utf-8")
            if re.search(r"</style", css, re.IGNORECASE):
                raise TemplateError(f"{path} contains `</style`, which would end the "
                                    "stylesheet early")
            self._styles[name] = css
        return css

    def base_dir(self, kind: str) -> Path:
        """The folder relative URLs in ``kind``'s stylesheet resolve against: the folder the
        stylesheet was found in."""
        path = self.find(f"{kind}/{STYLESHEET}")
        return path.parent if path is not None else self.search_path[0] / kind

    def find(self, name: str) -> Path | None:
        """The file ``name`` (``role/style.css``) in the first directory that has it."""
        for folder in self.search_path:
            candidate = folder / name
            if candidate.is_file():
                return candidate
        return None

    def render(self, kind: str, values: Mapping[str, Any]) -> str:
        """Render the document template of ``kind`` with ``values``; every failure becomes a
        :class:`TemplateError` naming the template line."""
        template = self.document(kind)
        try:
            return template.render(values)
        except jinja2.exceptions.SecurityError as exc:
            raise TemplateError(f"{_where(exc, template)}the template tried something the "
                                f"sandbox forbids: {exc}") from exc
        except jinja2.UndefinedError as exc:
            raise TemplateError(f"{_where(exc, template)}{exc.message}",
                                hint="check the name against the template values "
                                     "(see docs/render.md)") from exc
        except jinja2.TemplateError as exc:
            raise TemplateError(f"{_where(exc, template)}{exc}") from exc
        except (TypeError, ValueError, AttributeError, KeyError) as exc:
            raise TemplateError(f"{_where(exc, template)}{type(exc).__name__}: {exc}") from exc


def _where(exc: BaseException, template: jinja2.Template) -> str:
    """``file:line: `` of the innermost template frame of ``exc``'s traceback."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__)
              if f.filename.endswith((".j2", ".html", ".jinja"))]
    if not frames:
        return f"{template.filename}: " if template.filename else ""
    return f"{frames[-1].filename}:{frames[-1].lineno}: "


def _environment(search_path: tuple[Path, ...]) -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        loader=jinja2.FileSystemLoader([str(p) for p in search_path]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters["css_string"] = css_string
    env.filters["css_color"] = css_color
    return env


def css_string(value: object) -> Markup:
    """``value`` as a quoted CSS string, safe inside a ``<style>`` element: every character
    other than letters, digits, spaces and a few punctuation marks is written as a CSS
    escape, so quotes, backslashes, ``<`` and ``&`` cannot end the string or the element."""
    out = []
    for char in str(value):
        if char.isalnum() or char in " .,:;·-–—№()/'!?_*+=%@#":
            out.append(char)
        else:
            out.append(f"\\{ord(char):06x}")
    return Markup('"' + "".join(out) + '"')


def css_color(value: object) -> Markup:
    """A ``#RRGGBB`` colour, checked."""
    text = str(value)
    if not re.fullmatch(r"#[0-9A-Fa-f]{6}", text):
        raise TemplateError(f"`{text}` is not a colour of the form #RRGGBB")
    return Markup(text)


def export_templates(destination: Path, *, overwrite: bool = False) -> list[Path]:
    """Copy the shipped templates into ``destination`` (created if needed) and return the
    files written. Existing files are kept unless ``overwrite`` is true. The scripts that
    generate the Word templates (``build_docx.py``) are not templates and are not copied."""
    source = shipped_template_dir()
    files = sorted(p for p in source.rglob("*") if p.is_file() and p.suffix != ".py"
                   and "__pycache__" not in p.parts)
    targets = [(p, destination / p.relative_to(source)) for p in files]
    clashes = [t for _, t in targets if t.exists()]
    if clashes and not overwrite:
        raise UsageError(f"{len(clashes)} file(s) already exist in {destination}, e.g. "
                         f"{clashes[0]}", hint="choose an empty directory or pass --force")
    for src, dst in targets:
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dst)
    return [t for _, t in targets]
