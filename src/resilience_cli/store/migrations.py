"""The journal's schema as an append-only history.

Append new migrations to MIGRATIONS; never edit or reorder a released one. A
database records which of these have run (sqlite-utils' `_sqlite_migrations`
table, migration set "resilience"); a name it records that is not listed here
means a newer version of resilience wrote it.

The functions take a sqlite_utils Database. sqlite-utils itself is imported
only in `build()`, when a migration is actually pending: it costs more start-up
time than the rest of an everyday command.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

MIGRATION_SET = "resilience"


def m001_create_checkins(db: Database) -> None:
    # CHECK constraints repeat the model's ranges on purpose: whatever writes
    # to this file (an old version, a script, a bug), a value outside the
    # contract can never be stored.
    db.execute(
        """
        CREATE TABLE checkins (
            id TEXT PRIMARY KEY NOT NULL,
            date TEXT NOT NULL UNIQUE
                CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
            shift TEXT CHECK (shift IN ('rest', 'day', 'late', 'night', 'long')),
            incident TEXT CHECK (incident IN ('none', 'minor', 'significant')),
            material INTEGER CHECK (material BETWEEN 0 AND 3),
            graphic INTEGER CHECK (graphic IN (0, 1)),
            workload INTEGER CHECK (workload BETWEEN 0 AND 4),
            sleep_hours REAL CHECK (sleep_hours BETWEEN 0 AND 24),
            sleep_quality INTEGER CHECK (sleep_quality BETWEEN 0 AND 10),
            nightmare INTEGER CHECK (nightmare IN (0, 1)),
            intrusions INTEGER CHECK (intrusions BETWEEN 0 AND 4),
            switch_off INTEGER CHECK (switch_off BETWEEN 0 AND 4),
            mood INTEGER CHECK (mood BETWEEN 0 AND 10),
            energy INTEGER CHECK (energy BETWEEN 0 AND 10),
            talked INTEGER CHECK (talked IN (0, 1)),
            support INTEGER CHECK (support BETWEEN 0 AND 4),
            recovery TEXT,
            alcohol_units REAL CHECK (alcohol_units >= 0),
            note TEXT,
            raise_at_supervision INTEGER CHECK (raise_at_supervision IN (0, 1)),
            talking_point TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """  # not a message: SQL
    )


def m002_periodic_records(db: Database) -> None:
    # Safety answers live in their own table so that no query written for
    # check-ins (log, export, trends, summary) can ever return them.
    db.execute(
        """
        CREATE TABLE safety_answers (
            id TEXT PRIMARY KEY NOT NULL,
            date TEXT NOT NULL,
            answer TEXT NOT NULL CHECK (answer IN ('yes', 'no', 'prefer_not_to_say')),
            created_at TEXT NOT NULL
        )
        """  # not a message: SQL
    )
    db.execute("CREATE INDEX safety_answers_date ON safety_answers (date)")  # not a message: SQL
    db.execute(
        """
        CREATE TABLE followups (
            id TEXT PRIMARY KEY NOT NULL,
            incident_date TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('day3', 'week4')),
            date TEXT NOT NULL,
            intrusions INTEGER CHECK (intrusions BETWEEN 0 AND 4),
            sleep_quality INTEGER CHECK (sleep_quality BETWEEN 0 AND 10),
            avoidance INTEGER CHECK (avoidance BETWEEN 0 AND 4),
            support INTEGER CHECK (support BETWEEN 0 AND 4),
            trim TEXT CHECK (trim IN ('used', 'offered', 'no', 'not_available')),
            skipped INTEGER NOT NULL DEFAULT 0 CHECK (skipped IN (0, 1)),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (incident_date, kind)
        )
        """  # not a message: SQL
    )
    db.execute(
        """
        CREATE TABLE reflections (
            id TEXT PRIMARY KEY NOT NULL,
            week TEXT NOT NULL UNIQUE,
            date TEXT NOT NULL,
            helped TEXT,
            harder TEXT,
            connected INTEGER CHECK (connected BETWEEN 0 AND 4),
            worthwhile INTEGER CHECK (worthwhile BETWEEN 0 AND 4),
            try_next TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """  # not a message: SQL
    )
    db.execute(
        """
        CREATE TABLE silenced_rules (
            rule TEXT PRIMARY KEY NOT NULL,
            until TEXT NOT NULL
        )
        """  # not a message: SQL
    )


def m003_summaries(db: Database) -> None:
    # Only what the next summary needs: the period, the requests and the
    # actions (JSON lists). The summary itself is the user's file, not ours.
    db.execute(
        """
        CREATE TABLE summaries (
            id TEXT PRIMARY KEY NOT NULL,
            created_at TEXT NOT NULL,
            period_from TEXT NOT NULL,
            period_to TEXT NOT NULL,
            requests TEXT NOT NULL DEFAULT '[]',
            request_other TEXT,
            actions TEXT NOT NULL DEFAULT '[]'
        )
        """  # not a message: SQL
    )


def m004_supported_colleague(db: Database) -> None:
    # The optional "did you support a colleague today?" question.
    db.execute(
        "ALTER TABLE checkins ADD COLUMN supported_colleague INTEGER "
        "CHECK (supported_colleague IN (0, 1))"  # not a message: SQL
    )


def m005_pack_answers(db: Database) -> None:
    # Answers to question packs: one set per pack and day, kept as JSON because
    # each pack has its own questions. Scores are computed, never stored.
    db.execute(
        """
        CREATE TABLE pack_answers (
            id TEXT PRIMARY KEY NOT NULL,
            pack TEXT NOT NULL,
            date TEXT NOT NULL,
            answers TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (pack, date)
        )
        """  # not a message: SQL
    )


def m006_pack_safety_and_rule_rests(db: Database) -> None:
    # Answers to a pack question marked `safety = true` are kept apart from
    # the pack's other answers, as the daily safety answers are: no query
    # written for export, log, trends or the summary can reach them.
    db.execute(
        """
        CREATE TABLE pack_safety_answers (
            id TEXT PRIMARY KEY NOT NULL,
            pack TEXT NOT NULL,
            question TEXT NOT NULL,
            date TEXT NOT NULL,
            value INTEGER NOT NULL,
            -- 1 when the answer was at or over the question's threshold (the
            -- crisis box showed), as the pack said when it was answered.
            crisis INTEGER NOT NULL CHECK (crisis IN (0, 1)),
            created_at TEXT NOT NULL,
            UNIQUE (pack, question, date)
        )
        """  # not a message: SQL
    )
    db.execute("CREATE INDEX pack_safety_answers_date ON pack_safety_answers (date)")  # not a message: SQL
    # When a support box that rests after being shown (R5) was last shown
    # after a check-in, and how strong its pattern was then.
    db.execute(
        """
        CREATE TABLE rule_rests (
            rule TEXT PRIMARY KEY NOT NULL,
            shown_on TEXT NOT NULL,
            strength INTEGER NOT NULL
        )
        """  # not a message: SQL
    )


def m007_interactions_and_growth(db: Database) -> None:
    # The third kind of exposure: hostile or distressing interactions (0-3).
    # Past days keep it skipped (NULL), never "none".
    db.execute(
        "ALTER TABLE checkins ADD COLUMN interactions INTEGER "
        "CHECK (interactions BETWEEN 0 AND 3)"  # not a message: SQL
    )
    # The weekly reflection's optional line: something learned or quietly proud of.
    db.execute("ALTER TABLE reflections ADD COLUMN proud TEXT")  # not a message: SQL


def m008_day_kinds_and_hurt(db: Database) -> None:
    # Three more kinds of day (off sick, annual leave, training/court/office)
    # and the "assaulted or physically hurt at work" answer. SQLite cannot
    # change a CHECK constraint in place, so the table is rebuilt: the same
    # columns in the same order (hurt last, as an added column would be), the
    # rows copied as they are, in the migration's one transaction.
    db.execute(
        """
        CREATE TABLE checkins_m008 (
            id TEXT PRIMARY KEY NOT NULL,
            date TEXT NOT NULL UNIQUE
                CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
            shift TEXT CHECK (shift IN ('rest', 'day', 'late', 'night', 'long', 'sick', 'leave', 'training')),
            incident TEXT CHECK (incident IN ('none', 'minor', 'significant')),
            material INTEGER CHECK (material BETWEEN 0 AND 3),
            graphic INTEGER CHECK (graphic IN (0, 1)),
            workload INTEGER CHECK (workload BETWEEN 0 AND 4),
            sleep_hours REAL CHECK (sleep_hours BETWEEN 0 AND 24),
            sleep_quality INTEGER CHECK (sleep_quality BETWEEN 0 AND 10),
            nightmare INTEGER CHECK (nightmare IN (0, 1)),
            intrusions INTEGER CHECK (intrusions BETWEEN 0 AND 4),
            switch_off INTEGER CHECK (switch_off BETWEEN 0 AND 4),
            mood INTEGER CHECK (mood BETWEEN 0 AND 10),
            energy INTEGER CHECK (energy BETWEEN 0 AND 10),
            talked INTEGER CHECK (talked IN (0, 1)),
            support INTEGER CHECK (support BETWEEN 0 AND 4),
            recovery TEXT,
            alcohol_units REAL CHECK (alcohol_units >= 0),
            note TEXT,
            raise_at_supervision INTEGER CHECK (raise_at_supervision IN (0, 1)),
            talking_point TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            supported_colleague INTEGER CHECK (supported_colleague IN (0, 1)),
            interactions INTEGER CHECK (interactions BETWEEN 0 AND 3),
            hurt INTEGER CHECK (hurt IN (0, 1))
        )
        """  # not a message: SQL
    )
    kept = ", ".join(r[1] for r in db.execute("PRAGMA table_info(checkins)").fetchall())  # not a message: SQL
    db.execute(f"INSERT INTO checkins_m008 ({kept}) SELECT {kept} FROM checkins")  # not a message: SQL
    db.execute("DROP TABLE checkins")  # not a message: SQL
    db.execute("ALTER TABLE checkins_m008 RENAME TO checkins")  # not a message: SQL


def m009_good_moment_and_colleagues(db: Database) -> None:
    # "A moment at work that felt worthwhile": a tick on the mood line. Past
    # days keep it skipped (NULL), never "no".
    db.execute("ALTER TABLE checkins ADD COLUMN good_moment INTEGER CHECK (good_moment IN (0, 1))")  # not a message: SQL
    # A colleague the officer means to look out for after a hard shift or an
    # incident: a nickname they chose, the day, and when they had a word (about
    # day 3 and week 4). Nothing about the colleague's state or words has a
    # column, so nothing of it can be stored.
    db.execute(
        """
        CREATE TABLE colleague_checks (
            id TEXT PRIMARY KEY NOT NULL,
            nickname TEXT NOT NULL COLLATE NOCASE CHECK (length(nickname) BETWEEN 1 AND 40),
            incident_date TEXT NOT NULL
                CHECK (incident_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
            day3_done TEXT,
            week4_done TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (nickname, incident_date)
        )
        """  # not a message: SQL
    )


def m010_phoneins(db: Database) -> None:
    # Phone-ins (DOMAIN.md, "Phone-ins"): the plan (one row, replaced), the
    # officer's own takeaway after a call, and their preparation before one.
    # Nothing about anyone else on the call has a column here.
    db.execute(
        """
        CREATE TABLE phonein_plan (
            id TEXT PRIMARY KEY NOT NULL,
            weekday TEXT NOT NULL CHECK (weekday IN ('monday', 'tuesday', 'wednesday', 'thursday',
                                                     'friday', 'saturday', 'sunday')),
            at TEXT NOT NULL CHECK (at GLOB '[0-2][0-9]:[0-5][0-9]'),
            minutes INTEGER NOT NULL CHECK (minutes BETWEEN 5 AND 240),
            fortnightly INTEGER NOT NULL CHECK (fortnightly IN (0, 1)),
            starts TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """  # not a message: SQL
    )
    db.execute(
        """
        CREATE TABLE phoneins (
            id TEXT PRIMARY KEY NOT NULL,
            date TEXT NOT NULL UNIQUE,
            takeaway TEXT,
            one_thing TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """  # not a message: SQL
    )
    # Kept apart from the takeaways, as safety answers are from check-ins: the
    # preparation is for the officer alone, and no query written for export,
    # import or the summary reads this table.
    db.execute(
        """
        CREATE TABLE phonein_preps (
            id TEXT PRIMARY KEY NOT NULL,
            date TEXT NOT NULL UNIQUE,
            bring TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """  # not a message: SQL
    )


def m011_pulse_reads(db: Database) -> None:
    # The team pulse reports and answers the officer has read (pulse read), so
    # that `resilience pulse` shows the loop from their side. Only what the list
    # needs: the kind, the weeks, one line, when. The digest of the file's bytes
    # keeps one row per file, however often it is read.
    db.execute(
        """
        CREATE TABLE pulse_reads (
            digest TEXT PRIMARY KEY NOT NULL CHECK (length(digest) = 64),
            kind TEXT NOT NULL CHECK (kind IN ('report', 'response')),
            weeks TEXT NOT NULL,
            headline TEXT NOT NULL,
            read_at TEXT NOT NULL
        )
        """  # not a message: SQL
    )


MIGRATIONS = (
    m001_create_checkins, m002_periodic_records, m003_summaries, m004_supported_colleague,
    m005_pack_answers, m006_pack_safety_and_rule_rests, m007_interactions_and_growth,
    m008_day_kinds_and_hurt, m009_good_moment_and_colleagues, m010_phoneins, m011_pulse_reads,
)
MIGRATION_NAMES = tuple(fn.__name__ for fn in MIGRATIONS)


def build() -> Migrations:
    """The sqlite-utils Migrations object for this history."""
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(MIGRATION_SET)
    for fn in MIGRATIONS:
        migrations()(fn)
    return migrations
