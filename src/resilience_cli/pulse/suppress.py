"""Small-cell suppression for one question's counts, with the complements that protect it.

A question's counts (one per band) add up to the week's participants, which
the report shows. A count from 1 to k-1 people is hidden ("fewer than k").
One hidden count alone could be worked out as the total minus the rest, and
even several can pin each other down (two hidden counts that must add up to
8, each fewer than 5, are both 4). So more counts are hidden until no hidden
small count has a single possible value, as a reader would work it out:

- a count shown "fewer than k" lies between 0 and k-1 (a zero hidden beside
  a small count reads the same as the small count);
- a count shown "not shown" lies between k and the total;
- the hidden counts add up to the total minus the shown ones.

With one sum and a range for each, the values one hidden count can take are
exactly [max(lo, S - others' highs), min(hi, S - others' lows)]; a test
checks that against every possible filling. The smallest shown count is
hidden next; when even hiding every count leaves one pinned, the whole
question is "not shown".
"""

from __future__ import annotations

from collections.abc import Sequence

FEWER = "fewer"  # shown as "fewer than k"
NOT_SHOWN = "not shown"
Cell = int | str


def reader_ranges(cells: Sequence[Cell], total: int, k: int) -> dict[int, tuple[int, int]]:
    """What a reader can work out about each hidden count: its lowest and highest possible value."""
    box = {i: ((0, k - 1) if c == FEWER else (k, total)) for i, c in enumerate(cells) if isinstance(c, str)}
    if all(isinstance(c, str) for c in cells) and all(c == NOT_SHOWN for c in cells):
        box = {i: (0, total) for i in box}  # the whole question withheld
    hidden_sum = total - sum(c for c in cells if isinstance(c, int))
    lows, highs = sum(lo for lo, _ in box.values()), sum(hi for _, hi in box.values())
    return {i: (max(lo, hidden_sum - (highs - hi)), min(hi, hidden_sum - (lows - lo)))
            for i, (lo, hi) in box.items()}


def protect(counts: Sequence[int], k: int) -> tuple[Cell, ...]:
    """The counts as the report may show them: a number, FEWER or NOT_SHOWN each."""
    total = sum(counts)
    cells: list[Cell] = [FEWER if 0 < c < k else c for c in counts]

    def pinned() -> bool:
        ranges = reader_ranges(cells, total, k)
        return any(lo == hi for i, (lo, hi) in ranges.items() if cells[i] == FEWER)

    while FEWER in cells and pinned():
        shown = sorted((c, i) for i, c in enumerate(cells) if isinstance(c, int))
        if not shown:
            return tuple(NOT_SHOWN for _ in counts)
        value, i = shown[0]
        cells[i] = FEWER if value < k else NOT_SHOWN
    return tuple(cells)
