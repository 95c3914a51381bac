"""The pattern pairs that C101 ships with: what duties mention → what the requirements must
name. Patterns are regular expressions matched case-insensitively at the start of a word;
``\\w`` and ``\\s`` are Unicode-aware, so they work for Georgian and Cyrillic text."""

from __future__ import annotations

_EN_COUNTERPARTS = (r"(?:clients?|customers?|partners?|markets?|suppliers?|vendors?|buyers?"
                    r"|counterpart(?:y|ies)|compan(?:y|ies)|guests?|visitors?|delegations?"
                    r"|investors?|distributors?|contractors?|correspondents?)\b")
_KA_COUNTERPARTS = (r"(?:კლიენტ|პარტნიორ|ბაზ[არ]|მომწოდებ|მყიდველ|კონტრაგენტ|კომპანი"
                    r"|ორგანიზაცი|დელეგაცი|სტუმ[არ]|შემკვეთ|ინვესტორ|დისტრიბუტორ|ფირმ)")
_RU_COUNTERPARTS = (r"(?:клиент|партн[её]р|рын|поставщик|покупател|контрагент|компани"
                    r"|организаци|делегаци|гост|заказчик|инвестор|дистрибь?ютор|фирм)")

FOREIGN_LANGUAGE = {
    "name": "foreign-language",
    "requires": "a foreign language",
    "hint": "name the language and the level in `requirements.skills`, e.g. "
            "\"English, B2 (CEFR)\" / „ინგლისური ენა, B2 დონე“ / «английский язык, B2»",
    "when": {
        "en": [
            rf"(?:foreign|international|non-resident|global|worldwide)\s+(?:[\w-]+\s+){{0,2}}?"
            rf"{_EN_COUNTERPARTS}",
            r"foreigners?\b",
            r"(?:abroad|overseas)\b",
            r"(?:other|foreign)\s+countries\b",
            rf"export\w*\s+(?:[\w-]+\s+){{0,1}}?(?:markets?|sales|deals?|contracts?|"
            rf"operations?|{_EN_COUNTERPARTS})",
            r"(?:foreign trade|import[- ]export|export[- ]import|cross-border)\b",
        ],
        "ka": [
            r"უცხოელ",
            r"უცხოენოვან",
            r"უცხო\s+ქვეყ",
            r"საზღვარგარეთ",
            rf"(?:უცხოურ|საერთაშორისო|უცხო)\w*\s+(?:\w+\s+){{0,2}}?{_KA_COUNTERPARTS}",
            r"(?:ექსპორტ|იმპორტ)\w*\s+(?:\w+\s+){0,1}?(?:ბაზ[არ]|ოპერაცი|გარიგებ|კონტრაქტ"
            r"|ხელშეკრულებ|კლიენტ|პარტნიორ)",
            r"საგარეო\s+ვაჭრობ",
            r"საგარეო[- ]ეკონომიკურ",
        ],
        "ru": [
            rf"(?:иностранн|зарубежн|международн|заграничн)\w*\s+(?:[\w-]+\s+){{0,2}}?"
            rf"{_RU_COUNTERPARTS}",
            r"иностран(?:ец|ц)",
            r"(?:за|из-за)\s+рубеж",
            r"внешнеэкономическ",
            r"ВЭД\b",
            r"внешн\w*\s+рын",
            r"(?:экспорт|импорт)\w*\s+(?:\w+\s+){0,1}?(?:рын|операци|сделк|контракт|договор"
            r"|поставк|клиент|партн)",
        ],
    },
    "expect": {
        "en": [
            r"(?:english|russian|german|french|spanish|italian|chinese|mandarin|arabic|turkish"
            r"|japanese|korean|portuguese|polish|ukrainian|armenian|azerbaijani|azeri|georgian"
            r"|persian|farsi|hebrew|hindi|dutch|greek)\b",
            r"(?:foreign|second)\s+languages?",
            r"(?:bilingual|multilingual|IELTS|TOEFL)",
        ],
        "ka": [
            r"(?:ინგლისურ|რუსულ|გერმანულ|ფრანგულ|ესპანურ|იტალიურ|ჩინურ|არაბულ|თურქულ|იაპონურ"
            r"|კორეულ|პორტუგალიურ|პოლონურ|უკრაინულ|სომხურ|აზერბაიჯანულ|სპარსულ|ებრაულ|ბერძნულ"
            r"|ჰოლანდიურ|ქართულ)",
            r"უცხო(?:ურ\w*)?\s+ენ",
        ],
        "ru": [
            r"(?:английск|немецк|французск|испанск|итальянск|китайск|арабск|турецк|японск"
            r"|корейск|португальск|польск|украинск|армянск|азербайджанск|грузинск|персидск"
            r"|иврит|греческ|голландск|русск)",
            r"иностранн\w*\s+язык",
        ],
    },
}

DRIVING_LICENCE = {
    "name": "driving-licence",
    "requires": "a driving licence",
    "hint": "name the licence and its category in `requirements.skills`, e.g. "
            "\"driving licence, category B\" / „B კატეგორიის მართვის მოწმობა“ / "
            "«водительское удостоверение категории B»",
    "when": {
        "en": [r"driv(?:e|es|ing)\s+(?:a\s+|the\s+|company\s+)?(?:[\w-]+\s+){0,1}?"
               r"(?:cars?|vehicles?|vans?|trucks?|lorr(?:y|ies)|bus(?:es)?)\b"],
        "ka": [r"(?:ავტომობილ|ავტომანქან|მანქან|სატრანსპორტო\s+საშუალებ|სატვირთო"
               r"|მიკროავტობუს)\w*\s+მართვ"],
        "ru": [r"(?:управлени|водит|вожден)\w*\s+(?:[\w-]+\s+){0,1}?(?:автомобил|автомашин"
               r"|автотранспорт|транспортн\w*\s+средств|грузовик|микроавтобус)"],
    },
    "expect": {
        "en": [r"(?:driving|driver'?s?)\s+(?:licen[cs]e|permit)", r"category\s+[BCDE]\b"],
        "ka": [r"მართვის\s+(?:მოწმობ|უფლებ)"],
        "ru": [r"водительск\w*\s+(?:удостоверени|прав)", r"прав\w*\s+(?:на\s+)?управлени",
               r"категори\w*\s+[«\"]?[BCDEВСДЕ]\b"],
    },
}

DEFAULT_PAIRS = (FOREIGN_LANGUAGE, DRIVING_LICENCE)

#: The language of the country whose law applies (the organization's `jurisdiction`).
JURISDICTION_LANGUAGES = {"GE": "ka", "RU": "ru", "UK": "en"}

#: Names of a native language, in every language: knowing it is not a foreign language.
NATIVE_LANGUAGE_NAMES = {
    "ka": ("ქართულ", "georgian", "грузинск"),
    "en": ("ინგლისურ", "english", "английск"),
    "ru": ("რუსულ", "russian", "русск"),
}
