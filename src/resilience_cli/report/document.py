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

from resilience_cli.colleagues import ColleagueCheck
from resilience_cli.contacts import DISCLAIMER
from resilience_cli.followups import AVOIDANCE_WORDS, DAY3, WEEK4, FollowUp
from resilience_cli.insights import ARROWS, MIN_PER_SIDE, Change, Window, comparisons, is_heavy, stats
from resilience_cli.model import (
    FIELD_SPECS,
    INTRUSION_WORDS,
    LEVEL_WORDS,
    SHIFT_WORDS,
    CheckIn,
    clean_text,
    day_words,
)
from resilience_cli.reflection import Reflection
from resilience_cli.report import phonein as phonein_section
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
OPTIONAL = ("notes", "daily", "alcohol", "intrusions", "packs", "mood", "incident", "reflection", "growth",
            "colleagues", "phonein")
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
    left_out: frozenset[str] = frozenset()  # keys of the officer's words to leave out (see Own)
    edits: tuple[tuple[str, str], ...] = ()  # (key, new words): changed for this summary only

    def edited(self, key: str, text: str | None) -> str | None:
        return dict(self.edits).get(key, text)

    def own(self, key: str, where: str, text: str | None) -> Own | None:
        """The officer's words under `key` as they will be shared: edited, or None when left out."""
        if key in self.left_out:
            return None
        shared = self.edited(key, text)
        return Own(key, where, clean_text(shared)) if shared else None


@dataclass(frozen=True)
class Own:
    """A piece of the officer's own words as it will be shared (after any edit).

    Every section that carries words the officer typed lists them here, so that
    one check (report.screen) looks over all of them whatever section they are in.
    """

    key: str  # "note:DATE", "talking_point:DATE", "helping:N", "new_action:N", ...: for Choices
    where: str  # "The note from Monday 1 December 2026": how the officer is told which
    text: str


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    paragraphs: tuple[str, ...] = ()
    bullets: tuple[str, ...] = ()
    table: tuple[tuple[str, ...], ...] = ()  # the first row is the header
    own: tuple[Own, ...] = ()  # the officer's words among the above, for the identifier check


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
    spec = FIELD_SPECS[name]
    if spec.unit == "hours":
        return "short" if mean < 6 else "a little short" if mean < 7 else "7 hours or more"
    if (spec.high or 0) > 4:
        return "low" if mean < 4 else "middling" if mean < 7 else "high"
    return "low" if mean < 1.5 else "middling" if mean < 2.5 else "high"


def figure(name: str, mean: float) -> str:
    """An average with its band: '5.4 h a night (short)', '2.1 of 4 (middling)', '2.5 cups a day'.

    The scale, its top and its unit come from the question catalogue (model.FIELD_SPECS);
    a counted amount has no band: how much is a lot is not ours to say.
    """
    spec = FIELD_SPECS[name]
    if spec.unit == "hours":
        return f"{mean:.1f} h a night ({band(name, mean)})"
    if spec.unit:
        return f"{mean:.1f} {spec.unit} a day"
    return f"{mean:.1f} of {int(spec.high)} ({band(name, mean)})"  # type: ignore[arg-type]


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
    ("mood", "Mood"),
    ("energy", "Energy"),
    ("support", "Felt supported"),
)
# Mood and energy are private unless the officer includes "mood": neither is
# shown, nor anything drawn from them.
PRIVATE_MOOD = frozenset({"mood", "energy"})
MATERIAL_BANDS = {0: "none", 1: "a little (under 1 hour)", 2: "some (1 to 3 hours)", 3: "a lot (over 3 hours)"}
# Heaviest first: the heaviest level that occurred is never hidden behind a commoner one.
# Heaviest first: the heaviest level is never hidden.
LEVELS = tuple(sorted(LEVEL_WORDS.items(), reverse=True))


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def _weeks_of(days: Sequence[dt.date], window: Window) -> str:
    labels = sorted({_week_label(_week_start(d, window), window) for d in days}, key=lambda x: x[0])
    names = [label for _, label in labels]
    if len(names) == 1:
        return f"week of {names[0]}"
    return "weeks of " + ", ".join(names[:-1]) + f" and {names[-1]}"


def _week_start(day: dt.date, window: Window) -> dt.date:
    """The first day of the summary's week (weeks run from the period's first day) holding `day`."""
    return window.start + dt.timedelta(days=7 * ((day - window.start).days // 7))


def _week_label(start: dt.date, window: Window | None = None) -> tuple[dt.date, str]:
    """'14 Nov'; '14 Nov 2026' in a period longer than a year, where the month alone repeats."""
    long = window is not None and window.days > LONG_PERIOD_DAYS
    return start, f"{start.day} {start:%b}" + (f" {start.year}" if long else "")


# More weeks than this are counted, with the latest named, rather than listed: a
# list of a hundred weeks in one table cell grew taller than a PDF page.
MAX_WEEKS_LISTED = 6
LONG_PERIOD_DAYS = 366  # a period longer than this names the year of each week


def _incidents(inside: Sequence[CheckIn], window: Window) -> str:
    parts = []
    for level in ("significant", "minor"):
        days = [r.day for r in inside if r.incident == level]
        if not days:
            continue
        weeks = {_week_start(d, window) for d in days}
        if len(weeks) > MAX_WEEKS_LISTED:
            latest = _week_label(max(weeks), window)[1]
            parts.append(f"{len(days)} {level}, in {len(weeks)} weeks; the latest: week of {latest}")
        else:
            parts.append(f"{len(days)} {level} ({_weeks_of(days, window)})")
    return "; ".join(parts) or "none"


def _levels(inside: Sequence[CheckIn], name: str) -> str | None:
    """Days at every level answered, heaviest first: the heaviest is never hidden."""
    counts = Counter(getattr(r, name) for r in inside if getattr(r, name) is not None)
    if not counts:
        return None
    return "; ".join(f"{words}: {_days(counts[level])}" for level, words in LEVELS if counts[level])


def _snapshot(inside: Sequence[CheckIn], before: Sequence[CheckIn], window: Window,
              include: frozenset[str] = frozenset()) -> Section:
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
        if not now.count or (name in PRIVATE_MOOD and "mood" not in include):
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


# The comparisons a suggestion may be drawn from: (what, the days with it), both from mood.
MOOD_SUGGESTIONS = {"mood_when_talked": ("Talking to someone trusted", "a talk"),
                    "mood_with_exercise": ("Exercise", "exercise")}


def suggest_helping(records: Sequence[CheckIn], window: Window,
                    include: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """What may have been helping. Mood is private unless included, and so is what is drawn from it.

    A comparison counts only days inside the period (insights.comparisons
    selects them), with its minimum on both sides; the suggestion says how many,
    so a handful of days that happened to fall before a hard week reads as the
    handful it is.
    """
    out = []
    counts = Counter(item for r in window.select(records) for item in (r.recovery or ()))
    for item, n in counts.most_common(3):
        phrase = RECOVERY_PHRASES[item]
        out.append(f"{phrase[0].upper()}{phrase[1:]} (on {_days(n)})")
    for c in comparisons(records, window) if "mood" in include else ():
        if c.id in MOOD_SUGGESTIONS and c.difference >= 0.5 and min(c.with_count, c.without_count) >= MIN_PER_SIDE:
            what, days_with = MOOD_SUGGESTIONS[c.id]
            out.append(f"{what}: mood was higher on the {_days(c.with_count)} with {days_with} "
                       f"than on the {_days(c.without_count)} without")
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
    labels = tuple(_week_label(w.start, window)[1] for w in weeks)
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
    bullets, own = [], []
    for r in reflections:
        parts = []
        where = f"The reflection for the week of {day_words(dt.date.fromisoformat(r.week))}"
        for name, words in (("helped", "what helped"), ("harder", "what was harder"),
                            ("proud", "learned or quietly proud of"), ("try_next", "one thing to try")):
            mine = choices.own(f"reflection:{r.week}:{name}", where, getattr(r, name))
            if mine:
                own.append(mine)
                parts.append(f"{words}: {mine.text}")
        for name, words in (("worthwhile", "work felt worthwhile"), ("connected", "connected to colleagues")):
            value = getattr(r, name)
            if value is not None:
                parts.append(f"{words}: {value} of 4")
        if parts:
            bullets.append(f"Week of {day_words(dt.date.fromisoformat(r.week))}: " + "; ".join(parts))
    return Section("reflection", "Weekly reflections", bullets=tuple(bullets) or ("No reflections in this period.",),
                   own=tuple(own))


# -- the document ---------------------------------------------------------------

def build(
    records: Sequence[CheckIn],
    period: tuple[dt.date, dt.date],
    previous: PastSummary | None,
    choices: Choices,
    packs: dict | None = None,
    followups: Sequence[FollowUp] = (),
    reflections: Sequence[Reflection] = (),
    phoneins: Sequence = (),
    colleagues: Sequence[ColleagueCheck] = (),
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
        "phonein": lambda: _phonein_section(phoneins, period, choices),
        "growth": lambda: _growth_section(records, reflections, window, choices),
        "colleagues": lambda: _colleagues_section(records, colleagues, window),
    }
    sections = [
        _snapshot(inside, before, window, choices.include),
        _weekly_section(found_charts),
        _chosen_or_suggested("helping", choices, lambda: suggest_helping(records, window, choices.include)),
        _chosen_or_suggested("harder", choices, lambda: suggest_harder(records, window, choices.include)),
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


# -- the sections build() puts together, in its order ----------------------

# A section's title when the officer wrote it, and (for suggestions) when they did not.
_CHOSEN_TITLES = {"helping": "What has been helping",
                  "harder": "What has been harder, and signs I notice in myself"}
_SUGGESTED_TITLES = {"helping": SUGGESTED_HELPING, "harder": SUGGESTED_HARDER}
_LINE_OF = {"helping": "what has been helping", "harder": "what has been harder"}


def _chosen_or_suggested(name: str, choices: Choices,
                         suggest: Callable[[], tuple[str, ...]]) -> Section | None:
    """The officer's own lines; None chosen yet: suggestions, marked as such; an empty
    choice (or every line left out): no section (never words they did not pick)."""
    chosen = getattr(choices, "helped" if name == "helping" else name)
    if chosen is None:
        suggested = suggest()
        return Section(name, _SUGGESTED_TITLES[name], bullets=suggested) if suggested else None
    own = tuple(mine for i, line in enumerate(chosen)
                if (mine := choices.own(f"{name}:{i}", f"Line {i + 1} of {_LINE_OF[name]}", line)))
    if own:
        return Section(name, _CHOSEN_TITLES[name], bullets=tuple(mine.text for mine in own), own=own)
    return None


def _requests_section(choices: Choices) -> Section | None:
    wanted = [REQUESTS[key] for key in choices.requests if key in REQUESTS]
    other = choices.own("request_other", "Your request in your own words", choices.request_other)
    if other:
        wanted.append(other.text)
    if not wanted:
        return None
    return Section("requests", "What I would like from my manager or the organisation", bullets=tuple(wanted),
                   own=(other,) if other else ())


def _talking_points_section(inside: Sequence[CheckIn], choices: Choices) -> Section:
    points, own, held = [], [], 0
    for r in inside:
        key = f"talking_point:{r.date}"
        if not r.raise_at_supervision:
            continue
        if key in choices.left_out:
            held += 1
            continue
        mine = choices.own(key, f"The talking point from {day_words(r.day)}", r.talking_point)
        own += [mine] if mine else []
        points.append(f"{day_words(r.day)}: {mine.text if mine else MARKED_TO_RAISE}")
    if held:
        # "None marked" would be untrue: say that some were, without their words.
        more = " more" if points else ""
        points.append(f"{f'One{more} day was' if held == 1 else f'{held}{more} days were'} marked to raise; "
                      "the words are left out here because they may identify someone.")
    return Section("talking_points", "Talking points", bullets=tuple(points) or ("None marked.",), own=tuple(own))


def _actions_section(previous: PastSummary | None, choices: Choices) -> Section:
    # A carried action left out of this summary is still the officer's, and still
    # remembered for the next one: only this document goes without it.
    own = [mine for i, a in enumerate(choices.progress)
           if (mine := choices.own(f"action:{i}", "An action from your last summary", a.text))]
    statuses = {f"action:{i}": a.status for i, a in enumerate(choices.progress)}
    own += [mine for i, text in enumerate(choices.new_actions)
            if (mine := choices.own(f"new_action:{i}", "A new action", text))]
    actions = [f"{mine.text}: {statuses.get(mine.key, TO_DISCUSS)}" for mine in own]
    if previous is None and not choices.progress and not choices.new_actions:
        actions = ["No actions carried over: this is the first summary."]
    return Section("actions", "Actions: agreed, and to discuss", bullets=tuple(actions) or ("None.",),
                   own=tuple(own))


def _notes_section(inside: Sequence[CheckIn], choices: Choices) -> Section | None:
    with_notes = [r for r in inside if r.note]
    own = tuple(mine for r in with_notes
                if (mine := choices.own(f"note:{r.date}", f"The note from {day_words(r.day)}", r.note)))
    # Every note held back is not "no notes": then the section says nothing at all.
    if with_notes and not own:
        return None
    days = {f"note:{r.date}": r.day for r in with_notes}
    return Section("notes", "My notes",
                   bullets=tuple(f"{day_words(days[mine.key])}: {mine.text}" for mine in own)
                   or ("No notes in this period.",), own=own)


def _daily_section(inside: Sequence[CheckIn], choices: Choices) -> Section:
    header = ("Day", "Shift", "Sleep (h)", "Sleep quality", "Mood", "Energy", "Switching off", "Support")
    columns = header if "mood" in choices.include else tuple(h for h in header if h not in ("Mood", "Energy"))
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
    from resilience_cli.packs import score_words

    # The band's words are the officer's own, from their pack file: each format escapes them as it does any text.
    lines = [score_words(score) for pack in (packs or {}).values() for score in pack["scores"].values()
             if score["count"]]
    return Section("packs", "Question packs", bullets=tuple(lines) or ("No answers in this period.",))


def _growth_section(records: Sequence[CheckIn], reflections: Sequence[Reflection], window: Window,
                    choices: Choices) -> Section:
    """What went well: counts, and the officer's own lines learned or proud of (looked over first)."""
    from resilience_cli.went_well import growth_lines, went_well

    result = went_well(records, reflections, (), window)
    bullets = []
    m, w = result.moments, result.worthwhile
    if m.answered:
        bullets.append(f"A moment at work that felt worthwhile on {m.days} of {_days(m.answered)} answered")
    if w.weekly:
        bullets.append(f"Work felt worthwhile: {w.mean:.1f} of 4 on average over {len(w.weekly)} weekly "
                       f"{'reflection' if len(w.weekly) == 1 else 'reflections'}")
    own = []
    for ref in growth_lines(reflections, window.start, window.end):
        day = day_words(dt.date.fromisoformat(ref.week))
        mine = choices.own(f"growth:{ref.week}", f"What you learned or are proud of, week of {day}", ref.proud)
        if mine:
            own.append(mine)
            bullets.append(f"Week of {day}, learned or quietly proud of: {mine.text}")
    return Section("growth", "What went well", bullets=tuple(bullets) or ("Nothing recorded in this period.",),
                   own=tuple(own))


def _phonein_section(phoneins: Sequence, period: tuple[dt.date, dt.date], choices: Choices) -> Section:
    bullets, own = phonein_section.bullets(phoneins, period, choices)
    return Section("phonein", "Phone-ins: my own takeaways", bullets=bullets, own=own)


def _colleagues_section(records: Sequence[CheckIn], colleagues: Sequence[ColleagueCheck],
                        window: Window) -> Section:
    """Support given to colleagues, as counts only: never a nickname or a date."""
    from resilience_cli.went_well import went_well

    result = went_well(records, (), colleagues, window)
    n = result.colleague_checkins
    checks = "1 check-in after an incident" if n == 1 else f"{n} check-ins after incidents"
    if result.supported_days is None:
        text = checks[0].upper() + checks[1:]
    else:
        text = f"Looked out for colleagues on {_days(result.supported_days)}; {checks}"
    return Section("colleagues", "Looking out for colleagues", paragraphs=(text + ".",))
