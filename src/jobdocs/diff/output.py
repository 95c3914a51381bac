"""A :class:`~jobdocs.diff.model.SpecDiff` for people and for programs.

:func:`print_text` prints a summary (``functions: +2 −1 ~3``) and then every change with its
place and its words, deletions as ``[-…-]`` and insertions as ``{+…+}`` like
``git diff --word-diff`` (in colour on a terminal: struck-through red, underlined green).
:func:`to_json` gives the same as data, with the positions in both files.
Spec text is printed through :func:`~jobdocs.findings.shown`: a spec cannot drive the terminal.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TextIO

from jobdocs.diff.model import SIGNS, Change, ChangeKind, Side, SpecDiff
from jobdocs.findings import Location, shown
from jobdocs.textdiff import Segment

_STYLES = {"added": "green", "removed": "red", "changed": "yellow", "moved": "cyan"}
_NAMES: dict[ChangeKind, str] = {"added": "added", "removed": "removed", "changed": "changed",
                                 "moved": "moved"}


def to_json(diff: SpecDiff, lang: str | None = None) -> dict[str, Any]:
    """The changes as JSON-ready data (``lang`` keeps only that language's word changes)."""
    return {
        "kind": diff.kind,
        "old": _side_json(diff.old),
        "new": _side_json(diff.new),
        "changed": bool(diff),
        "summary": {group: {name: counts[kind] for kind, name in _NAMES.items()}
                    for group, counts in diff.counts().items()},
        "changes": [_change_json(change, lang) for change in diff.changes],
    }


def _side_json(side: Side) -> dict[str, Any]:
    return {"file": side.name, "number": side.number, "version": side.version}


def _change_json(change: Change, lang: str | None) -> dict[str, Any]:
    return {
        "kind": change.kind,
        "group": change.group,
        "id": change.id,
        "old_path": change.old_path,
        "new_path": change.new_path,
        "old": change.old,
        "new": change.new,
        "old_location": _location_json(change.old_location),
        "new_location": _location_json(change.new_location),
        "words": {code: [{"op": s.op, "text": s.text} for s in segments]
                  for code, segments in _languages(change.words, lang).items()},
    }


def _location_json(location: Location | None) -> dict[str, Any] | None:
    if location is None:
        return None
    return {"file": location.display_file(), "line": location.line, "column": location.column,
            "end_line": location.end_line, "end_column": location.end_column,
            "path": location.path}


def _languages(words: Mapping[str, tuple[Segment, ...]],
               lang: str | None) -> Mapping[str, tuple[Segment, ...]]:
    if lang is None:
        return words
    return {code: segments for code, segments in words.items() if code == lang}


def print_text(diff: SpecDiff, stream: TextIO, *, color: bool = False,
               lang: str | None = None) -> None:
    """Write the summary and every change as text (``lang``: that language's words only)."""
    from rich.console import Console
    from rich.text import Text

    console = Console(file=stream, force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, highlight=False,
                      soft_wrap=True, emoji=False, markup=False)
    head = Text()
    head.append(f"--- {_side_text(diff.old)}\n+++ {_side_text(diff.new)}\n", style="bold")
    if not diff.changes:
        head.append("no changes" if not diff else
                    "no changes but the document's number or version")
        console.print(head)
        return
    count = len(diff.changes)
    head.append(f"{count} change{'s' if count != 1 else ''}\n")
    head.append("\n".join(f"  {shown(line)}" for line in diff.summary_lines()))
    console.print(head)
    group = None
    for change in diff.changes:
        if change.group != group:
            group = change.group
            console.print(Text("\n" + shown(group), style="bold"))
        console.print(_change_text(change, color=color, lang=lang))


def _side_text(side: Side) -> str:
    about = " ".join(x for x in (side.number, f"v{side.version}" if side.version else None) if x)
    return shown(f"{side.name}  ({about})" if about else side.name)


def _change_text(change: Change, *, color: bool, lang: str | None) -> Any:
    from rich.text import Text

    line = Text("  ")
    line.append(SIGNS[change.kind], style=_STYLES[change.kind])
    line.append(" " + shown(change.path))
    if change.id:
        line.append(f" ({shown(change.id)})", style="cyan")
    if change.kind == "moved" and change.old_path != change.new_path:
        line.append(f" from {shown(change.old_path or '')}")
    where = change.new_location or change.old_location
    if where is not None:
        line.append(f"  {shown(where.display_file())}:{where.line}:{where.column}", style="dim")
    words = _languages(change.words, lang)
    if words:
        for code, segments in words.items():
            line.append(f"\n      {code}: ")
            _append_words(line, segments, color=color)
    elif change.kind in ("added", "removed"):
        value = change.new if change.kind == "added" else change.old
        for code, text in _texts(value, lang):
            line.append(f"\n      {code + ': ' if code else ''}")
            line.append(shown(text), style=_STYLES[change.kind])
    elif change.kind == "changed":
        line.append(f"\n      {_value(change.old)} → {_value(change.new)}")
    return line


def _append_words(line: Any, segments: tuple[Segment, ...], *, color: bool) -> None:
    for segment in segments:
        text = shown(segment.text)
        if segment.op == "equal":
            line.append(text)
        elif color:
            line.append(text, style="red strike" if segment.op == "delete" else "green underline")
        elif segment.op == "delete":
            line.append(f"[-{text}-]")
        else:
            line.append(f"{{+{text}+}}")


def _texts(value: Any, lang: str | None) -> list[tuple[str, str]]:
    """What an added or removed value says: its text by language, else a short form."""
    own = value.get("text", value.get("title")) if isinstance(value, Mapping) else value
    if isinstance(own, str):
        return [("", own)]
    if isinstance(own, Mapping) and own and all(isinstance(v, str) for v in own.values()):
        return [(str(k), v) for k, v in own.items() if lang is None or k == lang]
    return [("", _value(value))]


def _value(value: Any, limit: int = 200) -> str:
    """A short one-line form of a value."""
    if isinstance(value, Mapping):
        text = ", ".join(f"{k}: {_value(v, limit)}" for k, v in value.items())
        text = "{" + text + "}"
    elif isinstance(value, list):
        text = "[" + ", ".join(_value(v, limit) for v in value) + "]"
    elif value is None:
        text = "(none)"
    else:
        text = str(value)
    text = shown(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
