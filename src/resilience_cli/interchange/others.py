"""Imports from the tools people come from: Daylio's CSV and jrnl's JSON export.

Daylio: one row per entry, columns full_date, date, weekday, time, mood,
activities, note_title, note. Its five default moods map to our 0-10 mood
scale (rad 9, good 7, meh 5, bad 3, awful 1); a renamed mood is left skipped
and reported. Activities that match ours become recovery (see ACTIVITIES); the
rest are left out. Title and note become the private note. Several entries on
one day become one check-in: the moods averaged, the activities and notes
combined.

jrnl: each entry becomes the private note of its day (title, then body); no
other answer is invented.

Each imported day gets an id derived from its source and date, so importing
the same export twice changes nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import uuid
from collections import defaultdict

from resilience_cli.errors import InvalidInput
from resilience_cli.interchange.reader import RecordProblem, json_document
from resilience_cli.messages import _
from resilience_cli.model import RECOVERY
from resilience_cli.validation import Batch, checkin_from

DAYLIO_MOODS = {"rad": 9, "good": 7, "meh": 5, "bad": 3, "awful": 1}
ACTIVITIES = {
    "exercise": {"sport", "sports", "exercise", "gym", "running", "run", "walk", "walking",
                 "cycling", "swimming", "yoga", "fitness", "workout"},
    "outdoors": {"nature", "outdoors", "outside", "garden", "gardening", "hiking"},
    "people": {"friends", "family", "date", "party", "partner", "socialising", "socializing"},
    "hobby": {"hobby", "hobbies", "reading", "movies", "gaming", "music", "drawing", "crafts",
              "cooking"},
    "wind_down": {"meditation", "wind down", "bath"},  # not a message: Daylio's activity names
    "rest": {"relax", "rest", "nap", "sleep early"},  # not a message: Daylio's activity names
}
# A fixed namespace: the same source and day always give the same id.
NAMESPACE = uuid.UUID("6b1f3c52-7e0b-4e55-9a3c-1d2f6b8e9a10")


def _record(source: str, day: str, today: dt.date, where: str, **answers) -> object:
    stamp = f"{day}T12:00:00Z"
    item = {"id": str(uuid.uuid5(NAMESPACE, f"{source}:{day}")), "date": day,
            "created_at": stamp, "updated_at": stamp, **answers}
    try:
        return checkin_from(item, today)
    except InvalidInput as exc:
        raise RecordProblem(_("interchange.record_problem", where=where, problem=exc.message.rstrip("."))) from None


def from_daylio(text: str, today: dt.date) -> Batch:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip() for h in (reader.fieldnames or [])]
    if "full_date" not in header and {"year", "date", "weekday", "mood"} <= set(header):
        raise InvalidInput(_("interchange.daylio.older"))
    if "full_date" not in header or "mood" not in header:
        raise InvalidInput(_("interchange.daylio.not_daylio"))
    days: dict[str, dict] = defaultdict(lambda: {"moods": [], "activities": set(), "notes": [], "row": 0})
    unknown_moods: set[str] = set()
    for n, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise InvalidInput(_("interchange.daylio.row_cells", row=n))
        row = {k.strip(): v.strip() for k, v in row.items()}
        day = row.get("full_date", "")
        entry = days[day]
        entry["row"] = entry["row"] or n
        mood = row.get("mood", "").lower()
        if mood in DAYLIO_MOODS:
            entry["moods"].append(DAYLIO_MOODS[mood])
        elif mood:
            unknown_moods.add(mood)
        for activity in row.get("activities", "").split("|"):
            word = activity.strip().lower()
            for ours, theirs in ACTIVITIES.items():
                if word in theirs:
                    entry["activities"].add(ours)
        note = "\n".join(p for p in (row.get("note_title", ""), row.get("note", "")) if p)
        if note:
            entry["notes"].append(note)
    batch = Batch(fields=frozenset({"mood", "recovery", "note"}))
    # Daylio lists the newest first; our journal reads oldest first.
    for day in sorted(days):
        entry = days[day]
        moods = entry["moods"]
        batch.checkins.append(_record(
            "daylio", day, today, _("interchange.where.row", number=entry["row"]),
            mood=round(sum(moods) / len(moods)) if moods else None,
            recovery=[a for a in RECOVERY if a in entry["activities"]] or None,
            note="\n\n".join(reversed(entry["notes"])) or None,
        ))
    if unknown_moods:
        batch.remarks.append(_("interchange.daylio.unknown_moods", moods=", ".join(sorted(unknown_moods))))
    return batch


def from_jrnl(text: str, today: dt.date) -> Batch:
    document = json_document(text)
    entries = document.get("entries") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        raise InvalidInput(_("interchange.jrnl.not_jrnl"))
    notes: dict[str, list[str]] = defaultdict(list)
    first: dict[str, int] = {}
    for n, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("date"), str):
            raise RecordProblem(_("interchange.jrnl.no_date", entry=n))
        day = entry["date"][:10]
        first.setdefault(day, n)
        parts = [str(entry.get(k) or "").strip() for k in ("title", "body")]
        text_ = "\n".join(p for p in parts if p)
        if text_:
            notes[day].append(text_)
    batch = Batch(fields=frozenset({"note"}))
    for day in sorted(first):
        batch.checkins.append(_record("jrnl", day, today, _("interchange.where.entry", number=first[day]),
                                      note="\n\n".join(notes[day]) or None))
    return batch
