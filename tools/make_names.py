"""Build tolvfalt/data/names.txt: the first names and surnames the personal-data check knows.

Run by hand when the sources move on; the output is committed and the check needs no network:

    pip install 'faker==40.63.0' 'hunspell-sv==2026.10.25' && apt-get install wswedish hunspell-tools
    python tools/make_names.py > tolvfalt/data/names.txt

Sources:
- First names and surnames: Faker 40.63.0 (MIT licence), its person providers. sv_SE holds the 500 most common
  first names of women and of men in Sweden from the Institute for Language and Folklore (Isof, 2023) and the
  500 most common surnames from the Swedish Tax Agency (2025); fi_FI, no_NO, da_DK, pl_PL, hr_HR and tr_TR add
  the names of the largest groups born abroad that are written in the Latin alphabet.
- Which names are also Swedish words ("Bo", "Per", "Maj", "Inga", "Klara"): looked up, never copied, in the word
  forms of hunspell-sv 2026.10.25 (entries with inflection, expanded by unmunch) and of Debian's wswedish.
  Only the names are written, each with the flag ``w`` when it is also a word.
  A word form that only the expansion makes up, or a word rarely written (``mats``, ``kalle``, ``signe``), is
  overruled by hand in NOT_WORDS.
- Which names with an s are words (``g``: Finns, Bos) likewise.
- Which names are also places in Sweden (``p``): the municipalities below and Faker's sv_SE countries.
"""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path


def _words_of(text: str) -> list[str]:
    return text.split()


FIRST_LOCALES = ("sv_SE", "fi_FI", "no_NO", "da_DK", "pl_PL", "hr_HR", "tr_TR")
SURNAME_LOCALES = ("sv_SE", "fi_FI", "no_NO", "da_DK", "hr_HR", "tr_TR")
MUNICIPALITIES = """
Ale Alingsås Alvesta Aneby Arboga Arjeplog Arvidsjaur Arvika Askersund Avesta Bengtsfors Berg Bjurholm Bjuv Boden
Bollebygd Bollnäs Borgholm Borlänge Borås Botkyrka Boxholm Bromölla Bräcke Burlöv Båstad Dals-Ed Danderyd
Degerfors Dorotea Eda Ekerö Eksjö Emmaboda Enköping Eskilstuna Eslöv Essunga Fagersta Falkenberg Falköping Falun
Filipstad Finspång Flen Forshaga Färgelanda Gagnef Gislaved Gnesta Gnosjö Gotland Grums Grästorp Gullspång
Gällivare Gävle Göteborg Götene Habo Hagfors Hallsberg Hallstahammar Halmstad Hammarö Haninge Haparanda Heby
Hedemora Helsingborg Herrljunga Hjo Hofors Huddinge Hudiksvall Hultsfred Hylte Håbo Hällefors Härjedalen
Härnösand Härryda Hässleholm Höganäs Högsby Hörby Höör Jokkmokk Järfälla Jönköping Kalix Kalmar Karlsborg
Karlshamn Karlskoga Karlskrona Karlstad Katrineholm Kil Kinda Kiruna Klippan Knivsta Kramfors Kristianstad
Kristinehamn Krokom Kumla Kungsbacka Kungsör Kungälv Kävlinge Köping Laholm Landskrona Laxå Lekeberg Leksand Lerum
Lessebo Lidingö Lidköping Lindesberg Linköping Ljungby Ljusdal Ljusnarsberg Lomma Ludvika Luleå Lund Lycksele
Lysekil Malmö Malung Malå Mariestad Mark Markaryd Mellerud Mjölby Mora Motala Mullsjö Munkedal Munkfors Mölndal
Mönsterås Mörbylånga Nacka Nora Norberg Nordanstig Nordmaling Norrköping Norrtälje Norsjö Nybro Nykvarn Nyköping
Nynäshamn Nässjö Ockelbo Olofström Orsa Orust Osby Oskarshamn Ovanåker Oxelösund Pajala Partille Perstorp Piteå
Ragunda Robertsfors Ronneby Rättvik Sala Salem Sandviken Sigtuna Simrishamn Sjöbo Skara Skellefteå Skinnskatteberg
Skurup Skövde Smedjebacken Sollefteå Sollentuna Solna Sorsele Sotenäs Staffanstorp Stenungsund Stockholm Storfors
Storuman Strängnäs Strömstad Strömsund Sundbyberg Sundsvall Sunne Surahammar Svalöv Svedala Svenljunga Säffle
Säter Sävsjö Söderhamn Söderköping Södertälje Sölvesborg Tanum Tibro Tidaholm Tierp Timrå Tingsryd Tjörn Tomelilla
Torsby Torsås Tranemo Tranås Trelleborg Trollhättan Trosa Tyresö Täby Töreboda Uddevalla Ulricehamn Umeå
Uppsala Uppvidinge Vadstena Vaggeryd Valdemarsvik Vallentuna Vansbro Vara Varberg Vaxholm Vellinge Vetlanda
Vilhelmina Vimmerby Vindeln Vingåker Vårgårda Vänersborg Vännäs Värmdö Värnamo Västervik Västerås Växjö Ydre
Ystad Åmål Ånge Åre Årjäng Åsele Åstorp Åtvidaberg Älmhult Älvdalen Älvkarleby Älvsbyn Ängelholm Öckerö Ödeshög
Örebro Örkelljunga Örnsköldsvik Östersund Österåker Östhammar Överkalix Övertorneå
"""
NOT_WORDS = set(
    _words_of(
        """
Albin Alexis Anas Andres Baki Barbro Britt Egon Elvan Enar Enes Frans Gitte Hannes Henna Isa Iver Jasmin Jeppe Jon
Kader Kaja Kalle Kanak Karl Kasper Klavs Kåre Lena Lilja Linda Liva Lova Mads Malva Masar Mate Mats Meja Mila Naja
Nick Oliver Osman Petar Rana Ritt Ron Sanne Sari Sejda Signe Silas Sonad Stian Sven Sys Tina Tindra Tova Valborg
Vilde
"""
    )
)
_LATIN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _provider(kind: str, locale: str) -> type:
    return importlib.import_module(f"faker.providers.{kind}.{locale}").Provider  # type: ignore[no-any-return]


def _latin(name: str) -> bool:
    return bool(_LATIN.fullmatch(name)) and all(ord(c) < 0x250 for c in name)


def _words() -> set[str]:
    """Every lowercase Swedish word form of the two word lists."""
    words = {w for w in Path("/usr/share/dict/swedish").read_text("latin-1").split() if w[:1].islower()}
    share = Path(sysconfig.get_paths()["data"]) / "share" / "hunspell"
    entries = [line for line in (share / "sv_SE.dic").read_text("utf-8").splitlines()[1:] if "/" in line]
    with tempfile.TemporaryDirectory() as tmp:
        dic = Path(tmp) / "inflected.dic"
        dic.write_text(f"{len(entries)}\n" + "\n".join(entries) + "\n", "utf-8")
        out = subprocess.run(["unmunch", str(dic), str(share / "sv_SE.aff")], capture_output=True, check=True)
    words |= {w for w in out.stdout.decode("utf-8", "replace").split() if w[:1].islower()}
    return words


def main() -> None:
    first: dict[str, None] = {}
    for locale in FIRST_LOCALES:
        provider = _provider("person", locale)
        for full in [*provider.first_names_female, *provider.first_names_male]:
            for name in full.replace("-", " ").split():
                if _latin(name) and len(name) > 1:
                    first.setdefault(name, None)
    surnames: dict[str, None] = {}
    for locale in SURNAME_LOCALES:
        for name in _provider("person", locale).last_names:
            if _latin(name) and len(name) > 1 and name != "Doe":
                surnames.setdefault(name, None)
    words = _words()
    places = set(MUNICIPALITIES.split()) | set(_provider("address", "sv_SE").countries)
    doc = (__doc__ or "").split("Sources:", 1)[1].strip().splitlines()
    print("# The first names and surnames the personal-data check knows (tolvfalt/personal/names.py).")
    print("# Made by tools/make_names.py; not edited by hand.")
    print("#\n# Sources:")
    print("\n".join(f"# {line}" for line in doc))
    print("#\n# After a first name: w if it is also a Swedish word, p if it is also a place, g if the name with an s")
    print("# (its genitive) is also a word, as Finns is.")
    print("[first]")
    for name in sorted(first):
        flags = ("w" if name.lower() in words and name not in NOT_WORDS else "") + ("p" if name in places else "")
        flags += "g" if f"{name.lower()}s" in words and name not in NOT_WORDS else ""
        print(f"{name} {flags}".rstrip())
    print("[surname]")
    for name in sorted(surnames):
        print(name)


if __name__ == "__main__":
    sys.exit(main())
