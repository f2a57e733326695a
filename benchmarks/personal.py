"""Recall and false positives of the personal-data check per kind, on a corpus built here, the findings on the
examples, and the time it adds to reading a 19 MB assessment.

python benchmarks/personal.py [--runs N]

Every planted item is invented: personnummer for dates in the 2090s (or, with +, the 1890s) with their check digits
computed, phone numbers from the ranges PTS keeps for fiction and the drama numbers of Ofcom and the NANP, e-mail
addresses at example domains, names drawn from the shipped list of first names and surnames (and, in sentences
that say a person is meant, from first names the list does not hold).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from pathlib import Path

from large import big_yaml, write_answers
from timing import paired_times

from tolvfalt.personal import KINDS, find, scan
from tolvfalt.personal.identity import check_digit
from tolvfalt.personal.names import names
from tolvfalt.read import load

ROOT = Path(__file__).resolve().parent.parent
PER_KIND = 300
CLEAN = 600

SENTENCES = [
    "{}",
    "{} ",
    "Ett exempel är {} som fick arbete efter ett år.",
    "I akten står {}.",
    "Uppgiften ({}) lämnades till handläggaren.",
    "Enligt anteckningen, {}, behövs mer stöd.",
    "{} finns i underlaget från 2009.",
    "Se {}; det gäller insatsen Resam.",
    "- {}",
    '"{}" stod i ansökan.',
]
PHONE_SENTENCES = [*SENTENCES, "Ring {} i dag.", "Tel. {}, eller mejla.", "Kontakt: {}"]
FULL_NAME_SENTENCES = [
    "{} började i insatsen 2009.",
    "Ett exempel är {} som fick arbete.",
    "Vi träffade {} på kontoret i Fagersta.",
    "Det gällde {}.",
    "Enligt {}, som har arbetat länge, går det bra.",
    "Resultatet: {} har fått arbete.",
    "- {} har gått vidare",
    "Arbetsförmedlingen och {} kom överens.",
    "Samtalet med {} gick bra.",
]
CONTEXT_SENTENCES = [
    "Deltagaren {} berättade om sin väg till arbete.",
    "Hon heter {} och kom 2009.",
    "Klienten, {}, fick stöd av coachen.",
    "{}, 34 år, fick arbete.",
    "{} (29) fick arbete.",
    "{} kom till insatsen 2009. Hon hade varit sjukskriven länge.",
    "Sedan dess har {} gått vidare, och han trivs.",
    "Kvinnan {} har gått vidare.",
    "Den 45-åriga {} har börjat arbeta.",
    "Mannen heter {} och har tre barn.",
]
UNLISTED_FIRST = ["Giulia", "Pierre", "Hiroshi", "Chiara", "Joaquín", "Mireille", "Tadeusz", "Oluwaseun", "Keanu"]
ADDRESSES = ["{} {}", "{} {} B", "{} {}A"]
STREETS = ["Storgatan", "Kungsgatan", "Björkvägen", "Skolgränd", "Drottning Kristinas väg", "Stora Nygatan", "Ekstigen"]
PLACES = ["Fagersta", "Norberg", "Skinnskatteberg", "Västerås", "Sala", "Köping", "Ängelholm"]
FICTION_PHONES = [  # PTS's numbers for fiction, and the drama numbers abroad
    ("070", "17406{:02d}", range(5, 100)),
    ("08", "465004{:02d}", range(100)),
    ("031", "39006{:02d}", range(100)),
    ("040", "62804{:02d}", range(100)),
    ("0980", "319{:03d}", range(200, 300)),
]
CLEAN_SENTENCES = [
    "Mötet hölls {date} kl. {hh}.{mm} och pågick till {hh2}:{mm}.",
    "Budgeten för {year} är {sum} kronor, varav {small} kr till Resam.",
    "Andelen som fick arbete var {pct} % år {year} och {pct},5% året efter.",
    "Ärendet har dnr {year}/{small} och diarienummer SF {year}-{small}.",
    "Enligt lagen ({year}:{small}) om finansiell samordning, SFS 2003:1210, gäller detta.",
    "Under åren {year}–{year2} och {year}-{year2} växte insatsen.",
    "Försäkringskassan ({orgnr}) och Arbetsförmedlingen samverkar.",
    "Insatsen hade {small} deltagare varav {pct} kvinnor; {pct} av {small} fick arbete.",
    "Per deltagare kostade insatsen {sum} kr under {year}.",
    "I Maj startade insatsen i Nora och i Fagersta.",
    "Inga deltagare avbröt, och alla fick stöd av Region Västmanland.",
    "Bo hemma är svårt för många, och Klara mål behövs.",
    "Eva var med i styrgruppen för Norra Västmanlands Samordningsförbund.",
    "Finns det stöd? Liv och hälsa är målet.",
    "Frågor besvaras av info@example.se och registrator@example.se.",
    "Kostnaden per deltagare var {sum} kr {year} och {sum} kr {year2}.",
    "Se sidan {pct}, bilaga {hh} och tabell {hh}.{mm}.",
    "Handlingsplan {hh} och verksamhetsplanen {year} antogs av styrelsen.",
    "Telefontid {hh}.00–{hh2}.30 måndag–fredag.",
    "Sankt Görans sjukhus och Karolinska universitetssjukhuset deltar inte.",
]


def identity(rng: random.Random, samordning: bool) -> str:
    plus = rng.random() < 0.2
    day = dt.date(1890 if plus else 2090, 1, 1) + dt.timedelta(days=rng.randrange(3650))
    nine = f"{day:%y%m}{day.day + (60 if samordning else 0):02d}{rng.randrange(1000):03d}"
    ten = nine + check_digit(nine)
    if plus:
        return f"{ten[:6]}+{ten[6:]}"
    century = rng.choice(["", "20"])
    return f"{century}{ten[:6]}{rng.choice(['-', ' ', ''])}{ten[6:]}"


def phone(rng: random.Random) -> str:
    area, pattern, numbers = rng.choice(FICTION_PHONES)
    rest = pattern.format(rng.choice(list(numbers)))
    groups = {3: [3], 5: [3, 2], 6: [3, 3], 7: [3, 2, 2], 8: [3, 3, 2]}[len(rest)]
    split, at = [], 0
    for size in groups:
        split.append(rest[at : at + size])
        at += size
    national = area[1:]
    return rng.choice([
        f"{area}-{' '.join(split)}",
        f"{area}{rest}",
        f"{area} {' '.join(split)}",
        f"+46 {national} {' '.join(split)}",
        f"+46 (0){national}-{' '.join(split)}",
        f"0046 {national} {' '.join(split)}",
        f"+46{national}{rest}",
        rng.choice(["+44 20 7946 0{:03d}", "+1 202 555 01{:02d}"]).format(rng.randrange(100)),
    ])  # fmt: skip


def _ascii(name: str) -> str:
    """A name as an e-mail address writes it: Çıdal as cidal."""
    return "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if c.isascii() and c.isalpha())


def email(rng: random.Random, first: list[str], last: list[str]) -> str:
    a, b = _ascii(rng.choice(first)) or "a", _ascii(rng.choice(last)) or "b"
    local = rng.choice([f"{a}.{b}", f"{a}{rng.randrange(100)}", f"{a[0]}.{b}", f"{a}_{b}"])
    return f"{local}@{rng.choice(['example.se', 'example.com', 'kommun.example.org'])}"


def corpus(rng: random.Random) -> tuple[dict[str, list[tuple[str, int, int]]], list[str]]:
    """Planted sentences by kind (the sentence and where the item stands) and clean sentences."""
    listed = sorted(names().first)
    surnames = sorted(names().surnames)
    plain_first = [n for n in listed if not names().first[n]]
    planted: dict[str, list[tuple[str, int, int]]] = {k: [] for k in (*KINDS, "name (not in the list)")}

    def plant(kind: str, templates: list[str], item: str) -> None:
        template = rng.choice(templates)
        start = template.index("{}")
        planted[kind].append((template.format(item), start, start + len(item)))

    for _ in range(PER_KIND):
        plant("personnummer", SENTENCES, identity(rng, samordning=False))
        plant("samordningsnummer", SENTENCES, identity(rng, samordning=True))
        plant("phone", PHONE_SENTENCES, phone(rng))
        plant("email", SENTENCES, email(rng, plain_first, surnames))
        plant("name", FULL_NAME_SENTENCES, f"{rng.choice(listed)} {rng.choice(surnames)}")
        plant("name", ["{} mamma ringde.", "Det var {} idé."], f"{rng.choice(listed)} {rng.choice(surnames)}s")
        plant("name", CONTEXT_SENTENCES, rng.choice(listed))
        plant("name (not in the list)", CONTEXT_SENTENCES[:3], rng.choice(UNLISTED_FIRST))
        street = rng.choice(ADDRESSES).format(rng.choice(STREETS), rng.randrange(1, 99))
        postal = f"{rng.randrange(100, 999)} {rng.randrange(10, 99)} {rng.choice(PLACES)}"
        plant("address", ["Hon bor på {}.", "Adress: {}", "{}, där han bor."], rng.choice([street, postal]))
    clean = []
    for _ in range(CLEAN):
        year = rng.randrange(2005, 2025)
        nine = f"2021{rng.randrange(10, 99)}{rng.randrange(100, 999)}"
        clean.append(
            rng.choice(CLEAN_SENTENCES).format(
                date=dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365)),
                hh=rng.randrange(7, 12), hh2=rng.randrange(13, 18), mm=rng.choice(["00", "15", "30", "45"]),
                year=year, year2=year + 1, sum=f"{rng.randrange(1, 999)} {rng.randrange(100, 999)}",
                small=rng.randrange(2, 400), pct=rng.randrange(2, 99),
                orgnr=f"{nine[:6]}-{nine[6:]}{check_digit(nine)}",
            )
        )  # fmt: skip
    return planted, clean


def recall_table(rng: random.Random) -> None:
    planted, clean = corpus(rng)
    false_positives: Counter[str] = Counter()
    print(f"{'kind':26} {'planted':>7} {'found':>6} {'recall':>7} {'false positives':>16}")
    for kind, items in planted.items():
        want = "name" if kind.startswith("name") else kind
        found = 0
        for sentence, start, end in items:
            findings = find(sentence)
            hit = [f for f in findings if f.kind == want and (f.start, f.end) == (start, end)]
            found += bool(hit)
            false_positives.update(f.kind for f in findings if f not in hit)
        print(f"{kind:26} {len(items):7} {found:6} {100 * found / len(items):6.1f}%")
    for sentence in clean:
        false_positives.update(f.kind for f in find(sentence))
    print(f"\n{len(clean)} clean sentences; false positives over all sentences by kind:")
    for kind in KINDS:
        print(f"  {kind:18} {false_positives[kind]}")


def examples() -> None:
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        print(f"{path.name:32} {len(scan(load(path)))} findings")


def realistic_yaml(path: Path, megabytes: int) -> None:
    """An assessment of ``megabytes`` MB whose answers are the 2009 example's answers over and over: real Swedish
    prose with its capitals, numbers, dates and places."""
    source = load(ROOT / "examples" / "2009.yaml")
    prose = " ".join(" ".join(t.split()) for f in source.falt.values() for t in f.svar.values())
    size = megabytes * 2**20 // 23
    answer = (prose + " ") * (size // len(prose) + 1)
    write_answers(path, answer[:size])


def timing(runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for label, make in (("lowercase words (benchmarks/large.py)", big_yaml), ("the 2009 prose", realistic_yaml)):
            path = Path(tmp) / "stor.yaml"
            make(path, 19)
            me = [sys.executable, __file__]
            ours, floor, ratio = paired_times([*me, "--scan", str(path)], [*me, "--read", str(path)], runs)
            size = path.stat().st_size / 2**20
            assessment = load(path)
            alone = []
            for _ in range(runs):
                start = time.perf_counter()
                scan(assessment)
                alone.append(time.perf_counter() - start)
            print(
                f"{size:.1f} MB, {label}: read {floor:.2f} s, read and scan {ours:.2f} s (x{ratio:.2f} paired); "
                f"the scan alone {statistics.median(alone):.2f} s"
            )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--read", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--scan", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.read or args.scan:  # one timed run: read the file (and scan it)
        assessment = load(args.read or args.scan)
        if args.scan:
            scan(assessment)
        return
    recall_table(random.Random(2010))
    print()
    examples()
    print()
    timing(args.runs)


if __name__ == "__main__":
    main()
