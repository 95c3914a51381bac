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

from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType

from jobdocs.errors import UsageError
from jobdocs.i18n.phrases import PHRASES, PLURALS

DOMAIN = "jobdocs"
SHIPPED_DIR = Path(__file__).resolve().parent / "locale"
"""Where the shipped catalogs are."""


PluralRule = Callable[[int], int]
"""A language's plural rule: a count → the index of its plural form."""


def _english_plural(n: int) -> int:
    return 0 if n == 1 else 1


class MessageCatalog:
    """The translations of one language: message id (and context) → translated text."""

    __slots__ = ("_messages", "_plural_rule", "_plurals", "lang")

    def __init__(self, lang: str, messages: Mapping[tuple[str | None, str], str],
                 plurals: Mapping[tuple[str | None, str], tuple[str, ...]] | None = None,
                 plural_rule: PluralRule = _english_plural):
        self.lang = lang
        self._messages = dict(messages)
        self._plurals = dict(plurals or {})
        self._plural_rule = plural_rule

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
        plurals: dict[tuple[str | None, str], tuple[str, ...]] = {}
        for message in catalog:
            if not message.id or message.fuzzy:
                continue
            if isinstance(message.id, str):
                if isinstance(message.string, str) and message.string:
                    messages[(message.context, message.id)] = message.string
            elif isinstance(message.string, tuple | list) and all(message.string):
                plurals[(message.context, message.id[0])] = tuple(message.string)
        return cls(lang, messages, plurals, _plural_rule(catalog.plural_expr, path))

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

    def plural(self, key: str, n: int) -> str:
        """The form of the plural phrase ``key`` (:data:`~jobdocs.i18n.phrases.PLURALS`) for
        the count ``n``, with ``{n}`` left for the caller to fill; the English form when the
        catalog lacks the phrase.

        >>> Catalogs().get("ru").plural("leave_calendar_days", 24)
        '{n} календарных дня'
        """
        entry = PLURALS[key]
        forms = self._plurals.get((entry.context, entry.singular))
        if forms is None:
            return entry.singular if n == 1 else entry.plural
        index = self._plural_rule(n)
        return forms[index] if 0 <= index < len(forms) else forms[-1]

    def missing(self) -> list[str]:
        """Keys of the phrases (plural phrases included) this catalog does not translate."""
        return ([key for key, p in PHRASES.items() if (p.context, p.message) not in self._messages]
                + [key for key, p in PLURALS.items()
                   if (p.context, p.singular) not in self._plurals])


def _plural_rule(expression: str, path: Path) -> PluralRule:
    """The plural rule of a catalog's ``Plural-Forms`` header (a C expression in ``n``)."""
    import gettext

    try:
        rule: PluralRule = gettext.c2py(expression)
    except (ValueError, SyntaxError) as exc:
        raise UsageError(f"the message catalog {path} has an invalid Plural-Forms "
                         f"expression: {expression}") from exc
    return rule


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
