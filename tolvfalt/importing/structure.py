"""The shape of a kartläggning in a list of blocks: the metadata and inledning before the grid, the grid table (the
framework, not an answer), "Fält N" sections with each question (a heading, a bold paragraph, the first cell of a
table row, or the start of a paragraph) and its answer, ratings and points, and the sections tolvfalt's own documents
add (the summary, the contents, the follow-up, the insatser table), which are read or passed over."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from ..framework import Framework
from ..i18n import LANGS, label
from ..model import FieldAnswers
from .blocks import BULLET, Block, Place, plain
from .draft import Draft, add_text
from .match import SURE, FieldMatch, Matcher, QuestionMatch, matcher, norm
from .metadata import PlaceDate, default_title, mentions_forbund, place_date, take_signature, title_year

POINT_LINE = 300
"""A paragraph under "Brister" longer than this is still taken as a point, with a remark."""
_BOLD_LEAD = re.compile(r"^\*\*(.+?)\*\*[ :.–-]*(\S.*)$", re.S)


@dataclass
class _Stray:
    """Text after a heading that ends a field but names nothing known."""

    place: Place
    paragraphs: list[str]
    followed: bool = False
    """A field comes after it: then it is no avslutning."""


def recognise(blocks: list[Block], framework: Framework) -> Draft:
    return _Recogniser(framework).run(blocks)


class _Recogniser:
    def __init__(self, framework: Framework) -> None:
        self.framework = framework
        self.m: Matcher = matcher(framework)
        self.draft = Draft()
        self.mode = "front"
        self.mode_level: int | None = None
        self.field: int | None = None
        self.field_level: int | None = None
        self.qid: str | None = None
        self.before_question: list[tuple[Place, str]] = []
        self.points_key: str | None = None
        self.follow_field: int | None = None
        self.strays: list[_Stray] = []
        self.tables: dict[int, str] = {}
        self.title_seen = False
        self.styled = False
        """The document marks its headings (heading styles or bold paragraphs)."""
        self.forbund: str | None = None
        self.merged: tuple[tuple[str, ...], Place] | None = None
        """A heading that held several questions, and where it stood: settled when its answer ends."""

    # --- the document as a whole ------------------------------------------------------------------------------------

    def run(self, blocks: list[Block]) -> Draft:
        self.classify_tables(blocks)
        self.styled = any(b.headlike for b in blocks)
        self.forbund = self.forbund_line(blocks)
        blocks, signature = take_signature(blocks, self.forbund, self.is_structure)
        for block in blocks:
            self.feed(block)
        self.end_field()
        self.settle_strays()
        self.missing_questions()
        if signature is not None:
            meta = self.draft.meta
            for key, value in (
                ("författare", signature.forfattare),
                ("befattning", signature.befattning),
                ("förbund", signature.forbund),
            ):
                if value and key not in meta:
                    meta[key] = value
            if signature.when:
                self.place_date_found(signature.when, signature.place)
        return self.draft

    def is_structure(self, text: str) -> bool:
        """A line the recognition places: a rating, a known heading, a field heading, a line tolvfalt adds."""
        m = self.m
        return (
            m.rating(text) is not None
            or m.section(text) is not None
            or m.field(text, True) is not None
            or m.noise(text)
        )

    def classify_tables(self, blocks: list[Block]) -> None:
        rows: dict[int, list[tuple[str, ...]]] = {}
        for b in blocks:
            if b.kind == "row":
                rows.setdefault(b.table, []).append(tuple(plain(c) for c in b.cells))
        for table, cells in rows.items():
            if self.m.is_insatser(cells):
                self.tables[table] = "insatser"
            elif self.m.is_grid(cells):
                self.tables[table] = "grid"

    def forbund_line(self, blocks: list[Block]) -> str | None:
        """The förbund's name on the line after the title, as tolvfalt's documents and many others have it."""
        for i, b in enumerate(blocks[:12]):
            text = plain(b.text)
            if b.kind == "row" or title_year(text, b.level == 0) is None:
                continue
            after = [x for x in blocks[i + 1 : i + 4] if x.kind != "row"]
            if not after:
                return None
            line = plain(after[0].text)
            known_next = len(after) > 1 and (self.m.section(plain(after[1].text)) is not None)
            plausible = len(line) <= 100 and line[-1:] != "." and (mentions_forbund(line) or known_next)
            if plausible and place_date(line) is None and self.m.field(line, True) is None:
                return line if self.m.section(line) is None else None
            return None
        return None

    # --- one block at a time -----------------------------------------------------------------------------------------

    def feed(self, b: Block) -> None:
        if b.kind == "row":
            self.row(b)
            return
        text = plain(b.text)
        if not text:
            return
        if self.mode in ("skip", "inledning", "avslutning", "follow_up") and self.ends_section(b, text):
            self.mode = "field" if self.field is not None else "front"
        if self.mode == "skip":
            return
        if b.bullet and self.mode in ("points", "follow_up"):  # a list item is an item, whatever it says
            if self.mode == "follow_up":
                self.follow_up(text, b)
            elif self.point(b, text):
                return
            return
        short = len(text) <= 80
        # a document that marks its headings (styles, bold) is read by its marks; plain text by its lines
        marked = b.headlike or (not self.styled and short and not b.bullet)
        section = self.m.section(text) if marked else None
        if section is not None and self.start_section(section, b):
            return
        found = self.m.field(text, marked) if (marked or len(text) <= 120) and not b.bullet else None
        if found is not None:
            if found.toc:
                return
            if self.mode == "follow_up":
                self.follow_field = found.number
                return
            self.enter_field(found, b)
            return
        if self.mode == "follow_up":
            self.follow_up(text, b)
            return
        if self.mode == "points":
            if self.point(b, text):
                return
            self.mode = "field"
        if not b.bullet and self.m.noise(text) and (not self.styled or not self.m.not_answered_mark(text, b.text)):
            return
        if self.field is not None and short:
            value = self.m.rating(text)
            if value is not None:
                self.rating(value, b)
                return
        lead = _BOLD_LEAD.match(b.text) if not b.headlike else None
        if lead is not None:  # "**Finns ett gemensamt mål?** Svaret ..." : the question in bold, run into its answer
            q = self.m.question(plain(lead.group(1)), self.field)
            if q is not None and not q.rest:
                self.enter_question(q, b)
                self.answer(lead.group(2), b, runs_on=False)
                return
        q = self.m.question(text, self.field, strict=not b.headlike)
        if q is not None:
            self.enter_question(q, b)
            if q.rest:
                self.answer(q.rest, b, runs_on=False)
            return
        self.text(b, text)

    def ends_section(self, b: Block, text: str) -> bool:
        """A heading as high as the one that began a section ends it; without levels, any heading the matcher
        knows (a field or a section of its own)."""
        if self.mode_level is not None:
            return b.kind == "heading" and b.level is not None and b.level <= self.mode_level
        if not b.headlike:
            return False
        if self.mode == "follow_up":
            return self.m.section(text) not in (None, "follow_up")
        field = self.m.field(text, True)
        return self.m.section(text) is not None or (field is not None and not field.toc)

    def start_section(self, kind: str, b: Block) -> bool:
        level = b.level if b.kind == "heading" else None
        if kind in FieldAnswers.POINTS:
            if self.field is None or self.mode in ("front", "inledning", "avslutning"):
                return False
            self.settle_merged()
            self.mode, self.points_key = "points", kind
            return True
        if kind == "analys":
            if self.field is None:
                return False
            self.settle_merged()
            self.mode, self.qid = "analys", None
            return True
        self.end_field()
        self.mode, self.mode_level = kind, level
        self.field = self.qid = None
        return True

    # --- fields and questions ----------------------------------------------------------------------------------------

    def enter_field(self, found: FieldMatch, b: Block) -> None:
        self.end_field()
        n = found.number
        if found.other is not None:
            self.draft.note("import_field_title", b.place, f"fält.{n}", n=n, other=found.other, text=plain(b.text))
        if n in self.draft.fields and any(self.draft.answers.get(q.id) for q in self.framework.by_number[n].questions):
            self.draft.note("import_field_twice", b.place, f"fält.{n}", n=n)
        self.draft.fields.add(n)
        self.stray_followed()
        self.field, self.field_level, self.qid = n, b.level if b.kind == "heading" else None, None
        self.mode, self.mode_level = "field", None

    def end_field(self) -> None:
        """Text that stood in a field before any question: the answer to the question whose heading is missing."""
        self.settle_merged()
        if self.before_question and self.field is not None:
            questions = self.framework.by_number[self.field].questions
            unanswered = [q.id for q in questions if not self.draft.answers.get(q.id)]
            if len(unanswered) == len(questions):
                qid = questions[0].id
                if len(questions) > 1:
                    self.draft.note("import_no_question", self.before_question[0][0], _key(qid), n=self.field, qid=qid)
                for _, text in self.before_question:
                    add_text(self.draft.answers.setdefault(qid, []), text, False)
            else:
                self.draft.unplaced.extend(self.before_question)
        elif self.before_question:
            self.draft.unplaced.extend(self.before_question)
        self.before_question = []
        self.qid = None

    def enter_question(self, q: QuestionMatch, b: Block) -> None:
        self.settle_merged()
        qid = q.ids[0]
        number = self.m.field_of[qid]
        if self.field != number:
            if self.field is not None:
                missing = number not in self.draft.fields
                code = "import_field_heading_missing" if missing else "import_question_elsewhere"
                self.draft.note(code, b.place, _key(qid), qid=qid, n=self.field, m=number)
            self.end_field()
            self.field, self.field_level = number, None
            self.draft.fields.add(number)
            self.stray_followed()
        self.mode, self.mode_level = "field", None
        if self.before_question:
            self.place_before(qid, b)
        text = plain(b.text)
        if len(q.ids) > 1:
            self.merged = (q.ids, b.place)
        if q.by_number and q.score < SURE:
            self.draft.note("import_by_number", b.place, _key(qid), qid=qid, text=text)
        elif q.score < SURE:
            self.draft.note("import_fuzzy", b.place, _key(qid), qid=qid, text=text, score=round(q.score * 100))
        if self.draft.answers.get(qid):
            self.draft.note("import_question_twice", b.place, _key(qid), qid=qid)
        self.draft.answers.setdefault(qid, [])
        self.qid = qid

    def settle_merged(self) -> None:
        """The answer under a heading that held several questions: one paragraph each when it has just as many
        paragraphs (and the others have no answer of their own), else all of it under the first."""
        if self.merged is None:
            return
        ids, place = self.merged
        self.merged = None
        paragraphs = self.draft.answers.get(ids[0], [])
        rest = ", ".join(ids[1:])
        if len(paragraphs) == len(ids) and not any(self.draft.answers.get(i) for i in ids[1:]):
            for qid, paragraph in zip(ids, list(paragraphs), strict=True):
                self.draft.answers[qid] = [paragraph]
            self.draft.note("import_merged_split", place, _key(ids[0]), qid=ids[0], others=rest)
        else:
            self.draft.note("import_merged", place, _key(ids[0]), qid=ids[0], others=rest)

    def place_before(self, qid: str, b: Block) -> None:
        """Text in the field before its first question found: the question missing before it, if there is one."""
        assert self.field is not None
        questions = [q.id for q in self.framework.by_number[self.field].questions]
        earlier = [i for i in questions[: questions.index(qid)] if not self.draft.answers.get(i)]
        if earlier:
            target = earlier[0]
            self.draft.note("import_missing_question", self.before_question[0][0], _key(target), qid=target)
            for _, text in self.before_question:
                add_text(self.draft.answers.setdefault(target, []), text, False)
        else:
            self.draft.unplaced.extend(self.before_question)
        self.before_question = []

    def rating(self, value: int, b: Block) -> None:
        assert self.field is not None
        if self.field in self.draft.ratings and self.draft.ratings[self.field] != value:
            self.draft.note(
                "import_rating_twice", b.place, f"fält.{self.field}.bedömning", first=self.draft.ratings[self.field]
            )
            return
        self.draft.ratings[self.field] = value

    def point(self, b: Block, text: str) -> bool:
        """A point under "Brister", "Möjligheter" or "Åtgärder"; False when the block is something else."""
        assert self.field is not None and self.points_key is not None
        if b.headlike and not b.bullet:
            return False
        if not b.bullet and self.m.question(text, self.field, strict=True) is not None:
            return False
        item = b.text if b.bullet else BULLET.sub("", b.text)
        if not item.strip():
            return True
        key = f"fält.{self.field}.{self.points_key}"
        if len(item) > POINT_LINE:
            self.draft.note("import_long_point", b.place, key)
        self.draft.points.setdefault(self.field, {}).setdefault(self.points_key, []).append(item)
        return True

    def follow_up(self, text: str, b: Block) -> None:
        """A line of the follow-up of last year's åtgärder: "åtgärd: status. kommentar"."""
        from .follow_up import parse_follow_up

        if self.follow_field is None:
            self.draft.unplaced.append((b.place, b.text))
            return
        self.draft.follow_ups.setdefault(self.follow_field, []).append(
            parse_follow_up(b.text if b.bullet else BULLET.sub("", b.text))
        )

    # --- text ---------------------------------------------------------------------------------------------------------

    def answer(self, text: str, b: Block, runs_on: bool) -> None:
        assert self.qid is not None
        add_text(self.draft.answers.setdefault(self.qid, []), text, runs_on)

    def text(self, b: Block, text: str) -> None:
        runs_on = b.after_break
        shown = f"**{b.text}**" if b.headlike and not b.text.startswith("**") else b.text
        if self.mode == "front":
            if not self.metadata(b, text):
                add_text(self.draft.inledning, shown, runs_on)
            return
        if self.mode == "inledning":
            add_text(self.draft.inledning, shown, runs_on)
            return
        if self.mode == "avslutning":
            add_text(self.draft.avslutning, shown, runs_on)
            return
        if self.mode == "analys" and self.field is not None:
            add_text(self.draft.analys.setdefault(self.field, []), shown, runs_on)
            return
        if self.mode == "stray":
            add_text(self.strays[-1].paragraphs, shown, runs_on)
            return
        if b.kind == "heading" and self.field_level is not None and b.level is not None and b.level <= self.field_level:
            self.end_field()
            self.field = None
            self.mode = "stray"
            self.strays.append(_Stray(b.place, [shown]))
            return
        if self.qid is None:
            self.before_question.append((b.place, shown))
            return
        if b.headlike and text.rstrip().endswith("?"):
            self.draft.note("import_unknown_question", b.place, _key(self.qid), qid=self.qid, text=text)
        self.answer(shown, b, runs_on)

    def metadata(self, b: Block, text: str) -> bool:
        meta = self.draft.meta
        found = place_date(text) if len(text) <= 80 else None
        if found is not None and "datum" not in meta:
            self.place_date_found(found, b.place)
            return True
        if not self.title_seen:
            year = title_year(text, b.level == 0)
            if year is not None:
                self.title_seen = True
                meta.setdefault("år", year)
                if not default_title(text, year):
                    meta["titel"] = text
                return True
        if self.title_seen and "förbund" not in meta and text == self.forbund and not self.draft.inledning:
            meta["förbund"] = text
            return True
        for key in ("diarienummer", "beslutad"):
            value = self.reference(key, text)
            if value is not None:
                meta[key] = value
                return True
        if self.is_draft_mark(text):
            meta["utkast"] = True
            return True
        return False

    def place_date_found(self, found: PlaceDate, place: Place) -> None:
        meta = self.draft.meta
        if "datum" in meta:
            if meta["datum"] != found.datum:
                self.draft.note("import_date_differs", place, "datum", raw=found.raw)
            return
        meta["datum"] = found.datum
        if found.ort:
            meta.setdefault("ort", found.ort)
        if found.day_first:
            self.draft.note("import_date_read", place, "datum", raw=found.raw, date=found.datum.isoformat())

    def reference(self, key: str, text: str) -> str | None:
        """The value after "Diarienummer" or "Beslutad av styrelsen", as tolvfalt prints them under the title."""
        for lang in LANGS:
            prefix = label(key, lang)
            if norm(text).startswith(norm(prefix)) and len(text) > len(prefix) + 1:
                return text[len(prefix) :].lstrip(" :").strip() or None
        return None

    def is_draft_mark(self, text: str) -> bool:
        return any(text.strip() == label("draft", lang) for lang in LANGS)

    # --- tables -------------------------------------------------------------------------------------------------------

    def row(self, b: Block) -> None:
        kind = self.tables.get(b.table)
        if kind == "grid":
            return
        if kind == "insatser":
            name = plain(b.cells[0]) if b.cells else ""
            head = self.m.is_insatser([tuple(plain(c) for c in b.cells)])
            if name and not head and name not in self.draft.insatser:
                self.draft.insatser.append(name)
            return
        if self.mode == "skip":
            return
        cells = list(b.cells)
        while cells and not cells[-1].strip():
            cells.pop()
        if not cells:
            return
        if len(cells) == 1:
            self.feed(Block("paragraph", b.place, cells[0], after_break=b.after_break))
            return
        first = plain(cells[0])
        rest = "\n\n".join(c for c in cells[1:] if c.strip())
        if not first:
            self.continuation(rest, b)
            return
        if self.m.is_header(tuple(plain(c) for c in cells)):
            return
        found = self.m.field(first, True)
        if found is not None and not found.toc:
            self.enter_field(found, b)
            if rest:
                self.feed(Block("paragraph", b.place, rest, after_break=False))
            return
        q = self.m.question(first, self.field)
        if q is not None and q.by_number and len(cells) >= 3:
            better = self.m.question(plain(cells[1]), self.field)
            if better is not None and not better.by_number:
                q, rest = better, "\n\n".join(c for c in cells[2:] if c.strip())
        if q is not None:
            self.enter_question(q, b)
            if q.rest:
                self.answer(q.rest, b, runs_on=False)
            if rest:
                self.answer(rest, b, runs_on=False)
            return
        if self.field is not None:
            value = self.m.scale_value(plain(cells[1])) if self.m.is_rating_label(first) else None
            if value is not None:
                self.rating(value, b)
                return
            section = self.m.section(first)
            if section in FieldAnswers.POINTS:
                for item in rest.split("\n\n"):
                    self.draft.points.setdefault(self.field, {}).setdefault(section, []).append(item)
                return
        if self.qid is not None:
            if first.endswith("?"):
                self.draft.note("import_unknown_question", b.place, _key(self.qid), qid=self.qid, text=first)
            self.answer(f"**{first}**\n\n{rest}", b, runs_on=False)
            return
        self.text(Block("paragraph", b.place, f"{cells[0]}\n\n{rest}", after_break=b.after_break), first)

    def continuation(self, text: str, b: Block) -> None:
        """A row with its first cell empty: the answer above runs on (a table split over a page)."""
        if self.mode == "front" or self.qid is None:
            self.text(Block("paragraph", b.place, text, after_break=True), plain(text))
            return
        self.answer(text, b, runs_on=True)

    # --- the end --------------------------------------------------------------------------------------------------

    def missing_questions(self) -> None:
        """A question the document lacks, after one it answers: its answer may be in the one before."""
        for number in sorted(self.draft.fields):
            questions = [q.id for q in self.framework.by_number[number].questions]
            for before, qid in pairwise(questions):
                if self.draft.answers.get(before) and qid not in self.draft.answers:
                    self.draft.note("import_maybe_under", None, _key(qid), qid=qid, previous=before)

    def stray_followed(self) -> None:
        if self.mode == "stray" and self.strays:
            self.strays[-1].followed = True

    def settle_strays(self) -> None:
        """Text after a heading that ended a field: the avslutning if no field follows it, else for review."""
        for stray in self.strays:
            if stray.followed:
                self.draft.unplaced.append((stray.place, "\n\n".join(stray.paragraphs)))
            else:
                self.draft.note("import_stray", stray.place, "avslutning")
                self.draft.avslutning.extend(stray.paragraphs)


def _key(qid: str) -> str:
    return f"fält.{qid[:-1]}.svar.{qid[-1]}"
