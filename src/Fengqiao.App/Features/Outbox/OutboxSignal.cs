namespace Fengqiao.Features.Outbox;

/// <summary>A nudge from a commit that carried messages to the worker, so that delivery starts now rather than at the next poll.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _poke = new(0, 1);

    public void Poke()
    {
        try
        {
            _poke.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already nudged: one wake-up is enough.
        }
    }

    /// <summary>Waits for a nudge or the poll interval, whichever is first.</summary>
    public Task WaitAsync(TimeSpan poll, CancellationToken ct) => _poke.WaitAsync(poll, ct);

    public void Dispose() => _poke.Dispose();
}
