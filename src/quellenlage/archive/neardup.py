"""Near-duplicate detection: MinHash over word shingles, with banded locality-sensitive hashing.

Wire copy printed by several outlets differs in a headline, a line or a by-line, not in its body.
Each article gets a MinHash signature of its 5-word shingles; the signature is cut into bands and
every band is hashed to a key kept in the database. Articles that share a band key are candidates;
a candidate whose estimated Jaccard similarity reaches THRESHOLD is a near-duplicate.
With 8 bands of 8 rows, pairs at Jaccard 0.8 become candidates with probability 0.96, pairs at
0.5 with 0.03, so lookups stay cheap.
"""

from __future__ import annotations

import hashlib
from functools import cache

import numpy as np
from datasketch import MinHash

from quellenlage.archive.text_search import WORD

NUM_PERM = 64
BANDS = 8
ROWS = NUM_PERM // BANDS
SHINGLE_WORDS = 5
MIN_WORDS = 25  # below this a shared sentence is not evidence of copied text
THRESHOLD = 0.8
SEED = 20251126


@cache
def _template() -> MinHash:
    # Permutations are derived from the seed; computing them once keeps each article cheap.
    return MinHash(num_perm=NUM_PERM, seed=SEED)


def signature(text: str) -> bytes | None:
    """The MinHash signature of `text` (little-endian uint32), or None for a very short text."""
    words = WORD.findall(text.lower())
    if len(words) < MIN_WORDS:
        return None
    shingles = {
        " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8")
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }
    # datasketch's default hash (the first four bytes of SHA-1, little-endian), computed in one
    # pass instead of one Python call per shingle; the values, and so every stored signature,
    # are the same
    digests = b"".join([hashlib.sha1(shingle).digest()[:4] for shingle in shingles])
    template = _template()
    minhash = MinHash(
        num_perm=NUM_PERM, seed=SEED, hashfunc=int,
        permutations=template.permutations, scheme=template.scheme,
    )
    minhash.update_batch(np.frombuffer(digests, dtype="<u4").tolist())
    return minhash.hashvalues.astype("<u4").tobytes()


def band_keys(signature_bytes: bytes) -> list[int]:
    """One signed 64-bit key per band (the band number is part of the key)."""
    values = np.frombuffer(signature_bytes, dtype="<u4")
    keys = []
    for band in range(BANDS):
        digest = hashlib.blake2b(
            values[band * ROWS : (band + 1) * ROWS].tobytes(), digest_size=8, person=bytes([band])
        ).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def similarity(first: bytes, second: bytes) -> float:
    """Estimated Jaccard similarity of two signatures: the share of equal MinHash values."""
    a = np.frombuffer(first, dtype="<u4")
    b = np.frombuffer(second, dtype="<u4")
    return float(np.count_nonzero(a == b)) / len(a)
