"""Message catalogs: the gettext ``.po`` files of the fixed phrases, read with Babel.

The shipped catalogs live in ``jobdocs/i18n/locale/<lang>/LC_MESSAGES/jobdocs.po`` (the
standard gettext layout, so ``pybabel`` and translation tools work on them as they are).
They are read from the ``.po`` source directly: there are a few dozen phrases per language,
which Babel parses in about a millisecond, so no compiled ``.mo`` files are shipped.

>>> catalogs = Catalogs()
>>> catalogs.get("ka").phrase("approved")
'ვამტკიცებ'
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from jobdocs.errors import UsageError
from jobdocs.i18n.phrases import PHRASES

DOMAIN = "jobdocs"
SHIPPED_DIR = Path(__file__).resolve().parent / "locale"
"""Where the shipped catalogs are."""


class MessageCatalog:
    """The translations of one language: message id (and context) → translated text."""

    __slots__ = ("_messages", "lang")

    def __init__(self, lang: str, messages: Mapping[tuple[str | None, str], str]):
        self.lang = lang
        self._messages = dict(messages)

    @classmethod
    def read(cls, path: Path, lang: str) -> MessageCatalog:
        """Read a ``.po`` file. Untranslated and fuzzy entries are left out, so the English
        message id shows instead of an empty string."""
        from babel.messages.pofile import PoFileError, read_po

        try:
            with path.open("rb") as handle:
                catalog = read_po(handle, locale=lang, domain=DOMAIN, abort_invalid=True)
        except (OSError, PoFileError, ValueError) as exc:
            raise UsageError(f"cannot read the message catalog {path}: {exc}") from exc
        messages: dict[tuple[str | None, str], str] = {}
        for message in catalog:
            if not message.id or message.fuzzy or not isinstance(message.id, str):
                continue
            if isinstance(message.string, str) and message.string:
                messages[(message.context, message.id)] = message.string
        return cls(lang, messages)

    def pgettext(self, context: str | None, message: str) -> str:
        """The translation of ``message`` in ``context``; the message itself when there is
        none."""
        return self._messages.get((context, message), message)

    def phrase(self, key: str) -> str:
        """The translation of a phrase of :data:`~jobdocs.i18n.phrases.PHRASES` by key."""
        entry = PHRASES[key]
        return self.pgettext(entry.context, entry.message)

    def phrases(self) -> Mapping[str, str]:
        """Every phrase, translated, by key (a read-only mapping)."""
        return MappingProxyType({key: self.phrase(key) for key in PHRASES})

    def missing(self) -> list[str]:
        """Keys of the phrases this catalog does not translate."""
        return [key for key, p in PHRASES.items() if (p.context, p.message) not in self._messages]


class Catalogs:
    """The catalogs of every language, each read once when first needed.

    An explicit cache: create one per run (or per :class:`~jobdocs.render.Renderer`) and pass
    it where phrases are needed.
    """

    def __init__(self, directory: Path = SHIPPED_DIR):
        self.directory = directory
        self._loaded: dict[str, MessageCatalog] = {}

    def languages(self) -> list[str]:
        """The languages that have a catalog, sorted."""
        if not self.directory.is_dir():
            return []
        return sorted(p.name for p in self.directory.iterdir()
                      if (p / "LC_MESSAGES" / f"{DOMAIN}.po").is_file())

    def get(self, lang: str) -> MessageCatalog:
        """The catalog of ``lang``. Raises :class:`UsageError` when there is none."""
        catalog = self._loaded.get(lang)
        if catalog is None:
            path = self.directory / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
            if not path.is_file():
                available = ", ".join(self.languages()) or "none"
                raise UsageError(f"there are no document phrases for the language `{lang}`",
                                 hint=f"languages with phrases: {available}")
            catalog = MessageCatalog.read(path, lang)
            self._loaded[lang] = catalog
        return catalog
