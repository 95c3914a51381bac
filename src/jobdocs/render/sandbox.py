"""The sandbox every template runs in — HTML (Jinja) and Word (docxtpl) alike.

A template may come from anyone: it is exported, edited in a text editor or in Word, mailed
around. Jinja's own :class:`~jinja2.sandbox.ImmutableSandboxedEnvironment` already refuses
private attributes (``''.__class__.__mro__``), unsafe callables and changes to lists and
dicts. :class:`LimitedSandbox` adds what it leaves open:

- **What may be called.** Only template macros, Jinja's helpers, jobdocs' own template
  functions and the methods of plain values (text, numbers, dates, lists, mappings and the
  values of :mod:`jobdocs.render.values`). A method of anything else — a ``pathlib.Path``
  that reads or writes files, a module — is refused.
- **Time.** Every call, filter, loop step and printed value checks a deadline
  (:attr:`TemplateLimits.seconds`), so ``{% for i in range(10**5) %}{% for j in
  range(10**5) %}…`` stops.
- **Size.** Operators, methods and filters that could make a huge value (``'x' * 10**9``,
  ``s.ljust(10**9)``, ``|center``, ``|indent``, ``|join``, ``|replace``, ``%``, ``~``,
  ``**``) are checked *before* they run; every value a template makes counts against a
  total, and so does every character it prints, literal text included.
- **Loops.** The loop steps of one render are counted (:attr:`TemplateLimits.max_iterations`).

The limits of one render are held by a :class:`Budget` that :func:`template_budget` opens
for the duration of the render (a :class:`contextvars.ContextVar`, so threads and renders do
not share one). A limit that is reached raises :class:`TemplateLimitError`, a
:class:`jinja2.exceptions.SecurityError`; callers turn it into a
:class:`~jobdocs.errors.TemplateError` naming the template and its line.
"""

from __future__ import annotations

import datetime
import decimal
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.runtime import BlockReference, LoopContext, Macro, TemplateReference
from jinja2.sandbox import ImmutableSandboxedEnvironment, safe_range
from jinja2.utils import Cycler, Joiner, Namespace
from jinja2.visitor import NodeTransformer
from markupsafe import Markup

from jobdocs.render import sandbox_checks as checks
from jobdocs.render.sandbox_checks import size_of
from jobdocs.render.sandbox_limits import (
    DEFAULT_TEMPLATE_LIMITS,
    Budget,
    TemplateLimitError,
    TemplateLimits,
    current_budget,
    describe_failure,
    template_budget,
)

__all__ = ["DEFAULT_TEMPLATE_LIMITS", "Budget", "LimitedSandbox", "TemplateLimitError",
           "TemplateLimits", "describe_failure", "template_budget"]


#: Objects whose methods a template may call.
_PLAIN_TYPES = (str, bytes, int, float, decimal.Decimal, list, tuple, dict, set, frozenset,
                datetime.date, datetime.time, datetime.timedelta, Mapping,
                LoopContext, Cycler, Joiner, Namespace)
_HELPERS = (dict, Cycler, Joiner, Namespace)
_VALUE_MODULES = ("jobdocs.render.values", "jobdocs.render.contract_values")


def _template_function(func: Callable[..., Any]) -> Callable[..., Any]:
    func.jobdocs_template_safe = True  # type: ignore[attr-defined]
    return func


class LimitedSandbox(ImmutableSandboxedEnvironment):
    """An immutable Jinja sandbox with the limits of :class:`TemplateLimits` (see the module
    documentation). ``clean`` is applied to every printed string (e.g. removing characters
    the output format cannot hold)."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, *, limits: TemplateLimits = DEFAULT_TEMPLATE_LIMITS,
                 clean: Callable[[str], str] | None = None, **options: Any):
        super().__init__(finalize=self._finalize, **options)
        self.limits = limits
        self._clean = clean
        self.globals.pop("lipsum", None)
        self.globals["range"] = self._range
        self.filters = {name: checks.guarded_filter(name, func, self._checker)
                        for name, func in self.filters.items()}
        self.filters.update(_HOOKS)

    # -- what a template may call ----------------------------------------------------------

    def is_safe_callable(self, obj: Any) -> bool:
        if isinstance(obj, Macro) or getattr(obj, "jobdocs_template_safe", False):
            return True
        if not super().is_safe_callable(obj):
            return False
        if isinstance(obj, BlockReference | TemplateReference | LoopContext | Joiner):
            return True
        if obj in _HELPERS:
            return True
        owner = getattr(obj, "__self__", None)
        if owner is None or isinstance(owner, type):
            return False
        return isinstance(owner, _PLAIN_TYPES) or type(owner).__module__ in _VALUE_MODULES

    def call(__self, __context: Any, __obj: Any, *args: Any,
             **kwargs: Any) -> Any:
        budget = current_budget()
        if budget is not None:
            budget.tick()
        if not __self.is_safe_callable(__obj):
            name = getattr(__obj, "__qualname__", None) or type(__obj).__name__
            raise jinja2.exceptions.SecurityError(f"a template may not call `{name}`")
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str | bytes):
            checks.check_text_method(owner, __obj.__name__, args, kwargs, __self.limits)
        elif isinstance(owner, _PLAIN_TYPES):  # (1).to_bytes(10**9) would take a gigabyte
            checks.check_int_arguments(args, kwargs.values(), __self.limits,
                                       what=f"`{__obj.__name__}`")
        return __self._made(__context.call(__obj, *args, **kwargs))

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        checks.check_binop(operator, left, right, self.limits)
        return self._made(super().call_binop(context, operator, left, right))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapper = super().wrap_str_format(value)
        if wrapper is None:
            return None
        checks.check_format_string(str(value.__self__), self.limits)
        limits = self.limits

        @_template_function
        def checked(*args: Any, **kwargs: Any) -> str:
            checks.check_int_arguments(args, kwargs.values(), limits, what="format")
            return wrapper(*args, **kwargs)

        return checked

    # -- the hooks the compiled templates call ----------------------------------------------

    def _checker(self, value: Any) -> Any:
        """Check (and count) a value a filter made; the time is checked too."""
        budget = current_budget()
        if budget is not None:
            budget.tick()
        return self._made(value)

    def _made(self, value: Any) -> Any:
        size = size_of(value)
        if size > self.limits.max_value:
            raise TemplateLimitError(f"the template made a value of {size:,} characters or "
                                     f"items; the limit is {self.limits.max_value:,}")
        budget = current_budget()
        if budget is not None and size:
            budget.made(size)
        return value

    def _finalize(self, value: Any) -> Any:
        budget = current_budget()
        if isinstance(value, str):
            if budget is not None:
                budget.printed(len(value))
            if self._clean is not None and type(value) is not _Literal:
                cleaned = self._clean(str(value))
                return Markup(cleaned) if isinstance(value, Markup) else cleaned
        elif budget is not None:
            budget.printed(1)
        return value

    @_template_function
    def _range(self, *args: int) -> range:
        return safe_range(*args)

    # -- compiling ----------------------------------------------------------------------------

    def _generate(self, source: nodes.Template, name: str | None, filename: str | None,
                  defer_init: bool = False) -> str:
        tree = _Guard(self, name).visit(source)
        tree.set_environment(self)
        return super()._generate(tree, name, filename, defer_init)


class _CountedIterable:
    """An iterable whose steps count against the current budget; ``len`` still works."""

    __slots__ = ("_inner",)

    def __init__(self, inner: Iterable[Any]):
        self._inner = inner

    def __iter__(self) -> Iterator[Any]:
        budget = current_budget()
        if budget is None:
            yield from self._inner
            return
        for item in self._inner:
            budget.stepped(1)
            yield item

    def __len__(self) -> int:
        return len(self._inner)  # type: ignore[arg-type]


class _Literal(Markup):
    """Literal text of a template: counted when printed, never cleaned (it is the template's
    own markup)."""

    __slots__ = ()


# The hooks compiled templates call. Their names cannot be written in a template (a filter
# name is an identifier), and taking the context keeps Jinja from running them at compile time.

@jinja2.pass_context
def _iterate(context: Any, iterable: Iterable[Any]) -> Iterable[Any]:
    return _CountedIterable(iterable)


@jinja2.pass_context
def _literal(context: Any, text: str) -> _Literal:
    return _Literal(text)


@jinja2.pass_context
def _value(context: Any, value: Any) -> Any:
    return value


@jinja2.pass_context
def _concat(context: Any, *parts: Any) -> Any:
    texts = [p if isinstance(p, str) else str(p) for p in parts]
    checks.check_total(sum(map(len, texts)), context.environment.limits, what="`~`")
    return context.environment._made(jinja2.runtime.markup_join(texts))


_HOOKS = {"jobdocs:iterate": _iterate, "jobdocs:literal": _literal, "jobdocs:value": _value,
          "jobdocs:concat": _concat}


def _hook(name: str, node: nodes.Expr, args: list[nodes.Expr] | None = None) -> nodes.Filter:
    return nodes.Filter(node, f"jobdocs:{name}", args or [], [], None, None, lineno=node.lineno)


class _Guard(NodeTransformer):
    """Routes loops, literal text, constant printed values and ``~`` through the sandbox's
    counters."""

    def __init__(self, environment: jinja2.Environment, name: str | None):
        self.eval_ctx = nodes.EvalContext(environment, name)

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        node.iter = _hook("iterate", node.iter)  # type: ignore[arg-type]
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        first, *rest = node.nodes
        return _hook("concat", first, rest)

    def visit_Output(self, node: nodes.Output) -> nodes.Node:
        self.generic_visit(node)
        node.nodes = [self._printed(child) for child in node.nodes]
        return node

    def _printed(self, child: nodes.Expr) -> nodes.Expr:
        if isinstance(child, nodes.TemplateData):
            return _hook("literal", nodes.Const(child.data, lineno=child.lineno))
        try:
            child.as_const(self.eval_ctx)
        except Exception:  # not a constant: printed through finalize, which counts it
            return child
        return _hook("value", child)  # a constant Jinja would print without counting
