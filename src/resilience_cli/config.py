"""Where everything lives (RESILIENCE_HOME or platformdirs) and the user's settings.

Loading never creates or rewrites anything: read-only commands on a new home
must leave no trace.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from resilience_cli.errors import InvalidInput

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


def load_settings(config_file: Path) -> Settings:
    """Read config.toml if there is one; a broken file is an error naming the line."""
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
    questions = data.get("questions", {})
    alcohol = questions.get("alcohol", False) if isinstance(questions, dict) else False
    if not isinstance(alcohol, bool):
        raise InvalidInput(
            f"In {config_file}, questions.alcohol must be true or false."
        )
    return Settings(alcohol_question=alcohol)
