"""The contacts, shown at once: `help-now`, its aliases and every slip of the keys.

Its own module so that the quick path (`cli/quick.py`) reaches it without
loading the other commands.
"""

from __future__ import annotations

from resilience_cli.cli import common
from resilience_cli.config import paths


def show_help_now(*, plain: bool = False) -> None:
    """The contacts, whatever state the settings are in.

    Nothing the user wrote can stop the built-in numbers from showing: a
    settings file that cannot be read, or own contacts that cannot be shown,
    give a one-line warning on standard error and the built-in contacts.
    """
    import sys

    from resilience_cli.config import Settings, fallback_settings, load_settings
    from resilience_cli.contacts import UNKNOWN_REGION, default_contacts
    from resilience_cli.messages import _
    from resilience_cli.render.help import help_now as render_help_now

    try:
        settings = load_settings(paths().config_file)
    except Exception:  # noqa: BLE001 - a broken file must never hide these numbers
        try:
            settings = fallback_settings(paths().config_file)
        except Exception:  # noqa: BLE001
            settings = Settings(region=UNKNOWN_REGION)
        print(_("contactscli.helpnow.settings_unread"), file=sys.stderr)
    out = common.console(plain=plain)
    try:
        with out.capture() as captured:
            out.print(render_help_now(default_contacts(settings.region, settings.service), settings.own_contacts,
                                      plain=plain, service_known=settings.service is not None))
        shown = captured.get()
    except Exception:  # noqa: BLE001
        print(_("contactscli.helpnow.own_unshown"), file=sys.stderr)
        # The nation is unknown here: every nation's line, never England by guess.
        with out.capture() as captured:
            out.print(render_help_now(default_contacts(UNKNOWN_REGION), (), plain=plain))
        shown = captured.get()
    out.file.write(shown)
    out.file.flush()
