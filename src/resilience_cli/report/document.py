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
from collections.abc import Sequence
from dataclasses import dataclass, field

from resilience_cli.contacts import DISCLAIMER
from resilience_cli.insights import Window, comparisons, is_heavy, stats
from resilience_cli.model import SHIFT_WORDS, CheckIn, day_words, is_working
from resilience_cli.supervision import Action, PastSummary

STATEMENT = (
    "This is a self-reported reflection, shared voluntarily. It is not a clinical "
    "assessment, and it is not for attendance or performance management."
)
OPTIONAL = ("notes", "daily", "alcohol", "intrusions", "packs")
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


@dataclass(frozen=True)
class Choices:
    include: frozenset[str] = frozenset()
    dropped: frozenset[str] = frozenset()
    helped: tuple[str, ...] | None = None  # None: the suggestions from the data
    harder: tuple[str, ...] | None = None
    requests: tuple[str, ...] = ()
    request_other: str | None = None
    progress: tuple[Action, ...] = ()  # last time's actions, with their status now
    new_actions: tuple[str, ...] = ()
    left_out: frozenset[str] = frozenset()  # "note:DATE" / "talking_point:DATE" the user dropped
    edits: tuple[tuple[str, str], ...] = ()  # ("note:DATE", new words): changed for this summary only

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
    id: str
    title: str
    unit: str
    labels: tuple[str, ...]  # one per week
    values: tuple[float | None, ...]
    top: float


@dataclass(frozen=True)
class Document:
    title: str
    period_from: dt.date
    period_to: dt.date
    checkins: int
    statement: str
    disclaimer: str
    sections: tuple[Section, ...]
    charts: tuple[Chart, ...] = field(default_factory=tuple)

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
        return "under 6 hours" if mean < 6 else "6 to 7 hours" if mean < 7 else "7 hours or more"
    if name in ("sleep_quality", "energy", "mood"):
        return "low" if mean < 4 else "middling" if mean < 7 else "high"
    return "low" if mean < 1.5 else "middling" if mean < 2.5 else "high"


def arrow(name: str, now: float | None, before: float | None) -> str:
    if now is None or before is None:
        return "no earlier period to compare"
    steady = 0.25 if name == "sleep_hours" else 0.5 if name in ("sleep_quality", "energy", "mood") else 0.25
    if abs(now - before) < steady:
        return "→ about the same as before"
    return "↑ higher than before" if now > before else "↓ lower than before"


SNAPSHOT = (
    ("workload", "Workload felt manageable"),
    ("sleep_hours", "Sleep"),
    ("sleep_quality", "Sleep quality"),
    ("switch_off", "Switching off after work"),
    ("energy", "Energy"),
    ("support", "Felt supported"),
)
MATERIAL_BANDS = {0: "none", 1: "a little (under 1 hour)", 2: "some (1 to 3 hours)", 3: "a lot (over 3 hours)"}


def _snapshot(inside: Sequence[CheckIn], before: Sequence[CheckIn]) -> Section:
    rows: list[tuple[str, ...]] = [("", "Typically", "Compared with the period before")]
    significant = sum(r.incident == "significant" for r in inside)
    minor = sum(r.incident == "minor" for r in inside)
    rows.append(("Distressing incidents", f"{significant} significant, {minor} minor",
                 arrow("incidents", significant + minor,
                       sum(r.incident in ("minor", "significant") for r in before) if before else None)))
    working = [r.material for r in inside if is_working(r) and r.material is not None]
    if working:
        typical, days = Counter(working).most_common(1)[0]
        rows.append(("Distressing material",
                     f"{MATERIAL_BANDS[typical]} on {days} of {len(working)} working days",
                     arrow("material", stats(inside, "material").mean, stats(before, "material").mean
                           if before else None)))
    graphic = sum(bool(r.graphic) for r in inside)
    if graphic:
        rows.append(("Graphic images or video", f"on {graphic} {'day' if graphic == 1 else 'days'}", ""))
    for name, label in SNAPSHOT:
        now = stats(inside, name)
        if not now.count:
            continue
        then = stats(before, name)
        rows.append((label, band(name, now.mean), arrow(name, now.mean, then.mean if then.count >= 3 else None)))  # type: ignore[arg-type]
    return Section("snapshot", "How the period has looked", table=tuple(rows))


# -- suggestions from the data ------------------------------------------------

RECOVERY_PHRASES = {
    "exercise": "exercise", "outdoors": "time outdoors", "people": "time with people I like",
    "hobby": "a hobby or something absorbing", "wind_down": "a wind-down routine after work",
    "rest": "rest", "other": "other things I do for myself",
}


def suggest_helping(records: Sequence[CheckIn], window: Window) -> tuple[str, ...]:
    out = []
    counts = Counter(item for r in window.select(records) for item in (r.recovery or ()))
    for item, n in counts.most_common(3):
        phrase = RECOVERY_PHRASES[item]
        out.append(f"{phrase[0].upper()}{phrase[1:]} (on {n} days)")
    for c in comparisons(records, window):
        if c.id == "mood_when_talked" and c.difference >= 0.5:
            out.append("Talking to someone I trust: my mood was higher on days I did")
        if c.id == "mood_with_exercise" and c.difference >= 0.5:
            out.append("Exercise: my mood was higher on days I exercised")
    inside = window.select(records)
    good_sleep = sum(1 for r in inside if (r.sleep_hours or 0) >= 7)
    if inside and good_sleep >= len(inside) / 2:
        out.append(f"Getting 7 hours' sleep or more (on {good_sleep} days)")
    return tuple(out)


def suggest_harder(records: Sequence[CheckIn], window: Window, include: frozenset[str]) -> tuple[str, ...]:
    inside = window.select(records)
    out = []
    heavy = sum(is_heavy(r) for r in inside)
    if heavy:
        out.append(f"Heavy exposure (an incident, or an hour or more of distressing material) on {heavy} days")
    short = sum(1 for r in inside if r.sleep_hours is not None and r.sleep_hours < 6)
    if short:
        out.append(f"Sleep under 6 hours on {short} nights")
    nights = [r for r in inside if r.shift == "night"]
    if nights:
        out.append(f"{len(nights)} {SHIFT_WORDS['night']}s")
    hard_off = sum(1 for r in inside if r.switch_off is not None and r.switch_off <= 1)
    if hard_off:
        out.append(f"Finding it hard to switch off on {hard_off} days")
    low_support = sum(1 for r in inside if r.support is not None and r.support <= 1)
    if low_support:
        out.append(f"Feeling little support on {low_support} days")
    if "intrusions" in include:
        memories = sum(1 for r in inside if (r.intrusions or 0) >= 2)
        if memories:
            out.append(f"Unwanted memories from work several times or more on {memories} days")
    return tuple(out)


# -- the document ---------------------------------------------------------------

def _weekly(records: Sequence[CheckIn], window: Window, name: str) -> tuple[tuple[str, ...], tuple[float | None, ...]]:
    labels, values = [], []
    start = window.start
    while start <= window.end:
        end = min(start + dt.timedelta(days=6), window.end)
        week = Window(start, end).select(records)
        if name == "heavy":
            vals = [float(is_heavy(r)) for r in week]
            values.append(sum(vals) if week else None)
        else:
            s = stats(week, name)
            values.append(s.mean)
        labels.append(f"{start.day} {start:%b}")
        start = end + dt.timedelta(days=1)
    return tuple(labels), tuple(values)


def charts(records: Sequence[CheckIn], window: Window) -> tuple[Chart, ...]:
    out = []
    for cid, name, title, unit, top in (
        ("sleep", "sleep_hours", "Sleep, average hours a week", "hours", 10.0),
        ("mood", "mood", "Mood, weekly average (0 to 10)", "of 10", 10.0),
        ("exposure", "heavy", "Heavy-exposure days each week", "days", 7.0),
    ):
        labels, values = _weekly(records, window, name)
        if any(v is not None for v in values):
            out.append(Chart(cid, title, unit, labels, values, top))
    return tuple(out)


def build(
    records: Sequence[CheckIn],
    period: tuple[dt.date, dt.date],
    previous: PastSummary | None,
    choices: Choices,
    packs: dict | None = None,
) -> Document:
    """The summary for `period`. `records` should reach back one period further, for the arrows."""
    window = Window(*period)
    inside = window.select(records)
    before = window.previous().select(records)
    sections: list[Section] = [_snapshot(inside, before)]
    helped = choices.helped if choices.helped is not None else suggest_helping(records, window)
    sections.append(Section("helping", "What has been helping", bullets=helped or ("Nothing noted.",)))
    harder = choices.harder if choices.harder is not None else suggest_harder(records, window, choices.include)
    sections.append(Section("harder", "What has been harder, and signs I notice in myself",
                            bullets=harder or ("Nothing noted.",)))
    wanted = [REQUESTS[key] for key in choices.requests if key in REQUESTS]
    if choices.request_other:
        wanted.append(choices.request_other)
    sections.append(Section("requests", "What I would like from my manager or the organisation",
                            bullets=tuple(wanted) or ("Nothing right now.",)))
    points = tuple(
        f"{day_words(r.day)}: {choices.edited(f'talking_point:{r.date}', r.talking_point) or 'a day I wanted to mention'}"
        for r in inside
        if r.raise_at_supervision and f"talking_point:{r.date}" not in choices.left_out
    )
    sections.append(Section("talking_points", "Talking points", bullets=points or ("None marked.",)))
    actions = [f"{a.text}: {a.status}" for a in choices.progress]
    actions += [f"{text}: agreed today" for text in choices.new_actions]
    if previous is None and not actions:
        actions = ["No actions carried over: this is the first summary."]
    sections.append(Section("actions", "Actions agreed and progress", bullets=tuple(actions) or ("None.",)))
    if "notes" in choices.include:
        notes = tuple(f"{day_words(r.day)}: {choices.edited(f'note:{r.date}', r.note)}" for r in inside
                      if r.note and f"note:{r.date}" not in choices.left_out)
        sections.append(Section("notes", "My notes", bullets=notes or ("No notes in this period.",)))
    if "daily" in choices.include:
        header = ("Day", "Shift", "Sleep (h)", "Sleep quality", "Mood", "Energy", "Switching off", "Support")
        table = [header] + [
            (r.date, r.shift or "-", "-" if r.sleep_hours is None else f"{r.sleep_hours:g}",
             *("-" if v is None else str(v) for v in (r.sleep_quality, r.mood, r.energy, r.switch_off, r.support)))
            for r in inside
        ]
        sections.append(Section("daily", "Day by day", table=tuple(table)))
    if "alcohol" in choices.include:
        units = [r.alcohol_units for r in inside if r.alcohol_units is not None]
        weeks = max(1, window.days / 7)
        text = (f"About {sum(units) / weeks:.1f} units a week on average, on {sum(u > 0 for u in units)} days."
                if units else "No alcohol answers in this period.")
        sections.append(Section("alcohol", "Alcohol", paragraphs=(text,)))
    if "intrusions" in choices.include:
        memories = sum(1 for r in inside if (r.intrusions or 0) >= 2)
        dreams = sum(1 for r in inside if r.nightmare)
        sections.append(Section("intrusions", "Unwanted memories and dreams", bullets=(
            f"Unwanted memories from work several times or more on {memories} days",
            f"Upsetting dreams about work on {dreams} nights",
        )))
    if "packs" in choices.include:
        lines = [
            f"{score['title']}: {score['mean']:.1f} on average over {score['count']} answers "
            f"(scores run {score['range'][0]} to {score['range'][1]})"
            for pack in (packs or {}).values() for score in pack["scores"].values() if score["count"]
        ]
        sections.append(Section("packs", "Question packs", bullets=tuple(lines) or ("No answers in this period.",)))
    kept = tuple(s for s in sections if s.id not in choices.dropped)
    return Document(
        title="My wellbeing summary for supervision",
        period_from=window.start,
        period_to=window.end,
        checkins=len(inside),
        statement=STATEMENT,
        disclaimer=DISCLAIMER,
        sections=kept,
        charts=charts(records, window) if "snapshot" not in choices.dropped else (),
    )


@dataclass(frozen=True)
class Shared:
    """A piece of the user's own words that would go into the summary."""

    key: str  # "note:DATE" or "talking_point:DATE"
    day: dt.date
    text: str


def shared_words(records: Sequence[CheckIn], period: tuple[dt.date, dt.date], include: frozenset[str]) -> list[Shared]:
    """Talking points, and notes when included: what to look over for identifiers."""
    out = []
    for r in Window(*period).select(records):
        if r.raise_at_supervision and r.talking_point:
            out.append(Shared(f"talking_point:{r.date}", r.day, r.talking_point))
        if "notes" in include and r.note:
            out.append(Shared(f"note:{r.date}", r.day, r.note))
    return out
