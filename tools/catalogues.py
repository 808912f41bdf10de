"""The message catalogues: compile, check, and build the pseudo-language.

    python tools/catalogues.py compile      every locale/*/LC_MESSAGES/*.po -> .mo
    python tools/catalogues.py check        fail if a .mo is not its .po compiled
    python tools/catalogues.py pseudo DIR   write the pseudo-language (qps) into DIR

Babel reads and writes the catalogues (a test extra: at run time
messages.Catalogue reads the compiled .mo files, so users need no Babel). The
.mo files are committed: installing runs no build step of ours, and the
check (run by the tests) keeps each one the compile of its .po.

The pseudo-language wraps every message in ⟦…⟧ and writes its letters as
accented look-alikes, keeping {placeholders} and Rich [markup] as they are:
English that leaks past the catalogue shows as plain ASCII words.
"""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "resilience_cli"
LOCALE = PACKAGE / "locale"
PSEUDO = "qps"

_ACCENTED = dict(zip(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "àƀçđéƒĝĥîĵķĺɱñöþʠŕšţûʋŵẋýžÀƁÇĐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
))
# Kept as they are: placeholders, Rich markup tags, and escapes.
_KEEP = re.compile(r"\{[^{}]*\}|\[/?[a-z][a-z0-9 _.#=,-]*\]|\\.")


def pseudo_text(text: str) -> str:
    """'Saved {day}.' -> '⟦Šàʋéđ {day}.⟧'."""
    out, last = [], 0
    for match in _KEEP.finditer(text):
        out.append("".join(_ACCENTED.get(c, c) for c in text[last:match.start()]))
        out.append(match.group())
        last = match.end()
    out.append("".join(_ACCENTED.get(c, c) for c in text[last:]))
    return "⟦" + "".join(out) + "⟧"


def sources() -> list[Path]:
    return sorted(LOCALE.glob("*/LC_MESSAGES/*.po"))


def _read(path: Path):
    from babel.messages.pofile import read_po

    with open(path, "rb") as file:
        return read_po(file, locale=path.parts[-3], domain=path.stem)


def compiled(po: Path) -> bytes:
    from babel.messages.mofile import write_mo

    out = io.BytesIO()
    write_mo(out, _read(po), use_fuzzy=False)
    return out.getvalue()


def _entries(po: Path) -> dict[object, str]:
    """The .po's messages as gettext keys them: id, or (id, form) for plurals."""
    out: dict[object, str] = {}
    for message in _read(po):
        if not message.id or message.fuzzy:
            continue
        if isinstance(message.id, tuple):
            for form, text in enumerate(message.string):
                out[(message.id[0], form)] = text
        else:
            out[message.id] = message.string
    return out


def _same(po: Path, mo: Path) -> bool:
    """Whether the .mo holds exactly the .po's messages and plural rule. Compared
    by content, not bytes: Babel writes its own version into the header."""
    from gettext import GNUTranslations

    with open(mo, "rb") as file:
        translations = GNUTranslations(file)
    entries = dict(translations._catalog)  # noqa: SLF001 - gettext keeps no public view
    entries.pop("", None)
    plural_po = _read(po).plural_forms
    return entries == _entries(po) and translations._info.get("plural-forms") == plural_po  # noqa: SLF001


def compile_all() -> list[Path]:
    """Compile every .po whose .mo is missing or not its compile; returns those written."""
    written = [mo for mo in stale() if mo.with_suffix(".po").exists()]
    for mo in written:
        mo.write_bytes(compiled(mo.with_suffix(".po")))
    return written


def stale() -> list[Path]:
    """The .mo files that are not their .po compiled (or are missing, or orphaned)."""
    out = [po.with_suffix(".mo") for po in sources()
           if not po.with_suffix(".mo").exists() or not _same(po, po.with_suffix(".mo"))]
    out += [mo for mo in LOCALE.glob("*/LC_MESSAGES/*.mo") if not mo.with_suffix(".po").exists()]
    return out


# The modules whose words live in data files (or in the question catalogue), each
# with a texts(): (id, English) of every word messages.data() is asked for. Gathered
# here, by the tool for translators, so the package has no module that imports
# every layer.
DATA_TEXTS = (
    "resilience_cli.model",
    "resilience_cli.question_words",
    "resilience_cli.render.logtable",
    "resilience_cli.rules.content",
    "resilience_cli.contacts",
    "resilience_cli.routes",
    "resilience_cli.phonein",
    "resilience_cli.packs",
)


def data_texts() -> dict[str, str]:
    """Every data file's words by id, as messages.data() is asked for them."""
    import importlib

    sys.path.insert(0, str(PACKAGE.parent))
    return {key: english for name in DATA_TEXTS for key, english in importlib.import_module(name).texts()}


def write_pseudo(folder: Path) -> Path:
    """The pseudo-language's catalogues in folder/qps/LC_MESSAGES: every English
    message, and every data file's words, wrapped and accented."""
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo

    target = folder / PSEUDO / "LC_MESSAGES"
    target.mkdir(parents=True, exist_ok=True)
    domains: dict[str, Catalog] = {}

    def catalogue(domain: str) -> Catalog:
        if domain not in domains:
            domains[domain] = Catalog(locale="en", domain=domain)  # English's two plural forms
        return domains[domain]

    for po in LOCALE.glob(f"en/LC_MESSAGES/*.po"):
        source = _read(po)
        for message in source:
            if not message.id:
                continue
            string = (tuple(pseudo_text(s) for s in message.string) if isinstance(message.string, tuple)
                      else pseudo_text(message.string))
            catalogue(po.stem).add(message.id, string)
    for key, english in data_texts().items():
        catalogue(key.partition(".")[0]).add(key, pseudo_text(english))
    for domain, cat in domains.items():
        with open(target / f"{domain}.mo", "wb") as file:
            write_mo(file, cat)
    return target


def main(argv: list[str]) -> int:
    if argv[:1] == ["compile"]:
        for path in compile_all():
            print(f"wrote {path.relative_to(PACKAGE.parent.parent)}")
        return 0
    if argv[:1] == ["check"]:
        bad = stale()
        for path in bad:
            print(f"{path.relative_to(PACKAGE.parent.parent)} is not its .po compiled: "
                  "run python tools/catalogues.py compile", file=sys.stderr)
        return 1 if bad else 0
    if argv[:1] == ["pseudo"] and len(argv) == 2:
        print(write_pseudo(Path(argv[1])))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
