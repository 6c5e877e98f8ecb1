"""Examples for the stance classifier from annotated articles, and its cross-validation.

Examples of an article (the sources test set's format, evaluation.sources_testset): every gold
statement with the gold spans fed to the stages (as evaluate-sources measures "gold spans"), and
every statement the pipeline predicts that is paired with a gold statement (as
../shared/tools/e2e_score.py pairs them), labelled with the paired gold stance: the classifier
learns from what it meets at run time too.

Cross-validation: article i goes to fold i % k; a model trained on the other folds and on the
fixed examples (our own sentences) judges the held-out fold. The model judges through the
pipeline's own stance step (stance.assign.assign_stance: the rules, the classifier, then the
continuation passes), so the figures measure what ships. Reported per fold set: stance accuracy
with gold spans and end to end (of the found statements, and who-said-what with stance F1), each
beside the rules alone (the same step without a classifier).
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from quellenlage.evaluation.end_to_end import EndToEndCounts, pair_statements, score_article
from quellenlage.evaluation.sources_testset import Paragraph, load_testset, run_stages
from quellenlage.model import Article, Attribution, SpanTuple
from quellenlage.stance.assign import assign_stance, stance_inputs
from quellenlage.stance.classifier import Settings, StanceClassifier
from quellenlage.stance.training import Example, train_classifier
from quellenlage.text import Document


@dataclass
class Labelled:
    features: list[str]
    rule: str
    stance: str
    accepted: tuple[str, ...]  # the gold stance and its alternatives


@dataclass
class ArticleExamples:
    id: str
    gold: list[Labelled]
    predicted: list[Labelled]
    # what the stance step needs to run again: the article and its gold statements (gold spans)
    document: Document | None = None
    gold_statements: list[Attribution] = field(default_factory=list)
    # what the end-to-end figures need: the gold statements, the pipeline's and their pairing
    expected: list[dict[str, Any]] = field(default_factory=list)
    quote_spans: list[SpanTuple | None] = field(default_factory=list)
    found: list[Attribution] = field(default_factory=list)
    pairs: list[int | None] = field(default_factory=list)


def _inputs(document: Document, attributions: list[Attribution]
            ) -> tuple[list[str], list[list[str]]]:
    rules, features = stance_inputs(document, attributions, None)
    return rules, [f for f in features if f is not None]


def article_examples(paragraph: Paragraph,
                     analyze: Callable[[str], Article] | None) -> ArticleExamples:
    """The labelled statements of one annotated article (without the pipeline's where `analyze`
    is None)."""
    document = Document(paragraph.text)
    gold = [Attribution.from_dict(a.to_dict()) for a in paragraph.gold]
    run_stages(document, gold)
    rules, features = _inputs(document, gold)
    accepted = [(s["stance"], *(s.get("stance_alt") or [])) for s in paragraph.expected]
    result = ArticleExamples(paragraph.id, [
        Labelled(f, rule, s["stance"], ok)
        for f, rule, s, ok in zip(features, rules, paragraph.expected, accepted, strict=True)
    ], [], document, gold)
    if analyze is None:
        return result
    found = analyze(paragraph.text).attributions
    found_rules, found_features = _inputs(document, found)
    pairs = pair_statements(paragraph.quote_spans, found)
    result.predicted = [
        Labelled(found_features[j], found_rules[j], paragraph.expected[i]["stance"], accepted[i])
        for i, j in enumerate(pairs) if j is not None
    ]
    result.expected, result.quote_spans = paragraph.expected, paragraph.quote_spans
    result.found, result.pairs = found, pairs
    return result


def examples_of(articles: Sequence[ArticleExamples]) -> list[Example]:
    return [(item.features, item.stance) for article in articles
            for item in (*article.gold, *article.predicted)]


@dataclass
class StanceFigures:
    """Stance accuracy with gold spans, and end to end, of the classifier and of the rules."""

    gold_total: int = 0
    gold_right: int = 0
    gold_rule_right: int = 0
    end_to_end: EndToEndCounts = field(default_factory=EndToEndCounts)
    end_to_end_rules: EndToEndCounts = field(default_factory=EndToEndCounts)

    def add(self, other: StanceFigures) -> None:
        self.gold_total += other.gold_total
        self.gold_right += other.gold_right
        self.gold_rule_right += other.gold_rule_right
        self.end_to_end.add(other.end_to_end)
        self.end_to_end_rules.add(other.end_to_end_rules)

    def to_dict(self) -> dict[str, Any]:
        total = self.gold_total or 1
        return {
            "gold_spans_stance": self.gold_right / total,
            "gold_spans_stance_rules": self.gold_rule_right / total,
            "statements": self.gold_total,
            "end_to_end_stance_of_found": self.end_to_end.figures()["stance_acc"],
            "end_to_end_stance_of_found_rules": self.end_to_end_rules.figures()["stance_acc"],
            "end_to_end_full_f1": self.end_to_end.figures()["full_f1"],
            "end_to_end_full_f1_rules": self.end_to_end_rules.figures()["full_f1"],
        }


def _stances(document: Document, attributions: Sequence[Attribution],
             classifier: StanceClassifier | None) -> list[Attribution]:
    """Copies of `attributions` with the stances the pipeline's stance step gives them with
    `classifier` (None: the rules alone)."""
    copies = [replace(a) for a in attributions]
    assign_stance(document, copies, classifier)
    return copies


def judge(classifier: StanceClassifier, articles: Sequence[ArticleExamples]) -> StanceFigures:
    """The classifier's figures on annotated articles (held out from its training), through the
    pipeline's stance step, beside the same step with the rules alone."""
    figures = StanceFigures()
    for article in articles:
        if article.document is None:
            continue
        with_model = _stances(article.document, article.gold_statements, classifier)
        rules = _stances(article.document, article.gold_statements, None)
        for item, model, rule in zip(article.gold, with_model, rules, strict=True):
            figures.gold_total += 1
            figures.gold_right += model.stance in item.accepted
            figures.gold_rule_right += rule.stance in item.accepted
        if not article.expected:
            continue
        for chosen, counts in ((classifier, figures.end_to_end),
                               (None, figures.end_to_end_rules)):
            found = _stances(article.document, article.found, chosen)
            counts.add(score_article(article.expected, article.quote_spans, found, article.pairs))
    return figures


def cross_validate(articles: Sequence[ArticleExamples], fixed: Sequence[Example], folds: int,
                   settings: Settings) -> StanceFigures:
    """Held-out figures of `folds`-fold cross-validation by article (article i in fold i % k)."""
    figures = StanceFigures()
    with tempfile.TemporaryDirectory() as work:
        for fold in range(folds):
            held_out = [a for i, a in enumerate(articles) if i % folds == fold]
            rest = [a for i, a in enumerate(articles) if i % folds != fold]
            classifier = train_classifier([*examples_of(rest), *fixed],
                                          Path(work) / str(fold), settings)
            figures.add(judge(classifier, held_out))
    return figures


def load_examples(path: str | Path | None,
                  analyze: Callable[[str], Article] | None) -> list[ArticleExamples]:
    """The examples of every article of an annotated file (default: the sources test set)."""
    return [article_examples(paragraph, analyze) for paragraph in load_testset(path)]


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
