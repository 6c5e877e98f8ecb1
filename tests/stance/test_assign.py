"""responds_to: which earlier statement a denial or (non-)confirmation answers."""

from __future__ import annotations

from quellenlage import analyze


def test_not_confirming_these_reports_answers_the_statement_they_name() -> None:
    text = ("Nach Angaben des südkoreanischen Geheimdienstes sind Soldaten in Russland "
            "eingetroffen. Der Präsident sagte, das sei eine neue Stufe der Eskalation. "
            "Die Nato könne diese Angaben nicht bestätigen, sagte eine Sprecherin.")
    statements = analyze(text, engine="rules").attributions
    response = next(a for a in statements if a.stance == "not_confirm")
    assert response.responds_to == 0
