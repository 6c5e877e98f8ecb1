"""Batch analysis for corpora past one archive: local processes or a Spark job write Parquet,
and `load` imports it into an archive."""
