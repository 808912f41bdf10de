"""Small-cell suppression for one question's counts, safe against a reader who knows this rule.

A question's counts (one per band) add up to the week's participants, which
the report shows. When any count is from 1 to k-1 people, every count under
k in that question, zeros included, is shown as "fewer than k": which bands
hold nobody and which hold a few cannot be told apart. A reader who adds up
what is shown knows the hidden counts' total S, and each hidden count lies
between 0 and k-1; when that pins one down (a single hidden count, or hidden
counts that can only all be k-1), the whole question is "not shown".

Why no cheaper rule. Hiding just enough further counts, smallest first, reads
well but gives itself away to anyone who knows it: counts of 4, 4 and 6 would
show as "fewer than 5", "fewer than 5", "not shown", and a second hidden count
is needed only when the first two were pinned, that is, both 4. Here the
choice between the two displays depends only on what the display itself
lets anyone work out, and a test checks every possible set of counts: each
hidden count that was small could have had at least two values.
"""

from __future__ import annotations

from collections.abc import Sequence

FEWER = "fewer"  # shown as "fewer than k"
NOT_SHOWN = "not shown"  # not a message: the report file's value (shown in words by pulse.report)
Cell = int | str


def reader_ranges(cells: Sequence[Cell], total: int, k: int) -> dict[int, tuple[int, int]]:
    """What a reader can work out about each hidden count: its lowest and highest possible value.

    With one sum and a range for each, the values one hidden count can take are
    exactly [max(lo, S - the others' highs), min(hi, S - the others' lows)].
    """
    box = {i: ((0, k - 1) if c == FEWER else (0, total)) for i, c in enumerate(cells) if isinstance(c, str)}
    hidden_sum = total - sum(c for c in cells if isinstance(c, int))
    lows, highs = sum(lo for lo, _ in box.values()), sum(hi for _, hi in box.values())
    return {i: (max(lo, hidden_sum - (highs - hi)), min(hi, hidden_sum - (lows - lo)))
            for i, (lo, hi) in box.items()}


def protect(counts: Sequence[int], k: int) -> tuple[Cell, ...]:
    """The counts as the report may show them: each a number, FEWER, or (the whole question) NOT_SHOWN."""
    if not any(0 < c < k for c in counts):
        return tuple(counts)
    cells: list[Cell] = [FEWER if c < k else c for c in counts]
    if any(lo == hi for lo, hi in reader_ranges(cells, sum(counts), k).values()):
        return tuple(NOT_SHOWN for _ in counts)
    return tuple(cells)
