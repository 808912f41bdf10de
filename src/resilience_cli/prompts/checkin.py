"""The daily check-in's questions, the duty-day question and the safety question."""

from __future__ import annotations

import datetime as dt
from typing import Any

import questionary
from questionary import Choice

from resilience_cli.errors import InvalidInput
from resilience_cli.model import (
    FIELD_SPECS,
    INCIDENT_WORDS,
    INTRUSION_WORDS,
    MATERIAL_WORDS,
    RECOVERY,
    RECOVERY_WORDS,
    SHIFT_WORDS,
    CheckIn,
    day_words,
    validate_answer,
)
from resilience_cli.prompts.basics import SKIP, confirm, fit, skip_choice

_NOTHING = "__nothing__"

# The questions, in our own words (DOMAIN.md, "The daily check-in").
QUESTIONS = {
    "shift": "What kind of day was it?",
    "incident": "Were you involved in, or did you witness, a distressing incident "
    "(violence, self-harm, a death, a serious threat)?",
    "material": "How much of your day involved distressing material or accounts "
    "(case files, statements, images or video, hearing what happened to someone)?",
    "graphic": "Did any of it include violent or graphic images or video?",
    "workload": "How manageable was your workload, and could you take the breaks you needed?",
    "sleep_hours": "About how many hours did you sleep in your last main sleep?",
    "sleep_quality": "How well did you sleep?",
    "nightmare": "Any upsetting dreams about work?",
    "intrusions": "Did unwanted memories or pictures from work come into your mind "
    "in your own time?",
    "switch_off": "How well could you switch off from work afterwards?",
    "mood": "Overall, how has your mood been?",
    "energy": "How much energy have you had?",
    "talked": "Did you talk to someone you trust about how work is affecting you?",
    "support": "How supported did you feel by your team or manager?",
    "recovery": "What did you do for yourself?",
    "alcohol_units": "About how many units of alcohol did you have?",
    "note": "Anything you want to remember? It stays private. "
    "Please leave out names and case details.",
    "raise_at_supervision": "Anything from today you want to raise at supervision?",
    "talking_point": "In a line, what would you like to raise?",
    "supported_colleague": "Did you support a colleague today?",
}

_WORDS_FOR_SELECT = {
    "shift": SHIFT_WORDS,
    "incident": INCIDENT_WORDS,
    "material": MATERIAL_WORDS,
    "intrusions": INTRUSION_WORDS,
}



def _select(name: str, default: Any, amending: bool) -> Any:
    spec = FIELD_SPECS[name]
    words = _WORDS_FOR_SELECT.get(name)
    if words is not None:
        keys = "123456789"
        choices = [
            Choice(text, value=value, shortcut_key=str(value) if isinstance(value, int) else keys[i])
            for i, (value, text) in enumerate(words.items())
        ]
    else:  # a 0-4 scale with words at its ends
        choices = [
            Choice(f"{value}  {spec.words.get(value, '')}".rstrip(), value=value,
                   shortcut_key=str(value))
            for value in range(int(spec.low), int(spec.high) + 1)  # type: ignore[arg-type]
        ]
    choices.append(skip_choice(amending))
    answer = questionary.select(
        QUESTIONS[name],
        choices=choices,
        # Enter alone skips, as it does for typed answers; on an amended day
        # the pointer starts on the earlier answer instead.
        default=SKIP if default is None else default,
        use_shortcuts=True,
        instruction="(a number or the arrow keys, then Enter; Enter alone skips)",
    ).unsafe_ask()
    return None if answer == SKIP else answer


def _yes_no(name: str, default: bool | None, amending: bool) -> bool | None:
    choices = [
        Choice("yes", value="yes", shortcut_key="y"),
        Choice("no", value="no", shortcut_key="n"),
        skip_choice(amending),
    ]
    answer = questionary.select(
        QUESTIONS[name],
        choices=choices,
        default=SKIP if default is None else ("yes" if default else "no"),
        use_shortcuts=True,
        instruction="(y or n, then Enter; Enter alone skips)",
    ).unsafe_ask()
    return {"yes": True, "no": False}.get(answer)


def _typed(name: str, default: Any, hint: str) -> Any:
    """A free-typed answer: a number or text. Empty input skips."""

    def check(text: str) -> bool | str:
        if not text.strip():
            return True
        try:
            validate_answer(name, text)
        except InvalidInput as exc:
            return exc.message
        return True

    shown = "" if default is None else _format_default(default)
    text = questionary.text(
        QUESTIONS[name], default=shown, validate=check, instruction=hint
    ).unsafe_ask()
    if not text.strip():
        return None
    return validate_answer(name, text)


def _format_default(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _recovery(default: tuple[str, ...] | None) -> tuple[str, ...] | None:
    checked = set(default or ())
    choices = [
        Choice(RECOVERY_WORDS[item], value=item, checked=item in checked) for item in RECOVERY
    ]
    choices.append(Choice("nothing today", value=_NOTHING, checked=default == ()))
    picked = questionary.checkbox(
        QUESTIONS["recovery"],
        choices=choices,
        instruction="(Space to tick, Enter when done; nothing ticked skips)",
    ).unsafe_ask()
    if not picked:
        return None
    return validate_answer("recovery", [p for p in picked if p != _NOTHING])


def ask_region() -> str | None:
    """Asked once, in the welcome: which nation's urgent mental health line to show.

    Enter alone keeps England, the default; None when that is the answer.
    """
    from resilience_cli.contacts import DEFAULT_REGION

    names = {"england": "England", "wales": "Wales", "scotland": "Scotland",
             "northern-ireland": "Northern Ireland"}
    answer = questionary.select(
        fit("Where in the UK do you live? It picks the right urgent mental health line for you."),
        choices=[Choice(name, value=key, shortcut_key=str(n))
                 for n, (key, name) in enumerate(names.items(), start=1)],
        default=DEFAULT_REGION,
        use_shortcuts=True,
        instruction="(1 to 4, then Enter; Enter alone keeps England)",
    ).unsafe_ask()
    return None if answer == DEFAULT_REGION else answer


def ask_duty_day(today: dt.date) -> dt.date:
    """In the small hours, ask whether this is for the shift that began yesterday."""
    yesterday = today - dt.timedelta(days=1)
    return questionary.select(
        "Which duty day is this check-in for?",
        choices=[
            Choice(f"the shift that began yesterday, {day_words(yesterday)}", value=yesterday),
            Choice(f"today, {day_words(today)}", value=today),
        ],
        default=yesterday,
    ).unsafe_ask()


def ask_checkin(
    existing: CheckIn | None, given: dict[str, Any], *, ask_alcohol: bool, ask_colleague: bool = False
) -> dict[str, Any]:
    """Ask every question the flags left open. Returns validated answers (None = skipped)."""
    amending = existing is not None
    answers: dict[str, Any] = dict(given)

    def default(name: str) -> Any:
        return getattr(existing, name) if existing is not None else None

    def open_(name: str) -> bool:
        return given.get(name) is None

    for name in ("shift", "incident", "material"):
        if open_(name):
            answers[name] = _select(name, default(name), amending)
    material = answers.get("material")
    if material is None:
        material = default("material")
    if open_("graphic") and material:
        answers["graphic"] = _yes_no("graphic", default("graphic"), amending)
    if open_("workload"):
        answers["workload"] = _select("workload", default("workload"), amending)
    if open_("sleep_hours"):
        answers["sleep_hours"] = _typed("sleep_hours", default("sleep_hours"),
                                        "(hours, e.g. 6.5; Enter to skip)")
    if open_("sleep_quality"):
        answers["sleep_quality"] = _typed("sleep_quality", default("sleep_quality"),
                                          "(0 very poorly ... 10 very well; Enter to skip)")
    if open_("nightmare"):
        answers["nightmare"] = _yes_no("nightmare", default("nightmare"), amending)
    if open_("intrusions"):
        answers["intrusions"] = _select("intrusions", default("intrusions"), amending)
    if open_("switch_off"):
        answers["switch_off"] = _select("switch_off", default("switch_off"), amending)
    if open_("mood"):
        answers["mood"] = _typed("mood", default("mood"),
                                 "(0 very low ... 10 very good; Enter to skip)")
    if open_("energy"):
        answers["energy"] = _typed("energy", default("energy"),
                                   "(0 running on empty ... 10 full of energy; Enter to skip)")
    if open_("talked"):
        answers["talked"] = _yes_no("talked", default("talked"), amending)
    if open_("support"):
        answers["support"] = _select("support", default("support"), amending)
    if ask_colleague and open_("supported_colleague"):
        answers["supported_colleague"] = _yes_no("supported_colleague", default("supported_colleague"), amending)
    if open_("recovery"):
        answers["recovery"] = _recovery(default("recovery"))
    if ask_alcohol and open_("alcohol_units"):
        answers["alcohol_units"] = _typed("alcohol_units", default("alcohol_units"),
                                          "(a number, 0 for none; Enter to skip)")
    if open_("note"):
        answers["note"] = _typed("note", default("note"), "(Enter to skip)")
    if open_("raise_at_supervision"):
        answers["raise_at_supervision"] = _yes_no(
            "raise_at_supervision", default("raise_at_supervision"), amending
        )
    if answers.get("raise_at_supervision") and open_("talking_point"):
        answers["talking_point"] = _typed("talking_point", default("talking_point"),
                                          "(a line; no names or case details; Enter to skip)")
    return answers



def confirm_delete(day: dt.date) -> bool:
    return confirm(f"Delete your check-in for {day_words(day)}? This cannot be undone.")


def ask_safety(*, again: bool = False) -> str | None:
    """The safety question, asked plainly and kindly. None when skipped (Enter alone).

    `again`: asked at the check-in after a "yes", in words that say so.
    """
    from resilience_cli.safety import AGAIN, NO, PREFER_NOT, QUESTION, YES

    answer = questionary.select(
        fit(AGAIN if again else QUESTION),
        choices=[
            Choice("no", value=NO, shortcut_key="n"),
            Choice("yes", value=YES, shortcut_key="y"),
            Choice("prefer not to say", value=PREFER_NOT, shortcut_key="p"),
            skip_choice(False),
        ],
        # Enter alone skips, as on every other question.
        default=SKIP,
        use_shortcuts=True,
        instruction="(n, y, p or s, then Enter; Enter alone skips)",
    ).unsafe_ask()
    return None if answer == SKIP else answer
