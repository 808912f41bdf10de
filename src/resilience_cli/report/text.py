"""The summary as Markdown (pastes well into an email or a document) and as plain text.

Every piece of text is escaped for Markdown: a note holding `<img onerror=...>`
or an unclosed `<!--` must show as written in any viewer that renders HTML
(VS Code, Obsidian, pandoc, an intranet wiki), never run or hide what follows.
"""

from __future__ import annotations

import re

from resilience_cli.messages import _
from resilience_cli.report.document import Document, Section

# Characters that start inline structure anywhere in a line.
_INLINE = re.compile(r"([\\`*_\[\]{}|~])")
# Characters that start a block at the beginning of a line: a heading, a quote,
# a list item, a rule, a table.
_BLOCK_START = re.compile(r"^(\s*)([#>+\-=])")
_ORDERED = re.compile(r"^(\s*\d+)([.)])(?=\s|$)")


def md_escape(text: str, *, line_start: bool = True) -> str:
    """Text that Markdown shows as written: no HTML, links, emphasis or block structure.

    `line_start`: the text may begin a line (a paragraph), so a leading "#",
    "-" or "1." would start a block; inside a table cell or after "- " it cannot.
    """
    text = " ".join(text.splitlines())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE.sub(r"\\\1", text)
    if not line_start:
        return text
    text = _BLOCK_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    return _ORDERED.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def _md_table(rows: tuple[tuple[str, ...], ...]) -> list[str]:
    header, *body = rows
    lines = ["| " + " | ".join(md_escape(h, line_start=False) or " " for h in header) + " |",
             "|" + "|".join("---" for __ in header) + "|"]
    lines += ["| " + " | ".join(md_escape(cell, line_start=False) for cell in row) + " |" for row in body]
    return lines


def _md_section(section: Section) -> list[str]:
    lines = [f"## {md_escape(section.title)}", ""]
    lines += [md_escape(p) for p in section.paragraphs]
    if section.paragraphs:
        lines.append("")
    lines += [f"- {md_escape(b)}" for b in section.bullets]
    if section.bullets:
        lines.append("")
    if section.table:
        lines += _md_table(section.table) + [""]
    return lines


def markdown(doc: Document) -> str:
    lines = [
        f"# {md_escape(doc.title)}", "",
        f"**{md_escape(_('summary.doc.period'))}** {md_escape(doc.period_words)}  ",
        f"**{md_escape(_('summary.doc.checkins'))}** {doc.checkins}", "",
        f"*{md_escape(doc.statement)}*", "",
        f"*{md_escape(doc.shared_record)}*", "",
    ]
    for section in doc.sections:
        lines += _md_section(section)
    lines += ["---", "", f"*{md_escape(doc.disclaimer)}*", ""]
    return "\n".join(lines)


def _txt_table(rows: tuple[tuple[str, ...], ...]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  " + "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
            for row in rows]


def text(doc: Document) -> str:
    title = doc.title.upper()
    lines = [title, "=" * len(title), "",
             f"{_('summary.doc.period')} {doc.period_words}", f"{_('summary.doc.checkins')} {doc.checkins}", "",
             doc.statement,
             doc.shared_record, ""]
    for section in doc.sections:
        lines += [section.title, "-" * len(section.title)]
        lines += [*section.paragraphs]
        lines += [f"  * {b}" for b in section.bullets]
        if section.table:
            lines += _txt_table(section.table)
        lines.append("")
    lines += [doc.disclaimer, ""]
    return "\n".join(lines)
