"""The layers of DESIGN.md, kept by reading every module's imports."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import resilience_cli

PACKAGE = Path(resilience_cli.__file__).parent


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


MODULES = {module_name(p): imports_of(p) for p in PACKAGE.rglob("*.py")}


def our_imports(path: Path) -> set[str]:
    """Our modules this one imports, anywhere in it (lazy imports too): `from pkg import mod`
    counts as importing pkg.mod when that is a module of ours."""
    tree = ast.parse(path.read_text())
    # Imports for type checkers only are not run: they are left out.
    typing_only = {id(n) for block in ast.walk(tree) if isinstance(block, ast.If)
                   and getattr(block.test, "id", None) == "TYPE_CHECKING" for n in ast.walk(block)}
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                whole = f"{node.module}.{alias.name}"
                found.add(whole if whole in MODULES else node.module)
    return {name for name in found if name in MODULES} - {module_name(path)}


def layer(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else "package"


def importers_of(prefix: str) -> set[str]:
    return {
        layer(mod) for mod, imports in MODULES.items()
        if any(i == prefix or i.startswith(prefix + ".") for i in imports)
    }


def test_every_module_was_read():
    assert {"resilience_cli.model", "resilience_cli.store", "resilience_cli.cli.app",
            "resilience_cli.prompts", "resilience_cli.render"} <= set(MODULES)


@pytest.mark.parametrize(
    "library,allowed",
    [
        ("sqlite_utils", {"store"}),
        ("sqlite3", {"store"}),
        ("questionary", {"prompts"}),
        ("prompt_toolkit", {"prompts"}),
        ("rich", {"render", "cli"}),
        ("typer", {"cli"}),
        ("click", {"cli"}),
        ("platformdirs", {"config"}),
        ("sqlcipher3", {"store"}),
        ("icalendar", {"report"}),
    ],
)
def test_third_party_libraries_stay_in_their_owner(library, allowed):
    assert importers_of(library) <= allowed


PURE = ("model", "insights", "errors", "rules", "followups", "reflection", "safety", "supervision", "aftercare",
        "phonein", "colleagues", "went_well", "pulse", "dutyday", "validation", "question_words")
UPPER = ("cli", "prompts", "render", "store", "config", "contacts", "interchange")


@pytest.mark.parametrize("pure", PURE)
def test_pure_modules_import_no_terminal_database_or_upper_layer(pure):
    imports = set().union(*(imps for mod, imps in MODULES.items() if layer(mod) == pure))
    forbidden = {"sqlite3", "sqlite_utils", "rich", "questionary", "prompt_toolkit", "typer",
                 "platformdirs", "os", "subprocess"}
    assert not {i.split(".")[0] for i in imports} & forbidden
    assert not {i for i in imports if i.startswith("resilience_cli.") and layer(i) in UPPER}


@pytest.mark.parametrize("lower", ["store", "config", "model", "insights", "prompts", "render", "report", "rules",
                                   "pack_files"])
def test_nothing_below_the_cli_imports_it(lower):
    imports = set().union(*(imps for mod, imps in MODULES.items() if layer(mod) == lower))
    assert not {i for i in imports if i.startswith("resilience_cli.cli")}


def test_only_the_cli_package_owns_exit_codes():
    offenders = [
        mod for mod, path in ((module_name(p), p) for p in PACKAGE.rglob("*.py"))
        if layer(mod) != "cli" and ("sys.exit" in path.read_text() or "typer.Exit" in path.read_text())
    ]
    assert offenders == []


@pytest.mark.parametrize("option", ["--format", "--to", "--no-input"])
def test_shared_options_are_defined_once(option):
    """In cli/options.py, as Annotated aliases; a command writing its own drifts
    (eight --format definitions once had four ways of listing the choices)."""
    defining = sorted(module_name(p) for p in (PACKAGE / "cli").glob("*.py")
                      if f'typer.Option("{option}"' in p.read_text())
    assert defining == ["resilience_cli.cli.options"]


def test_no_utils_grab_bag():
    assert not [p for p in PACKAGE.rglob("*.py") if p.stem in ("utils", "helpers", "misc")]


def _loaded_after(code: str, home: Path) -> list[str]:
    probe = (
        "import sys, json\n"
        f"{code}\n"
        "heavy = ('rich', 'questionary', 'prompt_toolkit', 'sqlite_utils', 'pydantic', 'platformdirs')\n"
        "print(json.dumps(sorted(h for h in heavy if h in sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         env={"RESILIENCE_HOME": str(home), "PATH": "/usr/bin:/bin"}, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_status_and_version_import_nothing_heavy(tmp_path):
    home = tmp_path / "h"
    assert _loaded_after("from resilience_cli.cli import run; run(['--version'])", home) == []
    assert _loaded_after("from resilience_cli.cli import run; run(['status'])", home) == []


def test_a_flag_only_checkin_needs_only_rich(tmp_path):
    home = tmp_path / "h"
    # The first check-in creates the schema (sqlite-utils); later ones need only Rich.
    _loaded_after("from resilience_cli.cli import run; run(['checkin', '--no-input'])", home)
    loaded = _loaded_after(
        "from resilience_cli.cli import run; run(['checkin', '--mood', '5', '--no-input'])", home)
    assert loaded == ["rich"]


NETWORK = ("socket", "ssl", "http", "urllib.request", "requests", "httpx", "aiohttp", "ftplib",
           "smtplib", "webbrowser")


def test_no_module_can_reach_the_network():
    offenders = {
        mod: sorted(i for i in imports if i.split(".")[0] in NETWORK or i in NETWORK)
        for mod, imports in MODULES.items()
    }
    assert {mod: found for mod, found in offenders.items() if found} == {}


def _cycles() -> list[list[str]]:
    """Groups of our modules that import each other, directly or round a loop (Tarjan)."""
    graph = {module_name(p): our_imports(p) for p in PACKAGE.rglob("*.py")}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(found)


def test_no_import_cycles():
    # The store package had one: JournalStore opened through cipher, which
    # encrypted through JournalStore; bulk, files and periodic took the row
    # mapping from the package. Now rows.py and cipher.py sit below it, and
    # encryption.py and files.py above.
    assert _cycles() == []


def test_no_module_reaches_into_anothers_private_names():
    """A leading underscore means "mine": another module using it (the store's
    modules once called JournalStore._check and imported store._to_row) binds them
    together where nobody looks."""
    found = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text())
        # A class using its own private methods on another instance of itself is its own business.
        own = {n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("resilience_cli"):
                # messages._ and _n are public: gettext's names for "the words for this id".
                found += [f"{module_name(path)} imports {node.module}.{a.name}" for a in node.names
                          if a.name.startswith("_") and not a.name.startswith("__")
                          and not (node.module == "resilience_cli.messages" and a.name in ("_", "_n"))]
            elif (isinstance(node, ast.Attribute) and node.attr.startswith("_")
                  and not node.attr.startswith("__") and isinstance(node.value, ast.Name)
                  and node.value.id not in ("self", "cls") and node.attr not in own
                  and f"{node.value.id}.{node.attr}" != "os._exit"):  # the standard library's, public
                found.append(f"{module_name(path)} uses {node.value.id}.{node.attr}")
    assert sorted(set(found)) == []


# The modules of cli/ that the commands share, and why each is shared rather than a command.
SHARED_CLI = {
    "common": "the console, the journal opened for a command, dates and settings as every command reads them",
    "options": "options several commands take, defined once (see test_shared_options_are_defined_once)",
    "context": "what this run knows: --plain, whether questions can be asked",
    "quick": "the bodies of status and --version, which cli.run answers before Typer loads",
    "helpnow": "help-now's body, which cli.run's quick path reaches (with every slip of the keys) before Typer loads",
}
# The command table imports every command (that is its job); the package's run() imports the table.
COMMAND_TABLE = ("app", "")


def _every_import(path: Path) -> set[str]:
    """Our modules this one imports, at the top or inside a function, for type checkers too."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
            found.add(node.module)
    return found


def test_no_command_module_imports_another():
    """A command that borrows from another (the summary once took pack_scores from
    trends, and demo ran trends, tips and summary) ties two commands' options and
    output together; what they share lives below the CLI, or in a shared module."""
    folder = PACKAGE / "cli"
    every = {p.stem if p.stem != "__init__" else "": p for p in folder.glob("*.py")}
    assert set(SHARED_CLI) <= set(every)
    # A shared module with a command of its own would be a command by another name:
    # none but options (which defines options for the commands) uses Typer.
    assert [stem for stem in SHARED_CLI if stem != "options"
            and {"typer", "click"} & {n.split(".")[0] for n in _every_import(every[stem])}] == []
    commands = {f"resilience_cli.cli.{stem}" for stem in every} - {
        f"resilience_cli.cli.{stem}" for stem in (*SHARED_CLI, *COMMAND_TABLE)}
    assert {"resilience_cli.cli.summary", "resilience_cli.cli.everyday", "resilience_cli.cli.trends"} <= commands
    found = sorted(
        f"{module_name(path)} imports {name}"
        for stem, path in every.items() if stem not in COMMAND_TABLE
        for name in _every_import(path) & commands if name != module_name(path)
    )
    assert found == []


# The journal's records besides the check-ins, each kept by a repository attached to the store.
REPOSITORIES = ("safety_answers", "followups", "reflections", "tips", "pack_answers", "summaries", "phoneins",
                "colleagues", "pulse_reads")


def test_the_store_is_laid_out_as_described(tmp_path):
    """JournalStore has a module of its own and the package is its index; the other
    records are small repositories attached to it, not mixins it inherits; and the
    store checks a backup with the validators beside the model, not the file parser."""
    from resilience_cli.store import JournalStore

    assert JournalStore.__module__ == "resilience_cli.store.journal"
    index = ast.parse((PACKAGE / "store" / "__init__.py").read_text())
    assert [n.name for n in ast.walk(index) if isinstance(n, (ast.ClassDef, ast.FunctionDef))] == []
    assert JournalStore.__mro__ == (JournalStore, object)
    # The file parser is above the store: not even its types are borrowed.
    assert sorted(f"{mod} imports {name}" for mod, imports in MODULES.items() if layer(mod) == "store"
                  for name in imports if name.startswith("resilience_cli.interchange")) == []
    with JournalStore.open(tmp_path / "journal.db", create=True) as store:
        kinds = {name: type(getattr(store, name)) for name in REPOSITORIES}
        assert store.followups is store.followups  # one per store, made once
    from resilience_cli.store.repository import Repository

    assert {name: issubclass(kind, Repository) for name, kind in kinds.items()} == dict.fromkeys(REPOSITORIES, True)
    assert len({kind.__module__ for kind in kinds.values()}) == len(REPOSITORIES)
