"""The user's files: paths and config.yaml, state, themes, the library folder, watching files."""
