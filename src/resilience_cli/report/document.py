"""Pure: the supervision summary as one document, built from records and choices.

Every format (Markdown, text, HTML, PDF) renders this same document, so they
never disagree. What stays private unless the user includes it: notes,
day-by-day values, alcohol, and unwanted-memory and dream detail. What is
never in it, whatever the options: safety answers, crisis boxes, and which
rules fired (none of those are even passed in).

Its words are the `summary` catalogue's (messages.py), looked up as the
document is built: the language is known only once the settings are read.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from resilience_cli import contacts
from resilience_cli.colleagues import ColleagueCheck
from resilience_cli.followups import AVOIDANCE_WORDS, DAY3, WEEK4, FollowUp
from resilience_cli.insights import ARROWS, MIN_PER_SIDE, Change, Window, comparisons, is_heavy, stats
from resilience_cli.messages import _, _n, short_month
from resilience_cli.model import (
    FIELD_SPECS,
    INTRUSION_WORDS,
    LEVEL_WORDS,
    CheckIn,
    FieldSpec,
    clean_text,
    day_words,
)
from resilience_cli.reflection import Reflection
from resilience_cli.report import phonein as phonein_section
from resilience_cli.report.sections import AMOUNTS
from resilience_cli.supervision import TO_DISCUSS, Action, PastSummary, status_words


def statement() -> str:
    return _("summary.statement")


def shared_record() -> str:
    """Said in the header and when the file is written: the officer decides what to
    share knowing where a shared summary can go."""
    return _("summary.shared_record")


REQUESTS = ("workload_review", "protected_breaks", "rotation", "reflective_session", "occupational_health",
            "training", "flexible_working", "nothing")


def request_words() -> dict[str, str]:
    """What the officer may ask of their manager or the organisation, by key (kept in past summaries)."""
    return {key: _(f"summary.request.{key}") for key in REQUESTS}


DEFAULT_DAYS = 28


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
    shared_record: str = field(default_factory=shared_record)

    @property
    def period_words(self) -> str:
        return _("summary.period", start=day_words(self.period_from), end=day_words(self.period_to))

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
        return _("summary.band.short" if mean < 6 else "summary.band.a_little_short" if mean < 7
                 else "summary.band.enough_sleep")
    if (spec.high or 0) > 4:
        return _("summary.band.low" if mean < 4 else "summary.band.middling" if mean < 7 else "summary.band.high")
    return _("summary.band.low" if mean < 1.5 else "summary.band.middling" if mean < 2.5 else "summary.band.high")


def figure(name: str, mean: float) -> str:
    """An average with its band: '5.4 h a night (short)', '2.1 of 4 (middling)', '2.5 cups a day'.

    The scale, its top and its unit come from the question catalogue (model.FIELD_SPECS);
    a counted amount has no band: how much is a lot is not ours to say.
    """
    spec = FIELD_SPECS[name]
    if spec.unit == "hours":
        return _("summary.figure.hours", mean=f"{mean:.1f}", band=band(name, mean))
    if spec.unit:
        return _("summary.figure.amount", mean=f"{mean:.1f}", unit=spec.unit_words)
    return _("summary.figure.scale", mean=f"{mean:.1f}", high=int(spec.high),  # type: ignore[arg-type]
             band=band(name, mean))


def arrow(name: str, now: float | None, before: float | None) -> str:
    """'↓ lower than before': the change the trends show (insights.Change), in the summary's words."""
    if now is None or before is None:
        return _("summary.arrow.no_earlier")
    direction = Change.between(name, now, before).direction
    return f"{ARROWS[direction]} {_(f'summary.arrow.{direction}')}"


# The snapshot's rows of averages, in its order: the view chooses which questions
# it shows; their words are the question catalogue's trend labels (FieldSpec), but
# where the summary says more than the trends' short label.
SNAPSHOT = ("workload", "sleep_hours", "sleep_quality", "switch_off", "mood", "energy", "support")
_SNAPSHOT_LABELS = {"workload": "summary.snapshot.workload", "switch_off": "summary.snapshot.switch_off"}


def _label(name: str) -> str:
    return _(_SNAPSHOT_LABELS[name]) if name in _SNAPSHOT_LABELS else FIELD_SPECS[name].trend_label


# Mood and energy are private unless the officer includes "mood": neither is
# shown, nor anything drawn from them.
PRIVATE_MOOD = frozenset({"mood", "energy"})
# Heaviest first: the heaviest level that occurred is never hidden behind a commoner one.
# The levels only: their words are read when shown, in the language being spoken.
LEVELS = tuple(sorted(LEVEL_WORDS, reverse=True))


def _days(n: int) -> str:
    return _n("summary.days", n)


def _weeks_of(days: Sequence[dt.date], window: Window) -> str:
    labels = sorted({_week_label(_week_start(d, window), window) for d in days}, key=lambda x: x[0])
    names = [label for __, label in labels]
    if len(names) == 1:
        return _("summary.week_of", week=names[0])
    return _("summary.weeks_of", weeks=", ".join(names[:-1]), last=names[-1])


def _week_start(day: dt.date, window: Window) -> dt.date:
    """The first day of the summary's week (weeks run from the period's first day) holding `day`."""
    return window.start + dt.timedelta(days=7 * ((day - window.start).days // 7))


def _week_label(start: dt.date, window: Window | None = None) -> tuple[dt.date, str]:
    """'14 Nov'; '14 Nov 2026' in a period longer than a year, where the month alone repeats."""
    long = window is not None and window.days > LONG_PERIOD_DAYS
    month = short_month(start)
    if long:
        return start, _("summary.week_label_year", day=start.day, month=month, year=start.year)
    return start, _("summary.week_label", day=start.day, month=month)


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
            parts.append(_n(f"summary.incidents.{level}_many_weeks", len(days), weeks=len(weeks), latest=latest))
        else:
            parts.append(_n(f"summary.incidents.{level}", len(days), weeks=_weeks_of(days, window)))
    return "; ".join(parts) or _("summary.incidents.none")


def _levels(inside: Sequence[CheckIn], name: str) -> str | None:
    """Days at every level answered, heaviest first: the heaviest is never hidden."""
    counts = Counter(getattr(r, name) for r in inside if getattr(r, name) is not None)
    if not counts:
        return None
    return "; ".join(f"{LEVEL_WORDS[level]}: {_days(counts[level])}" for level in LEVELS if counts[level])


def _snapshot(inside: Sequence[CheckIn], before: Sequence[CheckIn], window: Window,
              include: frozenset[str] = frozenset()) -> Section:
    rows: list[tuple[str, ...]] = [("", _("summary.snapshot.now"), _("summary.snapshot.before"))]
    incidents = sum(r.incident in ("minor", "significant") for r in inside)
    rows.append((_("summary.snapshot.incidents"), _incidents(inside, window),
                 arrow("incidents", incidents,
                       sum(r.incident in ("minor", "significant") for r in before) if before else None)))
    material = _levels(inside, "material")
    if material:
        rows.append((_("summary.snapshot.material"), material,
                     arrow("material", stats(inside, "material").mean, stats(before, "material").mean
                           if before else None)))
    graphic = sum(bool(r.graphic) for r in inside)
    if graphic:
        rows.append((_("summary.snapshot.graphic"), _n("summary.on_days", graphic), ""))
    # By number only: which days, and what happened, are the officer's to tell.
    hurt = sum(r.hurt is True for r in inside)
    if hurt:
        rows.append((_("summary.snapshot.hurt"), _n("summary.on_days", hurt), ""))
    hostile = _levels(inside, "interactions")
    if hostile:
        rows.append((FIELD_SPECS["interactions"].trend_label, hostile,
                     arrow("interactions", stats(inside, "interactions").mean,
                           stats(before, "interactions").mean if before else None)))
    for name in SNAPSHOT:
        now = stats(inside, name)
        if not now.count or (name in PRIVATE_MOOD and "mood" not in include):
            continue
        then = stats(before, name)
        rows.append((_label(name), figure(name, now.mean),  # type: ignore[arg-type]
                     arrow(name, now.mean, then.mean if then.count >= 3 else None)))
    return Section("snapshot", _("summary.snapshot.title"), table=tuple(rows))


# -- suggestions from the data ------------------------------------------------
# Observations, in neutral words: they become the officer's own only when the
# officer keeps or edits them.

# The comparisons a suggestion may be drawn from, both from mood.
MOOD_SUGGESTIONS = ("mood_when_talked", "mood_with_exercise")


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
        out.append(_("summary.helping.recovery", what=_(f"summary.recovery.{item}"), days=_days(n)))
    for c in comparisons(records, window) if "mood" in include else ():
        if c.id in MOOD_SUGGESTIONS and c.difference >= 0.5 and min(c.with_count, c.without_count) >= MIN_PER_SIDE:
            out.append(_(f"summary.helping.{c.id}", with_days=_days(c.with_count),
                         without_days=_days(c.without_count)))
    inside = window.select(records)
    good_sleep = sum(1 for r in inside if (r.sleep_hours or 0) >= 7)
    if inside and good_sleep >= len(inside) / 2:
        out.append(_("summary.helping.sleep", days=_days(good_sleep)))
    return tuple(out)


def suggest_harder(records: Sequence[CheckIn], window: Window, include: frozenset[str]) -> tuple[str, ...]:
    inside = window.select(records)
    out = []
    heavy = sum(is_heavy(r) for r in inside)
    if heavy:
        out.append(_("summary.harder.heavy", days=_days(heavy)))
    short = sum(1 for r in inside if r.sleep_hours is not None and r.sleep_hours < 6)
    if short:
        out.append(_n("summary.harder.short_sleep", short))
    nights = [r for r in inside if r.shift == "night"]
    if nights:
        out.append(_n("summary.harder.night_shifts", len(nights)))
    hard_off = sum(1 for r in inside if r.switch_off is not None and r.switch_off <= 1)
    if hard_off:
        out.append(_("summary.harder.switch_off", days=_days(hard_off)))
    low_support = sum(1 for r in inside if r.support is not None and r.support <= 1)
    if low_support:
        out.append(_("summary.harder.support", days=_days(low_support)))
    if "intrusions" in include:
        memories = sum(1 for r in inside if (r.intrusions or 0) >= 2)
        if memories:
            out.append(_("summary.memories", days=_days(memories)))
    return tuple(out)


# -- week by week ---------------------------------------------------------------

# The view's columns, in order: (chart id, field, needs --include). A field's
# title, unit and top come from the question catalogue (see _chart_words).
WEEKLY = (
    ("sleep", "sleep_hours", None),
    ("exposure", "heavy", None),
    ("mood", "mood", "mood"),
    ("energy", "energy", "mood"),
)
DAYS_IN_A_WEEK = 7.0  # the top of the heavy-exposure chart: days, not a field's scale


def _chart_words(name: str) -> tuple[str, str, float]:
    """(column and chart title, unit, top) of a week-by-week column, from its FieldSpec:
    hours a night, a counted amount a day, or a scale's weekly average."""
    if name == "heavy":  # days of heavy exposure: a count the summary makes, not a question
        return _("summary.weekly.heavy.title"), _("summary.weekly.heavy.unit"), DAYS_IN_A_WEEK
    spec: FieldSpec = FIELD_SPECS[name]
    top = spec.chart_top or spec.high or 1.0
    if spec.unit == "hours":
        return _("summary.weekly.hours.title", label=spec.trend_label), _("summary.weekly.hours.unit"), top
    if spec.unit:
        return (_("summary.weekly.amount.title", label=spec.trend_label, unit=spec.unit_words),
                _("summary.weekly.amount.unit", unit=spec.unit_words), top)
    high = int(spec.high)  # type: ignore[arg-type]
    return (_("summary.weekly.scale.title", label=spec.trend_label, high=high),
            _("summary.weekly.scale.unit", high=high), top)


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
    selected: list[list[CheckIn]] = [[] for __ in weeks]
    for r in window.select(records):
        selected[(r.day - window.start).days // 7].append(r)
    labels = tuple(_week_label(w.start, window)[1] for w in weeks)
    marked = tuple(any(r.incident == "significant" for r in week) for week in selected)
    out = []
    for cid, name, needs in WEEKLY:
        if needs is not None and needs not in include:
            continue
        if name == "heavy":
            values = tuple(float(sum(is_heavy(r) for r in week)) if week else None for week in selected)
        else:
            values = tuple(stats(week, name).mean for week in selected)
        if any(v is not None for v in values):
            title, unit, top = _chart_words(name)
            out.append(Chart(cid, title, unit, labels, values, top, marked))
    return tuple(out)


def _weekly_section(found: Sequence[Chart]) -> Section | None:
    """The figures every chart draws, as a table: the same in every format, and in the preview."""
    if not found:
        return None
    header = (_("summary.weekly.week_of"), *(c.title for c in found), _("summary.weekly.significant"))
    rows = [header]
    yes = _("summary.weekly.yes")
    for i, label in enumerate(found[0].labels):
        cells = []
        for c in found:
            value = c.values[i]
            cells.append("-" if value is None else f"{value:.0f}" if c.id == "exposure" else f"{value:.1f}")
        rows.append((label, *cells, yes if found[0].marked[i] else ""))
    return Section("weekly", _("summary.weekly.title"), table=tuple(rows))


# -- what a supervisor needs, when the officer chooses -----------------------------

def _followup_words(f: FollowUp | None) -> str:
    if f is None:
        return _("summary.followup.not_answered")
    if f.skipped:
        return _("summary.followup.skipped")
    parts = []
    if f.intrusions is not None:
        parts.append(_("summary.followup.intrusions", words=INTRUSION_WORDS[f.intrusions]))
    if f.sleep_quality is not None:
        parts.append(_("summary.followup.sleep_quality", band=band("sleep_quality", f.sleep_quality)))
    if f.avoidance is not None:
        parts.append(_("summary.followup.avoidance", words=AVOIDANCE_WORDS[f.avoidance]))
    if f.support is not None:
        parts.append(_("summary.followup.support", band=band("support", f.support)))
    if f.trim is not None:
        parts.append(_("summary.followup.trim", words=_(f"summary.followup.trim.{f.trim}")))
    return "; ".join(parts) or _("summary.followup.all_skipped")


def _incident_section(inside: Sequence[CheckIn], followups: Sequence[FollowUp], window: Window) -> Section:
    bullets = []
    for r in inside:
        if r.incident != "significant":
            continue
        found = {f.kind: f for f in followups if f.incident_date == r.date}
        bullets.append(_("summary.incident.line", weeks=_weeks_of([r.day], window),
                         day3=_followup_words(found.get(DAY3)), week4=_followup_words(found.get(WEEK4))))
    return Section("incident", _("summary.incident.title"),
                   bullets=tuple(bullets) or (_("summary.incident.none"),))


_REFLECTION_WORDS = ("helped", "harder", "proud", "try_next")
_REFLECTION_SCALES = ("worthwhile", "connected")


def _reflection_section(reflections: Sequence[Reflection], choices: Choices) -> Section:
    bullets, own = [], []
    for r in reflections:
        parts = []
        day = day_words(dt.date.fromisoformat(r.week))
        where = _("summary.reflection.where", day=day)
        for name in _REFLECTION_WORDS:
            mine = choices.own(f"reflection:{r.week}:{name}", where, getattr(r, name))
            if mine:
                own.append(mine)
                parts.append(_("summary.reflection.own", what=_(f"summary.reflection.{name}"), text=mine.text))
        for name in _REFLECTION_SCALES:
            value = getattr(r, name)
            if value is not None:
                parts.append(_("summary.reflection.out_of_4", what=_(f"summary.reflection.{name}"), value=value))
        if parts:
            bullets.append(_("summary.reflection.week", day=day, parts="; ".join(parts)))
    return Section("reflection", _("summary.reflection.title"),
                   bullets=tuple(bullets) or (_("summary.reflection.none"),), own=tuple(own))


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
        **{key: (lambda name=name, key=key: _amount_section(inside, window, key, name))
           for key, name in AMOUNTS.items()},
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
        title=_("summary.title"),
        period_from=window.start,
        period_to=window.end,
        checkins=len(inside),
        statement=statement(),
        disclaimer=contacts.disclaimer(),  # read now, as the document is built, in the language spoken
        sections=kept,
        # The charts draw the week-by-week figures: they go where that section goes.
        charts=found_charts if any(s.id == "weekly" for s in kept) else (),
    )


# -- the sections build() puts together, in its order ----------------------

def _chosen_or_suggested(name: str, choices: Choices,
                         suggest: Callable[[], tuple[str, ...]]) -> Section | None:
    """The officer's own lines; None chosen yet: suggestions, marked as such; an empty
    choice (or every line left out): no section (never words they did not pick).

    The titles: "summary.<name>.chosen" when the officer wrote it, ".suggested" when not."""
    chosen = getattr(choices, "helped" if name == "helping" else name)
    if chosen is None:
        suggested = suggest()
        return Section(name, _(f"summary.{name}.suggested"), bullets=suggested) if suggested else None
    what = _(f"summary.{name}.line_of")
    own = tuple(mine for i, line in enumerate(chosen)
                if (mine := choices.own(f"{name}:{i}", _("summary.own.line", number=i + 1, what=what), line)))
    if own:
        return Section(name, _(f"summary.{name}.chosen"), bullets=tuple(mine.text for mine in own), own=own)
    return None


def _requests_section(choices: Choices) -> Section | None:
    words = request_words()
    wanted = [words[key] for key in choices.requests if key in words]
    other = choices.own("request_other", _("summary.requests.own"), choices.request_other)
    if other:
        wanted.append(other.text)
    if not wanted:
        return None
    return Section("requests", _("summary.requests.title"), bullets=tuple(wanted), own=(other,) if other else ())


def _talking_points_section(inside: Sequence[CheckIn], choices: Choices) -> Section:
    points, own, held = [], [], 0
    for r in inside:
        key = f"talking_point:{r.date}"
        if not r.raise_at_supervision:
            continue
        if key in choices.left_out:
            held += 1
            continue
        day = day_words(r.day)
        mine = choices.own(key, _("summary.talking_points.where", day=day), r.talking_point)
        own += [mine] if mine else []
        points.append(f"{day}: {mine.text if mine else _('summary.talking_points.marked')}")
    if held:
        # "None marked" would be untrue: say that some were, without their words.
        points.append(_n("summary.talking_points.held_more" if points else "summary.talking_points.held", held))
    return Section("talking_points", _("summary.talking_points.title"),
                   bullets=tuple(points) or (_("summary.talking_points.none"),), own=tuple(own))


def _actions_section(previous: PastSummary | None, choices: Choices) -> Section:
    # A carried action left out of this summary is still the officer's, and still
    # remembered for the next one: only this document goes without it.
    own = [mine for i, a in enumerate(choices.progress)
           if (mine := choices.own(f"action:{i}", _("summary.actions.carried"), a.text))]
    statuses = {f"action:{i}": a.status for i, a in enumerate(choices.progress)}
    own += [mine for i, text in enumerate(choices.new_actions)
            if (mine := choices.own(f"new_action:{i}", _("summary.actions.new"), text))]
    # The status is stored in English (the journal and its exports); it reads in the language spoken.
    actions = [f"{mine.text}: {status_words(statuses.get(mine.key, TO_DISCUSS))}" for mine in own]
    if previous is None and not choices.progress and not choices.new_actions:
        actions = [_("summary.actions.first")]
    return Section("actions", _("summary.actions.title"), bullets=tuple(actions) or (_("summary.actions.none"),),
                   own=tuple(own))


def _notes_section(inside: Sequence[CheckIn], choices: Choices) -> Section | None:
    with_notes = [r for r in inside if r.note]
    own = tuple(mine for r in with_notes
                if (mine := choices.own(f"note:{r.date}", _("summary.notes.where", day=day_words(r.day)), r.note)))
    # Every note held back is not "no notes": then the section says nothing at all.
    if with_notes and not own:
        return None
    days = {f"note:{r.date}": r.day for r in with_notes}
    return Section("notes", _("summary.notes.title"),
                   bullets=tuple(f"{day_words(days[mine.key])}: {mine.text}" for mine in own)
                   or (_("summary.notes.none"),), own=own)


# The day-by-day table's columns: the field each shows (the check-in's date, its shift, ...).
DAILY = ("date", "shift", "sleep_hours", "sleep_quality", "mood", "energy", "switch_off", "support")


def _daily_section(inside: Sequence[CheckIn], choices: Choices) -> Section:
    columns = tuple(c for c in DAILY if c not in PRIVATE_MOOD or "mood" in choices.include)

    def cell(r: CheckIn, column: str) -> str:
        value = getattr(r, column)
        if column == "date":
            return value
        if value is None or value == "":
            return "-"
        if column == "shift":
            return _(f"summary.daily.shift.{value}")
        return f"{value:g}" if column == "sleep_hours" else str(value)

    table = [tuple(_(f"summary.daily.column.{c}") for c in columns)]
    table += [tuple(cell(r, c) for c in columns) for r in inside]
    return Section("daily", _("summary.daily.title"), table=tuple(table))


def _amount_section(inside: Sequence[CheckIn], window: Window, key: str, name: str) -> Section:
    """An optional amount question's section (alcohol): its average a week, and on how many days."""
    spec = FIELD_SPECS[name]
    amounts = [getattr(r, name) for r in inside if getattr(r, name) is not None]
    weeks = max(1, window.days / 7)
    label = spec.trend_label
    if amounts:
        text = _("summary.amount.text", amount=f"{sum(amounts) / weeks:.1f}", unit=spec.unit_words,
                 days=_days(sum(a > 0 for a in amounts)))
    else:
        # {what}: the label inside a sentence (English lowers its first letter); {label} as it stands.
        text = _("summary.amount.none", what=label[:1].lower() + label[1:], label=label)
    return Section(key, label, paragraphs=(text,))


def _intrusions_section(inside: Sequence[CheckIn]) -> Section:
    memories = sum(1 for r in inside if (r.intrusions or 0) >= 2)
    dreams = sum(1 for r in inside if r.nightmare)
    return Section("intrusions", _("summary.intrusions.title"), bullets=(
        _("summary.memories", days=_days(memories)),
        _n("summary.intrusions.dreams", dreams),
    ))


def _packs_section(packs: dict | None) -> Section:
    from resilience_cli.packs import score_words

    # The band's words are the officer's own, from their pack file: each format escapes them as it does any text.
    lines = [score_words(score) for pack in (packs or {}).values() for score in pack["scores"].values()
             if score["count"]]
    return Section("packs", _("summary.packs.title"), bullets=tuple(lines) or (_("summary.packs.none"),))


def _growth_section(records: Sequence[CheckIn], reflections: Sequence[Reflection], window: Window,
                    choices: Choices) -> Section:
    """What went well: counts, and the officer's own lines learned or proud of (looked over first)."""
    from resilience_cli.went_well import growth_lines, went_well

    result = went_well(records, reflections, (), window)
    bullets = []
    m, w = result.moments, result.worthwhile
    if m.answered:
        bullets.append(_n("summary.growth.moments", m.answered, days=m.days))
    if w.weekly:
        bullets.append(_n("summary.growth.worthwhile", len(w.weekly), mean=f"{w.mean:.1f}"))
    own = []
    for ref in growth_lines(reflections, window.start, window.end):
        day = day_words(dt.date.fromisoformat(ref.week))
        mine = choices.own(f"growth:{ref.week}", _("summary.growth.where", day=day), ref.proud)
        if mine:
            own.append(mine)
            bullets.append(_("summary.growth.proud", day=day, text=mine.text))
    return Section("growth", _("summary.growth.title"), bullets=tuple(bullets) or (_("summary.growth.none"),),
                   own=tuple(own))


def _phonein_section(phoneins: Sequence, period: tuple[dt.date, dt.date], choices: Choices) -> Section:
    bullets, own = phonein_section.bullets(phoneins, period, choices)
    return Section("phonein", _("summary.phonein.title"), bullets=bullets, own=own)


def _colleagues_section(records: Sequence[CheckIn], colleagues: Sequence[ColleagueCheck],
                        window: Window) -> Section:
    """Support given to colleagues, as counts only: never a nickname or a date."""
    from resilience_cli.went_well import went_well

    result = went_well(records, (), colleagues, window)
    n = result.colleague_checkins
    if result.supported_days is None:
        text = _n("summary.colleagues.checks", n)
    else:
        text = _n("summary.colleagues.with_days", n, days=_days(result.supported_days))
    return Section("colleagues", _("summary.colleagues.title"), paragraphs=(text,))
