"""Another Sphinx site links to the blog's snippets through objects.inv (intersphinx)."""

from __future__ import annotations

from snippets_helpers import built, soup, warnings_of


def test_another_site_links_to_snippets_through_intersphinx(tmp_path):
    for blog in built("snippets-basic", tmp_path / "blog"):
        inventory = str(blog.outdir / "objects.inv")
    mapping = {"blog": ("https://blog.example/", inventory)}
    for other in built(
        "snippets-consumer",
        tmp_path / "other",
        confoverrides={"intersphinx_mapping": mapping, "nitpicky": True},
    ):
        assert warnings_of(other) == []
        hrefs = [a["href"] for a in soup(other, "index.html").select("a.reference.external")]
        assert hrefs == [
            "https://blog.example/first.html#snippet-counter",
            "https://blog.example/first.html#snippet-bump",
        ]
        # another site's snippets are not this site's uses
        assert other.env.domains["snippets"].records == {}
