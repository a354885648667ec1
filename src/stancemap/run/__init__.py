"""Engines that map the per-document stage over many documents: local (this process) and Dask."""
