"""YAML → data plus a source map: the file, line and column of every value.

PyYAML's own loaders forget positions, silently keep the last of two duplicate keys, read
``no`` as ``False`` and expand aliases without bound. jobdocs therefore builds the data itself
from libyaml's event stream (the C parser when it is available): every value gets its span,
duplicate keys, unknown tags, impossible dates, too deep nesting and alias bombs become
findings with a position, and only ``true``/``false`` are booleans (YAML 1.2 core schema).
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import ScalarNode

from jobdocs.findings import Finding, Location, PathKey, Severity, dotted

try:  # libyaml's C parser is ~10× faster; fall back to the pure-Python one.
    from yaml import CSafeLoader as _EventLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _EventLoader  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds that keep a hostile or broken file from exhausting the machine."""

    max_bytes: int = 4 * 1024 * 1024
    """Largest file read, in bytes."""
    max_nodes: int = 50_000
    """Largest number of values in one file, counting every alias expansion (a long job
    description or contract has a few thousand; 50,000 keep validation and linting well
    under a second)."""
    max_depth: int = 64
    """Deepest nesting of mappings and lists."""


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True, slots=True)
class Span:
    """A 1-based range in a file: where a value starts and ends."""

    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(slots=True)
class SourceMap:
    """Positions of the values (and of the keys that name them) in one file."""

    file: Path
    values: dict[PathKey, Span] = field(default_factory=dict)
    keys: dict[PathKey, Span] = field(default_factory=dict)

    def span(self, path: PathKey, *, key: bool = False) -> Span:
        """The span of the value at ``path`` (or of its key), else of its nearest ancestor."""
        probe = tuple(path)
        while True:
            if key and probe in self.keys:
                return self.keys[probe]
            if probe in self.values:
                return self.values[probe]
            if not probe:
                return Span(1, 1, 1, 1)
            probe = probe[:-1]

    def location(self, path: PathKey, *, key: bool = False) -> Location:
        """A :class:`Location` for ``path`` in this file."""
        s = self.span(path, key=key)
        return Location(self.file, s.line, s.column, s.end_line, s.end_column, dotted(path))


@dataclass(slots=True)
class SourceDocument:
    """One YAML file, read: its text, its data (``None`` when unreadable) and its positions."""

    path: Path
    text: str
    data: Any
    source_map: SourceMap
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.data is not None and not any(f.is_error for f in self.findings)


def read_source(path: Path, limits: Limits = DEFAULT_LIMITS) -> SourceDocument:
    """Read and parse one YAML file. Problems come back as findings, never as exceptions
    (except :class:`OSError` for a file that cannot be opened at all).

    Only a regular file is opened: a directory, a FIFO (reading one waits for a writer
    forever), a device such as ``/dev/zero`` or a socket is reported as R006 without being
    opened, and the file is opened non-blocking in case it was swapped for one meanwhile."""
    kind = special_file_kind(os.stat(path).st_mode)
    if kind is None:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            kind = special_file_kind(info.st_mode)
            if kind is None:
                if info.st_size > limits.max_bytes:
                    return _too_large(path, info.st_size, limits)
                return parse_source(handle.read(limits.max_bytes + 1), path, limits)
    return _failed(path, "", "R006", f"this is {kind}, not a spec file; it was not read",
                   Span(1, 1, 1, 1), hint="name a regular YAML file")


def special_file_kind(mode: int) -> str | None:
    """What a file of ``mode`` is when it is not a regular file (``a FIFO``, ``a device``…);
    ``None`` for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _too_large(path: Path, size: int, limits: Limits) -> SourceDocument:
    return _failed(path, "", "S003", f"the file is {size:,} bytes; the limit is "
                   f"{limits.max_bytes:,}", Span(1, 1, 1, 1),
                   hint="split the spec, or raise the limit if this is really one document")


def parse_source(raw: bytes, path: Path, limits: Limits = DEFAULT_LIMITS) -> SourceDocument:
    """Parse YAML bytes that claim to come from ``path``."""
    if len(raw) > limits.max_bytes:
        return _failed(path, "", "S003", f"the file is larger than {limits.max_bytes:,} bytes",
                       Span(1, 1, 1, 1))
    decoded = _decode(raw, path)
    if isinstance(decoded, SourceDocument):
        return decoded
    return _Composer(decoded, path, limits).run()


# -- decoding ---------------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def _decode(raw: bytes, path: Path) -> str | SourceDocument:
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return _failed(path, "", "S002", f"the file is encoded as {name}; specs must be UTF-8",
                           Span(1, 1, 1, 1), hint="save the file as UTF-8 (without BOM)")
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        column = len(raw[line_start:exc.start].decode("utf-8", "replace")) + 1
        return _failed(path, "", "S002",
                       f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
                       Span(line, column, line, column + 1),
                       hint="save the file as UTF-8; it may have been saved as Windows-1252 "
                            "or Latin-1")
    if not text.strip():
        return _failed(path, text, "S010", "the file is empty", Span(1, 1, 1, 1),
                       hint="start with `jobdocs: 1` and `kind:`; `jobdocs init` writes a starter")
    return text


def _failed(path: Path, text: str, code: str, message: str, span: Span,
            hint: str | None = None) -> SourceDocument:
    smap = SourceMap(path)
    loc = Location(path, span.line, span.column, span.end_line, span.end_column)
    finding = Finding(code, Severity.ERROR, message, loc, hint)
    return SourceDocument(path, text, None, smap, [finding])


# -- scalars ----------------------------------------------------------------------------------

class _Resolver(yaml.resolver.BaseResolver):
    """PyYAML's resolver with YAML 1.2 booleans: ``yes``/``no``/``on``/``off`` stay strings."""


for _first, _mappers in yaml.resolver.Resolver.yaml_implicit_resolvers.items():
    for _tag, _regexp in _mappers:
        if _tag == "tag:yaml.org,2002:bool":
            continue
        _Resolver.add_implicit_resolver(_tag, _regexp, [_first])
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)

_SAFE_TAGS = frozenset(
    "tag:yaml.org,2002:" + t
    for t in ("str", "int", "float", "bool", "null", "timestamp", "binary")
)
_YAML11_BOOLS = frozenset(
    ["yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF"]
)


class _Stop(Exception):
    """Raised inside the composer to end parsing after a fatal finding."""


@dataclass(slots=True)
class _Frame:
    container: dict[Any, Any] | list[Any]
    path: PathKey
    entry: int  # index of this node's entry in _Composer.entries
    anchor: str | None
    pending_key: Any = None
    pending_key_span: Span | None = None
    has_key: bool = False
    seen_keys: dict[Any, Span] = field(default_factory=dict)


class _Composer:
    """Builds plain Python data from parse events, recording a span for every value."""

    def __init__(self, text: str, path: Path, limits: Limits):
        self.text = text
        self.path = path
        self.limits = limits
        self.findings: list[Finding] = []
        self.entries: list[tuple[PathKey, Span, Span | None]] = []
        self.anchors: dict[str, tuple[Any, int, int, PathKey]] = {}
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.has_root = False
        self.skip_depth = 0
        self.documents = 0
        self.resolver = _Resolver()
        self.constructor = yaml.constructor.SafeConstructor()

    # The driver ------------------------------------------------------------------------------

    def run(self) -> SourceDocument:
        try:
            for event in self._events():
                self._handle(event)
        except _Stop:
            return self._result(None)
        except yaml.MarkedYAMLError as exc:
            self._syntax_error(exc)
            return self._result(None)
        except yaml.reader.ReaderError as exc:
            line, column = self._line_col(exc.position)
            char = exc.character if isinstance(exc.character, int) else ord(exc.character)
            self._add("S001", f"the file contains a character YAML does not allow "
                              f"(U+{char:04X})", Span(line, column, line, column + 1),
                      hint="remove control characters; use plain text")
            return self._result(None)
        except yaml.YAMLError as exc:  # pragma: no cover - defensive
            self._add("S001", f"the YAML cannot be read: {exc}", Span(1, 1, 1, 1))
            return self._result(None)
        if not self.has_root:
            self._add("S010", "the file holds no YAML document", Span(1, 1, 1, 1))
            return self._result(None)
        if not isinstance(self.root, dict):
            kind = "a list" if isinstance(self.root, list) else "a single value"
            span = self.entries[0][1] if self.entries else Span(1, 1, 1, 1)
            self._add("S006", f"the top level is {kind}; a spec is a mapping of keys to values",
                      span, hint="start the file with `jobdocs: 1` and `kind: role`")
            return self._result(None)
        return self._result(self.root)

    def _events(self) -> Iterator[yaml.Event]:
        loader = _EventLoader(self.text)
        try:
            while loader.check_event():
                event = loader.get_event()
                if event is not None:
                    yield event
        finally:
            loader.dispose()

    def _result(self, data: Any) -> SourceDocument:
        smap = SourceMap(self.path)
        if data is not None:
            for path, span, key_span in self.entries:
                smap.values[path] = span
                if key_span is not None:
                    smap.keys[path] = key_span
        return SourceDocument(self.path, self.text, data, smap, self.findings)

    # Events ----------------------------------------------------------------------------------

    def _handle(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self._fatal("S011", "the file holds more than one YAML document; "
                                    "write one spec per file", self._span(event))
            return
        if self.skip_depth:
            self._skip(event)
            return
        if isinstance(event, yaml.ScalarEvent):
            self._scalar(event)
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            self._start(event)
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            self._end(event)
        elif isinstance(event, yaml.AliasEvent):
            self._alias(event)

    def _skip(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            self.skip_depth += 1
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            self.skip_depth -= 1
            if self.skip_depth == 0:
                self._place_skipped_key()

    def _start(self, event: yaml.MappingStartEvent | yaml.SequenceStartEvent) -> None:
        span = self._span(event)
        if self._expecting_key():
            self._add("S009", "a mapping key must be a plain value, not a list or mapping", span)
            self.skip_depth = 1
            return
        self._check_tag(event.tag, event.implicit, span,
                        "map" if isinstance(event, yaml.MappingStartEvent) else "seq")
        if len(self.stack) >= self.limits.max_depth:
            self._fatal("S008", f"the nesting is deeper than {self.limits.max_depth} levels",
                        span, hint="a spec needs only a few levels; check the indentation")
        container: dict[Any, Any] | list[Any] = (
            {} if isinstance(event, yaml.MappingStartEvent) else []
        )
        path, key_span = self._child_path()
        entry = len(self.entries)
        self.entries.append((path, span, key_span))
        self._count(1, span)
        self.stack.append(_Frame(container, path, entry, event.anchor))

    def _end(self, event: yaml.MappingEndEvent | yaml.SequenceEndEvent) -> None:
        frame = self.stack.pop()
        path, start_span, key_span = self.entries[frame.entry]
        end = self._span(event)
        span = Span(start_span.line, start_span.column, end.end_line, end.end_column)
        self.entries[frame.entry] = (path, span, key_span)
        if frame.anchor is not None:
            self.anchors[frame.anchor] = (frame.container, frame.entry, len(self.entries), path)
        self._place(frame.container, span, frame.entry)

    def _scalar(self, event: yaml.ScalarEvent) -> None:
        span = self._span(event)
        value = self._construct(event, span)
        if self._expecting_key():
            self._take_key(value, span)
            return
        path, key_span = self._child_path()
        self.entries.append((path, span, key_span))
        self._count(1, span)
        if event.anchor is not None:
            self.anchors[event.anchor] = (value, len(self.entries) - 1, len(self.entries), path)
        self._place(value, span, len(self.entries) - 1)

    def _alias(self, event: yaml.AliasEvent) -> None:
        span = self._span(event)
        anchor = self.anchors.get(event.anchor or "")
        if anchor is None:  # pragma: no cover - libyaml reports undefined aliases itself
            self._fatal("S001", f"the alias *{event.anchor} names no anchor", span)
            return
        value, first, last, anchor_path = anchor
        if self._expecting_key():
            self._take_key(value, span)
            return
        self._count(last - first, span)
        path, key_span = self._child_path()
        cut = len(anchor_path)
        copied = [
            (path + p[cut:], s, k) for p, s, k in self.entries[first:last]
        ]
        if copied:
            p0, _, _ = copied[0]
            copied[0] = (p0, span, key_span)
        first_entry = len(self.entries)
        self.entries.extend(copied)
        self._place(_deep_copy(value), span, first_entry)

    def _take_key(self, value: Any, span: Span) -> None:
        frame = self.stack[-1]
        if not _hashable(value):
            self._add("S009", "this mapping key cannot be used as a key", span)
            value = repr(value)
        frame.pending_key, frame.pending_key_span, frame.has_key = value, span, True

    # Placing values --------------------------------------------------------------------------

    def _expecting_key(self) -> bool:
        return bool(self.stack) and isinstance(self.stack[-1].container, dict) and (
            not self.stack[-1].has_key
        )

    def _child_path(self) -> tuple[PathKey, Span | None]:
        if not self.stack:
            return (), None
        frame = self.stack[-1]
        if isinstance(frame.container, list):
            return (*frame.path, len(frame.container)), None
        return (*frame.path, _path_step(frame.pending_key)), frame.pending_key_span

    def _place(self, value: Any, span: Span, first_entry: int) -> None:
        """Put a finished value into its parent; ``first_entry`` is where its spans begin."""
        if not self.stack:
            self.root, self.has_root = value, True
            return
        frame = self.stack[-1]
        if isinstance(frame.container, list):
            frame.container.append(value)
            return
        key, key_span = frame.pending_key, frame.pending_key_span or span
        frame.pending_key, frame.pending_key_span, frame.has_key = None, None, False
        if key in frame.seen_keys:
            first = frame.seen_keys[key]
            self._add("S004", f"the key `{key}` appears twice in the same mapping", key_span,
                      hint=f"it is already defined on line {first.line}; YAML would silently "
                           "keep only the last one. Remove one of them")
            del self.entries[first_entry:]
            return
        frame.seen_keys[key] = key_span
        frame.container[key] = value

    def _place_skipped_key(self) -> None:
        # A complex key was skipped; its value will follow and be dropped with a dummy key.
        frame = self.stack[-1]
        frame.pending_key, frame.pending_key_span, frame.has_key = (
            f"<complex key {len(frame.container)}>", None, True
        )

    # Scalars ---------------------------------------------------------------------------------

    def _construct(self, event: yaml.ScalarEvent, span: Span) -> Any:
        value = event.value
        self._check_tag(event.tag, event.implicit[0], span, "str")
        if event.tag in (None, "!"):
            plain = event.implicit[0] and event.tag is None
            tag = self.resolver.resolve(  # type: ignore[no-untyped-call]
                ScalarNode, value, (plain, False))
            if plain and value in _YAML11_BOOLS:
                tag = "tag:yaml.org,2002:str"
        else:
            tag = event.tag
            if tag not in _SAFE_TAGS:
                return value
        if tag == "tag:yaml.org,2002:str":
            return value
        if tag == "tag:yaml.org,2002:float":
            return _decimal(value)
        if tag == "tag:yaml.org,2002:merge":
            self._add("S009", "YAML merge keys (`<<: *anchor`) are not supported in a spec",
                      span, hint="write the keys out, or share parts between roles with "
                                 "`extends`")
            return value
        node = ScalarNode(tag, value)
        try:
            return self.constructor.construct_object(node, deep=True)
        except (ValueError, OverflowError, yaml.constructor.ConstructorError) as exc:
            what = "date" if tag.endswith("timestamp") else tag.rsplit(":", 1)[-1]
            self._add("S007", f"`{value}` is not a valid {what}", span,
                      hint=_scalar_hint(what, exc))
            return value

    def _check_tag(self, tag: str | None, implicit: bool, span: Span, kind: str) -> None:
        if tag is None or tag == "!" or implicit:
            return
        allowed = _SAFE_TAGS | {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
        if tag not in allowed:
            self._add("S009", f"the tag `{tag}` is not allowed in a spec", span,
                      hint="remove the tag; specs hold plain text, numbers, dates, lists "
                           "and mappings")

    # Findings --------------------------------------------------------------------------------

    def _count(self, n: int, span: Span) -> None:
        if len(self.entries) + n > self.limits.max_nodes:
            self._fatal("S005", f"the file expands to more than {self.limits.max_nodes:,} "
                                "values (aliases included)", span,
                        hint="remove the aliases that repeat large parts of the file")

    def _syntax_error(self, exc: yaml.MarkedYAMLError) -> None:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or "invalid YAML"
        message = f"YAML syntax error: {problem}"
        hint = None
        if exc.context:
            message += f" ({exc.context}"
            if exc.context_mark is not None and exc.problem_mark is not None:
                message += f" on line {exc.context_mark.line + 1}"
            message += ")"
        if (exc.context_mark is not None and exc.problem_mark is not None
                and "end of stream" in problem):
            # An unclosed quote or bracket: the useful place is where it was opened.
            hint = f"the parser reached line {exc.problem_mark.line + 1} looking for the end"
            mark = exc.context_mark
        if mark is not None and self._char_at(mark.index) == "\t":
            hint = "YAML indentation must use spaces, not tabs"
        line = mark.line + 1 if mark else 1
        column = mark.column + 1 if mark else 1
        self._add("S001", message, Span(line, column, line, column), hint=hint)

    def _add(self, code: str, message: str, span: Span, hint: str | None = None) -> None:
        loc = Location(self.path, span.line, span.column, span.end_line, span.end_column)
        self.findings.append(Finding(code, Severity.ERROR, message, loc, hint))

    def _fatal(self, code: str, message: str, span: Span, hint: str | None = None) -> None:
        self._add(code, message, span, hint)
        raise _Stop

    def _span(self, event: yaml.Event) -> Span:
        s, e = event.start_mark, event.end_mark
        if s is None:
            return Span(1, 1, 1, 1)
        e = e or s
        return Span(s.line + 1, s.column + 1, e.line + 1, e.column + 1)

    def _char_at(self, index: int) -> str:
        return self.text[index] if 0 <= index < len(self.text) else ""

    def _line_col(self, index: int) -> tuple[int, int]:
        line = self.text.count("\n", 0, index) + 1
        column = index - (self.text.rfind("\n", 0, index) + 1) + 1
        return line, column


def _path_step(key: Any) -> str | int:
    return key if isinstance(key, str) else str(key)


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def _deep_copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _deep_copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_deep_copy(v) for v in value]
    return value


def _decimal(text: str) -> Any:
    cleaned = text.replace("_", "")
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        return text  # .inf, .nan: left as text, the schema rejects them with a message
    return number if number.is_finite() else text


def _scalar_hint(what: str, exc: Exception) -> str:
    if what == "date":
        return f"write a real calendar date as YYYY-MM-DD ({exc})"
    return str(exc)
