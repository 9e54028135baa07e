def test_sitemap_pages_are_the_html_pages_but_assets_and_excluded_ones():
    from extensions.feeds.publish import sitemap_pages

    files = [
        "index.html",
        "posts/a.html",
        "_static/x.html",
        "404.html",
        ".doctrees/x.html",
        "feeds/tag/x/atom.xml",
        "blog/tag/elixir.html",
        "style.css",
    ]
    assert sitemap_pages(files, ["404.html"]) == [
        "blog/tag/elixir.html",
        "index.html",
        "posts/a.html",
    ]


def test_sitemap_xml_is_absolute_escaped_and_can_use_directory_urls():
    from extensions.feeds.publish import sitemap_xml

    xml = sitemap_xml("https://x.org/b/", ["index.html", "a&b/index.html"], directory_urls=True)
    assert b"<loc>https://x.org/b/</loc>" in xml and b"<loc>https://x.org/b/a&amp;b/</loc>" in xml
    assert xml.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns=')
