"""Linting speed: ``jobdocs lint`` against yamllint on the same 1,000 Georgian specs.

Generates realistic job descriptions in Georgian (a third of them also in English): a title
and department, five to seven general provisions, requirements, ten to fourteen duties (some
with sub-items), rights, responsibility, an extra section and the approval block, about the
size of the examples. Then it times, in the same run and on the same files, ``jobdocs lint``
over the folder as a user runs it (worker processes, one per CPU), ``jobdocs lint -j 1``
(one process, like yamllint) and ``yamllint``, and prints the times and the ratios (target:
jobdocs at least 5× faster, while it parses, validates, resolves references and runs every
rule; yamllint checks YAML style only).

Usage: ``python bench/lint.py [--count 1000] [--repeat 3]``
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from jobdocs.lint.parallel import default_jobs

TARGET = 5.0
BIN = Path(sys.executable).parent

POSITIONS = [
    ("გაყიდვების მენეჯერი", "Sales Manager", "გაყიდვების დეპარტამენტი", "Sales Department"),
    ("ბუღალტერი", "Accountant", "ფინანსური დეპარტამენტი", "Finance Department"),
    ("იურისტი", "Lawyer", "იურიდიული დეპარტამენტი", "Legal Department"),
    ("ადამიანური რესურსების მენეჯერი", "HR Manager", "ადამიანური რესურსების სამსახური",
     "HR Office"),
    ("საწყობის გამგე", "Warehouse Supervisor", "ლოჯისტიკის სამსახური", "Logistics Office"),
    ("მარკეტინგის სპეციალისტი", "Marketing Specialist", "მარკეტინგის დეპარტამენტი",
     "Marketing Department"),
    ("ოფის-მენეჯერი", "Office Manager", "ადმინისტრაცია", "Administration"),
    ("შესყიდვების სპეციალისტი", "Procurement Specialist", "შესყიდვების სამსახური",
     "Procurement Office"),
]
OBJECTS = ["კლიენტების", "ხელშეკრულებების", "შეკვეთების", "ანგარიშების", "დოკუმენტების",
           "მომწოდებლების", "ინვენტარის", "ბიუჯეტის", "გადახდების", "საჩივრების",
           "პროექტების", "მონაცემების", "შესყიდვების", "ტრენინგების", "ინვოისების"]
ACTIONS = ["აღრიცხვა და კონტროლი", "მომზადება და წარდგენა", "დამუშავება და დაარქივება",
           "ანალიზი და შეფასება", "დაგეგმვა და კოორდინაცია", "მონიტორინგი",
           "შემოწმება და დადასტურება", "განხილვა და შეთანხმება"]
CONTEXTS = ["დადგენილ ვადაში", "კომპანიის შიდა წესების შესაბამისად",
            "უშუალო ხელმძღვანელის დავალებით", "ელექტრონულ სისტემაში",
            "ყოველთვიურად", "შესაბამის სტრუქტურულ ერთეულებთან ერთად",
            "საქართველოს კანონმდებლობის მოთხოვნათა დაცვით"]
GENERAL = [
    "დასაქმებული თანამდებობაზე ინიშნება და თანამდებობიდან თავისუფლდება დირექტორის ბრძანებით.",
    "დასაქმებული უშუალოდ ექვემდებარება სტრუქტურული ერთეულის ხელმძღვანელს.",
    "დასაქმებულის არყოფნისას მის მოვალეობებს ასრულებს დირექტორის ბრძანებით განსაზღვრული პირი.",
    "თავის საქმიანობაში დასაქმებული ხელმძღვანელობს საქართველოს კანონმდებლობითა და "
    "კომპანიის შინაგანაწესით.",
    "წინამდებარე სამუშაო აღწერილობა შრომითი ხელშეკრულების განუყოფელი ნაწილია.",
    "დასაქმებულის სამუშაო ადგილია კომპანიის ოფისი ქალაქ თბილისში.",
    "დასაქმებული ვალდებულია დაიცვას შრომის უსაფრთხოების წესები.",
]
RIGHTS = [
    "მოვალეობების შესასრულებლად საჭირო ინფორმაციისა და დოკუმენტების მიღება.",
    "ხელმძღვანელობისთვის საქმიანობის გაუმჯობესების შესახებ წინადადებების წარდგენა.",
    "კვალიფიკაციის ამაღლების ღონისძიებებში მონაწილეობა კომპანიის ხარჯზე.",
    "სამუშაოსთვის აუცილებელი ორგანიზაციული და ტექნიკური პირობების მოთხოვნა.",
    "სამსახურებრივი მიზნით გაწეული ხარჯების ანაზღაურება შიდა წესების შესაბამისად.",
    "თავისი კომპეტენციის ფარგლებში დოკუმენტების ხელმოწერა და ვიზირება.",
]
RESPONSIBILITY = [
    "მოვალეობების შეუსრულებლობა ან არაჯეროვანი შესრულება კანონმდებლობით დადგენილ ფარგლებში.",
    "კომერციული საიდუმლოებისა და პერსონალური მონაცემების გამჟღავნება.",
    "კომპანიისთვის მიყენებული მატერიალური ზიანი კანონით დადგენილი წესით.",
    "შინაგანაწესისა და შრომის უსაფრთხოების წესების დარღვევა.",
    "წარდგენილი ანგარიშებისა და ინფორმაციის უზუსტობა.",
]
KNOWLEDGE = ["საქართველოს შრომის კოდექსის ძირითადი დებულებები.",
             "კომპანიის შინაგანაწესი და საქმისწარმოების წესები.",
             "საქმიანი ეტიკეტისა და კომუნიკაციის საფუძვლები.",
             "პერსონალურ მონაცემთა დაცვის წესები.", "ბუღალტრული აღრიცხვის საფუძვლები."]
SKILLS = ["საოფისე პროგრამებთან (MS Office) მუშაობის უნარი.", "ინგლისური ენის ფლობა B2 დონეზე.",
          "მოლაპარაკებების წარმართვის უნარი.", "ანგარიშების მომზადების უნარი.",
          "მონაცემთა ანალიზის უნარი."]
CRITERIA = ["დავალებების დროული და ხარისხიანი შესრულება.",
            "ხელმძღვანელის შეფასება საანგარიშო პერიოდის ბოლოს.",
            "კლიენტებისა და კოლეგების უკუკავშირი.", "დაგეგმილი მაჩვენებლების შესრულება."]
QUALITIES = ["პასუხისმგებლობის გრძნობა.", "ორგანიზებულობა და პუნქტუალურობა.",
             "გუნდური მუშაობის უნარი.", "სტრესისადმი მდგრადობა."]


def duty(rng: random.Random) -> str:
    return f"{rng.choice(OBJECTS)} {rng.choice(ACTIONS)} {rng.choice(CONTEXTS)}."


def role(index: int, rng: random.Random) -> dict[str, object]:
    title_ka, title_en, dept_ka, dept_en = rng.choice(POSITIONS)
    english = index % 3 == 0
    def text(ka: str, en: str | None = None) -> object:
        # The English side stands in for a translation: as long and as varied as the Georgian.
        return {"ka": ka, "en": en or f"(en) {ka}"} if english else ka

    def items(pool: list[str], count: int, prefix: str) -> list[object]:
        return [{"id": f"{prefix}-{i}", "text": text(p)}
                for i, p in enumerate(rng.sample(pool, count))]

    phrases = list(dict.fromkeys(duty(rng) for _ in range(40)))
    duties: list[object] = []
    for i in range(rng.randint(10, 14)):
        entry: dict[str, object] = {"id": f"duty-{i}", "text": text(phrases.pop())}
        if i % 5 == 1:
            entry["items"] = [text(phrases.pop()) for _ in range(3)]
        duties.append(entry)
    approver = {"name": text("გიორგი კაპანაძე", "Giorgi Kapanadze"),
                "position": text("დირექტორი", "Director"), "date": "2026-11-20"}
    return {
        "jobdocs": 1, "kind": "role", "id": f"role-{index:04d}",
        "organization": "../org/acme.yaml", "language": "ka",
        **({"languages": ["ka", "en"]} if english else {}),
        "title": text(title_ka, title_en), "department": text(dept_ka, dept_en),
        "reports_to": text("დირექტორი", "Director"),
        "document": {"number": f"JD-{index:04d}", "version": 1, "status": "approved",
                     "effective_date": "2026-12-01"},
        "general": items(GENERAL, rng.randint(5, 7), "general"),
        "requirements": {
            "education": text("უმაღლესი განათლება შესაბამისი მიმართულებით.",
                              "Higher education in a relevant field."),
            "experience": text("არანაკლებ ორი წლის სამუშაო გამოცდილება.",
                               "At least two years of experience."),
            "knowledge": items(KNOWLEDGE, 4, "knowledge"),
            "skills": items(SKILLS, 4, "skill"), "qualities": items(QUALITIES, 3, "quality"),
        },
        "functions": duties,
        "rights": items(RIGHTS, 5, "right"),
        "responsibility": items(RESPONSIBILITY, 4, "ground"),
        "sections": [{"id": "performance", "title": text("შეფასების კრიტერიუმები",
                                                         "Performance criteria"),
                      "items": items(CRITERIA, 3, "criterion")}],
        "approval": {"approved_by": approver,
                     "agreed_with": [{"name": text("თამარ ლომიძე", "Tamar Lomidze"),
                                      "position": text("იურისტი", "Lawyer"),
                                      "date": "2026-11-10"}]},
    }


def generate(folder: Path, count: int) -> list[Path]:
    rng = random.Random(20261201)
    (folder / "jobdocs.toml").write_text("# spec root\n", encoding="utf-8")
    (folder / "org").mkdir()
    (folder / "org" / "acme.yaml").write_text(yaml.safe_dump({
        "jobdocs": 1, "kind": "organization", "id": "acme",
        "name": {"ka": "შპს „აკმე“", "en": "Acme LLC"}}, allow_unicode=True), encoding="utf-8")
    (folder / "roles").mkdir()
    files = []
    for index in range(count):
        path = folder / "roles" / f"role-{index:04d}.yaml"
        path.write_text(yaml.safe_dump(role(index, rng), allow_unicode=True, sort_keys=False,
                                       width=100), encoding="utf-8")
        files.append(path)
    return files


def timed(command: list[str], cwd: Path) -> tuple[float, int]:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    return time.perf_counter() - start, result.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="specs to generate")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each tool (median)")
    args = parser.parse_args()
    jobdocs = shutil.which("jobdocs", path=str(BIN)) or "jobdocs"
    yamllint = shutil.which("yamllint", path=str(BIN)) or "yamllint"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = generate(folder, args.count)
        size = sum(f.stat().st_size for f in files) / len(files) / 1024
        print(f"{len(files)} Georgian specs, {size:.1f} KiB each on average")
        runs: dict[str, list[float]] = {"jobdocs": [], "jobdocs -j 1": [], "yamllint": []}
        for _ in range(args.repeat):  # interleaved, so all see the same machine load
            for label, command in (("jobdocs", [jobdocs, "lint", "--no-color", "."]),
                                   ("jobdocs -j 1", [jobdocs, "lint", "-j", "1", "."])):
                seconds, code = timed(command, folder)
                if code != 0:
                    print(f"{label} found problems (exit code {code})", file=sys.stderr)
                    return 2
                runs[label].append(seconds)
            runs["yamllint"].append(timed([yamllint, "-f", "parsable", "roles"], folder)[0])
    median = {label: statistics.median(times) for label, times in runs.items()}
    for label, seconds in median.items():
        print(f"{label + ':':<14} {seconds:7.2f} s  ({seconds / args.count * 1000:5.2f} ms per "
              f"spec)")
    ratio = median["yamllint"] / median["jobdocs"]
    single = median["yamllint"] / median["jobdocs -j 1"]
    verdict = "meets" if ratio >= TARGET else "BELOW"
    print(f"ratio: jobdocs lint is {ratio:.1f}× faster than yamllint with {default_jobs()} "
          f"worker(s), {single:.1f}× in one process ({verdict} the {TARGET:.0f}× target)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
