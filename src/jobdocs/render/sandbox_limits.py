"""The limits of one template render, and the budget that counts what it spends.

A :class:`Budget` is opened by :func:`template_budget` for the duration of one render (one
document: for a Word template, every part together) and held in a
:class:`contextvars.ContextVar`, so that renders in different threads never share one and a
template cannot reach it. The hooks of :class:`~jobdocs.render.sandbox.LimitedSandbox` find
it with :func:`current_budget`.
"""

from __future__ import annotations

import contextlib
import contextvars
import time
from collections.abc import Iterator
from dataclasses import dataclass

import jinja2

from jobdocs.errors import JobdocsError


class TemplateLimitError(jinja2.exceptions.SecurityError):
    """A template reached one of its limits (time, size, loop steps)."""


@dataclass(frozen=True, slots=True)
class TemplateLimits:
    """What one render of a template may spend."""

    seconds: float = 2.0
    """Wall-clock time for one document (every part of a Word template together)."""
    max_output: int = 32 * 2**20
    """Characters the template may print, literal text included."""
    max_value: int = 8 * 2**20
    """The largest text, list or mapping a template may make (characters or items)."""
    max_produced: int = 64 * 2**20
    """Characters and items of every value the template makes, added up."""
    max_iterations: int = 1_000_000
    """Loop steps, all loops together."""
    max_template_bytes: int = 2**20
    """The largest template file a loader reads."""


DEFAULT_TEMPLATE_LIMITS = TemplateLimits()


class Budget:
    """What a render has spent so far, checked against its :class:`TemplateLimits`."""

    __slots__ = ("deadline", "iterations", "limits", "output", "produced")

    def __init__(self, limits: TemplateLimits):
        self.limits = limits
        self.deadline = time.monotonic() + limits.seconds
        self.output = self.produced = self.iterations = 0

    def tick(self) -> None:
        """Raise :class:`TemplateLimitError` once the time is up."""
        if time.monotonic() > self.deadline:
            raise TemplateLimitError(f"the template ran longer than {self.limits.seconds:g} "
                                     "seconds (an endless or very long loop?)")

    def printed(self, size: int) -> None:
        self.output += size
        if self.output > self.limits.max_output:
            raise TemplateLimitError(f"the template printed more than "
                                     f"{self.limits.max_output:,} characters")
        self.tick()

    def made(self, size: int) -> None:
        self.produced += size
        if self.produced > self.limits.max_produced:
            raise TemplateLimitError(f"the template made more than "
                                     f"{self.limits.max_produced:,} characters and items "
                                     "of values")

    def stepped(self, steps: int) -> None:
        self.iterations += steps
        if self.iterations > self.limits.max_iterations:
            raise TemplateLimitError(f"the template's loops ran more than "
                                     f"{self.limits.max_iterations:,} times")
        self.tick()


def describe_failure(exc: BaseException) -> str:
    """What went wrong while compiling or rendering a template, in a sentence."""
    if isinstance(exc, TemplateLimitError):
        return f"the template was stopped: {exc}"
    if isinstance(exc, jinja2.exceptions.SecurityError):
        return f"the template tried something the sandbox forbids: {exc}"
    if isinstance(exc, RecursionError):
        return "the template nests or calls itself too deeply (a macro or include that never ends?)"
    if isinstance(exc, MemoryError):
        return "the template ran out of memory"
    if isinstance(exc, jinja2.TemplateNotFound):
        return f"there is no template `{exc.name}` to include or import"
    if isinstance(exc, jinja2.TemplateError):
        return str(exc.message or exc)
    if isinstance(exc, JobdocsError):
        return exc.message
    return f"{type(exc).__name__}: {exc}"


_BUDGET: contextvars.ContextVar[Budget | None] = contextvars.ContextVar(
    "jobdocs_template_budget", default=None)


@contextlib.contextmanager
def template_budget(limits: TemplateLimits) -> Iterator[Budget]:
    """Open a budget for one render; a render inside another shares the outer budget."""
    current = _BUDGET.get()
    if current is not None:
        yield current
        return
    budget = Budget(limits)
    token = _BUDGET.set(budget)
    try:
        yield budget
    finally:
        _BUDGET.reset(token)




def current_budget() -> Budget | None:
    """The budget of the render in progress, or ``None`` outside :func:`template_budget`."""
    return _BUDGET.get()
