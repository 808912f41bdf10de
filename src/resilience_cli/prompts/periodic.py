"""Follow-ups after an incident, the weekly reflection and question packs."""

from __future__ import annotations

import datetime as dt
from typing import Any

import questionary
from questionary import Choice

from resilience_cli.errors import InvalidInput
from resilience_cli.model import (
    INTRUSION_WORDS,
    day_words,
    validate_answer,
)
from resilience_cli.prompts.basics import SKIP, fit, skip_choice

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
        # Enter alone means "ask me next time", as Enter skips everywhere
        # else: someone skipping through is never dropped into five
        # questions about an incident.
        default=FOLLOWUP_LATER,
        use_shortcuts=True,
        instruction="(y, l or s, then Enter; Enter alone asks next time)",
    ).unsafe_ask()


def ask_followup() -> dict[str, Any]:
    """The follow-up questions. Every one can be skipped (Enter)."""
    from resilience_cli.followups import AVOIDANCE_WORDS, TRIM_WORDS

    def scale(message: str, words: dict[int, str]) -> int | None:
        choices = [Choice(f"{v}  {w}".rstrip(), value=v, shortcut_key=str(v)) for v, w in words.items()]
        choices.append(skip_choice(False))
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
        fit("Were you offered TRiM, a care team or peer support after it?"),
        choices=[Choice(w, value=k, shortcut_key=key)
                 for (k, w), key in zip(TRIM_WORDS.items(), ("u", "o", "n", "a"), strict=True)]
        + [skip_choice(False)],
        default=SKIP,
        use_shortcuts=True,
        instruction="(u, o, n or a, then Enter; Enter alone skips)",
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
                   for v in range(5)] + [skip_choice(existing is not None)]
        answer = questionary.select(QUESTIONS[name], choices=choices,
                                    default=SKIP if current is None else current, use_shortcuts=True,
                                    instruction="(a number, then Enter; Enter alone skips)").unsafe_ask()
        answers[name] = None if answer == SKIP else answer
    hint = f"(last week: {last_plan}; Enter to skip)" if last_plan else "(Enter to skip)"
    text = questionary.text(QUESTIONS["try_next"], default=getattr(existing, "try_next", None) or "",
                            instruction=hint).unsafe_ask()
    answers["try_next"] = text.strip() or None
    return answers



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
        choices.append(skip_choice(False))
        answer = questionary.select(q.text, choices=choices, default=SKIP,
                                    use_shortcuts=q.type == "yesno" or q.max - q.min < 10,
                                    instruction="(a number or y/n, then Enter; Enter alone skips)").unsafe_ask()
        answers[q.id] = None if answer == SKIP else answer
    return answers
