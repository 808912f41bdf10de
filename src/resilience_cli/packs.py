"""Pure: question packs, an extra periodic questionnaire defined in a TOML file.

A pack has a name, a title, a cadence, questions (a scale with labelled ends,
or yes/no), optional scores (sums of items, some reverse-scored) and an
attribution. The project ships no third-party questionnaire wording: an
organisation that licenses one writes its own pack file.

    name = "worthwhile-work"
    title = "Worthwhile work"
    cadence = "weekly"              # daily, weekly, fortnightly or monthly
    attribution = "Who wrote these questions, and on what terms."

    [[questions]]
    id = "worthwhile"
    text = "How worthwhile did your work feel this week?"
    type = "scale"                  # scale or yesno
    min = 0
    max = 4
    low = "not at all"              # words for the ends of a scale
    high = "very"

    [[questions]]                   # a question about thoughts of suicide or
    id = "thoughts"                 # self-harm must say so: its answers are kept
    text = "..."                    # like safety answers, and an answer at or
    type = "yesno"                  # over the threshold shows the crisis box
    safety = true
    threshold = 1                   # yes/no: 1 is yes; a scale: the value

    [[scores]]                      # a pack may have several scores (subscales)
    id = "total"
    title = "Worthwhile work"
    items = ["worthwhile", "drained"]
    reverse = ["drained"]           # scored max + min - answer
    bands = [                       # optional: words for ranges of the score,
      { upto = 3, words = "lower" },  # each up to and including `upto`; the
      { upto = 8, words = "higher" }, # last reaches the score's highest
    ]
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from resilience_cli.errors import InvalidInput
from resilience_cli.messages import _, _n

CADENCES = {"daily": 1, "weekly": 7, "fortnightly": 14, "monthly": 28}
TYPES = ("scale", "yesno")
NAME = re.compile(r"^[a-z][a-z0-9-]{0,39}$")
# Words that make a question a safety question: one without `safety = true`
# would keep its answers like any other, export them and show no help.
SAFETY_WORDS = re.compile(
    r"suicid|self[- ]?harm|(harm|hurt|kill|injur)(ing|ed|es|e|y)?\s+(your|my|them)sel(f|ves)"  # not a message: a pattern
    r"|end(ing)?\s+(your|my|their)\s+(own\s+)?li(fe|ves)|tak(e|ing)\s+(your|my|their)\s+(own\s+)?li(fe|ves)"
    r"|better off dead|wish(ed)? (you|i) (were|was) dead"
    # Common ways of asking about it without those words (issue 22): each is tested,
    # beside near misses that must pass ("deadline", "overdue").
    r"|thoughts?\s+(of|about)\s+(your\s+own\s+|my\s+own\s+)?(death|dying)\b"
    r"|\b(life|living)\s+(is|was|isn't|wasn't|is\s+not|was\s+not)\s+(not\s+)?worth\s+(living|it)\b"
    r"|\bnot\s+worth\s+living\b"
    r"|sleep\s+and\s+(not|never)\s+wake\b"
    r"|\boverdos(e|es|ed|ing)\b"
    r"|\bwant(ed|s)?\s+to\s+be\s+here\s+any\s*more\b"
    r"|\b(not|n't|no\s+longer)\s+want(ed|s)?\s+to\s+(live|be\s+alive|go\s+on\s+living)\b"
    r"|\bwant(ed|s)?\s+to\s+die\b"
    r"|\bend(s|ed|ing)?\s+it\s+all\b"
    r"|\bbetter\s+off\s+without\s+(you|me)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    type: str
    min: int = 0
    max: int = 1
    low: str = ""
    high: str = ""
    safety: bool = False
    threshold: int = 1  # safety questions: an answer at or over it shows the crisis box

    def at_threshold(self, value: Any) -> bool:
        return self.safety and value is not None and int(value) >= self.threshold

    def check(self, value: Any) -> int | bool:
        if self.type == "yesno":
            if isinstance(value, bool):
                return value
            word = str(value).strip().lower()
            if word in ("yes", "y", "true"):
                return True
            if word in ("no", "n", "false"):
                return False
            raise InvalidInput(_("packs.answer.yes_or_no", id=self.id, given=repr(value)))
        text = str(value).strip()
        if isinstance(value, bool) or not re.fullmatch(r"-?\d+", text) or not self.min <= int(text) <= self.max:
            raise InvalidInput(_("packs.answer.whole_number", id=self.id, low=self.min, high=self.max,
                                 given=repr(value)))
        return int(text)


@dataclass(frozen=True)
class Band:
    upto: int  # the highest score in this band
    words: str


@dataclass(frozen=True)
class Score:
    id: str
    title: str
    items: tuple[str, ...]
    reverse: tuple[str, ...] = ()
    bands: tuple[Band, ...] = ()  # ascending; the last one's upto is the score's highest

    def band(self, value: int | None) -> str | None:
        """The words of the band `value` falls in; None without bands or a value."""
        if value is None:
            return None
        return next((b.words for b in self.bands if value <= b.upto), None)


@dataclass(frozen=True)
class Pack:
    name: str
    title: str
    cadence: str
    attribution: str
    questions: tuple[Question, ...]
    scores: tuple[Score, ...] = ()
    description: str = ""

    def question(self, qid: str) -> Question:
        return next(q for q in self.questions if q.id == qid)

    @property
    def safety_ids(self) -> frozenset[str]:
        return frozenset(q.id for q in self.questions if q.safety)

    def score(self, answers: dict[str, Any]) -> dict[str, int | None]:
        """Each score: the sum of its items (reverse items flipped); None if any is unanswered."""
        out: dict[str, int | None] = {}
        for s in self.scores:
            total = 0
            for item in s.items:
                value = answers.get(item)
                if value is None:
                    total = None
                    break
                q = self.question(item)
                value = int(value)
                total += (q.max + q.min - value) if item in s.reverse else value
            out[s.id] = total
        return out

    def score_range(self, sid: str) -> tuple[int, int]:
        s = next(x for x in self.scores if x.id == sid)
        items = [self.question(i) for i in s.items]
        return sum(q.min for q in items), sum(q.max for q in items)

    def due(self, last: dt.date | None, today: dt.date) -> bool:
        return last is None or (today - last).days >= CADENCES[self.cadence]


@dataclass(frozen=True)
class PackAnswer:
    id: str
    pack: str
    date: str
    answers: dict[str, Any] = field(default_factory=dict)
    created_at: str = ""
    updated_at: str = ""


def _lines_of(text: str, header: str) -> list[int]:
    return [n for n, line in enumerate(text.splitlines(), start=1) if line.strip() == header]


def parse(text: str, source: str) -> Pack:
    """A pack from its TOML text; errors name the line, or the question and its line."""
    import tomllib

    # A byte-order mark (Notepad's UTF-8) is no part of the text.
    text = text.removeprefix("\ufeff")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InvalidInput(_("packs.file.not_toml", source=source, error=exc)) from None
    except RecursionError:
        raise InvalidInput(_("packs.file.too_deep", source=source)) from None

    def bad(message: str) -> InvalidInput:
        return InvalidInput(_("packs.file.in", source=source, problem=message))

    _check_header(data, bad)
    raw_questions = data.get("questions")
    if not isinstance(raw_questions, list) or not raw_questions:
        raise bad(_("packs.file.no_questions", table="[[questions]]"))
    q_lines = _lines_of(text, "[[questions]]")
    questions: list[Question] = []
    for n, q in enumerate(raw_questions, start=1):
        where = (_("packs.file.question_line", n=n, line=q_lines[n - 1]) if n <= len(q_lines)
                 else _("packs.file.question", n=n))
        questions.append(_question(q, where, questions, bad))
    s_lines = _lines_of(text, "[[scores]]")
    raw_scores = data.get("scores", []) or []
    if not isinstance(raw_scores, list):
        raise bad(_("packs.file.scores_tables", key="scores", table="[[scores]]"))
    scores: list[Score] = []
    for n, item in enumerate(raw_scores, start=1):
        where = _("packs.file.score_line", n=n, line=s_lines[n - 1]) if n <= len(s_lines) else _("packs.file.score", n=n)
        scores.append(_score(item, where, questions, scores, bad))
    return Pack(data["name"], data["title"].strip(), data["cadence"], data["attribution"].strip(),
                tuple(questions), tuple(scores), str(data.get("description", "")).strip())


def _check_header(data: dict, bad: Callable[[str], InvalidInput]) -> None:
    """The pack's own keys: name, title, cadence and attribution, and nothing unknown."""
    allowed = {"name", "title", "cadence", "attribution", "description", "questions", "scores"}
    for key in data:
        if key not in allowed:
            raise bad(_("packs.file.unknown_key", key=key, keys=", ".join(sorted(allowed))))
    for key in ("name", "title", "cadence", "attribution"):
        if key not in data:
            raise bad(_("packs.file.missing_key", key=key))
        if not isinstance(data[key], str) or not data[key].strip():
            raise bad(_("packs.file.not_text", key=key, example=f'{key} = "..."', value=repr(data[key])))
    if not NAME.match(data["name"]):
        raise bad(_("packs.file.bad_name", example="worthwhile-work", value=repr(data["name"])))
    if data["cadence"] not in CADENCES:
        raise bad(_("packs.file.bad_cadence", cadences=", ".join(CADENCES), value=repr(data["cadence"])))


def _question(q: object, where: str, earlier: list[Question], bad: Callable[[str], InvalidInput]) -> Question:
    """One [[questions]] table, checked; `where` names it in every error."""
    if not isinstance(q, dict):
        raise bad(_("packs.file.not_table", where=where))
    extra = set(q) - {"id", "text", "type", "min", "max", "low", "high", "safety", "threshold"}
    if extra:
        raise bad(_("packs.file.question_key", where=where, key=sorted(extra)[0]))
    if not isinstance(q.get("id"), str) or not re.fullmatch(r"[a-z][a-z0-9_]*", q["id"]):
        raise bad(_("packs.file.question_id", where=where))
    if any(existing.id == q["id"] for existing in earlier):
        raise bad(_("packs.file.question_id_twice", where=where, id=repr(q["id"])))
    if not isinstance(q.get("text"), str) or not q["text"].strip():
        raise bad(_("packs.file.question_text", where=where))
    kind = q.get("type", "scale")
    if kind not in TYPES:
        raise bad(_("packs.file.question_type", where=where, value=repr(kind)))
    low, high = q.get("min", 0), q.get("max", 1 if kind == "yesno" else 4)
    if kind == "scale":
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in (low, high)) or low >= high:
            raise bad(_("packs.file.min_max", where=where))
        if high - low > 100:
            raise bad(_("packs.file.scale_span", where=where, most=100))
    safety = q.get("safety", False)
    if not isinstance(safety, bool):
        raise bad(_("packs.file.safety_bool", where=where))
    if not safety and SAFETY_WORDS.search(q["text"]):
        raise bad(_("packs.file.needs_safety", where=where))
    first, last = (int(low), int(high)) if kind == "scale" else (0, 1)
    threshold = q.get("threshold", 1 if kind == "yesno" else None)
    if "threshold" in q and not safety:
        raise bad(_("packs.file.threshold_without_safety", where=where))
    if safety and (threshold is None or isinstance(threshold, bool) or not isinstance(threshold, int)
                   or not first <= threshold <= last):
        raise bad(_("packs.file.safety_threshold", where=where, first=first, last=last))
    return Question(q["id"], q["text"].strip(), kind, first, last, str(q.get("low", "")), str(q.get("high", "")),
                    safety=safety, threshold=int(threshold) if safety else 1)


def _score(s: object, where: str, questions: list[Question], earlier: list[Score],
           bad: Callable[[str], InvalidInput]) -> Score:
    """One [[scores]] table (a subscale): items among the questions, never a safety question;
    each error names the score, its line and the field."""
    if not isinstance(s, dict):
        raise bad(_("packs.file.not_table", where=where))
    allowed = ("id", "title", "items", "reverse", "bands")
    extra = sorted(set(s) - set(allowed))
    if extra:
        raise bad(_("packs.file.score_key", where=where, key=extra[0], keys=", ".join(allowed)))
    if not isinstance(s.get("id"), str) or not re.fullmatch(r"[a-z][a-z0-9_]*", s["id"]):
        raise bad(_("packs.file.score_id", where=where, example="compassion"))
    if any(e.id == s["id"] for e in earlier):
        raise bad(_("packs.file.score_id_twice", where=where, id=repr(s["id"])))
    if "title" in s and (not isinstance(s["title"], str) or not s["title"].strip()):
        raise bad(_("packs.file.score_title", where=where))
    for key in ("items", "reverse"):
        value = s.get(key, [] if key == "reverse" else None)
        if not isinstance(value, list) or not all(isinstance(i, str) for i in value):
            raise bad(_("packs.file.score_list", where=where, key=key, example='["q1", "q2"]'))
        twice = next((i for i in value if value.count(i) > 1), None)
        if twice is not None:
            raise bad(_("packs.file.listed_twice", where=where, key=key, id=repr(twice)))
    if not s["items"]:
        raise bad(_("packs.file.no_items", where=where))
    ids = {q.id for q in questions}
    for key in ("items", "reverse"):
        unknown = [i for i in s.get(key, []) if i not in ids]
        if unknown:
            raise bad(_("packs.file.not_a_question", where=where, key=key, id=repr(unknown[0])))
    private = [i for i in s["items"] if i in {q.id for q in questions if q.safety}]
    if private:
        raise bad(_("packs.file.safety_in_score", where=where, id=repr(private[0])))
    stray = [i for i in s.get("reverse", []) if i not in s["items"]]
    if stray:
        raise bad(_("packs.file.stray_reverse", where=where, id=repr(stray[0])))
    # A yes/no answer counts 1 for yes (and, reversed, 1 for no).
    by_id = {q.id: q for q in questions}
    low = sum(by_id[i].min for i in s["items"])
    high = sum(by_id[i].max for i in s["items"])
    return Score(s["id"], str(s.get("title", s["id"])).strip(), tuple(s["items"]), tuple(s.get("reverse", [])),
                 _bands(s.get("bands"), where, low, high, bad))


# A band as it is typed in a pack file.
_BAND_FORM = '{ upto = N, words = "..." }'  # not a message: TOML as typed


def _bands(raw: object, where: str, low: int, high: int, bad: Callable[[str], InvalidInput]) -> tuple[Band, ...]:
    """Bands in ascending order that, together, cover every score from `low` to `high`."""
    if raw is None:
        return ()
    if not isinstance(raw, list) or not raw:
        raise bad(_("packs.file.bands_list", where=where, form=_BAND_FORM))
    out: list[Band] = []
    for n, band in enumerate(raw, start=1):
        if not isinstance(band, dict) or set(band) != {"upto", "words"}:
            raise bad(_("packs.file.band_form", where=where, n=n, form=_BAND_FORM))
        upto, words = band["upto"], band["words"]
        if isinstance(upto, bool) or not isinstance(upto, int):
            raise bad(_("packs.file.band_upto", where=where, n=n, value=repr(upto)))
        if not isinstance(words, str) or not words.strip():
            raise bad(_("packs.file.band_words", where=where, n=n))
        if out and upto <= out[-1].upto:
            raise bad(_("packs.file.band_order", where=where, n=n, upto=upto, previous=n - 1,
                        previous_upto=out[-1].upto))
        if upto < low:
            raise bad(_("packs.file.band_below", where=where, n=n, upto=upto, low=low))
        out.append(Band(upto, words.strip()))
    if out[-1].upto != high:
        raise bad(_("packs.file.band_last", where=where, high=high, upto=out[-1].upto))
    return tuple(out)


def check_answers(pack: Pack, answers: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for qid, value in answers.items():
        if not any(q.id == qid for q in pack.questions):
            raise InvalidInput(_("packs.answer.unknown", id=qid, pack=pack.name,
                                 ids=", ".join(q.id for q in pack.questions)))
        out[qid] = None if value is None else pack.question(qid).check(value)
    return out


def score_series(pack: Pack, answers: Sequence[PackAnswer]) -> dict[str, list[tuple[str, int]]]:
    """Each score over time: [(date, score)], oldest first, complete answers only."""
    out: dict[str, list[tuple[str, int]]] = {s.id: [] for s in pack.scores}
    for a in sorted(answers, key=lambda a: a.date):
        for sid, value in pack.score(a.answers).items():
            if value is not None:
                out[sid].append((a.date, value))
    return out


def window_scores(pack: Pack, answers: Sequence[PackAnswer], start: dt.date, end: dt.date) -> dict[str, dict]:
    """Each score in [start, end]: how many complete answers, their mean and the latest."""
    inside = [a for a in answers if a.pack == pack.name and start.isoformat() <= a.date <= end.isoformat()]
    out = {}
    for sid, series in score_series(pack, inside).items():
        low, high = pack.score_range(sid)
        values = [v for __, v in series]
        score = next(s for s in pack.scores if s.id == sid)
        out[sid] = {
            "title": score.title,
            "count": len(values),
            "mean": round(sum(values) / len(values), 2) if values else None,
            "latest": values[-1] if values else None,
            "range": [low, high],
            "latest_band": score.band(values[-1] if values else None),
        }
    return out


def score_words(score: dict) -> str:
    """One score of `window_scores` in words, as trends and the summary show it:
    'Title: 4.0 on average over 2 answers, latest 8 (middle; scores run 0 to 12)'.
    The band is the latest score's, named only when the pack gives its scores bands."""
    low, high = score["range"]
    values = {"title": score["title"], "mean": f"{score['mean']:.1f}", "latest": score["latest"],
              "low": low, "high": high}
    if score.get("latest_band"):
        return _n("packs.score_words_band", score["count"], band=score["latest_band"], **values)
    return _n("packs.score_words", score["count"], **values)


# -- the words of the packs that ship with resilience, in the language spoken --

def _pack_texts(pack: Pack) -> list[tuple[str, str]]:
    """(id, English) of every word of `pack` a person reads: "packs.<pack>.<...>"."""
    top = f"packs.{pack.name}"
    out = [(f"{top}.title", pack.title), (f"{top}.attribution", pack.attribution)]
    if pack.description:
        out.append((f"{top}.description", pack.description))
    for q in pack.questions:
        out.append((f"{top}.questions.{q.id}.text", q.text))
        out += [(f"{top}.questions.{q.id}.{end}", words) for end, words in (("low", q.low), ("high", q.high)) if words]
    for score in pack.scores:
        out.append((f"{top}.scores.{score.id}.title", score.title))
        out += [(f"{top}.scores.{score.id}.bands.{n}", band.words) for n, band in enumerate(score.bands, start=1)]
    return out


@cache
def built_in() -> dict[str, Pack]:
    """The packs that ship with resilience (data/packs), by name: read once."""
    from pathlib import Path

    folder = Path(__file__).parent / "data" / "packs"
    found = {}
    for path in sorted(folder.glob("*.toml")):
        pack = parse(path.read_text("utf-8"), path.name)
        found[pack.name] = pack
    return found


def texts() -> list[tuple[str, str]]:
    """(id, English) of the built-in packs' words (tools/catalogues.py gathers every file's)."""
    return [text for pack in built_in().values() for text in _pack_texts(pack)]


def in_language(pack: Pack) -> Pack:
    """`pack` in the language spoken: a built-in pack's words from the catalogue.

    Only words that are word for word the built-in pack's are looked up: a
    pack someone wrote or changed (a licensed questionnaire, say) is shown
    as written."""
    from dataclasses import replace

    from resilience_cli.messages import SOURCE, data, language

    if language() == SOURCE:
        return pack
    shipped = built_in().get(pack.name)
    if shipped is None:
        return pack
    english = dict(_pack_texts(shipped))
    top = f"packs.{pack.name}"

    def said(key: str, words: str) -> str:
        return data(key, words) if words and english.get(key) == words else words

    questions = tuple(replace(q, text=said(f"{top}.questions.{q.id}.text", q.text),
                              low=said(f"{top}.questions.{q.id}.low", q.low),
                              high=said(f"{top}.questions.{q.id}.high", q.high)) for q in pack.questions)
    scores = tuple(replace(s, title=said(f"{top}.scores.{s.id}.title", s.title),
                           bands=tuple(Band(b.upto, said(f"{top}.scores.{s.id}.bands.{n}", b.words))
                                       for n, b in enumerate(s.bands, start=1)))
                   for s in pack.scores)
    return replace(pack, title=said(f"{top}.title", pack.title), attribution=said(f"{top}.attribution", pack.attribution),
                   description=said(f"{top}.description", pack.description), questions=questions, scores=scores)
