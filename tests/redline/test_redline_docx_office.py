"""LibreOffice reads a Word redline's tracked changes: converted to flat ODF they are
insertions and deletions of the changed words, converted to PDF both are shown, and accepting
(rejecting) them all gives the new (old) document, paragraph by paragraph."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from lxml import etree

from jobdocs.render import Renderer

from .docx_documents import AUTHOR, REPO, contract_versions, role_versions, shapes_versions


def _docx_helpers() -> ModuleType:
    """tests/docx/docx_helpers.py (tests/docx is not a package: it would hide python-docx)."""
    if "docx_helpers" not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            "docx_helpers", REPO / "tests" / "docx" / "docx_helpers.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["docx_helpers"] = module
        spec.loader.exec_module(module)
    return sys.modules["docx_helpers"]


helpers = _docx_helpers()


@pytest.fixture(scope="module")
def role() -> tuple[bytes, bytes, bytes]:
    return role_versions().render(Renderer())


def _soffice(files: list[Path], fmt: str, outdir: Path, profile: Path) -> None:
    done = subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
         "--convert-to", fmt, "--outdir", str(outdir), *map(str, files)],
        capture_output=True, text=True, timeout=300,
        env={**os.environ, "HOME": str(profile)})
    assert done.returncode == 0, done.stderr


_ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_ODF_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_DC = "{http://purl.org/dc/elements/1.1/}"


def libreoffice_changes(fodt: Path) -> dict[str, str]:
    """The text LibreOffice holds as inserted and as deleted (``insertion``/``deletion``),
    read from its flat ODF: each changed region's type, and the text between its
    ``change-start`` and ``change-end`` (or inside the region, for a deletion kept there)."""
    root = etree.parse(str(fodt)).getroot()
    t, office = f"{{{_ODF_TEXT}}}", f"{{{_ODF_OFFICE}}}"
    kinds = {}
    texts: dict[str, list[str]] = {"insertion": [], "deletion": []}
    for region in root.iter(f"{t}changed-region"):
        change = region[0]
        kind = etree.QName(change).localname
        kinds[region.get(f"{t}id")] = kind
        texts.setdefault(kind, []).extend(
            "".join(child.itertext()) for child in change if child.tag != f"{office}change-info")
    open_ids: set[str] = set()
    for event, node in etree.iterwalk(root.find(f".//{office}text"), events=("start", "end")):
        if event == "start" and node.tag == f"{t}change-start":
            open_ids.add(node.get(f"{t}change-id"))
        elif event == "start" and node.tag == f"{t}change-end":
            open_ids.discard(node.get(f"{t}change-id"))
        piece = node.text if event == "start" else node.tail
        if event == "start":
            piece = {f"{t}tab": "\t", f"{t}line-break": "\n", f"{t}s": " "}.get(
                node.tag, "") + (piece or "")
        for change in open_ids:
            texts[kinds[change]].append(piece or "")
    return {kind: "".join(found) for kind, found in texts.items()}


@helpers.needs_soffice
@helpers.needs_poppler
def test_libreoffice_reads_the_tracked_changes(role: tuple[bytes, bytes, bytes],
                                               tmp_path: Path) -> None:
    source = tmp_path / "redline.docx"
    source.write_bytes(role[2])
    _soffice([source], "fodt", tmp_path, tmp_path / "profile")
    changes = libreoffice_changes(tmp_path / "redline.fodt")
    for words in ("ყოველკვარტალური ანგარიში.", "ყოველთვიური ანგარიშგება.",
                  "ახალი კლიენტების წილი გაყიდვებში.", "ნინო ბერიძე", "ახალი\tწესი"):
        assert words in changes["insertion"]
    for words in ("ძველი წესი", "სანდრო გოგოლაძე", "გიორგი კაპანაძე", "კომერციული"):
        assert words in changes["deletion"]
    info = etree.parse(str(tmp_path / "redline.fodt")).getroot().findall(
        f".//{{{_ODF_OFFICE}}}change-info")
    assert info and {i.findtext(f"{_DC}creator") for i in info} == {AUTHOR}
    assert {i.findtext(f"{_DC}date") for i in info} == {"2026-12-01T09:30:15"}
    pdfs = helpers.soffice_convert([source], tmp_path / "pdf", tmp_path / "profile")
    shown = " ".join(helpers.pdf_text(pdfs[source]).split())
    assert "ყოველკვარტალური" in shown and "გოგოლაძე" in shown  # changes shown, both kinds


_UNO_SCRIPT = r'''
import json, os, subprocess, sys, time, uno
from com.sun.star.beans import PropertyValue

def texts(doc):
    found = []
    def walk(enum):
        while enum.hasMoreElements():
            element = enum.nextElement()
            if element.supportsService("com.sun.star.text.Paragraph"):
                found.append([element.ParaStyleName, element.getString()])
            elif element.supportsService("com.sun.star.text.TextTable"):
                for name in element.getCellNames():
                    walk(element.getCellByName(name).getText().createEnumeration())
    walk(doc.getText().createEnumeration())
    return found

profile, pipe, jobs = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
office = subprocess.Popen(["soffice", "-env:UserInstallation=" + profile, "--headless",
                           "--invisible", "--norestore", "--accept=pipe,name=%s;urp;" % pipe])
try:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(300):
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            break
        except Exception:
            time.sleep(0.1)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    dispatch = ctx.ServiceManager.createInstanceWithContext(
        "com.sun.star.frame.DispatchHelper", ctx)
    hidden = PropertyValue()
    hidden.Name, hidden.Value = "Hidden", True
    results = []
    for path, command in jobs:
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0,
                                           (hidden,))
        if command:
            dispatch.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, ())
        results.append(texts(doc))
        doc.close(True)
    print(json.dumps(results, ensure_ascii=False))
    desktop.terminate()
finally:
    try:
        office.wait(timeout=60)
    except subprocess.TimeoutExpired:
        office.kill()
'''


def _python_with_uno() -> str | None:
    for python in ("/usr/bin/python3", shutil.which("python3")):
        if python and subprocess.run([python, "-c", "import uno"],
                                     capture_output=True).returncode == 0:
            return python
    return None


@helpers.needs_soffice
@pytest.mark.skipif(shutil.which("soffice") is not None and _python_with_uno() is None,
                    reason="LibreOffice's Python bridge (python3-uno) is not installed")
@pytest.mark.parametrize("documents", [lambda: role_versions().render(Renderer()),
                                       lambda: contract_versions().render(Renderer()),
                                       shapes_versions], ids=["role", "contract", "shapes"])
def test_libreoffice_accept_all_and_reject_all(
        documents: Callable[[], tuple[bytes, bytes, bytes]], tmp_path: Path) -> None:
    files = {}
    for name, data in zip(("old", "new", "redline"), documents(), strict=True):
        files[name] = tmp_path / f"{name}.docx"
        files[name].write_bytes(data)
    script = tmp_path / "office.py"
    script.write_text(_UNO_SCRIPT, encoding="utf-8")
    jobs = [[str(files["old"]), ""], [str(files["new"]), ""],
            [str(files["redline"]), ".uno:AcceptAllTrackedChanges"],
            [str(files["redline"]), ".uno:RejectAllTrackedChanges"]]
    python = _python_with_uno()
    assert python is not None
    done = subprocess.run([python, str(script), (tmp_path / "profile").as_uri(),
                           # unique per process: xdist workers have equal tmp_path names
                           f"jobdocs-{os.getpid()}-{uuid.uuid4().hex}", json.dumps(jobs)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    old, new, accepted, rejected = json.loads(done.stdout.splitlines()[-1])
    assert accepted == new
    assert rejected == old
