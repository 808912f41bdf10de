"""Pure: what a check-in calls for, before it is saved and after.

Before saving: whether to ask the safety question (and in which words), and
which follow-up after an incident is due. After saving: the confirmation's
averages, the tips and boxes to show, whether R5 now rests, whether the
distress box shows on its own, whether to offer the weekly reflection. The
CLI asks, saves once and renders what this module decides; no rule id is
hard-coded anywhere else.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from resilience_cli.followups import WEEK4, Due, FollowUp, due
from resilience_cli.frozen import Frozen
from resilience_cli.model import Answers, CheckIn
from resilience_cli.rules.engine import (
    Item,
    RuleContext,
    after_checkin,
    evaluate,
    r5_rests,
    r5_strength,
)
from resilience_cli.safety import YES, ask_again, distress_in, weekly_due

# Rules that offer the safety question (DOMAIN.md: R2 and R20 "offer the safety question").
OFFER_SAFETY = ("R2", "R20")
# Rules whose own box already gives a route to help: the distress box is not shown again.
ROUTES_TO_HELP = ("R1", "R2", "R20")
AVERAGED = ("sleep_hours", "sleep_quality", "mood", "energy")


def hurt_item() -> Item:
    """Said after a check-in that records being assaulted or hurt at work, beside any
    incident support (DOMAIN.md, "Hurt at work"): in our own words (guidance.hurt.*)."""
    from resilience_cli.messages import _

    return Item("hurt", "support", _("guidance.hurt.title"), _("guidance.hurt.text"),
                _("guidance.because_today"), ())


class Before(Frozen):
    """What to ask once the day's questions are answered, before anything is saved."""

    safety: bool  # ask the safety question
    again: bool  # in the words for "last time you said yes"
    followup: Due | None  # the follow-up due today, at most one


class After(Frozen):
    """What to show once the check-in is saved."""

    crisis_only: bool  # a yes to the safety question: the crisis box and nothing else but R4
    items: tuple[Item, ...]  # tips and boxes, in the order to show
    averages: dict[str, float | None]  # the person's 4-week averages, for the confirmation
    rest_r5: int | None  # R5 was shown: rest it at this strength
    distress_box: bool  # the answers show distress and no shown box gives a route to help
    offer_reflection: bool
    # Support boxes folded into the distress box (after an incident, say): one box, each contact once.
    folded: tuple[Item, ...] = ()
    hurt: bool = False  # assaulted or hurt at work: the words for it, beside the incident support


def prospective(before: RuleContext, day: dt.date, answers: Answers | Mapping[str, Any]) -> RuleContext:
    """The rule context as it will be once these answers are saved."""
    answers = Answers.of(answers)
    existing = next((r for r in before.records if r.date == day.isoformat()), None)
    record = existing.amended(answers, "") if existing else CheckIn(id="new", date=day.isoformat(),
                                                                    **answers.given)
    others = [r for r in before.records if r.date != day.isoformat()]
    return before.replace(records=sorted([*others, record], key=lambda r: r.date))


def before_saving(before: RuleContext, day: dt.date, answers: Answers | Mapping[str, Any], *,
                  safety_weekly: bool) -> Before:
    ctx = prospective(before, day, answers)
    record = next(r for r in ctx.records if r.date == day.isoformat())
    again = ask_again(ctx.safety, day)
    offered = any(i.rule in OFFER_SAFETY for i in evaluate(ctx))
    safety = again or distress_in(record) or offered or (safety_weekly and weekly_due(ctx.safety, day))
    found = due(ctx.records, ctx.followups, day)
    return Before(safety=safety, again=again, followup=found[0] if found else None)


def after_saving(ctx: RuleContext, record: CheckIn, *, safety_answer: str | None,
                 silenced: Any = (), r5_rest: tuple[dt.date, int] | None = None,
                 reflection_offered: bool = False, followup: FollowUp | None = None) -> After:
    """What to show. A person in distress (today's answers, or a four-week follow-up
    still strong) reads boxes only, no ordinary tip beside them; and when the
    distress box shows, the support boxes that would list the same contacts are
    folded into it."""
    from resilience_cli.insights import recent_average

    day = record.day
    if safety_answer == YES:
        return After(crisis_only=True, items=tuple(evaluate(ctx)), averages={}, rest_r5=None,
                     distress_box=False, offer_reflection=False)
    history: Sequence[CheckIn] = [r for r in ctx.records if r.date < record.date]
    items = tuple(after_checkin(evaluate(ctx, silenced), r5_resting=r5_rests(r5_rest, ctx)))
    distress = distress_in(record)
    t = ctx.thresholds
    still_strong = (followup is not None and not followup.skipped and followup.kind == WEEK4
                    and followup.still_strong(t.followup_intrusions, t.followup_avoidance,
                                              t.followup_sleep_quality))
    if distress or still_strong:
        items = tuple(i for i in items if i.level != "tip")
    if record.hurt:
        # Beside the incident support, in the same box when the distress box folds them in.
        items += (hurt_item(),)
    distress_box = distress and not any(i.rule in ROUTES_TO_HELP for i in items)
    folded = tuple(i for i in items if i.level == "support") if distress_box else ()
    return After(
        crisis_only=False,
        items=tuple(i for i in items if i not in folded),
        averages={name: recent_average(history, name, day) for name in AVERAGED},
        rest_r5=r5_strength(ctx) if any(i.rule == "R5" for i in items) else None,
        distress_box=distress_box,
        offer_reflection=reflection_offered,
        folded=folded,
        hurt=record.hurt is True,
    )
