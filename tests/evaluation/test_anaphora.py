"""Pronoun and role-noun resolution on WikiNews dev (read in place under ../shared)."""

from quellenlage.evaluation.anaphora import anaphor_class, check_end_to_end, check_resolution


def test_anaphor_classes():
    assert anaphor_class("Er") == "pronoun"
    assert anaphor_class("der venezolanische Präsident") == "role"
    assert anaphor_class("Der GdP-Vorsitzende") == "role"
    assert anaphor_class("Der Sprecher des Weißen Hauses") is None
    assert anaphor_class("die Grünen") is None
    assert anaphor_class("Gülsen Yilmaz") is None
    assert anaphor_class("die Archäologin") == "role"  # a person noun known by its ending
    assert anaphor_class("die Polizisten") is None  # several people, no one antecedent
    assert anaphor_class("die Minister") is None


def test_dev_pronoun_and_role_noun_resolution(wikinews_dev):
    result = check_resolution(wikinews_dev)
    resolved, counted = result.rate()
    assert counted >= 50
    # measured 58/75: the misses are mostly referents the article never names ("Der
    # Staatsanwalt", "Der 58-Jährige"). Before an unnamed office holder could be merged with
    # any named person (59/73, one of them credited that way).
    assert resolved / counted >= 0.77


def test_dev_resolution_end_to_end(wikinews_dev):
    """The issue's criterion: quotations the pipeline found, judged by the source it gave."""
    result, counted = check_end_to_end(wikinews_dev)
    resolved, found = result.rate()
    assert found >= 0.8 * counted
    # measured 52/67 (77.6%) with the rules engine, the default now (52/67 with the trained
    # engine). Unnamed office holders ("Der Staatsanwalt", never named in the article) are
    # anonymous, as the annotation guide has it, and the criterion does not credit them as
    # named; most other misses are referents the article never names or quotations found
    # without their speaker.
    assert resolved / found >= 0.77
