"""Text that a Word document can hold, and the Jinja environment Word templates run in.

XML 1.0 forbids most control characters (NUL, BEL, form feed, vertical tab…), unpaired UTF-16
surrogates and the non-characters U+FFFE/U+FFFF. A spec may contain them — pasted from a PDF,
a spreadsheet or a terminal — and one of them in ``document.xml`` makes Word refuse the file.
Every value a Word template prints passes through :func:`xml_text` (the environment's
``finalize``), so the rendered package is always well-formed:

- form feed and vertical tab become a space (docxtpl would turn a form feed into a page break
  in the middle of a numbered entry);
- a lone carriage return becomes a line feed, and ``\\r\\n`` a single line feed;
- unpaired surrogates become U+FFFD (a character was lost and the reader should see that);
- every other forbidden character is removed.

Tab and line feed stay: docxtpl prints them as a Word tab and a line break.
"""

from __future__ import annotations

import re
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_SPACE_LIKE = str.maketrans({"\x0b": " ", "\x0c": " "})


def xml_text(text: str) -> str:
    """``text`` with every character XML 1.0 cannot hold replaced or removed.

    >>> xml_text("R&D\\x0cteam\\x00")
    'R&D team'
    """
    if text.isprintable() and "\r" not in text:
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_SPACE_LIKE)
    text = _FORBIDDEN.sub("", text)
    return _SURROGATE.sub("\ufffd", text)


def finalize(value: Any) -> Any:
    """Clean what a template prints: strings through :func:`xml_text`, keeping
    :class:`~markupsafe.Markup` (already XML) as markup; other values unchanged."""
    if isinstance(value, Markup):
        return Markup(xml_text(str(value)))
    if isinstance(value, str):
        return xml_text(value)
    return value


def docx_environment() -> SandboxedEnvironment:
    """The Jinja environment for Word templates: sandboxed, autoescaped (``R&D <Sales>``
    prints as written instead of breaking the XML), strict about undefined names, and
    cleaning every printed value with :func:`finalize`.

    Its settings are otherwise Jinja's defaults, which docxtpl's tag syntax expects.
    """
    return SandboxedEnvironment(autoescape=True, undefined=jinja2.StrictUndefined,
                                finalize=finalize)
