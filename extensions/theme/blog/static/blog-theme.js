/* The blog's small script (deferred; nothing on the page needs it to be read):
   - the theme toggle: light or dark, kept in localStorage (the inline script in <head>
     applies the choice before the first paint);
   - a copy button on every code block;
   - snippet previews: a link to a snippet shows its code on hover or focus (Escape closes). */
(function () {
  "use strict";
  var root = document.documentElement;
  var KEY = "blog-theme";

  /* -- light and dark ---------------------------------------------------------------- */
  var toggle = document.querySelector(".theme-toggle");
  var systemDark = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  function isDark() {
    var chosen = root.getAttribute("data-theme");
    if (chosen) return chosen === "dark";
    return !!(systemDark && systemDark.matches);
  }
  function showState() {
    if (toggle) toggle.setAttribute("aria-pressed", isDark() ? "true" : "false");
  }
  if (toggle) {
    toggle.hidden = false;
    showState();
    toggle.addEventListener("click", function () {
      var next = isDark() ? "light" : "dark";
      root.setAttribute("data-theme", next);
      try { localStorage.setItem(KEY, next); } catch (e) { /* private mode: this page only */ }
      showState();
    });
    if (systemDark && systemDark.addEventListener) systemDark.addEventListener("change", showState);
  }

  /* -- copy buttons -------------------------------------------------------------------- */
  function codeText(pre) {
    var copy = pre.cloneNode(true);
    copy.querySelectorAll(".linenos, .gp, .go").forEach(function (el) { el.remove(); });
    return copy.textContent.replace(/\n$/, "");
  }
  if (document.body.getAttribute("data-copy-buttons") === "on" && navigator.clipboard) {
    document.querySelectorAll("div.highlight > pre").forEach(function (pre) {
      var box = pre.parentNode;
      var button = document.createElement("button");
      var status = document.createElement("span");
      button.type = "button";
      button.className = "copy-button";
      button.textContent = "Copy";
      button.setAttribute("aria-label", "Copy the code");
      status.className = "visually-hidden";
      status.setAttribute("role", "status");
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(codeText(pre)).then(function () {
          button.textContent = "Copied";
          status.textContent = "Code copied";
          setTimeout(function () { button.textContent = "Copy"; status.textContent = ""; }, 2000);
        }, function () {
          status.textContent = "Could not copy";
        });
      });
      box.classList.add("has-copy-button");
      box.appendChild(button);
      box.appendChild(status);
    });
  }

  /* -- snippet previews ------------------------------------------------------------------ */
  var sources = {};
  document.querySelectorAll("template.snippet-preview-source").forEach(function (t) {
    sources[t.getAttribute("data-snippet")] = t;
  });
  var count = 0;
  document.querySelectorAll("a.reference .snippet").forEach(function (label) {
    var link = label.closest("a");
    var anchor = decodeURIComponent((link.getAttribute("href") || "").split("#")[1] || "");
    var source = sources[anchor];
    if (!source) return;
    var tip = null;
    var hideTimer = null;
    function build() {
      tip = document.createElement("div");
      tip.id = "snippet-preview-" + (++count);
      tip.className = "snippet-preview";
      tip.setAttribute("role", "tooltip");
      tip.hidden = true;
      var caption = document.createElement("p");
      caption.className = "snippet-preview-caption";
      caption.textContent = source.getAttribute("data-caption");
      tip.appendChild(caption);
      tip.appendChild(source.content.cloneNode(true));
      tip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
      tip.addEventListener("mouseleave", hideSoon);
      document.body.appendChild(tip);
      var described = link.getAttribute("aria-describedby");
      link.setAttribute("aria-describedby", (described ? described + " " : "") + tip.id);
    }
    function show() {
      clearTimeout(hideTimer);
      if (!tip) build();
      tip.hidden = false;
      var box = link.getBoundingClientRect();
      var room = document.documentElement.clientWidth;
      tip.style.left = Math.max(8, Math.min(box.left, room - tip.offsetWidth - 8)) + window.scrollX + "px";
      tip.style.top = box.bottom + window.scrollY + 6 + "px";
    }
    function hide() { if (tip) tip.hidden = true; }
    function hideSoon() { clearTimeout(hideTimer); hideTimer = setTimeout(hide, 200); }
    link.addEventListener("mouseenter", show);
    link.addEventListener("mouseleave", hideSoon);
    link.addEventListener("focus", show);
    link.addEventListener("blur", hide);
    link.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && tip && !tip.hidden) { hide(); event.preventDefault(); }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") hide();
    });
  });
})();
