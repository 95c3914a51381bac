"""Which files ``jobdocs lint`` reads: see :mod:`jobdocs.discovery`, shared with every
command that takes folders."""

from jobdocs.discovery import SPEC_SUFFIXES, looks_like_spec, spec_files

__all__ = ["SPEC_SUFFIXES", "looks_like_spec", "spec_files"]
