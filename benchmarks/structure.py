"""The structure in figures: modules, imports between layers, and the summary's path.

    python benchmarks/structure.py

Repeatable counts for issue 23's "structure before and after" (run it on two
commits and compare):

- modules: every .py file in the package, and how many sit in each layer;
- imports: each pair (module, our module it imports, at the top or inside a
  function) once; how many cross layers, how many go up (should be 0), and how
  many join one command module to another (cli/ modules other than the shared
  common, options, context, quick, helpnow, the command table app and the
  package's run);
- the summary's path: `resilience summary --no-input --include packs --format pdf`
  run in this process on the demo's six months with a pack installed, with
  every call into a function of ours traced from the moment the command starts
  to the PDF written. The layers control enters, in order, consecutive calls in
  the same layer folded into one step, are the path; a step "goes back up" when
  it enters a higher layer than the step before, which happens only when a
  lower layer has returned its data to a caller above and the work carries on
  there (one such climb is unavoidable: the command itself writes the file).
  The climbs back to the cli layer are counted apart: each is the command
  taking the data back to hand it on, the cost the issue names.

Layers, highest first: cli; prompts, render, report; store; config and the
modules that read files for it (config, contacts, routes, files,
settings_file, interchange, pack_files, pulse_files, clock); the pure core
(everything else: model, insights, rules, packs, supervision, ...).
"""

from __future__ import annotations

import ast
import datetime as dt
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

import resilience_cli

PACKAGE = Path(resilience_cli.__file__).parent
SHARED_CLI = {"common", "options", "context", "quick", "helpnow", "app", ""}
RANKS = {"cli": 5, "prompts": 4, "render": 4, "report": 4, "store": 3}
FILES = {"config", "contacts", "routes", "files", "settings_file", "interchange", "pack_files", "pulse_files",
         "clock"}
NAMES = {5: "cli", 4: "prompts/render/report", 3: "store", 2: "config and files", 1: "pure core"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def rank(module: str) -> int:
    part = module.split(".")[1] if "." in module else ""
    if part == "__main__":  # `python -m resilience_cli`: the command line's own door
        return 5
    return RANKS.get(part) or (2 if part in FILES else 1)


def our_imports(path: Path, modules: set[str]) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                whole = f"{node.module}.{alias.name}"
                found.add(whole if whole in modules else node.module)
    return {name for name in found if name in modules} - {module_name(path)}


def is_command(module: str) -> bool:
    parts = module.split(".")
    return len(parts) >= 2 and parts[1] == "cli" and (parts[2] if len(parts) > 2 else "") not in SHARED_CLI


def structure() -> None:
    paths = sorted(PACKAGE.rglob("*.py"))
    modules = {module_name(p) for p in paths}
    edges = {(module_name(p), imported) for p in paths for imported in our_imports(p, modules)}
    by_layer = Counter(NAMES[rank(m)] for m in modules)
    print(f"modules: {len(modules)} ({', '.join(f'{n} {by_layer[n]}' for n in NAMES.values())})")
    print(f"  in cli/: {sum(1 for m in modules if m.startswith('resilience_cli.cli'))}, of which command modules: "
          f"{sum(1 for m in modules if is_command(m))}")
    crossing = [e for e in edges if rank(e[0]) != rank(e[1])]
    upward = sorted(e for e in edges if rank(e[0]) < rank(e[1]))
    commands = sorted(e for e in edges if is_command(e[0]) and is_command(e[1]))
    print(f"imports between our modules: {len(edges)}; across layers: {len(crossing)}; upward: {len(upward)}")
    for a, b in upward:
        print(f"  up: {a} -> {b}")
    print(f"command module -> command module: {len(commands)}")
    for a, b in commands:
        print(f"  {a} -> {b}")
    print(f"cli/ -> cli/ (shared modules too): {sum(1 for a, b in edges if rank(a) == rank(b) == 5)}")


def summary_path() -> None:
    from resilience_cli.sample import demo_story

    import contextlib
    import io

    folder = Path(tempfile.mkdtemp(prefix="resilience-structure-"))
    home = folder / "home"
    os.environ["RESILIENCE_HOME"] = str(home)
    os.environ.setdefault("RESILIENCE_TEST_NOW", "2026-12-01T20:00:00")
    from resilience_cli import clock
    from resilience_cli.cli import run
    from resilience_cli.store import JournalStore

    today = clock.now().date()
    story = demo_story(today)
    with JournalStore.open(home / "journal.db", create=True) as store:
        store.insert_many(story.checkins)
        store.followups.add_all(story.followups)
    quiet = contextlib.redirect_stdout(io.StringIO())
    with quiet:
        assert run(["pack", "add", str(PACKAGE / "data" / "packs" / "worthwhile-work.toml")]) == 0
        for days in (20, 6):
            os.environ["RESILIENCE_TEST_NOW"] = f"{today - dt.timedelta(days=days)}T20:00:00"
            assert run(["pack", "run", "worthwhile-work", "-a", "worthwhile=3", "-a", "difference=2",
                        "-a", "drained=1", "--no-input"]) == 0
    os.environ["RESILIENCE_TEST_NOW"] = f"{today}T20:00:00"

    steps: list[tuple[str, str]] = []
    started = False

    def profile(frame, event, arg):  # noqa: ANN001, ANN202
        nonlocal started
        if event != "call" or frame.f_code.co_name == "<module>" or frame.f_back is None:
            return
        name = frame.f_globals.get("__name__", "")
        if name == "resilience_cli.cli.summary" and frame.f_code.co_name == "summary":
            started = True
        caller = frame.f_back.f_globals.get("__name__", "")
        if (started and name.startswith("resilience_cli") and caller.startswith("resilience_cli")
                and caller != name and (caller, name) not in steps):
            steps.append((caller, name))

    out = folder / "summary.pdf"
    sys.setprofile(profile)
    try:
        code = run(["summary", "--no-input", "--include", "packs", "--format", "pdf", "-o", str(out)])
    finally:
        sys.setprofile(None)
    assert code == 0 and out.exists(), code
    ups = [n for n in range(1, len(steps)) if rank(steps[n][0]) > rank(steps[n - 1][1])]
    to_cli = [n for n in ups if rank(steps[n][0]) == 5]
    print(f"summary, journal to PDF: {len(steps)} steps (distinct calls from one module of ours to another), "
          f"{len(ups)} of them back up, {len(to_cli)} of those back up to the command line's layer")
    for n, (caller, callee) in enumerate(steps):
        mark = "  ^" if n in ups else "   "
        print(f"{mark} {n + 1:3} {caller.removeprefix('resilience_cli.')} ({rank(caller)}) -> "
              f"{callee.removeprefix('resilience_cli.')} ({rank(callee)})")


if __name__ == "__main__":
    structure()
    summary_path()
