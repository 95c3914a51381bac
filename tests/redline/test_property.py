"""Property: for any two valid roles, the redline HTML is well-formed, carries no marker, and
its body with the deletions left out has exactly the new version's words, in order (what
the template writes between a removed entry's values, the colon after a label, stays)."""

from __future__ import annotations

import html.parser
import re
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings

from fuzz.strategies import ORGANIZATION, dump, roles
from jobdocs.api import render_source
from jobdocs.render import Renderer
from jobdocs.render.redline import render_redline
from jobdocs.textdiff import MARKERS

from .test_html import parse


class MainText(html.parser.HTMLParser):
    """The words inside ``<main>``, without what ``<del>`` holds."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = {"main": 0, "del": 0}
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.depth:
            self.depth[tag] += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.depth:
            self.depth[tag] -= 1

    def handle_data(self, data: str) -> None:
        if self.depth["main"] and not self.depth["del"]:
            self.parts.append(data)


def main_text(page: str) -> str:
    parser = MainText()
    parser.feed(page)
    return re.sub(r"\W", "", "".join(parser.parts))


@given(old=roles(), new=roles())
@settings(max_examples=max(8, settings().max_examples // 15),
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
def test_property_the_redline_without_deletions_is_the_new_document(
        renderer: Renderer, old: dict[str, Any], new: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "jobdocs.toml").write_text("", encoding="utf-8")
        (root / "org.yaml").write_text(dump(ORGANIZATION), encoding="utf-8")
        (root / "old.yaml").write_text(dump(old), encoding="utf-8")
        (root / "new.yaml").write_text(dump(new), encoding="utf-8")
        before, after = render_source(root / "old.yaml"), render_source(root / "new.yaml")
        page = render_redline(renderer, before, after, "html").decode("utf-8")
        plain = renderer.html(after)
    parse(page)
    assert not set(MARKERS) & set(page)
    assert main_text(page) == main_text(plain)
