defmodule Counter do
  @moduledoc """
  A process that holds an integer and counts.

  Used in the posts on building a GenServer one callback at a time.
  """
  use GenServer

  # Client API

  @spec start_link(integer(), GenServer.options()) :: GenServer.on_start()
  def start_link(initial \\ 0, opts \\ []) when is_integer(initial) do
    GenServer.start_link(__MODULE__, initial, opts)
  end

  @spec increment(GenServer.server(), integer()) :: :ok
  def increment(counter, by \\ 1) when is_integer(by) do
    GenServer.cast(counter, {:increment, by})
  end

  @spec value(GenServer.server()) :: integer()
  def value(counter) do
    GenServer.call(counter, :value)
  end

  # Server callbacks

  @impl GenServer
  def init(initial), do: {:ok, initial}

  @impl GenServer
  def handle_cast({:increment, by}, count), do: {:noreply, count + by}

  @impl GenServer
  def handle_call(:value, _from, count), do: {:reply, count, count}

  # End of callbacks
end
