"""responds_to: which earlier statement a denial or (non-)confirmation answers."""

from __future__ import annotations

from quellenlage import analyze
from quellenlage.stance.assign import SPEAKER_SEARCH_TOKENS, _speaker_in_quote
from tests.sources.helpers import document, statement


def test_not_confirming_these_reports_answers_the_statement_they_name() -> None:
    text = ("Nach Angaben des südkoreanischen Geheimdienstes sind Soldaten in Russland "
            "eingetroffen. Der Präsident sagte, das sei eine neue Stufe der Eskalation. "
            "Die Nato könne diese Angaben nicht bestätigen, sagte eine Sprecherin.")
    statements = analyze(text, engine="rules").attributions
    response = next(a for a in statements if a.stance == "not_confirm")
    assert response.responds_to == 0


def test_a_continuation_extending_a_statement_to_another_case_keeps_its_stance() -> None:
    text = ("Eine Sprecherin der Polizei sagte, es gebe keine Hinweise auf einen Zusammenhang. "
            "Das gelte auch für einen in Linz Festgenommenen.")
    first, extension = analyze(text, engine="rules").attributions
    assert first.stance == extension.stance == "not_confirm"
    text = text.replace("gelte auch", "gelte nicht")
    first, other = analyze(text, engine="rules").attributions
    assert first.stance == "not_confirm" and other.stance == "assert"


def test_a_continuation_that_negates_after_a_denial_denies_too() -> None:
    text = ("Innenminister Karl Huber wies am Montag die Vorwürfe der Opposition zurück. "
            "Seine Beamten hätten die Akten nicht gelesen, sondern nur abgelegt.")
    denial, continuation = analyze(text, engine="rules", stance_classifier=False).attributions
    assert denial.stance == continuation.stance == "deny"
    # a negation after the first clause gives a reason, not what is denied
    text = text.replace("Seine Beamten hätten die Akten nicht gelesen, sondern nur abgelegt.",
                        "Der Bericht sei veraltet, deshalb könne man ihn nicht verwenden.")
    denial, continuation = analyze(text, engine="rules", stance_classifier=False).attributions
    assert denial.stance == "deny" and continuation.stance == "assert"


def test_a_continuation_that_tells_what_is_not_known_or_not_there_yet_denies_nothing() -> None:
    opening = "Innenminister Karl Huber wies am Montag die Vorwürfe der Opposition zurück. "
    for continuation_text in ("Den Inhalt der Akten kenne er nicht.",
                              "Seine Beamten hätten die Akten gar nicht gesehen.",
                              "Seine Beamten hätten noch keine Antwort auf die Anfrage."):
        denial, continuation = analyze(opening + continuation_text, engine="rules",
                                       stance_classifier=False).attributions
        assert denial.stance == "deny", continuation_text
        assert continuation.stance == "assert", continuation_text


def test_a_reaction_that_sets_what_is_not_against_what_is_rejects_what_it_answers() -> None:
    text = ("Bürgermeisterin Eva Lang warf den Bauern vor, die Straßen zu verschmutzen. "
            "Empört reagierte Bauernbund-Obmann Peter Gruber. Wir sind nicht Zerstörer der "
            "Landschaft, sondern ihre Hüter, ließ er die Bürgermeisterin wissen.")
    _, reaction = analyze(text, engine="rules", stance_classifier=False).attributions
    assert reaction.stance == "deny" and reaction.responds_to == 0
    # the same contrast told without a reaction only asserts
    text = ("Bürgermeisterin Eva Lang stellte den neuen Plan vor. Peter Gruber sagte, man "
            "brauche nicht mehr Straßen, sondern mehr Busse.")
    *_, statement = analyze(text, engine="rules", stance_classifier=False).attributions
    assert statement.stance == "assert"



def test_the_subject_of_an_act_is_looked_for_where_its_sentence_opens_not_deep_in_a_long_quote(
) -> None:
    """A name far into a long quote is someone the quote mentions, not the subject of an act
    told without its words; the search stops there (to the end of every quote it made long
    texts quadratic)."""
    filler = " ".join(["Die Halle wurde im Sommer gebaut und im Herbst eröffnet."] * 8)
    for quote, found in (("Weber wies die Vorwürfe zurück.", True),
                         (f"{filler} Weber wies die Vorwürfe zurück.", False)):
        text = f"Der Bauunternehmer Karl Weber äußerte sich am Montag. {quote}"
        doc = document(text)
        act = statement(text, quote, "Karl Weber")
        weber = next(t for t in doc.tokens if t.text == "Weber" and t.start >= act.quote.start)
        first = doc.token_at(act.quote.start)
        assert found or weber.index - first > SPEAKER_SEARCH_TOKENS
        assert (_speaker_in_quote(doc, act) is not None) is found


def test_a_continuation_reads_its_own_sentence_not_the_message_it_continues() -> None:
    """A Konjunktiv continuation carries its opening's speaker, but the words around it are its
    own sentence's: the "soll" of a plan in the opening's message makes it no hearsay, while a
    report that names no one ("Laut Medienberichten") stays the source of each continuation."""
    text = ("Bis zum Winter soll die Halle fertig gebaut sein, sagte die Stadträtin Eva Lind. "
            "Der Zeitplan sei eng.")
    opening, continuation = analyze(text, engine="rules", stance_classifier=False).attributions
    assert (opening.stance, continuation.stance) == ("assert", "assert")
    text = ("Laut Medienberichten soll der Trainer entlassen worden sein. Der Verein habe "
            "bereits einen Nachfolger.")
    opening, continuation = analyze(text, engine="rules", stance_classifier=False).attributions
    assert (opening.stance, continuation.stance) == ("unverified", "unverified")


def test_a_continuation_of_a_demand_that_says_sollen_demands_too() -> None:
    """After a demand, "sollen" in a continuation with its speaker demands; after an assertion
    it stays the rules' reading, and "soll ... gestrichen haben" tells a past deed (hearsay)."""
    demand = "Die Betriebsrätin Anna Berg forderte kürzere Schichten. "
    told = "Die Betriebsrätin Anna Berg sagte, die Schichten seien zu lang. "
    goes_on = "Die Pausen sollen zudem bezahlt werden, weil die Arbeit hart sei."
    deed = "Der Chef soll die Zuschläge gestrichen haben, weil das Geld knapp sei."
    for text, expected in ((demand + goes_on, "demand"), (told + goes_on, "assert"),
                           (demand + deed, "unverified")):
        _opening, continuation = analyze(text, engine="rules",
                                         stance_classifier=False).attributions
        assert continuation.stance == expected, text


def test_bestreiten_of_a_contest_or_a_living_denies_nothing() -> None:
    for text in ("Der Stürmer hat seit dem Winter kein Ligaspiel mehr bestritten.",
                 "Bisher bestritt die Boxerin 31 Profikämpfe, wovon sie nur einen verlor."):
        for attribution in analyze(text, engine="rules", stance_classifier=False).attributions:
            assert attribution.stance not in ("deny", "confirm"), text
    # a denial that names a game in a clause of its own still denies
    text = "Der Trainer bestritt, das Spiel verschoben zu haben."
    (denial,) = analyze(text, engine="rules", stance_classifier=False).attributions
    assert denial.stance == "deny"


def test_a_negated_wissen_in_the_past_or_with_a_dass_clause_leaves_no_claim_open() -> None:
    # what someone did not know then, or a fact the text gives, is no "cannot confirm"
    for text in ("Damals wusste die Trainerin noch nicht, wie lange die Verletzung dauern würde.",
                 "Die Mieterin weiß nicht, dass ihr Vertrag längst verlängert wurde.",
                 "Die Direktorin wusste nicht, dass die Schule geschlossen wird."):
        (statement_,) = analyze(text, engine="rules").attributions
        assert statement_.stance == "assert", text
    # not knowing now whether a claim holds still leaves it open
    text = "Der Sprecher weiß nicht, ob der Flug verschoben wird."
    (open_,) = analyze(text, engine="rules").attributions
    assert open_.stance == "not_confirm"


def test_drohen_of_a_looming_penalty_or_risk_warns_of_nothing() -> None:
    # a sentence read as a statement only by "drohen" of what looms is no one's warning (the
    # attribution rules now take most such sentences for no statement at all)
    for text in ("Bei einem Verstoß gegen die Meldepflicht drohen den Wirten hohe Geldstrafen.",
                 "Die Brücke droht nach dem Hochwasser einzustürzen."):
        found = analyze(text, engine="rules").attributions
        assert all(statement_.stance == "assert" for statement_ in found), text
    # a threat still warns: with "mit", to someone, with a clause, or "androhen"
    for text in ("Die Gewerkschaft droht mit einem Streik.",
                 "Die Regierung droht den Rebellen.",
                 "Der Bürgermeister drohte, die Förderung zu streichen.",
                 "Die Behörde droht den Betreibern Strafen an."):
        (threat,) = analyze(text, engine="rules").attributions
        assert threat.stance == "warn", text
