using System.Data.Common;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Fengqiao.Tests.Reliability;

/// <summary>
/// Database faults a test switches on and off inside one app node, through EF Core interceptors. The app registers its
/// context as AddDbContext&lt;AppDb, SqliteAppDb|PostgresAppDb&gt;(o =&gt; o.Use…().AddInterceptors(…)); ConfigureDbContext
/// for the same implementation type adds one more options configuration, applied after the app's, and AddInterceptors
/// appends, so the app's own SQLite pragmas still run first on every connection and these run after them.
/// The node has a connection string of its own (same database), hence its own connection pool: a limit set on its
/// connections never reaches the fixture's app.
/// </summary>
public sealed class FaultInjector : IDbConnectionInterceptor, IDbCommandInterceptor
{
    /// <summary>SQLite's defaults, set on every connection once a test has limited them (pooled connections keep pragmas).</summary>
    public const string SqliteUnlimited = "PRAGMA max_page_count = 1073741823; PRAGMA query_only = 0;";

    private volatile string _onOpen = "";
    private volatile string? _insertInto;
    private volatile Func<DbCommand, CancellationToken, Task>? _fault;
    private int _shots;

    /// <summary>A node of the app on the fixture's database, with this injector in its DbContext.</summary>
    public WebApplicationFactory<Program> Node(FengqiaoApp app)
    {
        var own = app.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnectionStringBuilder(ConnectionOf(app)) { DefaultTimeout = 31 }.ToString()
            : new NpgsqlConnectionStringBuilder(ConnectionOf(app)) { ApplicationName = "fengqiao-faults" }.ToString();
        return app.WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Fengqiao", own);
            b.UseSetting("Open311:PostsPerMinute", "1000000");
            b.UseSetting("Supervision:Enabled", "false");
            b.ConfigureTestServices(s =>
            {
                if (app.Provider == DatabaseProvider.Sqlite)
                {
                    s.ConfigureDbContext<SqliteAppDb>(o => o.AddInterceptors(this));
                }
                else
                {
                    s.ConfigureDbContext<PostgresAppDb>(o => o.AddInterceptors(this));
                }
            });
        });
    }

    public static string ConnectionOf(FengqiaoApp app) =>
        app.Services.GetRequiredService<IConfiguration>().GetConnectionString(DatabaseSetup.ConnectionName)!;

    /// <summary>SQL run on every connection the node opens from now on (SQLite pragmas are per connection).</summary>
    public void OnEveryConnection(string sql)
    {
        _onOpen = sql;
        SqliteConnection.ClearAllPools();
    }

    /// <summary>The next <paramref name="times"/> commands that insert into <paramref name="table"/> meet <paramref name="fault"/> first.</summary>
    public void BeforeInsertInto(string table, int times, Func<DbCommand, CancellationToken, Task> fault)
    {
        _insertInto = $"INSERT INTO \"{table}\"";
        Volatile.Write(ref _shots, times);
        _fault = fault;
    }

    public void Clear()
    {
        _fault = null;
        _insertInto = null;
    }

    /// <summary>What SQLite answers when the disk fails under it (SQLITE_IOERR).</summary>
    public static Task IoError(DbCommand command, CancellationToken ct) => Task.FromException(new SqliteException("disk I/O error", 10));

    /// <summary>What PostgreSQL answers when it cannot extend a file (SQLSTATE 53100 disk_full).</summary>
    public static Task DiskFull(DbCommand command, CancellationToken ct) =>
        Task.FromException(new PostgresException("could not extend file: No space left on device", "ERROR", "ERROR", "53100"));

    /// <summary>
    /// Ends the command's own server process from another connection, as a network cut or a server restart would, and
    /// waits until the server has let it go: the command then runs on a dead connection, mid-transaction.
    /// </summary>
    public static Func<DbCommand, CancellationToken, Task> TerminateBackend(string connection) => async (command, ct) =>
    {
        var pid = ((NpgsqlConnection)command.Connection!).ProcessID;
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection) { Pooling = false }.ConnectionString);
        await admin.OpenAsync(ct);
        await using (var kill = new NpgsqlCommand("SELECT pg_terminate_backend($1)", admin))
        {
            kill.Parameters.Add(new NpgsqlParameter { Value = pid });
            await kill.ExecuteScalarAsync(ct);
        }
        for (var i = 0; i < 100; i++)
        {
            await using var alive = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE pid = $1", admin);
            alive.Parameters.Add(new NpgsqlParameter { Value = pid });
            if ((long)(await alive.ExecuteScalarAsync(ct))! == 0)
            {
                return;
            }
            await Task.Delay(50, ct);
        }
    };

    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => RunOnOpen(connection);

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        RunOnOpen(connection);
        return Task.CompletedTask;
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        BeforeAsync(command, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await BeforeAsync(command, cancellationToken);
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        BeforeAsync(command, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await BeforeAsync(command, cancellationToken);
        return result;
    }

    private void RunOnOpen(DbConnection connection)
    {
        var sql = _onOpen;
        if (sql.Length == 0)
        {
            return;
        }
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private Task BeforeAsync(DbCommand command, CancellationToken ct)
    {
        var (fault, insert) = (_fault, _insertInto);
        return fault is null || insert is null || !command.CommandText.Contains(insert, StringComparison.Ordinal)
            || Interlocked.Decrement(ref _shots) < 0
            ? Task.CompletedTask
            : fault(command, ct);
    }
}
