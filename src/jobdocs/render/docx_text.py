"""Text that a Word document can hold, and the Jinja environment Word templates run in.

Every value a Word template prints passes through :func:`finalize` (the environment's
``finalize``): :func:`~jobdocs.render.text.xml_text` removes the characters XML 1.0 forbids
(control characters, unpaired surrogates) and :func:`~jobdocs.render.text.balance_bidi` closes
direction overrides, so the rendered package is always well-formed and a value cannot reorder
the words around it. Tab and line feed stay: docxtpl prints them as a Word tab and a line
break.
"""

from __future__ import annotations

from typing import Any

import jinja2
from markupsafe import Markup

from jobdocs.render.sandbox import DEFAULT_TEMPLATE_LIMITS, LimitedSandbox, TemplateLimits
from jobdocs.render.text import clean_text, xml_text

__all__ = ["docx_environment", "finalize", "xml_text"]


def finalize(value: Any) -> Any:
    """Clean what a template prints: strings through
    :func:`~jobdocs.render.text.clean_text`, keeping :class:`~markupsafe.Markup` (already
    XML) as markup; other values unchanged."""
    if isinstance(value, Markup):
        return Markup(clean_text(str(value)))
    if isinstance(value, str):
        return clean_text(value)
    return value


def docx_environment(limits: TemplateLimits = DEFAULT_TEMPLATE_LIMITS) -> LimitedSandbox:
    """The Jinja environment for Word templates: the jobdocs sandbox
    (:class:`~jobdocs.render.sandbox.LimitedSandbox`), autoescaped (``R&D <Sales>`` prints as
    written instead of breaking the XML), strict about undefined names, and cleaning every
    printed value with :func:`~jobdocs.render.text.clean_text`.

    Its settings are otherwise Jinja's defaults, which docxtpl's tag syntax expects.
    """
    return LimitedSandbox(limits=limits, clean=clean_text, autoescape=True,
                          undefined=jinja2.StrictUndefined,
                          loader=jinja2.DictLoader({}))  # a Word template includes nothing
