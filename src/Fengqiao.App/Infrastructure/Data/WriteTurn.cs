namespace Fengqiao.Infrastructure.Data;

/// <summary>
/// Turns for the app's steady background writers (the Open311 group commit, the audit sealer) on SQLite, which has one
/// writer at a time. A writer that finds SQLite's lock taken sleeps in growing steps (SQLite's busy handler: 1, 2, 5,
/// 10, 15, 20, 25 ms …), so a report batch that met the sealer's transaction of a few milliseconds waited 80 ms, once a
/// second, and that was the p99 of Open311 intake. Writers that take their turn here wait exactly as long as the one
/// before them, in order. PostgreSQL locks rows, not the database, and takes no turns.
/// </summary>
public sealed class WriteTurn(DatabaseOptions options) : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>Waits for the turn (SQLite only); disposing the result gives it back.</summary>
    public async ValueTask<Turn> TakeAsync(CancellationToken ct)
    {
        if (options.Provider != DatabaseProvider.Sqlite)
        {
            return default;
        }
        await _turn.WaitAsync(ct);
        return new Turn(_turn);
    }

    public void Dispose() => _turn.Dispose();

    public readonly struct Turn(SemaphoreSlim? held) : IDisposable
    {
        public void Dispose() => held?.Release();
    }
}
