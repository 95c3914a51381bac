"""Checks that run *before* a template operation that could make a huge value.

Checking a value after it is made is too late when making it takes a gigabyte: ``'x' *
10**9``, ``s.ljust(10**9)``, ``s|indent(10**6)`` on a long text, ``'%999999999s' % x``,
``sep.join(…)``, ``s.replace('', big)``. Each function here estimates the size of the result
from the operands and raises :class:`TemplateLimitError` when it would pass
:attr:`~jobdocs.render.sandbox.TemplateLimits.max_value`. Filters are wrapped by
:func:`guarded_filter`, which also keeps Jinja from running them while compiling.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import jinja2
from jinja2.utils import _PassArg

from jobdocs.render.sandbox_limits import TemplateLimitError

if TYPE_CHECKING:
    from jobdocs.render.sandbox_limits import TemplateLimits


#: Methods of text a template may call whose result is no larger than the text (or a list of
#: its parts).
SAFE_TEXT_METHODS = frozenset([
    "capitalize", "casefold", "count", "decode", "endswith", "find", "index", "isalnum",
    "isalpha", "isascii", "isdecimal", "isdigit", "isidentifier", "islower", "isnumeric",
    "isprintable", "isspace", "istitle", "isupper", "lower", "lstrip", "partition",
    "removeprefix", "removesuffix", "rfind", "rindex", "rpartition", "rsplit", "rstrip",
    "split", "splitlines", "startswith", "strip", "swapcase", "title", "upper", "striptags",
    "unescape",
])

MAX_POWER_BITS = 10_000
"""The largest integer ``a ** b`` may make, in bits."""

_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?")
_BRACE_SPEC = re.compile(r"\{[^{}]*:([^{}]*)\}")
_DIGITS = re.compile(r"\d+")


def size_of(value: Any) -> int:
    """The size a limit counts: characters of a text, items of a list or mapping."""
    if isinstance(value, str | bytes | bytearray | list | tuple | dict | set | frozenset):
        return len(value)
    return 0


def check_total(size: int, limits: TemplateLimits, *, what: str) -> None:
    """Refuse an operation whose result would have ``size`` characters or items."""
    if size > limits.max_value:
        raise TemplateLimitError(f"{what} would make a value of {size:,} characters or items; "
                                 f"the limit is {limits.max_value:,}")


def check_int_arguments(args: Iterable[Any], kwargs: Iterable[Any], limits: TemplateLimits,
                        *, what: str) -> None:
    """Refuse a number argument larger than any value may be (a width, a count)."""
    for value in (*args, *kwargs):
        numbers = value if isinstance(value, tuple) else (value,)
        for number in numbers:
            if isinstance(number, int) and not isinstance(number, bool) and (
                    abs(number) > limits.max_value):
                raise TemplateLimitError(f"{what}: the number {number:,} is larger than the "
                                         f"limit {limits.max_value:,}")


def check_format_string(fmt: str, limits: TemplateLimits) -> None:
    """Refuse widths and precisions (``%999999999s``, ``{:>999999999}``) beyond the limit."""
    for match in _PERCENT_SPEC.finditer(fmt):
        for number in match.groups():
            if number and number.isdigit():
                check_total(int(number), limits, what="a format width")
    for match in _BRACE_SPEC.finditer(fmt):
        for number in _DIGITS.findall(match.group(1)):
            check_total(int(number), limits, what="a format width")


def check_binop(operator: str, left: Any, right: Any, limits: TemplateLimits) -> None:
    """Check ``left <operator> right`` before Python computes it."""
    if operator == "*":
        for seq, times in ((left, right), (right, left)):
            if size_of(seq) and isinstance(times, int):
                check_total(size_of(seq) * max(times, 0), limits, what="`*`")
    elif operator == "+":
        if size_of(left) and size_of(right):
            check_total(size_of(left) + size_of(right), limits, what="`+`")
    elif operator == "**":
        if isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and right > 0:
            bits = right * math.log2(abs(left))
            if bits > MAX_POWER_BITS:
                raise TemplateLimitError(f"`**` would make a number of about {bits:,.0f} bits; "
                                         f"the limit is {MAX_POWER_BITS:,}")
    elif operator == "%" and isinstance(left, str):
        check_format_string(left, limits)
        values = right.values() if isinstance(right, dict) else [right]
        check_int_arguments(values, (), limits, what="`%`")


def check_text_method(text: str | bytes, name: str, args: tuple[Any, ...],
                      kwargs: dict[str, Any], limits: TemplateLimits) -> None:
    """Check a call of the method ``name`` of ``text``; refuse methods not known to be safe."""
    if name in SAFE_TEXT_METHODS:
        return
    check_int_arguments(args, kwargs.values(), limits, what=f"`{name}`")
    estimate = _TEXT_METHODS.get(name)
    if estimate is None:
        raise jinja2.exceptions.SecurityError(f"a template may not call `{name}` on a text")
    check_total(estimate(text, args, kwargs), limits, what=f"`{name}`")


def _width(text: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> int:
    width = args[0] if args else kwargs.get("width", 0)
    return max(len(text), width if isinstance(width, int) else 0)


def _expandtabs(text: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> int:
    size = args[0] if args else kwargs.get("tabsize", 8)
    tab = "\t" if isinstance(text, str) else b"\t"
    tabs: int = text.count(tab)
    return len(text) + tabs * max(size if isinstance(size, int) else 8, 0)


def _replace(text: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> int:
    old = args[0] if args else kwargs.get("old", "")
    new = args[1] if len(args) > 1 else kwargs.get("new", "")
    if not isinstance(old, str | bytes) or not isinstance(new, str | bytes):
        return len(text)
    text = str(text) if isinstance(old, str) and not isinstance(text, str) else text
    try:
        times = len(text) + 1 if not old else text.count(old)
    except TypeError:
        return len(text)
    return len(text) + times * max(len(new) - len(old), 0)


def _join(text: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> int:
    parts = args[0] if args else kwargs.get("iterable", ())
    if not isinstance(parts, list | tuple | str):
        raise jinja2.exceptions.SecurityError("`join` takes a list in a template")
    return sum(size_of(p) for p in parts) + len(text) * len(parts)


def _encode(text: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> int:
    return 4 * len(text)


Estimate = Callable[[Any, tuple[Any, ...], dict[str, Any]], int]

_TEXT_METHODS: dict[str, Estimate] = {
    "center": _width, "ljust": _width, "rjust": _width, "zfill": _width,
    "expandtabs": _expandtabs, "replace": _replace, "join": _join, "encode": _encode,
}


# -- filters ----------------------------------------------------------------------------------

def _indent(value: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> int:
    width = args[0] if args else kwargs.get("width", 4)
    step = len(width) if isinstance(width, str) else max(width if isinstance(width, int) else 4,
                                                         0)
    text = str(value)
    return len(text) + (text.count("\n") + 1) * step


def _wordwrap(value: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> int:
    width = args[0] if args else kwargs.get("width", 79)
    wrap = args[2] if len(args) > 2 else kwargs.get("wrapstring") or "\n"
    text = str(value)
    lines = len(text) // max(width if isinstance(width, int) else 1, 1) + 1
    return len(text) + lines * len(str(wrap))


def _filter_replace(value: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> int:
    return _replace(str(value), args, kwargs)


def _filter_join(value: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> int:
    separator = args[0] if args else kwargs.get("d", "")
    items = value if isinstance(value, list | tuple | str) else ()
    return sum(size_of(p) or 16 for p in items) + len(str(separator)) * len(items)


def _filter_format(value: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> int:
    return len(str(value))


_FILTER_ESTIMATES: dict[str, Estimate] = {
    "center": lambda value, args, kwargs: _width(str(value), args, kwargs),
    "indent": _indent, "wordwrap": _wordwrap, "replace": _filter_replace,
    "join": _filter_join, "format": _filter_format,
}


def guarded_filter(name: str, func: Callable[..., Any],
                   checker: Callable[[Any], Any]) -> Callable[..., Any]:
    """``func`` (the filter ``name``) with its arguments checked before it runs and its result
    passed to ``checker``. The wrapper takes the template context, so that Jinja never runs
    it while compiling a template (outside any budget)."""
    pass_arg = _PassArg.from_obj(func)
    estimate = _FILTER_ESTIMATES.get(name)

    @jinja2.pass_context
    def guarded(context: Any, value: Any = None, *args: Any, **kwargs: Any) -> Any:
        limits = context.environment.limits
        if name == "join" and not isinstance(value, list | tuple | str) and value is not None:
            value = list(value)
            check_total(len(value), limits, what="|join")
        if name == "format" and isinstance(value, str):
            check_format_string(value, limits)
        check_int_arguments(args, kwargs.values(), limits, what=f"|{name}")
        if estimate is not None:
            check_total(estimate(value, args, kwargs), limits, what=f"|{name}")
        leading: tuple[Any, ...] = ()
        if pass_arg is _PassArg.context:
            leading = (context,)
        elif pass_arg is _PassArg.eval_context:
            leading = (context.eval_ctx,)
        elif pass_arg is _PassArg.environment:
            leading = (context.environment,)
        return checker(func(*leading, value, *args, **kwargs))

    guarded.__name__ = getattr(func, "__name__", name)
    guarded.__doc__ = func.__doc__
    return guarded
