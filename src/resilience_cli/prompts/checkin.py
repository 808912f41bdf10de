"""The daily check-in's questions, the duty-day question and the safety question."""

from __future__ import annotations

import datetime as dt
from typing import Any

from resilience_cli.errors import InvalidInput
from resilience_cli.messages import _, _n, first_upper
from resilience_cli.model import (
    DAYS_OFF,
    FIELD_SPECS,
    INCIDENT_WORDS,
    RECOVERY,
    RECOVERY_WORDS,
    SHIFT_WORDS,
    CheckIn,
    day_words,
    question_words,
    validate_answer,
)
from resilience_cli.prompts.basics import confirm
from resilience_cli.prompts.dutyday import DutyDays
from resilience_cli.prompts.question import BACK, CLEAR, SKIP, Option, Tick, ask
from resilience_cli.question_words import TICKS
from resilience_cli.render.words import answer_words

_NOTHING = "__nothing__"
DAY = "__day__"  # the step that settles the duty day: not an answer

# The questions' words are data (data/questions.toml, read by question_words
# when the first question is asked); the rest of each question is on
# model.FIELD_SPECS. QUESTIONS, PAIRS, PAIR_HINTS, ON_ITS_OWN_HINTS and
# REST_DAY_SWITCH_OFF are still here, read from the catalogue on first use.


def __getattr__(name: str) -> Any:
    # Any other name (the import system asks for some) must not read the file.
    if name not in ("QUESTIONS", "REST_DAY_SWITCH_OFF", "PAIRS", "PAIR_HINTS", "ON_ITS_OWN_HINTS"):
        raise AttributeError(name)
    catalogue = question_words()
    if name == "QUESTIONS":
        return {n: catalogue.question(n) for n in catalogue.questions}
    if name == "REST_DAY_SWITCH_OFF":
        return catalogue.question("switch_off", rest_day=True)
    if name == "PAIRS":
        return {names: catalogue.pair(names, "question") for names in catalogue.pairs}
    if name == "PAIR_HINTS":
        return {names: catalogue.pair(names, "hint") for names in catalogue.pairs}
    return {n: catalogue.hint(n) for n, w in catalogue.questions.items() if "hint" in w}


def _question(name: str, *, rest_day: bool = False) -> str:
    return question_words().question(name, rest_day=rest_day)


def _tick(name: str) -> str:
    """An answer's words as a tick on another question's line (data/questions.toml)."""
    return question_words().tick(name)


# The same word has the same key everywhere: "no" and "none" on 0, "yes" on 1.
YES_NO = ((False, "ask.no", "0", "n"), (True, "ask.yes", "1", "y"))
SHIFT_KEYS = dict(zip(SHIFT_WORDS, "12345678", strict=True))
INCIDENT_KEYS = {"none": "0", "minor": "1", "significant": "2"}
RECOVERY_KEYS = dict(zip(RECOVERY, "1234567", strict=True))
NOTHING_KEY = "0"
# The ticks' words are the catalogue's (`tick` in data/questions.toml).
DREAMS_KEY, TALKED_KEY, HURT_KEY = "d", "t", "h"
# What went well rides on the mood line, as the dreams ride on the sleep line:
# no extra question (DOMAIN.md, good_moment).
GOOD_MOMENT_KEY = "g"
NOTE, RAISE, BOTH = "note", "raise", "both"
# The last step's answers: anything to add.
_LAST = frozenset({"note", "raise_at_supervision", "talking_point"})

def _enter(amending: bool, *, typed: bool = False) -> str:
    """What Enter alone does: skips, or on an amended day keeps the earlier answer."""
    if not amending:
        return _("ask.enter_skips")
    return _("ask.enter_keeps_typed") if typed else _("ask.enter_keeps")


def _keys_hint(enter: str) -> str:
    # The keys themselves are shown beside the answers: the hint says only how keys work.
    return _("ask.keys_hint", enter=enter)


def _skip_words(amending: bool) -> str:
    return _("ask.kept") if amending else _("ask.skipped")


def _choice(message: str, options: list[Option], current: Any, amending: bool,
            name: str | None = None, ticks: tuple[Tick, ...] = ()) -> Any:
    values = [o.value for o in options]
    pointer = values.index(current) if current in values else None
    return ask(message, options=options, pointer=pointer, ticks=ticks,
               hint=_keys_hint(_enter(amending)), can_clear=amending and current is not None,
               can_go_back=True, skip_words=_skip_words(amending),
               skip_title=_("ask.keep_as_it_was") if amending else _("ask.skip"),
               shown=(lambda v: answer_words(name, v)) if name else None)


def _scale_options(name: str) -> list[Option]:
    """A scale's answers, from its FieldSpec: the digit is the key and the value, shown
    once beside the level's words where the scale has them ("0  not at all"). How an
    answer reads once given is the spec's too (answer_words)."""
    spec = FIELD_SPECS[name]
    levels = range(int(spec.low), int(spec.high) + 1)  # type: ignore[arg-type]
    return [Option(str(v), spec.words.get(v, ""), v) for v in levels]


def _yes_no_options() -> list[Option]:
    return [Option(key, _(words), value, also) for value, words, key, also in YES_NO]


def _parse_typed(names: tuple[str, ...]):
    """A line of one or two answers: '6.5 7', or '6.5' alone, or '- 7' for the second alone."""
    from resilience_cli.model import spoken

    whole = all(FIELD_SPECS[n].kind == "int" for n in names)

    def parse(text: str) -> dict[str, Any]:
        parts = text.split()
        if whole and len(names) > 1 and len(parts) == 1:
            # Between two whole numbers a comma can only part them: "6,5" is 6 and 5.
            parts = parts[0].split(",")
        if len(parts) > len(names):
            asked = (_("ask.typed.both", first=spoken(names[0]), second=spoken(names[1])) if len(names) > 1
                     else spoken(names[0]))
            raise InvalidInput(_n("ask.typed.too_many", len(names), answers=first_upper(asked)))
        values: dict[str, Any] = dict.fromkeys(names)
        for name, part in zip(names, parts, strict=False):
            values[name] = None if part == "-" else validate_answer(name, part)
        return values

    return parse


def _typed_words(values: dict[str, Any]) -> str:
    return ", ".join(answer_words(n, v) if n == "sleep_hours" else
                     _("ask.typed.answer", label=FIELD_SPECS[n].label, answer=answer_words(n, v))
                     for n, v in values.items() if v is not None) or _("ask.skipped")


def _format(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


class _Flow:
    """The check-in's questions in order, asking only what applies; Backspace goes back one."""

    def __init__(self, existing: CheckIn | None, given: dict[str, Any], *, optional: frozenset[str],
                 days: DutyDays | None = None) -> None:
        self.existing = existing
        self.amending = existing is not None
        # Without --date, the day (and so the earlier answers) follows from the shift.
        self.days = days
        self.given = given
        self.answers: dict[str, Any] = dict(given)
        # The optional questions turned on (FieldSpec.setting); the others are always asked.
        self.optional = optional
        # Answers given at a question then left with Backspace from the one
        # after: asked again, they are its defaults, so Enter keeps them.
        self.went_back_from: dict[str, Any] = {}

    # What the day is, from this check-in's answers or the earlier ones.
    def now(self, name: str) -> Any:
        value = self.answers.get(name)
        if value is CLEAR:
            return None
        return self.earlier(name) if value is None else value

    def earlier(self, name: str) -> Any:
        return getattr(self.existing, name) if self.existing is not None else None

    def default(self, name: str) -> Any:
        """What a question starts on: the answer given before going back, or the earlier one."""
        if self.went_back_from.get(name) is not None and self.went_back_from[name] is not CLEAR:
            return self.went_back_from[name]
        return self.earlier(name)

    def asks(self, name: str) -> bool:
        """Whether the check-in asks this question at all (an optional one only when turned on)."""
        return FIELD_SPECS[name].setting is None or name in self.optional

    def open_(self, name: str) -> bool:
        return self.given.get(name) is None

    def rest_day(self) -> bool:
        # Off sick and annual leave are asked as a rest day is (DOMAIN.md).
        return self.now("shift") in DAYS_OFF

    def exposed(self) -> bool:
        return bool(self.now("material")) or self.now("incident") in ("minor", "significant")

    def steps(self) -> list[tuple[tuple[str, ...], Any, Any]]:
        """(the answers a step gives, whether it applies now, how it asks)."""
        working = lambda: not self.rest_day()
        always = lambda: True
        fixed = [
            (("shift",), always, self.ask_shift),
            ((DAY,), self.day_in_doubt, self.ask_day),
            (("incident", "hurt"), working, lambda: self.ask_select("incident")),
            (("material",), working, lambda: self.ask_select("material")),
            (("graphic",), lambda: working() and self.exposed(), lambda: self.ask_yes_no("graphic")),
            (("interactions",), working, lambda: self.ask_select("interactions")),
            (("workload", "support"), working, lambda: self.ask_typed(("workload", "support"))),
            (("sleep_hours", "sleep_quality", "nightmare"), always, self.ask_sleep),
            (("intrusions",), always, lambda: self.ask_select("intrusions")),
            (("switch_off",), always, lambda: self.ask_select("switch_off")),
            # The good-moment tick rides on this line; with mood and energy given
            # as flags it is not asked at all (it never adds a question of its own).
            (("mood", "energy", "good_moment"), lambda: self.open_("mood") or self.open_("energy"),
             self.ask_mood),
            (("supported_colleague",), lambda: self.asks("supported_colleague"),
             lambda: self.ask_yes_no("supported_colleague")),
            (("recovery", "talked"), always, self.ask_recovery),
        ]
        # Every other question of the catalogue (alcohol, and any added later)
        # is asked on its own after these, by its kind, before anything to add.
        named = {n for names, _applies, _ask in fixed for n in names} | _LAST | TICKS
        extra = [((n,), (lambda n=n: self.asks(n)), (lambda n=n: self.ask_one(n)))
                 for n in FIELD_SPECS if n not in named]
        return [*fixed, *extra, (tuple(sorted(_LAST, key=list(FIELD_SPECS).index)), always,
                                 self.ask_anything_else)]

    def ask_one(self, name: str) -> Any:
        kind = FIELD_SPECS[name].kind
        if kind == "bool":
            return self.ask_yes_no(name)
        if kind == "int" and FIELD_SPECS[name].high is not None and FIELD_SPECS[name].high <= 10:
            return self.ask_select(name)
        return self.ask_typed((name,))

    def run(self) -> dict[str, Any]:
        steps = self.steps()
        asked: list[int] = []
        i = 0
        while i < len(steps):
            names, applies, ask_it = steps[i]
            if not applies() or not any(self.open_(n) for n in names):
                i += 1
                continue
            before = {n: self.answers.get(n) for n in names}
            if ask_it() is BACK:
                for n, v in before.items():
                    if v is None:
                        self.answers.pop(n, None)
                if asked:
                    i = asked.pop()
                    # Its answers are asked afresh, starting on the ones given.
                    for n in steps[i][0]:
                        if self.open_(n):
                            self.went_back_from[n] = self.answers.pop(n, None)
                continue
            asked.append(i)
            i += 1
        # A question that was not asked is skipped: on a rest day, the work
        # questions are skipped, not "none".
        for names, _applies, _ask in steps:
            for n in names:
                if n == DAY:
                    continue
                if not self.asks(n):
                    continue
                if n == "talking_point" and not self.answers.get("raise_at_supervision"):
                    continue
                if n == "graphic" and n not in self.answers:
                    continue
                if n == "good_moment" and n not in self.answers:
                    continue  # not asked on a day off: skipped, never "no"
                self.answers.setdefault(n, None)
        return self.answers

    def day_in_doubt(self) -> bool:
        """Whether to ask which day this is for; when not, the day is settled now."""
        if self.days is None:
            return False
        doubt = self.days.doubt(self.now("shift"))
        self._follow_the_day()
        return doubt

    def ask_day(self) -> Any:
        answer = self.days.ask(self.now("shift"))  # type: ignore[union-attr]
        self._follow_the_day()
        return answer

    def _follow_the_day(self) -> None:
        # A day that already has a check-in is amended, its answers the defaults.
        self.existing = self.days.existing  # type: ignore[union-attr]
        self.amending = self.existing is not None

    def _store(self, name: str, value: Any) -> Any:
        if value is BACK:
            return BACK
        self.answers[name] = None if value == SKIP else value
        return value

    def ask_shift(self) -> Any:
        options = [Option(SHIFT_KEYS[v], w, v) for v, w in SHIFT_WORDS.items()]
        return self._store("shift", _choice(_question("shift"), options, self.default("shift"),
                                            self.amending))

    def ask_select(self, name: str) -> Any:
        if name == "incident":
            return self.ask_incident()
        options = _scale_options(name)
        message = _question(name, rest_day=self.rest_day())
        return self._store(name, _choice(message, options, self.default(name), self.amending, name=name))

    def ask_incident(self) -> Any:
        """The incident question, with "assaulted or physically hurt" as a tick on it."""
        if not self.open_("incident"):  # the incident given by a flag: the hurt question on its own
            return self.ask_yes_no("hurt")
        options = [Option(INCIDENT_KEYS[v], w, v) for v, w in INCIDENT_WORDS.items()]
        hurt = Tick(HURT_KEY, _tick("hurt"), bool(self.earlier("hurt")))
        ticks = (hurt,) if self.open_("hurt") else ()
        answer = self._store("incident", _choice(_question("incident"), options, self.earlier("incident"),
                                                 self.amending, name="incident", ticks=ticks))
        if answer is BACK or not ticks:
            return answer
        # As the dreams tick: answered (no, unless ticked) whenever the incident is newly
        # answered; an earlier answer kept (Enter) keeps the earlier tick as it was.
        kept = answer == SKIP or (self.amending and answer == self.earlier("incident"))
        if hurt.checked:
            self.answers["hurt"] = True
        elif self.earlier("hurt"):
            self.answers["hurt"] = False  # an earlier yes, unticked
        elif answer is CLEAR:
            self.answers["hurt"] = CLEAR if self.earlier("hurt") is not None else None
        else:
            self.answers["hurt"] = self.earlier("hurt") if kept else False
        return answer

    def ask_yes_no(self, name: str) -> Any:
        return self._store(name, _choice(_question(name), _yes_no_options(), self.default(name),
                                         self.amending))

    def ask_typed(self, names: tuple[str, ...], ticks: tuple[Tick, ...] = ()) -> Any:
        names = tuple(n for n in names if self.open_(n))
        catalogue = question_words()
        if len(names) == 1:
            message = _question(names[0])
            hint = catalogue.hint(names[0]) or _("ask.typed.number")
        else:
            message, hint = catalogue.pair(names, "question"), catalogue.pair(names, "hint")
        earlier = [self.default(n) for n in names]
        default_text = " ".join(_format(v) for v in earlier) if any(v is not None for v in earlier) else ""
        answer = ask(message, typed=_parse_typed(names), default_text=default_text, ticks=ticks,
                     hint=_("ask.typed.hint", hint=hint, enter=_enter(self.amending, typed=True)),
                     can_clear=self.amending, can_go_back=True, shown=_typed_words)
        if answer is BACK:
            return BACK
        for n in names:
            if answer is CLEAR:
                self.answers[n] = CLEAR
            elif answer == SKIP:
                self.answers[n] = None
            else:
                self.answers[n] = answer[n]
        return answer

    def ask_sleep(self) -> Any:
        names = tuple(n for n in ("sleep_hours", "sleep_quality") if self.open_(n))
        dreams = Tick(DREAMS_KEY, _tick("nightmare"), bool(self.default("nightmare")))
        ticks = (dreams,) if self.open_("nightmare") else ()
        if not names:  # hours and quality given by flags: the dreams question on its own
            return self.ask_yes_no("nightmare")
        answer = self.ask_typed(names, ticks)
        if answer is BACK or not ticks:
            return answer
        # The tick answers the dreams question whenever the sleep line was answered.
        if dreams.checked:
            self.answers["nightmare"] = True
        elif answer is CLEAR:
            self.answers["nightmare"] = CLEAR if self.earlier("nightmare") is not None else None
        elif answer == SKIP:
            self.answers["nightmare"] = None if not self.amending else (
                False if self.earlier("nightmare") else None)
        else:
            self.answers["nightmare"] = False
        return answer

    def ask_mood(self) -> Any:
        """Mood and energy, with the good-moment tick on a working day."""
        names = tuple(n for n in ("mood", "energy") if self.open_(n))
        offer = self.open_("good_moment") and not self.rest_day()
        good = Tick(GOOD_MOMENT_KEY, _tick("good_moment"), bool(self.earlier("good_moment")))
        ticks = (good,) if offer else ()
        answer = self.ask_typed(names, ticks)
        if answer is BACK or not ticks:
            return answer
        if good.checked:
            self.answers["good_moment"] = True
        elif answer is CLEAR:
            self.answers["good_moment"] = CLEAR if self.earlier("good_moment") is not None else None
        elif answer == SKIP:
            self.answers["good_moment"] = None if not self.amending else (
                False if self.earlier("good_moment") else None)
        else:
            self.answers["good_moment"] = False
        return answer

    def ask_recovery(self) -> Any:
        earlier = self.default("recovery")
        options = [Option(RECOVERY_KEYS[item], RECOVERY_WORDS[item], item) for item in RECOVERY]
        options.append(Option(NOTHING_KEY, _("ask.recovery.nothing"), _NOTHING))
        checked = [i for i, o in enumerate(options)
                   if earlier is not None and (o.value in earlier or (o.value == _NOTHING and earlier == ()))]
        talked = Tick(TALKED_KEY, _tick("talked"), bool(self.default("talked")))
        ticks = (talked,) if self.open_("talked") else ()
        keys = _("ask.recovery.keys_and_tick") if ticks else _("ask.recovery.keys")
        hint = _("ask.recovery.hint_keeps" if self.amending else "ask.recovery.hint", keys=keys)
        answer = ask(_question("recovery"), options=options, many=True, checked=checked, ticks=ticks,
                     hint=hint, can_go_back=True, skip_words=_skip_words(self.amending))
        if answer is BACK:
            return BACK
        if self.open_("recovery"):
            self.answers["recovery"] = None if answer == SKIP else validate_answer(
                "recovery", [p for p in answer if p != _NOTHING])
        if ticks:
            if talked.checked:
                self.answers["talked"] = True
            elif answer == SKIP:
                self.answers["talked"] = False if self.earlier("talked") else None
            else:
                self.answers["talked"] = False
        return answer

    def ask_anything_else(self) -> Any:
        open_note = self.open_("note")
        open_raise = self.open_("raise_at_supervision") and self.open_("talking_point")
        options = []
        if open_note:
            options.append(Option("1", _("ask.anything_else.note"), NOTE))
        if open_raise:
            options.append(Option("2", _("ask.anything_else.raise"), RAISE))
        if open_note and open_raise:
            options.append(Option("3", _("ask.anything_else.both"), BOTH))
        made = None
        while True:
            # Back here with Backspace from a line: on the choice made, so Enter keeps it.
            pointer = next((i for i, o in enumerate(options) if o.value == made), None)
            choice = ask(_("ask.anything_else.question"), options=options, pointer=pointer,
                         hint=_keys_hint(_("ask.anything_else.enter_keeps") if self.amending
                                         else _("ask.anything_else.enter_skips")),
                         can_go_back=True,
                         skip_words=_("ask.kept") if self.amending else _("ask.anything_else.nothing"),
                         skip_title=_("ask.keep_as_it_was") if self.amending else _("ask.anything_else.nothing"))
            if choice is BACK:
                return BACK
            back = choice in (NOTE, BOTH) and self._text("note") is BACK
            if not back and choice in (RAISE, BOTH):
                self.answers["raise_at_supervision"] = True
                back = self._text("talking_point") is BACK
            if not back:
                return choice
            # What was typed is kept for when the line is asked again.
            for name in ("note", "raise_at_supervision", "talking_point"):
                if self.open_(name) and name in self.answers:
                    self.went_back_from[name] = self.answers.pop(name)
            made = choice

    def _text(self, name: str) -> Any:
        hint = _("ask.text.note_hint") if name == "note" else _("ask.text.line_hint")
        earlier = self.default(name)
        answer = ask(_question(name), typed=lambda text: validate_answer(name, text),
                     default_text=earlier or "", hint=hint, can_clear=self.amending,
                     can_go_back=True, shown=lambda v: v, skip_words=_("ask.text.none"))
        if answer is BACK:
            return BACK
        self.answers[name] = CLEAR if answer is CLEAR else None if answer == SKIP else answer
        return answer


def ask_region() -> str | None:
    """Asked once, in the welcome: which nation's urgent mental health line to show.

    Enter alone keeps England, the default; None when that is the answer.
    """
    from resilience_cli.contacts import DEFAULT_REGION

    regions = ("england", "wales", "scotland", "northern-ireland")
    names = [_(f"firstrun.region.{key.replace('-', '_')}") for key in regions]
    answer = ask(_("firstrun.region.question"),
                 options=[Option(str(n), name, key) for n, (key, name) in enumerate(zip(regions, names, strict=True), start=1)],
                 pointer=0, skip_title=None, hint=_("firstrun.region.hint"))
    return None if answer == DEFAULT_REGION else answer


def ask_checkin(
    existing: CheckIn | None, given: dict[str, Any], *, optional: frozenset[str] = frozenset(),
    days: DutyDays | None = None,
) -> dict[str, Any]:
    """Ask every question the flags left open and the day calls for.

    `optional`: the optional questions the settings turn on (model.turned_on).
    Returns validated answers: None is skipped (on an amended day: kept as it
    was), CLEAR sets an earlier answer back to skipped. `days`: without
    --date, which day this files, settled after the shift (its `day`).
    """
    return _Flow(existing, given, optional=optional, days=days).run()


def confirm_delete(day: dt.date) -> bool:
    return confirm(_("ask.confirm_delete", day=day_words(day)))


def ask_safety(*, again: bool = False) -> str | None:
    """The safety question, asked plainly and kindly. None when skipped (Enter alone).

    `again`: asked at the check-in after a "yes", in words that say so.
    """
    from resilience_cli.safety import NO, PREFER_NOT, YES, question

    answer = ask(question(again=again),
                 options=[Option("0", _("ask.no"), NO, "n"), Option("1", _("ask.yes"), YES, "y"),
                          Option("p", _("ask.safety.prefer_not"), PREFER_NOT)],
                 # Enter alone skips, as on every other question.
                 hint=_("ask.safety.hint"))
    return None if answer == SKIP else answer
