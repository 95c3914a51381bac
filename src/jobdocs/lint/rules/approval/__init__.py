"""A — approval and signatures: who approved and agreed, and when."""
