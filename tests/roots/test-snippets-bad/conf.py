extensions = ["myst_parser", "extensions.snippets"]
exclude_patterns = ["_build"]
