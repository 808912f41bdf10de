"""Small, checked edits to config.toml, made only on the person's own answer: their
own contacts (`[[contacts.own]]`) and their service (`[work] service`).

Every edit keeps the rest of the file as it was (comments too), is read back
through the settings parser, and is undone when it does not read back as
meant. A linked or read-only file is never rewritten: the caller prints the
lines to add instead (False).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from pathlib import Path

from resilience_cli.config import ensure_private_dir, file_header, load_settings
from resilience_cli.contacts import Contact
from resilience_cli.errors import InvalidInput


def _quoted(text: str) -> str:
    # A JSON string without \u escapes for characters outside ASCII is a TOML basic string.
    return json.dumps(text, ensure_ascii=False)


def contact_lines(contact: Contact) -> str:
    """The [[contacts.own]] table for one contact, as config.toml spells it."""
    lines = f"[[contacts.own]]\nname = {_quoted(contact.name)}\nhow = {_quoted(contact.how)}\n"  # not a message: TOML
    return lines + (f"when = {_quoted(contact.when)}\n" if contact.when else "")


def _writable(config_file: Path) -> bool:
    if config_file.is_symlink():
        return False
    return not config_file.exists() or os.access(config_file, os.W_OK)


def _edit(config_file: Path, change, expect) -> bool:
    """Apply `change` (old text -> new text); keep it only when `expect(settings)` holds."""
    from resilience_cli.files import write_private

    if not _writable(config_file):
        return False
    if config_file.exists():
        try:
            before = config_file.read_text("utf-8")
            load_settings(config_file)
        except (OSError, UnicodeDecodeError, InvalidInput):
            return False
    else:
        before = None
        ensure_private_dir(config_file.parent)
    after = change(before if before is not None else file_header())
    write_private(config_file, after)
    try:
        if expect(load_settings(config_file)):
            return True
    except InvalidInput:
        pass
    if before is None:
        config_file.unlink()
    else:
        write_private(config_file, before)
    return False


def _appended(text: str, block: str) -> str:
    return text + ("" if text.endswith("\n") or not text else "\n") + "\n" + block


def add_own_contacts(config_file: Path, contacts: Sequence[Contact]) -> bool:
    """Add [[contacts.own]] tables at the end of config.toml. True when saved."""
    if not contacts:
        return True
    before = load_settings(config_file).own_contacts if config_file.exists() and _writable(config_file) else ()
    wanted = (*before, *(Contact(c.name, c.how, c.when) for c in contacts))
    return _edit(config_file, lambda text: _appended(text, "\n".join(contact_lines(c) for c in contacts)),
                 lambda settings: settings.own_contacts == wanted)


def remove_own_contact(config_file: Path, number: int) -> bool:
    """Take out the number-th [[contacts.own]] table (from 1). True when done."""
    current = load_settings(config_file).own_contacts
    wanted = tuple(c for n, c in enumerate(current, start=1) if n != number)

    def change(text: str) -> str:
        lines = text.splitlines(keepends=True)
        starts = [n for n, line in enumerate(lines) if re.match(r"\s*\[\[\s*contacts\s*\.\s*own\s*\]\]", line)]
        first = starts[number - 1]
        end = next((n for n in range(first + 1, len(lines)) if re.match(r"\s*\[", lines[n])), len(lines))
        while end > first + 1 and not lines[end - 1].strip():
            end -= 1
        return "".join(lines[:first] + lines[end:]).rstrip("\n") + "\n"

    return _edit(config_file, change, lambda settings: settings.own_contacts == wanted)


def save_service(config_file: Path, service: str) -> bool:
    """Set `[work] service`. True when saved."""
    line = f"service = {_quoted(service)}\n"

    def change(text: str) -> str:
        text = text if text.endswith("\n") or not text else text + "\n"
        found = re.search(r"^[ \t]*\[[ \t]*work[ \t]*\][ \t]*$", text, re.MULTILINE)
        if not found:
            return _appended(text, "[work]\n" + line)
        start = found.end() + 1
        section_end = re.search(r"^\s*\[", text[start:], re.MULTILINE)
        stop = start + section_end.start() if section_end else len(text)
        body = text[start:stop]
        if re.search(r"^[ \t]*service[ \t]*=", body, re.MULTILINE):
            body = re.sub(r"^[ \t]*service[ \t]*=.*\n?", line, body, count=1, flags=re.MULTILINE)
        else:
            body = line + body
        return text[:start] + body + text[stop:]

    return _edit(config_file, change, lambda settings: settings.service == service)


def lines_to_add(contacts: Sequence[Contact] = (), service: str | None = None) -> str:
    """What to add by hand, when the file could not be changed."""
    parts = [contact_lines(c) for c in contacts]
    if service:
        parts.append(f"[work]\nservice = {_quoted(service)}\n")  # not a message: TOML
    return "\n".join(parts)
