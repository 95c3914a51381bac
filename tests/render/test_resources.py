"""The PDF engine reads only the template directories and the spec root: no network, no
other files, no way out with ``../``."""

from __future__ import annotations

from pathlib import Path

import pytest

import jobdocs
from jobdocs.errors import RenderError
from jobdocs.render.resources import ResourcePolicy

from .conftest import EN


@pytest.fixture
def policy(tmp_path: Path) -> ResourcePolicy:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "font.woff").write_bytes(b"x")
    (tmp_path / "specs").mkdir()
    (tmp_path / "specs" / "logo.png").write_bytes(b"x")
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    return ResourcePolicy([tmp_path / "templates", tmp_path / "specs"])


def test_files_inside_the_roots_are_served(policy: ResourcePolicy, tmp_path: Path) -> None:
    assert policy.resolve((tmp_path / "specs" / "logo.png").as_uri()) == (
        tmp_path / "specs" / "logo.png").resolve()
    assert policy.resolve((tmp_path / "templates" / "font.woff").as_uri()).name == "font.woff"


@pytest.mark.parametrize("url", [
    "http://example.com/logo.png",
    "https://example.com/tracker.gif",
    "ftp://example.com/x",
    "data:image/png;base64,AAAA",
])
def test_other_schemes_are_refused(policy: ResourcePolicy, url: str) -> None:
    with pytest.raises(RenderError, match="never reads"):
        policy.resolve(url)


def test_files_outside_the_roots_are_refused(policy: ResourcePolicy, tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="outside the folders it may read"):
        policy.resolve("file:///etc/passwd")
    escape = (tmp_path / "specs").as_uri() + "/../secret.txt"
    with pytest.raises(RenderError, match="outside the folders it may read"):
        policy.resolve(escape)
    with pytest.raises(RenderError, match="another host"):
        policy.resolve("file://server/share/x.png")


def test_a_missing_file_is_reported(policy: ResourcePolicy, tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="does not exist"):
        policy.resolve((tmp_path / "specs" / "nope.png").as_uri())


def template_with(tmp_path: Path, css: str) -> Path:
    folder = tmp_path / "mine"
    (folder / "role").mkdir(parents=True)
    (folder / "role" / "style.css").write_text(css, encoding="utf-8")
    return folder


@pytest.mark.parametrize(("css", "message"), [
    ('@import url("http://example.com/x.css");', "never reads the network"),
    ("body { background: url(file:///etc/passwd); }", "/etc/passwd, outside"),
    ("body { background: url(../../../../../../../etc/hostname); }", "outside"),
])
def test_a_template_cannot_reach_out(tmp_path: Path, css: str, message: str) -> None:
    with pytest.raises(RenderError, match=message):
        jobdocs.render(EN, "pdf", template_dir=template_with(tmp_path, css))


def test_a_template_may_use_its_own_files(tmp_path: Path) -> None:
    folder = template_with(tmp_path, "body { background: url(paper.svg); }")
    (folder / "role" / "paper.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>', encoding="utf-8")
    # The shipped document template is found next to the user's stylesheet; the image
    # resolves against the user's template directory.
    assert jobdocs.render(EN, "pdf", template_dir=folder).startswith(b"%PDF-")
