"""The summary as Markdown (pastes well into an email or a document) and as plain text."""

from __future__ import annotations

from resilience_cli.report.document import Document, Section


def _md_table(rows: tuple[tuple[str, ...], ...]) -> list[str]:
    header, *body = rows
    lines = ["| " + " | ".join(h or " " for h in header) + " |",
             "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cell.replace("|", "/") for cell in row) + " |" for row in body]
    return lines


def _md_section(section: Section) -> list[str]:
    lines = [f"## {section.title}", ""]
    lines += [*section.paragraphs]
    if section.paragraphs:
        lines.append("")
    lines += [f"- {b}" for b in section.bullets]
    if section.bullets:
        lines.append("")
    if section.table:
        lines += _md_table(section.table) + [""]
    return lines


def markdown(doc: Document) -> str:
    lines = [
        f"# {doc.title}", "",
        f"**Period:** {doc.period_words}  ",
        f"**Check-ins:** {doc.checkins}", "",
        f"*{doc.statement}*", "",
    ]
    for section in doc.sections:
        lines += _md_section(section)
    lines += ["---", "", f"*{doc.disclaimer}*", ""]
    return "\n".join(lines)


def _txt_table(rows: tuple[tuple[str, ...], ...]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  " + "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
            for row in rows]


def text(doc: Document) -> str:
    title = doc.title.upper()
    lines = [title, "=" * len(title), "",
             f"Period: {doc.period_words}", f"Check-ins: {doc.checkins}", "", doc.statement, ""]
    for section in doc.sections:
        lines += [section.title, "-" * len(section.title)]
        lines += [*section.paragraphs]
        lines += [f"  * {b}" for b in section.bullets]
        if section.table:
            lines += _txt_table(section.table)
        lines.append("")
    lines += [doc.disclaimer, ""]
    return "\n".join(lines)
