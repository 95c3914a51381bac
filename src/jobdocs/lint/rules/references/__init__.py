"""R — references and inheritance: files named by a spec, and `extends`."""
