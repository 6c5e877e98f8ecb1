"""Unnamed groups of people named by a plural role noun speak as a collective: plurals in -e
and -er with their umlaut, participle and adjectival nouns, and person nouns the role lexicon
lists ("Delegierte", "Astronomen", "Naturschützer", "Forschende", "Funktionäre")."""

import pytest

import quellenlage
from quellenlage.sources.gazetteer import gazetteer


def source_of(text: str) -> tuple[str | None, str | None]:
    statements = quellenlage.analyze(text).attributions
    assert len(statements) == 1
    source = statements[0].source
    return (source.name, source.kind) if source else (None, None)


@pytest.mark.parametrize(("word", "lemma"), [
    ("Funktionäre", "Funktionär"), ("Ärzte", "Arzt"), ("Anwälte", "Anwalt"),
    ("Landräte", "Landrat"), ("Obmänner", "Obmann"), ("Astronomen", "Astronom"),
])
def test_plurals_in_e_and_er_with_umlaut_are_plural_roles(word: str, lemma: str) -> None:
    role = gazetteer().role(word)
    assert role is not None and role.plural and role.lemma == lemma


@pytest.mark.parametrize("word", ["Proteste", "Monate", "Häuser", "Rate", "Rechte"])
def test_other_nouns_in_e_and_er_stay_no_role(word: str) -> None:
    assert gazetteer().role(word) is None


@pytest.mark.parametrize(("text", "name"), [
    ("Delegierte sagten am Abend, der Parteitag sei ruhig verlaufen.", "Delegierte"),
    ("Astronomen berichteten, der Komet sei heller als erwartet.", "Astronomen"),
    ("Forschende warnen, das Eis am Nordpol schmelze schneller.", "Forschende"),
    ("Funktionäre kritisierten, der Verband spare bei der Jugend.", "Funktionäre"),
    ("Zuletzt hatten Naturschützer vor den Folgen für den Auwald gewarnt.", "Naturschützer"),
    ("Nach Angaben der Ärzte ist der Zustand des Buben stabil.", "Ärzte"),
])
def test_unnamed_groups_are_collectives(text: str, name: str) -> None:
    assert source_of(text) == (name, "collective")


def test_one_of_them_with_an_article_is_one_unnamed_person() -> None:
    assert source_of("Eine Naturschützerin sagte, der Auwald sterbe langsam.") == (
        "Naturschützerin", "anonymous")
    assert source_of("Der Ankläger sagte, die Firma habe Steuern hinterzogen.") == (
        "Ankläger", "anonymous")
