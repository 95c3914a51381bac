"""Gender-coded word stems for English (W102), after Gaucher, Friesen & Kay (2011),
"Evidence that gendered wording in job advertisements exists and sustains gender
inequality", JPSP 101(1), doi:10.1037/a0022530, as listed by Kat Matfield's Gender Decoder.
Stems match at the start of a word; false friends cancel matches they cover."""

from __future__ import annotations

MASCULINE = (
    "active", "adventurous", "aggress", "ambitio", "analy", "assert", "athlet", "autonom",
    "battle", "boast", "challeng", "champion", "compet", "confident", "courag", "decid",
    "decision", "decisive", "defend", "determin", "domina", "dominant", "driven", "fearless",
    "fight", "force", "greedy", "head-strong", "headstrong", "hierarch", "hostil",
    "impulsive", "independen", "individual", "intellect", "lead", "logic", "objective",
    "opinion", "outspoken", "persist", "principle", "reckless", "self-confiden",
    "self-relian", "self-sufficien", "selfconfiden", "selfrelian", "selfsufficien",
    "stubborn", "superior", "unreasonab",
)

FEMININE = (
    "agree", "affectionate", "child", "cheer", "collab", "commit", "communal", "compassion",
    "connect", "considerate", "cooperat", "co-operat", "depend", "emotiona", "empath", "feel",
    "flatterable", "gentle", "honest", "interpersonal", "interdependen", "interpersona",
    "inter-personal", "inter-dependen", "inter-persona", "kind", "kinship", "loyal",
    "modesty", "nag", "nurtur", "pleasant", "polite", "quiet", "respon", "sensitiv",
    "submissive", "support", "sympath", "tender", "together", "trust", "understand", "warm",
    "whin", "enthusias", "inclusive", "yield", "share", "sharin",
)

FALSE_FRIENDS = (
    # masculine stems
    r"analys", r"analyz", r"analyst", r"competen", r"competitors?\b", r"confidential",
    r"determin(?:e|es|ing)\b", r"determined\s+by", r"individual(?:ly|s)?\b",
    r"lead[- ]times?", r"in\s+force", r"force\s+majeure", r"task\s+force",
    r"objectives\b", r"principles\b", r"decide[sd]?\s+(?:on|whether)",
    # feminine stems
    r"responsib", r"committee", r"agreement", r"agreed\b", r"depend(?:s|ing|ent)?\s+on",
    r"sharehold", r"market\s+share", r"kind\s+of", r"in\s+kind", r"kindergarten",
    r"trustee", r"child\s+(?:care|labou?r)",
)
