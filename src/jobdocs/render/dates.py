"""The dates a document carries in its metadata, for reproducible output.

A rendered document's "created" and "modified" dates come from the spec (its signature dates,
else its effective date) or from ``SOURCE_DATE_EPOCH``, never from the clock: rendering the
same inputs twice gives the same bytes.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping

from jobdocs.errors import UsageError
from jobdocs.models import Role


def document_dates(model: Role, timestamp: datetime.datetime | None) -> tuple[str, str]:
    """The document's created and modified timestamps (ISO 8601, UTC): ``timestamp`` when
    given, else the earliest and latest signature dates in the spec, else its effective
    date; '' when the spec has no date at all."""
    if timestamp is not None:
        stamp = _iso(timestamp)
        return stamp, stamp
    approval = model.approval
    people = [approval.approved_by, *approval.agreed_with, *approval.acknowledged_by]
    dates = sorted(p.date for p in people if p is not None and p.date is not None)
    if not dates and model.document.effective_date is not None:
        dates = [model.document.effective_date]
    if not dates:
        return "", ""
    return (_iso(datetime.datetime.combine(dates[0], datetime.time(), datetime.UTC)),
            _iso(datetime.datetime.combine(dates[-1], datetime.time(), datetime.UTC)))


def _iso(moment: datetime.datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.UTC)
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def source_date_epoch(environ: Mapping[str, str]) -> datetime.datetime | None:
    """The moment ``SOURCE_DATE_EPOCH`` names (reproducible builds), or ``None``."""
    raw = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return None
    try:
        return datetime.datetime.fromtimestamp(int(raw), datetime.UTC)
    except (ValueError, OverflowError, OSError) as exc:
        raise UsageError(f"SOURCE_DATE_EPOCH must be a number of seconds, not `{raw}`",
                         hint="unset it, or set it to e.g. `date +%s`") from exc
