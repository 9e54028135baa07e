"""Our Sphinx extensions, one package per blog capability."""
