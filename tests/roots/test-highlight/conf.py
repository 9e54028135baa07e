extensions = ["myst_parser", "extensions.highlight"]
exclude_patterns = ["_build"]
