"""Mail merge: one spec and a spreadsheet in, one document per row out."""
