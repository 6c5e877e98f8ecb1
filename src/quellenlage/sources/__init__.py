"""Sources and channels: who a speaker span refers to, and where the statement was made."""

from quellenlage.sources.channel import find_channel, find_channels
from quellenlage.sources.resolve import ArticleSources, resolve_sources

__all__ = ["ArticleSources", "find_channel", "find_channels", "resolve_sources"]
