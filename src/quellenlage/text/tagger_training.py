"""Training the part-of-speech, case and mood tagger on the Redewiedergabe corpus.

The corpus (`../shared/data/redewiedergabe/tsv`, CC BY-NC-SA 4.0) has one sample a file and one
token a line; we read the spelling normalised to modern German (`normtok`) and RFTagger's fine
morphology (`rfpos`: `N.Reg.Dat.Sg.Fem`, `VFIN.Sein.3.Sg.Pres.Subj`), from which each token's
label is built (`label_of`). Sentences follow the corpus's `sentstart` column.

Samples, not tokens, are held out (every tenth in file order), so no sentence of a held-out
text is seen in training. Newspaper and other non-fiction samples are repeated `nonfiction_weight`
times: the tagger reads news, half the corpus is fiction.

Deterministic: samples are read in sorted order, features are built in token order, and
crfsuite's L-BFGS has no random state; the same corpus and settings give the same files.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pycrfsuite

from quellenlage.errors import InputError
from quellenlage.text.crf_training import Progress, ProgressTrainer
from quellenlage.text.tagger import (
    ADJ,
    ADP,
    ADV,
    CASED,
    CCONJ,
    DET,
    FORMAT_VERSION,
    GENDER_SUFFIX_LENGTHS,
    MODEL_FILE,
    NOUN,
    NUM,
    PART,
    PRON,
    PUNCT,
    REL,
    SCONJ,
    VFIN,
    VINF,
    VOCABULARY_FILE,
    Features,
    Tag,
    Tagger,
    Vocabulary,
    X,
    word_form,
)

HELD_OUT_EVERY = 10  # sample i is held out when i % HELD_OUT_EVERY == 0 (sorted file names)
_CASE_VALUES = frozenset({"Nom", "Gen", "Dat", "Acc"})
_ADP_HEADS = frozenset({"APPR", "APPRART", "APPO", "APZR"})
_ADV_HEADS = frozenset({"ADV", "ADJD", "PROADV"})


@dataclass(frozen=True, slots=True)
class CorpusSentence:
    words: list[str]
    labels: list[str]
    genders: list[str | None]  # the gender class of each noun (Masc, Fem, Neut, Pl)


@dataclass(frozen=True, slots=True)
class Sample:
    name: str
    nonfiction: bool
    sentences: list[CorpusSentence]


def label_of(rfpos: str, word: str) -> str:
    """The tagger's label of a corpus token from its RFTagger morphology."""
    if not any(char.isalnum() for char in word):
        return PUNCT  # the corpus tags quotation marks as nouns or numbers
    parts = rfpos.split(".")
    head = parts[0]
    if head == "VFIN":
        if parts[-1] == "Subj":
            return f"{VFIN}.Subj2" if parts[-2] == "Past" else f"{VFIN}.Subj1"
        return f"{VFIN}.Ind"
    if head == "VIMP":
        return f"{VFIN}.Imp"
    pos = _coarse(head, parts)
    if pos in CASED:
        case = next((p for p in parts[1:] if p in _CASE_VALUES), None)
        return f"{pos}.{case}" if case else pos
    return pos


def _coarse(head: str, parts: list[str]) -> str:
    if head == "N":
        return NOUN  # RFTagger's names and common nouns differ little but in spelling
    if head == "ART":
        return DET
    if head == "PRO":
        kind = parts[2] if len(parts) > 2 else ""
        if parts[1] == "Rel" and kind == "Subst":
            return REL
        return DET if kind == "Attr" else PRON
    if head == "ADJA":
        return ADJ
    if head in _ADV_HEADS:
        return ADV
    if head in _ADP_HEADS:
        return ADP
    if head == "CONJ":
        return SCONJ if parts[1:2] in (["SubFin"], ["SubInf"]) else CCONJ
    if head in ("VINF", "VPP"):
        return VINF
    return {"PART": PART, "CARD": NUM, "SYM": PUNCT}.get(head, X)


def read_samples(corpus: Path) -> list[Sample]:
    """Every sample of the corpus folder (`tsv/` of Redewiedergabe), sorted by file name."""
    metadata = corpus / "metadata.tsv"
    if not metadata.is_file():
        raise InputError(f"{corpus}: no metadata.tsv; give the redewiedergabe tsv folder")
    with metadata.open(encoding="utf-8", newline="") as handle:
        fiction = {row["file"]: row["fictional"] == "yes"
                   for row in csv.DictReader(handle, delimiter="\t")}
    samples = []
    for name in sorted(fiction):
        samples.append(Sample(name, not fiction[name], _read_sentences(corpus / name)))
    return samples


def gender_class(rfpos: str) -> str | None:
    """Masc, Fem, Neut or Pl for a noun ("N.Reg.Dat.Sg.Fem" -> Fem), else None."""
    parts = rfpos.split(".")
    if parts[0] != "N" or len(parts) < 5:
        return None
    if parts[3] == "Pl":
        return "Pl"
    return parts[4] if parts[4] in ("Masc", "Fem", "Neut") else None


def _read_sentences(path: Path) -> list[CorpusSentence]:
    sentences: list[CorpusSentence] = []
    words: list[str] = []
    labels: list[str] = []
    genders: list[str | None] = []
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(rows)
        for row in rows:
            if len(row) < 6:
                continue
            original, normalised, _, _, rfpos, sentstart = row[:6]
            word = _word(original, normalised)
            if sentstart == "yes" and words:
                sentences.append(CorpusSentence(words, labels, genders))
                words, labels, genders = [], [], []
            words.append(word)
            labels.append(label_of(rfpos, word))
            genders.append(gender_class(rfpos))
    if words:
        sentences.append(CorpusSentence(words, labels, genders))
    return sentences


def _word(original: str, normalised: str) -> str:
    """The modern spelling, with the quotation marks the corpus writes as `&quot;` restored."""
    if normalised == "&quot;" or not normalised:
        return original
    if normalised == "--":
        return "–"
    return normalised


def split(samples: list[Sample]) -> tuple[list[Sample], list[Sample]]:
    """(training samples, held-out samples): every tenth sample is held out."""
    train = [s for i, s in enumerate(samples) if i % HELD_OUT_EVERY]
    held_out = [s for i, s in enumerate(samples) if not i % HELD_OUT_EVERY]
    return train, held_out


@dataclass(frozen=True, slots=True)
class TaggerSettings:
    c1: float = 0.2
    c2: float = 0.01
    iterations: int = 100
    min_word_count: int = 3  # rarer words are described by suffix and shape only
    nonfiction_weight: int = 2


MIN_GENDER_SHARE = 0.8  # a noun ending names a gender class when this share of its nouns have it
MIN_GENDER_ENDING_NOUNS = 5
MIN_DETERMINER_SHARE = 0.5
MIN_DETERMINER_COUNT = 20


def learn_vocabulary(samples: list[Sample], min_count: int) -> Vocabulary:
    """The words, noun genders and determiners the features draw on, from training samples."""
    sentences = [sentence for sample in samples for sentence in sample.sentences]
    counts: Counter[str] = Counter()
    determiner_counts: Counter[str] = Counter()
    genders: dict[str, Counter[str]] = {}
    for sentence in sentences:
        for word, label, gender in zip(sentence.words, sentence.labels, sentence.genders,
                                       strict=True):
            form = word_form(word)
            counts[form] += 1
            if label.startswith(DET):
                determiner_counts[form] += 1
            if gender is not None and word[:1].isupper():
                keys = [form] + ["~" + form[-n:] for n in GENDER_SUFFIX_LENGTHS if len(form) > n]
                for key in keys:
                    genders.setdefault(key, Counter())[gender] += 1
    determiners = frozenset(
        form for form, count in determiner_counts.items()
        if count >= MIN_DETERMINER_COUNT and count >= MIN_DETERMINER_SHARE * counts[form])
    gender_table = {}
    for key, classes in genders.items():
        gender, count = max(sorted(classes.items()), key=lambda item: item[1])
        total = sum(classes.values())
        if key.startswith("~"):
            if total >= MIN_GENDER_ENDING_NOUNS and count >= MIN_GENDER_SHARE * total:
                gender_table[key] = gender
        elif counts[key] >= min_count:
            gender_table[key] = gender
    words = frozenset(form for form, count in counts.items() if count >= min_count)
    return Vocabulary(words, gender_table, determiners)


@dataclass
class Accuracy:
    """Correct and total per attribute over held-out tokens."""

    correct: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)

    def add(self, gold: Tag, predicted: Tag) -> None:
        self._count("label", gold.label == predicted.label)
        self._count("pos", gold.pos == predicted.pos)
        if gold.case:
            self._count("case (nominal words)", gold.case == predicted.case)
        if gold.pos == NOUN:
            self._count("case (nouns)", gold.case == predicted.case)
        if gold.mood:
            self._count("mood (finite verbs)", gold.mood == predicted.mood)
            self._count("mood Ind/Subj (finite verbs)",
                        _is_subj(gold.mood) == _is_subj(predicted.mood))
        if gold.mood in ("Subj1", "Subj2"):
            self._count("Subj recall", _is_subj(predicted.mood))
        if predicted.mood in ("Subj1", "Subj2"):
            self._count("Subj precision", _is_subj(gold.mood))

    def _count(self, key: str, right: bool) -> None:
        self.total[key] += 1
        self.correct[key] += right

    def figures(self) -> dict[str, float]:
        return {key: round(100 * self.correct[key] / self.total[key], 2) for key in self.total}


def _is_subj(mood: str | None) -> bool:
    return mood in ("Subj1", "Subj2")


def evaluate(tagger: Tagger, samples: Iterable[Sample]) -> Accuracy:
    accuracy = Accuracy()
    for sample in samples:
        for sentence in sample.sentences:
            for gold, predicted in zip(sentence.labels, tagger.labels(sentence.words),
                                       strict=True):
                accuracy.add(Tag.from_label(gold), Tag.from_label(predicted))
    return accuracy


def train_tagger(corpus: Path, out: Path, settings: TaggerSettings | None = None,
                 progress: Progress | None = None) -> dict[str, object]:
    """Train on the corpus's training samples, write the model to `out`, and return the
    held-out figures (also written into the model's JSON file)."""
    settings = settings or TaggerSettings()
    samples = read_samples(corpus)
    train, held_out = split(samples)
    vocabulary = learn_vocabulary(train, settings.min_word_count)
    features = Features(vocabulary)
    trainer = ProgressTrainer("training", settings.iterations, progress)
    trainer.set_params({"c1": settings.c1, "c2": settings.c2,
                        "max_iterations": settings.iterations,
                        "feature.possible_transitions": True})
    for sample in train:
        repeat = settings.nonfiction_weight if sample.nonfiction else 1
        for sentence in sample.sentences:
            items = features.items(sentence.words)
            for _ in range(repeat):
                trainer.append(items, sentence.labels)
    out.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out / MODEL_FILE))
    attributes = _attributes_with_weights(out / MODEL_FILE)
    meta: dict[str, object] = {
        "format": FORMAT_VERSION,
        "settings": asdict(settings),
        "trained_on": {"samples": len(train), "held_out_samples": len(held_out),
                       "tokens": sum(len(s.words) for t in train for s in t.sentences)},
        "words": sorted(vocabulary.words),
        "genders": dict(sorted(vocabulary.genders.items())),
        "determiners": sorted(vocabulary.determiners),
        "attributes": sorted(attributes),
    }
    _write_json(out / VOCABULARY_FILE, meta)
    tagger = Tagger(out)
    meta["held_out"] = evaluate(tagger, held_out).figures()
    meta["held_out_nonfiction"] = evaluate(
        tagger, [s for s in held_out if s.nonfiction]).figures()
    _write_json(out / VOCABULARY_FILE, meta)
    return meta


def _attributes_with_weights(model: Path) -> frozenset[str]:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    return frozenset(attribute for attribute, _ in tagger.info().state_features)


def _write_json(path: Path, data: dict[str, object]) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n",
                    encoding="utf-8")


@dataclass(frozen=True, slots=True)
class SentenceCheck:
    """Accuracy on hand-labelled sentences: the case of noun phrases (by their head token, and
    by the chunk that starts at the phrase) and the mood of finite verbs."""

    phrases: int
    head_case_right: int
    chunk_right: int
    verbs: int
    mood_right: int
    subjunctive_right: int  # Ind vs Konjunktiv (I or II)
    errors: tuple[str, ...]

    def summary(self) -> str:
        return (f"case of {self.phrases} phrases {_percent(self.head_case_right, self.phrases)} "
                f"(chunk and case {_percent(self.chunk_right, self.phrases)}), mood of "
                f"{self.verbs} finite verbs {_percent(self.mood_right, self.verbs)} "
                f"(Ind vs Konjunktiv {_percent(self.subjunctive_right, self.verbs)})")


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} %" if whole else "–"


def check_sentences(lines: Iterable[str], tagger: Tagger | None = None) -> SentenceCheck:
    """Score the tagger on sentences in JSON lines: {"text", "phrases": [[words, case], ...],
    "verbs": [[word, mood], ...]}, phrases and verbs in text order."""
    from quellenlage.text.document import Document
    from quellenlage.text.morphology import Morphology

    counts = Counter()
    errors: list[str] = []
    for line in lines:
        if not line.strip():
            continue
        record = json.loads(line)
        document = Document(record["text"])
        morphology = Morphology(document, tagger)
        starts = {token.start: token.index for token in document.tokens}
        ends = {token.end: token.index for token in document.tokens}
        position = 0
        for words, case in record["phrases"]:
            at = _find(record["text"], words, position, starts, ends)
            position = at + len(words)
            first, last = starts[at], ends[at + len(words)] + 1
            chunk = morphology.chunk_at(first)
            head = chunk.head if chunk is not None and first <= chunk.head < last else last - 1
            counts["phrases"] += 1
            counts["head"] += morphology.case(head) == case
            exact = chunk is not None and (chunk.start, chunk.end) == (first, last)
            counts["chunk"] += exact and chunk.case == case
            if morphology.case(head) != case or not exact:
                found = "-" if chunk is None else document.text[
                    document.tokens[chunk.start].start : document.tokens[chunk.end - 1].end]
                errors.append(f"{words!r} {case}: head {document.tokens[head].text!r} "
                              f"{morphology.case(head)}, chunk {found!r} "
                              f"{chunk.case if chunk else None}")
        position = 0
        for word, mood in record["verbs"]:
            at = _find(record["text"], word, position, starts, ends)
            position = at + len(word)
            index = starts[at]
            predicted = morphology.mood(index)
            counts["verbs"] += 1
            counts["mood"] += predicted == mood
            counts["subjunctive"] += morphology.is_subjunctive(index) == (mood != "Ind")
            if predicted != mood:
                errors.append(f"{word!r} {mood}: {predicted} in {record['text']!r}")
    return SentenceCheck(counts["phrases"], counts["head"], counts["chunk"], counts["verbs"],
                         counts["mood"], counts["subjunctive"], tuple(errors))


def _find(text: str, words: str, position: int, starts: dict[int, int], ends: dict[int, int]
          ) -> int:
    """Where `words` next stands in `text` from `position` as whole tokens."""
    at = text.index(words, position)
    while at not in starts or at + len(words) not in ends:
        at = text.index(words, at + 1)
    return at
