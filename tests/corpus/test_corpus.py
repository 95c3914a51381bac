"""The hostile-input corpus (cases.yaml): each bad input gives findings or one clear error,
the expected exit code, no traceback, in bounded time and memory; valid hostile text renders
to a PDF, a Word document and an HTML file that show it exactly as written.

Every case runs in a process of its own, forked from a warm server (harness.py), killed after
its timeout and measured for memory. ``pytest tests/corpus -rA`` (or the summary at the end
of any run) lists every case's outcome.
"""

from __future__ import annotations

import html.parser
import io
import os
import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from pypdf import PdfReader

from .harness import CorpusRunner, Outcome

HERE = Path(__file__).resolve().parent
CASES: list[dict[str, Any]] = yaml.safe_load((HERE / "cases.yaml").read_text(encoding="utf-8"))
MAX_RSS_MB = 500
_FINDING = re.compile(r":\d+:\d+: ([A-Z]\d{3}) (?:error|warning|info) ")
_MARKER = re.compile(r"^[A-Z]{3}\d\d .* end\d\d$", re.DOTALL)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"

ROLE = ("jobdocs: 1\nkind: role\nid: {id}\norganization: ../org/acme.yaml\nlanguage: en\n"
        "title: Clerk\ndocument: {{number: JD-1}}\n")


def case_id(case: dict[str, Any]) -> str:
    return str(case.get("name") or Path(case["file"]).with_suffix("").as_posix())


# -- inputs made when the test runs -----------------------------------------------------------

def _text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _deep(kind: str) -> Callable[[Path], None]:
    bodies = {"block": "functions:\n  " + "- " * 10_000 + "x\n",
              "flow": "functions: " + "[" * 10_000 + "]" * 10_000 + "\n",
              "mapping": "requirements: " + "{a: " * 10_000 + "b" + "}" * 10_000 + "\n"}
    return lambda path: _text(path, ROLE.format(id=f"deep-{kind}") + bodies[kind])


def _huge_scalar(size: int) -> Callable[[Path], None]:
    return lambda path: _text(path, ROLE.format(id="huge").replace(
        "title: Clerk", 'title: "' + "Clerk " * (size // 6) + '"'))


def _items_100000(path: Path) -> None:
    _text(path, ROLE.format(id="items") + "functions:\n"
          + "".join(f"  - Duty number {n}.\n" for n in range(100_000)))


def _thousand_pages(path: Path) -> None:
    # 6,000 duties of ~60 words: about a thousand pages, 2.6 MB of YAML.
    words = ("Prepares, checks and files the monthly reports of the department, keeps the "
             "registers of incoming and outgoing correspondence in order, answers the "
             "questions of clients and colleagues in time, and informs the head of the "
             "department of every deviation from the plan, its cause and the measures taken")
    _text(path, ROLE.format(id="thousand-pages") + "functions:\n"
          + "".join(f'  - "{n}. {words}."\n' for n in range(6_000)))


def _thousand_pages_revised(path: Path) -> None:
    # The thousand pages and a revision of them: every tenth duty reworded, a hundred
    # removed, a block moved. Duties without ids: too many to pair by their words.
    _thousand_pages(path.with_name("thousand-pages.yaml"))
    lines = path.with_name("thousand-pages.yaml").read_text(encoding="utf-8").splitlines()
    start = lines.index("functions:") + 1
    duties = lines[start:]
    duties = [d.replace("monthly", "weekly") if n % 10 == 0 else d
              for n, d in enumerate(duties) if n % 60 != 7]
    duties = duties[3000:3500] + duties[:3000] + duties[3500:]
    _text(path, "\n".join(lines[:start] + duties) + "\n")


def _symlink_out(path: Path) -> None:
    path.with_name("link-out.yaml").symlink_to(path.parents[2] / "outside.yaml")
    _text(path, ROLE.format(id="symlink").replace("../org/acme.yaml", "link-out.yaml"))


def _fifo_reference(path: Path) -> None:
    os.mkfifo(path.with_name("pipe.yaml"))
    _text(path, ROLE.format(id="fifo").replace("../org/acme.yaml", "pipe.yaml"))


def _device_reference(path: Path) -> None:
    path.with_name("zero.yaml").symlink_to("/dev/zero")
    _text(path, ROLE.format(id="device").replace("../org/acme.yaml", "zero.yaml"))


def _logo_bomb(path: Path) -> None:
    from PIL import Image

    Image.new("1", (12_000, 12_000)).save(path.with_name("bomb.png"), optimize=True)
    _text(path.with_name("bomb-org.yaml"), "jobdocs: 1\nkind: organization\nid: bomb\n"
          "name: Bomb LLC\nbranding: {logo: bomb.png}\n")
    _text(path, ROLE.format(id="logo-bomb").replace("../org/acme.yaml", "bomb-org.yaml"))


def _special_folder(path: Path) -> None:
    path.mkdir()
    os.mkfifo(path / "pipe.yaml")
    (path / "zero.yaml").symlink_to("/dev/zero")
    _text(path / "good.yaml", ROLE.format(id="good"))


def _template_symlink(path: Path) -> None:
    # `path` is the spec (templates/role.yaml); the template folder is made beside it.
    folder = path.parent / "symlink-out" / "role"
    if not folder.exists():
        folder.mkdir(parents=True)
        (folder / "style.css").symlink_to("/etc/passwd")


def _docx_template(body: str, target: Path) -> None:
    from docx import Document

    document = Document()
    document.add_paragraph("Job description {{ document.number }}")
    document.add_paragraph(body)
    document.save(str(target))


MAKERS: dict[str, Callable[[Path], None]] = {
    "deep-nesting-block": _deep("block"), "deep-nesting-flow": _deep("flow"),
    "deep-nesting-mapping": _deep("mapping"), "huge-scalar-10mb": _huge_scalar(10 * 2**20),
    "large-scalar": _huge_scalar(3_900_000), "items-100000": _items_100000,
    "thousand-pages": _thousand_pages, "symlink-out": _symlink_out,
    "thousand-pages-revised": _thousand_pages_revised,
    "fifo-reference": _fifo_reference, "device-reference": _device_reference,
    "fifo": lambda path: (path.parent.mkdir(parents=True, exist_ok=True), os.mkfifo(path)),
    "dev-zero": lambda path: (path.parent.mkdir(parents=True, exist_ok=True),
                              path.symlink_to("/dev/zero")),
    "special-folder": _special_folder, "logo-bomb": _logo_bomb,
}


def _make(case: dict[str, Any], root: Path) -> None:
    maker = case.get("make")
    target = root / case["file"]
    if maker is None:
        return
    if maker.startswith("docx:"):
        _docx_template(maker[len("docx:"):], root / "templates" / "made-template.docx")
    elif maker == "template-symlink":
        _template_symlink(target)
    elif not (target.exists() or target.is_symlink()):
        target.parent.mkdir(parents=True, exist_ok=True)
        MAKERS[maker](target)


# -- fixtures ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of files/ (the spec root), with a valid organization just outside it."""
    base = tmp_path_factory.mktemp("corpus")
    root = base / "root" / "files"
    shutil.copytree(HERE / "files", root)
    (base / "root" / "outside.yaml").write_text(
        "jobdocs: 1\nkind: organization\nid: outside\nname: Outside LLC\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def runner(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CorpusRunner]:
    server = CorpusRunner(tmp_path_factory.mktemp("corpus-runs"))
    yield server
    server.close()


# -- what a rendered document shows -------------------------------------------------------------

def _squash(text: str) -> str:
    return "".join(text.replace("\u2010", "").split())


def _pdf_text(path: Path) -> str:
    assert len(PdfReader(io.BytesIO(path.read_bytes())).pages) >= 1
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          check=True)
    return _squash(done.stdout.decode("utf-8"))


def _docx_text(path: Path) -> str:
    from lxml import etree  # type: ignore[import-untyped]

    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        parts = [n for n in archive.namelist() if n.startswith("word/") and n.endswith(".xml")]
        texts = [t.text or "" for name in parts
                 for t in etree.fromstring(archive.read(name)).iter(_W)]
    return _squash("".join(texts))


class _HtmlText(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _html_text(path: Path) -> str:
    parser = _HtmlText()
    parser.feed(path.read_text(encoding="utf-8"))
    assert "script" not in parser.tags
    return _squash("".join(parser.text))


def _markers(case: dict[str, Any], root: Path) -> list[str]:
    def strings(value: Any) -> Iterator[str]:
        if isinstance(value, dict):
            for item in value.values():
                yield from strings(item)
        elif isinstance(value, list):
            for item in value:
                yield from strings(item)
        elif isinstance(value, str) and _MARKER.match(value):
            yield value

    hidden = tuple(case.get("hidden", ()))
    found = [text for name in case.get("markers", ())
             for text in strings(yaml.safe_load((root / name).read_text(encoding="utf-8")))]
    return [text for text in found if not text.startswith(hidden)]


def _check_documents(case: dict[str, Any], root: Path, out: Path) -> list[str]:
    documents = sorted(out.iterdir()) if out.exists() else []
    assert {p.suffix for p in documents} == {".pdf", ".docx", ".html"}, documents
    assert not [p for p in documents if p.name.endswith(".part")]
    readers = {".pdf": _pdf_text, ".docx": _docx_text, ".html": _html_text}
    markers = _markers(case, root)
    for document in documents:
        text = readers[document.suffix](document)
        expected = list(case.get("shows", ()))
        if document.suffix != ".pdf" or case.get("pdf_markers", True):
            expected += markers
        missing = [s for s in expected if _squash(s) not in text]
        assert not missing, f"{document.name} does not show {missing}"
    return [p.name for p in documents]


# -- the test -----------------------------------------------------------------------------------

def _summary(case: dict[str, Any], outcome: Outcome, root: Path) -> str:
    codes = sorted(set(_FINDING.findall(outcome.output)))
    error = next((line.strip() for line in outcome.stderr.splitlines()
                  if line.startswith("jobdocs: error:")), "")
    error = error.replace(str(root.parent.parent), "…").removeprefix("jobdocs: error: ")
    said = ",".join(codes) if codes else error[:110]
    status = "TIMEOUT" if outcome.timed_out else f"exit {outcome.exit}"
    return (f"{case_id(case):44} {status:8} {outcome.seconds:5.2f}s {outcome.max_rss_mb:5.0f} MB"
            f"  {said}")


@pytest.mark.parametrize("case", CASES, ids=[case_id(c) for c in CASES])
def test_corpus(case: dict[str, Any], corpus: Path, runner: CorpusRunner,
                record_property: Callable[[str, object], None]) -> None:
    _make(case, corpus)
    out = corpus.parent / "out" / case_id(case).replace("/", "-")
    names = {"file": case["file"], "out": str(out), "files": str(corpus),
             "docx": str(corpus / "templates" / "made-template.docx")}
    argv = [arg.format(**names) for arg in case.get("run", ["lint", "{file}"])]
    outcome = runner.run(argv, cwd=corpus, timeout=float(case.get("timeout", 5)))
    summary = _summary(case, outcome, corpus)
    record_property("corpus", summary)
    print(summary)

    assert not outcome.timed_out, f"still running after {case.get('timeout', 5)} s"
    assert "Traceback" not in outcome.output, outcome.output[-3000:]
    assert outcome.max_rss_mb < MAX_RSS_MB
    assert outcome.exit == case.get("exit", 1), outcome.output[-3000:]
    if outcome.exit != 0 and not case.get("differs"):
        assert _FINDING.search(outcome.output) or "jobdocs: error:" in outcome.stderr or (
            "row" in outcome.stderr), outcome.output[-3000:]
    codes = set(_FINDING.findall(outcome.output))
    assert set(case.get("codes", ())) <= codes, outcome.output[-3000:]
    assert case.get("says", "") in outcome.output, outcome.output[-3000:]
    assert "\x1b" not in outcome.output and "\x07" not in outcome.output
    if "markers" in case or "shows" in case:
        _check_documents(case, corpus, out)
    if argv[0] in ("render", "batch") and out.exists():
        written = [p for p in out.rglob("*") if p.is_file()]
        assert all(p.resolve().is_relative_to(out.resolve()) for p in written)
