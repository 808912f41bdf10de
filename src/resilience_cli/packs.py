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
from typing import Any

from resilience_cli.errors import InvalidInput

CADENCES = {"daily": 1, "weekly": 7, "fortnightly": 14, "monthly": 28}
TYPES = ("scale", "yesno")
NAME = re.compile(r"^[a-z][a-z0-9-]{0,39}$")
# Words that make a question a safety question: one without `safety = true`
# would keep its answers like any other, export them and show no help.
SAFETY_WORDS = re.compile(
    r"suicid|self[- ]?harm|(harm|hurt|kill|injur)(ing|ed|es|e|y)?\s+(your|my|them)sel(f|ves)"
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
            raise InvalidInput(f"{self.id} must be yes or no; you gave {value!r}.")
        text = str(value).strip()
        if isinstance(value, bool) or not re.fullmatch(r"-?\d+", text) or not self.min <= int(text) <= self.max:
            raise InvalidInput(f"{self.id} must be a whole number from {self.min} to {self.max}; you gave {value!r}.")
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
        raise InvalidInput(f"{source} is not valid TOML: {exc}.") from None
    except RecursionError:
        raise InvalidInput(f"{source} nests its tables or lists too deeply to be a pack.") from None

    def bad(message: str) -> InvalidInput:
        return InvalidInput(f"In {source}, {message}")

    _check_header(data, bad)
    raw_questions = data.get("questions")
    if not isinstance(raw_questions, list) or not raw_questions:
        raise bad("there are no questions: add at least one [[questions]] table.")
    q_lines = _lines_of(text, "[[questions]]")
    questions: list[Question] = []
    for n, q in enumerate(raw_questions, start=1):
        where = f"question {n} (line {q_lines[n - 1]})" if n <= len(q_lines) else f"question {n}"
        questions.append(_question(q, where, questions, bad))
    s_lines = _lines_of(text, "[[scores]]")
    raw_scores = data.get("scores", []) or []
    if not isinstance(raw_scores, list):
        raise bad("scores must be [[scores]] tables.")
    scores: list[Score] = []
    for n, item in enumerate(raw_scores, start=1):
        where = f"score {n} (line {s_lines[n - 1]})" if n <= len(s_lines) else f"score {n}"
        scores.append(_score(item, where, questions, scores, bad))
    return Pack(data["name"], data["title"].strip(), data["cadence"], data["attribution"].strip(),
                tuple(questions), tuple(scores), str(data.get("description", "")).strip())


def _check_header(data: dict, bad: Callable[[str], InvalidInput]) -> None:
    """The pack's own keys: name, title, cadence and attribution, and nothing unknown."""
    allowed = {"name", "title", "cadence", "attribution", "description", "questions", "scores"}
    for key in data:
        if key not in allowed:
            raise bad(f"{key} is not part of a pack; a pack has {', '.join(sorted(allowed))}.")
    for key in ("name", "title", "cadence", "attribution"):
        if key not in data:
            raise bad(f"{key} is missing; every pack needs a name, title, cadence and attribution.")
        if not isinstance(data[key], str) or not data[key].strip():
            raise bad(f"{key} must be text in quotes, such as {key} = \"...\"; it is {data[key]!r}.")
    if not NAME.match(data["name"]):
        raise bad(f"name must be lower-case letters, digits and hyphens, such as worthwhile-work; "
                  f"{data['name']!r} is not.")
    if data["cadence"] not in CADENCES:
        raise bad(f"cadence must be one of {', '.join(CADENCES)}; {data['cadence']!r} is not.")


def _question(q: object, where: str, earlier: list[Question], bad: Callable[[str], InvalidInput]) -> Question:
    """One [[questions]] table, checked; `where` names it in every error."""
    if not isinstance(q, dict):
        raise bad(f"{where} must be a table.")
    extra = set(q) - {"id", "text", "type", "min", "max", "low", "high", "safety", "threshold"}
    if extra:
        raise bad(f"{where}: {sorted(extra)[0]} is not part of a question.")
    if not isinstance(q.get("id"), str) or not re.fullmatch(r"[a-z][a-z0-9_]*", q["id"]):
        raise bad(f"{where} needs an id of lower-case letters, digits and underscores.")
    if any(existing.id == q["id"] for existing in earlier):
        raise bad(f"{where}: the id {q['id']!r} is used twice.")
    if not isinstance(q.get("text"), str) or not q["text"].strip():
        raise bad(f"{where} needs its text.")
    kind = q.get("type", "scale")
    if kind not in TYPES:
        raise bad(f"{where}: type must be scale or yesno; {kind!r} is not.")
    low, high = q.get("min", 0), q.get("max", 1 if kind == "yesno" else 4)
    if kind == "scale":
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in (low, high)) or low >= high:
            raise bad(f"{where}: min and max must be whole numbers with min below max.")
        if high - low > 100:
            raise bad(f"{where}: a scale may span at most 100 steps.")
    safety = q.get("safety", False)
    if not isinstance(safety, bool):
        raise bad(f"{where}: safety must be true or false.")
    if not safety and SAFETY_WORDS.search(q["text"]):
        raise bad(f"{where} asks about suicide or self-harm, so it needs safety = true and a "
                  "threshold: its answers are then kept like safety answers and never leave "
                  "the journal, and an answer at the threshold shows where to get help now.")
    first, last = (int(low), int(high)) if kind == "scale" else (0, 1)
    threshold = q.get("threshold", 1 if kind == "yesno" else None)
    if "threshold" in q and not safety:
        raise bad(f"{where}: threshold belongs to a safety question (safety = true).")
    if safety and (threshold is None or isinstance(threshold, bool) or not isinstance(threshold, int)
                   or not first <= threshold <= last):
        raise bad(f"{where}: a safety question needs a threshold, a whole number from {first} to {last} "
                  "(the answer at or over which the crisis box shows).")
    return Question(q["id"], q["text"].strip(), kind, first, last, str(q.get("low", "")), str(q.get("high", "")),
                    safety=safety, threshold=int(threshold) if safety else 1)


def _score(s: object, where: str, questions: list[Question], earlier: list[Score],
           bad: Callable[[str], InvalidInput]) -> Score:
    """One [[scores]] table (a subscale): items among the questions, never a safety question;
    each error names the score, its line and the field."""
    if not isinstance(s, dict):
        raise bad(f"{where} must be a table.")
    allowed = ("id", "title", "items", "reverse", "bands")
    extra = sorted(set(s) - set(allowed))
    if extra:
        raise bad(f"{where}: {extra[0]} is not part of a score; a score has {', '.join(allowed)}.")
    if not isinstance(s.get("id"), str) or not re.fullmatch(r"[a-z][a-z0-9_]*", s["id"]):
        raise bad(f"{where}: id must be lower-case letters, digits and underscores, such as compassion.")
    if any(e.id == s["id"] for e in earlier):
        raise bad(f"{where}: id: the score id {s['id']!r} is used twice.")
    if "title" in s and (not isinstance(s["title"], str) or not s["title"].strip()):
        raise bad(f"{where}: title must be text in quotes.")
    for key in ("items", "reverse"):
        value = s.get(key, [] if key == "reverse" else None)
        if not isinstance(value, list) or not all(isinstance(i, str) for i in value):
            raise bad(f"{where}: {key} must be a list of question ids in quotes, such as [\"q1\", \"q2\"].")
        twice = next((i for i in value if value.count(i) > 1), None)
        if twice is not None:
            raise bad(f"{where}: {key}: {twice!r} is listed twice.")
    if not s["items"]:
        raise bad(f"{where}: items is empty; a score needs at least one question.")
    ids = {q.id for q in questions}
    for key in ("items", "reverse"):
        unknown = [i for i in s.get(key, []) if i not in ids]
        if unknown:
            raise bad(f"{where}: {key}: {unknown[0]!r} is not one of the questions.")
    private = [i for i in s["items"] if i in {q.id for q in questions if q.safety}]
    if private:
        raise bad(f"{where}: items: {private[0]!r} is a safety question, so it cannot be part of a score.")
    stray = [i for i in s.get("reverse", []) if i not in s["items"]]
    if stray:
        raise bad(f"{where}: reverse: {stray[0]!r} is reversed but not one of its items.")
    # A yes/no answer counts 1 for yes (and, reversed, 1 for no).
    by_id = {q.id: q for q in questions}
    low = sum(by_id[i].min for i in s["items"])
    high = sum(by_id[i].max for i in s["items"])
    return Score(s["id"], str(s.get("title", s["id"])).strip(), tuple(s["items"]), tuple(s.get("reverse", [])),
                 _bands(s.get("bands"), where, low, high, bad))


def _bands(raw: object, where: str, low: int, high: int, bad: Callable[[str], InvalidInput]) -> tuple[Band, ...]:
    """Bands in ascending order that, together, cover every score from `low` to `high`."""
    if raw is None:
        return ()
    if not isinstance(raw, list) or not raw:
        raise bad(f"{where}: bands must be a list of {{ upto = N, words = \"...\" }}, lowest first.")
    out: list[Band] = []
    for n, band in enumerate(raw, start=1):
        if not isinstance(band, dict) or set(band) != {"upto", "words"}:
            raise bad(f"{where}: bands: band {n} must be {{ upto = N, words = \"...\" }} and nothing else.")
        upto, words = band["upto"], band["words"]
        if isinstance(upto, bool) or not isinstance(upto, int):
            raise bad(f"{where}: bands: band {n}'s upto must be a whole number; it is {upto!r}.")
        if not isinstance(words, str) or not words.strip():
            raise bad(f"{where}: bands: band {n}'s words must be text in quotes.")
        if out and upto <= out[-1].upto:
            raise bad(f"{where}: bands: band {n} goes up to {upto}, which is not above band {n - 1}'s {out[-1].upto}; "
                      "list the bands lowest first.")
        if upto < low:
            raise bad(f"{where}: bands: band {n} goes up to {upto}, below the lowest score, {low}.")
        out.append(Band(upto, words.strip()))
    if out[-1].upto != high:
        raise bad(f"{where}: bands: the last band must go up to the highest score, {high}; it goes up to "
                  f"{out[-1].upto}.")
    return tuple(out)


def check_answers(pack: Pack, answers: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for qid, value in answers.items():
        if not any(q.id == qid for q in pack.questions):
            raise InvalidInput(f"{qid} is not a question of the {pack.name} pack; its questions are "
                               + ", ".join(q.id for q in pack.questions) + ".")
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
        values = [v for _, v in series]
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
    band = f"{score['latest_band']}; " if score.get("latest_band") else ""
    answers = "answer" if score["count"] == 1 else "answers"
    return (f"{score['title']}: {score['mean']:.1f} on average over {score['count']} {answers}, "
            f"latest {score['latest']} ({band}scores run {low} to {high})")
