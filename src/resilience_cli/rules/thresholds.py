"""Pure: every rule's threshold in one place, each overridable in config.toml."""

from __future__ import annotations


class Thresholds:
    """Every threshold, by name; `Thresholds(low_mood=3)` changes one. Read-only.

    A plain class, not a dataclass: creating a frozen dataclass of 50 fields
    cost about 2 ms of every check-in's start-up.
    """

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

    def __init__(self, **changes: float) -> None:
        unknown = set(changes) - set(THRESHOLD_NAMES)
        if unknown:
            raise TypeError(f"Thresholds has no {', '.join(sorted(unknown))}")
        # Only the changed values live on the instance; the rest are the class's defaults.
        object.__setattr__(self, "_changes", dict(changes))
        self.__dict__.update(changes)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Thresholds are read-only: cannot set {name}")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Thresholds) and self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        return f"Thresholds({', '.join(f'{k}={v!r}' for k, v in self._changes.items())})"

    def _values(self) -> tuple:
        return tuple(getattr(self, name) for name in THRESHOLD_NAMES)

    def replace(self, **changes: float) -> Thresholds:
        return Thresholds(**{**self._changes, **changes})


# The names in the order above (the order `resilience config` lists them).
THRESHOLD_NAMES = tuple(Thresholds.__annotations__)
