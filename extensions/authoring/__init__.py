"""Authoring: ``make post TITLE="..."`` puts a new post one command away.

Not a Sphinx extension (it has no ``setup()`` and is not listed in ``conf.py``): a command,
run as its own process (``make post``, ``python -m extensions.authoring``), like
``extensions.imports``. The pure core makes the file name (``slug``) and the file
(``scaffold``); ``cli`` is the only module that reads ``conf.py``, the clock and the
environment, or writes to the disk.
"""
