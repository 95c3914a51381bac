"""A Word template parsed and compiled once, rendered many times.

docxtpl, on every render, re-reads the package, patches and compiles ``document.xml``,
headers, footers and properties, then re-serialises every part and recompresses the whole
ZIP file. :class:`PreparedDocx` does the context-independent half once:

- it patches each part that holds tags with docxtpl's own :meth:`~docxtpl.DocxTemplate.
  patch_xml` and compiles it (body, headers, footers, core properties, footnotes);
- it renders once the parts whose patched XML holds no tag, since their output cannot change;
- it keeps every other part compressed as python-docx writes it (:class:`~jobdocs.render.
  docx_package.PackageLayout`).

Each render then runs only the compiled templates, followed by the steps docxtpl applies to
their output (``resolve_listing``, ``fix_tables``, the ``docPr`` ids, python-docx's
serialisation), and compresses only those parts. The XML of every part is identical to what
``DocxTemplate.render(context, env, autoescape=True)`` followed by ``save()`` writes
(``tests/docx/test_parity.py`` checks each part).
"""

from __future__ import annotations

import copy
import io
import re
from collections.abc import Callable, Mapping
from typing import Any

import jinja2
from lxml import etree  # type: ignore[import-untyped]

from jobdocs.errors import TemplateError
from jobdocs.render.docx_package import (
    PackageLayout,
    ZipEntry,
    check_unpacked_size,
    read_entries,
)
from jobdocs.render.docx_text import xml_text
from jobdocs.render.sandbox import (
    DEFAULT_TEMPLATE_LIMITS,
    TemplateLimits,
    describe_failure,
    template_budget,
)

Values = Mapping[str, Any]

#: The core properties docxtpl renders, in its order.
CORE_PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")
HEADER_RELTYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
FOOTER_RELTYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_SECTIONS = f"./{{{_W}}}p/{{{_W}}}pPr/{{{_W}}}sectPr"
_TAG = re.compile(r"\{[{%#]")
_PARAGRAPH = re.compile(r"<w:p([ >])")
_NEWLINE_PARAGRAPH = re.compile(r"\n<w:p([ >])")
_LISTING = ("\t", "\n", "\a", "\f")


class _RenderState:
    """What one render passes from part to part: the rendered body's section count (docxtpl
    renders the footnotes once per section)."""

    __slots__ = ("sections",)

    def __init__(self, sections: int):
        self.sections = sections


_Render = Callable[[Values, _RenderState], bytes]


def _member(partname: Any) -> str:
    return str(partname).lstrip("/")


def has_tags(source: str) -> bool:
    """Whether ``source`` holds Jinja syntax (``{{``, ``{%`` or ``{#``)."""
    return _TAG.search(source) is not None


class PartTemplate:
    """One XML part's patched source, compiled; renders as docxtpl's ``render_xml_part``."""

    def __init__(self, tpl: Any, env: jinja2.Environment, patched: str, where: str):
        self.where = where
        self._tpl = tpl
        self.source = _PARAGRAPH.sub(r"\n<w:p\1", patched)
        try:
            self._template = env.from_string(self.source)
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(
                f"{where}: Jinja syntax error{_near(self.source, exc.lineno)}: {exc.message}",
                hint=_CHECK_HINT) from exc
        except Exception as exc:  # the template is untrusted: nothing may escape as a crash
            raise TemplateError(f"{where}: the template cannot be compiled: "
                                f"{describe_failure(exc)}", hint=_CHECK_HINT) from exc

    def render(self, values: Values) -> str:
        """The rendered XML, with docxtpl's post-processing."""
        try:
            xml = self._template.render(values)
        except jinja2.UndefinedError as exc:
            raise TemplateError(f"{self.where}{_near(self.source, _template_line(exc))}: "
                                f"{_message(exc)}", hint=_CHECK_HINT) from exc
        except Exception as exc:  # the template is untrusted: nothing may escape as a crash
            raise TemplateError(f"{self.where}{_near(self.source, _template_line(exc))}: "
                                f"{describe_failure(exc)}", hint=_CHECK_HINT) from exc
        xml = _NEWLINE_PARAGRAPH.sub(r"<w:p\1", xml)
        xml = (xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%")
               .replace("%_}", "%}"))
        if not any(char in xml for char in _LISTING):  # resolve_listing rewrites only these
            return xml
        return str(self._tpl.resolve_listing(xml))


_CHECK_HINT = "run `jobdocs templates check` on the Word template to see every problem"

def _template_line(exc: BaseException) -> int | None:
    tb = exc.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return getattr(exc, "lineno", None) or line


def _message(exc: jinja2.TemplateError) -> str:
    return str(getattr(exc, "message", None) or exc)


def _near(source: str, line: int | None) -> str:
    """`` near «text»``: the words of the paragraph at ``line`` of a patched part."""
    if not line:
        return ""
    lines = source.splitlines()
    text = re.sub(r"<[^>]+>", "", lines[line - 1]) if 0 < line <= len(lines) else ""
    text = " ".join(xml_text(text).split())
    return f" near «{text[:80]}»" if text else f" (line {line} of the part's XML)"


class PreparedDocx:
    """A Word template ready to render: ``render(values)`` gives the .docx bytes.

    ``data`` is the template file's content, ``env`` the Jinja environment (see
    :func:`~jobdocs.render.docx_text.docx_environment`), ``name`` how errors name the file.
    """

    def __init__(self, data: bytes, env: jinja2.Environment, *, name: str):
        from docxtpl import DocxTemplate

        self.name = name
        check_unpacked_size(data, name)
        tpl = DocxTemplate(io.BytesIO(data))
        try:
            tpl.init_docx()
        except Exception as exc:  # python-docx fails in many ways on a damaged package
            raise TemplateError(f"{name} is not a Word document (.docx): {exc}") from exc
        self._tpl = tpl
        self._limits: TemplateLimits = getattr(env, "limits", DEFAULT_TEMPLATE_LIMITS)
        self._renderers: dict[str, _Render] = {}
        self._sources: dict[str, list[str]] = {}
        document = tpl.docx
        self._sections = len(document.sections)
        self._add_body(env)
        for reltype, kind in ((HEADER_RELTYPE, "header"), (FOOTER_RELTYPE, "footer")):
            for rel in document.part.rels.values():
                if rel.reltype == reltype and rel.target_part.blob:
                    self._add_story(env, rel.target_part, kind)
        self._add_core_properties(env)
        for part in document.part.package.parts:
            if part.content_type == FOOTNOTES_TYPE:
                self._add_footnotes(env, part)
        self._layout = self._build_layout(env)

    def render(self, values: Values) -> bytes:
        """The document for ``values`` (a context's ``template_values()``), as bytes; every
        part is rendered within one :func:`~jobdocs.render.sandbox.template_budget`."""
        state = _RenderState(self._sections)  # the body, rendered first, updates it
        with template_budget(self._limits):
            try:
                parts = {name: render(values, state) for name, render in self._renderers.items()}
            except etree.XMLSyntaxError as exc:
                raise TemplateError(f"{self.name}: the template made XML that Word cannot "
                                    f"read: {exc}", hint=_CHECK_HINT) from exc
        return self._layout.assemble(parts)

    def _register(self, name: str, sources: list[str], render: _Render) -> None:
        self._renderers[name] = render
        self._sources[name] = sources

    # -- preparing ------------------------------------------------------------------------

    def _add_body(self, env: jinja2.Environment) -> None:
        from docx.opc.oxml import serialize_part_xml

        tpl = self._tpl
        root = tpl.docx._element
        body = PartTemplate(tpl, env, tpl.patch_xml(tpl.get_xml()), f"{self.name}: body")
        skeleton = copy.deepcopy(root)
        for child in list(skeleton.body):
            skeleton.body.remove(child)

        def render(values: Values, state: _RenderState) -> bytes:
            xml = body.render(values)
            # docxtpl's fix_tables parses with recover=True, which silently drops or mangles
            # what is not well-formed (a template that turned autoescaping off): refuse it.
            etree.fromstring(xml.encode("utf-8"))
            tree = tpl.fix_tables(xml)
            for number, element in enumerate(tree.iter(f"{{{_DRAWING}}}docPr"), 1001):
                element.attrib["id"] = str(number)
            state.sections = len(tree.findall(_SECTIONS)) + len(tree.findall(f"{{{_W}}}sectPr"))
            document = copy.deepcopy(skeleton)
            document.replace(document.body, tree)
            return bytes(serialize_part_xml(document))

        self._register(_member(tpl.docx.part.partname), [body.source], render)

    def _add_story(self, env: jinja2.Environment, part: Any, kind: str) -> None:
        from docx.opc.oxml import serialize_part_xml
        from docx.oxml.parser import parse_xml

        tpl = self._tpl
        xml = tpl.get_part_xml(part)
        encoding = tpl.get_headers_footers_encoding(xml)
        name = _member(part.partname)
        story = PartTemplate(tpl, env, tpl.patch_xml(xml), f"{self.name}: {kind} {name}")

        def render(values: Values, state: _RenderState) -> bytes:
            return bytes(serialize_part_xml(parse_xml(story.render(values).encode(encoding))))

        self._register(name, [story.source], render)

    def _add_core_properties(self, env: jinja2.Environment) -> None:
        from docx.opc.coreprops import CoreProperties
        from docx.opc.oxml import serialize_part_xml

        package = self._tpl.docx.part.package
        missing = not any(rel.reltype.endswith("/core-properties")
                          for rel in package.rels.values())
        part = package._core_properties_part
        if missing:
            # python-docx made a default part stamped with the current time: pin it.
            from jobdocs.render.docx_authoring import FIXED_DATE

            part.core_properties.modified = FIXED_DATE
        element = part.element
        initial = CoreProperties(element)
        templates = {}
        for prop in CORE_PROPERTIES:
            try:
                templates[prop] = env.from_string(getattr(initial, prop))
            except jinja2.TemplateSyntaxError as exc:
                raise TemplateError(f"{self.name}: document property `{prop}`: Jinja syntax "
                                    f"error: {exc.message}", hint=_CHECK_HINT) from exc
            except Exception as exc:  # the template is untrusted
                raise TemplateError(f"{self.name}: document property `{prop}`: "
                                    f"{describe_failure(exc)}", hint=_CHECK_HINT) from exc

        def render(values: Values, state: _RenderState) -> bytes:
            copied = copy.deepcopy(element)
            props = CoreProperties(copied)
            for prop, template in templates.items():
                try:
                    setattr(props, prop, template.render(values))
                except Exception as exc:  # the template is untrusted
                    raise TemplateError(f"{self.name}: document property `{prop}`: "
                                        f"{describe_failure(exc)}", hint=_CHECK_HINT) from exc
            return bytes(serialize_part_xml(copied))

        self._register(_member(part.partname), [getattr(initial, p) for p in CORE_PROPERTIES],
                       render)

    def _add_footnotes(self, env: jinja2.Environment, part: Any) -> None:
        tpl = self._tpl
        blob = part.blob.decode("utf-8") if isinstance(part.blob, bytes) else part.blob
        where = f"{self.name}: footnotes"
        first = PartTemplate(tpl, env, tpl.patch_xml(blob), where)

        def render(values: Values, state: _RenderState) -> bytes:
            # docxtpl renders the footnotes once per section of the rendered body.
            xml = first.render(values)
            for _ in range(state.sections - 1):
                xml = PartTemplate(tpl, env, tpl.patch_xml(xml), where).render(values)
            return xml.encode("utf-8")

        self._register(_member(part.partname), [first.source], render)

    def _build_layout(self, env: jinja2.Environment) -> PackageLayout:
        """The package's members in python-docx's order: parts without tags rendered now."""
        buffer = io.BytesIO()
        self._tpl.docx.save(buffer)
        members: list[ZipEntry | str] = []
        for entry in read_entries(buffer.getvalue()):
            render = self._renderers.get(entry.name)
            if render is None:
                members.append(entry)
            elif self._is_static(entry.name):
                state = _RenderState(self._sections)
                members.append(ZipEntry.compress(entry.name, render({}, state)))
                self._sections = state.sections
                del self._renderers[entry.name]
            else:
                members.append(entry.name)
        return PackageLayout(members)

    def _is_static(self, name: str) -> bool:
        sources = self._sources.get(name)
        return sources is not None and not any(has_tags(s) for s in sources)
