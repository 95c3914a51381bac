"""Text every output format can hold, printed so that it cannot change the text around it.

XML 1.0 (Word) and HTML forbid most control characters (NUL, BEL, ESC, form feed, vertical
tab…), unpaired UTF-16 surrogates and the non-characters U+FFFE/U+FFFF. A spec may contain
them — pasted from a PDF, a spreadsheet or a terminal — and one of them in ``document.xml``
makes Word refuse the file. :func:`xml_text` removes or replaces them:

- form feed and vertical tab become a space (docxtpl would turn a form feed into a page break
  in the middle of a numbered entry);
- a lone carriage return and NEL (U+0085, YAML's ``\\N``) become a line feed, and ``\\r\\n``
  a single line feed;
- unpaired surrogates become U+FFFD (a character was lost and the reader should see that);
- every other forbidden character is removed, and so are DEL and the C1 controls
  (U+007F–U+009F), which XML allows but no document means.

Tab and line feed stay. Right-to-left text stays as written, but an explicit direction
override or embedding that a value opens and never closes (U+202A–U+202E, U+2066–U+2068)
would reverse the words the template prints after it — "Trojan Source" in a contract — so
:func:`balance_bidi` closes it at the end of the value.
"""

from __future__ import annotations

import re

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_UNCLEAN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_SPECIAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff"
                      "\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_SPACE_LIKE = str.maketrans({"\x0b": " ", "\x0c": " ", "\x85": "\n"})
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_EMBEDDINGS = frozenset("\u202a\u202b\u202d\u202e")  # LRE RLE LRO RLO, closed by PDF U+202C
_ISOLATES = frozenset("\u2066\u2067\u2068")  # LRI RLI FSI, closed by PDI U+2069


def xml_text(text: str) -> str:
    """``text`` with every character XML 1.0 cannot hold replaced or removed.

    >>> xml_text("R&D\\x0cteam\\x00")
    'R&D team'
    """
    if _UNCLEAN.search(text) is None:
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_SPACE_LIKE)
    text = _FORBIDDEN.sub("", text)
    return _SURROGATE.sub("\ufffd", text)


def balance_bidi(text: str) -> str:
    """``text`` with every bidirectional embedding, override or isolate it opens closed at
    its end, so that it cannot reorder what follows it.

    >>> balance_bidi("abc\\u202edef") == "abc\\u202edef\\u202c"
    True
    """
    if _BIDI.search(text) is None:
        return text
    stack: list[str] = []
    for char in _BIDI.findall(text):
        if char in _EMBEDDINGS or char in _ISOLATES:
            stack.append(char)
        elif char == "\u202c":
            if stack and stack[-1] in _EMBEDDINGS:
                stack.pop()
        elif char == "\u2069":  # closes the innermost isolate and any embedding inside it
            while stack:
                if stack.pop() in _ISOLATES:
                    break
    closers = "".join("\u2069" if c in _ISOLATES else "\u202c" for c in reversed(stack))
    return text + closers


def clean_text(text: str) -> str:
    """``text`` as every output format prints it: :func:`xml_text`, then
    :func:`balance_bidi`."""
    if _SPECIAL.search(text) is None:
        return text
    return balance_bidi(xml_text(text))
