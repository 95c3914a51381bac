"""No network, no escape: whatever a template, a stylesheet, a logo or a spec names —
http://127.0.0.1:PORT/…, file:///etc/passwd, ../../secret — rendering never fetches it. A
real HTTP server listens on 127.0.0.1 during these tests and must see no request at all."""

from __future__ import annotations

import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

import jobdocs
from jobdocs.errors import JobdocsError, RenderError, SpecError
from jobdocs.render.templates import shipped_template_dir

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


class _Server(http.server.ThreadingHTTPServer):
    requests: list[str]


class _Recorder(http.server.BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        self.server.requests.append(f"{self.command} {self.path}")
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    do_HEAD = do_POST = do_GET

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """A local HTTP server; yields its base URL and checks, at the end, that nothing came."""
    httpd = _Server(("127.0.0.1", 0), _Recorder)
    httpd.requests = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
    assert httpd.requests == []


@pytest.fixture
def root(tmp_path: Path) -> Path:
    specs = tmp_path / "specs"
    shutil.copytree(EXAMPLES, specs)
    (tmp_path / "secret.png").write_bytes(b"\x89PNG secret")
    return specs


ANALYST = Path("roles") / "data-analyst.yaml"


def _brand(root: Path, logo: str) -> None:
    org = root / "org" / "harbour.yaml"
    text = org.read_text(encoding="utf-8")
    old = 'branding: {color: "#0F5257"}'
    assert old in text
    org.write_text(text.replace(old, f'branding: {{color: "#0F5257", logo: "{logo}"}}'),
                   encoding="utf-8")


def _templates(folder: Path, *, html: str = "", css: str = "") -> Path:
    (folder / "role").mkdir(parents=True, exist_ok=True)
    shipped = shipped_template_dir()
    page = (shipped / "role" / "document.html.j2").read_text(encoding="utf-8")
    (folder / "role" / "document.html.j2").write_text(
        page.replace("</body>", html + "</body>"), encoding="utf-8")
    style = (shipped / "role" / "style.css").read_text(encoding="utf-8")
    (folder / "role" / "style.css").write_text(css + "\n" + style, encoding="utf-8")
    return folder


def _links(base: str) -> dict[str, dict[str, str]]:
    return {
        "img": {"html": f'<img src="{base}/img.png">'},
        "object": {"html": f'<object data="{base}/object.svg"></object>'},
        "attachment": {"html": f'<a rel="attachment" href="{base}/file.txt">x</a>'},
        "css-url": {"css": f"body {{ background: url({base}/background.png) }}"},
        "css-import": {"css": f"@import url({base}/imported.css);"},
        "font-face": {"css": f"@font-face {{ font-family: X; src: url({base}/font.woff2) }}\n"
                             "body { font-family: X }"},
        "file-url": {"html": '<img src="file:///etc/passwd">'},
        "relative-escape": {"html": '<img src="../../../../../../etc/passwd">'},
        "secret-beside-root": {"html": '<img src="../../secret.png">'},
        "base-href": {"html": f'<base href="{base}/"><img src="relative.png">'},
    }


@pytest.mark.parametrize("name", sorted(_links("http://x")))
def test_a_template_link_is_refused(name: str, server: str, root: Path,
                                    tmp_path: Path) -> None:
    link = _links(server)[name]
    folder = _templates(tmp_path / "templates", html=link.get("html", ""),
                        css=link.get("css", ""))
    with pytest.raises(RenderError) as caught:
        jobdocs.render(root / ANALYST, "pdf", template_dir=folder)
    assert "refused" in str(caught.value) or "never reads" in str(caught.value)


def test_html_output_fetches_nothing_either(server: str, root: Path, tmp_path: Path) -> None:
    folder = _templates(tmp_path / "templates", html=f'<img src="{server}/img.png">')
    html = jobdocs.render(root / ANALYST, "html", template_dir=folder)
    assert f"{server}/img.png".encode() in html  # written as the template says, not fetched


@pytest.mark.parametrize("logo", ["{server}/logo.png", "../../secret.png", "/etc/passwd",
                                  "file:///etc/passwd"])
def test_a_logo_path_is_checked_before_anything_is_read(logo: str, server: str,
                                                        root: Path) -> None:
    _brand(root, logo.format(server=server))
    with pytest.raises(SpecError) as caught:
        jobdocs.render(root / ANALYST, "pdf")
    assert {f.code for f in caught.value.findings} & {"R001", "R003"}


def test_an_svg_logo_that_links_out_is_refused(server: str, root: Path) -> None:
    (root / "org" / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'width="10" height="10"><image xlink:href="{server}/in-svg.png" width="10" '
        'height="10"/></svg>', encoding="utf-8")
    _brand(root, "logo.svg")
    with pytest.raises(JobdocsError):
        jobdocs.render(root / ANALYST, "pdf")


def test_spec_text_that_looks_like_a_link_is_text(server: str, root: Path) -> None:
    spec = root / ANALYST
    text = spec.read_text(encoding="utf-8")
    spec.write_text(text.replace('title: "Data Analyst"',
                                 f'title: "<img src={server}/title.png> Analyst"'),
                    encoding="utf-8")
    pdf = jobdocs.render(spec, "pdf")
    assert pdf.startswith(b"%PDF-")
