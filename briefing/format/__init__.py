"""The file format and reading it: the declaration of its records, reading YAML within
budgets, the loader, dates, quotes, text cleaning, diagnostics and the JSON Schema."""
