"""Word rendering: jobdocs' prepared templates against plain docxtpl, same template, same run.

For every example role in each of its languages, the context is built once and then, in
interleaved rounds:

- ``jobdocs``: :func:`jobdocs.render.docx.render_docx` — the Word template prepared once
  (parsed, patched, compiled, unchanged parts compressed) and reused from the cache; each
  document renders the parts holding tags and writes the package;
- ``docxtpl``: ``DocxTemplate(path).render(ctx, jinja_env, autoescape=True)`` and ``save()``,
  as docxtpl documents it (the reference the issue names);
- ``docxtpl+memo``: the same with ``from_string`` memoized in the environment, the cheap
  improvement NOTES.md measured, to show what the prepared template adds beyond it.

Both produce the same XML in every part (``tests/docx/test_parity.py``). It prints the
median per document and the ratios (target: docxtpl / jobdocs ≥ 5).
Usage: ``python bench/docx.py [--repeat N]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# This file is called docx.py: keep its folder off the import path so that `import docx` finds
# python-docx, not this script.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "roles"
TEMPLATE = ROOT / "templates" / "role" / "document.docx"
TARGET = 5.0


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def memoized_environment() -> Any:
    """The jobdocs Word environment with ``from_string`` cached by source."""
    from jobdocs.render.docx_text import docx_environment

    env = docx_environment()
    compiled: dict[str, Any] = {}
    original = env.from_string

    def from_string(source: str, *args: Any, **kwargs: Any) -> Any:
        if source not in compiled:
            compiled[source] = original(source, *args, **kwargs)
        return compiled[source]

    env.from_string = from_string  # type: ignore[method-assign]
    return env


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15, help="runs per document (median)")
    args = parser.parse_args()

    from jobdocs.api import check
    from jobdocs.render import Renderer, RenderSource
    from jobdocs.render.docx import DocxTemplateCache, render_docx, render_docx_plain
    from jobdocs.render.docx_text import docx_environment

    renderer = Renderer()
    cache = DocxTemplateCache()
    plain_env, memo_env = docx_environment(), memoized_environment()
    cases = []
    for spec in sorted(EXAMPLES.glob("*.yaml")):
        source = RenderSource.from_validated(check(spec))
        for lang in source.model.all_languages:
            cases.append((f"{spec.stem}.{lang}", renderer.context(source, lang)))

    print(f"{'document':28} {'jobdocs':>9} {'docxtpl':>9} {'docxtpl+memo':>13} {'ratio':>7}")
    total_ours = total_plain = total_memo = 0.0
    for name, context in cases:
        render_docx(context, TEMPLATE, cache)  # warm: prepare the template, import docxtpl
        render_docx_plain(context, TEMPLATE, memo_env)
        ours: list[float] = []
        plain: list[float] = []
        memo: list[float] = []
        for _ in range(args.repeat):
            ours.append(timed(lambda c=context: render_docx(c, TEMPLATE, cache)))
            plain.append(timed(lambda c=context: render_docx_plain(c, TEMPLATE, plain_env)))
            memo.append(timed(lambda c=context: render_docx_plain(c, TEMPLATE, memo_env)))
        o, p, m = statistics.median(ours), statistics.median(plain), statistics.median(memo)
        total_ours, total_plain, total_memo = total_ours + o, total_plain + p, total_memo + m
        print(f"{name:28} {o * 1000:7.1f}ms {p * 1000:7.1f}ms {m * 1000:11.1f}ms {p / o:7.1f}")
    ratio = total_plain / total_ours
    verdict = "meets" if ratio >= TARGET else "BELOW"
    print(f"\nper document: jobdocs {total_ours / len(cases) * 1000:.1f} ms, docxtpl "
          f"{total_plain / len(cases) * 1000:.1f} ms, docxtpl with memoized compile "
          f"{total_memo / len(cases) * 1000:.1f} ms")
    print(f"ratio docxtpl / jobdocs: {ratio:.1f}x ({verdict} the {TARGET:.0f}x target); "
          f"docxtpl+memo / jobdocs: {total_memo / total_ours:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
