defmodule Counter.Helpers do
  # bump:start
  def bump(pid), do: GenServer.call(pid, :bump)
  def read(pid), do: GenServer.call(pid, :read)
  # bump:end
end
