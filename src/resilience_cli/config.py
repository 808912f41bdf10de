"""Where everything lives (RESILIENCE_HOME or platformdirs) and the user's settings.

Loading never creates or rewrites anything: read-only commands on a new home
must leave no trace.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from resilience_cli.contacts import DEFAULT_REGION, REGIONS, Contact
from resilience_cli.errors import InvalidInput
from resilience_cli.rules.thresholds import THRESHOLD_NAMES, Thresholds

# Tips that may be silenced; support and crisis rules never are.
SILENCEABLE = frozenset({"R3", "R6", "R7", "R8", "R9", "R10", "R11", "R12", "R13", "R14",
                         "R15", "R16", "R17", "R18", "R19", "R21"})

# A journal's passphrase for scripts (see the README for the risks).
PASSPHRASE_ENV = "RESILIENCE_PASSPHRASE"
APP_NAME = "resilience"
DATABASE_NAME = "journal.db"
CONFIG_NAME = "config.toml"


@dataclass(frozen=True)
class Paths:
    data_dir: Path
    config_dir: Path

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
        raise InvalidInput(
            f"The folder {folder} can be written by other people, so resilience will not keep your "
            f"journal or settings there. Make it yours alone with: chmod 700 {folder}")


def ensure_private_dir(path: Path) -> None:
    """Create a directory (and parents) readable by the user alone.

    Directories that already exist are left as they are: they may be shared
    ones such as ~/.local/share that we did not create.
    """
    missing = []
    probe = path
    while not probe.exists():
        missing.append(probe)
        probe = probe.parent
    for directory in reversed(missing):
        directory.mkdir(mode=0o700)
        # mkdir's mode is filtered by the umask; say it plainly.
        os.chmod(directory, 0o700)


@dataclass(frozen=True)
class Settings:
    """The user's settings. Defaults here; config.toml overrides them."""

    alcohol_question: bool = False
    colleague_question: bool = False
    safety_weekly: bool = False
    reflection_weekly: bool = False
    reflection_day: str = "friday"
    supervision: dt.date | None = None
    silenced: tuple[str, ...] = ()
    thresholds: Thresholds = field(default_factory=Thresholds)
    region: str = DEFAULT_REGION
    own_contacts: tuple[Contact, ...] = ()
    # Dotted setting name -> "config file" for every value the file set.
    from_file: frozenset[str] = frozenset()

    def described(self) -> list[tuple[str, object, str]]:
        """(setting, value, where it came from), for `resilience config`."""
        rows: list[tuple[str, object, str]] = []
        for key, value in (
            ("questions.alcohol", self.alcohol_question),
            ("questions.colleague", self.colleague_question),
            ("questions.safety_weekly", self.safety_weekly),
            ("reflection.weekly", self.reflection_weekly),
            ("reflection.day", self.reflection_day),
            ("supervision.next", self.supervision.isoformat() if self.supervision else None),
            ("rules.silenced", list(self.silenced)),
            ("contacts.region", self.region),
            ("contacts.own", [c.name for c in self.own_contacts]),
        ):
            rows.append((key, value, "config file" if key in self.from_file else "default"))
        for name in THRESHOLD_NAMES:
            key = f"thresholds.{name}"
            rows.append((key, getattr(self.thresholds, name),
                         "config file" if key in self.from_file else "default"))
        return rows


_BOOLS = {("questions", "alcohol"): "alcohol_question",
          ("questions", "colleague"): "colleague_question",
          ("questions", "safety_weekly"): "safety_weekly",
          ("reflection", "weekly"): "reflection_weekly"}
_SECTIONS = ("questions", "reflection", "supervision", "rules", "thresholds", "contacts")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def load_settings(config_file: Path) -> Settings:
    """Read config.toml if there is one; a broken file is an error naming the line or key.

    Never writes: settings that need saving (silenced tips) live in the journal.
    """
    refuse_shared_folder(config_file.parent)
    if not config_file.exists():
        return Settings()
    import tomllib

    try:
        with config_file.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise InvalidInput(
            f"The settings file {config_file} could not be read: {exc}. "
            "Fix that line, or move the file aside to use the defaults."
        ) from None
    except OSError as exc:
        raise InvalidInput(f"The settings file {config_file} could not be opened: {exc.strerror}.") from None
    return _parse(data, config_file)


def _parse(data: dict, config_file: Path) -> Settings:
    def bad(key: str, allowed: str) -> InvalidInput:
        return InvalidInput(f"In {config_file}, {key} must be {allowed}.")

    for section in data:
        if section not in _SECTIONS:
            raise InvalidInput(
                f"In {config_file}, [{section}] is not a settings section; the sections are "
                + ", ".join(_SECTIONS) + "."
            )
    values: dict[str, object] = {}
    seen: set[str] = set()
    known = {"questions": {"alcohol", "colleague", "safety_weekly"}, "reflection": {"weekly", "day"},
             "supervision": {"next"}, "rules": {"silenced"}, "contacts": {"region", "own"},
             "thresholds": set(THRESHOLD_NAMES)}
    for section, table in data.items():
        if not isinstance(table, dict):
            raise bad(section, "a table such as [" + section + "]")
        for key in table:
            if key not in known[section]:
                raise InvalidInput(
                    f"In {config_file}, {section}.{key} is not a setting; the settings in "
                    f"[{section}] are " + ", ".join(sorted(known[section])) + "."
                )
            seen.add(f"{section}.{key}")
    for (section, key), attr in _BOOLS.items():
        if key in data.get(section, {}):
            value = data[section][key]
            if not isinstance(value, bool):
                raise bad(f"{section}.{key}", "true or false")
            values[attr] = value
    reflection = data.get("reflection", {})
    if "day" in reflection:
        day = str(reflection["day"]).lower()
        if day not in WEEKDAYS:
            raise bad("reflection.day", "a day of the week, such as \"friday\"")
        values["reflection_day"] = day
    supervision = data.get("supervision", {})
    if "next" in supervision:
        when = supervision["next"]
        if isinstance(when, str):
            try:
                when = dt.date.fromisoformat(when)
            except ValueError:
                raise bad("supervision.next", "a date such as 2026-12-03") from None
        if not isinstance(when, dt.date) or isinstance(when, dt.datetime):
            raise bad("supervision.next", "a date such as 2026-12-03")
        values["supervision"] = when
    rules = data.get("rules", {})
    if "silenced" in rules:
        silenced = rules["silenced"]
        if not isinstance(silenced, list) or not all(
            isinstance(r, str) and r.upper() in SILENCEABLE for r in silenced
        ):
            raise bad("rules.silenced", "a list of tip rules such as [\"R16\"] (R1, R2, R4, R5 and "
                      "R20 are about support and cannot be silenced)")
        values["silenced"] = tuple(r.upper() for r in silenced)
    thresholds = data.get("thresholds", {})
    if thresholds:
        defaults = Thresholds()
        given = {}
        for name, value in thresholds.items():
            default = getattr(defaults, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                raise bad(f"thresholds.{name}", "a number of 0 or more")
            if isinstance(default, int) and not float(value).is_integer():
                raise bad(f"thresholds.{name}", "a whole number")
            given[name] = type(default)(value)
        values["thresholds"] = replace(defaults, **given)
    contacts = data.get("contacts", {})
    if "region" in contacts:
        region = str(contacts["region"]).strip().lower().replace(" ", "-").replace("_", "-")
        # "uk" was the only region before the four nations had their own
        # contacts; files that say so keep working, with England's.
        region = {"uk": DEFAULT_REGION}.get(region, region)
        if region not in REGIONS:
            raise bad("contacts.region", "one of " + ", ".join(REGIONS))
        values["region"] = region
    if "own" in contacts:
        own = contacts["own"]
        if not isinstance(own, list):
            raise bad("contacts.own", "a list of [[contacts.own]] tables")
        parsed = []
        for n, item in enumerate(own, start=1):
            if not isinstance(item, dict) or not isinstance(item.get("name"), str) \
                    or not isinstance(item.get("how"), str) or set(item) - {"name", "how", "when"}:
                raise bad(f"contacts.own (number {n})", "a table with name and how, and "
                          "optionally when, all text")
            parsed.append(Contact(item["name"], item["how"], str(item.get("when", ""))))
        values["own_contacts"] = tuple(parsed)
    return Settings(**values, from_file=frozenset(seen))  # type: ignore[arg-type]


def save_region(config_file: Path, region: str) -> bool:
    """Remember the nation chosen in the welcome, in config.toml. True when saved.

    The one place settings are written, and only on the user's own answer:
    a new file, or a `[contacts]` section added to one that has none. Any
    other file is left exactly as it was (False): the caller says how to set it.
    """
    from resilience_cli.files import write_private

    line = f'region = "{region}"\n'
    if not config_file.exists():
        ensure_private_dir(config_file.parent)
        write_private(config_file, "# Settings for resilience: see resilience config.\n\n[contacts]\n" + line)
        return True
    try:
        before = config_file.read_text("utf-8")
        current = load_settings(config_file)
    except (OSError, UnicodeDecodeError, InvalidInput):
        return False
    if "contacts.region" in current.from_file or re.search(r"^\s*\[\s*contacts\s*\]", before, re.M):
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
