"""The shipped gazetteer: states and their metonyms, organisations, outlets, people, first names,
role nouns and the nouns of vague sources, loaded once from data/gazetteer/ and shared by all
articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from quellenlage.resources import read_lines, read_table

GAZETTEER = "gazetteer"
_MISSING = object()


@dataclass(frozen=True, slots=True)
class Entry:
    """What a surface in the text names: a state, an organisation, an outlet or a person."""

    name: str
    kind: str  # state | organisation | media | person
    gender: str | None = None  # grammatical (f|m|n|pl) for states etc., natural for persons
    detail: str | None = None  # media type, state form (capital, seat ...) or a person's role
    state: str | None = None  # the state a person's office belongs to


@dataclass(frozen=True, slots=True)
class RoleNoun:
    """A role noun form: its masculine lemma, the gender the form shows, and its class."""

    lemma: str
    gender: str | None  # male | female | None (adjectival: the article decides)
    role_class: str  # office | profession | generic | adjectival | relation
    form: str
    whole_word: bool = False
    plural: bool = False  # "Journalisten", "Virologinnen": several people of that role


class SuffixTable:
    """Lower-case endings of words mapped to values; the longest matching ending wins."""

    CACHE_LIMIT = 200_000  # words seen; German news vocabulary repeats, so lookups are cached

    def __init__(self, entries: dict[str, object]) -> None:
        self.entries = entries
        self.lengths = sorted({len(key) for key in entries}, reverse=True)
        self.cache: dict[str, tuple[str, object] | None] = {}

    def match(self, word: str) -> tuple[str, object] | None:
        cached = self.cache.get(word, self)
        if cached is not self:
            return cached  # type: ignore[return-value]
        found = self._match(word)
        if len(self.cache) < self.CACHE_LIMIT:
            self.cache[word] = found
        return found

    def _match(self, word: str) -> tuple[str, object] | None:
        lower = word.lower()
        size = len(lower)
        for length in self.lengths:
            if length <= size:
                value = self.entries.get(lower[size - length :])
                if value is not None:
                    return lower[size - length :], value
        return None


@dataclass(frozen=True)
class Gazetteer:
    surfaces: dict[str, Entry]
    surface_pattern: re.Pattern[str]
    quoted_media_pattern: re.Pattern[str]  # "der „Kurier“": an everyday word in quotation marks
    common_words: frozenset[str]  # outlets named by everyday words: "Presse", "Welt", "Heute"
    adjective_states: tuple[tuple[str, str], ...]
    adjective_stems: dict[str, str]  # the same, looked up by stem
    state_genders: dict[str, str]
    first_names: dict[str, str]
    roles: SuffixTable
    source_nouns: SuffixTable
    organisation_nouns: SuffixTable
    wrappers: SuffixTable
    media_surfaces: tuple[str, ...]
    platform_surfaces: tuple[str, ...]
    role_endings: SuffixTable
    role_exclusions: tuple[str, ...]
    role_others: tuple[str, ...]  # offices never held by someone named without them
    family_first: frozenset[str]  # family names written first: "Wang" (Wenbin)
    role_cache: dict[str, RoleNoun | None]
    party_names: dict[str, frozenset[str]]  # a party's canonical name -> itself (parties.tsv)
    party_stems: dict[str, frozenset[str]]  # "freiheitlich", "sozialdemokrat" -> the parties

    def lookup(self, surface: str) -> Entry | None:
        """The entry for an exact surface, also in the genitive ("Selenskyjs", "Russlands")."""
        entry = self.surfaces.get(surface)
        if entry is None and len(surface) > 3 and surface[-1] == "s":
            entry = self.surfaces.get(surface[:-1])
            if entry is None and surface.endswith("es"):
                entry = self.surfaces.get(surface[:-2])
        return entry

    def state_of_adjective(self, word: str) -> str | None:
        """The state of a nationality adjective: "ukrainischen" -> Ukraine (the stem and at most
        two letters of ending, the longest stem first)."""
        lower = word.lower()
        for cut in (0, 1, 2):
            state = self.adjective_stems.get(lower[: len(lower) - cut])
            if state is not None:
                return state
        return None

    def parties_of(self, word: str) -> frozenset[str] | None:
        """The parties a word names: a party ("SPD", "Grünen"), or a party adjective or member
        noun ("freiheitlichen", "Sozialdemokratin": the stem and at most five letters of ending).
        None for any other word."""
        entry = self.lookup(word)
        if entry is not None:
            return self.party_names.get(entry.name) if entry.kind == "organisation" else None
        lower = word.lower()
        for cut in range(6):
            parties = self.party_stems.get(lower[: len(lower) - cut])
            if parties is not None:
                return parties
        return None

    def adjective_of_state(self, state: str) -> str | None:
        """The nationality adjective of a state, uninflected with -e: Russland -> "russische"."""
        for stem, name in self.adjective_states:
            if name == state:
                return stem + "e"
        return None

    def first_name_before(self, word: str, following: str) -> bool:
        """Whether a place name is a first name here, before a surname: "Riad Haddad",
        "Sofia Petrova"."""
        return bool(self.first_names.get(word)) and following[:1].isupper() and (
            following.isalpha() and self.lookup(following) is None
            and self.role(following) is None and self.organisation_nouns.match(following) is None
        )

    def family_name_first(self, words: list[str]) -> bool:
        """Whether a name of two or three words opens with its family name: "Wang Wenbin",
        "Li Fei", "Kim Jong Un" (family_name_first.txt)."""
        return 2 <= len(words) <= 3 and words[0] in self.family_first and all(
            word[:1].isupper() and self.lookup(word) is None and self.role(word) is None
            for word in words[1:])

    def first_name_gender(self, word: str) -> str | None:
        """The gender of a first name; a double name ("Hans-Peter", "Anna-Lena") takes that of
        its last part when every part is a first name."""
        gender = self.first_names.get(word)
        if gender is None and "-" in word:
            parts = word.split("-")
            if len(parts) == 2 and all(self.first_names.get(part) for part in parts):
                return self.first_names[parts[-1]]
        return gender

    def role(self, word: str) -> RoleNoun | None:
        """The role noun a capitalised word is: a listed one (role_nouns.tsv), or else one known
        by a person-noun ending (role_suffixes.tsv): "Biochemikerin", "Kolumnisten"."""
        if not word[:1].isupper() and not word[:1].isdigit():
            return None
        cached = self.role_cache.get(word, _MISSING)
        if cached is not _MISSING:
            return cached  # type: ignore[return-value]
        role = (self._listed_role(word) or self._listed_plural(word)
                or self._listed_genitive(word) or self._role_by_ending(word))
        if len(self.role_cache) < SuffixTable.CACHE_LIMIT:
            self.role_cache[word] = role
        return role

    def role_by_ending_only(self, word: str) -> bool:
        """Whether a word is a role noun only by its ending, listed nowhere ("Lindqvist" ends
        like "Pianist"; after a first name it is a surname)."""
        return self.role(word) is not None and not (
            self._listed_role(word) or self._listed_plural(word) or self._listed_genitive(word))

    def _listed_role(self, word: str) -> RoleNoun | None:
        found = self.roles.match(word)
        if found is None:
            return None
        ending, role = found
        if role.whole_word and len(ending) < len(word) and word[-len(ending) - 1] != "-":  # type: ignore[attr-defined]
            return None
        return role  # type: ignore[return-value]

    def _listed_plural(self, word: str) -> RoleNoun | None:
        """ "Kandidaten", "Experten", "Ministern": a listed masculine role with a plural (or
        weak oblique) ending; the article decides later whether it is one person or several.
        Also the plurals in -e and -er, with the umlaut German puts on the stem: "Funktionäre",
        "Kommissare", "Ärzte", "Anwälte", "Landräte", "Obmänner" ("-er" only with an umlaut:
        otherwise it is the singular's own ending)."""
        for ending in ("en", "n", "e", "er"):
            if not word.endswith(ending) or len(word) <= len(ending) + 3:
                continue
            stem = word[: -len(ending)]
            bases = [stem] if ending in {"en", "n"} else [stem, _without_umlaut(stem)]
            for base in bases[1:] if ending == "er" else bases:
                role = self._listed_role(base) if base else None
                if role is not None and role.gender == "male" and base.lower().endswith(
                    role.lemma.lower()
                ):
                    return RoleNoun(base, "male", role.role_class, word, False, plural=True)
        return None

    def _listed_genitive(self, word: str) -> RoleNoun | None:
        """ "des Investigativreporters", "des Ministers": a listed masculine role in the
        genitive singular."""
        if not word.endswith("s") or len(word) <= 5:
            return None
        role = self._listed_role(word[:-1])
        if role is None or role.gender != "male" or not word[:-1].lower().endswith(
            role.lemma.lower()
        ):
            return None
        return role

    def _role_by_ending(self, word: str) -> RoleNoun | None:
        found = self.role_endings.match(word)
        if found is None:
            return None
        ending, (lemma_ending, gender, plural, role_class, min_stem) = found  # type: ignore[misc]
        stem = word[: len(word) - len(ending)]
        if len(stem.rsplit("-", 1)[-1]) < min_stem or not stem[:1].isupper():
            return None
        lower = word.lower()
        if any(lower.endswith(excluded) for excluded in self.role_exclusions):
            return None
        lemma = stem + lemma_ending
        listed = self._listed_role(lemma)  # "des Präsidenten": the office Präsident
        if listed is not None:
            role_class = listed.role_class
        return RoleNoun(lemma, gender, role_class, word, False, plural)


UMLAUTS = {"ä": "a", "ö": "o", "ü": "u", "Ä": "A", "Ö": "O", "Ü": "U"}


def _without_umlaut(stem: str) -> str | None:
    """The stem with its last vowel un-umlauted ("Anwält" -> "Anwalt", "Männ" -> "Mann"), or
    None where its last vowel (a diphthong's "u" aside) has no umlaut."""
    for position in range(len(stem) - 1, -1, -1):
        char = stem[position]
        if char in UMLAUTS:
            return stem[:position] + UMLAUTS[char] + stem[position + 1 :]
        diphthong = char == "u" and position > 0 and stem[position - 1] == "ä"  # "Häus"
        if char in "aeiouAEIOU" and not diphthong:
            return None
    return None


def trie_pattern(words: list[str] | tuple[str, ...]) -> str:
    """A regular expression matching any of `words`, built as a trie: Python's re tries an
    alternation branch by branch, so shared prefixes make the scan of every article faster."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        ends = "" in node
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return "(?:" + emit(trie) + ")"


def _variants(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip() and part.strip() != "-"]


@cache
def time_nouns() -> frozenset[str]:
    """Nouns of time (data/lexicons/time_nouns.txt): the phrases they head date a statement,
    they never speak; read by extraction and source resolution alike."""
    return frozenset(read_lines("lexicons", "time_nouns.txt"))


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer, read once per process."""
    surfaces: dict[str, Entry] = {}
    adjective_states: list[tuple[str, str]] = []
    state_genders: dict[str, str] = {}
    for surface, state, form, gender in read_table(GAZETTEER, "states.tsv"):
        if form == "adjective":
            adjective_states.append((surface.lower(), state))
            continue
        surfaces[surface] = Entry(state, "state", None if gender == "-" else gender, form)
        if form == "state":
            state_genders.setdefault(state, gender)
    for surface, name, gender in read_table(GAZETTEER, "organisations.tsv"):
        surfaces.setdefault(surface, Entry(name, "organisation", gender))
    media_surfaces: list[str] = []
    platform_surfaces: list[str] = []
    common_words: set[str] = set()
    for surface, name, media_type, common_word, gender in read_table(GAZETTEER, "media.tsv"):
        surfaces.setdefault(surface, Entry(name, "media", None if gender == "-" else gender,
                                           media_type))
        (platform_surfaces if media_type == "platform" else media_surfaces).append(surface)
        if common_word == "yes":
            common_words.add(surface)
    for name, gender, role, state, variants in read_table(GAZETTEER, "people.tsv"):
        entry = Entry(name, "person", gender, None if role == "-" else role,
                      None if state == "-" else state)
        for surface in [name, *_variants(variants)]:
            surfaces[surface] = entry

    first_names: dict[str, str] = {}
    excluded = set(read_lines(GAZETTEER, "first_names_exclude.txt"))
    for name, gender in read_table(GAZETTEER, "first_names.tsv"):
        if name not in excluded:
            first_names[name] = gender
    for name, gender in read_table(GAZETTEER, "first_names_extra.tsv"):
        first_names[name] = gender

    role_forms: dict[str, object] = {}
    for masculine, feminine, role_class, match in read_table(GAZETTEER, "role_nouns.tsv"):
        female = masculine + "in" if feminine == "+" else feminine
        whole = match == "word"
        if role_class == "adjectival":
            for form in (female, female + "r", female + "n"):
                role_forms[form.lower()] = RoleNoun(masculine, None, role_class, form, whole)
            continue
        if female == masculine:  # "Mitglied": one form for both, the noun shows no gender
            role_forms[masculine.lower()] = RoleNoun(masculine, None, role_class, masculine, whole)
            continue
        role_forms[masculine.lower()] = RoleNoun(masculine, "male", role_class, masculine, whole)
        if masculine == female + "r":  # "der Gesandte" and "die Gesandte": declined as an
            # adjective, the form in -e shows no gender; the article decides
            role_forms[female.lower()] = RoleNoun(masculine, None, role_class, female, whole)
            continue
        role_forms[female.lower()] = RoleNoun(masculine, "female", role_class, female, whole)
        role_forms[(female + "nen").lower()] = RoleNoun(
            masculine, "female", role_class, female, whole, plural=True
        )

    role_endings: dict[str, object] = {}
    for masculine, feminine, plural, role_class, min_stem in read_table(
        GAZETTEER, "role_suffixes.tsv"
    ):
        stem_length = int(min_stem)
        for form, gender, is_plural in (
            (plural, "male", plural != masculine), (feminine + "nen", "female", True),
            (feminine, "female", False), (masculine, "male", False),
        ):  # masculine last: "-iker" is both singular and plural, the article decides
            role_endings[form] = (masculine, gender, is_plural, role_class, stem_length)

    party_names: dict[str, frozenset[str]] = {}
    party_stems: dict[str, frozenset[str]] = {}
    for word, parties in read_table(GAZETTEER, "parties.tsv"):
        named = frozenset(parties.split(","))
        (party_stems if word.islower() else party_names)[word] = named

    def suffixes(name: str) -> SuffixTable:
        return SuffixTable({row[0].lower(): row[1:] for row in read_table(GAZETTEER, name)})

    # The article-wide scan leaves out outlets named by everyday words ("die Welt", "Zeit").
    alternatives = sorted((s for s in surfaces if s not in common_words), key=len, reverse=True)
    surface_pattern = re.compile(r"(?<![\w-])" + trie_pattern(alternatives) + r"(?:s|es)?(?![\w-])")
    quoted_media_pattern = re.compile(
        r"(?<=[„“\"»«‚‘'])" + trie_pattern(sorted(common_words)) + r"(?:s|es)?(?=[“”\"«»‘’'])")
    return Gazetteer(
        surfaces=surfaces,
        surface_pattern=surface_pattern,
        quoted_media_pattern=quoted_media_pattern,
        common_words=frozenset(common_words),
        adjective_states=tuple(sorted(adjective_states, key=lambda p: -len(p[0]))),
        adjective_stems=dict(reversed(adjective_states)),  # the first listed stem wins
        state_genders=state_genders,
        first_names=first_names,
        roles=SuffixTable(role_forms),
        source_nouns=suffixes("source_nouns.tsv"),
        organisation_nouns=suffixes("organisation_nouns.tsv"),
        wrappers=suffixes("wrapper_nouns.tsv"),
        media_surfaces=tuple(media_surfaces),
        platform_surfaces=tuple(platform_surfaces),
        role_endings=SuffixTable(role_endings),
        role_exclusions=read_lines(GAZETTEER, "role_suffixes_exclude.txt"),
        role_others=read_lines(GAZETTEER, "role_nouns_others.txt"),
        family_first=frozenset(read_lines(GAZETTEER, "family_name_first.txt")),
        role_cache={},
        party_names=party_names,
        party_stems=party_stems,
    )
