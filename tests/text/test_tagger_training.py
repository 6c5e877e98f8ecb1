"""Training the tagger: labels from RFTagger's morphology, the split by sample, determinism."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from quellenlage.cli.main import app
from quellenlage.errors import InputError
from quellenlage.text.tagger import MODEL_FILE, VOCABULARY_FILE, Tagger
from quellenlage.text.tagger_training import (
    TaggerSettings,
    gender_class,
    label_of,
    read_samples,
    split,
    train_tagger,
)

HEADER = "tok\tnormtok\tlemma\tpos\trfpos\tsentstart\tstwr\tframe\tspeaker\tintexpr\tnote\n"
# two sentences we wrote, in the corpus's column format (tok, normtok, lemma, pos, rfpos, sentstart)
ROWS = [
    ("Der", "ART.Def.Nom.Sg.Masc", "yes"), ("Bote", "N.Reg.Nom.Sg.Masc", "no"),
    ("sagte", "VFIN.Full.3.Sg.Past.Ind", "no"), ("der", "ART.Def.Dat.Sg.Fem", "no"),
    ("Wirtin", "N.Reg.Dat.Sg.Fem", "no"), (",", "SYM.Pun.Comma", "no"),
    ("»", "N.Reg.Nom.Sg.Masc", "no"),  # the corpus tags quotation marks as nouns
    ("es", "PRO.Pers.Subst.3.Nom.Sg.Neut", "no"), ("sei", "VFIN.Sein.3.Sg.Pres.Subj", "no"),
    ("spät", "ADJD.Pos", "no"), (".", "SYM.Pun.Sent", "no"),
    ("Er", "PRO.Pers.Subst.3.Nom.Sg.Masc", "yes"), ("wäre", "VFIN.Sein.3.Sg.Past.Subj", "no"),
    ("gern", "ADV", "no"), ("geblieben", "VPP.Sein.Psp", "no"), (".", "SYM.Pun.Sent", "no"),
]


def write_corpus(folder: Path, samples: int) -> Path:
    folder.mkdir()
    lines = ["file\tfictional"]
    for number in range(samples):
        name = f"rwk_test_{number:02d}.tsv"
        lines.append(f"{name}\t{'yes' if number % 2 else 'no'}")
        body = "".join(f"{word}\t{word}\t-\t-\t{rfpos}\t{start}\t-\t-\t-\t-\t-\n"
                       for word, rfpos, start in ROWS)
        (folder / name).write_text(HEADER + body, encoding="utf-8")
    (folder / "metadata.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize(("rfpos", "word", "label"), [
    ("N.Reg.Dat.Sg.Fem", "Zeitung", "NOUN.Dat"),
    ("N.Name.Nom.Sg.Masc", "Weber", "NOUN.Nom"),
    ("ART.Def.Gen.Sg.Neut", "des", "DET.Gen"),
    ("PRO.Poss.Attr.3.Acc.Sg.Masc", "seinen", "DET.Acc"),
    ("PRO.Pers.Subst.3.Nom.Sg.Fem", "sie", "PRON.Nom"),
    ("PRO.Rel.Subst.-.Nom.Sg.Fem", "die", "REL.Nom"),
    ("ADJA.Pos.Dat.Pl.*", "neuen", "ADJ.Dat"),
    ("VFIN.Sein.3.Sg.Pres.Subj", "sei", "VFIN.Subj1"),
    ("VFIN.Aux.3.Sg.Past.Subj", "würde", "VFIN.Subj2"),
    ("VFIN.Full.3.Sg.Pres.Ind", "sagt", "VFIN.Ind"),
    ("VIMP.Full.2.Sg", "komm", "VFIN.Imp"),
    ("VPP.Full.Psp", "gesagt", "VINF"),
    ("APPRART.Dat.Sg.Masc", "im", "ADP"),
    ("CONJ.SubFin.-", "dass", "SCONJ"),
    ("N.Reg.Nom.Sg.Masc", "»", "PUNCT"),
    ("PRO.Indef.Subst.-.*.*.Neut", "nichts", "PRON"),
])
def test_labels_from_rftagger_morphology(rfpos: str, word: str, label: str) -> None:
    assert label_of(rfpos, word) == label


def test_gender_class_of_nouns() -> None:
    assert gender_class("N.Reg.Dat.Sg.Fem") == "Fem"
    assert gender_class("N.Reg.Dat.Pl.Masc") == "Pl"
    assert gender_class("ART.Def.Dat.Sg.Fem") is None


def test_samples_are_held_out_whole(tmp_path: Path) -> None:
    samples = read_samples(write_corpus(tmp_path / "tsv", 20))
    assert len(samples) == 20
    assert [len(s.sentences) for s in samples[:1]] == [2]
    assert samples[0].nonfiction and not samples[1].nonfiction
    train, held_out = split(samples)
    assert [s.name for s in held_out] == ["rwk_test_00.tsv", "rwk_test_10.tsv"]
    assert not {s.name for s in train} & {s.name for s in held_out}


def test_a_folder_without_metadata_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"metadata\.tsv"):
        read_samples(tmp_path)


def test_training_is_deterministic_and_the_model_loads(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "tsv", 12)
    settings = TaggerSettings(iterations=30, min_word_count=1)
    first = train_tagger(corpus, tmp_path / "a", settings)
    train_tagger(corpus, tmp_path / "b", settings)
    for name in (MODEL_FILE, VOCABULARY_FILE):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert first["held_out"]["label"] == 100.0
    tags = Tagger(tmp_path / "a").tag(["Der", "Bote", "sagte", "der", "Wirtin", ",", "es",
                                       "sei", "spät", "."])
    assert [t.label for t in tags][:5] == ["DET.Nom", "NOUN.Nom", "VFIN.Ind", "DET.Dat",
                                           "NOUN.Dat"]
    assert tags[7].mood == "Subj1"


def test_train_tagger_command_writes_a_model_and_scores_sentences(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "tsv", 12)
    check = tmp_path / "check.jsonl"
    check.write_text('{"text": "Der Bote sagte der Wirtin, es sei spät.", '
                     '"phrases": [["Der Bote", "Nom"], ["der Wirtin", "Dat"]], '
                     '"verbs": [["sagte", "Ind"], ["sei", "Subj1"]]}\n', encoding="utf-8")
    out = tmp_path / "model"
    result = CliRunner().invoke(app, ["train-tagger", str(corpus), "--out", str(out),
                                      "--iterations", "30", "--check", str(check)])
    assert result.exit_code == 0, result.output
    assert Tagger(out).tag(["Der", "Bote", "sagte", "der", "Wirtin", "."])[3].case == "Dat"


def test_train_tagger_command_reports_a_bad_corpus_in_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["train-tagger", str(tmp_path), "--out",
                                      str(tmp_path / "model")])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
