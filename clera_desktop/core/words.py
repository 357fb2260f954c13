"""Words for a person, written below the window (an error, a refusal): English as written, and kept
with their template and fields so the window can say them in the person's language.

``said("{account} is not active.", account=name)`` is the string "Savings is not active." to every
test, log and comparison; ``ui/i18n.say`` looks its template up in the translation and fills the
same fields. ``tools/translations.py`` collects ``said`` templates as it collects ``tr`` words.
"""

from __future__ import annotations


class Sentence(str):
    """A ``str`` that remembers the template and fields it was made from."""

    template: str
    fields: dict[str, object]

    def __new__(cls, template: str, **fields: object) -> Sentence:
        made = super().__new__(cls, template.format(**fields) if fields else template)
        made.template = template
        made.fields = fields
        return made


def said(template: str, **fields: object) -> Sentence:
    """A sentence for a person: ``template`` with its named ``fields`` filled, as the window may translate it."""
    return Sentence(template, **fields)


def joined(parts: list[str], separator: str, *, end: str = "") -> Sentence:
    """Several things said, one after another (each may be a ``Sentence``, translated on its own)."""
    names = [f"p{n}" for n in range(len(parts))]
    template = separator.join("{" + name + "}" for name in names) + end
    return Sentence(template, **dict(zip(names, parts, strict=True)))
