"""Localization: message catalogs and locale helpers (Babel).

- :mod:`~jobdocs.i18n.phrases`: the fixed phrases of documents, as gettext message ids;
- :mod:`~jobdocs.i18n.catalog`: the ``.po`` catalogs (``locale/<lang>/LC_MESSAGES/``),
  read with Babel;
- :mod:`~jobdocs.i18n.formats`: dates, numbers and money as each language writes them;
- :mod:`~jobdocs.i18n.translit`: Latin transliteration for machine names;
- :mod:`~jobdocs.i18n.numwords`: amounts in words.
"""
