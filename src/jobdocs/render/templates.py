"""Template directories and the sandboxed Jinja2 environment that renders them.

A template directory holds one folder per kind of document: ``role/document.html.j2`` and
``role/style.css``. The shipped templates are inside the package (``jobdocs/templates``);
a user copies them with ``jobdocs templates export DIR``, edits them, and renders with
``--template-dir DIR``. Files missing from a user's directory fall back to the shipped ones,
so a directory holding only an edited ``style.css`` works.

Templates run in the jobdocs sandbox (:class:`~jobdocs.render.sandbox.LimitedSandbox`: Jinja's
immutable sandbox with limits on time, size and loop steps) with autoescape and
:class:`jinja2.StrictUndefined`: spec values are data — they are printed, escaped, and never
compiled as templates, so a duty reading ``{{ 7*7 }}`` prints exactly that. Templates are
read only from inside their directories: a symbolic link that leads out of one, a file that
is not a regular file or one larger than the limit is refused.
"""

from __future__ import annotations

import os
import re
import stat
import traceback
from collections.abc import Callable, Mapping
from pathlib import Path, PurePosixPath
from typing import Any

import jinja2
from markupsafe import Markup

from jobdocs.errors import TemplateError, UsageError
from jobdocs.output import inside, write_atomic
from jobdocs.render.sandbox import (
    DEFAULT_TEMPLATE_LIMITS,
    LimitedSandbox,
    TemplateLimits,
    describe_failure,
    template_budget,
)
from jobdocs.render.text import clean_text

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

    def __init__(self, template_dir: Path | None = None, *,
                 limits: TemplateLimits = DEFAULT_TEMPLATE_LIMITS):
        shipped = shipped_template_dir()
        if template_dir is not None and not template_dir.is_dir():
            raise UsageError(f"the template directory {template_dir} does not exist",
                             hint="create it with `jobdocs templates export DIR`")
        self.search_path: tuple[Path, ...] = (
            (template_dir.resolve(), shipped) if template_dir is not None else (shipped,))
        self.limits = limits
        self._env = _environment(self.search_path, limits)
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
            except TemplateError:
                raise
            except Exception as exc:  # the template is untrusted: nothing may escape as a crash
                raise TemplateError(f"{name}: the template cannot be compiled: "
                                    f"{describe_failure(exc)}") from exc
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
            css = _read_text(path, self.limits.max_template_bytes)
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
            candidate = confined_file(folder, name)
            if candidate is not None:
                return candidate
        return None

    def render(self, kind: str, values: Mapping[str, Any]) -> str:
        """Render the document template of ``kind`` with ``values``; every failure becomes a
        :class:`TemplateError` naming the template line."""
        template = self.document(kind)
        try:
            with template_budget(self.limits):
                return template.render(values)
        except jinja2.UndefinedError as exc:
            raise TemplateError(f"{_where(exc, template)}{exc.message}",
                                hint="check the name against the template values "
                                     "(see docs/render.md)") from exc
        except Exception as exc:  # the template is untrusted: nothing may escape as a crash
            raise TemplateError(f"{_where(exc, template)}{describe_failure(exc)}") from exc


def _where(exc: BaseException, template: jinja2.Template) -> str:
    """``file:line: `` of the innermost template frame of ``exc``'s traceback."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__)
              if f.filename.endswith((".j2", ".html", ".jinja"))]
    if not frames:
        return f"{template.filename}: " if template.filename else ""
    return f"{frames[-1].filename}:{frames[-1].lineno}: "


def confined_file(folder: Path, name: str) -> Path | None:
    """The regular file ``name`` (``role/style.css``) inside ``folder``, or ``None`` when
    there is none. A name with ``..`` finds nothing; a file that is a symbolic link leading
    out of ``folder``, or not a regular file (a FIFO, a device), is a :class:`TemplateError`.
    """
    try:
        candidate = folder.joinpath(*jinja2.loaders.split_template_path(name))
    except jinja2.TemplateNotFound:
        return None
    if not candidate.exists() and not candidate.is_symlink():
        return None
    try:
        resolved = candidate.resolve()
        mode = os.stat(resolved).st_mode
    except (OSError, RuntimeError) as exc:
        raise TemplateError(f"{candidate} cannot be read: {exc}") from exc
    if not resolved.is_relative_to(folder.resolve()):
        raise TemplateError(f"{candidate} leads to {resolved}, outside the template folder "
                            f"{folder}; refused",
                            hint="copy the file into the template folder instead of linking it")
    if stat.S_ISDIR(mode):
        return None
    if not stat.S_ISREG(mode):
        raise TemplateError(f"{candidate} is not a regular file; refused")
    return candidate


def _read_text(path: Path, max_bytes: int) -> str:
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise TemplateError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:
        raise TemplateError(f"{path} is larger than {max_bytes:,} bytes; a template may not be")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise TemplateError(f"{path} is not UTF-8 text: {exc}") from exc


class _ConfinedLoader(jinja2.BaseLoader):
    """Loads ``role/document.html.j2`` from the first folder that has it, only through
    :func:`confined_file`, and never more than ``max_bytes``."""

    def __init__(self, search_path: tuple[Path, ...], max_bytes: int):
        self.search_path = search_path
        self.max_bytes = max_bytes

    def get_source(self, environment: jinja2.Environment,
                   template: str) -> tuple[str, str, Callable[[], bool]]:
        for folder in self.search_path:
            path = confined_file(folder, template)
            if path is not None:
                mtime = path.stat().st_mtime
                return (_read_text(path, self.max_bytes), str(path),
                        lambda path=path, mtime=mtime: _unchanged(path, mtime))
        raise jinja2.TemplateNotFound(template)


def _unchanged(path: Path, mtime: float) -> bool:
    try:
        return path.stat().st_mtime == mtime
    except OSError:
        return False


def _environment(search_path: tuple[Path, ...], limits: TemplateLimits) -> LimitedSandbox:
    env = LimitedSandbox(
        limits=limits,
        clean=clean_text,
        loader=_ConfinedLoader(search_path, limits.max_template_bytes),
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
    escape, so quotes, backslashes, ``<`` and ``&`` cannot end the string or the element.
    Control characters are dropped first (:func:`~jobdocs.render.text.clean_text`), as they
    are from every other printed value: an escape would put them back on the page."""
    out = []
    for char in clean_text(str(value)):
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
        # Atomically, and replacing a symbolic link rather than writing through it.
        try:
            write_atomic(inside(destination, PurePosixPath(dst.relative_to(destination)
                                                           .as_posix())), src.read_bytes())
        except OSError as exc:
            raise UsageError(f"cannot write {dst}: {exc.strerror or exc}") from exc
    return [t for _, t in targets]
