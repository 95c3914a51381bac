"""X — the linter itself: crashed rules and suppression comments."""
