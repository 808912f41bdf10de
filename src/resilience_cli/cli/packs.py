"""`resilience pack add|list|run|example`: extra periodic questionnaires from TOML files."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer

from resilience_cli.cli import common
from resilience_cli.cli.options import no_input_option
from resilience_cli.config import ensure_private_dir, paths
from resilience_cli.errors import Cancelled, InvalidInput, NotFound, ResilienceError
from resilience_cli.files import write_private
from resilience_cli.model import day_words

app = typer.Typer(help="Question packs: an extra periodic questionnaire, defined in a TOML file.",
                  short_help="Extra periodic questionnaires (question packs).",
                  context_settings={"help_option_names": ["-h", "--help"]}, no_args_is_help=True)

EXAMPLE = "worthwhile-work"


def _pack(name: str):
    from resilience_cli.pack_files import installed

    packs = installed()
    if name not in packs:
        have = ", ".join(packs) or "none yet"
        raise NotFound(f"There is no pack called {name!r} (installed: {have}). Add one with: resilience pack add FILE")
    return packs[name]


@app.command("add")
def add(
    path: Annotated[Path, typer.Argument(metavar="FILE", help="A pack file in TOML (see resilience pack example).")],
) -> None:
    """Check a pack file and add it to your journal's packs.

    \b
    Example:
      resilience pack example > my-pack.toml && resilience pack add my-pack.toml
    """
    from resilience_cli.packs import parse

    try:
        text = path.expanduser().read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"{path} could not be read ({getattr(exc, 'strerror', None) or 'not UTF-8 text'}).") from None
    pack = parse(text, path.name)
    folder = paths().packs_dir
    ensure_private_dir(folder)
    replacing = (folder / f"{pack.name}.toml").exists()
    write_private(folder / f"{pack.name}.toml", text)
    verb = "Updated" if replacing else "Added"
    print(f"{verb} the pack {pack.name!r} ({pack.title}): {len(pack.questions)} questions, {pack.cadence}. "
          f"Answer it with: resilience pack run {pack.name}")


@app.command("list")
def list_() -> None:
    """List your packs, when each was last answered, and which are due.

    \b
    Example:
      resilience pack list
    """
    from resilience_cli.pack_files import installed

    packs = installed()
    if not packs:
        print("No packs yet. See an example with: resilience pack example")
        return
    with common.read_only_store() as store:
        answers = store.pack_answers.since(dt.date.min) if store else []
    today = common.today()
    for name, pack in packs.items():
        dates = [a.date for a in answers if a.pack == name]
        last = dt.date.fromisoformat(max(dates)) if dates else None
        when = f"last answered {day_words(last)}" if last else "not answered yet"
        due = "; due now" if pack.due(last, today) else ""
        print(f"{name}  {pack.title} ({pack.cadence}; {when}{due})")


@app.command("run")
def run(
    name: Annotated[str, typer.Argument(metavar="NAME", help="The pack's name (resilience pack list).")],
    answer: Annotated[list[str] | None, typer.Option("--answer", "-a", metavar="ID=VALUE", help="Answer a question from the command line (repeat).")] = None,
    no_input: Annotated[bool, no_input_option("record only the --answer values")] = False,
) -> None:
    """Answer a pack's questions for today (answering again today amends them).

    \b
    Examples:
      resilience pack run worthwhile-work
      resilience pack run worthwhile-work -a worthwhile=3 -a difference=2 -a drained=1 --no-input
    """
    from resilience_cli.packs import check_answers

    pack = _pack(name)
    given: dict[str, object] = {}
    for item in answer or []:
        if "=" not in item:
            raise InvalidInput(f"--answer takes ID=VALUE, such as worthwhile=3; {item!r} has no '='.")
        key, value = item.split("=", 1)
        given[key.strip()] = value
    answers = check_answers(pack, given)
    if not no_input and common.stdin_is_terminal():
        from resilience_cli.prompts import ask_pack

        try:
            asked = ask_pack(pack, skip=set(answers))
        except KeyboardInterrupt:
            raise Cancelled("Cancelled; nothing was saved.") from None
        answers.update(check_answers(pack, asked))
    # Safety questions' answers are kept apart, like the daily safety answer.
    safety = {qid: (int(v), pack.question(qid).at_threshold(v))
              for qid, v in answers.items() if qid in pack.safety_ids and v is not None}
    answers = {qid: v for qid, v in answers.items() if qid not in pack.safety_ids}
    store = common.open_store(create=True)
    if store is None:
        raise ResilienceError("The journal could not be created.")
    with store:
        saved = store.pack_answers.save(pack.name, common.today(), answers, safety=safety)
    if any(crisis for _, crisis in safety.values()):
        _crisis_box()
        return
    print(f"Saved your answers to {pack.title} for {day_words(common.today())}.")
    for score in pack.scores:
        value = pack.score(saved.answers)[score.id]
        low, high = pack.score_range(score.id)
        band = score.band(value)
        shown = ("not all its questions answered" if value is None
                 else f"{value} (of {low} to {high}{f'; {band}' if band else ''})")
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


@app.command("example")
def example() -> None:
    """Print the example pack, to save, edit and add.

    \b
    Example:
      resilience pack example > my-pack.toml
    """
    text = resources.files("resilience_cli").joinpath(f"data/packs/{EXAMPLE}.toml").read_text("utf-8")
    print(text, end="")
