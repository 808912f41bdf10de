"""Follow-ups after an incident, the weekly reflection and question packs."""

from __future__ import annotations

import datetime as dt
from typing import Any

from resilience_cli.errors import InvalidInput
from resilience_cli.model import (
    INTRUSION_WORDS,
    day_words,
    validate_answer,
)
from resilience_cli.prompts.question import SKIP, Option, ask

FOLLOWUP_NOW, FOLLOWUP_LATER, FOLLOWUP_SKIP = "now", "later", "skip"
_SKIP_IT = "skip this one"  # the answer "no", apart from the question's own skip (Enter)


def ask_followup_consent(incident: dt.date, kind: str) -> str:
    when = "a few days" if kind == "day3" else "about four weeks"
    answer = ask(
        f"It has been {when} since the significant incident on {day_words(incident)}. "
        "Five short questions about how things have been since?",
        options=[Option("1", "yes, now", FOLLOWUP_NOW, "y"),
                 Option("0", "no, skip this follow-up", _SKIP_IT, "n")],
        # Enter alone means "ask me next time", as Enter skips everywhere
        # else: someone skipping through is never dropped into five
        # questions about an incident.
        skip_title="not now (ask me next time)", skip_words="not now (ask me next time)",
        hint="1 or y: yes, now; 0 or n: skip it; Enter or s: not now, ask me next time",
    )
    return {SKIP: FOLLOWUP_LATER, _SKIP_IT: FOLLOWUP_SKIP}.get(answer, answer)


def ask_followup() -> dict[str, Any]:
    """The follow-up questions. Every one can be skipped (Enter)."""
    from resilience_cli.followups import AVOIDANCE_WORDS, TRIM_WORDS

    def scale(message: str, words: dict[int, str]) -> int | None:
        options = [Option(str(v), w, v) for v, w in words.items()]  # the key shown once, beside the words
        answer = ask(message, options=options, hint=f"0 to {len(options) - 1}; Enter skips")
        return None if answer == SKIP else answer

    answers: dict[str, Any] = {}
    answers["intrusions"] = scale(
        "Since the incident, how often have unwanted memories or pictures of it come to mind?",
        INTRUSION_WORDS)
    sleep = ask("How well have you been sleeping since?", typed=lambda t: validate_answer("sleep_quality", t),
                hint="0 very poorly ... 10 very well; Enter skips")
    answers["sleep_quality"] = None if sleep == SKIP else sleep
    answers["avoidance"] = scale(
        "How much have you found yourself avoiding reminders of it?", AVOIDANCE_WORDS)
    answers["support"] = scale(
        "How supported have you felt since?", {0: "not at all", 1: "", 2: "", 3: "", 4: "very"})
    trim = ask("Were you offered TRiM, a care team or peer support after it?",
               options=[Option(key, w, k)
                        for (k, w), key in zip(TRIM_WORDS.items(), ("u", "o", "n", "a"), strict=True)],
               hint="u, o, n or a; Enter skips")
    answers["trim"] = None if trim == SKIP else trim
    return answers


def ask_reflection(existing: Any, last_plan: str | None) -> dict[str, Any]:
    """The weekly reflection; earlier answers this week are the defaults."""
    from resilience_cli.reflection import QUESTIONS, SCALE_WORDS

    def text(name: str, hint: str) -> str | None:
        current = getattr(existing, name, None) or ""
        answer = ask(QUESTIONS[name], typed=lambda t: t, default_text=current, hint=hint)
        return None if answer == SKIP else answer.strip() or None

    answers: dict[str, Any] = {}
    for name in ("helped", "harder"):
        answers[name] = text(name, "no names or case details; Enter skips")
    for name in ("connected", "worthwhile"):
        words = SCALE_WORDS[name]
        current = getattr(existing, name, None)
        options = [Option(str(v), words.get(v, ""), v) for v in range(5)]
        answer = ask(QUESTIONS[name], options=options, pointer=None if current is None else current,
                     skip_title="keep as it was" if existing is not None else "skip",
                     hint="0 to 4; Enter skips" if current is None else "0 to 4; Enter keeps the earlier answer")
        answers[name] = current if answer == SKIP and existing is not None else None if answer == SKIP else answer
    answers["proud"] = text("proud", "optional; no names or case details; Enter skips")
    answers["try_next"] = text("try_next", f"last week: {last_plan}; Enter skips" if last_plan else "Enter skips")
    return answers


def ask_pack(pack: Any, skip: set[str]) -> dict[str, Any]:
    """A pack's questions; Enter alone skips each. The same keys as the check-in."""
    answers: dict[str, Any] = {}
    for q in pack.questions:
        if q.id in skip:
            continue
        if q.type == "yesno":
            answer = ask(q.text, options=[Option("0", "no", False, "n"), Option("1", "yes", True, "y")],
                         hint="0 or n for no, 1 or y for yes; Enter skips")
        elif q.max - q.min < 10 and q.min >= 0:
            options = [Option(str(v), q.low if v == q.min else q.high if v == q.max else "", v)
                       for v in range(q.min, q.max + 1)]
            answer = ask(q.text, options=options, hint=f"{q.min} to {q.max}; Enter skips")
        else:
            answer = ask(q.text, typed=lambda t, q=q: _pack_number(q, t),
                         hint=f"{q.min} {q.low} ... {q.max} {q.high}; Enter skips")
        answers[q.id] = None if answer == SKIP else answer
    return answers


def _pack_number(q: Any, text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise InvalidInput(f"Give a whole number from {q.min} to {q.max}.") from None
    if not q.min <= value <= q.max:
        raise InvalidInput(f"Give a whole number from {q.min} to {q.max}.")
    return value
