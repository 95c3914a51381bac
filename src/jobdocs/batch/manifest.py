"""``jobdocs-manifest.json``: what a batch has finished, so a rerun skips it.

Each entry is keyed by the hash of a row's inputs (its merged spec data, the referenced
specs, the templates, the formats and languages, the jobdocs version) and lists the files it
produced with their SHA-256. A rerun skips a row only when its inputs hash is recorded and
every output still exists with the recorded hash; anything else is rendered again.

A finished row is appended at once to a journal beside the manifest
(``jobdocs-manifest.journal``, one JSON object a line, flushed to the operating system), and
the manifest is rewritten atomically from time to time and at the end, when the journal is
folded into it. Appending keeps the cost of a row constant however long the batch is, and a
run killed with SIGKILL loses nothing but the rows that were in flight: reading the manifest
replays the journal, ignoring a last line cut short.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jobdocs.output import sha256_file, write_atomic

MANIFEST_NAME = "jobdocs-manifest.json"
JOURNAL_NAME = "jobdocs-manifest.journal"
FORMAT_VERSION = 1
COMPACT_EVERY = 1000
"""Rows recorded in the journal before the manifest is rewritten."""


def inputs_hash(*parts: Any) -> str:
    """A stable hash of JSON-able ``parts`` (dates and decimals as text)."""
    text = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str,
                      separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Manifest:
    """The record of finished rows in one output directory."""

    path: Path
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    _pending: int = field(default=0, repr=False)
    _cut: bool = field(default=False, repr=False)
    """Whether the journal ends in a line cut short (the next record starts a new line)."""

    @classmethod
    def load(cls, out_dir: Path) -> Manifest:
        """Read the manifest in ``out_dir`` and replay its journal; a missing or damaged
        manifest starts empty."""
        path = out_dir / MANIFEST_NAME
        manifest = cls(path)
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raw = None
        entries = raw.get("entries") if isinstance(raw, dict) else None
        if isinstance(raw, dict) and raw.get("version") == FORMAT_VERSION and isinstance(
                entries, dict):
            manifest.entries = {k: v for k, v in entries.items() if isinstance(v, dict)}
        manifest._replay()
        return manifest

    @property
    def journal(self) -> Path:
        return self.path.with_name(JOURNAL_NAME)

    def _replay(self) -> None:
        try:
            data = self.journal.read_bytes()
        except OSError:
            return
        self._cut = bool(data) and not data.endswith(b"\n")
        # A line cut short may end inside a UTF-8 sequence: decode leniently, skip it below.
        for line in data.decode("utf-8", "replace").splitlines():
            try:
                record = json.loads(line)
            except ValueError:
                continue  # the last line of a killed run may be cut short
            if isinstance(record, dict) and isinstance(record.get("key"), str):
                key = record.pop("key")
                self.entries[key] = record

    def is_done(self, key: str) -> bool:
        """Whether the row with inputs hash ``key`` finished and its files are intact."""
        entry = self.entries.get(key)
        if entry is None:
            return False
        outputs = entry.get("outputs")
        if not isinstance(outputs, dict) or not outputs:
            return False
        folder = self.path.parent
        return all(sha256_file(folder / name) == digest for name, digest in outputs.items())

    def record(self, key: str, row: int, outputs: dict[str, str]) -> None:
        """Note a finished row (``outputs``: relative file name → SHA-256) in the journal."""
        entry = {"row": row, "outputs": outputs}
        self.entries[key] = entry
        self.path.parent.mkdir(parents=True, exist_ok=True)
        line = json.dumps({"key": key, **entry}, ensure_ascii=False) + "\n"
        with self.journal.open("a", encoding="utf-8") as handle:
            handle.write("\n" + line if self._cut else line)  # never glued to a cut line
        self._cut = False
        self._pending += 1
        if self._pending >= COMPACT_EVERY:
            self.save()

    def save(self) -> None:
        """Rewrite the manifest with every entry and empty the journal."""
        body = {"version": FORMAT_VERSION, "entries": self.entries}
        text = json.dumps(body, ensure_ascii=False, indent=1, sort_keys=True)
        write_atomic(self.path, text.encode("utf-8"))
        self.journal.unlink(missing_ok=True)
        self._pending = 0
