"""``jobdocs doctor``: what this machine has for rendering, and what is missing costs."""

from __future__ import annotations

from jobdocs.cli import app


@app.command()
def doctor() -> int:
    """Check the system libraries and fonts rendering needs (Pango, a Georgian font,
    HarfBuzz's subsetter, LibreOffice, poppler). Exits with 1 when PDFs cannot be made."""
    from jobdocs.render.system import run_checks

    blocking = False
    for check in run_checks():
        status = "ok" if check.ok else ("MISSING" if check.required else "missing")
        print(f"{status:8} {check.name}: {check.found}")
        if not check.ok:
            print(f"{'':8} costs: {check.cost}")
            print(f"{'':8} install: apt-get install {check.package}")
            blocking = blocking or check.required
    return 1 if blocking else 0
