"""A fast tagger of part of speech, case and mood: one linear-chain CRF (python-crfsuite).

Each token gets one label that joins a coarse part of speech with the case of nominal words
("DET.Dat", "NOUN.Dat") or the mood of finite verbs ("VFIN.Subj1"). Joining them lets the CRF's
label transitions carry agreement within a noun phrase: the determiner, the adjectives and the
noun of "der neuen Zeitung" take one case together.

What decides that case is often the determiner together with the noun's gender and number:
"der Sprecher" is nominative, "der Zeitung" dative or genitive. So each determiner shares with
the tokens up to its noun a feature that joins the determiner's form with the noun's gender
class ("dg=der|Fem"), looked up in a small table learned from the training corpus (noun forms,
then noun endings: "-ung" is feminine).

The model is trained on the Redewiedergabe corpus (`quellenlage train-tagger`, see
text/tagger_training.py) and ships as a crfsuite file with a JSON file of the words, noun
genders and determiners it knows, both in data/models/tagger/.

Speed: the features of a word depend on the word alone and are cached per word form as UTF-8
bytes (crfsuite takes them as they are); a sentence costs one list concatenation per token and
one crfsuite call.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pycrfsuite

from quellenlage.errors import DataFormatError
from quellenlage.resources import data_path, read_lines

MODEL_DIR = ("models", "tagger")
MODEL_FILE = "tagger.crfsuite"
VOCABULARY_FILE = "tagger.json"
FORMAT_VERSION = 1

# the coarse parts of speech; the first five carry a case, VFIN a mood
NOUN, DET, PRON, REL, ADJ = "NOUN", "DET", "PRON", "REL", "ADJ"
VFIN, VINF, ADV, ADP, CCONJ, SCONJ = "VFIN", "VINF", "ADV", "ADP", "CCONJ", "SCONJ"
PART, NUM, PUNCT, X = "PART", "NUM", "PUNCT", "X"
CASED = frozenset({NOUN, DET, PRON, REL, ADJ})
CASES = ("Nom", "Gen", "Dat", "Acc")
# Ind, Konjunktiv I ("sei", "habe", "gebe"), Konjunktiv II ("wäre", "hätte", "würde"), Imp
MOODS = ("Ind", "Subj1", "Subj2", "Imp")

QUOTE_CHARACTERS = frozenset("„»‚\"'“‘«‹›”’")
NEIGHBOUR_OFFSETS = (-2, -1, 1, 2)
NOUN_LOOKAHEAD = 4  # a determiner finds its noun among the next tokens
GENDER_SUFFIX_LENGTHS = (5, 4, 3)
_WORD_CACHE_LIMIT = 200_000


@dataclass(frozen=True, slots=True)
class Tag:
    """One token's reading: `pos` from the coarse set above, `case` for nominal words
    (None when the tagger gives none), `mood` for finite verbs."""

    pos: str
    case: str | None = None
    mood: str | None = None

    @classmethod
    def from_label(cls, label: str) -> Tag:
        pos, _, value = label.partition(".")
        if pos == VFIN:
            return cls(pos, None, value or None)
        return cls(pos, value or None, None)

    @property
    def label(self) -> str:
        value = self.case or self.mood
        return f"{self.pos}.{value}" if value else self.pos


def word_form(word: str) -> str:
    """The form the features see: lower case, every quotation mark as one `"`."""
    if word in QUOTE_CHARACTERS:
        return '"'
    return word.lower()


def word_shape(word: str) -> str:
    """Xx (capitalised), x (lower case), X (all capitals), d (digits), a mix with `-`, or p."""
    if word.isalpha():
        if word.isupper() and len(word) > 1:
            return "X"
        return "Xx" if word[0].isupper() else "x"
    if word[:1].isdigit():
        return "d"
    if any(char.isalnum() for char in word):
        return "Xx-" if word[0].isupper() else "x-"
    return "p"


@cache
def subjunctive_forms() -> frozenset[str]:
    """The Konjunktiv forms of the lexicons (lower case)."""
    return frozenset(form.lower() for name in ("subjunctive.txt", "subjunctive_forms.txt")
                     for form in read_lines("lexicons", name))


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """What the features draw on, learned from the training corpus.

    `words`: forms that are features of their own (rarer ones are described by suffix and
    shape); `genders`: noun forms and noun endings ("~ung") -> gender class (Masc, Fem, Neut,
    Pl); `determiners`: forms that open a noun phrase; `attributes`: every attribute the model
    has weights for (None while training: keep every feature); `subjunctive`: verb forms that
    can be Konjunktiv I or II (data/lexicons/subjunctive*.txt: the word list the rules use), a
    feature for verbs too rare in the corpus to have weights of their own ("erachte")."""

    words: frozenset[str]
    genders: dict[str, str]
    determiners: frozenset[str]
    attributes: frozenset[str] | None = None
    subjunctive: frozenset[str] = field(default_factory=subjunctive_forms)

    def gender(self, form: str) -> str:
        """The gender class of a noun form, from the form itself or else its ending."""
        known = self.genders.get(form)
        if known is not None:
            return known
        for length in GENDER_SUFFIX_LENGTHS:
            known = self.genders.get("~" + form[-length:])
            if known is not None:
                return known
        return "?"


class _Entry:
    """What one word contributes: its own features, those it lends each neighbour offset, and
    for a determiner its shape alone (its agreement feature stands for its word)."""

    __slots__ = ("bare", "determiner", "form", "gender", "lent", "noun", "own")

    def __init__(self, form: str, own: tuple[bytes, ...], lent: tuple[tuple[bytes, ...], ...],
                 determiner: bool, gender: str | None) -> None:
        self.form = form
        self.own = own
        self.lent = lent
        self.determiner = determiner
        self.noun = gender is not None
        self.gender = gender  # the gender class of a capitalised word, read as a noun
        self.bare = tuple(f for f in own if f.startswith(b"sh=")) if determiner else own


_EDGE = tuple((f"{offset}w=<s>".encode(),) for offset in NEIGHBOUR_OFFSETS)
_FIRST = b"first"


class Features:
    """Per-token features of sentences, with each word's part cached per word form."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self._cache: dict[str, _Entry] = {}
        # (determiner, gender class) -> its features on the determiner and after it
        self._agreements: dict[tuple[str, str], tuple[bytes | None, bytes | None]] = {}

    def entry(self, word: str) -> _Entry:
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        vocabulary = self.vocabulary
        form = word_form(word)
        shape = word_shape(word)
        known = form in vocabulary.words
        own = ["sh=" + shape]
        if known:
            own.append("w=" + form)
        if form in vocabulary.subjunctive:
            own.append("subj")
        if len(form) > 2 and shape != "p":
            own.append("s3=" + form[-3:])
            if not known:
                own.append("s4=" + form[-4:])
        # a neighbour is its word when the model knows it, else its ending and shape
        described = form if known else form[-3:] + "|" + shape
        lent = tuple(self._encoded([f"{offset}w={described}"]) for offset in NEIGHBOUR_OFFSETS)
        noun = shape.startswith("Xx") or shape == "X"
        entry = _Entry(form, self._encoded(own), lent, form in vocabulary.determiners,
                       vocabulary.gender(form) if noun else None)
        if len(self._cache) < _WORD_CACHE_LIMIT:
            self._cache[word] = entry
        return entry

    def _encoded(self, features: list[str]) -> tuple[bytes, ...]:
        known = self.vocabulary.attributes
        return tuple(f.encode() for f in features if known is None or f in known)

    def items(self, words: list[str]) -> list[list[bytes]]:
        """One feature list per word of a sentence: its own, then what its neighbours at
        -2, -1, +1, +2 lend it (one step past either end, the sentence edge)."""
        cache = self._cache
        entries = [cache.get(word) or self.entry(word) for word in words]
        count = len(entries)
        if not count:
            return []
        lent = [entry.lent for entry in entries]
        before2 = ([(), _EDGE[0]] + [parts[0] for parts in lent])[:count]
        before1 = ([_EDGE[1]] + [parts[1] for parts in lent])[:count]
        after1 = [parts[2] for parts in lent[1:]] + [_EDGE[2]]
        after2 = ([parts[3] for parts in lent[2:]] + [_EDGE[3], ()])[-count:]
        items = [[*entry.own, *a, *b, *c, *d]
                 for entry, a, b, c, d in zip(entries, before2, before1, after1, after2,
                                              strict=True)]
        items[0].append(_FIRST)
        self._agreement(entries, items)
        return items

    def _agreement(self, entries: list[_Entry], items: list[list[bytes]]) -> None:
        """Join each determiner with the gender class of the noun it opens: the words after
        it up to the noun get "dg=<determiner>|<class>", the determiner itself "ddg=...",
        which replaces its word, whose weights would speak for its commonest case whatever
        the noun ("der" is mostly nominative, "der Zeitung" never)."""
        count = len(entries)
        for i in [i for i, entry in enumerate(entries) if entry.determiner]:
            entry = entries[i]
            for j in range(i + 1, min(count, i + 1 + NOUN_LOOKAHEAD)):
                following = entries[j]
                if following.noun:
                    own, shared = self._agreement_features(entry.form, following.gender)
                    if own is not None:
                        items[i] = [*entry.bare, *items[i][len(entry.own):], own]
                    if shared is not None:
                        for k in range(i + 1, j + 1):
                            items[k].append(shared)
                    break
                if following.determiner or not following.form[:1].isalpha():
                    break

    def _agreement_features(self, determiner: str, gender: str | None
                            ) -> tuple[bytes | None, bytes | None]:
        """("ddg=der|Fem", "dg=der|Fem") as bytes, each None when the model has no weights."""
        key = (determiner, gender or "?")
        found = self._agreements.get(key)
        if found is None:
            known = self.vocabulary.attributes
            shared = f"dg={determiner}|{gender}"
            found = tuple(  # type: ignore[assignment]
                None if known is not None and feature not in known else feature.encode()
                for feature in ("d" + shared, shared))
            self._agreements[key] = found  # type: ignore[assignment]
        return found  # type: ignore[return-value]


class Tagger:
    """A trained model, loaded once: `tag(words)` gives one `Tag` per word of a sentence."""

    def __init__(self, model_dir: Path) -> None:
        model_file = model_dir / MODEL_FILE
        vocabulary_file = model_dir / VOCABULARY_FILE
        try:
            meta = json.loads(vocabulary_file.read_text(encoding="utf-8"))
            if meta.get("format") != FORMAT_VERSION:
                raise DataFormatError(f"{vocabulary_file}: tagger format {meta.get('format')}, "
                                      f"expected {FORMAT_VERSION}")
            vocabulary = Vocabulary(frozenset(meta["words"]), dict(meta["genders"]),
                                    frozenset(meta["determiners"]), frozenset(meta["attributes"]))
        except (OSError, KeyError, TypeError, ValueError) as error:
            raise DataFormatError(f"{vocabulary_file}: cannot read the tagger ({error})") from None
        self.features = Features(vocabulary)
        self._crf = pycrfsuite.Tagger()
        try:
            self._crf.open(str(model_file))
        except (OSError, ValueError) as error:
            raise DataFormatError(f"{model_file}: cannot open the tagger ({error})") from None
        self._tags = {label: Tag.from_label(label) for label in self._crf.labels()}

    def labels(self, words: list[str]) -> list[str]:
        """The label of each word of one sentence ("DET.Dat", "VFIN.Subj1", "PUNCT")."""
        if not words:
            return []
        return self._crf.tag(self.features.items(words))

    def tag(self, words: list[str]) -> list[Tag]:
        tags = self._tags
        return [tags[label] for label in self.labels(words)]


@cache
def default_tagger() -> Tagger:
    """The tagger shipped with the package, loaded on first use."""
    return Tagger(data_path(*MODEL_DIR))
