"""A sentence said below the window is its English text everywhere, and keeps what the window needs
to say it in another language."""

from __future__ import annotations

import json
from decimal import Decimal

from clera_desktop.core.words import Sentence, said


def test_a_sentence_is_the_english_it_reads_as() -> None:
    sentence = said("A blend's weights add up to 100; these add up to {total:f}.", total=Decimal("99.5"))
    assert sentence == "A blend's weights add up to 100; these add up to 99.5."
    assert isinstance(sentence, str) and json.dumps(sentence) == '"A blend\'s weights add up to 100; these add up to 99.5."'
    assert sentence.template == "A blend's weights add up to 100; these add up to {total:f}."
    assert sentence.fields == {"total": Decimal("99.5")}


def test_a_sentence_without_fields_is_its_template() -> None:
    sentence = said("Give the account a name.")
    assert isinstance(sentence, Sentence) and sentence == sentence.template and sentence.fields == {}
