"""`resilience pack add|list|run|example`: extra periodic questionnaires from TOML files."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer

from resilience_cli.cli import common
from resilience_cli.cli.options import command_help, no_input_option
from resilience_cli.config import ensure_private_dir, paths
from resilience_cli.errors import Cancelled, InvalidInput, NotFound, ResilienceError
from resilience_cli.files import write_private
from resilience_cli.messages import _, _n
from resilience_cli.model import day_words

app = typer.Typer(help=_("packs.help.app"), short_help=_("packs.help.app_short"),
                  context_settings={"help_option_names": ["-h", "--help"]}, no_args_is_help=True)

EXAMPLE = "worthwhile-work"


def _pack(name: str):
    from resilience_cli.pack_files import installed

    packs = installed()
    if name not in packs:
        have = ", ".join(packs) or _("packs.none_installed")
        raise NotFound(_("packs.unknown", name=repr(name), have=have, command="resilience pack add FILE"))  # not a message: a command
    return packs[name]


@app.command("add", help=command_help(_("packs.help.add"), _("packs.help.add_examples")))
def add(
    path: Annotated[Path, typer.Argument(metavar="FILE", help=_("packs.help.add_file", command="resilience pack example"))],  # not a message: a command
) -> None:
    """A pack file, checked and added (help: packs.help.add)."""
    from resilience_cli.packs import in_language, parse

    try:
        text = path.expanduser().read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        why = getattr(exc, "strerror", None) or _("packs.add.not_utf8")
        raise InvalidInput(_("packs.add.unreadable", path=path, why=why)) from None
    pack = parse(text, path.name)
    folder = paths().packs_dir
    ensure_private_dir(folder)
    replacing = (folder / f"{pack.name}.toml").exists()
    write_private(folder / f"{pack.name}.toml", text)
    pack = in_language(pack)
    values = {"name": repr(pack.name), "title": pack.title, "cadence": _cadence(pack.cadence),
              "command": f"resilience pack run {pack.name}"}  # not a message: a command
    if replacing:
        said = _n("packs.add.updated", len(pack.questions), **values)
    else:
        said = _n("packs.add.added", len(pack.questions), **values)
    print(said)


def _cadence(cadence: str) -> str:
    """How often a pack is due, in words ("weekly")."""
    return _(f"packs.cadence.{cadence}")


@app.command("list", help=command_help(_("packs.help.list"), _("packs.help.list_examples")))
def list_() -> None:
    """The packs, when each was last answered, and which are due (help: packs.help.list)."""
    from resilience_cli.pack_files import installed

    packs = installed()
    if not packs:
        print(_("packs.list.none", command="resilience pack example"))  # not a message: a command
        return
    with common.read_only_store() as store:
        answers = store.pack_answers.since(dt.date.min) if store else []
    today = common.today()
    for name, pack in packs.items():
        dates = [a.date for a in answers if a.pack == name]
        last = dt.date.fromisoformat(max(dates)) if dates else None
        when = _("packs.list.last_answered", day=day_words(last)) if last else _("packs.list.not_answered")
        key = "packs.list.line_due" if pack.due(last, today) else "packs.list.line"
        print(_(key, name=name, title=pack.title, cadence=_cadence(pack.cadence), when=when))


@app.command("run", help=command_help(_("packs.help.run"), _("packs.help.run_examples")))
def run(
    name: Annotated[str, typer.Argument(metavar="NAME", help=_("packs.help.run_name", command="resilience pack list"))],  # not a message: a command
    answer: Annotated[list[str] | None, typer.Option("--answer", "-a", metavar="ID=VALUE",
                                                     help=_("packs.help.run_answer"))] = None,
    no_input: Annotated[bool, no_input_option(_("packs.help.run_no_input", flag="--answer"))] = False,
) -> None:
    """A pack's questions answered for today (help: packs.help.run)."""
    from resilience_cli.packs import check_answers

    pack = _pack(name)
    given: dict[str, object] = {}
    for item in answer or []:
        if "=" not in item:
            raise InvalidInput(_("packs.run.bad_answer", flag="--answer", form="ID=VALUE", example="worthwhile=3",
                                 given=repr(item), sign="="))
        key, value = item.split("=", 1)
        given[key.strip()] = value
    answers = check_answers(pack, given)
    if not no_input and common.stdin_is_terminal():
        from resilience_cli.prompts import ask_pack

        try:
            asked = ask_pack(pack, skip=set(answers))
        except KeyboardInterrupt:
            raise Cancelled(_("packs.run.cancelled")) from None
        answers.update(check_answers(pack, asked))
    # Safety questions' answers are kept apart, like the daily safety answer.
    safety = {qid: (int(v), pack.question(qid).at_threshold(v))
              for qid, v in answers.items() if qid in pack.safety_ids and v is not None}
    answers = {qid: v for qid, v in answers.items() if qid not in pack.safety_ids}
    store = common.open_store(create=True)
    if store is None:
        raise ResilienceError(_("packs.run.not_created"))
    with store:
        saved = store.pack_answers.save(pack.name, common.today(), answers, safety=safety)
    if any(crisis for __, crisis in safety.values()):
        _crisis_box()
        return
    print(_("packs.run.saved", title=pack.title, day=day_words(common.today())))
    for score in pack.scores:
        value = pack.score(saved.answers)[score.id]
        low, high = pack.score_range(score.id)
        band = score.band(value)
        if value is None:
            shown = _("packs.run.score_unanswered")
        elif band:
            shown = _("packs.run.score_band", value=value, low=low, high=high, band=band)
        else:
            shown = _("packs.run.score", value=value, low=low, high=high)
        print(f"  {score.title}: {shown}")
    print(f"  {pack.attribution}")


def _crisis_box() -> None:
    """The crisis box at once, and nothing else: the answers are saved."""
    from resilience_cli.render import guidance
    from resilience_cli.rules.engine import RuleContext, evaluate
    from resilience_cli.safety import YES, SafetyAnswer

    settings = common.settings()
    today = common.today()
    ctx = RuleContext(to=today, records=[], safety=[SafetyAnswer("pack", today.isoformat(), YES, "")])
    common.console().print(guidance.items([i for i in evaluate(ctx) if i.rule == "R1"], settings, why=False,
                                          plain=common.plain_mode()))


@app.command("example", help=command_help(
    _("packs.help.example"), _("packs.help.example_examples")))
def example() -> None:
    """The example pack file, as it ships (help: packs.help.example)."""
    text = resources.files("resilience_cli").joinpath(f"data/packs/{EXAMPLE}.toml").read_text("utf-8")
    print(text, end="")
