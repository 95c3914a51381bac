"""Templates are untrusted: the sandbox stops every escape and every runaway, in the HTML
(Jinja) templates and in Word (docxtpl) templates alike, with an error that names the
template and the place."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from docx import Document

import jobdocs
from jobdocs.api import render_source
from jobdocs.cli import main
from jobdocs.errors import TemplateError
from jobdocs.render import Renderer
from jobdocs.render.sandbox import TemplateLimits

SPECS = Path(__file__).resolve().parent.parent / "render" / "specs"
EN = SPECS / "roles" / "warehouse-supervisor.en.yaml"
RU = SPECS / "roles" / "purchasing-manager.ru.yaml"  # its organization has a logo

#: (template text, words the error must contain)
ATTACKS = {
    "mro": ("{{ ''.__class__.__mro__ }}", "sandbox forbids"),
    "globals": ("{{ cycler.__init__.__globals__ }}", "sandbox forbids"),
    "environment": ("{{ joiner.__init__.__globals__['os'].environ }}", "sandbox forbids"),
    "import": ("{% import 'os' as os %}{{ os.environ }}", "no template `os`"),
    "include-outside": ("{% include '../../../../etc/passwd' %}", "no template"),
    "endless-loop": ("{% for i in range(10**5) %}{% for j in range(10**5) %}"
                     "{% endfor %}{% endfor %}", "stopped"),
    "range": ("{% for i in range(10**9) %}{% endfor %}", "Range too big"),
    "gigabyte": ("{{ 'x' * 1024**3 }}", "limit"),
    "doubling": ("{% set s = 'x' * 1000000 %}" + "{% set s = s ~ s %}" * 12 + "{{ s }}",
                 "limit"),
    "buffered": ("{% set s = 'x' * 8000000 %}{% set t %}{% for i in range(1000) %}{{ s }}"
                 "{% endfor %}{% endset %}", "printed more than"),
    "width": ("{{ ''|center(10**9) }}", "limit"),
    "format-width": ("{{ '%999999999s' % 'x' }}", "limit"),
    "power": ("{{ 10 ** (10 ** 10) }}", "bits"),
    "recursion": ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "too deeply"),
    "mutation": ("{% set l = [] %}{% for i in range(10) %}{{ l.append(l) }}{% endfor %}",
                 "sandbox forbids"),
    "division": ("{{ 1 / 0 }}", "ZeroDivisionError"),
    "int-method": ("{{ (1).to_bytes(10**9, 'big') }}", "limit"),
    "nesting": ("{{ " + "(" * 3000 + "1" + ")" * 3000 + " }}", "too deeply"),
}


def _html_template(folder: Path, body: str) -> Path:
    (folder / "role").mkdir(parents=True, exist_ok=True)
    (folder / "role" / "document.html.j2").write_text(
        "<!doctype html>\n<html><body>\n" + body + "\n</body></html>\n", encoding="utf-8")
    return folder


def _docx_template(path: Path, body: str) -> Path:
    document = Document()
    document.add_paragraph("Job description")
    document.add_paragraph(body)
    document.save(str(path))
    return path


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_an_html_template_is_stopped_with_its_file_and_line(attack: str,
                                                           tmp_path: Path) -> None:
    body, words = ATTACKS[attack]
    folder = _html_template(tmp_path / "templates", body)
    renderer = Renderer(folder, limits=TemplateLimits(seconds=1))
    started = time.monotonic()
    with pytest.raises(TemplateError) as caught:
        renderer.render(render_source(EN), "html")
    assert time.monotonic() - started < 10
    message = str(caught.value)
    assert words in message
    if attack not in ("import", "include-outside", "nesting"):
        assert "document.html.j2:3:" in message, message


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_a_word_template_is_stopped_with_its_paragraph(attack: str, tmp_path: Path) -> None:
    body, words = ATTACKS[attack]
    template = _docx_template(tmp_path / "letterhead.docx", body)
    renderer = Renderer(docx_template=template, limits=TemplateLimits(seconds=1))
    with pytest.raises(TemplateError) as caught:
        renderer.render(render_source(EN), "docx")
    message = str(caught.value)
    assert words in message and "letterhead.docx" in message, message


@pytest.mark.parametrize("call", ["read_text()", "write_text('pwned')",
                                  "parent.joinpath('pwned.txt').write_text('x')",
                                  "home().joinpath('.ssh').iterdir()"])
def test_a_template_cannot_use_the_logo_path_to_touch_files(call: str, tmp_path: Path) -> None:
    specs = tmp_path / "specs"
    shutil.copytree(SPECS, specs)  # a sandbox that failed would write here, not in the repo
    folder = _html_template(tmp_path / "templates", "{{ branding.logo." + call + " }}")
    logo = specs / "org" / "logo.svg"
    before = logo.read_bytes()
    with pytest.raises(TemplateError, match=r"may not call `(Pure)?Path"):
        jobdocs.render(specs / "roles" / RU.name, "html", template_dir=folder)
    assert logo.read_bytes() == before and not (specs / "org" / "pwned.txt").exists()


def test_the_cli_names_the_template_and_line(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    folder = _html_template(tmp_path / "templates", "ok\n{{ ''.__class__.__mro__ }}")
    code = main(["render", str(EN), "-f", "html", "-o", str(tmp_path / "out"),
                 "--template-dir", str(folder)])
    err = capsys.readouterr().err
    assert code == 1
    assert "document.html.j2:4: the template tried something the sandbox forbids" in err
    assert "Traceback" not in err and not (tmp_path / "out").exists()


def test_a_template_that_links_out_of_its_folder_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.css"
    secret.write_text("body { color: red } /* secret */", encoding="utf-8")
    folder = tmp_path / "templates"
    (folder / "role").mkdir(parents=True)
    (folder / "role" / "style.css").symlink_to(secret)
    with pytest.raises(TemplateError, match="outside the template folder"):
        jobdocs.render(EN, "html", template_dir=folder)


def test_an_included_template_that_links_out_is_refused(tmp_path: Path) -> None:
    folder = _html_template(tmp_path / "templates", "{% include 'role/passwd' %}")
    (folder / "role" / "passwd").symlink_to("/etc/passwd")
    with pytest.raises(TemplateError, match="outside the template folder"):
        jobdocs.render(EN, "html", template_dir=folder)


def test_spec_text_is_never_a_template() -> None:
    renderer = Renderer()
    html = renderer.render(render_source(EN), "html").decode("utf-8")
    assert "sandbox" not in html  # a plain render still works within the limits


def test_limits_leave_room_for_a_long_document(tmp_path: Path) -> None:
    folder = _html_template(tmp_path / "templates",
                            "{% for i in range(20000) %}<p>{{ i }} {{ document.title }}</p>"
                            "{% endfor %}")
    html = jobdocs.render(EN, "html", template_dir=folder).decode("utf-8")
    assert html.count("<p>") == 20000


def test_a_word_template_that_makes_broken_xml_is_refused_not_mangled(tmp_path: Path) -> None:
    # With autoescaping off, spec text such as `<img src=x …>` is no longer well-formed XML;
    # docxtpl would parse it leniently and silently drop part of the text.
    template = _docx_template(tmp_path / "raw.docx", "{% autoescape false %}"
                              "{{ '<img src=x onerror=1> kept' }}{% endautoescape %}")
    with pytest.raises(TemplateError, match="XML that Word cannot read"):
        Renderer(docx_template=template).render(render_source(EN), "docx")


def test_templates_check_reports_a_tag_nested_too_deeply(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    template = _docx_template(tmp_path / "nested.docx", "{{ " + "(" * 3000 + "1" + ")" * 3000
                              + " }}")
    assert main(["templates", "check", str(template)]) == 1
    out, err = capsys.readouterr()
    assert "a tag nests expressions too deeply" in out and "Traceback" not in err
