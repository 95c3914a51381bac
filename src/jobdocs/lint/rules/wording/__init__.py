"""W — wording: amounts, gender-coded words, empty, vague, long and repeated items."""
