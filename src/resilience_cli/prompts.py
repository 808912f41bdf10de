"""The interactive check-in: questionary flows that return answers and never save.

Every question can be skipped. Questions answered by a flag are not asked.
When a day is amended, its earlier answers are the defaults, so Enter keeps
them. Ctrl-C raises KeyboardInterrupt (we use `unsafe_ask`, because `ask`
would turn it into a silent None); the CLI turns it into "nothing was saved".
"""

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

SKIP = "skip"
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


def _skip_choice(amending: bool) -> Choice:
    # On an amended day, skipping keeps the earlier answer (the contract:
    # answers not given stay as they were).
    title = "skip (keep as it was)" if amending else "skip"
    return Choice(title, value=SKIP, shortcut_key="s")


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
    choices.append(_skip_choice(amending))
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
        _skip_choice(amending),
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


def confirm(question: str) -> bool:
    """A yes/no question whose default is no."""
    return bool(questionary.confirm(question, default=False).unsafe_ask())


def confirm_delete(day: dt.date) -> bool:
    return confirm(f"Delete your check-in for {day_words(day)}? This cannot be undone.")


def ask_safety() -> str | None:
    """The safety question, asked plainly and kindly. None when skipped."""
    from resilience_cli.safety import NO, PREFER_NOT, QUESTION, YES

    return questionary.select(
        QUESTION,
        choices=[
            Choice("no", value=NO, shortcut_key="n"),
            Choice("yes", value=YES, shortcut_key="y"),
            Choice("prefer not to say", value=PREFER_NOT, shortcut_key="p"),
        ],
        default=PREFER_NOT,
        use_shortcuts=True,
        instruction="(n, y or p, then Enter)",
    ).unsafe_ask()


FOLLOWUP_NOW, FOLLOWUP_LATER, FOLLOWUP_SKIP = "now", "later", "skip"


def ask_followup_consent(incident: dt.date, kind: str) -> str:
    when = "a few days" if kind == "day3" else "about four weeks"
    return questionary.select(
        f"It has been {when} since the significant incident on {day_words(incident)}. "
        "Five short questions about how things have been since?",
        choices=[
            Choice("yes, now", value=FOLLOWUP_NOW, shortcut_key="y"),
            Choice("not now (ask me next time)", value=FOLLOWUP_LATER, shortcut_key="l"),
            Choice("skip this follow-up", value=FOLLOWUP_SKIP, shortcut_key="s"),
        ],
        use_shortcuts=True,
        instruction="(y, l or s, then Enter)",
    ).unsafe_ask()


def ask_followup() -> dict[str, Any]:
    """The follow-up questions. Every one can be skipped (Enter)."""
    from resilience_cli.followups import AVOIDANCE_WORDS, TRIM_WORDS

    def scale(message: str, words: dict[int, str]) -> int | None:
        choices = [Choice(f"{v}  {w}".rstrip(), value=v, shortcut_key=str(v)) for v, w in words.items()]
        choices.append(_skip_choice(False))
        answer = questionary.select(message, choices=choices, default=SKIP, use_shortcuts=True,
                                    instruction="(a number, then Enter; Enter alone skips)").unsafe_ask()
        return None if answer == SKIP else answer

    answers: dict[str, Any] = {}
    answers["intrusions"] = scale(
        "Since the incident, how often have unwanted memories or pictures of it come to mind?",
        INTRUSION_WORDS)
    answers["sleep_quality"] = _typed_followup(
        "How well have you been sleeping since?", "(0 very poorly ... 10 very well; Enter to skip)")
    answers["avoidance"] = scale(
        "How much have you found yourself avoiding reminders of it?", AVOIDANCE_WORDS)
    answers["support"] = scale(
        "How supported have you felt since?", {0: "not at all", 1: "", 2: "", 3: "", 4: "very"})
    trim = questionary.select(
        "Were you offered TRiM, a care team or peer support after it?",
        choices=[Choice(w, value=k) for k, w in TRIM_WORDS.items()] + [_skip_choice(False)],
        default=SKIP,
    ).unsafe_ask()
    answers["trim"] = None if trim == SKIP else trim
    return answers


def _typed_followup(message: str, hint: str) -> int | None:
    def check(text: str) -> bool | str:
        if not text.strip():
            return True
        try:
            validate_answer("sleep_quality", text)
        except InvalidInput as exc:
            return exc.message.replace("sleep_quality", "sleep")
        return True

    text = questionary.text(message, validate=check, instruction=hint).unsafe_ask()
    return validate_answer("sleep_quality", text) if text.strip() else None


def ask_reflection(existing: Any, last_plan: str | None) -> dict[str, Any]:
    """The weekly reflection; earlier answers this week are the defaults."""
    from resilience_cli.reflection import QUESTIONS, SCALE_WORDS

    answers: dict[str, Any] = {}
    for name in ("helped", "harder"):
        current = getattr(existing, name, None) or ""
        text = questionary.text(QUESTIONS[name], default=current,
                                instruction="(no names or case details; Enter to skip)").unsafe_ask()
        answers[name] = text.strip() or None
    for name in ("connected", "worthwhile"):
        words = SCALE_WORDS[name]
        current = getattr(existing, name, None)
        choices = [Choice(f"{v}  {words.get(v, '')}".rstrip(), value=v, shortcut_key=str(v))
                   for v in range(5)] + [_skip_choice(existing is not None)]
        answer = questionary.select(QUESTIONS[name], choices=choices,
                                    default=SKIP if current is None else current, use_shortcuts=True,
                                    instruction="(a number, then Enter; Enter alone skips)").unsafe_ask()
        answers[name] = None if answer == SKIP else answer
    hint = f"(last week: {last_plan}; Enter to skip)" if last_plan else "(Enter to skip)"
    text = questionary.text(QUESTIONS["try_next"], default=getattr(existing, "try_next", None) or "",
                            instruction=hint).unsafe_ask()
    answers["try_next"] = text.strip() or None
    return answers


def ask_passphrase(message: str) -> str:
    return questionary.password(message).unsafe_ask()


def ask_new_passphrase() -> str:
    """Asked twice; a mismatch asks again."""
    while True:
        first = questionary.password("New passphrase (at least 8 characters):").unsafe_ask()
        second = questionary.password("The same passphrase again:").unsafe_ask()
        if first == second:
            return first
        print("Those two did not match; please try again.")


# -- the supervision summary -------------------------------------------------

KEEP, EDIT, DROP = "keep", "edit", "drop"


def keep_section(title: str) -> bool:
    answer = questionary.select(
        f"Include \"{title}\" in the summary?",
        choices=[Choice("yes, include it", value=True, shortcut_key="y"),
                 Choice("no, leave it out", value=False, shortcut_key="n")],
        use_shortcuts=True, instruction="(y or n, then Enter)",
    ).unsafe_ask()
    return bool(answer)


def pick_private_sections(options: dict[str, str], ticked: set[str]) -> set[str]:
    picked = questionary.checkbox(
        "These stay private unless you tick them. Add any to this summary?",
        choices=[Choice(title, value=key, checked=key in ticked) for key, title in options.items()],
        instruction="(Space to tick, Enter when done)",
    ).unsafe_ask()
    return set(picked or ())


def pick_requests(options: dict[str, str], ticked: tuple[str, ...]) -> tuple[list[str], str | None]:
    picked = questionary.checkbox(
        "What would you like from your manager or the organisation?",
        choices=[Choice(title, value=key, checked=key in ticked) for key, title in options.items()],
        instruction="(Space to tick, Enter when done)",
    ).unsafe_ask()
    other = questionary.text("Anything else, in your own words?", instruction="(Enter to skip)").unsafe_ask()
    return list(picked or ()), other.strip() or None


def edit_list(question: str, suggested: tuple[str, ...]) -> tuple[str, ...]:
    """A short list as one line, items separated by semicolons; the suggestion is the default."""
    text = questionary.text(
        question, default="; ".join(suggested),
        instruction="(edit freely; separate items with ;  no names or case details)",
    ).unsafe_ask()
    return tuple(part.strip() for part in text.split(";") if part.strip())


def review_action(text: str, statuses: tuple[str, ...]) -> str:
    return questionary.select(
        f"Last time you agreed: {text}. How has it gone?",
        choices=[Choice(s, value=s) for s in statuses],
    ).unsafe_ask()


def new_actions() -> tuple[str, ...]:
    found = []
    while True:
        text = questionary.text(
            "An action to agree at this supervision?" if not found else "Another action?",
            instruction="(Enter when there are no more)",
        ).unsafe_ask()
        if not text.strip():
            return tuple(found)
        found.append(text.strip())


def identifier_choice(where: str, text: str, problem: str) -> tuple[str, str]:
    """keep / edit / drop a line that may identify someone; returns (choice, text)."""
    choice = questionary.select(
        f"{where} may identify someone: {problem}.\n  \"{text}\"\n  What would you like to do?",
        choices=[Choice("edit it for this summary", value=EDIT, shortcut_key="e"),
                 Choice("leave it out of this summary", value=DROP, shortcut_key="d"),
                 Choice("keep it as it is", value=KEEP, shortcut_key="k")],
        use_shortcuts=True, use_jk_keys=False, instruction="(e, d or k, then Enter)",
    ).unsafe_ask()
    if choice == EDIT:
        return EDIT, questionary.text("Your words for the summary:", default=text).unsafe_ask().strip()
    return choice, text


def ask_pack(pack: Any, skip: set[str]) -> dict[str, Any]:
    """A pack's questions; Enter alone skips each."""
    answers: dict[str, Any] = {}
    for q in pack.questions:
        if q.id in skip:
            continue
        if q.type == "yesno":
            choices = [Choice("yes", value=True, shortcut_key="y"), Choice("no", value=False, shortcut_key="n")]
        else:
            choices = [
                Choice(f"{v}  {q.low if v == q.min else q.high if v == q.max else ''}".rstrip(), value=v,
                       shortcut_key=str(v) if q.max - q.min < 10 and 0 <= v <= 9 else None)
                for v in range(q.min, q.max + 1)
            ]
        choices.append(_skip_choice(False))
        answer = questionary.select(q.text, choices=choices, default=SKIP,
                                    use_shortcuts=q.type == "yesno" or q.max - q.min < 10,
                                    instruction="(a number or y/n, then Enter; Enter alone skips)").unsafe_ask()
        answers[q.id] = None if answer == SKIP else answer
    return answers
