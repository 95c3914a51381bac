"""S — syntax and schema: YAML, keys, types, translations, the standard sections."""
