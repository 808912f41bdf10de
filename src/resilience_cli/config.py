"""Where everything lives (RESILIENCE_HOME or platformdirs) and the user's settings.

Loading never creates or rewrites anything: read-only commands on a new home
must leave no trace.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from pathlib import Path

from resilience_cli.contacts import DEFAULT_REGION, REGIONS, SERVICES, UNKNOWN_REGION, Contact
from resilience_cli.errors import InvalidInput, JournalProblem
from resilience_cli.frozen import Fresh, Frozen
from resilience_cli.rules.thresholds import THRESHOLD_NAMES, Thresholds

# A journal's passphrase for scripts (see the README for the risks).
PASSPHRASE_ENV = "RESILIENCE_PASSPHRASE"
APP_NAME = "resilience"
DATABASE_NAME = "journal.db"
CONFIG_NAME = "config.toml"


class Paths:
    """Where the journal and the settings live. A plain class, not a dataclass,
    as Setting and Thresholds: each dataclass costs start-up (see Thresholds)."""

    __slots__ = ("data_dir", "config_dir")

    def __init__(self, data_dir: Path, config_dir: Path) -> None:
        self.data_dir = data_dir
        self.config_dir = config_dir

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Paths) and (self.data_dir, self.config_dir) == (other.data_dir, other.config_dir)

    def __hash__(self) -> int:
        return hash((self.data_dir, self.config_dir))

    def __repr__(self) -> str:
        return f"Paths({self.data_dir!r}, {self.config_dir!r})"  # not a message: a repr

    @property
    def database(self) -> Path:
        return self.data_dir / DATABASE_NAME

    @property
    def config_file(self) -> Path:
        return self.config_dir / CONFIG_NAME

    @property
    def packs_dir(self) -> Path:
        return self.data_dir / "packs"

    @property
    def from_env(self) -> bool:
        return bool(os.environ.get("RESILIENCE_HOME"))


def paths() -> Paths:
    """RESILIENCE_HOME puts everything in one directory; otherwise the platform's own."""
    home = os.environ.get("RESILIENCE_HOME")
    if home:
        root = Path(home).expanduser()
        return Paths(root, root)
    # Imported here: only needed without RESILIENCE_HOME, and it costs start-up.
    import platformdirs

    return Paths(
        Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
    )


def refuse_shared_folder(folder: Path) -> None:
    """Refuse a journal or settings folder that other people can write to.

    There, anyone could plant a symlink or a file of theirs: fake crisis
    contacts in config.toml, or a journal of their own in place of yours.
    """
    import stat

    try:
        mode = folder.stat().st_mode
    except OSError:
        return  # not there yet: we create it 0700
    # The sticky bit is no help: it stops deleting others' files, not planting new ones.
    if mode & (stat.S_IWGRP | stat.S_IWOTH):
        from resilience_cli.messages import _

        raise InvalidInput(_("settings.error.shared_folder", folder=folder, command=f"chmod 700 {folder}"))


def ensure_private_dir(path: Path) -> None:
    """Create a directory (and parents) readable by the user alone.

    Directories that already exist are left as they are: they may be shared
    ones such as ~/.local/share that we did not create.
    """
    missing = []
    probe = path
    while not probe.exists() and not probe.is_symlink():
        missing.append(probe)
        probe = probe.parent
    if not probe.is_dir():
        from resilience_cli.messages import _

        raise JournalProblem(_("settings.error.not_a_folder", file=probe, path=path, variable="RESILIENCE_HOME"))
    for directory in reversed(missing):
        try:
            directory.mkdir(mode=0o700)
            # mkdir's mode is filtered by the umask; say it plainly.
            os.chmod(directory, 0o700)
        except FileExistsError:
            # Another run (two check-ins started at once by a script) made it a moment ago:
            # that run makes it private, as this one would have. Anything but a folder is refused.
            if directory.is_symlink() or not directory.is_dir():
                from resilience_cli.messages import _

                raise JournalProblem(_("settings.error.not_a_folder", file=directory, path=path,
                                       variable="RESILIENCE_HOME")) from None
        except OSError as exc:
            # A home under another person's folder, a system folder, a read-only disc.
            from resilience_cli.messages import _

            raise JournalProblem(_("settings.error.not_created", folder=directory, reason=exc.strerror,
                                   variable="RESILIENCE_HOME")) from None


class Settings(Frozen):
    """The user's settings. Defaults here; config.toml overrides them. A Frozen
    value, not a dataclass: every command reads it (see frozen.py)."""

    alcohol_question: bool = False
    colleague_question: bool = False
    safety_weekly: bool = False
    reflection_weekly: bool = False
    reflection_day: str = "friday"
    supervision: dt.date | None = None
    silenced: tuple[str, ...] = ()
    thresholds: Thresholds = Fresh(Thresholds)
    region: str = DEFAULT_REGION
    own_contacts: tuple[Contact, ...] = ()
    service: str | None = None  # prison, probation, police or other: the routes for their work
    # A night or long shift checked in before this time belongs to the day before
    # (DOMAIN.md, "Duty days").
    night_shift_until: dt.time = dt.time(14)
    # [display] language: the catalogue's language (messages.py); only "en" ships.
    language: str = "en"
    # Dotted setting name -> "config file" for every value the file set.
    from_file: frozenset[str] = frozenset()

    def described(self) -> list[tuple[str, object, str]]:
        """(setting, value, where it came from), for `resilience config`: every
        setting of the table, in its order. Where it came from is JSON's own value
        ("config file" or "default"); `resilience config` words it (settings.source.*)."""
        return [(setting.key, setting.shown(self),
                 "config file" if setting.key in self.from_file else "default")  # not a message: JSON's value
                for setting in SETTINGS]


class _NotAllowed(ValueError):
    """A value a setting cannot take; `number` narrows it down (the second table of a
    list), and `allowed` replaces the setting's own words when the mistake is of
    another kind."""

    def __init__(self, number: int | None = None, allowed: str | None = None) -> None:
        super().__init__(number)
        self.number = number
        self.allowed = allowed


class Setting:
    """One line of config.toml: its key, how its value is read, what it may be (the
    message `allowed` of the settings' catalogue, filled with `values`: the words are
    looked up only when a mistake is reported), and where it lives in Settings (an
    attribute, or a threshold)."""

    __slots__ = ("key", "allowed", "values", "read", "attr", "show")

    def __init__(self, key: str, allowed: str, read: Callable[[object], object], attr: str,
                 show: Callable[[object], object] = lambda value: value, **values: object) -> None:
        self.key, self.allowed, self.values, self.read, self.attr, self.show = key, allowed, values, read, attr, show

    def allowed_words(self) -> str:
        """What the setting may be, in words: 'true or false'."""
        from resilience_cli.messages import _

        return _(self.allowed, **self.values)

    @property
    def section(self) -> str:
        return self.key.split(".")[0]

    @property
    def name(self) -> str:
        return self.key.split(".")[1]

    def shown(self, settings: Settings) -> object:
        if self.attr.startswith("thresholds."):
            return getattr(settings.thresholds, self.name)
        return self.show(getattr(settings, self.attr))


def _true_or_false(value: object) -> bool:
    if not isinstance(value, bool):
        raise _NotAllowed
    return value


def _weekday(value: object) -> str:
    from resilience_cli.model import WEEKDAYS

    day = str(value).lower()
    if day not in WEEKDAYS:
        raise _NotAllowed
    return day


def _date(value: object) -> dt.date:
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            raise _NotAllowed from None
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise _NotAllowed
    return value


def _silenced(value: object) -> tuple[str, ...]:
    # Which rules are tips is tips.toml's to say (read only when this setting is used).
    from resilience_cli.rules.content import never_silenced, silenceable

    if not isinstance(value, list) or not all(isinstance(r, str) and silenceable(r.upper()) for r in value):
        from resilience_cli.messages import _

        *most, last = never_silenced()
        raise _NotAllowed(allowed=_("settings.allowed.silenced_never", example='["R16"]',
                                    rules=", ".join(most), last=last))
    return tuple(r.upper() for r in value)


def _region(value: object) -> str:
    region = str(value).strip().lower().replace(" ", "-").replace("_", "-")
    # "uk" was the only region before the four nations had their own
    # contacts; files that say so keep working, with England's.
    region = {"uk": DEFAULT_REGION}.get(region, region)
    if region not in REGIONS:
        raise _NotAllowed
    return region


def _time_of_day(value: object) -> dt.time:
    # TOML has its own time type (14:00:00); a string such as "14:00" reads too.
    if isinstance(value, str):
        try:
            value = dt.time.fromisoformat(value.strip())
        except ValueError:
            raise _NotAllowed from None
    if not isinstance(value, dt.time) or value.tzinfo is not None:
        raise _NotAllowed
    return value


def _own_contacts(value: object) -> tuple[Contact, ...]:
    if not isinstance(value, list):
        from resilience_cli.messages import _

        raise _NotAllowed(allowed=_("settings.allowed.own_list", table="[[contacts.own]]"))
    parsed = []
    for n, item in enumerate(value, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) \
                or not isinstance(item.get("how"), str) or set(item) - {"name", "how", "when"}:
            raise _NotAllowed(number=n)
        parsed.append(Contact(item["name"], item["how"], str(item.get("when", ""))))
    return tuple(parsed)


def _service(value: object) -> str:
    service = str(value).strip().lower()
    if service not in SERVICES:
        raise _NotAllowed
    return service


def _language(value: object) -> str:
    from resilience_cli.messages import available

    language = str(value).strip().lower()
    if language not in available():
        raise _NotAllowed
    return language


def _threshold(default: float) -> Callable[[object], object]:
    def read(value: object) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise _NotAllowed
        if isinstance(default, int) and not float(value).is_integer():
            raise _NotAllowed
        return type(default)(value)
    return read


# Every setting, once: parsing, `resilience config`'s listing and the error
# messages all come from this table (they once kept four lists of their own).
# What each setting may be: a message of the settings' catalogue (settings.allowed.*),
# its typed values (true, "friday", 2026-12-03) in placeholders, never translated.
_TRUE_OR_FALSE = "settings.allowed.true_or_false"
_TOML_BOOLEANS = {"true": "true", "false": "false"}
_ONE_OF = "settings.allowed.one_of"

SETTINGS: tuple[Setting, ...] = (
    Setting("questions.alcohol", _TRUE_OR_FALSE, _true_or_false, "alcohol_question", **_TOML_BOOLEANS),
    Setting("questions.colleague", _TRUE_OR_FALSE, _true_or_false, "colleague_question", **_TOML_BOOLEANS),
    Setting("questions.safety_weekly", _TRUE_OR_FALSE, _true_or_false, "safety_weekly", **_TOML_BOOLEANS),
    Setting("reflection.weekly", _TRUE_OR_FALSE, _true_or_false, "reflection_weekly", **_TOML_BOOLEANS),
    Setting("reflection.day", "settings.allowed.weekday", _weekday, "reflection_day", example='"friday"'),
    Setting("supervision.next", "settings.allowed.date", _date, "supervision",
            show=lambda when: when.isoformat() if when else None, example="2026-12-03"),
    Setting("rules.silenced", "settings.allowed.silenced", _silenced, "silenced", show=list, example='["R16"]'),
    Setting("contacts.region", _ONE_OF, _region, "region", choices=", ".join(REGIONS)),
    Setting("contacts.own", "settings.allowed.own", _own_contacts, "own_contacts",
            show=lambda own: [c.name for c in own], name="name", how="how", when="when"),
    Setting("work.service", _ONE_OF, _service, "service", choices=", ".join(SERVICES)),
    Setting("day.night_shift_until", "settings.allowed.time", _time_of_day, "night_shift_until",
            show=lambda when: when.strftime("%H:%M"), example='"14:00"'),
    Setting("display.language", "settings.allowed.language", _language, "language", language='"en"'),
    *(Setting(f"thresholds.{name}", "settings.allowed.whole_number" if isinstance(getattr(Thresholds(), name), int)
              else "settings.allowed.number", _threshold(getattr(Thresholds(), name)), f"thresholds.{name}")
      for name in THRESHOLD_NAMES),
)
# The table by section and name, as config.toml spells it.
SECTIONS = tuple(dict.fromkeys(setting.section for setting in SETTINGS))
_BY_SECTION = {section: {s.name: s for s in SETTINGS if s.section == section} for section in SECTIONS}


def load_settings(config_file: Path) -> Settings:
    """Read config.toml if there is one; a broken file is an error naming the line or key.

    Never writes: settings that need saving (silenced tips) live in the journal.
    """
    refuse_shared_folder(config_file.parent)
    if not config_file.exists():
        return Settings()
    import tomllib

    try:
        # utf-8-sig: a byte-order mark (Notepad's UTF-8) is no part of the text.
        data = tomllib.loads(config_file.read_bytes().decode("utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError, OSError) as exc:
        raise _unreadable(config_file, exc) from None
    return _parse(data, config_file)


def _unreadable(config_file: Path, exc: Exception) -> InvalidInput:
    """Why the settings file could not be read, and what to do."""
    import tomllib

    from resilience_cli.messages import _

    if isinstance(exc, tomllib.TOMLDecodeError):
        return InvalidInput(_("settings.error.unreadable", file=config_file, reason=exc))
    if isinstance(exc, UnicodeDecodeError):
        return InvalidInput(_("settings.error.not_utf8", file=config_file))
    if isinstance(exc, RecursionError):
        return InvalidInput(_("settings.error.too_deep", file=config_file))
    return InvalidInput(_("settings.error.not_opened", file=config_file, reason=exc.strerror))


def _parse(data: dict, config_file: Path) -> Settings:
    """config.toml's tables, checked against SETTINGS: a section or key that is not
    there, or a value a setting cannot take, is an error naming it."""
    known = _BY_SECTION
    for section, table in data.items():
        if section not in known or not isinstance(table, dict) or not table.keys() <= known[section].keys():
            raise _not_a_setting(data, config_file)
    values: dict[str, object] = {}
    thresholds: dict[str, object] = {}
    for section, table in data.items():
        for key, raw in table.items():
            setting = known[section][key]
            try:
                value = setting.read(raw)
            except _NotAllowed as exc:
                raise _not_allowed(config_file, setting, exc) from None
            if setting.attr.startswith("thresholds."):
                thresholds[setting.name] = value
            else:
                values[setting.attr] = value
    if thresholds:
        values["thresholds"] = Thresholds(**thresholds)
    seen = frozenset(f"{section}.{key}" for section, table in data.items() for key in table)
    return Settings(**values, from_file=seen)  # type: ignore[arg-type]


def _not_a_setting(data: dict, config_file: Path) -> InvalidInput:
    """The first section or key of `data` that is not in SETTINGS, named."""
    from resilience_cli.messages import _

    known = _BY_SECTION
    for section, table in data.items():
        if section not in known:
            return InvalidInput(_("settings.error.no_section", file=config_file, section=section,
                                  sections=", ".join(SECTIONS)))
        if not isinstance(table, dict):
            return InvalidInput(_("settings.error.not_a_table", file=config_file, section=section))
        for key in table:
            if key not in known[section]:
                return InvalidInput(_("settings.error.no_setting", file=config_file, section=section, key=key,
                                      settings=", ".join(sorted(known[section]))))
    raise ValueError("every section and key of the file is a setting")


def _not_allowed(config_file: Path, setting: Setting, exc: _NotAllowed) -> InvalidInput:
    """A value `setting` cannot take: what it may be."""
    from resilience_cli.messages import _

    allowed = exc.allowed or setting.allowed_words()
    if exc.number is None:
        return InvalidInput(_("settings.error.not_allowed", file=config_file, key=setting.key, allowed=allowed))
    return InvalidInput(_("settings.error.not_allowed_number", file=config_file, key=setting.key,
                          number=exc.number, allowed=allowed))


def fallback_settings(config_file: Path) -> Settings:
    """The defaults, for a settings file that could not be used, with what can still be
    read of it: the nation when the file is valid TOML and names a known one (absent,
    the default), else unknown (every nation's urgent line: never England by guess),
    and the person's own contacts and service when they read cleanly."""
    import tomllib

    try:
        # In a folder others can write to, nothing in the file can be trusted (planted
        # crisis numbers): none of it is read, and the nation is unknown.
        refuse_shared_folder(config_file.parent)
        data = tomllib.loads(config_file.read_text("utf-8"))
    except (InvalidInput, OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return Settings(region=UNKNOWN_REGION)
    table = data.get("contacts", {})
    if not isinstance(table, dict):
        return Settings(region=UNKNOWN_REGION)
    values: dict[str, object] = {"region": DEFAULT_REGION}
    for key, attr, read in (("region", "region", _region), ("own", "own_contacts", _own_contacts)):
        if key in table:
            try:
                values[attr] = read(table[key])
            except _NotAllowed:
                if key == "region":
                    values["region"] = UNKNOWN_REGION
    work = data.get("work")
    if isinstance(work, dict) and "service" in work:
        try:
            values["service"] = _service(work["service"])
        except _NotAllowed:
            pass
    return Settings(**values)  # type: ignore[arg-type]


def file_header() -> str:
    """The comment a new config.toml starts with, in the language spoken as it is written."""
    from resilience_cli.messages import _

    return "# " + _("settings.file.header", command="resilience config") + "\n"  # not a message: a command


def save_region(config_file: Path, region: str) -> bool:
    """Remember the nation chosen in the welcome, in config.toml. True when saved.

    The one place settings are written, and only on the user's own answer:
    a new file, or a `[contacts]` section added to one that has none. Any
    other file is left exactly as it was (False): the caller says how to set it.
    """
    from resilience_cli.files import write_private

    line = f'region = "{region}"\n'
    # A link (into a dotfiles folder) or a file made read-only is the user's to edit:
    # rewriting it would replace the link with a plain file, or make it writable.
    if config_file.is_symlink() or (config_file.exists() and not config_file.stat().st_mode & 0o200):
        return False
    if not config_file.exists():
        ensure_private_dir(config_file.parent)
        write_private(config_file, file_header() + "\n[contacts]\n" + line)
        return True
    try:
        before = config_file.read_text("utf-8")
        current = load_settings(config_file)
    except (OSError, UnicodeDecodeError, InvalidInput):
        return False
    if "contacts.region" in current.from_file or re.search(r"^\s*\[\s*contacts\s*\]", before, re.MULTILINE):
        return False
    write_private(config_file, before + ("" if before.endswith("\n") or not before else "\n")
                  + "\n[contacts]\n" + line)
    try:
        if load_settings(config_file).region == region:
            return True
    except InvalidInput:
        pass
    write_private(config_file, before)
    return False
