"""Localization: message catalogs and locale helpers (Babel)."""
