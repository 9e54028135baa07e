"""Links in feed content: taken from the rendered page and made absolute; the 404 page."""

from __future__ import annotations

from extensions.feeds.links import absolutise, absolutise_page, post_content, text_summary

PAGE_URL = "https://example.org/blog/posts/2024/hello.html"

PAGE = """<!DOCTYPE html>
<html lang="en" data-content_root="../../"><head>
<link rel="stylesheet" href="../../_static/basic.css" />
<script src="../../_static/doctools.js"></script></head>
<body><div class="sphinxsidebar"><a href="../../index.html">Home</a></div>
<div class="body" role="main">
<section id="hello">
<h1>Hello<a class="headerlink" href="#hello" title="Link">¶</a></h1>
<div class="post-meta">12 May 2024 · Ana Lima</div>
<p>See <a href="other.html">the other post</a>, <a href="#part">a part</a>,
<a href="../../blog/tag/python.html">a tag</a>, <a href="/about.html">about</a>,
<a href="https://python.org/">Python</a>, <a href="mailto:a@b.c">mail</a> and
<a href="//cdn.example/x.js">cdn</a>.</p>
<p><img src="../../_images/pic.png" alt="pic"
  srcset="../../_images/pic.png 1x, ../../_images/pic@2x.png 2x"></p>
<section id="part"><h2>Part<a class="headerlink" href="#part">¶</a></h2>
<p>1 &lt; 2 &amp; ]]&gt;</p></section>
</section>
<nav class="post-nav"><a href="older.html">older</a></nav>
</div></body></html>"""


def test_post_content_keeps_the_body_only():
    content = post_content(PAGE, PAGE_URL)
    assert content is not None
    assert "<h1" not in content and "post-meta" not in content
    assert "headerlink" not in content and "post-nav" not in content
    assert "sphinxsidebar" not in content and "older" not in content
    assert "<h2>Part</h2>" in content
    assert "1 &lt; 2 &amp; ]]&gt;" in content


def test_every_link_and_image_becomes_absolute():
    content = post_content(PAGE, PAGE_URL) or ""
    assert 'href="https://example.org/blog/posts/2024/other.html"' in content
    assert 'href="https://example.org/blog/posts/2024/hello.html#part"' in content
    assert 'href="https://example.org/blog/blog/tag/python.html"' in content
    assert 'href="https://example.org/about.html"' in content
    assert 'href="https://python.org/"' in content
    assert 'href="mailto:a@b.c"' in content
    assert 'href="//cdn.example/x.js"' in content
    assert 'src="https://example.org/blog/_images/pic.png"' in content
    assert (
        "https://example.org/blog/_images/pic.png 1x, "
        "https://example.org/blog/_images/pic@2x.png 2x"
    ) in content


def test_no_main_block_is_none():
    assert post_content("<html><body><p>x</p></body></html>", PAGE_URL) is None


def test_absolutise_fragment():
    assert absolutise('<a href="x.html">x</a> &amp; <img src="i.png">', PAGE_URL) == (
        '<a href="https://example.org/blog/posts/2024/x.html">x</a> &amp; '
        '<img src="https://example.org/blog/posts/2024/i.png">'
    )
    assert absolutise("", PAGE_URL) == ""


def test_summary_is_the_first_paragraph_cut_at_a_word():
    assert text_summary("<p>One two.</p><p>Three.</p>", 100) == "One two."
    long = "<p>" + "word " * 50 + "</p>"
    summary = text_summary(long, 30)
    assert summary.endswith("…") and len(summary) <= 30 and "wor…" not in summary
    assert text_summary("", 10) == ""


def test_404_page_gets_path_absolute_urls():
    page = PAGE.replace("../../", "")  # Sphinx writes 404.html at the root
    fixed = absolutise_page(page, "https://example.org/blog/", "404.html")
    assert 'href="/blog/_static/basic.css"' in fixed
    assert 'src="/blog/_static/doctools.js"' in fixed
    assert 'href="/blog/index.html"' in fixed
    assert 'href="#part"' in fixed and 'href="https://python.org/"' in fixed
    assert 'href="/about.html"' in fixed and 'data-content_root="/blog/"' in fixed
    assert fixed.startswith("<!DOCTYPE html>")
    # running it again changes nothing (incremental builds keep the written 404 page)
    assert absolutise_page(fixed, "https://example.org/blog/", "404.html") == fixed


def test_404_page_in_a_folder():
    fixed = absolutise_page(PAGE, "https://example.org/blog/", "errors/deep/404.html")
    assert 'href="/blog/_static/basic.css"' in fixed
    assert 'href="/blog/posts/2024/other.html"' not in fixed
    assert 'href="/blog/errors/deep/other.html"' in fixed


def test_404_page_at_the_host_root():
    page = '<html data-content_root="./"><body><a href="index.html">x</a></body></html>'
    fixed = absolutise_page(page, "https://example.org", "404.html")
    assert 'href="/index.html"' in fixed and 'data-content_root="/"' in fixed
