"""The summary of changes that opens a redline: what is compared, and per section how many
entries were added, removed, changed and moved.

:func:`jobdocs.render.redline_compare.compare_contexts` counts the changes while it marks
them; :func:`summary_html` prints the counts in the document's language (for a bilingual
contract, the first column's), with the headings and words of the message catalogs
(``redline_*`` phrases of :data:`jobdocs.i18n.phrases.PHRASES`).
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass

from jobdocs.i18n.phrases import PHRASES
from jobdocs.render.redline_html import marked_fragment


@dataclass(frozen=True, slots=True)
class SectionChanges:
    """The changes of one part of the document (a section, a clause, the position details).

    ``heading`` is marked like the document's text: a section that was added is all
    inserted, one that was removed all deleted (see :mod:`jobdocs.textdiff`)."""

    key: str
    """What the part is: ``document``, ``details``, ``section:functions``, ``clause:pay``,
    ``annex:section:rights``…"""
    heading: str
    added: int = 0
    """Entries (paragraphs, lines, signatories) that are new."""
    removed: int = 0
    """Entries that are gone (shown struck through where they stood)."""
    changed: int = 0
    """Entries whose words changed, and texts of the part itself (a heading, a title)."""
    moved: int = 0
    """Entries that moved (shown deleted where they were and inserted where they are)."""

    @property
    def total(self) -> int:
        """Every change counted in this part."""
        return self.added + self.removed + self.changed + self.moved


@dataclass(frozen=True, slots=True)
class ChangeSummary:
    """What a redline compares and what changed, part by part, in reading order."""

    old_number: str
    old_version: int
    new_number: str
    new_version: int
    sections: tuple[SectionChanges, ...]
    """Only the parts with changes."""

    @property
    def changed(self) -> bool:
        """Whether the two versions differ at all."""
        return bool(self.sections)


def summary_html(summary: ChangeSummary, labels: Mapping[str, str], lang: str) -> str:
    """The summary as an HTML ``<section>`` (escaped; insertions and deletions in the
    headings as ``<ins>``/``<del>``), in the language of ``labels``."""

    def phrase(key: str) -> str:
        return labels.get(key) or PHRASES[key].message

    esc = html.escape
    compared = phrase("redline_compared").format(
        old_number=summary.old_number, old_version=summary.old_version,
        new_number=summary.new_number, new_version=summary.new_version)
    parts = [f'<section class="jd-summary" lang="{esc(lang)}">',
             f'<h2 class="jd-summary-heading">{esc(phrase("redline_summary"))}</h2>',
             f'<p class="jd-summary-compared">{esc(compared)}</p>']
    if summary.changed:
        columns = ("redline_section", "redline_added", "redline_removed", "redline_changed",
                   "redline_moved")
        parts.append('<table class="jd-summary-counts"><thead><tr>')
        parts += [f'<th scope="col">{esc(phrase(key))}</th>' for key in columns]
        parts.append("</tr></thead><tbody>")
        for part in summary.sections:
            counts = (f"+{part.added}" if part.added else "",
                      f"\u2212{part.removed}" if part.removed else "",
                      f"~{part.changed}" if part.changed else "",
                      str(part.moved) if part.moved else "")
            parts.append(f'<tr><th scope="row">{marked_fragment(part.heading)}</th>'
                         + "".join(f"<td>{count}</td>" for count in counts) + "</tr>")
        parts.append("</tbody></table>")
    else:
        parts.append(f'<p class="jd-summary-none">{esc(phrase("redline_none"))}</p>')
    parts.append(
        '<p class="jd-summary-legend">'
        f'<ins class="jd-ins">{esc(phrase("redline_inserted"))}</ins> · '
        f'<del class="jd-del">{esc(phrase("redline_deleted"))}</del> · '
        f'<span class="jd-summary-bar" aria-hidden="true"></span>{esc(phrase("redline_bar"))}'
        "</p></section>")
    return "".join(parts)
