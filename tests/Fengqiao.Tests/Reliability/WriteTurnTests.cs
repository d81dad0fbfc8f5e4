using Fengqiao.Infrastructure.Data;

namespace Fengqiao.Tests.Reliability;

/// <summary>
/// The background writers' turns on SQLite (<see cref="WriteTurn"/>): one at a time, in the order they asked, and a
/// writer that gives up waiting does not keep the others out. PostgreSQL takes no turns.
/// </summary>
public sealed class WriteTurnTests
{
    [Fact]
    public async Task OnSqliteWritersTakeTheirTurnsOneAtATimeInOrder()
    {
        using var turns = new WriteTurn(new DatabaseOptions { Provider = DatabaseProvider.Sqlite });
        var first = await turns.TakeAsync(CancellationToken.None);
        var second = turns.TakeAsync(CancellationToken.None).AsTask();
        var third = turns.TakeAsync(CancellationToken.None).AsTask();
        await Task.Delay(100);
        Assert.False(second.IsCompleted, "the second writer went while the first still held the turn");

        first.Dispose();
        var secondTurn = await second.WaitAsync(TimeSpan.FromSeconds(5));
        await Task.Delay(100);
        Assert.False(third.IsCompleted, "the third writer went while the second held the turn");

        secondTurn.Dispose();
        (await third.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task AWriterThatGivesUpWaitingLeavesTheTurnToTheNext()
    {
        using var turns = new WriteTurn(new DatabaseOptions { Provider = DatabaseProvider.Sqlite });
        var first = await turns.TakeAsync(CancellationToken.None);
        using var giveUp = new CancellationTokenSource();
        var impatient = turns.TakeAsync(giveUp.Token).AsTask();
        var patient = turns.TakeAsync(CancellationToken.None).AsTask();
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient);

        first.Dispose();
        (await patient.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task OnPostgresWritersDoNotWaitForEachOther()
    {
        using var turns = new WriteTurn(new DatabaseOptions { Provider = DatabaseProvider.Postgres });
        using var first = await turns.TakeAsync(CancellationToken.None);
        var second = turns.TakeAsync(CancellationToken.None);
        Assert.True(second.IsCompleted);
    }
}
