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

MAX_RESOURCE_BYTES = 32 * 2**20
"""The largest image, font or stylesheet a document may read."""
MAX_IMAGE_PIXELS = 4_000_000
"""The most pixels a raster image may have (2,000 × 2,000; an A4 page at 150 dpi has 2.2
million): a small, well-compressed PNG of 12,000 × 12,000 white pixels took WeasyPrint 36 s
and 1.2 GB, one of 4,000 × 4,000 several seconds."""
_RASTER = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"RIFF", b"BM", b"II*\x00", b"MM\x00*")


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

    def read(self, url: str) -> tuple[Path, bytes]:
        """The file ``url`` names and its bytes, if the document may read it (and it is not
        larger than :data:`MAX_RESOURCE_BYTES`); else :class:`RenderError`."""
        path = self.resolve(url)
        try:
            size = path.stat().st_size
            if size > MAX_RESOURCE_BYTES:
                raise RenderError(f"{path} is {size:,} bytes; a resource may be at most "
                                  f"{MAX_RESOURCE_BYTES:,}")
            with path.open("rb") as handle:
                data = handle.read(MAX_RESOURCE_BYTES + 1)
        except OSError as exc:
            raise RenderError(f"cannot read {path}: {exc.strerror or exc}") from exc
        if data.startswith(_RASTER):
            _check_pixels(path, data)
        return path, data


def _check_pixels(path: Path, data: bytes) -> None:
    """Refuse a raster image of more than :data:`MAX_IMAGE_PIXELS`, reading only its header."""
    import io
    import warnings

    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
    except Image.DecompressionBombError:
        width = height = MAX_IMAGE_PIXELS  # Pillow's own limit, far beyond ours
    except (UnidentifiedImageError, OSError, ValueError):
        return  # not an image Pillow knows: WeasyPrint will say what it makes of it
    if width * height > MAX_IMAGE_PIXELS:
        raise RenderError(f"the image {path} has {width:,} × {height:,} pixels; an image may "
                          f"have at most {MAX_IMAGE_PIXELS:,}",
                          hint="scale the image down (a logo needs a few hundred pixels)")
