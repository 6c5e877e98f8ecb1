"""Claims across articles, scored against hand-made claim keys (the news-claims format).

`evaluate_claims` ingests the articles into a fresh temporary archive, links them
(`link_claims`) and scores the archive's export; `score_claims` scores any export. The figures
agree exactly with ../shared/tools/claims_score.py (tests/evaluation/test_claims.py runs both):

- a gold statement is found when a predicted quote overlaps its `msg` by half of the shorter of
  the two, one to one, largest overlap first;
- over pairs of gold statements in different articles, the precision and recall of same-claim
  links (recall over all gold pairs, found or not, so extraction caps it: `ceiling` is the
  recall of a perfect linker, the share of gold pairs whose two statements are both found);
- for each gold claim its best predicted claim (the one holding most of its found statements,
  none when that is one statement): coverage (share of the gold claim's statements in it) and
  purity (share of the found gold statements in it that belong to the gold claim);
- answers (deny, confirm, not_confirm) of gold claims in two or more articles that were found,
  and how many of them sit in their gold claim's best predicted claim.
"""

from __future__ import annotations

import itertools
import json
import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from quellenlage.errors import InputError

ANSWERS = frozenset({"deny", "confirm", "not_confirm"})
CLAIM_KEYS = ("claim_id", "claim")


@dataclass(frozen=True, slots=True)
class GoldStatement:
    article: str
    claim: str
    stance: str
    found: bool
    predicted: Any = None  # the predicted claim id of the matched statement (None: unlinked)


@dataclass(frozen=True, slots=True)
class ClaimResult:
    """One gold claim: where its statements went."""

    claim: str
    articles: int
    statements: int
    found: int
    best: Any  # the predicted claim holding most of its found statements, or None
    coverage: float
    purity: float
    answers: int
    answers_in_claim: int


@dataclass(slots=True)
class ClaimScores:
    pairs_tp: int
    pairs_fp: int
    pairs_fn: int
    pairs_both_found: int  # gold pairs whose two statements were both found
    statements: int
    found: int
    unmatched_articles: int
    claims: list[ClaimResult] = field(default_factory=list)

    @property
    def precision(self) -> float:
        linked = self.pairs_tp + self.pairs_fp
        return self.pairs_tp / linked if linked else 0.0

    @property
    def recall(self) -> float:
        gold = self.pairs_tp + self.pairs_fn
        return self.pairs_tp / gold if gold else 0.0

    @property
    def ceiling(self) -> float:
        """The recall of perfect linking on these extracted statements."""
        gold = self.pairs_tp + self.pairs_fn
        return self.pairs_both_found / gold if gold else 0.0

    @property
    def wide_claims(self) -> list[ClaimResult]:
        return [claim for claim in self.claims if claim.articles >= 3]

    @property
    def coverage_3plus(self) -> float:
        wide = self.wide_claims
        return sum(claim.coverage for claim in wide) / len(wide) if wide else 0.0

    @property
    def answers_found(self) -> int:
        return sum(claim.answers for claim in self.claims)

    @property
    def answers_in_claim(self) -> int:
        return sum(claim.answers_in_claim for claim in self.claims)

    def to_dict(self) -> dict[str, Any]:
        return {
            "pairs_tp": self.pairs_tp, "pairs_fp": self.pairs_fp, "pairs_fn": self.pairs_fn,
            "precision": self.precision, "recall": self.recall,
            "coverage_3plus": self.coverage_3plus, "claims_3plus": len(self.wide_claims),
            "answers_found": self.answers_found, "answers_in_claim": self.answers_in_claim,
            "statements": self.statements, "found": self.found,
            "unmatched_articles": self.unmatched_articles,
            "pairs_both_found": self.pairs_both_found, "ceiling": self.ceiling,
            "claims": [asdict(claim) for claim in self.claims],
        }

    def summary(self) -> str:
        """The scorer's last line, word for word."""
        gold = self.pairs_tp + self.pairs_fn
        return (
            f"claim links P {self.precision:.3f} R {self.recall:.3f} ({self.pairs_tp} of {gold} "
            f"gold pairs); coverage of claims in 3+ articles {self.coverage_3plus:.2f} "
            f"({len(self.wide_claims)} claims); answers in their claim "
            f"{self.answers_in_claim}/{self.answers_found}; statements found "
            f"{self.found}/{self.statements}; articles not in export {self.unmatched_articles}"
        )


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or error}") from error
    except UnicodeDecodeError as error:
        raise InputError(f"{path} is not UTF-8 text") from error
    try:
        return [json.loads(line) for line in lines if line.strip()]
    except json.JSONDecodeError as error:
        raise InputError(f"{path}: line {error.lineno} is not JSON") from error


ARTICLE_FIELDS = ("id", "text")
GOLD_FIELDS = ("id", "statements")
GOLD_STATEMENT_FIELDS = ("msg", "claim", "stance")


def check_fields(
    records: Iterable[Mapping[str, Any]], path: Path, fields: tuple[str, ...], kind: str,
) -> None:
    """A record without a field the scoring reads is an InputError naming the file, the record
    and the field (a statements file given as gold was a KeyError with a traceback)."""
    for number, record in enumerate(records, start=1):
        missing = [field for field in fields if field not in record]
        statements = record.get("statements") if kind == "gold" else None
        if not missing and isinstance(statements, list):
            missing = [f"statements[{index}].{field}"
                       for index, statement in enumerate(statements)
                       for field in GOLD_STATEMENT_FIELDS
                       if not isinstance(statement, dict) or field not in statement][:1]
        if missing:
            expected = ", ".join(fields) + (
                f" (each with {', '.join(GOLD_STATEMENT_FIELDS)})" if kind == "gold" else "")
            raise InputError(f"{path}: record {number} has no {missing[0]!r}; {kind} records "
                             f"of claims have {expected}")


def claim_of(attribution: Mapping[str, Any]) -> Any:
    for key in CLAIM_KEYS:
        value = attribution.get(key)
        if isinstance(value, dict):
            value = value.get("id")
        if value is not None:
            return value
    return None


def match_statements(
    text: str, messages: Sequence[str], quotes: Sequence[Sequence[tuple[int, int]]]
) -> dict[int, int]:
    """Gold message index -> predicted quote index: overlap of at least half the shorter,
    one to one, the largest overlaps first."""
    candidates = []
    for index, message in enumerate(messages):
        start = text.find(message)
        if start < 0:
            continue
        end = start + len(message)
        for other, spans in enumerate(quotes):
            overlap = sum(max(0, min(end, b) - max(start, a)) for a, b in spans)
            length = sum(b - a for a, b in spans) or 1
            if overlap and overlap >= 0.5 * min(end - start, length):
                candidates.append((overlap, index, other))
    candidates.sort(reverse=True)
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs: dict[int, int] = {}
    for _, index, other in candidates:
        if index in used_gold or other in used_predicted:
            continue
        used_gold.add(index)
        used_predicted.add(other)
        pairs[index] = other
    return pairs


def gold_statements(
    articles: Iterable[Mapping[str, Any]], gold: Iterable[Mapping[str, Any]],
    exported: Iterable[Mapping[str, Any]],
) -> tuple[list[GoldStatement], int]:
    """Each gold statement with whether it was found and its predicted claim, and how many
    articles the export lacks."""
    by_id = {article["id"]: article for article in articles}
    by_url: dict[Any, Mapping[str, Any]] = {}
    by_text: dict[str, Mapping[str, Any]] = {}
    for entry in exported:
        by_url[entry.get("url")] = entry
        by_text[(entry.get("text") or "").strip()] = entry
    rows: list[GoldStatement] = []
    unmatched = 0
    for labelled in gold:
        article_id = labelled["id"]
        article = by_id[article_id]
        entry = by_url.get(article.get("url")) or by_text.get(article["text"].strip())
        statements = labelled["statements"]
        if entry is None:
            unmatched += 1
            rows.extend(GoldStatement(article_id, s["claim"], s["stance"], False)
                        for s in statements)
            continue
        predicted = entry.get("attributions", [])
        quotes = [
            [tuple(span) for span in (p.get("quote") or {}).get("spans") or []]
            for p in predicted
        ]
        pairs = match_statements(entry["text"], [s["msg"] for s in statements], quotes)
        for index, statement in enumerate(statements):
            found = index in pairs
            claim = claim_of(predicted[pairs[index]]) if found else None
            rows.append(
                GoldStatement(article_id, statement["claim"], statement["stance"], found, claim)
            )
    return rows, unmatched


def score_claims(
    articles: Iterable[Mapping[str, Any]], gold: Iterable[Mapping[str, Any]],
    exported: Iterable[Mapping[str, Any]],
) -> ClaimScores:
    rows, unmatched = gold_statements(articles, gold, exported)
    tp = fp = fn = both_found = 0
    for first, second in itertools.combinations(rows, 2):
        if first.article == second.article:
            continue
        same_gold = first.claim == second.claim
        same_predicted = first.predicted is not None and first.predicted == second.predicted
        tp += same_gold and same_predicted
        fp += (not same_gold) and same_predicted
        fn += same_gold and not same_predicted
        both_found += same_gold and first.found and second.found
    by_claim: dict[str, list[GoldStatement]] = {}
    for row in rows:
        by_claim.setdefault(row.claim, []).append(row)
    found_in: Counter[Any] = Counter(row.predicted for row in rows if row.predicted is not None)
    results = []
    for claim, members in by_claim.items():
        predicted = Counter(row.predicted for row in members if row.predicted is not None)
        best, held = predicted.most_common(1)[0] if predicted else (None, 0)
        if held < 2:  # a predicted claim holding one statement of it gathers nothing
            best, held = None, 0
        articles_of_claim = len({row.article for row in members})
        answers = [row for row in members if row.stance in ANSWERS and row.found]
        if articles_of_claim < 2:
            answers = []
        results.append(ClaimResult(
            claim=claim, articles=articles_of_claim, statements=len(members),
            found=sum(row.found for row in members), best=best,
            coverage=held / len(members),
            purity=held / found_in[best] if best is not None else 0.0,
            answers=len(answers),
            answers_in_claim=sum(best is not None and row.predicted == best for row in answers),
        ))
    return ClaimScores(
        pairs_tp=tp, pairs_fp=fp, pairs_fn=fn, pairs_both_found=both_found,
        statements=len(rows), found=sum(row.found for row in rows),
        unmatched_articles=unmatched, claims=results,
    )


def evaluate_claims(
    articles_path: Path, gold_path: Path, *, settings: Any = None, engine: str | None = None,
) -> ClaimScores:
    """Ingest the articles into a fresh temporary archive, link claims, score the export."""
    from quellenlage.archive import Archive
    from quellenlage.claims import link_claims

    articles = read_jsonl(articles_path)
    check_fields(articles, articles_path, ARTICLE_FIELDS, "articles")
    gold = read_jsonl(gold_path)
    check_fields(gold, gold_path, GOLD_FIELDS, "gold")
    missing = sorted({labelled["id"] for labelled in gold} - {a["id"] for a in articles})
    if missing:
        raise InputError(f"{gold_path}: {len(missing)} articles not in {articles_path}, "
                         f"first {missing[0]!r}")
    with (
        tempfile.TemporaryDirectory(prefix="quellenlage-claims-") as folder,
        Archive(f"sqlite:///{Path(folder) / 'claims.db'}") as archive,
    ):
        archive.ingest([str(articles_path)], engine=engine)
        link_claims(archive.engine, settings)
        exported = [stored.to_dict() for stored in archive.articles()]
    return score_claims(articles, gold, exported)
