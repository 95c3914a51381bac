"""PDF rendering: jobdocs.render(..., "pdf") against bare WeasyPrint on the same HTML.

For every example role in each of its languages, the same run times, interleaved:

- ``jobdocs``: ``jobdocs.render(path, "pdf", lang)`` — load and validate the spec, build the
  context, render the template, lay out, write tagged PDF/A-3a with the spec attached, add
  the signature fields;
- ``bare``: ``weasyprint.HTML(string=html).write_pdf()`` on the HTML jobdocs lays out;
- ``bare PDF/A``: the same with ``pdf_variant="pdf/a-3a"``, to show where the overhead goes.

It prints the median per document and the ratio jobdocs / bare (target: under 1.25, i.e.
less than 25 % overhead). Usage: ``python bench/pdf.py [--repeat N]``.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "roles"
TARGET = 1.25


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="runs per document (median)")
    args = parser.parse_args()

    import weasyprint

    import jobdocs
    from jobdocs.api import check
    from jobdocs.render import Renderer, RenderSource
    from jobdocs.render.html import logo_file_url, render_html

    renderer = Renderer()
    cases = []
    for spec in sorted(EXAMPLES.glob("*.yaml")):
        source = RenderSource.from_validated(check(spec))
        for lang in source.model.all_languages:
            context = renderer.context(source, lang)
            html = render_html(context, renderer.templates, logo_url=logo_file_url(source.logo))
            cases.append((f"{spec.stem}.{lang}", spec, lang, html))

    print(f"{'document':28} {'jobdocs':>9} {'bare':>9} {'bare PDF/A':>11} {'ratio':>7}")
    total_ours = total_bare = 0.0
    for name, spec, lang, html in cases:
        jobdocs.render(spec, "pdf", lang)  # warm caches (fonts, Babel, imports)
        ours: list[float] = []
        bare: list[float] = []
        bare_a: list[float] = []
        for _ in range(args.repeat):
            ours.append(timed(lambda s=spec, la=lang: jobdocs.render(s, "pdf", la)))
            bare.append(timed(lambda h=html: weasyprint.HTML(string=h).write_pdf()))
            bare_a.append(timed(lambda h=html: weasyprint.HTML(string=h).write_pdf(
                pdf_variant="pdf/a-3a")))
        o, b, a = statistics.median(ours), statistics.median(bare), statistics.median(bare_a)
        total_ours += o
        total_bare += b
        print(f"{name:28} {o * 1000:7.0f}ms {b * 1000:7.0f}ms {a * 1000:9.0f}ms {o / b:7.2f}")
    ratio = total_ours / total_bare
    verdict = "within" if ratio < TARGET else "ABOVE"
    print(f"\nratio jobdocs / bare WeasyPrint: {ratio:.2f} "
          f"({(ratio - 1) * 100:+.0f}% overhead; {verdict} the {TARGET - 1:.0%} target)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
