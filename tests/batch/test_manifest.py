"""The manifest: finished rows are skipped only while their files are intact."""

from __future__ import annotations

from pathlib import Path

from jobdocs.batch.manifest import MANIFEST_NAME, Manifest, inputs_hash
from jobdocs.output import write_atomic


def test_record_and_skip(tmp_path: Path) -> None:
    digest = write_atomic(tmp_path / "a.pdf", b"%PDF-1.7 fake")
    key = inputs_hash({"row": 1}, ["pdf"])
    manifest = Manifest.load(tmp_path)
    assert not manifest.is_done(key)
    manifest.record(key, 2, {"a.pdf": digest})
    again = Manifest.load(tmp_path)
    assert again.is_done(key)
    (tmp_path / "a.pdf").write_bytes(b"truncated")
    assert not Manifest.load(tmp_path).is_done(key)


def test_damaged_manifest_starts_empty(tmp_path: Path) -> None:
    (tmp_path / MANIFEST_NAME).write_text("{not json")
    assert Manifest.load(tmp_path).entries == {}


def test_inputs_hash_is_stable_and_sensitive() -> None:
    import datetime
    from decimal import Decimal

    a = inputs_hash({"d": datetime.date(2027, 1, 1), "x": Decimal("1.50")})
    assert a == inputs_hash({"x": Decimal("1.50"), "d": datetime.date(2027, 1, 1)})
    assert a != inputs_hash({"x": Decimal("1.5"), "d": datetime.date(2027, 1, 1)})


def test_write_atomic_leaves_no_temporary_files(tmp_path: Path) -> None:
    write_atomic(tmp_path / "sub" / "x.bin", b"1")
    write_atomic(tmp_path / "sub" / "x.bin", b"2")
    assert [p.name for p in (tmp_path / "sub").iterdir()] == ["x.bin"]
    assert (tmp_path / "sub" / "x.bin").read_bytes() == b"2"


def test_journal_survives_without_a_save_and_ignores_a_cut_line(tmp_path: Path) -> None:
    digest = write_atomic(tmp_path / "a.pdf", b"%PDF a")
    manifest = Manifest.load(tmp_path)
    manifest.record("k1", 2, {"a.pdf": digest})          # journal only, as if killed now
    with (tmp_path / "jobdocs-manifest.journal").open("a") as handle:
        handle.write('{"key": "k2", "row": 3, "outp')     # a line cut short by SIGKILL
    again = Manifest.load(tmp_path)
    assert again.is_done("k1") and "k2" not in again.entries
    again.save()
    assert not (tmp_path / "jobdocs-manifest.journal").exists()
    assert Manifest.load(tmp_path).is_done("k1")
