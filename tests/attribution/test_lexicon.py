from quellenlage.attribution.lexicon import cue_lemma


def test_a_verb_of_several_words_needs_them_all_in_the_cue():
    assert cue_lemma("stellte") is None
    assert cue_lemma("stellte infrage") == "infrage stellen"
    assert cue_lemma("stellt in Frage") == "infrage stellen"
    assert cue_lemma("gab bekannt") in ("bekanntgeben", "bekannt geben")


def test_single_verbs_keep_their_lemma():
    assert cue_lemma("wies zurück") == "zurückweisen"
    assert cue_lemma("zurückgewiesen") == "zurückweisen"
    assert cue_lemma("laut") == "laut"


def test_a_verb_that_only_tells_an_act_is_no_cue() -> None:
    # "sieht keine Gefahr" is an opinion told without its words: no cue to read a stance from
    assert cue_lemma("sieht") is None
    assert cue_lemma("sah") is None
    assert cue_lemma("sieht vorher") == "vorhersehen"
