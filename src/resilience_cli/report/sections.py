"""The summary's private sections, named once: --include, its help, the picker and the document read this table.

Light (the question catalogue only): --include's help is built whenever the
summary command is, `resilience --help` too, and must not import the document.
"""

from __future__ import annotations

from resilience_cli.model import FIELD_SPECS

# An optional amount question (model.FIELD_SPECS: a counted unit, asked only when a
# setting turns it on) is a private section of its own, named as its setting names
# it ("alcohol_question": --include alcohol): a new one needs no edit here.
AMOUNTS = {spec.setting.removesuffix("_question"): name for name, spec in FIELD_SPECS.items()
           if spec.setting and spec.kind == "number" and spec.unit and spec.unit != "hours"}
# The private sections, in the order --include names them and the picker offers them.
OPTIONAL = ("notes", "daily", *AMOUNTS, "intrusions", "packs", "mood", "incident", "reflection", "growth",
            "colleagues", "phonein")


def optional_titles() -> dict[str, str]:
    """Each private section's line in the picker: an amount question's is its trend label ("Alcohol")."""
    from resilience_cli.messages import _

    return {key: FIELD_SPECS[AMOUNTS[key]].trend_label if key in AMOUNTS else _(f"summary.optional.{key}")
            for key in OPTIONAL}
