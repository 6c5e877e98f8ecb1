"""The layout of interviews printed as questions and answers: a label with a colon opens each
turn ("Frage: ...", "STANDARD: ...", "Berger: ..."). Extraction drops the interviewer's turns;
source resolution gives an answer to the person its label or the interview names."""

from __future__ import annotations

import re

# a one-word label after the end of a sentence or line: "Frage:", "Berger:"
INTERVIEW_LABEL = re.compile(r"(?:^|(?<=[.?!…“”\n]))\s*([A-ZÄÖÜ][\w-]+):\s")
INTERVIEWER_LABELS = frozenset({"frage", "standard", "f", "interview"})
ANSWER_LABELS = frozenset({"antwort", "a"})
