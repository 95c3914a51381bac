"""Redline HTML: markers as <ins>/<del>, well-formed, escaped, change bars, the summary."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jobdocs.api import render_source
from jobdocs.render import Renderer, RenderSource
from jobdocs.render.redline import render_redline
from jobdocs.render.redline_html import marked_fragment, redline_html
from jobdocs.render.redline_style import REDLINE_CSS
from jobdocs.textdiff import INS_END, INS_START, MARKERS, deleted, inserted, mark_changes

from .conftest import EC, EXAMPLES, KAM, by_id, examples_copy

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class Tree(HTMLParser):
    """Checks that every element is closed in order, and collects the text of each kind of
    change and the elements that carry a class."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.errors: list[str] = []
        self.text = {"ins": "", "del": "", "plain": ""}
        self.pieces: list[tuple[str, str]] = []
        self.elements: list[tuple[str, dict[str, str | None], list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("ins", "del") and any(t in ("ins", "del") for t, _ in self.stack):
            self.errors.append(f"<{tag}> inside a change")
        if tag not in VOID:
            found = dict(attrs)
            self.stack.append((tag, found))
            self.elements.append((tag, found, []))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else None}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        tags = [t for t, _ in self.stack]
        if "style" in tags or "title" in tags:
            return
        kind = "ins" if "ins" in tags else "del" if "del" in tags else "plain"
        self.text[kind] += data
        self.pieces.append((kind, data))
        for _tag, attrs in self.stack:
            for element in self.elements:
                if element[1] is attrs:
                    element[2].append(kind)

    def with_class(self, name: str) -> list[tuple[str, dict[str, str | None], list[str]]]:
        return [e for e in self.elements if name in (e[1].get("class") or "").split()]


def parse(document: str) -> Tree:
    tree = Tree()
    tree.feed(document)
    tree.close()
    assert tree.errors == []
    assert tree.stack == []
    return tree


def body(markup: str) -> str:
    """The body of a redline of ``markup``, without the stylesheet and summary."""
    out = redline_html(f"<html><head><title>t</title></head><body>{markup}</body></html>")
    return out.split("<body>", 1)[1].split("</body>", 1)[0]


def test_markers_become_ins_and_del() -> None:
    text = mark_changes("the annual plan", "the quarterly plan")
    assert body(f"<p>{text}</p>") == (
        '<p class="jd-changed">the <del class="jd-del">annual</del>'
        '<ins class="jd-ins">quarterly</ins> plan</p>')


def test_a_change_across_tags_is_closed_and_reopened() -> None:
    out = body(f"<p>a {INS_START}b<b>c</b> d{INS_END} e</p>")
    assert out == ('<p class="jd-changed">a <ins class="jd-ins">b</ins><b>'
                   '<ins class="jd-ins">c</ins></b><ins class="jd-ins"> d</ins> e</p>')
    parse(out)


def test_spec_text_is_escaped_inside_ins_and_del() -> None:
    text = mark_changes('a <b> & "c"', "a <i> & 'c'")
    out = body(f"<p>{html.escape(text)}</p>")
    tree = parse(out)
    assert "<b>" not in out and "<i>" not in out
    assert out == ('<p class="jd-changed">a &lt;<del class="jd-del">b</del>'
                   '<ins class="jd-ins">i</ins>&gt; &amp; <del class="jd-del">&quot;c&quot;</del>'
                   '<ins class="jd-ins">&#x27;c&#x27;</ins></p>')
    assert (tree.text["del"], tree.text["ins"]) == ('b"c"', "i'c'")
    assert marked_fragment(deleted("<&>") + inserted('"')) == (
        '<del class="jd-del">&lt;&amp;&gt;</del><ins class="jd-ins">"</ins>')


def test_attributes_title_and_style_get_the_new_text() -> None:
    title = mark_changes("Old title", "New title")
    css = "".join(f"\\{ord(c):06x}" if c in MARKERS else c for c in title)
    out = redline_html(
        f'<!DOCTYPE html><html><head><title>{title} &amp; co</title>'
        f'<style>@page {{ @top-left {{ content: "{css}"; }} }}</style></head>'
        f'<body><img alt="{html.escape(title)} &quot;x&quot;"><p title="{title}">x</p>'
        "<!-- " + title + " --></body></html>")
    assert not set(MARKERS) & set(out)
    assert "<title>New title &amp; co</title>" in out
    assert 'content: "New title";' in out
    assert '<img alt="New title &quot;x&quot;">' in out
    assert '<p title="New title">x</p>' in out
    assert "<!-- New title -->" in out
    assert "Old" not in out


def test_the_innermost_block_gets_the_change_bar() -> None:
    out = body(f'<div><ol><li class="entry">a<ol><li>{inserted("x")}</li><li>y</li></ol>'
               f'</li></ol><table><tr><th>k</th><td class="v">{deleted("z")}</td></tr>'
               f"</table><p>same</p></div>")
    tree = parse(out)
    changed = [(tag, attrs.get("class")) for tag, attrs, _ in tree.with_class("jd-changed")]
    assert changed == [("li", "jd-changed"), ("td", "v jd-changed")]
    assert [tag for tag, _, _ in tree.with_class("jd-changed-row")] == ["tr"]


def test_text_outside_the_markers_is_never_marked() -> None:
    # A removed entry's values are all deleted; what the template writes between them (the
    # colon after a label) is not a spec text and stays as it is, like spec text that stayed.
    assert body(f"<p><b>{deleted('Education')}:</b> {deleted('Higher')}</p>") == (
        '<p class="jd-changed"><b><del class="jd-del">Education</del>:</b> '
        '<del class="jd-del">Higher</del></p>')
    assert body(f"<p>{mark_changes('ბაზრის &amp;', '&amp;')}</p>") == (
        '<p class="jd-changed"><del class="jd-del">ბაზრის </del>&amp;</p>')


def test_stylesheet_and_summary_are_added_where_they_belong() -> None:
    out = redline_html("<!DOCTYPE html><html><head><style>p{}</style></head>"
                       '<body class="x"><p>a</p></body></html>', "<section>S</section>")
    assert out.index("<style>p{}</style>") < out.index("ins.jd-ins") < out.index("</head>")
    assert '<body class="x"><section>S</section><p>a</p>' in out
    bare = redline_html("<!DOCTYPE html><p>a</p>", "<section>S</section>")
    assert bare.startswith("<!DOCTYPE html><style>")
    assert bare.index("<section>S</section>") < bare.index("<p>a</p>")


def test_the_stylesheet_underlines_strikes_through_and_never_upper_cases() -> None:
    assert re.search(r"ins\.jd-ins \{[^}]*text-decoration: underline", REDLINE_CSS)
    assert re.search(r"del\.jd-del \{[^}]*text-decoration: line-through", REDLINE_CSS)
    assert "uppercase" not in REDLINE_CSS


words = st.lists(st.sampled_from(["ბაზრის", "ანალიზი", "plan", "<b>", "&", '"q"', "'",
                                  "a&amp;b", "—", "  ", "\n", ".", ","]), max_size=12)


@settings(max_examples=max(10, settings().max_examples // 3))
@given(old=words.map(" ".join), new=words.map(" ".join))
def test_property_keeping_ins_and_dropping_del_gives_the_new_text(old: str, new: str) -> None:
    tree = parse(body(f"<p>{html.escape(mark_changes(old, new))}</p>"))
    assert "".join(text for kind, text in tree.pieces if kind != "del") == new
    assert "".join(text for kind, text in tree.pieces if kind != "ins") == old


# -- the whole document -----------------------------------------------------------------


@pytest.fixture(scope="module")
def kam_html(renderer: Renderer, kam_versions: tuple[RenderSource, RenderSource]) -> str:
    return render_redline(renderer, *kam_versions, "html").decode("utf-8")


def test_the_key_account_manager_redline(kam_html: str) -> None:
    tree = parse(kam_html)
    assert not set(MARKERS) & set(kam_html)
    assert ('<del class="jd-del">კომერციული</del><ins class="jd-ins">გაყიდვების</ins> '
            "დირექტორი") in kam_html
    assert '<del class="jd-del">წლიური</del><ins class="jd-ins">კვარტალური</ins>' in kam_html
    changed = {attrs.get("data-id") for tag, attrs, _ in tree.with_class("jd-changed")
               if tag == "li"}
    assert changed == {"client-acquisition", "account-plans", "service-coordination",
                       "key-account-budget"}
    for _tag, _attrs, kinds in tree.with_class("jd-changed"):
        assert {"ins", "del"} & set(kinds)
    assert len(tree.with_class("jd-changed-row")) == 1  # the reporting line
    assert "ins.jd-ins" in kam_html


def test_the_summary_opens_the_body(kam_html: str) -> None:
    summary = kam_html.split("<body", 1)[1].split(">", 1)[1].lstrip()
    assert summary.startswith('<section class="jd-summary" lang="ka">')
    section = summary.split("</section>", 1)[0]
    assert "ცვლილებების მიმოხილვა" in section
    assert "ვერსია 2 (№ JD-015) შედარებულია ვერსიასთან 1 (№ JD-015)" in section
    rows = re.findall(r'<tr><th scope="row">(.*?)</th>(.*?)</tr>', section)
    assert [(h, re.findall(r"<td>(.*?)</td>", c)) for h, c in rows] == [
        ("თანამდებობის მონაცემები", ["", "", "~1", ""]),
        ("ფუნქციები და მოვალეობები", ["", "\u22121", "~2", ""]),
        ("უფლებები", ["+1", "", "", ""]),
    ]


def test_a_spec_text_with_markup_is_escaped_in_the_redline(renderer: Renderer,
                                                           tmp_path: Path) -> None:
    def edit(data: dict[str, Any]) -> None:
        by_id(data["functions"], "account-plans")["text"]["ka"] += ' <b>"R&D"</b>'

    root = examples_copy(tmp_path / "examples", {KAM: edit})
    out = render_redline(renderer, render_source(EXAMPLES / KAM), render_source(root / KAM),
                         "html").decode("utf-8")
    parse(out)
    assert '<ins class="jd-ins"> &lt;b&gt;&#34;R&amp;D&#34;&lt;/b&gt;</ins>' in out


def test_identical_versions_say_so(renderer: Renderer) -> None:
    source = render_source(EXAMPLES / EC)
    out = render_redline(renderer, source, source, "html").decode("utf-8")
    tree = parse(out)
    assert "ვერსიებს შორის განსხვავება არ არის." in out
    assert tree.with_class("jd-changed") == []
    assert out.count("<del ") == out.count('<del class="jd-del">') == 1  # the legend's
