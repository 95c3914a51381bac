"""``jobdocs-manifest.json``: what a batch has finished, so a rerun skips it.

Each entry is keyed by the hash of a row's inputs (its merged spec data, the referenced
specs, the templates, the formats and languages, the jobdocs version) and lists the files it
produced with their SHA-256. A rerun skips a row only when its inputs hash is recorded and
every output still exists with the recorded hash; anything else is rendered again. The
manifest itself is rewritten atomically after every finished row, so a killed run loses at
most the rows that were in flight.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jobdocs.output import sha256_file, write_atomic

MANIFEST_NAME = "jobdocs-manifest.json"
FORMAT_VERSION = 1


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

    @classmethod
    def load(cls, out_dir: Path) -> Manifest:
        """Read the manifest in ``out_dir``; a missing or damaged one starts empty."""
        path = out_dir / MANIFEST_NAME
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls(path)
        entries = raw.get("entries") if isinstance(raw, dict) else None
        if raw.get("version") != FORMAT_VERSION or not isinstance(entries, dict):
            return cls(path)
        return cls(path, {k: v for k, v in entries.items() if isinstance(v, dict)})

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
        """Note a finished row (``outputs``: relative file name → SHA-256) and save."""
        self.entries[key] = {"row": row, "outputs": outputs}
        self.save()

    def save(self) -> None:
        body = {"version": FORMAT_VERSION, "entries": self.entries}
        text = json.dumps(body, ensure_ascii=False, indent=1, sort_keys=True)
        write_atomic(self.path, text.encode("utf-8"))
