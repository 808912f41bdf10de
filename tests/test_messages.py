"""The message catalogues: every word the user reads comes through messages.py.

- the compiled catalogues are their sources, compiled;
- every id the code asks for is in the English catalogue, with its plural forms;
- in every module of the package, a new user-facing literal fails;
- the pseudo-language (every message wrapped in ⟦…⟧, its letters accented)
  renders the check-in, help-now and the summary with no English leaking
  through and nothing wider than a 40-column terminal;
- `--lang` and `[display] language` take only `en` for now.
"""

from __future__ import annotations

import ast
import datetime as dt
import importlib.util
import re
import sys
from pathlib import Path

import pytest
from conftest import checkin_keys, invoke, today, write_config

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "resilience_cli"


def _tool():
    spec = importlib.util.spec_from_file_location("catalogues", ROOT / "tools" / "catalogues.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["catalogues"] = module
    spec.loader.exec_module(module)
    return module


catalogues = _tool()

# Every module's words are in the catalogue (issue 23 moved them all): a
# user-facing literal anywhere in the package is a slip.
MODULES = sorted(str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py"))

# Words that may stand outside the catalogue: Rich's styles, which are not read.
_STYLE_WORDS = frozenset(
    "bold dim italic underline reverse strike blink not on default none red green yellow blue magenta "
    "cyan white black grey bright_red bright_green bright_yellow bright_blue bright_magenta bright_cyan "
    "bright_white bright_black link".split()
)
# Words: two words of letters with something between them, or one capitalised word.
_WORDS = re.compile(r"[A-Za-z]{2,}[^\sA-Za-z{}]*\s+[^\sA-Za-z{}]*[A-Za-z]{2,}|^[A-Z][a-z]+\b")
# Programmers' errors, never shown to a user as a message of ours.
_PROGRAMMERS = {"ValueError", "TypeError", "KeyError", "AssertionError", "RuntimeError", "NotImplementedError",
                "AttributeError"}
_ACCESSORS = {"_", "_n", "data"}
_EXEMPT = "# not a message"


def _literal_text(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    return None


def user_facing_literals(source: str) -> list[tuple[int, str]]:
    """(line, text) of every string literal in `source` that reads as words for a user."""
    tree = ast.parse(source)
    lines = source.splitlines()
    skip: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and body:
            first = body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                skip.add(id(first.value))
        if isinstance(node, ast.Call):
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
            if name in _ACCESSORS and node.args:
                skip.add(id(node.args[0]))
        # A module's list of public names, and a value's repr, are for programmers.
        if (isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
                or isinstance(node, ast.FunctionDef) and node.name == "__repr__"):
            for inner in ast.walk(node):
                skip.add(id(inner))
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            func = node.exc.func
            if isinstance(func, ast.Name) and func.id in _PROGRAMMERS:
                for inner in ast.walk(node.exc):
                    skip.add(id(inner))
    found = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        text = _literal_text(node)
        if text is None or isinstance(node, ast.Constant) and _inside_fstring(tree, node):
            continue
        if not _WORDS.search(text) or set(text.split()) <= _STYLE_WORDS:
            continue
        if _EXEMPT in lines[node.lineno - 1] or _EXEMPT in lines[getattr(node, "end_lineno", node.lineno) - 1]:
            continue
        found.append((node.lineno, text))
    return found


def _inside_fstring(tree: ast.AST, node: ast.AST) -> bool:
    parents = getattr(tree, "_fstring_parts", None)
    if parents is None:
        parents = {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in ast.walk(n) if v is not n}
        tree._fstring_parts = parents  # type: ignore[attr-defined]
    return id(node) in parents


def test_the_guard_finds_words_and_passes_ids():
    source = '''
"""A docstring is not a message."""
A = "Saved Monday."
B = f"Amending {day}, checked in at {time}"
C = _("checkin.saved")
D = "bold red"
E = "sleep_hours"
F = "Mood"
G = "mood: %s"
H = "Words the user reads"  # not a message: a test of the exemption
raise ValueError("a programmer's slip, not a message")
__all__ = ["Workplace", "Thresholds"]
def __repr__(self): return f"Thresholds({self.changes})"
'''
    assert [line for line, _ in user_facing_literals(source)] == [3, 4, 8]


@pytest.mark.parametrize("module", MODULES)
def test_no_module_has_words_outside_the_catalogue(module):
    found = user_facing_literals((PACKAGE / module).read_text("utf-8"))
    assert found == [], f"{module}: words outside the catalogue (messages._ or mark '{_EXEMPT}: why')"


def test_compiled_catalogues_are_their_sources():
    assert catalogues.sources(), "no catalogue found"
    assert catalogues.stale() == []


def _english() -> dict[str, object]:
    entries: dict[str, object] = {}
    for po in catalogues.sources():
        if po.parts[-3] != "en":
            continue
        for message in catalogues._read(po):
            if message.id:
                key = message.id[0] if isinstance(message.id, tuple) else message.id
                assert key.partition(".")[0] == po.stem, f"{key} is in {po.name}, not its domain's file"
                entries[key] = message.string
    return entries


def _asked_for() -> list[tuple[str, str, str]]:
    """(file, accessor, id) of every literal id the code asks the catalogue for."""
    out = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "_n"):
                if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                    out.append((path.name, node.func.id, node.args[0].value))
    return out


def test_every_id_the_code_asks_for_is_in_english_with_its_forms():
    english = _english()
    asked = _asked_for()
    assert len(asked) > 1200
    missing = [(f, key) for f, _, key in asked if key not in english]
    assert missing == []
    singular_as_plural = [(f, key) for f, how, key in asked if (how == "_n") != isinstance(english[key], tuple)]
    assert singular_as_plural == []


def test_placeholders_are_python_format_fields():
    """A message's {fields} are names (str.format_map); a stray brace would fail at run time."""
    from string import Formatter

    for key, text in _english().items():
        for form in text if isinstance(text, tuple) else (text,):
            fields = [name for _, name, _, _ in Formatter().parse(form) if name is not None]
            assert all(re.fullmatch(r"[a-z_][a-z0-9_]*", name) for name in fields), key


def test_dates_come_from_the_catalogue_not_the_locale():
    from resilience_cli.messages import day_month

    assert day_month(dt.date(2026, 12, 19)) == "Saturday 19 December"
    assert day_month(dt.date(2027, 1, 4), year=True) == "Monday 4 January 2027"


def test_plural_forms_follow_the_catalogue(tmp_path, monkeypatch):
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo

    from resilience_cli import messages

    # Welsh counts in six forms: the accessor must take the form the catalogue's rule picks.
    folder = tmp_path / "cy" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    catalogue = Catalog(locale="cy", domain="dates")
    catalogue.add(("dates.test", "dates.test#plural"), tuple(f"form {i}: {{count}}" for i in range(6)))
    with open(folder / "dates.mo", "wb") as file:
        write_mo(file, catalogue)
    monkeypatch.setenv("RESILIENCE_TEST_LOCALES", str(tmp_path))
    messages._catalogues.clear()
    try:
        messages.use("cy")
        assert [messages._n("dates.test", n) for n in (0, 1, 2, 3, 6, 7)] == [
            "form 0: 0", "form 1: 1", "form 2: 2", "form 3: 3", "form 4: 6", "form 5: 7"]
        # Words the Welsh catalogue lacks fall back to English.
        assert messages.weekday(dt.date(2026, 12, 19)) == "Saturday"
    finally:
        messages.reset()
        messages._catalogues.clear()


# --- language choice -------------------------------------------------------


def test_lang_accepts_english():
    result = invoke("--lang", "en", "status")
    assert result.exit_code == 0, result.stderr


def test_lang_refuses_a_language_not_yet_shipped():
    result = invoke("--lang", "cy", "status")
    assert result.exit_code == 2
    assert result.stderr == "resilience speaks only English so far: --lang takes en.\n"


def test_display_language_setting_accepts_only_english(home):
    write_config(home, '[display]\nlanguage = "en"\n')
    assert invoke("config").exit_code == 0
    write_config(home, '[display]\nlanguage = "fr"\n')
    result = invoke("config")
    assert result.exit_code == 2
    assert "display.language" in result.stderr and "en" in result.stderr


# --- the pseudo-language ---------------------------------------------------

# What may stay ASCII in pseudo output: the interface itself (the command and
# its subcommands and flags, which are typed, never translated), addresses,
# and the keys printed on the keyboard.
def _command_words() -> str:
    """Every command and subcommand name: typed, never translated."""
    import typer

    from resilience_cli.cli.app import COMMANDS, GROUPS, _load

    names = {name for name, _ in COMMANDS} | {name for name, _ in GROUPS}
    for _, where in GROUPS:
        names |= {c.name for c in typer.main.get_group(_load(where)).commands.values()}
    return "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))


_INTERFACE = re.compile(
    # A command may wrap at 40 columns.
    rf"resilience(?:\s+(?:{_command_words()})\b)*|--[a-z][a-z-]*|https?://\S+|[\w.+-]+@[\w.-]+|"
    r"\b(?:SHOUT|NHS|PDF|HTML|CSV|JSON|UK|GP)\b"
    # A file's path (the journal's, a written summary's), perhaps folded over two lines.
    r"|[\w.~-]*/[\w./-]*"
    # The settings as they are typed: the file, a [section], and help-now's setting and its values.
    r"|config\.toml|\[[a-z]+\]|\b(?:region|england|wales|scotland|northern-ireland)\b"
)
_ENGLISH = re.compile(r"[A-Za-z]{2,}")


def leaks(text: str) -> list[str]:
    """The English words in `text` once the interface's own words are set aside."""
    return _ENGLISH.findall(_INTERFACE.sub(" ", text))


def too_wide(text: str, width: int = 40) -> list[str]:
    from rich.cells import cell_len

    return [line for line in text.splitlines() if cell_len(line) > width]


@pytest.fixture(scope="module")
def pseudo_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("locales")
    catalogues.write_pseudo(folder)
    return folder


@pytest.fixture
def pseudo(pseudo_folder, monkeypatch):
    import shutil
    import tempfile

    from resilience_cli import messages

    monkeypatch.setenv("RESILIENCE_TEST_LOCALES", str(pseudo_folder))
    monkeypatch.setenv("COLUMNS", "40")
    # A home whose path fits a 40-column box whole (the welcome names it): pytest's
    # own are long, and a path folded mid-word would read as words.
    short = tempfile.mkdtemp(prefix="r", dir="/tmp")
    monkeypatch.setenv("RESILIENCE_HOME", short)
    messages._catalogues.clear()
    yield
    messages._catalogues.clear()
    shutil.rmtree(short, ignore_errors=True)


def test_pseudo_text_keeps_placeholders_and_markup():
    assert catalogues.pseudo_text("Saved {day}.") == "⟦Šàʋéđ {day}.⟧"
    assert catalogues.pseudo_text("[bold]Mood[/bold]") == "⟦[bold]Ṁööđ[/bold]⟧"
    assert leaks(catalogues.pseudo_text("Saved {day} at supervision.")) == ["day"]


def test_leaks_sees_english_and_passes_the_interface():
    assert leaks("⟦Šàʋéđ⟧ run resilience help-now --no-input") == ["run"]
    assert leaks("116 123 SHOUT 85258 https://www.samaritans.org") == []
    assert leaks("⟦Ŵŕîţţéñ ţö⟧ /tmp/pytest-of-root/test_\nen0/home/s.md") == []
    # Only command names follow "resilience" as the interface: English after it still shows.
    assert leaks("resilience is a tool; resilience\nphonein plan") == ["is", "tool"]


def test_pseudo_checkin_speaks_no_english_at_40_columns(pseudo, screen):
    pipe, drawn = screen
    # The first run (nation and service: Enter keeps England, skips the service),
    # then a hard day: a significant incident, hurt, little sleep and mood 1, so
    # the boxes that follow a check-in all show; the safety question is skipped.
    pipe.send_text("\r\r" + checkin_keys(shift="2", incident="h2", material="3", graphic="1", sleep="4 2\r",
                                         mood="1 3\r") + "\r\r\r")
    result = invoke("--lang", "qps", "checkin", terminal=True)
    shown = drawn.buffer.getvalue().decode() + result.stdout + result.stderr
    assert result.exit_code == 0, shown
    assert leaks(shown) == []
    assert too_wide(result.stdout + result.stderr) == []


def test_pseudo_flag_only_checkin_and_status(pseudo):
    result = invoke("--lang", "qps", "checkin", "--shift", "day", "--mood", "2", "--no-input")
    assert result.exit_code == 0, result.stderr
    status = invoke("--lang", "qps", "status")
    shown = result.stdout + result.stderr + status.stdout
    assert leaks(shown) == []
    assert too_wide(shown) == []


def test_pseudo_help_now(pseudo):
    result = invoke("--lang", "qps", "help-now")
    assert result.exit_code == 0, result.stderr
    assert "⟦" in result.stdout
    assert leaks(result.stdout) == []
    assert too_wide(result.stdout) == []


def _a_fortnight_of_nights() -> None:
    for n in range(1, 15):
        day = (today() - dt.timedelta(days=n)).isoformat()
        assert invoke("checkin", "--date", day, "--shift", "night", "--sleep-hours", "5", "--mood", "4",
                      "--incident", "significant", "--no-input").exit_code == 0


@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_pseudo_summary_files(pseudo, fmt):
    """The written summary: a file, whose paragraphs are lines (an editor wraps them)."""
    _a_fortnight_of_nights()
    result = invoke("--lang", "qps", "summary", "--no-input", "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert "⟦" in result.stdout
    assert leaks(result.stdout) == []


def test_pseudo_summary_preview_at_40_columns(pseudo, screen, tmp_path):
    """What the officer reads on the screen: the questions and each section's preview."""
    _a_fortnight_of_nights()
    pipe, drawn = screen
    pipe.send_text("\r" * 40)  # every question at its default: each section kept
    result = invoke("--lang", "qps", "summary", "--output", str(tmp_path / "s.md"), terminal=True)
    assert result.exit_code == 0, result.stderr
    preview = result.stdout
    assert "⟦" in preview
    assert leaks(drawn.buffer.getvalue().decode() + result.stdout + result.stderr) == []
    # Standard error's plain sentences are reflowed by the terminal; the preview is laid out.
    assert too_wide(preview) == []


def test_the_settings_language_is_read_when_the_first_message_is(home, pseudo_folder, monkeypatch):
    """[display] language reaches every word, help included, with no --lang; --lang wins."""
    monkeypatch.setenv("RESILIENCE_TEST_LOCALES", str(pseudo_folder))
    write_config(home, '[display]\nlanguage = "qps"\n')
    spoken = invoke("help-now")
    assert spoken.exit_code == 0, spoken.stderr
    assert "⟦" in spoken.stdout and leaks(spoken.stdout) == []
    # Help is built before any command reads its settings: it speaks their language too.
    assert "⟦" in invoke("help-now", "--help").stdout
    english = invoke("--lang", "en", "help-now")
    assert "⟦" not in english.stdout and "Samaritans" in english.stdout
    # A settings file with a mistake in it: English, and the command says what is wrong.
    write_config(home, '[display]\nlanguage = "qps"\n[questions]\nalcohol = "maybe"\n')
    broken = invoke("help-now")
    assert "⟦" not in broken.stdout and "Samaritans" in broken.stdout


def test_every_command_has_its_words_in_the_catalogue():
    """Command names come from a table, so their ids are built: check each one here."""
    from resilience_cli.cli.app import COMMANDS, command_help
    from resilience_cli.messages import _

    for name, _function in COMMANDS:
        assert _(f"commands.{name}.short") and command_help(name)
    assert command_help("checkin").splitlines()[:4] == [
        "Check in for a duty day, or amend it: asks only what the flags left open.", "", "\b", "Examples:"]
    assert command_help("edit").endswith("\b\nExample:\n  resilience edit yesterday")


def test_no_words_are_kept_from_the_language_they_were_first_read_in(pseudo_folder, home, tmp_path):
    """A module that read its words when imported would keep speaking the language of
    the run that imported it. In a fresh process, every module is imported while the
    pseudo-language is spoken; then English runs must say nothing in it (a command's
    --help is built as its module loads, once per run, and is not run here)."""
    import os
    import subprocess

    _a_fortnight_of_nights()
    script = tmp_path / "first_in_pseudo.py"
    script.write_text(
        "import importlib, io, sys, contextlib\n"
        "from resilience_cli import messages\n"
        "messages.use('qps')\n"
        f"for name in {[_module_name(m) for m in MODULES]!r}:\n"
        "    importlib.import_module(name)\n"
        "messages.reset()\n"
        "from resilience_cli.cli import run\n"
        "for args in [['status'], ['help-now'], ['log'], ['show', 'yesterday'], ['trends'], ['tips'],\n"
        "             ['summary', '--no-input'], ['config'], ['privacy'], ['checkin', '--mood', '1', '--no-input']]:\n"
        "    out, err = io.StringIO(), io.StringIO()\n"
        "    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):\n"
        "        code = run(args, terminal=False)\n"
        "    print(code, repr(out.getvalue() + err.getvalue()))\n"
    )
    env = {**os.environ, "RESILIENCE_TEST_LOCALES": str(pseudo_folder)}
    done = subprocess.run([sys.executable, str(script)], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 10 and all(line.startswith("0 ") for line in lines), done.stdout
    assert "⟦" not in done.stdout


def _module_name(module: str) -> str:
    return "resilience_cli." + module.removesuffix(".py").replace("/", ".").removesuffix(".__init__")


def test_an_actions_status_is_stored_in_english_and_read_in_the_language_spoken(pseudo):
    from resilience_cli import messages
    from resilience_cli.supervision import ACTION_STATUSES, TO_DISCUSS, status_words

    assert [status_words(s) for s in ACTION_STATUSES] == list(ACTION_STATUSES)
    messages.use("qps")
    try:
        assert status_words(TO_DISCUSS).startswith("⟦") and leaks(status_words(TO_DISCUSS)) == []
        assert status_words("an older status") == "an older status"
    finally:
        messages.reset()


def test_a_catalogue_reads_as_the_standard_librarys_gettext_reads_it(pseudo_folder, tmp_path):
    """messages.Catalogue reads .mo files itself (importing gettext cost every run 1.5 ms):
    it must find exactly what GNUTranslations finds, plural forms and rule included."""
    from gettext import GNUTranslations

    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo

    from resilience_cli.messages import Catalogue

    welsh = Catalog(locale="cy", domain="dates")
    welsh.add(("dates.test", "dates.test#plural"), tuple(f"ffurf {i}" for i in range(6)))
    welsh.add("dates.day_month", "{weekday} {day} {month}")
    with open(tmp_path / "cy.mo", "wb") as file:
        write_mo(file, welsh)
    files = [*catalogues.LOCALE.glob("*/LC_MESSAGES/*.mo"), *pseudo_folder.glob("*/LC_MESSAGES/*.mo"),
             tmp_path / "cy.mo"]
    assert len(files) > 30
    for path in files:
        ours = Catalogue(path.read_bytes())
        with open(path, "rb") as file:
            theirs = GNUTranslations(file)
        singular = {k: v for k, v in theirs._catalog.items() if isinstance(k, str) and k}
        assert ours.messages == singular, path
        for key in ours.plurals:
            assert [ours.form(key, n) for n in range(12)] == [
                theirs.ngettext(key, key + "#plural", n) for n in range(12)], (path, key)
        assert len(ours.plurals) == len({k[0] for k in theirs._catalog if isinstance(k, tuple)}), path


def test_every_module_with_data_words_is_gathered_for_translators():
    """A module whose texts() lists words that messages.data() is asked for must be in
    tools/catalogues.py's DATA_TEXTS, or the pseudo-language (and a translator) misses them."""
    found = {_module_name(module) for module in MODULES
             if any(isinstance(node, ast.FunctionDef) and node.name == "texts"
                    for node in ast.parse((PACKAGE / module).read_text("utf-8")).body)}
    assert found == set(catalogues.DATA_TEXTS)


def test_units_and_capitals_read_in_the_language_spoken(pseudo):
    """A unit is a key the code compares ('units'); what people read is the catalogue's.
    A capital at the start leaves the rest as the catalogue wrote it."""
    from resilience_cli import messages
    from resilience_cli.model import FIELD_SPECS

    assert FIELD_SPECS["alcohol_units"].unit_words == "units" and FIELD_SPECS["mood"].unit_words == ""
    assert messages.first_upper("tRiM and NHS 111") == "TRiM and NHS 111"
    messages.use("qps")
    try:
        assert FIELD_SPECS["alcohol_units"].unit_words == "⟦ûñîţš⟧"
        assert FIELD_SPECS["alcohol_units"].unit == "units"
    finally:
        messages.reset()
