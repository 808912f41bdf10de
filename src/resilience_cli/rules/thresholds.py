"""Pure: every rule's threshold in one place, each overridable in config.toml."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Thresholds:
    # A pattern rule stays silent with fewer check-ins than this in its 7 days.
    min_checkins: int = 4
    # R2
    low_mood: int = 2
    low_mood_checkins: int = 3  # of the last 5 check-ins
    low_mood_mean: float = 3.0  # over 7 days
    # R3
    exposure_days: int = 4  # of the last 7 working days
    low_support: int = 1
    low_support_days: int = 3
    # R5
    followup_intrusions: int = 2
    followup_avoidance: int = 2
    followup_sleep_quality: int = 4
    lasting_intrusions: int = 2
    lasting_intrusion_days: int = 10  # of the last 28 days
    lasting_checkin_days: int = 21  # of those 28 days checked in, or the branch stays silent
    # R6
    short_sleep_hours: float = 6.0
    short_sleep_nights: int = 3  # of the last 7
    # R7
    poor_sleep_quality: int = 3
    poor_sleep_nights: int = 3  # of the last 7
    poor_sleep_nights_21: int = 10  # of the last 21: suggest the GP
    # R8
    nightmare_nights: int = 2  # of the last 7
    nightmare_nights_14: int = 4  # of the last 14: suggest the GP or OH
    # R9
    high_intrusions: int = 3
    high_intrusion_days: int = 3  # of the last 7
    # R10
    low_switch_off: int = 1
    low_switch_off_days: int = 4  # of the last 7 working days
    # R11
    low_energy: int = 3
    low_energy_checkins: int = 5  # of the last 7 check-ins
    low_workload: int = 1
    low_workload_days: int = 3
    # R12
    not_talked_checkins: int = 7  # in a row
    no_people_days: int = 10
    low_support_run_days: int = 7
    # R13
    graphic_days: int = 2  # of the last 5 working days
    # R14
    no_break_days: int = 3  # of the last 5 working days
    # R15
    weekly_units: float = 14.0
    drinking_days: int = 5  # of 7
    drink_poor_sleep_nights: int = 2  # of 7
    # R16
    no_exercise_days: int = 7
    # R17
    good_sleep_hours: float = 7.0
    good_switch_off: int = 3
    good_support: int = 3
    good_days: int = 5  # of the last 7
    # R18
    away_days: int = 7
    # R19
    supervision_days_ahead: int = 3
    # R21
    heavy_interactions: int = 2  # some or a lot
    heavy_interaction_days: int = 4  # of the last 7 working days
    # Silencing a tip lasts this long.
    silence_days: int = 14


THRESHOLD_NAMES = tuple(f.name for f in fields(Thresholds))
