"""Which files the PDF engine may read: the template directories and the spec root, nothing
else.

WeasyPrint fetches every URL a document names (stylesheets, images, fonts). A spec is data,
but a template edited by a user, or a logo path, could name ``http://…``, ``file:///etc/…``
or ``../../``; :class:`ResourcePolicy` refuses all of these with a clear error instead of
reading the network or the rest of the disk.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from jobdocs.errors import RenderError


class ResourcePolicy:
    """Allows ``file:`` URLs of regular files inside ``roots``; refuses everything else."""

    def __init__(self, roots: Iterable[Path]):
        self.roots: tuple[Path, ...] = tuple(dict.fromkeys(r.resolve() for r in roots))

    def resolve(self, url: str) -> Path:
        """The file ``url`` names, if the document may read it; else :class:`RenderError`."""
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        shown = url if len(url) <= 120 else url[:117] + "..."
        if scheme != "file":
            what = "the network" if scheme in ("http", "https", "ftp") else f"`{scheme}:` URLs"
            raise RenderError(f"the document refers to {shown}, but rendering never reads "
                              f"{what}",
                              hint="put the file in the template directory or the spec root "
                                   "and refer to it by a relative path")
        if parts.netloc not in ("", "localhost"):
            raise RenderError(f"the document refers to {shown} on another host; refused")
        try:
            path = Path(unquote(parts.path)).resolve()
        except (OSError, RuntimeError, ValueError) as exc:
            raise RenderError(f"the document refers to {shown}, which cannot be "
                              "resolved") from exc
        if not any(path.is_relative_to(root) for root in self.roots):
            allowed = " and ".join(str(r) for r in self.roots)
            raise RenderError(f"the document refers to {path}, outside the folders it may "
                              f"read ({allowed}); refused",
                              hint="keep images, fonts and stylesheets inside the template "
                                   "directory or the spec root")
        if not path.is_file():
            raise RenderError(f"the document refers to {path}, which does not exist")
        return path
