"""Training a crfsuite model with progress reports; shared by the taggers the project trains."""

from __future__ import annotations

from collections.abc import Callable

import pycrfsuite

Progress = Callable[[str, int, int], None]
"""Called as progress(stage, done, total) while training."""


class ProgressTrainer(pycrfsuite.Trainer):  # type: ignore[misc]
    """A crfsuite trainer that reports each L-BFGS iteration instead of printing its log.

    crfsuite calls the `on_*` hooks only when `verbose` is set, so it is set and every hook but
    `on_iteration` stays silent.
    """

    def __init__(self, stage: str, total: int, progress: Progress | None) -> None:
        super().__init__(verbose=True)
        self.stage = stage
        self.total = total
        self.progress = progress
        self.done = 0

    def on_iteration(self, log: str, info: dict[str, object]) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress(self.stage, min(self.done, self.total), self.total)

    def _silent(self, log: str, *args: object) -> None:
        return None

    on_start = on_featgen_progress = on_featgen_end = _silent
    on_prepared = on_prepare_error = on_optimization_end = on_end = _silent
