"""The trained engine: CRF taggers learned from annotated articles (`quellenlage train`)."""

from quellenlage.attribution.trained.engine import (
    TrainedModel,
    default_model_dir,
    extract_trained,
    load_model,
)
from quellenlage.attribution.trained.training import TrainingSettings, train_model

__all__ = [
    "TrainedModel",
    "TrainingSettings",
    "default_model_dir",
    "extract_trained",
    "load_model",
    "train_model",
]
