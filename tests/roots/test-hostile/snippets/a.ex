defmodule A do\nend
