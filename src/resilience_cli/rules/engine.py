"""Pure: patterns in recent check-ins -> tips and signposts (DOMAIN.md, R1-R21).

Each rule is a small function of a RuleContext (recent check-ins, follow-ups,
safety answers, settings and an end date `to`) that returns a Finding when the
pattern is there (the "why", with the user's own numbers, and which case of its
words it needs), or None. The engine turns those into Items with the words from
data/tips.toml, chosen by that case, applies priority and silencing, and never
reads the clock, the database or the terminal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from resilience_cli.followups import WEEK4, FollowUp
from resilience_cli.frozen import Frozen
from resilience_cli.messages import _, _n
from resilience_cli.model import CheckIn, day_words, is_heavy, is_working
from resilience_cli.rules.content import silenceable as content_silenceable
from resilience_cli.rules.content import rule_texts
from resilience_cli.rules.thresholds import Thresholds
from resilience_cli.safety import SafetyAnswer, crisis_answer

# Support and crisis rules can never be silenced.
PRIORITY = {"R1": 0, "R2": 1, "R20": 1, "R5": 2}
# What is particular to a rule is declared here, as data, and the engine's code
# names no rule: a "yes" to the safety question (CRISIS) shows the crisis box
# and nothing but R4's words after a significant incident, which it must not hide.
CRISIS = "R1"
BESIDE_CRISIS = frozenset({CRISIS, "R4"})
HELPING = "R17"  # "something seems to be helping"
RESTS = "R5"  # after a check-in it rests once shown (R5_REST_DAYS)
# The windows rules read, in days. Most look at a week; a few patterns need longer.
WEEK = 7
NIGHTMARE_SPAN = 14  # R8's lasting branch
FOLLOWUP_SPAN = 14  # R5: a week-4 follow-up this recent
POOR_SLEEP_SPAN = 21  # R7's lasting branch
MEMORIES_SPAN = 28  # R5's sustained branch
TIPS_AFTER_CHECKIN = 2
# HELPING is never beside a support or crisis box, nor beside a tip about
# poor sleep, nightmares, memories or isolation.
R17_NOT_BESIDE = frozenset({"R7", "R8", "R9", "R12"})
# After a check-in, R5 rests this long once shown, unless the pattern worsens.
R5_REST_DAYS = 7
# How far back the engine reads: R5 looks at 28 days, R18 at the days before a gap.
HISTORY_DAYS = 90


class Item(Frozen):
    rule: str
    level: str  # tip | support | crisis
    title: str
    text: str
    why: str
    sources: tuple[str, ...]

    def to_dict(self) -> dict:
        return {"rule": self.rule, "level": self.level, "title": self.title,
                "text": self.text, "why": self.why, "sources": list(self.sources)}


class RuleContext(Frozen):
    to: dt.date
    records: Sequence[CheckIn]  # oldest first, none after `to`
    followups: Sequence[FollowUp] = ()
    safety: Sequence[SafetyAnswer] = ()
    thresholds: Thresholds = Thresholds()  # read-only: one default serves every context
    alcohol_question: bool = False
    supervision: dt.date | None = None
    # The real date, when it differs from `to`: a check-in for an earlier day,
    # or `tips --to`. Advice about "the first hours" depends on it.
    today: dt.date | None = None

    def at(self, day: dt.date) -> RuleContext:
        """The same journal seen from an earlier day."""
        iso = day.isoformat()
        return RuleContext(
            to=day, records=[r for r in self.records if r.date <= iso],
            followups=[f for f in self.followups if f.date <= iso],
            safety=[s for s in self.safety if s.date <= iso],
            thresholds=self.thresholds, alcohol_question=self.alcohol_question,
            supervision=self.supervision, today=self.today,
        )

    # -- windows (WEEK and the longer spans below: the days a rule reads and the
    # days its "why" names are the same number) ---------------------------

    def last_days(self, n: int) -> list[CheckIn]:
        """Check-ins in the n calendar days up to and including `to`."""
        since = (self.to - dt.timedelta(days=n - 1)).isoformat()
        return [r for r in self.records if since <= r.date <= self.to.isoformat()]

    def last_checkins(self, n: int, within: int = 14) -> list[CheckIn]:
        return self.last_days(within)[-n:]

    def last_working(self, n: int, within: int = 14) -> list[CheckIn]:
        return [r for r in self.last_days(within) if is_working(r)][-n:]

    def enough(self, records: Sequence[CheckIn] | None = None) -> bool:
        """The quiet rule: too little data in the window and a rule says nothing."""
        window = self.last_days(WEEK) if records is None else records
        return len(window) >= self.thresholds.min_checkins


class Finding(Frozen):
    """What a rule found: the "why", with the user's own numbers, and which of
    the rule's words it needs (a key the content knows: "" for the ordinary
    words, "later", "sustained", "shift" or "lasting")."""

    why: str
    variant: str = ""


RuleFn = Callable[[RuleContext], "Finding | None"]  # not a message: a type


def _count(records: Sequence[CheckIn], test: Callable[[CheckIn], bool]) -> int:
    return sum(1 for r in records if test(r))


def _days(n: int) -> str:
    return _n("rules.days", n)


# -- the rules -------------------------------------------------------------

def r1(ctx: RuleContext) -> Finding | None:
    if crisis_answer(ctx.safety, ctx.to):
        return Finding(_("rules.why.r1"))
    return None


def r2(ctx: RuleContext) -> Finding | None:
    t = ctx.thresholds
    last5 = [r for r in ctx.last_checkins(5) if r.mood is not None]
    low = _count(last5, lambda r: r.mood <= t.low_mood)  # type: ignore[operator]
    if low >= t.low_mood_checkins:
        return Finding(_("rules.why.r2_low", mood=t.low_mood, low=low, checkins=len(last5)))
    week = [r.mood for r in ctx.last_days(WEEK) if r.mood is not None]
    if len(week) >= t.min_checkins and sum(week) / len(week) <= t.low_mood_mean:
        return Finding(_("rules.why.r2_mean", mean=f"{sum(week) / len(week):.1f}", days=WEEK))
    return None


def r3(ctx: RuleContext) -> Finding | None:
    t = ctx.thresholds
    working = ctx.last_working(WEEK)
    if len(working) < t.min_checkins:
        return None
    heavy = [r for r in working if is_heavy(r)]
    # Low support counted on the exposure days themselves (DOMAIN.md), so
    # that "on 3 of them" is true.
    low = _count(heavy, lambda r: r.support is not None and r.support <= t.low_support)
    if len(heavy) >= t.exposure_days and low >= t.low_support_days:
        return Finding(_("rules.why.r3", heavy=len(heavy), working=len(working), support=t.low_support, low=low))
    return None


def r4(ctx: RuleContext) -> Finding | None:
    today = [r for r in ctx.records if r.date == ctx.to.isoformat()]
    if today and today[0].incident == "significant":
        return Finding(_("rules.why.r4", day=day_words(ctx.to)),
                       "later" if r4_later(ctx) else "")
    return None


def r4_later(ctx: RuleContext) -> bool:
    """The incident's day is past: a night shift's duty day is yesterday, so
    the first hours are past only from the day after that."""
    return ctx.today is not None and (ctx.today - ctx.to).days > 1


def r5_after_followup(ctx: RuleContext) -> FollowUp | None:
    """R5's first branch: a week-4 follow-up (4 weeks or more after a significant
    incident) in the last 14 days that found reactions still strong."""
    t = ctx.thresholds
    since = (ctx.to - dt.timedelta(days=FOLLOWUP_SPAN - 1)).isoformat()
    for f in reversed(ctx.followups):
        if f.kind == WEEK4 and not f.skipped and since <= f.date <= ctx.to.isoformat():
            if f.still_strong(t.followup_intrusions, t.followup_avoidance, t.followup_sleep_quality):
                return f
    return None


def r5_sustained(ctx: RuleContext) -> int:
    """R5's second branch: days with unwanted memories in the last 28, when there
    are that many and at least 21 of the 28 days were checked in; else 0."""
    t = ctx.thresholds
    month = ctx.last_days(MEMORIES_SPAN)
    if len(month) < t.lasting_checkin_days:
        return 0
    high = _count(month, lambda r: r.intrusions is not None and r.intrusions >= t.lasting_intrusions)
    return high if high >= t.lasting_intrusion_days else 0


def r5(ctx: RuleContext) -> Finding | None:
    found = r5_after_followup(ctx)
    if found is not None:
        incident = day_words(dt.date.fromisoformat(found.incident_date))
        return Finding(_("rules.why.r5_followup", incident=incident))
    high = r5_sustained(ctx)
    if high:
        return Finding(_("rules.why.r5_sustained", high=high, days=MEMORIES_SPAN),
                       "sustained")
    return None


def r5_strength(ctx: RuleContext) -> int:
    """How strong R5's pattern is: it shows again within its rest when this rises.

    The follow-up branch outranks the sustained one; within a branch, more
    days with memories is stronger.
    """
    if r5_after_followup(ctx) is not None:
        return 100
    return r5_sustained(ctx)


def _in_week(ctx: RuleContext, test: Callable[[CheckIn], bool], at_least: int) -> int | None:
    """How many of the last 7 days pass `test`, when that is `at_least`; None otherwise,
    and always None when the week has too little data (the quiet rule)."""
    week = ctx.last_days(WEEK)
    if not ctx.enough(week):
        return None
    found = _count(week, test)
    return found if found >= at_least else None


def r6(ctx: RuleContext) -> Finding | None:
    t = ctx.thresholds
    short = _in_week(ctx, lambda r: r.sleep_hours is not None and r.sleep_hours < t.short_sleep_hours,
                     t.short_sleep_nights)
    if short is not None:
        return Finding(_("rules.why.r6", hours=f"{t.short_sleep_hours:g}", short=short, nights=WEEK),
                       "shift" if r6_after_shifts(ctx) else "")
    return None


def r6_after_shifts(ctx: RuleContext) -> bool:
    t = ctx.thresholds
    return any(
        r.shift in ("night", "late")
        for r in ctx.last_days(WEEK)
        if r.sleep_hours is not None and r.sleep_hours < t.short_sleep_hours
    )


def r7(ctx: RuleContext) -> Finding | None:
    t = ctx.thresholds
    poor = _in_week(ctx, lambda r: r.sleep_quality is not None and r.sleep_quality <= t.poor_sleep_quality,
                    t.poor_sleep_nights)
    if poor is None:
        return None
    why = _("rules.why.r7", quality=t.poor_sleep_quality, poor=poor, nights=WEEK)
    lasting = r7_lasting(ctx)
    if lasting:
        return Finding(_("rules.why.r7_lasting", why=why, lasting=lasting, nights=POOR_SLEEP_SPAN), "lasting")
    return Finding(why)


def r7_lasting(ctx: RuleContext) -> int:
    t = ctx.thresholds
    poor = _count(ctx.last_days(POOR_SLEEP_SPAN),
                  lambda r: r.sleep_quality is not None and r.sleep_quality <= t.poor_sleep_quality)
    return poor if poor >= t.poor_sleep_nights_21 else 0


def r8(ctx: RuleContext) -> Finding | None:
    nights = _in_week(ctx, lambda r: r.nightmare is True, ctx.thresholds.nightmare_nights)
    if nights is None:
        return None
    why = _("rules.why.r8", nights=nights, week=WEEK)
    lasting = r8_lasting(ctx)
    if lasting:
        return Finding(_("rules.why.r8_lasting", why=why, lasting=lasting, nights=NIGHTMARE_SPAN), "lasting")
    return Finding(why)


def r8_lasting(ctx: RuleContext) -> int:
    nights = _count(ctx.last_days(NIGHTMARE_SPAN), lambda r: r.nightmare is True)
    return nights if nights >= ctx.thresholds.nightmare_nights_14 else 0


def r9(ctx: RuleContext) -> Finding | None:
    t = ctx.thresholds
    high = _in_week(ctx, lambda r: r.intrusions is not None and r.intrusions >= t.high_intrusions,
                    t.high_intrusion_days)
    if high is not None:
        return Finding(_("rules.why.r9", high=high, days=WEEK))
    return None


def r10(ctx: RuleContext) -> Finding | None:
    t = ctx.thresholds
    working = ctx.last_working(WEEK)
    if len(working) < t.min_checkins:
        return None
    low = _count(working, lambda r: r.switch_off is not None and r.switch_off <= t.low_switch_off)
    if low >= t.low_switch_off_days:
        return Finding(_("rules.why.r10", switch_off=t.low_switch_off, low=low, working=len(working)))
    return None


def r11(ctx: RuleContext) -> Finding | None:
    t = ctx.thresholds
    recent = ctx.last_checkins(7)
    if len(recent) < t.min_checkins:
        return None
    tired = _count(recent, lambda r: r.energy is not None and r.energy <= t.low_energy)
    heavy = _count(recent, lambda r: r.workload is not None and r.workload <= t.low_workload)
    if tired >= t.low_energy_checkins and heavy >= t.low_workload_days:
        return Finding(_("rules.why.r11", energy=t.low_energy, tired=tired, checkins=len(recent),
                         days=_days(heavy)))
    return None


def r12(ctx: RuleContext) -> Finding | None:
    t = ctx.thresholds
    recent = ctx.last_checkins(t.not_talked_checkins, within=2 * t.not_talked_checkins)
    if len(recent) == t.not_talked_checkins and all(r.talked is False for r in recent):
        return Finding(_("rules.why.r12_not_talked", checkins=len(recent)))
    span = ctx.last_days(t.no_people_days)
    answered = [r for r in span if r.recovery is not None]
    if (len(answered) >= t.min_checkins and len(span) >= t.no_people_days // 2
            and not any("people" in r.recovery for r in answered)):  # type: ignore[operator]
        return Finding(_("rules.why.r12_no_people", days=t.no_people_days))
    run = [r for r in ctx.last_days(t.low_support_run_days) if r.support is not None]
    if len(run) >= t.min_checkins and all(r.support <= t.low_support for r in run):  # type: ignore[operator]
        return Finding(_("rules.why.r12_low_support", support=t.low_support, days=t.low_support_run_days))
    return None


def r13(ctx: RuleContext) -> Finding | None:
    t = ctx.thresholds
    working = ctx.last_working(5)
    if len(working) < min(t.min_checkins, 5):
        return None
    graphic = _count(working, lambda r: r.graphic is True)
    if graphic >= t.graphic_days:
        return Finding(_("rules.why.r13", graphic=graphic, working=len(working)))
    return None


def r14(ctx: RuleContext) -> Finding | None:
    t = ctx.thresholds
    working = ctx.last_working(5)
    if len(working) < min(t.min_checkins, 5):
        return None
    hard = _count(working, lambda r: r.workload is not None and r.workload <= t.low_workload)
    if hard >= t.no_break_days:
        return Finding(_("rules.why.r14", hard=hard, working=len(working)))
    return None


def r15(ctx: RuleContext) -> Finding | None:
    if not ctx.alcohol_question:
        return None
    t = ctx.thresholds
    week = ctx.last_days(WEEK)
    if not ctx.enough(week):
        return None
    units = sum(r.alcohol_units or 0 for r in week)
    if units > t.weekly_units:
        return Finding(_("rules.why.r15_units", units=f"{units:g}", days=WEEK))
    drinking = _count(week, lambda r: (r.alcohol_units or 0) > 0)
    if drinking >= t.drinking_days:
        return Finding(_("rules.why.r15_days", drinking=drinking, days=WEEK))
    poor = _count(week, lambda r: (r.alcohol_units or 0) > 0 and r.sleep_quality is not None
                  and r.sleep_quality <= t.poor_sleep_quality)
    if poor >= t.drink_poor_sleep_nights:
        return Finding(_("rules.why.r15_poor_sleep", poor=poor, days=WEEK))
    return None


def r16(ctx: RuleContext) -> Finding | None:
    t = ctx.thresholds
    span = [r for r in ctx.last_days(t.no_exercise_days) if r.recovery is not None]
    if len(span) < t.min_checkins:
        return None
    if not any("exercise" in r.recovery for r in span):  # type: ignore[operator]
        return Finding(_("rules.why.r16", days=t.no_exercise_days))
    return None


def r17(ctx: RuleContext) -> Finding | None:
    t = ctx.thresholds
    week = ctx.last_days(WEEK)
    if not ctx.enough(week):
        return None
    good = _count(week, lambda r: (r.sleep_hours or 0) >= t.good_sleep_hours
                  and (r.switch_off or 0) >= t.good_switch_off and (r.support or 0) >= t.good_support)
    if good >= t.good_days:
        return Finding(_("rules.why.r17", good=good, days=WEEK, hours=f"{t.good_sleep_hours:g}"))
    return None


def r18(ctx: RuleContext) -> Finding | None:
    iso = ctx.to.isoformat()
    today = [r for r in ctx.records if r.date == iso]
    earlier = [r for r in ctx.records if r.date < iso]
    if not today or not earlier:
        return None
    before = earlier[-1].day
    away = (ctx.to - before).days - 1
    if away < ctx.thresholds.away_days:
        return None
    then = ctx.at(before)
    if r2(then) or r5(then) or r20(then):
        return Finding(_("rules.why.r18", away=away))
    return None


def r19(ctx: RuleContext) -> Finding | None:
    if ctx.supervision is None:
        return None
    ahead = (ctx.supervision - ctx.to).days
    if 0 <= ahead <= ctx.thresholds.supervision_days_ahead:
        if ahead == 0:
            return Finding(_("rules.why.r19_today"))
        return Finding(_("rules.why.r19", day=day_words(ctx.supervision)))
    return None


def r20(ctx: RuleContext) -> Finding | None:
    if r3(ctx) and (r6(ctx) or r7(ctx)) and (r9(ctx) or r12(ctx)):
        return Finding(_("rules.why.r20", days=WEEK))
    return None


def r21(ctx: RuleContext) -> Finding | None:
    t = ctx.thresholds
    working = ctx.last_working(WEEK)
    if len(working) < t.min_checkins:
        return None
    hostile = _count(working, lambda r: r.interactions is not None and r.interactions >= t.heavy_interactions)
    if hostile >= t.heavy_interaction_days:
        return Finding(_("rules.why.r21", hostile=hostile, working=len(working)))
    return None


RULES: dict[str, RuleFn] = {
    "R1": r1, "R2": r2, "R3": r3, "R4": r4, "R5": r5, "R6": r6, "R7": r7, "R8": r8,
    "R9": r9, "R10": r10, "R11": r11, "R12": r12, "R13": r13, "R14": r14, "R15": r15,
    "R16": r16, "R17": r17, "R18": r18, "R19": r19, "R20": r20, "R21": r21,
}


def _item(rule: str, found: Finding, ctx: RuleContext) -> Item:
    words = rule_texts()[rule]
    # Seeded by the day, so the words change from day to day.
    title, text = words.words(found.variant, ctx.to.toordinal())
    return Item(rule, words.level, title, text, found.why, words.citations())


def silenceable(rule: str) -> bool:
    """A rule of the engine that is a tip (content.silenceable decides which are)."""
    return rule in RULES and content_silenceable(rule)


def evaluate(ctx: RuleContext, silenced: dict[str, dt.date] | None = None) -> list[Item]:
    """Every item that applies on ctx.to, most important first.

    `silenced` maps a tip's rule to the last day it stays quiet. A "yes" to
    the safety question shows the crisis box, followed only by R4's words
    after a significant incident, which the crisis box must not hide.
    """
    silenced = silenced or {}
    items = []
    for rule, fn in RULES.items():
        until = silenced.get(rule)
        if until is not None and until >= ctx.to and silenceable(rule):
            continue
        found = fn(ctx)
        if found is not None:
            items.append(_item(rule, found, ctx))
    if any(i.rule == CRISIS for i in items):
        return [i for i in items if i.rule in BESIDE_CRISIS]
    if any(i.level != "tip" or i.rule in R17_NOT_BESIDE for i in items):
        items = [i for i in items if i.rule != HELPING]
    order = {rule: n for n, rule in enumerate(RULES)}
    level_rank = {"crisis": 0, "support": 1, "tip": 2}
    return sorted(items, key=lambda i: (PRIORITY.get(i.rule, 3), level_rank[i.level], order[i.rule]))


def r5_rests(last_shown: tuple[dt.date, int] | None, ctx: RuleContext) -> bool:
    """After a check-in, R5 once shown rests for 7 days unless its pattern worsens.

    `last_shown` is (the day it was last shown after a check-in, its strength then).
    """
    if last_shown is None:
        return False
    day, strength = last_shown
    return 0 <= (ctx.to - day).days < R5_REST_DAYS and r5_strength(ctx) <= strength


def after_checkin(items: Sequence[Item], *, r5_resting: bool = False) -> list[Item]:
    """After a check-in: every support or crisis box, and at most two tips.

    R5 is left out while it rests (`tips` always shows it).
    """
    items = [i for i in items if not (r5_resting and i.rule == RESTS)]
    boxes = [i for i in items if i.level != "tip"]
    tips = [i for i in items if i.level == "tip"][:TIPS_AFTER_CHECKIN]
    return boxes + tips
