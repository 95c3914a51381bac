"""The documentation of a checklist requirement, made from its pack: what ``jobdocs rules
L103`` prints and what SARIF carries as the rule's help."""

from __future__ import annotations

import copy
import datetime
import textwrap
from decimal import Decimal
from typing import Any

import yaml

from jobdocs.lint.checklist.schema import Pack, Requirement, is_model, leaf_type

SUMMARY_LIMIT = 120
WIDTH = 90
NOT_ADVICE = (
    "This is a checklist, not legal advice: it checks that the contract addresses each point "
    "that the law lists, not that what the contract says is lawful or sufficient. Have a "
    "lawyer review the contract, and the pack."
)
_SAMPLES: dict[str, Any] = {
    "role": "../roles/account-manager.yaml",
    "prevailing_language": "ka",
    "months": 3,
    "paid_days": 24,
    "unpaid_days": 15,
    "hours_per_week": 40,
}


def requirement_docs(pack: Pack, req: Requirement, packs: tuple[Pack, ...]) -> str:
    """The documentation of ``req``, in the sections every rule has."""
    jur = pack.jurisdiction
    messages = "\n".join(f"- {lang}: {getattr(req.message, lang)}" for lang in ("en", "ka", "ru"))
    listing = "\n".join(f"- `{p.prefix}xx` {p.jurisdiction}: {p.title}"
                        for p in sorted(packs, key=lambda p: p.prefix))
    bad, good = _examples(req, jur)
    what = _fill(f"{_what(pack, req)} {_where(req)}")
    language = _fill(
        "The message is in the contract's `language` (English when the pack has no message "
        f"in it) and ends with the requirement, `[{jur} {req.id}]`; the hint gives the "
        "citation. The messages:")
    why = _fill(f"{req.citation}.")
    pack_text = _fill(
        f"This requirement is `{req.id}` of the {jur} pack: {pack.title}. Source: "
        f"{pack.source}. A contract's `jurisdiction` chooses the pack (`none` checks "
        "nothing). The packs are data, `jobdocs/lint/packs/<JURISDICTION>.yaml`, that a "
        "lawyer can review and extend:")
    return f"""{summary(pack, req)}

## What it does
{what}

{language}

{messages}

{_fill(NOT_ADVICE)}

## Why
{why}

{pack_text}

{listing}

## Example
```yaml
{bad}```

## Use instead
```yaml
{good}```

## Options
None.
"""


def _fill(text: str) -> str:
    return textwrap.fill(text, width=WIDTH, break_long_words=False, break_on_hyphens=False)


def summary(pack: Pack, req: Requirement) -> str:
    """One line: the English message, or the limit, after the jurisdiction."""
    if req.limit is not None:
        side = "above" if req.max is not None else "below"
        text = f"{pack.jurisdiction}: `{req.limit.path}` {side} {_number(req.limit.value)}"
    else:
        text = f"{pack.jurisdiction}: {req.message.en}"
    if len(text) > SUMMARY_LIMIT:
        text = text[:SUMMARY_LIMIT - 1].rsplit(" ", 1)[0] + "…"
    return text


def _what(pack: Pack, req: Requirement) -> str:
    who = f"Reports a contract under `jurisdiction: {pack.jurisdiction}`"
    if req.limit is not None:
        side = "above" if req.max is not None else "below"
        text = f"{who} whose `{req.limit.path}` is {side} {_number(req.limit.value)}."
        wider = [o for o in pack.requirements if o is not req and o.limit is not None
                 and o.limit.path == req.limit.path and (o.max is None) == (req.max is None)
                 and (o.limit.value > req.limit.value if req.max else
                      o.limit.value < req.limit.value)]
        for other in wider:
            assert other.limit is not None
            text += (f" When the number is also {side} {_number(other.limit.value)}, "
                     f"`{other.code}` ({pack.jurisdiction.lower()}-{other.id}) is reported "
                     "instead.")
    else:
        groups = [" or ".join(f"`{p}`" for p in group) for group in req.require]
        if len(groups) == 1:
            text = f"{who} that does not state {groups[0]}."
        else:
            text = f"{who} that does not state each of: {'; '.join(groups)} (one finding)."
    if req.when is not None and req.when.present is not None:
        text += f" It applies only when `{req.when.present}` is stated."
    elif req.when is not None:
        text += (f" It applies only to a contract in at least {req.when.languages_at_least} "
                 "languages (`languages`).")
    return text


def _where(req: Requirement) -> str:
    if req.limit is not None:
        return "The finding points at the number."
    first = req.require[0][0].split(".")
    if len(first) == 1:
        when = req.when
        line = ("jurisdiction" if when is None
                else when.present if when.present is not None else "languages")
        return (f"The finding points at the `{line}` line, since the missing key would be "
                "at the top of the contract.")
    return (f"The finding points at the `{first[-2]}:` key (or the nearest key above it "
            "that the contract writes).")


def _examples(req: Requirement, jur: str) -> tuple[str, str]:
    """The YAML of a contract that breaks the requirement, and of one that keeps it."""
    base: list[tuple[str, Any]] = [("jurisdiction", jur)]
    if req.when is not None and req.when.present is not None:
        base.append((req.when.present, _sample(req.when.present)))
    elif req.when is not None:
        base += [("language", "ka"),
                 ("languages", ["ka", "en", "ru"][:req.when.languages_at_least or 2])]
    limit = req.limit
    if limit is not None:
        integer = leaf_type(limit.path) is int or float(limit.value).is_integer()
        step = 2 if req.max is not None else -min(4, int(limit.value))
        wrong = int(limit.value) + step if integer else limit.value + step
        return (_dump([*base, (limit.path, wrong)]),
                _dump([*base, (limit.path, _number(limit.value, raw=True))]))
    note = "".join(f"# `{group[0]}` is missing\n" for group in req.require)
    return (_dump(base) + note,
            _dump([*base, *((group[0], _sample(group[0])) for group in req.require)]))


def _sample(path: str) -> Any:
    """A plausible value for the contract field at ``path``."""
    name = path.rsplit(".", 1)[-1]
    if path in _SAMPLES or name in _SAMPLES:
        return _SAMPLES.get(path, _SAMPLES.get(name))
    kind = leaf_type(path)
    if kind is datetime.date:
        return datetime.date(2026, 12, 1)
    if kind is int:
        return 30
    if kind in (float, Decimal):
        return 3500
    if is_model(kind):
        return {field: _sample(f"{path}.{field}") for field, info in kind.model_fields.items()
                if info.is_required()}
    return "…"


def _dump(pairs: list[tuple[str, Any]]) -> str:
    tree: dict[str, Any] = {}
    for path, value in pairs:
        *parents, last = path.split(".")
        node = tree
        for step in parents:
            node = node.setdefault(step, {})
        node[last] = copy.deepcopy(value)
    text = yaml.safe_dump(tree, allow_unicode=True, sort_keys=False, default_flow_style=None)
    if text.startswith("{"):  # only scalars: block style at the top, as a spec is written
        text = yaml.safe_dump(tree, allow_unicode=True, sort_keys=False)
    return text


def _number(value: float, *, raw: bool = False) -> Any:
    if float(value).is_integer():
        return int(value) if raw else str(int(value))
    return value if raw else str(value)
