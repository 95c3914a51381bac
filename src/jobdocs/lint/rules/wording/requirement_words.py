"""Explicitly gendered and age-limited requirements (W104), in Georgian, Russian and
English. Georgian has no grammatical gender, so only words that name a sex or an age are
listed; the Russian and English lists follow the same idea.

Age patterns capture the limits as ``lo`` and ``hi``; W104 reports them only when they look
like ages (16–80) and a lower limit is above the age of majority (18), so "at least 2 years
of experience" and "not younger than 18" are not reported."""

from __future__ import annotations

import re

_L = r"[^\W_]"

GENDER_WORDS = re.compile(
    rf"(?<!{_L})(?:"
    # Georgian: man, woman, lady, boy, girl, male/female (sex)
    r"მამაკაც\w*|ქალბატონ\w*|ქალ(?:ი|ის|ს|მა|ად|ით|ო|ებ\w*|თა|ისთვის)"
    r"|კაც(?:ი|ის|ს|მა|ად|ით|ებ\w*|თა)|ბიჭ(?:ი|ის|ს|მა|ად|ით|ებ\w*|თა)?"
    r"|გოგო(?:ნა\w*|ნებ\w*|ებ\w*|ს|თა)?|მამრობით\w*|მდედრობით\w*"
    # Russian
    r"|мужчин\w*|женщин\w*|девушк\w*|юнош\w*|парн(?:ь|я|ю|ем|и|ей)"
    r"|(?:мужск|женск)\w*\s+пола"
    # English
    r"|males?|females?|m[ae]n|wom[ae]n|boys?|girls?|gentlem[ae]n|lady|ladies"
    rf")(?!{_L})",
    re.IGNORECASE,
)

EQUALITY = re.compile(
    r"equal|discriminat|regardless|irrespective|თანაბ|თანასწორ|დისკრიმინაც|მიუხედავად"
    r"|равн|дискриминац|независимо",
    re.IGNORECASE,
)
"""Words of a non-discrimination statement: a text that has one names sexes to protect
them, not to require one."""

_KA_YEARS = r"წ(?:ლ|ე)\w*"
_RU_YEARS = r"(?:лет|года?)\b"
_EN_YEARS = r"(?:years?\s*(?:old|of\s+age)|y\.?\s?o\.?)"
_NOT_EXPERIENCE = r"(?!\s+(?:\w+\s+)?(?:გამოცდილ|სტაჟ|მუშაობ|სამუშაო|опыт|стаж|experience))"

AGE_LIMITS = re.compile(
    "|".join([
        # 25-35 წლის, 25-დან 35 წლამდე, 25 წლიდან 35 წლამდე
        rf"(?P<lo>\d{{2}})\s*[-–—]\s*(?P<hi>\d{{2}})\s*{_KA_YEARS}{_NOT_EXPERIENCE}",
        r"(?P<lo2>\d{2})\s*-?\s*(?:დან|წლიდან)\s+(?P<hi2>\d{2})\s*წლამდე" + _NOT_EXPERIENCE,
        r"(?:არაუმეტეს|არა\s+უმეტეს|მაქსიმუმ)\s*(?P<hi3>\d{2})\s*წლის" + _NOT_EXPERIENCE,
        r"(?P<hi4>\d{2})\s*წლამდე\s+ასაკ",
        r"ასაკ\w*[:\s]+(?:\w+\s+){0,2}?(?P<hi5>\d{2})\s*წლამდე",
        r"(?:არანაკლებ|მინიმუმ)\s*(?P<lo6>\d{2})\s*წლის\s+ასაკ",
        # от 25 до 35 лет, 25–35 лет, не старше 35 лет, до 35 лет, не моложе 25 лет
        rf"(?:от\s+)?(?P<lo7>\d{{2}})\s*(?:[-–—]|до)\s*(?P<hi7>\d{{2}})\s*{_RU_YEARS}"
        + _NOT_EXPERIENCE,
        rf"(?:не\s+старше|в\s+возрасте\s+до|возраст\w*\s+до)\s+(?P<hi8>\d{{2}})\s*{_RU_YEARS}",
        rf"не\s+моложе\s+(?P<lo9>\d{{2}})\s*{_RU_YEARS}",
        # aged 25-35, 25 to 35 years old, under 35 years of age, at least 25 years old
        rf"(?P<lo10>\d{{2}})\s*(?:-|–|to)\s*(?P<hi10>\d{{2}})\s*{_EN_YEARS}",
        r"aged?\s*:?\s*(?:between\s+)?(?P<lo11>\d{2})\s*(?:-|–|to|and)\s*(?P<hi11>\d{2})",
        rf"(?:under|below|younger\s+than|not\s+older\s+than|no\s+older\s+than|up\s+to)\s+"
        rf"(?P<hi12>\d{{2}})\s*{_EN_YEARS}",
        r"(?:maximum|max\.?)\s+age(?:\s+of)?\s*:?\s*(?P<hi13>\d{2})",
        rf"(?:at\s+least|over|older\s+than|not\s+younger\s+than)\s+(?P<lo14>\d{{2}})\s*"
        rf"{_EN_YEARS}",
        r"(?:minimum|min\.?)\s+age(?:\s+of)?\s*:?\s*(?P<lo15>\d{2})",
    ]),
    re.IGNORECASE,
)


TWO_DIGITS = re.compile(r"\d\d")


def is_age_limit(match: re.Match[str]) -> bool:
    """Whether an :data:`AGE_LIMITS` match states ages: limits between 16 and 80, and a
    lower limit alone above 18."""
    lows = [int(v) for k, v in match.groupdict().items() if v and k.startswith("lo")]
    highs = [int(v) for k, v in match.groupdict().items() if v and k.startswith("hi")]
    if not all(16 <= n <= 80 for n in (*lows, *highs)):
        return False
    return bool(highs) or any(n > 18 for n in lows)
