"""Follow-ups after an incident, the weekly reflection and question packs."""

from __future__ import annotations

import datetime as dt
from typing import Any

from resilience_cli.errors import InvalidInput
from resilience_cli.messages import _
from resilience_cli.model import (
    INTRUSION_WORDS,
    day_words,
    validate_answer,
)
from resilience_cli.prompts.question import SKIP, Option, ask

FOLLOWUP_NOW, FOLLOWUP_LATER, FOLLOWUP_SKIP = "now", "later", "skip"
# The answer "no", apart from the question's own skip (Enter): a value, never shown.
_SKIP_IT = "skip this one"  # not a message: an answer's value, never shown


def ask_followup_consent(incident: dt.date, kind: str) -> str:
    day = day_words(incident)
    later = _("periodic.followup.consent.later")
    answer = ask(
        _("periodic.followup.consent.few_days", day=day) if kind == "day3"
        else _("periodic.followup.consent.four_weeks", day=day),
        options=[Option("1", _("periodic.followup.consent.yes"), FOLLOWUP_NOW, "y"),
                 Option("0", _("periodic.followup.consent.no"), _SKIP_IT, "n")],
        # Enter alone means "ask me next time", as Enter skips everywhere
        # else: someone skipping through is never dropped into five
        # questions about an incident.
        skip_title=later, skip_words=later,
        hint=_("periodic.followup.consent.hint"),
    )
    return {SKIP: FOLLOWUP_LATER, _SKIP_IT: FOLLOWUP_SKIP}.get(answer, answer)


def ask_followup() -> dict[str, Any]:
    """The follow-up questions. Every one can be skipped (Enter)."""
    from resilience_cli.followups import AVOIDANCE_WORDS, TRIM_WORDS

    def scale(message: str, words: dict[int, str]) -> int | None:
        options = [Option(str(v), w, v) for v, w in words.items()]  # the key shown once, beside the words
        answer = ask(message, options=options, hint=_("periodic.followup.scale_hint", top=len(options) - 1))
        return None if answer == SKIP else answer

    answers: dict[str, Any] = {}
    answers["intrusions"] = scale(_("periodic.followup.intrusions"), INTRUSION_WORDS)
    sleep = ask(_("periodic.followup.sleep"), typed=lambda t: validate_answer("sleep_quality", t),
                hint=_("periodic.followup.sleep_hint"))
    answers["sleep_quality"] = None if sleep == SKIP else sleep
    answers["avoidance"] = scale(_("periodic.followup.avoidance"), AVOIDANCE_WORDS)
    answers["support"] = scale(
        _("periodic.followup.support"),
        {0: _("periodic.followup.support.none"), 1: "", 2: "", 3: "", 4: _("periodic.followup.support.full")})
    trim = ask(_("periodic.followup.trim"),
               options=[Option(key, w, k)
                        for (k, w), key in zip(TRIM_WORDS.items(), ("u", "o", "n", "a"), strict=True)],
               hint=_("periodic.followup.trim_hint"))
    answers["trim"] = None if trim == SKIP else trim
    return answers


def ask_reflection(existing: Any, last_plan: str | None) -> dict[str, Any]:
    """The weekly reflection; earlier answers this week are the defaults."""
    from resilience_cli.reflection import question, scale_words

    def text(name: str, hint: str) -> str | None:
        current = getattr(existing, name, None) or ""
        answer = ask(question(name), typed=lambda t: t, default_text=current, hint=hint)
        return None if answer == SKIP else answer.strip() or None

    answers: dict[str, Any] = {}
    for name in ("helped", "harder"):
        answers[name] = text(name, _("reflection.hint.text"))
    for name in ("connected", "worthwhile"):
        words = scale_words(name)
        current = getattr(existing, name, None)
        options = [Option(str(v), words.get(v, ""), v) for v in range(5)]
        # Amending: Enter keeps the earlier answer; else the question's own skip.
        keep = {"skip_title": _("reflection.keep")} if existing is not None else {}
        answer = ask(question(name), options=options, pointer=None if current is None else current,
                     hint=_("reflection.hint.scale") if current is None else _("reflection.hint.scale_keep"),
                     **keep)
        answers[name] = current if answer == SKIP and existing is not None else None if answer == SKIP else answer
    answers["proud"] = text("proud", _("reflection.hint.proud"))
    answers["try_next"] = text("try_next", _("reflection.hint.try_next", plan=last_plan) if last_plan
                               else _("reflection.hint.skip"))
    return answers


def ask_pack(pack: Any, skip: set[str]) -> dict[str, Any]:
    """A pack's questions; Enter alone skips each. The same keys as the check-in."""
    answers: dict[str, Any] = {}
    for q in pack.questions:
        if q.id in skip:
            continue
        if q.type == "yesno":
            answer = ask(q.text, options=[Option("0", _("periodic.pack.no"), False, "n"),
                                          Option("1", _("periodic.pack.yes"), True, "y")],
                         hint=_("periodic.pack.yesno_hint"))
        elif q.max - q.min < 10 and q.min >= 0:
            options = [Option(str(v), q.low if v == q.min else q.high if v == q.max else "", v)
                       for v in range(q.min, q.max + 1)]
            answer = ask(q.text, options=options, hint=_("periodic.pack.scale_hint", min=q.min, max=q.max))
        else:
            answer = ask(q.text, typed=lambda t, q=q: _pack_number(q, t),
                         hint=_("periodic.pack.number_hint", min=q.min, low=q.low, max=q.max, high=q.high))
        answers[q.id] = None if answer == SKIP else answer
    return answers


def _pack_number(q: Any, text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise InvalidInput(_("periodic.pack.whole_number", min=q.min, max=q.max)) from None
    if not q.min <= value <= q.max:
        raise InvalidInput(_("periodic.pack.whole_number", min=q.min, max=q.max))
    return value
