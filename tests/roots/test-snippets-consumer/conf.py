# Another site that reads the blog's objects.inv; the test sets intersphinx_mapping.
extensions = ["myst_parser", "sphinx.ext.intersphinx", "extensions.snippets"]
exclude_patterns = ["_build"]
