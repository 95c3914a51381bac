"""Templates: spec values are data (escaped, never evaluated), the sandbox holds, template
errors name their line, and users can export and override the shipped templates."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import jobdocs
from jobdocs.errors import TemplateError, UsageError
from jobdocs.render.templates import (
    TemplateSet,
    css_string,
    export_templates,
    shipped_template_dir,
)

from .conftest import EN, KA, spec_root_with_org

HOSTILE = [
    "{{ 7*7 }}",
    "{% for x in range(3) %}loop{% endfor %}",
    "<b>bold</b> & <script>alert(1)</script>",
    "{{ ''.__class__.__mro__ }}",
]


def hostile_role(tmp_path: Path) -> Path:
    root = spec_root_with_org(tmp_path)
    duties = "\n".join(f"  - {_yaml_quote(text)}" for text in HOSTILE)
    spec = root / "roles" / "hostile.yaml"
    spec.write_text(
        "jobdocs: 1\nkind: role\nid: hostile\norganization: ../org/nova.yaml\nlanguage: en\n"
        f"title: {_yaml_quote('R&D <Account> Manager {{ title }}')}\n"
        "document: {number: 'JD-<1>&2'}\n"
        f"functions:\n{duties}\n", encoding="utf-8")
    return spec


def _yaml_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def test_spec_values_are_printed_never_evaluated(tmp_path: Path) -> None:
    html = jobdocs.render(hostile_role(tmp_path), "html").decode("utf-8")
    assert "{{ 7*7 }}" in html
    assert ">49<" not in html and " 49" not in html
    assert "{% for x in range(3) %}loop{% endfor %}" in html
    assert "looploop" not in html
    assert "{{ &#39;&#39;.__class__.__mro__ }}" in html


def test_html_special_characters_are_escaped(tmp_path: Path) -> None:
    html = jobdocs.render(hostile_role(tmp_path), "html").decode("utf-8")
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>" not in html
    assert "R&amp;D &lt;Account&gt; Manager {{ title }}" in html
    assert "JD-&lt;1&gt;&amp;2" in html
    # In CSS strings (running header and footer) the same values are CSS-escaped.
    assert "JD-\\00003c1\\00003e\\0000262" in html


def test_css_strings_cannot_break_out() -> None:
    assert css_string('a"b\\c</style>&') == '"a\\000022b\\00005cc\\00003c/style\\00003e\\000026"'
    assert css_string("ვამტკიცებ № 5") == '"ვამტკიცებ № 5"'


def test_no_rule_upper_cases_text() -> None:
    css = (shipped_template_dir() / "role" / "style.css").read_text(encoding="utf-8")
    rules = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    assert "text-transform" not in rules
    assert "font-variant: small-caps" not in rules


def test_georgian_font_stack_is_named() -> None:
    css = (shipped_template_dir() / "role" / "style.css").read_text(encoding="utf-8")
    assert '"Noto Serif Georgian", "Noto Serif", "DejaVu Serif", serif' in css
    html = jobdocs.render(EN, "html").decode("utf-8")
    assert ":root { --brand-font: \"Noto Serif Georgian\"; }" in html


def test_html_is_standalone_and_tagged_with_the_language() -> None:
    html = jobdocs.render(KA, "html").decode("utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="ka">' in html
    assert "<link" not in html  # the stylesheet is inlined
    assert "ვამტკიცებ" in html


def custom_dir(tmp_path: Path, template: str) -> Path:
    folder = tmp_path / "templates"
    (folder / "role").mkdir(parents=True)
    (folder / "role" / "document.html.j2").write_text(template, encoding="utf-8")
    return folder


def test_an_undefined_name_is_an_error_with_its_line(tmp_path: Path) -> None:
    folder = custom_dir(tmp_path, "<p>{{ document.title }}</p>\n<p>{{ no_such_value }}</p>\n")
    with pytest.raises(TemplateError, match=r"document\.html\.j2:2: 'no_such_value' is undef"):
        jobdocs.render(EN, "html", template_dir=folder)


def test_the_sandbox_refuses_internals(tmp_path: Path) -> None:
    folder = custom_dir(tmp_path, "{{ document.__class__.__init__.__globals__ }}")
    with pytest.raises(TemplateError):
        jobdocs.render(EN, "html", template_dir=folder)


def test_a_syntax_error_names_the_template(tmp_path: Path) -> None:
    folder = custom_dir(tmp_path, "{% if %}\n")
    with pytest.raises(TemplateError, match=r"document\.html\.j2:1"):
        jobdocs.render(EN, "html", template_dir=folder)


def test_a_user_directory_falls_back_to_the_shipped_files(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    (folder / "role").mkdir(parents=True)
    (folder / "role" / "style.css").write_text("body { color: #123456; }", encoding="utf-8")
    html = jobdocs.render(EN, "html", template_dir=folder).decode("utf-8")
    assert "body { color: #123456; }" in html
    assert "APPROVED" in html  # the shipped document template


def test_a_missing_template_directory_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="does not exist"):
        TemplateSet(tmp_path / "nowhere")


def test_a_stylesheet_cannot_close_its_style_element(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    (folder / "role").mkdir(parents=True)
    (folder / "role" / "style.css").write_text("</style><script>x</script>", encoding="utf-8")
    with pytest.raises(TemplateError, match="</style"):
        jobdocs.render(EN, "html", template_dir=folder)


def test_export_copies_the_shipped_templates(tmp_path: Path) -> None:
    files = export_templates(tmp_path / "t")
    names = {f.relative_to(tmp_path / "t").as_posix() for f in files}
    assert {"role/document.html.j2", "role/style.css"} <= names
    with pytest.raises(UsageError, match="already exist"):
        export_templates(tmp_path / "t")
    assert export_templates(tmp_path / "t", overwrite=True) == files
