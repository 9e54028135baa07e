"""Code highlighting for an Elixir blog: lexers for the fence names Elixir developers use."""
