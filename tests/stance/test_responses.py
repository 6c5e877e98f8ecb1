"""responds_to: which earlier statement a denial, (non-)confirmation or criticism answers.
Sentences we wrote; the statements are built by hand, as the extractor will give them."""

from __future__ import annotations

from quellenlage.model import Attribution, QuoteType
from quellenlage.sources import resolve_sources
from quellenlage.stance import assign_stance
from quellenlage.stance.cues import word_set
from tests.sources.helpers import document, statement


def assigned(text: str, attributions: list[Attribution]) -> list[Attribution]:
    doc = document(text)
    resolve_sources(doc, attributions)
    assign_stance(doc, attributions)
    return attributions


def test_a_denial_of_reports_answers_the_claim_they_report() -> None:
    """"Berichte, wonach P": P is a statement of its own (hearsay) and the denial answers it,
    though it comes after the denial's object."""
    text = "Die Reederei wies Berichte zurück, wonach ihre Frachter Waffen transportiert hätten."
    denial, claim = assigned(text, [
        statement(text, "Berichte", "Die Reederei", "wies zurück"),
        statement(text, "ihre Frachter Waffen transportiert hätten", "Berichte", "wonach"),
    ])
    assert (denial.stance, claim.stance) == ("deny", "unverified")
    assert denial.responds_to == 1
    assert claim.responds_to is None


def test_no_one_answers_themselves() -> None:
    text = ("Die Opposition warf dem Bürgermeister vor, Aufträge an Freunde vergeben zu haben. "
            "Der Bürgermeister sagte, er habe davon nichts gewusst. Er wies die Vorwürfe zurück.")
    attributions = assigned(text, [
        statement(text, "Aufträge an Freunde vergeben zu haben", "Die Opposition", "warf vor"),
        statement(text, "er habe davon nichts gewusst", "Der Bürgermeister", "sagte"),
        statement(text, "die Vorwürfe", "Er", "wies zurück"),
    ])
    assert attributions[2].stance == "deny"
    assert attributions[2].responds_to == 0


def test_a_criticism_answers_the_statement_whose_topic_it_names() -> None:
    text = ("Bürgermeister Jens Olbrich kündigte an, die Gebühren für die Kitas der Stadt im "
            "Sommer zu verdoppeln. Der Landrat lobte den neuen Radweg. Die Elternvertreter "
            "kritisierten, höhere Gebühren für die Kitas der Stadt seien unsozial.")
    attributions = assigned(text, [
        statement(text, "die Gebühren für die Kitas der Stadt im Sommer zu verdoppeln",
                  "Bürgermeister Jens Olbrich", "kündigte an"),
        statement(text, "den neuen Radweg", "Der Landrat", "lobte"),
        statement(text, "höhere Gebühren für die Kitas der Stadt seien unsozial",
                  "Die Elternvertreter", "kritisierten"),
    ])
    assert attributions[2].stance == "criticise"
    assert attributions[2].responds_to == 0


def test_a_criticism_that_takes_up_nothing_answers_nothing() -> None:
    text = ("Der Zoo meldete die Geburt eines Elefanten. Der Mieterbund kritisierte die hohen "
            "Mieten in der Innenstadt.")
    attributions = assigned(text, [
        statement(text, "die Geburt eines Elefanten", "Der Zoo", "meldete"),
        statement(text, "die hohen Mieten in der Innenstadt", "Der Mieterbund", "kritisierte"),
    ])
    assert attributions[1].stance == "criticise"
    assert attributions[1].responds_to is None


def test_a_denial_far_from_any_claim_answers_nothing() -> None:
    text = ("Der Wetterdienst sagte, es werde regnen. Die Messe öffnet am Montag. Die Halle ist "
            "neu. Sie hat zwei Eingänge. Es gibt Parkplätze. Der Caterer bestritt, dass die "
            "Preise steigen.")
    attributions = assigned(text, [
        statement(text, "es werde regnen", "Der Wetterdienst", "sagte"),
        statement(text, "dass die Preise steigen", "Der Caterer", "bestritt"),
    ])
    assert attributions[1].stance == "deny"
    assert attributions[1].responds_to is None


def test_a_claim_named_before_the_verb_of_its_denial_is_answered() -> None:
    """"Den Vorwurf, wonach P, wies sie zurück": the claim P comes before the denial's verb
    and has no speaker of its own."""
    text = ("Den Vorwurf der Vetternwirtschaft, wonach die Bürgermeisterin nur Freunde "
            "eingestellt habe, wies sie am Freitag zurück.")
    denial, _ = assigned(text, [
        statement(text, "Den Vorwurf der Vetternwirtschaft", "sie", "wies zurück"),
        statement(text, "die Bürgermeisterin nur Freunde eingestellt habe", None, "wonach"),
    ])
    assert denial.stance == "deny"
    assert denial.responds_to == 1


def test_hearsay_about_the_speaker_is_answered_by_the_speaker() -> None:
    """The subject of "soll ... haben" is no source of the hearsay: he may deny it."""
    text = ("Der Stadtrat Paul Hegner soll Geld von einem Bauträger angenommen haben. "
            "Hegner bestritt das am Montag.")
    hearsay, denial = assigned(text, [
        statement(text, "Der Stadtrat Paul Hegner soll Geld von einem Bauträger angenommen "
                  "haben", None, "soll", quote_type=QuoteType.FREE_INDIRECT),
        statement(text, "das", "Hegner", "bestritt"),
    ])
    assert (hearsay.stance, denial.stance) == ("unverified", "deny")
    assert denial.responds_to == 0


def test_a_response_that_names_a_demand_answers_the_demand_before_it() -> None:
    """"Die Forderung ... zurückgewiesen": the answered statement is the nearest demand, not the
    nearest statement."""
    text = ("Der Stadtrat Ole Brandt forderte eine Sperrstunde für die Altstadt. Die Polizei "
            "meldete ein ruhiges Wochenende. Der Verband der Wirte wies die Forderung zurück.")
    attributions = assigned(text, [
        statement(text, "eine Sperrstunde für die Altstadt", "Der Stadtrat Ole Brandt",
                  "forderte"),
        statement(text, "ein ruhiges Wochenende", "Die Polizei", "meldete"),
        statement(text, "die Forderung", "Der Verband der Wirte", "wies zurück"),
    ])
    assert [a.stance for a in attributions] == ["demand", "assert", "deny"]
    assert attributions[2].responds_to == 0


def test_the_responders_own_name_takes_up_no_claim() -> None:
    """Words of the response's speaker ("Der Chef von Berger Bau Lindau") are not what it
    shares with a claim: the denial answers the accusation before it, not the statement about
    the firm that shares its name."""
    text = ("Die Firma Berger Bau habe ein neues Werk in Lindau eröffnet, teilte der Landrat mit. "
            "Die Gewerkschaft warf der Stadt vor, die Gebühren der Kitas erhöht zu haben. "
            "Der Chef von Berger Bau Lindau, Jan Holm, sagte, das stimme nicht.")
    attributions = assigned(text, [
        statement(text, "Die Firma Berger Bau habe ein neues Werk in Lindau eröffnet",
                  "der Landrat", "teilte mit"),
        statement(text, "die Gebühren der Kitas erhöht zu haben", "Die Gewerkschaft",
                  "warf vor"),
        statement(text, "das stimme nicht", "Der Chef von Berger Bau Lindau, Jan Holm", "sagte"),
    ])
    assert attributions[2].stance == "deny"
    assert attributions[2].responds_to == 1


def test_a_response_that_names_a_ruling_answers_the_statement_made_by_the_ruling() -> None:
    """"das Urteil" names the statement made "laut einem Urteil", not the nearer one."""
    text = ("Laut einem Urteil des Landgerichts darf die Brauerei ihr Bier nicht mehr als "
            "gesund bewerben. Die Wirtin Lena Vogt sagte, sie verkaufe jährlich mehr Flaschen. "
            "Der Verband der Brauer bedauerte das Urteil.")
    attributions = assigned(text, [
        statement(text, "darf die Brauerei ihr Bier nicht mehr als gesund bewerben",
                  "einem Urteil des Landgerichts", "Laut"),
        statement(text, "sie verkaufe jährlich mehr Flaschen", "Die Wirtin Lena Vogt", "sagte"),
        statement(text, "das Urteil", "Der Verband der Brauer", "bedauerte"),
    ])
    assert attributions[2].stance == "criticise"
    assert attributions[2].responds_to == 0


def test_a_response_that_names_a_press_release_answers_what_the_release_said() -> None:
    """"Diese Mitteilung" names the statement whose sentence introduced it by that noun."""
    text = ("In einer Mitteilung des Vereins hieß es, der Trainer bleibe im Amt. Die Fans "
            "feierten am Abend im Stadion. Der Sprecher der Fans sagte, die Stimmung sei gut. "
            "Ein Vorstand kritisierte, diese Mitteilung sei voreilig gewesen.")
    attributions = assigned(text, [
        statement(text, "der Trainer bleibe im Amt", None, "hieß es"),
        statement(text, "die Stimmung sei gut", "Der Sprecher der Fans", "sagte"),
        statement(text, "diese Mitteilung sei voreilig gewesen", "Ein Vorstand", "kritisierte"),
    ])
    assert attributions[2].stance == "criticise"
    assert attributions[2].responds_to == 0


def test_a_report_denied_by_its_noun_is_the_one_the_reporter_introduced() -> None:
    """"den Bericht" answers what "berichtete" introduced."""
    text = ("Die Zeitung berichtete, im Hafen seien Soldaten eingetroffen. Der Bürgermeister "
            "sagte, der Markt finde statt. Das Ministerium wies den Bericht zurück.")
    attributions = assigned(text, [
        statement(text, "im Hafen seien Soldaten eingetroffen", "Die Zeitung", "berichtete"),
        statement(text, "der Markt finde statt", "Der Bürgermeister", "sagte"),
        statement(text, "den Bericht", "Das Ministerium", "wies zurück"),
    ])
    assert attributions[2].stance == "deny"
    assert attributions[2].responds_to == 0


def test_the_addressed_party_is_the_one_answered() -> None:
    """"ließ er den Bürgermeister wissen": the latest statement of the mayor, named by another
    mention of him, not the nearest statement."""
    text = ("Bürgermeister Karl Weinreb sagte, die Vereine bekämen zu viel Geld. Kämmerin Ute Sarg "
            "sagte, der Haushalt sei ausgeglichen. Das stimme nicht, ließ Vereinschef Tom Brix "
            "den Bürgermeister wissen.")
    attributions = assigned(text, [
        statement(text, "die Vereine bekämen zu viel Geld", "Bürgermeister Karl Weinreb",
                  "sagte"),
        statement(text, "der Haushalt sei ausgeglichen", "Kämmerin Ute Sarg", "sagte"),
        statement(text, "Das stimme nicht", "Vereinschef Tom Brix", "ließ wissen"),
    ])
    assert attributions[2].stance == "deny"
    assert attributions[2].responds_to == 0


def test_a_continued_denial_answers_what_its_opening_answered() -> None:
    """A denial without a speaker that continues one of its source answers the same claim."""
    text = ("Die Opposition warf dem Landrat vor, Fördergeld verschwendet zu haben. Der "
            "Landrat sagte, er sei informiert gewesen. Die Partei wies die Vorwürfe zurück. "
            "Sie seien frei erfunden.")
    attributions = assigned(text, [
        statement(text, "Fördergeld verschwendet zu haben", "Die Opposition", "warf vor"),
        statement(text, "er sei informiert gewesen", "Der Landrat", "sagte"),
        statement(text, "die Vorwürfe", "Die Partei", "wies zurück"),
        statement(text, "Sie seien frei erfunden", quote_type=QuoteType.INDIRECT_FREE_INDIRECT),
    ])
    assert attributions[2].responds_to == 0
    assert attributions[3].stance == "deny"
    assert attributions[3].responds_to == 0


def test_a_continuation_with_its_opening_speaker_is_answered_through_its_opening() -> None:
    """A Konjunktiv sentence after a statement is recorded with that statement's speaker: it
    continues the statement, so a denial that finds the continuation answers the opening, and
    a denial's own continuation answers what the denial answers."""
    text = ("Bürgermeisterin Eva Lind sagte, das Wasser sei verunreinigt. Es müsse abgekocht "
            "werden. Der Chemiker Tom Fink wies das zurück. Die Proben seien nicht belastet.")
    attributions = assigned(text, [
        statement(text, "das Wasser sei verunreinigt", "Bürgermeisterin Eva Lind", "sagte"),
        statement(text, "Es müsse abgekocht werden.", "Bürgermeisterin Eva Lind",
                  quote_type=QuoteType.INDIRECT_FREE_INDIRECT),
        statement(text, "das", "Der Chemiker Tom Fink", "wies zurück"),
        statement(text, "Die Proben seien nicht belastet.", "Der Chemiker Tom Fink",
                  quote_type=QuoteType.INDIRECT_FREE_INDIRECT),
    ])
    assert attributions[2].stance == "deny"
    assert attributions[2].responds_to == 0
    assert attributions[3].stance == "deny"
    assert attributions[3].responds_to == 0


def test_a_denial_of_rumours_the_article_does_not_report_answers_nothing() -> None:
    """A response that names what it answers ("Gerüchte um ...") takes no unrelated nearest
    statement."""
    text = ("Der Trainer sagte, die Mannschaft habe gut trainiert. Gerüchte um einen Verkauf "
            "des Stadions hatte der Verein am Morgen dementiert.")
    attributions = assigned(text, [
        statement(text, "die Mannschaft habe gut trainiert", "Der Trainer", "sagte"),
        statement(text, "Gerüchte um einen Verkauf des Stadions", "der Verein",
                  "hatte dementiert"),
    ])
    assert attributions[1].stance == "deny"
    assert attributions[1].responds_to is None


def test_a_criticism_named_in_the_sentence_before_is_what_the_reply_answers() -> None:
    """"Die Kritik kam nicht gut an. ..." names, in a sentence without a statement of its own,
    the criticism that the reply answers."""
    text = ("Der Minister Eik Sander kritisierte, die Kammern blockierten jede Reform. Der "
            "Bahnchef Lars Kühn sagte, die Züge führen pünktlich. Bei den Kammern kam die Kritik "
            "nicht gut an. Das sei haltlos, entgegnete ihr Präsident.")
    attributions = assigned(text, [
        statement(text, "die Kammern blockierten jede Reform", "Der Minister Eik Sander",
                  "kritisierte"),
        statement(text, "die Züge führen pünktlich", "Bahnchef Lars Kühn", "sagte"),
        statement(text, "Das sei haltlos", "ihr Präsident", "entgegnete"),
    ])
    assert attributions[2].stance == "deny"
    assert attributions[2].responds_to == 0


def test_a_response_opening_with_auch_answers_what_the_answer_before_it_answered() -> None:
    """"Auch für die Gärtner ist das Unsinn": a rejection parallel to the one before it
    answers the same proposal, though it shares no words with it."""
    text = ("Der Landrat Kai Oswald schlug vor, im Stadtpark Parkplätze zu bauen. Die Grünen "
            "wiesen den Vorschlag zurück. Ein Anrainer sagte, er gehe dort gern spazieren. Auch "
            "für die Gärtner ist das Unsinn.")
    attributions = assigned(text, [
        statement(text, "im Stadtpark Parkplätze zu bauen", "Der Landrat Kai Oswald",
                  "schlug vor"),
        statement(text, "den Vorschlag", "Die Grünen", "wiesen zurück"),
        statement(text, "er gehe dort gern spazieren", "Ein Anrainer", "sagte"),
        statement(text, "Auch für die Gärtner ist das Unsinn", "die Gärtner", "für"),
    ])
    assert attributions[1].responds_to == 0
    assert attributions[3].stance in {"deny", "criticise"}
    assert attributions[3].responds_to == 0


def test_a_proposal_named_by_its_noun_is_the_one_introduced_by_the_participle() -> None:
    """"den Vorschlag" answers what "hat vorgeschlagen" introduced: the participle's "ge" does
    not hide the noun's stem, and the nearer demand is not the one named."""
    text = ("Die Kammer hat vorgeschlagen, die Läden sonntags zu öffnen. Die Kirche verwies auf "
            "den Feiertag. Der Handelsverband forderte mehr Parkplätze. Die Gewerkschaft lehnte "
            "den Vorschlag ab.")
    attributions = assigned(text, [
        statement(text, "die Läden sonntags zu öffnen", "Die Kammer", "hat vorgeschlagen"),
        statement(text, "den Feiertag", "Die Kirche", "verwies auf"),
        statement(text, "mehr Parkplätze", "Der Handelsverband", "forderte"),
        statement(text, "den Vorschlag", "Die Gewerkschaft", "lehnte ab"),
    ])
    assert attributions[3].stance == "deny"
    assert attributions[3].responds_to == 0


def test_a_statement_told_as_a_reaction_answers_the_party_it_addresses() -> None:
    """"Die Kammer reagierte verschnupft. ..., ließ ihr Präsident den Minister wissen": a
    statement after a sentence that tells a reaction answers, though it only asserts."""
    text = ("Der Minister Eik Sander sagte, die Kammern seien Teil des Problems. Der Bahnchef "
            "Lars Kühn erklärte, die Züge führen pünktlich. Die Kammer reagierte verschnupft. Wir "
            "arbeiten an Lösungen, ließ ihr Präsident den Minister wissen.")
    attributions = assigned(text, [
        statement(text, "die Kammern seien Teil des Problems", "Der Minister Eik Sander",
                  "sagte"),
        statement(text, "die Züge führen pünktlich", "Der Bahnchef Lars Kühn", "erklärte"),
        statement(text, "Wir arbeiten an Lösungen", "ihr Präsident", "ließ wissen"),
    ])
    assert attributions[2].stance == "assert"
    assert attributions[2].responds_to == 0


def test_an_assertion_without_a_reaction_answers_nothing() -> None:
    text = ("Der Minister Eik Sander sagte, die Kammern seien Teil des Problems. Die Sitzung "
            "dauerte lange. Wir arbeiten an Lösungen, ließ ihr Präsident den Minister wissen.")
    attributions = assigned(text, [
        statement(text, "die Kammern seien Teil des Problems", "Der Minister Eik Sander",
                  "sagte"),
        statement(text, "Wir arbeiten an Lösungen", "ihr Präsident", "ließ wissen"),
    ])
    assert attributions[1].stance == "assert"
    assert attributions[1].responds_to is None


def test_a_statement_naming_what_it_answers_with_a_demonstrative_answers_it() -> None:
    """"Diese Mitteilung ist ein Witz": the statement names the form of what it answers."""
    text = ("In einer Mitteilung der Reederei hieß es, alle Schiffe seien sicher. Der Hafenmeister "
            "Jan Ott sagte, der Sturm lasse nach. Diese Mitteilung ist ein Witz, meinte der "
            "Gewerkschafter Uwe Brand.")
    attributions = assigned(text, [
        statement(text, "alle Schiffe seien sicher", None, "hieß es"),
        statement(text, "der Sturm lasse nach", "Der Hafenmeister Jan Ott", "sagte"),
        statement(text, "Diese Mitteilung ist ein Witz", "der Gewerkschafter Uwe Brand",
                  "meinte"),
    ])
    assert attributions[2].responds_to == 0


def test_a_demonstrative_noun_taken_for_the_speaker_still_names_what_is_answered() -> None:
    """"Diese Mitteilung ist ein Witz und erklärt nicht, was ...": where the extraction takes the
    noun group for the speaker of the relative clause, the noun still names the statement that a
    Mitteilung introduced."""
    text = ("In einer Mitteilung der Reederei hieß es, alle Schiffe seien sicher. Der Hafenmeister "
            "Jan Ott sagte, der Sturm lasse nach. Diese Mitteilung ist ein Witz und erklärt "
            "nicht, was im Hafen geschehen ist.")
    attributions = assigned(text, [
        statement(text, "alle Schiffe seien sicher", None, "hieß es"),
        statement(text, "der Sturm lasse nach", "Der Hafenmeister Jan Ott", "sagte"),
        statement(text, "was im Hafen geschehen ist", "Diese Mitteilung", "erklärt"),
    ])
    assert attributions[2].responds_to == 0


def test_a_statement_with_its_own_cue_is_not_taken_back_to_the_statement_before() -> None:
    """"In einer Mitteilung hieß es: ..." opens a statement of its own even when its source was
    taken from the statement before: the Mitteilung named later is that one, not the protest."""
    text = ("Hunderte Bauern protestierten am Montag gegen die Regierung. In einer Mitteilung, "
            "die das Ministerium verbreitete, hieß es: Die Preise für Dünger bleiben stabil. Der "
            "Verbandschef Karl Huber sagte, das sei falsch. Diese Mitteilung ist eine Frechheit, "
            "meinte Huber.")
    attributions = assigned(text, [
        statement(text, "Hunderte Bauern protestierten am Montag gegen die Regierung.",
                  "Hunderte Bauern"),
        statement(text, "Die Preise für Dünger bleiben stabil", None, "hieß"),
        statement(text, "das sei falsch", "Der Verbandschef Karl Huber", "sagte"),
        statement(text, "Diese Mitteilung ist eine Frechheit", "Huber", "meinte"),
    ])
    assert attributions[3].responds_to == 1


def test_a_criticism_that_repeats_a_nearby_answer_answers_what_that_answered() -> None:
    """"Das ist völlig nutzlos, das ist Show": a jurist repeats the judgement with which a party
    rejected a proposal two sentences before, and so answers that proposal."""
    text = ("Die Liberalen haben am Freitag eine Obergrenze für Mieten im Grundgesetz "
            "vorgeschlagen. Die Grünen haben dies als nutzlos zurückgewiesen, da die Länder über "
            "Mieten entscheiden. Der Jurist Paul Roth sagte, wenn die Länder das regeln, ist das "
            "völlig nutzlos, das ist Show.")
    attributions = assigned(text, [
        statement(text, "Die Liberalen haben am Freitag eine Obergrenze für Mieten im Grundgesetz "
                  "vorgeschlagen.", "Die Liberalen"),
        statement(text, "Die Grünen haben dies als nutzlos zurückgewiesen, da die Länder über "
                  "Mieten entscheiden.", "Die Grünen"),
        statement(text, "wenn die Länder das regeln, ist das völlig nutzlos, das ist Show",
                  "Der Jurist Paul Roth", "sagte"),
    ])
    assert attributions[1].responds_to == 0
    assert attributions[2].responds_to == 0


def test_a_rejected_proposal_is_the_offer_before_it_not_the_nearest_demand() -> None:
    """"lehnten französische Vorschläge ab": the proposal is what France offered ("sei bereit,
    ... zu helfen"), not the demand the French minister made after it."""
    text = ("Der französische Minister Luc Morel sagte, Frankreich sei bereit, den Bauern mit "
            "Krediten zu helfen. Er forderte die Banken auf, die Zinsen zu senken. Die Bauern "
            "haben französische Vorschläge für eine Zusammenarbeit abgelehnt.")
    attributions = assigned(text, [
        statement(text, "Frankreich sei bereit, den Bauern mit Krediten zu helfen",
                  "Der französische Minister Luc Morel", "sagte"),
        statement(text, "die Zinsen zu senken", "Er", "forderte auf"),
        statement(text, "Die Bauern haben französische Vorschläge für eine Zusammenarbeit "
                  "abgelehnt.", "Die Bauern"),
    ])
    assert attributions[1].stance == "demand"
    assert attributions[2].stance == "deny"
    assert attributions[2].responds_to == 0


def test_a_rejected_offer_of_another_state_is_not_taken() -> None:
    """"russische Vorschläge": an offer made by another state does not count."""
    text = ("Der französische Minister Luc Morel sagte, Frankreich sei bereit, den Bauern mit "
            "Krediten zu helfen. Er forderte die Banken auf, die Zinsen zu senken. Die Bauern "
            "haben russische Vorschläge für eine Zusammenarbeit abgelehnt.")
    attributions = assigned(text, [
        statement(text, "Frankreich sei bereit, den Bauern mit Krediten zu helfen",
                  "Der französische Minister Luc Morel", "sagte"),
        statement(text, "die Zinsen zu senken", "Er", "forderte auf"),
        statement(text, "Die Bauern haben russische Vorschläge für eine Zusammenarbeit "
                  "abgelehnt.", "Die Bauern"),
    ])
    assert attributions[2].responds_to != 0


def test_a_proposal_named_with_a_states_adjective_is_that_states_own_demand() -> None:
    """"Auch der französische Vorschlag von Neuwahlen stieß auf Ablehnung. Er bedeute ...": the
    reply only asserts, but the adjective names the source: the demand France itself made, not
    the later ones of its minister or the nearest of another party."""
    text = ("Frankreich hat Neuwahlen in Mali gefordert. Wahlen müssten rasch vorbereitet "
            "werden, forderte der französische Außenminister Luc Morel. Die Opposition verlangte "
            "den Abzug der Truppen. Auch der französische Vorschlag von Neuwahlen stieß auf "
            "Ablehnung. Er bedeute nur, dass der Präsident im Amt bleibe, sagte der Rebellenführer "
            "Ali Traoré.")
    attributions = assigned(text, [
        statement(text, "Frankreich hat Neuwahlen in Mali gefordert.", "Frankreich"),
        statement(text, "Wahlen müssten rasch vorbereitet werden",
                  "der französische Außenminister Luc Morel", "forderte"),
        statement(text, "den Abzug der Truppen", "Die Opposition", "verlangte"),
        statement(text, "Er bedeute nur, dass der Präsident im Amt bleibe",
                  "der Rebellenführer Ali Traoré", "sagte"),
    ])
    assert [a.stance for a in attributions[:3]] == ["demand"] * 3
    assert attributions[3].responds_to == 0


def test_the_statement_a_compound_noun_names_beats_the_latest_of_the_named_party() -> None:
    """"protestierte im Kommentarfeld der Statusmeldung gegen Bauers Vereinnahmung": the
    Statusmeldung (a compound of Meldung) names the statement recorded with its whole sentence
    that opens with it, not the party's latest statement."""
    text = ("Der Parteichef Max Bauer hat mit einem Posting Ärger ausgelöst. In einer "
            "Statusmeldung stellte sich der Parteichef hinter die streikenden Piloten. Das sei "
            "ein Skandal, so Bauer. Die Pilotin Anna Weber protestierte im Kommentarfeld der "
            "Statusmeldung "
            "gegen Bauers Vereinnahmung der Piloten.")
    attributions = assigned(text, [
        statement(text, "In einer Statusmeldung stellte sich der Parteichef hinter die "
                  "streikenden Piloten.", "der Parteichef"),
        statement(text, "Das sei ein Skandal", "Bauer", "so"),
        statement(text, "Die Pilotin Anna Weber protestierte im Kommentarfeld der Statusmeldung "
                  "gegen Bauers Vereinnahmung der Piloten.", "Die Pilotin Anna Weber"),
    ])
    assert attributions[2].stance == "criticise"
    assert attributions[2].responds_to == 0


def test_the_word_sets_of_responses_are_data() -> None:
    """The words by which responds_to reads a response live in data/stance/rules.json."""
    assert {"der", "diese", "solcher"} <= word_set("determiners")
    assert "dieses" in word_set("demonstratives")
    assert "ließ" in word_set("let_know")
    assert "auch" in word_set("parallel_openers")
    assert "was" in word_set("relative_openers")
    assert "wonach" in word_set("report_cues")
    assert "vor" in word_set("separable_prefixes")


def test_a_fact_not_known_yet_answers_no_statement_by_nearness() -> None:
    """"Die Ursache ist noch unklar" leaves a fact open, not the claim of the statement before."""
    text = ("Ein Anrainer sagte, er habe in der Nacht einen lauten Knall gehört. Die Ursache des "
            "Brandes sei noch unklar, sagte ein Sprecher der Polizei.")
    attributions = assigned(text, [
        statement(text, "er habe in der Nacht einen lauten Knall gehört", "Ein Anrainer",
                  "sagte"),
        statement(text, "Die Ursache des Brandes sei noch unklar", "ein Sprecher der Polizei",
                  "sagte"),
    ])
    assert attributions[1].stance == "not_confirm"
    assert attributions[1].responds_to is None


def test_a_non_confirmation_answers_the_statement_before() -> None:
    """Without a fact told unknown, a non-confirmation close after a claim answers it."""
    text = ("Ein Anrainer sagte, er habe in der Nacht einen lauten Knall gehört. Man könne "
            "das nicht bestätigen, sagte ein Sprecher der Polizei.")
    attributions = assigned(text, [
        statement(text, "er habe in der Nacht einen lauten Knall gehört", "Ein Anrainer",
                  "sagte"),
        statement(text, "Man könne das nicht bestätigen", "ein Sprecher der Polizei", "sagte"),
    ])
    assert attributions[1].stance == "not_confirm"
    assert attributions[1].responds_to == 0


def test_a_response_that_names_nothing_said_before_answers_no_statement_by_nearness() -> None:
    """"bestätigte die Eröffnung der Filiale" may take up nothing the article reports: the
    statement before, on another matter, is not what it answers."""
    text = ("Der Betriebsrat sagte, die Stimmung in der Belegschaft sei gut. Eine Sprecherin "
            "des Konzerns bestätigte am Montag die Eröffnung einer Filiale in Graz.")
    attributions = assigned(text, [
        statement(text, "die Stimmung in der Belegschaft sei gut", "Der Betriebsrat", "sagte"),
        statement(text, "die Eröffnung einer Filiale in Graz",
                  "Eine Sprecherin des Konzerns", "bestätigte"),
    ])
    assert attributions[1].stance == "confirm"
    assert attributions[1].responds_to is None


def test_a_response_that_points_back_answers_the_statement_before() -> None:
    """"Das bestätigte ...", "habe damit nichts zu tun": the pronoun takes up what was said."""
    text = ("Der Betriebsrat sagte, der Konzern wolle das Werk in Steyr schließen. Das "
            "bestätigte am Montag eine Sprecherin des Konzerns.")
    attributions = assigned(text, [
        statement(text, "der Konzern wolle das Werk in Steyr schließen", "Der Betriebsrat",
                  "sagte"),
        statement(text, "Das", "eine Sprecherin des Konzerns", "bestätigte"),
    ])
    assert attributions[1].stance == "confirm"
    assert attributions[1].responds_to == 0
