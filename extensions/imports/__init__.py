"""Imports: bring a whole blog (NimblePublisher, Jekyll or Hugo) into ``posts/``.

Not a Sphinx extension: a converter, run as its own process (``make import``,
``python -m extensions.imports``). The pure core reads posts (``detect``, ``nimblepublisher``,
``jekyll`` with ``liquid``, ``hugo`` with ``shortcodes``), settles links and files between
them (``links``, ``references``, ``markdown``, ``urls``) and renders the result (``plan``);
``files`` and ``cli`` are the only modules that touch the disk. The old addresses it records
(``redirect_from``) are served by ``extensions.redirects``.
"""
