"""Every rule: a journal that fires it, and one just the other side of each threshold."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from importlib import resources
from pathlib import Path

import pytest

from resilience_cli.followups import FollowUp
from resilience_cli.model import CheckIn
from resilience_cli.rules.content import rule_texts
from resilience_cli.rules.engine import (
    RULES,
    RuleContext,
    after_checkin,
    evaluate,
    silenceable,
)
from resilience_cli.rules.thresholds import Thresholds
from resilience_cli.safety import SafetyAnswer

TO = dt.date(2026, 11, 27)
# A quiet week: nothing here fires any rule.
NEUTRAL = dict(shift="day", incident="none", material=0, graphic=False, workload=2,
               sleep_hours=6.5, sleep_quality=6, nightmare=False, intrusions=0, switch_off=2,
               mood=6, energy=6, talked=True, support=2, recovery=("exercise", "people"))


def week(n: int = 7, changes: dict[int, dict] | None = None, **overrides) -> list[CheckIn]:
    """n daily check-ins ending at TO; `changes` maps days-ago to answers for that day."""
    out = []
    for ago in range(n - 1, -1, -1):
        day = TO - dt.timedelta(days=ago)
        answers = {**NEUTRAL, **overrides, **(changes or {}).get(ago, {})}
        out.append(CheckIn(id=str(ago), date=day.isoformat(), created_at="x", updated_at="x", **answers))
    return out


def fired(records, **ctx) -> list[str]:
    return [i.rule for i in evaluate(RuleContext(to=TO, records=records, **ctx))]


def on(days: range | list[int], **answers) -> dict[int, dict]:
    return {d: answers for d in days}


def merge(*changes: dict[int, dict]) -> dict[int, dict]:
    """Combine day changes; answers for the same day add up rather than replace."""
    out: dict[int, dict] = {}
    for change in changes:
        for day, answers in change.items():
            out[day] = {**out.get(day, {}), **answers}
    return out


def test_a_quiet_week_fires_nothing():
    assert fired(week()) == []


CASES = {
    # rule: (fires, does not fire)
    "R2": (week(changes=on([0, 2, 4], mood=2)), week(changes=on([0, 2, 4], mood=3))),
    "R2_mean": (week(mood=3), week(changes=on([0], mood=4), mood=3)),
    "R3": (week(changes=merge(on([0, 1, 2, 3], material=2), on([1, 2, 3], support=1))),
           week(changes=merge(on([0, 1, 2], material=2), on([0, 1, 2], support=1)))),
    "R3_support": (week(changes=merge(on([0, 1, 2, 3], material=2), on([1, 2, 3], support=1))),
                   week(changes=merge(on([0, 1, 2, 3], material=2), on([2, 3], support=1)))),
    # Low support counts on the exposure days themselves, not on quiet ones.
    "R3_on_exposure_days": (week(changes=merge(on([0, 1, 2, 3], material=2), on([1, 2, 3], support=1))),
                            week(changes=merge(on([0, 1, 2, 3], material=2), on([4, 5, 6], support=1)))),
    "R3_incident": (week(changes=merge(on([0, 1], incident="minor"), on([2, 3], material=3),
                                       on([0, 1, 2], support=0))),
                    week(changes=merge(on([0, 1], incident="minor"), on([2], material=3),
                                       on([0, 1, 2], support=0)))),
    "R4": (week(changes=on([0], incident="significant")), week(changes=on([1], incident="significant"))),
    "R5_days": (week(28, changes=on(range(10), intrusions=2)), week(28, changes=on(range(9), intrusions=2))),
    # The sustained branch needs 21 of the 28 days checked in: ten days of
    # journal, however hard, are not "weeks".
    "R5_checked_in": (week(21, changes=on(range(10), intrusions=2)), week(20, changes=on(range(10), intrusions=2))),
    "R6": (week(changes=on([0, 3, 5], sleep_hours=5.75)), week(changes=on([0, 3, 5], sleep_hours=6.0))),
    "R6_little_data": (week(changes=on([0, 3, 5], sleep_hours=5.75)),
                       week(3, changes=on([0, 1, 2], sleep_hours=5.0))),
    "R7": (week(changes=on([0, 1, 2], sleep_quality=3)), week(changes=on([0, 1, 2], sleep_quality=4))),
    "R8": (week(changes=on([1, 6], nightmare=True)), week(changes=on([1], nightmare=True))),
    "R9": (week(changes=on([0, 1, 6], intrusions=3)), week(changes=on([0, 1, 6], intrusions=2))),
    "R10": (week(changes=on([0, 1, 2, 3], switch_off=1)), week(changes=on([0, 1, 2], switch_off=1))),
    "R10_rest_days": (week(changes=on([0, 1, 2, 3], switch_off=1)),
                      week(changes={**on([0, 1, 2, 3], switch_off=1), **on([0, 1, 2, 3, 4, 5], shift="rest")})),
    "R11": (week(changes=merge(on(range(5), energy=3), on([0, 1, 2], workload=1))),
            week(changes=merge(on(range(4), energy=3), on([0, 1, 2], workload=1)))),
    "R11_workload": (week(changes=merge(on(range(5), energy=3), on([0, 1, 2], workload=1))),
                     week(changes=merge(on(range(5), energy=3), on([0, 1], workload=1)))),
    "R12": (week(talked=False), week(changes=on([3], talked=True), talked=False)),
    "R12_people": (week(10, recovery=("exercise",)), week(10, changes=on([9], recovery=("people",)), recovery=("exercise",))),
    "R12_support": (week(support=1), week(changes=on([6], support=2), support=1)),
    "R13": (week(changes=on([0, 4], graphic=True, material=1)), week(changes=on([0, 5], graphic=True, material=1))),
    "R14": (week(changes=on([0, 1, 4], workload=1)), week(changes=on([0, 1, 5], workload=1))),
    "R16": (week(recovery=("people",)), week(changes=on([6], recovery=("exercise",)), recovery=("people",))),
    "R17": (week(changes=on(range(5), sleep_hours=7.0, switch_off=3, support=3)),
            week(changes=on(range(4), sleep_hours=7.0, switch_off=3, support=3))),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_rule_fires_and_stays_quiet_just_past_its_threshold(case):
    rule = case.split("_")[0]
    fires, quiet = CASES[case]
    assert rule in fired(fires)
    assert rule not in fired(quiet)


def test_r1_a_safety_yes_shows_the_crisis_box_and_nothing_else():
    busy = week(changes=on([0, 1, 2], mood=1, sleep_quality=2))
    yes = [SafetyAnswer("s", TO.isoformat(), "yes", "x")]
    assert fired(busy, safety=yes) == ["R1"]
    assert fired(busy, safety=[SafetyAnswer("s", TO.isoformat(), "no", "x")])[0] == "R2"
    yesterday = [SafetyAnswer("s", (TO - dt.timedelta(days=1)).isoformat(), "yes", "x")]
    assert fired(busy, safety=yesterday) == ["R1"]
    older = [SafetyAnswer("s", (TO - dt.timedelta(days=2)).isoformat(), "yes", "x")]
    assert "R1" not in fired(busy, safety=older)


def _followup(**answers) -> FollowUp:
    incident = TO - dt.timedelta(days=29)
    return FollowUp(id="f", incident_date=incident.isoformat(), kind="week4",
                    date=(TO - dt.timedelta(days=1)).isoformat(), **answers)


@pytest.mark.parametrize(
    "strong,eased",
    [(dict(intrusions=2), dict(intrusions=1)),
     (dict(avoidance=2), dict(avoidance=1)),
     (dict(sleep_quality=4), dict(sleep_quality=5))],
)
def test_r5_after_a_four_week_follow_up(strong, eased):
    assert "R5" in fired(week(), followups=[_followup(**strong)])
    assert "R5" not in fired(week(), followups=[_followup(**eased)])
    assert "R5" not in fired(week(), followups=[_followup(skipped=True)])


def test_r15_only_when_the_alcohol_question_is_on():
    heavy = week(changes=on([0, 2, 4], alcohol_units=5.0))  # 15 units
    light = week(changes={0: {"alcohol_units": 5.0}, 2: {"alcohol_units": 5.0}, 4: {"alcohol_units": 4.0}})
    assert "R15" in fired(heavy, alcohol_question=True)
    assert "R15" not in fired(light, alcohol_question=True)
    assert "R15" not in fired(heavy, alcohol_question=False)
    often = week(changes=on(range(5), alcohol_units=1.0))
    assert "R15" in fired(often, alcohol_question=True)
    assert "R15" not in fired(week(changes=on(range(4), alcohol_units=1.0)), alcohol_question=True)
    poor = week(changes=on([0, 3], alcohol_units=1.0, sleep_quality=3))
    assert "R15" in fired(poor, alcohol_question=True)


def _away(gap_days: int, low_before: bool) -> list[CheckIn]:
    before = week(changes=on([0, 2, 4], mood=2)) if low_before else week()
    shifted = [replace(r, date=(r.day - dt.timedelta(days=gap_days + 1)).isoformat()) for r in before]
    return shifted + [week(1)[0]]


def test_r18_welcome_back_after_a_hard_patch():
    assert "R18" in fired(_away(7, low_before=True))
    assert "R18" not in fired(_away(6, low_before=True))
    assert "R18" not in fired(_away(10, low_before=False))


def test_r19_supervision_soon():
    assert "R19" in fired(week(), supervision=TO + dt.timedelta(days=3))
    assert "R19" in fired(week(), supervision=TO)
    assert "R19" not in fired(week(), supervision=TO + dt.timedelta(days=4))
    assert "R19" not in fired(week(), supervision=TO - dt.timedelta(days=1))


R20_BASE = merge(on([0, 1, 2, 3], material=2), on([1, 2, 3], support=1), on([0, 3, 5], sleep_hours=5.0))


def test_r20_several_signs_at_once():
    records = week(changes=merge(R20_BASE, on([1, 2, 6], intrusions=3)))
    items = fired(records)
    assert items[0] == "R20"
    assert {"R3", "R6", "R9", "R20"} <= set(items)
    assert "R20" not in fired(week(changes=R20_BASE))  # no memories, not isolated
    assert "R20" not in fired(week(changes=merge(on([0, 1, 2, 3], material=2), on([1, 2, 3], support=1),
                                                 on([1, 2, 6], intrusions=3))))  # sleep is fine
    # Low support on days without exposure is no R3, so no R20 either.
    false_r3 = merge(on([0, 1, 2, 3], material=2), on([4, 5, 6], support=1), on([0, 3, 5], sleep_hours=5.0),
                     on([1, 2, 6], intrusions=3))
    assert "R3" not in fired(week(changes=false_r3)) and "R20" not in fired(week(changes=false_r3))


def test_r3_why_is_true_of_the_exposure_days():
    records = week(changes=merge(on([0, 1, 2, 3], material=2), on([1, 2, 3], support=1), on([5, 6], support=0)))
    [item] = [i for i in evaluate(RuleContext(to=TO, records=records)) if i.rule == "R3"]
    assert item.why == ("Heavy exposure (some or a lot of distressing material or of hostile or distressing "
                        "interactions, or an incident) on 4 of your last 7 working days, "
                        "and support 1 or lower on 3 of those days.")


def test_priority_and_the_two_tip_limit_after_a_check_in():
    records = week(changes={
        **on([0, 2, 4], mood=2, sleep_hours=5.0, nightmare=True, switch_off=1, sleep_quality=3),
        **on([1, 3], switch_off=1),
    }, recovery=("people",))
    items = evaluate(RuleContext(to=TO, records=records))
    rules = [i.rule for i in items]
    assert rules[0] == "R2"
    assert rules[1:] == sorted(rules[1:], key=lambda r: int(r[1:]))
    assert len([i for i in items if i.level == "tip"]) > 2
    shown = after_checkin(items)
    assert [i.rule for i in shown] == ["R2", *[i.rule for i in items if i.level == "tip"][:2]]


def test_silencing_a_tip_and_its_expiry():
    records = week(changes=on([0, 1, 3], sleep_hours=5.0, mood=2))
    ctx = RuleContext(to=TO, records=records)
    assert "R6" not in [i.rule for i in evaluate(ctx, {"R6": TO})]
    assert "R6" in [i.rule for i in evaluate(ctx, {"R6": TO - dt.timedelta(days=1)})]
    # Support and crisis rules ignore silencing.
    assert "R2" in [i.rule for i in evaluate(ctx, {"R2": TO + dt.timedelta(days=30)})]


def test_silenceable_rules_are_the_tips():
    from resilience_cli.rules.content import never_silenced

    assert {r for r in RULES if not silenceable(r)} == {"R1", "R2", "R4", "R5", "R20"}
    assert never_silenced() == ("R1", "R2", "R4", "R5", "R20")


def test_why_carries_the_users_own_numbers():
    item = next(i for i in evaluate(RuleContext(to=TO, records=week(changes=on([0, 3, 5, 6], sleep_hours=5.0))))
                if i.rule == "R6")
    assert item.why == "Sleep under 6 hours on 4 of your last 7 nights."
    assert item.sources == (
        "NHS (n.d.), Insomnia; How to get to sleep. nhs.uk",
        "NHS staff health and wellbeing guidance (n.d.), Sleep and shift work. NHS trust staff hubs",
    )


def test_shift_workers_get_the_shift_set():
    nights = week(changes=on([0, 3, 5], sleep_hours=5.0, shift="night"))
    days = week(changes=on([0, 3, 5], sleep_hours=5.0))
    text_nights = next(i.text for i in evaluate(RuleContext(to=TO, records=nights)) if i.rule == "R6")
    text_days = next(i.text for i in evaluate(RuleContext(to=TO, records=days)) if i.rule == "R6")
    assert any(v in text_nights for v in rule_texts()["R6"].shift_variants)
    assert not any(v in text_days for v in rule_texts()["R6"].shift_variants)


def test_the_words_change_from_day_to_day():
    records = week(changes=on([0, 1, 3, 5], sleep_hours=5.0))
    today = next(i.text for i in evaluate(RuleContext(to=TO, records=records)) if i.rule == "R6")
    later = RuleContext(to=TO + dt.timedelta(days=1),
                        records=records + [CheckIn(id="n", date=(TO + dt.timedelta(days=1)).isoformat(),
                                                   sleep_hours=5.0, created_at="x", updated_at="x")])
    tomorrow = next(i.text for i in evaluate(later) if i.rule == "R6")
    assert today != tomorrow


def test_long_running_poor_sleep_suggests_the_gp():
    records = week(21, changes=on(range(0, 21, 2), sleep_quality=2))
    item = next(i for i in evaluate(RuleContext(to=TO, records=records)) if i.rule == "R7")
    assert "CBT for insomnia" in item.text
    assert "Poor sleep on 11 of the last 21 nights." in item.why


def test_thresholds_come_from_config():
    records = week(changes=on([0, 3, 5], sleep_hours=6.5))
    assert "R6" not in fired(records)
    assert "R6" in fired(records, thresholds=Thresholds(short_sleep_hours=7.0))


BANNED = re.compile(
    r"\b(ptsd|depression|depressed|disorder|burn-?out|burnt out|burned out|illness|mentally ill|"
    r"sick|patient|symptoms?|streaks?|diagnosis|you failed|failure|weak|"
    r"commit(ted|s)? suicide|successful suicide|failed attempt)\b", re.I)


def test_no_diagnostic_labels_or_verdicts_in_any_text():
    data = resources.files("resilience_cli").joinpath("data")
    for name in ("tips.toml", "contacts.toml"):
        text = data.joinpath(name).read_text("utf-8")
        lines = [line for line in text.splitlines() if not line.lstrip().startswith("#")
                 and not line.lstrip().startswith("sources")]
        found = [line for line in lines if BANNED.search(line)]
        assert found == [], name
    for item in rule_texts().values():
        for words in (item.title, *item.variants, *item.shift_variants, item.lasting, *item.alternates.values(),
                      *item.titles.values()):
            assert not BANNED.search(words), words
    # The scan can fail: it knows a verdict when it sees one.
    assert BANNED.search("Signs of burnout")


def test_every_tip_has_several_variants():
    for rule, words in rule_texts().items():
        if words.level == "tip":
            assert len(words.variants) >= 2, rule


RULE_ID = re.compile(r"R\d+")


def test_the_engine_has_no_branch_for_one_rule():
    """Each rule says which of its words it needs (its variant), and the content
    chooses the words by variant: the engine compares no rule's name with a
    literal, so a new case of a rule's words changes the rule and tips.toml,
    not the engine."""
    import ast

    from resilience_cli.rules import engine

    tree = ast.parse(Path(engine.__file__).read_text("utf-8"))
    named = sorted(
        f"line {node.lineno}: {ast.unparse(node)}"
        for node in ast.walk(tree) if isinstance(node, ast.Compare)
        for operand in (node.left, *node.comparators)
        for const in ast.walk(operand)
        if isinstance(const, ast.Constant) and isinstance(const.value, str) and RULE_ID.fullmatch(const.value)
    )
    assert named == []


@pytest.mark.parametrize(("variant", "title", "start", "end"), [
    ("", "After a significant incident", "Strong reactions in the first days", "not a replacement for support."),
    ("later", "After a significant incident", "Strong reactions in the days after", "and nobody is told."),
])
def test_the_words_follow_the_rules_variant(variant, title, start, end):
    words = rule_texts()["R4"].words(variant, 0)
    assert words[0] == title and words[1].startswith(start) and words[1].endswith(end)


def test_the_variants_words_come_from_tips_toml():
    r5 = rule_texts()["R5"]
    assert r5.words("sustained", 0) == ("Memories that keep coming back", r5.alternates["sustained"])
    assert r5.words("", 0) == ("Still strong after a month", r5.variants[0])
    r7 = rule_texts()["R7"]
    assert r7.words("lasting", 1) == ("Poor sleep", f"{r7.variants[1]} {r7.lasting}")
    r6 = rule_texts()["R6"]
    assert r6.words("shift", 3) == ("Short sleep", f"{r6.variants[1]} {r6.shift_variants[1]}")
    # A variant nobody wrote words for is a mistake in the rule, found here, not a silent default.
    with pytest.raises(ValueError, match="R6 has no words for 'lasting'"):
        r6.words("lasting", 0)


def test_a_rules_cases_are_read_from_tips_toml_not_listed_in_code():
    from resilience_cli.rules.content import _alternates

    item = {"level": "tip", "title": "T", "variants": ["v"], "sources": [], "titles": {"early": "E"},
            "early": "Words for a new case."}
    assert _alternates("R99", item) == {"early": "Words for a new case."}
    # A key that is neither part of a rule nor words is a slip in the file.
    with pytest.raises(ValueError, match="R99.colour"):
        _alternates("R99", {**item, "colour": 3})


def test_each_rule_names_its_variant():
    from resilience_cli.rules.engine import Finding, r4, r8

    incident = week(changes={0: {"incident": "significant"}})
    assert r4(RuleContext(to=TO, records=incident)) == Finding(
        "You recorded a significant incident on Friday 27 November 2026.")
    assert r4(RuleContext(to=TO, records=incident, today=TO + dt.timedelta(days=2))).variant == "later"
    dreams = week(14, changes=on([0, 2, 4, 6, 8, 10], nightmare=True))
    assert r8(RuleContext(to=TO, records=dreams)) == Finding(
        "Upsetting dreams about work on 4 of your last 7 nights. On 6 of the last 14 nights.", "lasting")
