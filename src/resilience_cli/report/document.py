"""Pure: the supervision summary as one document, built from records and choices.

Every format (Markdown, text, HTML, PDF) renders this same document, so they
never disagree. What stays private unless the user includes it: notes,
day-by-day values, alcohol, and unwanted-memory and dream detail. What is
never in it, whatever the options: safety answers, crisis boxes, and which
rules fired (none of those are even passed in).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from resilience_cli.contacts import DISCLAIMER
from resilience_cli.followups import AVOIDANCE_WORDS, DAY3, WEEK4, FollowUp
from resilience_cli.insights import ARROWS, Change, Window, comparisons, is_heavy, stats
from resilience_cli.model import (
    INTRUSION_WORDS,
    LEVEL_WORDS,
    SHIFT_WORDS,
    CheckIn,
    clean_text,
    day_words,
)
from resilience_cli.reflection import Reflection
from resilience_cli.supervision import TO_DISCUSS, Action, PastSummary

STATEMENT = (
    "This is a self-reported reflection, shared voluntarily. It is not a clinical "
    "assessment, and it is not for attendance or performance management."
)
# Said in the header and when the file is written: the officer decides what to
# share knowing where a shared summary can go.
SHARED_RECORD = (
    "Once given to a manager, this summary may be kept by the employer and could be "
    "disclosed like any other work record, so notes about incidents are best left out."
)
OPTIONAL = ("notes", "daily", "alcohol", "intrusions", "packs", "mood", "incident", "reflection")
REQUESTS = {
    "workload_review": "A review of my workload",
    "protected_breaks": "Protected breaks",
    "rotation": "Rotation or pacing away from graphic material",
    "reflective_session": "A reflective session or TRiM follow-up",
    "occupational_health": "An occupational health referral",
    "training": "Training",
    "flexible_working": "Flexible working",
    "nothing": "Nothing right now",
}
DEFAULT_DAYS = 28
MARKED_TO_RAISE = "a day marked to raise"


@dataclass(frozen=True)
class Choices:
    include: frozenset[str] = frozenset()
    dropped: frozenset[str] = frozenset()
    # None: not reviewed by the officer, so the document shows the check-ins'
    # observations, marked as suggestions; a tuple: the officer's own list.
    helped: tuple[str, ...] | None = None
    harder: tuple[str, ...] | None = None
    requests: tuple[str, ...] = ()
    request_other: str | None = None
    progress: tuple[Action, ...] = ()  # last time's actions, with their status now
    new_actions: tuple[str, ...] = ()  # proposed now: "to discuss" until agreed at a later review
    left_out: frozenset[str] = frozenset()  # keys of the officer's words to leave out (see Shared)
    edits: tuple[tuple[str, str], ...] = ()  # (key, new words): changed for this summary only

    def edited(self, key: str, text: str | None) -> str | None:
        return dict(self.edits).get(key, text)


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    paragraphs: tuple[str, ...] = ()
    bullets: tuple[str, ...] = ()
    table: tuple[tuple[str, ...], ...] = ()  # the first row is the header


@dataclass(frozen=True)
class Chart:
    """One column of the week-by-week table, drawn as bars in HTML and PDF."""

    id: str
    title: str
    unit: str
    labels: tuple[str, ...]  # one per week
    values: tuple[float | None, ...]
    top: float
    marked: tuple[bool, ...] = ()  # weeks with a significant incident


@dataclass(frozen=True)
class Document:
    title: str
    period_from: dt.date
    period_to: dt.date
    checkins: int
    statement: str
    disclaimer: str
    sections: tuple[Section, ...]
    charts: tuple[Chart, ...] = field(default_factory=tuple)  # drawn after the "weekly" section
    shared_record: str = SHARED_RECORD

    @property
    def period_words(self) -> str:
        return f"{day_words(self.period_from)} to {day_words(self.period_to)}"

    def section(self, sid: str) -> Section | None:
        return next((s for s in self.sections if s.id == sid), None)


def default_period(today: dt.date, previous: PastSummary | None) -> tuple[dt.date, dt.date]:
    """From the day after the last summary (or four weeks back) to today."""
    if previous is not None:
        start = dt.date.fromisoformat(previous.period_to) + dt.timedelta(days=1)
        if start <= today:
            return start, today
    return today - dt.timedelta(days=DEFAULT_DAYS - 1), today


# -- bands and arrows ---------------------------------------------------------

def band(name: str, mean: float) -> str:
    if name == "sleep_hours":
        return "short" if mean < 6 else "a little short" if mean < 7 else "7 hours or more"
    if name in ("sleep_quality", "energy", "mood"):
        return "low" if mean < 4 else "middling" if mean < 7 else "high"
    return "low" if mean < 1.5 else "middling" if mean < 2.5 else "high"


def figure(name: str, mean: float) -> str:
    """An average with its band: '5.4 h a night (short)', '2.1 of 4 (middling)'."""
    if name == "sleep_hours":
        return f"{mean:.1f} h a night ({band(name, mean)})"
    top = 10 if name in ("sleep_quality", "energy", "mood") else 4
    return f"{mean:.1f} of {top} ({band(name, mean)})"


_ARROW_WORDS = {"up": "higher than before", "down": "lower than before", "same": "about the same as before"}


def arrow(name: str, now: float | None, before: float | None) -> str:
    """'↓ lower than before': the change the trends show (insights.Change), in the summary's words."""
    if now is None or before is None:
        return "no earlier period to compare"
    direction = Change.between(name, now, before).direction
    return f"{ARROWS[direction]} {_ARROW_WORDS[direction]}"


SNAPSHOT = (
    ("workload", "Workload felt manageable"),
    ("sleep_hours", "Sleep"),
    ("sleep_quality", "Sleep quality"),
    ("switch_off", "Switching off after work"),
    ("energy", "Energy"),
    ("support", "Felt supported"),
)
MATERIAL_BANDS = {0: "none", 1: "a little (under 1 hour)", 2: "some (1 to 3 hours)", 3: "a lot (over 3 hours)"}
# Heaviest first: the heaviest level that occurred is never hidden behind a commoner one.
# Heaviest first: the heaviest level is never hidden.
LEVELS = tuple(sorted(LEVEL_WORDS.items(), reverse=True))


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def _weeks_of(days: Sequence[dt.date], window: Window) -> str:
    labels = sorted({_week_label(_week_start(d, window)) for d in days}, key=lambda x: x[0])
    names = [label for _, label in labels]
    if len(names) == 1:
        return f"week of {names[0]}"
    return "weeks of " + ", ".join(names[:-1]) + f" and {names[-1]}"


def _week_start(day: dt.date, window: Window) -> dt.date:
    """The first day of the summary's week (weeks run from the period's first day) holding `day`."""
    return window.start + dt.timedelta(days=7 * ((day - window.start).days // 7))


def _week_label(start: dt.date) -> tuple[dt.date, str]:
    return start, f"{start.day} {start:%b}"


def _incidents(inside: Sequence[CheckIn], window: Window) -> str:
    parts = []
    for level in ("significant", "minor"):
        days = [r.day for r in inside if r.incident == level]
        if days:
            parts.append(f"{len(days)} {level} ({_weeks_of(days, window)})")
    return "; ".join(parts) or "none"


def _levels(inside: Sequence[CheckIn], name: str) -> str | None:
    """Days at every level answered, heaviest first: the heaviest is never hidden."""
    counts = Counter(getattr(r, name) for r in inside if getattr(r, name) is not None)
    if not counts:
        return None
    return "; ".join(f"{words}: {_days(counts[level])}" for level, words in LEVELS if counts[level])


def _snapshot(inside: Sequence[CheckIn], before: Sequence[CheckIn], window: Window) -> Section:
    rows: list[tuple[str, ...]] = [("", "In this period", "Compared with the period before")]
    incidents = sum(r.incident in ("minor", "significant") for r in inside)
    rows.append(("Distressing incidents", _incidents(inside, window),
                 arrow("incidents", incidents,
                       sum(r.incident in ("minor", "significant") for r in before) if before else None)))
    material = _levels(inside, "material")
    if material:
        rows.append(("Distressing material", material,
                     arrow("material", stats(inside, "material").mean, stats(before, "material").mean
                           if before else None)))
    graphic = sum(bool(r.graphic) for r in inside)
    if graphic:
        rows.append(("Graphic images or video", f"on {_days(graphic)}", ""))
    # By number only: which days, and what happened, are the officer's to tell.
    hurt = sum(r.hurt is True for r in inside)
    if hurt:
        rows.append(("Assaulted or physically hurt at work", f"on {_days(hurt)}", ""))
    hostile = _levels(inside, "interactions")
    if hostile:
        rows.append(("Hostile or distressing interactions", hostile,
                     arrow("interactions", stats(inside, "interactions").mean,
                           stats(before, "interactions").mean if before else None)))
    for name, label in SNAPSHOT:
        now = stats(inside, name)
        if not now.count:
            continue
        then = stats(before, name)
        rows.append((label, figure(name, now.mean),  # type: ignore[arg-type]
                     arrow(name, now.mean, then.mean if then.count >= 3 else None)))
    return Section("snapshot", "How the period has looked", table=tuple(rows))


# -- suggestions from the data ------------------------------------------------
# Observations, in neutral words: they become the officer's own only when the
# officer keeps or edits them.

RECOVERY_PHRASES = {
    "exercise": "exercise", "outdoors": "time outdoors", "people": "time with people",
    "hobby": "a hobby or something absorbing", "wind_down": "a wind-down routine after work",
    "rest": "rest", "other": "other time for themselves",
}
SUGGESTED_HELPING = "What may have been helping (suggested from the check-ins, not reviewed)"
SUGGESTED_HARDER = "What may have been harder (suggested from the check-ins, not reviewed)"


def suggest_helping(records: Sequence[CheckIn], window: Window) -> tuple[str, ...]:
    out = []
    counts = Counter(item for r in window.select(records) for item in (r.recovery or ()))
    for item, n in counts.most_common(3):
        phrase = RECOVERY_PHRASES[item]
        out.append(f"{phrase[0].upper()}{phrase[1:]} (on {_days(n)})")
    for c in comparisons(records, window):
        if c.id == "mood_when_talked" and c.difference >= 0.5:
            out.append("Talking to someone trusted: mood was higher on days with a talk")
        if c.id == "mood_with_exercise" and c.difference >= 0.5:
            out.append("Exercise: mood was higher on days with exercise")
    inside = window.select(records)
    good_sleep = sum(1 for r in inside if (r.sleep_hours or 0) >= 7)
    if inside and good_sleep >= len(inside) / 2:
        out.append(f"Sleep of 7 hours or more (on {_days(good_sleep)})")
    return tuple(out)


def suggest_harder(records: Sequence[CheckIn], window: Window, include: frozenset[str]) -> tuple[str, ...]:
    inside = window.select(records)
    out = []
    heavy = sum(is_heavy(r) for r in inside)
    if heavy:
        out.append("Heavy exposure (an incident, an hour or more of distressing material, or some or a lot "
                   f"of hostile or distressing interactions) on {_days(heavy)}")
    short = sum(1 for r in inside if r.sleep_hours is not None and r.sleep_hours < 6)
    if short:
        out.append(f"Sleep under 6 hours on {short} {'night' if short == 1 else 'nights'}")
    nights = [r for r in inside if r.shift == "night"]
    if nights:
        out.append(f"{len(nights)} {SHIFT_WORDS['night']}{'' if len(nights) == 1 else 's'}")
    hard_off = sum(1 for r in inside if r.switch_off is not None and r.switch_off <= 1)
    if hard_off:
        out.append(f"Switching off was hard on {_days(hard_off)}")
    low_support = sum(1 for r in inside if r.support is not None and r.support <= 1)
    if low_support:
        out.append(f"Little support felt on {_days(low_support)}")
    if "intrusions" in include:
        memories = sum(1 for r in inside if (r.intrusions or 0) >= 2)
        if memories:
            out.append(f"Unwanted memories from work several times or more on {_days(memories)}")
    return tuple(out)


# -- week by week ---------------------------------------------------------------

WEEKLY = (
    # (chart id, field, column and chart title, unit, top, needs --include)
    ("sleep", "sleep_hours", "Sleep, hours a night (weekly average)", "hours a night", 10.0, None),
    ("exposure", "heavy", "Heavy-exposure days", "days", 7.0, None),
    ("mood", "mood", "Mood, weekly average (0 to 10)", "of 10", 10.0, "mood"),
    ("energy", "energy", "Energy, weekly average (0 to 10)", "of 10", 10.0, "mood"),
)


def _weeks(window: Window) -> list[Window]:
    out, start = [], window.start
    while start <= window.end:
        end = min(start + dt.timedelta(days=6), window.end)
        out.append(Window(start, end))
        start = end + dt.timedelta(days=1)
    return out


def charts(records: Sequence[CheckIn], window: Window, include: frozenset[str] = frozenset()) -> tuple[Chart, ...]:
    """Each week's figures: sleep and heavy exposure; mood and energy only when included."""
    weeks = _weeks(window)
    # One pass over the records, each into its week: the cost grows with the
    # records in the window, not with weeks times records (a century-long
    # summary took minutes).
    selected: list[list[CheckIn]] = [[] for _ in weeks]
    for r in window.select(records):
        selected[(r.day - window.start).days // 7].append(r)
    labels = tuple(_week_label(w.start)[1] for w in weeks)
    marked = tuple(any(r.incident == "significant" for r in week) for week in selected)
    out = []
    for cid, name, title, unit, top, needs in WEEKLY:
        if needs is not None and needs not in include:
            continue
        if name == "heavy":
            values = tuple(float(sum(is_heavy(r) for r in week)) if week else None for week in selected)
        else:
            values = tuple(stats(week, name).mean for week in selected)
        if any(v is not None for v in values):
            out.append(Chart(cid, title, unit, labels, values, top, marked))
    return tuple(out)


def _weekly_section(found: Sequence[Chart]) -> Section | None:
    """The figures every chart draws, as a table: the same in every format, and in the preview."""
    if not found:
        return None
    header = ("Week of", *(c.title for c in found), "Significant incident")
    rows = [header]
    for i, label in enumerate(found[0].labels):
        cells = []
        for c in found:
            value = c.values[i]
            cells.append("-" if value is None else f"{value:.0f}" if c.id == "exposure" else f"{value:.1f}")
        rows.append((label, *cells, "yes" if found[0].marked[i] else ""))
    return Section("weekly", "Week by week", table=tuple(rows))


# -- what a supervisor needs, when the officer chooses -----------------------------

FOLLOWUP_TRIM = {"used": "offered and used", "offered": "offered, not used", "no": "not offered",
                 "not_available": "not available"}


def _followup_words(f: FollowUp | None) -> str:
    if f is None:
        return "not answered"
    if f.skipped:
        return "skipped"
    parts = []
    if f.intrusions is not None:
        parts.append(f"unwanted memories {INTRUSION_WORDS[f.intrusions]}")
    if f.sleep_quality is not None:
        parts.append(f"sleep quality {band('sleep_quality', f.sleep_quality)}")
    if f.avoidance is not None:
        parts.append(f"avoiding reminders {AVOIDANCE_WORDS[f.avoidance]}")
    if f.support is not None:
        parts.append(f"support {band('support', f.support)}")
    if f.trim is not None:
        parts.append(f"TRiM, a care team or peer support {FOLLOWUP_TRIM[f.trim]}")
    return "; ".join(parts) or "every question skipped"


def _incident_section(inside: Sequence[CheckIn], followups: Sequence[FollowUp], window: Window) -> Section:
    bullets = []
    for r in inside:
        if r.incident != "significant":
            continue
        found = {f.kind: f for f in followups if f.incident_date == r.date}
        bullets.append(f"A significant incident in the {_weeks_of([r.day], window)}. "
                       f"About 3 days after: {_followup_words(found.get(DAY3))}. "
                       f"About 4 weeks after: {_followup_words(found.get(WEEK4))}.")
    return Section("incident", "After a significant incident",
                   bullets=tuple(bullets) or ("No significant incident in this period.",))


def _reflection_section(reflections: Sequence[Reflection], choices: Choices) -> Section:
    bullets = []
    for r in reflections:
        parts = []
        for name, words in (("helped", "what helped"), ("harder", "what was harder"),
                            ("proud", "learned or quietly proud of"), ("try_next", "one thing to try")):
            key = f"reflection:{r.week}:{name}"
            text = choices.edited(key, getattr(r, name))
            if text and key not in choices.left_out:
                parts.append(f"{words}: {clean_text(text)}")
        for name, words in (("worthwhile", "work felt worthwhile"), ("connected", "connected to colleagues")):
            value = getattr(r, name)
            if value is not None:
                parts.append(f"{words}: {value} of 4")
        if parts:
            bullets.append(f"Week of {day_words(dt.date.fromisoformat(r.week))}: " + "; ".join(parts))
    return Section("reflection", "Weekly reflections", bullets=tuple(bullets) or ("No reflections in this period.",))


# -- the document ---------------------------------------------------------------

def _theirs(text: str | None) -> str | None:
    return None if text is None else clean_text(text)


def build(
    records: Sequence[CheckIn],
    period: tuple[dt.date, dt.date],
    previous: PastSummary | None,
    choices: Choices,
    packs: dict | None = None,
    followups: Sequence[FollowUp] = (),
    reflections: Sequence[Reflection] = (),
) -> Document:
    """The summary for `period`. `records` should reach back one period further, for the arrows.

    Nothing in it speaks in the officer's voice unless the officer chose it:
    unreviewed suggestions are marked as such, and a section with nothing
    chosen is left out rather than filled with words the officer did not pick.
    """
    window = Window(*period)
    inside = window.select(records)
    before = window.previous().select(records)
    found_charts = charts(records, window, choices.include)
    private = {
        "notes": lambda: _notes_section(inside, choices),
        "daily": lambda: _daily_section(inside, choices),
        "alcohol": lambda: _alcohol_section(inside, window),
        "intrusions": lambda: _intrusions_section(inside),
        "incident": lambda: _incident_section(inside, followups, window),
        "reflection": lambda: _reflection_section(
            [r for r in reflections if window.start.isoformat() <= r.week <= window.end.isoformat()], choices),
        "packs": lambda: _packs_section(packs),
    }
    sections = [
        _snapshot(inside, before, window),
        _weekly_section(found_charts),
        _chosen_or_suggested("helping", choices.helped, lambda: suggest_helping(records, window)),
        _chosen_or_suggested("harder", choices.harder, lambda: suggest_harder(records, window, choices.include)),
        _requests_section(choices),
        _talking_points_section(inside, choices),
        _actions_section(previous, choices),
        # The private sections, in this order, only where the officer included them.
        *(make() for name, make in private.items() if name in choices.include),
    ]
    kept = tuple(s for s in sections if s is not None and s.id not in choices.dropped)
    return Document(
        title="My wellbeing summary for supervision",
        period_from=window.start,
        period_to=window.end,
        checkins=len(inside),
        statement=STATEMENT,
        disclaimer=DISCLAIMER,
        sections=kept,
        # The charts draw the week-by-week figures: they go where that section goes.
        charts=found_charts if any(s.id == "weekly" for s in kept) else (),
    )


@dataclass(frozen=True)
class Shared:
    """A piece of the user's own words that would go into the summary."""

    key: str  # "note:DATE" or "talking_point:DATE"
    day: dt.date
    text: str


def shared_words(records: Sequence[CheckIn], period: tuple[dt.date, dt.date], include: frozenset[str],
                 reflections: Sequence[Reflection] = ()) -> list[Shared]:
    """Talking points, and notes and reflections when included: what to look over for identifiers."""
    out = []
    window = Window(*period)
    for r in window.select(records):
        if r.raise_at_supervision and r.talking_point:
            out.append(Shared(f"talking_point:{r.date}", r.day, r.talking_point))
        if "notes" in include and r.note:
            out.append(Shared(f"note:{r.date}", r.day, r.note))
    if "reflection" in include:
        for ref in reflections:
            if window.start.isoformat() <= ref.week <= window.end.isoformat():
                for name in ("helped", "harder", "proud", "try_next"):
                    if getattr(ref, name):
                        out.append(Shared(f"reflection:{ref.week}:{name}", dt.date.fromisoformat(ref.week),
                                          getattr(ref, name)))
    return out


# -- the sections build() puts together, in its order ----------------------

# A section's title when the officer wrote it, and (for suggestions) when they did not.
_CHOSEN_TITLES = {"helping": "What has been helping",
                  "harder": "What has been harder, and signs I notice in myself"}
_SUGGESTED_TITLES = {"helping": SUGGESTED_HELPING, "harder": SUGGESTED_HARDER}


def _chosen_or_suggested(name: str, chosen: Sequence[str] | None,
                         suggest: Callable[[], tuple[str, ...]]) -> Section | None:
    """The officer's own lines; None chosen yet: suggestions, marked as such; an empty
    choice: no section (never words they did not pick)."""
    if chosen is None:
        suggested = suggest()
        return Section(name, _SUGGESTED_TITLES[name], bullets=suggested) if suggested else None
    if chosen:
        return Section(name, _CHOSEN_TITLES[name], bullets=tuple(clean_text(line) for line in chosen))
    return None


def _requests_section(choices: Choices) -> Section | None:
    wanted = [REQUESTS[key] for key in choices.requests if key in REQUESTS]
    if choices.request_other:
        wanted.append(clean_text(choices.request_other))
    if not wanted:
        return None
    return Section("requests", "What I would like from my manager or the organisation", bullets=tuple(wanted))


def _talking_points_section(inside: Sequence[CheckIn], choices: Choices) -> Section:
    points = tuple(
        f"{day_words(r.day)}: {_theirs(choices.edited(f'talking_point:{r.date}', r.talking_point)) or MARKED_TO_RAISE}"
        for r in inside
        if r.raise_at_supervision and f"talking_point:{r.date}" not in choices.left_out
    )
    return Section("talking_points", "Talking points", bullets=points or ("None marked.",))


def _actions_section(previous: PastSummary | None, choices: Choices) -> Section:
    actions = [f"{clean_text(a.text)}: {a.status}" for a in choices.progress]
    actions += [f"{clean_text(text)}: {TO_DISCUSS}" for text in choices.new_actions]
    if previous is None and not actions:
        actions = ["No actions carried over: this is the first summary."]
    return Section("actions", "Actions: agreed, and to discuss", bullets=tuple(actions) or ("None.",))


def _notes_section(inside: Sequence[CheckIn], choices: Choices) -> Section | None:
    with_notes = [r for r in inside if r.note]
    notes = tuple(f"{day_words(r.day)}: {_theirs(choices.edited(f'note:{r.date}', r.note))}"
                  for r in with_notes if f"note:{r.date}" not in choices.left_out)
    # Every note held back is not "no notes": then the section says nothing at all.
    if with_notes and not notes:
        return None
    return Section("notes", "My notes", bullets=notes or ("No notes in this period.",))


def _daily_section(inside: Sequence[CheckIn], choices: Choices) -> Section:
    header = ("Day", "Shift", "Sleep (h)", "Sleep quality", "Mood", "Energy", "Switching off", "Support")
    columns = header if "mood" in choices.include else tuple(h for h in header if h != "Mood")
    table = [columns] + [
        tuple(cell for head, cell in zip(header, (
            r.date, r.shift or "-", "-" if r.sleep_hours is None else f"{r.sleep_hours:g}",
            *("-" if v is None else str(v) for v in (r.sleep_quality, r.mood, r.energy, r.switch_off, r.support))),
            strict=True) if head in columns)
        for r in inside
    ]
    return Section("daily", "Day by day", table=tuple(table))


def _alcohol_section(inside: Sequence[CheckIn], window: Window) -> Section:
    units = [r.alcohol_units for r in inside if r.alcohol_units is not None]
    weeks = max(1, window.days / 7)
    text = (f"About {sum(units) / weeks:.1f} units a week on average, on {_days(sum(u > 0 for u in units))}."
            if units else "No alcohol answers in this period.")
    return Section("alcohol", "Alcohol", paragraphs=(text,))


def _intrusions_section(inside: Sequence[CheckIn]) -> Section:
    memories = sum(1 for r in inside if (r.intrusions or 0) >= 2)
    dreams = sum(1 for r in inside if r.nightmare)
    return Section("intrusions", "Unwanted memories and dreams", bullets=(
        f"Unwanted memories from work several times or more on {_days(memories)}",
        f"Upsetting dreams about work on {dreams} {'night' if dreams == 1 else 'nights'}",
    ))


def _packs_section(packs: dict | None) -> Section:
    lines = [
        f"{score['title']}: {score['mean']:.1f} on average over {score['count']} answers "
        f"(scores run {score['range'][0]} to {score['range'][1]})"
        for pack in (packs or {}).values() for score in pack["scores"].values() if score["count"]
    ]
    return Section("packs", "Question packs", bullets=tuple(lines) or ("No answers in this period.",))
