using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Fengqiao.Features.Households;
using Fengqiao.Infrastructure.Backup;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Privacy;
using Fengqiao.Tests.Infrastructure;
using Fengqiao.Tools.Commands;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Fengqiao.Tests.Reliability;

/// <summary>
/// Backup of the running system (residents keep reporting meanwhile) and restore onto an empty database, as on a
/// fresh machine: the restored tables hash exactly to the backed-up snapshot, and the encrypted ID numbers decrypt
/// with the key ring that came with the backup.
/// </summary>
public abstract class BackupTests(FengqiaoApp app)
{
    private string AppConnection => app.Services.GetRequiredService<IConfiguration>().GetConnectionString(DatabaseSetup.ConnectionName)!;

    [Fact]
    public async Task ABackupOfTheRunningSystemRestoresOntoAnEmptyDatabaseWithTheSameTablesAndReadableSecrets()
    {
        var officer = await app.ClientAsync("demo.officer");
        Assert.SkipWhen(app.Provider == DatabaseProvider.Postgres && PgTools.Find("pg_dump") is null && !TestEnvironment.IsCi,
            "pg_dump is not installed (scripts/test-services.sh installs PostgreSQL with its client programs).");
        var id = NewId();
        var phone = "139" + Random.Shared.Next(10000000, 99999999).ToString(CultureInfo.InvariantCulture);
        var created = await officer.PostAsJsonAsync("/api/households", new
        {
            address = "重庆路120号 备份测试楼2单元301", areaCode = "220104001001002", phone, tags = "ElderlyAlone",
            members = new[] { new { name = "孙桂兰", idNumber = id, phone, relation = "Head" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var member = Assert.Single((await created.Content.ReadFromJsonAsync<HouseholdDto>(Api.Json))!.Members);

        var work = Directory.CreateTempSubdirectory("fengqiao-backup-").FullName;
        var backup = Path.Combine(work, "backup");
        var log = new StringWriter();
        string? restoredDatabase = null;
        try
        {
            // Residents keep reporting while the backup runs: it must not need the system stopped.
            using var stop = new CancellationTokenSource();
            var load = ReportWhileAsync(stop.Token);
            var backedUp = await BackupCommands.BackupAsync(app.Services, backup, log);
            await stop.CancelAsync();
            var answers = await load;
            Assert.True(backedUp is 0, log.ToString());
            Assert.All(answers, status => Assert.True((int)status < 500, $"a report during the backup answered {(int)status}"));
            var manifest = (await BackupManifest.ReadAsync(backup, CancellationToken.None))!;
            Assert.True(File.Exists(Path.Combine(backup, manifest.DataFile)));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(backup, "privacy-keys.json")));
            }

            // A fresh machine: an empty database, no keys in configuration, only a key file path.
            string target;
            (target, restoredDatabase) = await EmptyDatabaseAsync(work);
            var keyFile = Path.Combine(work, "fresh", "privacy-keys.json");
            await using (var fresh = Node(target, keyFile, work))
            {
                var restored = await BackupCommands.RestoreAsync(fresh.Services, backup, log);
                Assert.True(restored is 0, log.ToString());
                // A second restore onto what is now a full database is refused.
                Assert.Equal(2, await BackupCommands.RestoreAsync(fresh.Services, backup, log));
            }

            // Started again (as the app would be), the node reads the restored key file.
            await using var node = Node(target, keyFile, work);
            var hashes = new StringWriter();
            Assert.Equal(0, await BackupCommands.ExportHashAsync(node.Services, hashes));
            Assert.Contains($"TOTAL {manifest.ExportHash}", hashes.ToString(), StringComparison.Ordinal);
            Assert.Contains(manifest.Tables, t => t.Table == "Residents" && t.Rows > 0);
            Assert.Contains(manifest.Tables, t => t.Table == "AspNetUsers" && t.Rows > 0);

            await using var scope = node.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var cipher = await db.Residents.IgnoreQueryFilters().Where(r => r.Id == member.Id).Select(r => r.IdCipher).SingleAsync();
            Assert.Equal(await CipherAsync(member.Id), cipher);
            Assert.Equal(id, scope.ServiceProvider.GetRequiredService<FieldProtector>().Unprotect(cipher));
        }
        finally
        {
            await DropAsync(restoredDatabase);
            SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The stored ciphertext of a resident in the original database.</summary>
    private async Task<string> CipherAsync(int residentId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        return await db.Residents.IgnoreQueryFilters().Where(r => r.Id == residentId).Select(r => r.IdCipher).SingleAsync();
    }

    /// <summary>Open311 reports, one after another, until the backup is done (at most 40, within the per-key limit).</summary>
    private async Task<List<HttpStatusCode>> ReportWhileAsync(CancellationToken stop)
    {
        var client = await app.ClientAsync(null);
        var answers = new List<HttpStatusCode>();
        while (!stop.IsCancellationRequested && answers.Count < 40)
        {
            var response = await client.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["api_key"] = FengqiaoApp.Open311Key, ["service_code"] = "tip", ["description"] = $"备份期间的群众反映 {answers.Count}",
                ["lat"] = "43.887", ["long"] = "125.3076",
            }), CancellationToken.None);
            answers.Add(response.StatusCode);
        }
        return answers;
    }

    /// <summary>
    /// The app's services on a database without starting the app (which would migrate SQLite and refuse an unmigrated
    /// PostgreSQL): what the restore command gets when run from the command line.
    /// </summary>
    private WebApplication Node(string connection, string keyFile, string contentRoot)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = contentRoot });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = app.Provider.ToString(),
            ["ConnectionStrings:Fengqiao"] = connection,
            ["Privacy:KeyFile"] = keyFile,
            ["Demo:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddDatabase();
        builder.AddPrivacy();
        return builder.Build();
    }

    /// <summary>A database with nothing in it: a new SQLite path, or a new PostgreSQL database on the same server.</summary>
    private async Task<(string Connection, string? PostgresDatabase)> EmptyDatabaseAsync(string work)
    {
        if (app.Provider == DatabaseProvider.Sqlite)
        {
            return ($"Data Source={Path.Combine(work, "fresh", "fengqiao.db")}", null);
        }
        var name = $"fq_restore_{Environment.ProcessId}_{Guid.NewGuid():N}";
        await ServerAsync($"CREATE DATABASE \"{name}\"");
        return (new NpgsqlConnectionStringBuilder(AppConnection) { Database = name }.ConnectionString, name);
    }

    private async Task DropAsync(string? database)
    {
        if (database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ServerAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    private async Task ServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(AppConnection) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static int _next = Random.Shared.Next(0, 3000);

    /// <summary>A valid ID number no one else in the database has (Chaoyang District, Beijing; a birth date of its own).</summary>
    private static string NewId()
    {
        var birth = new DateOnly(1955, 1, 1).AddDays(Interlocked.Increment(ref _next));
        var first17 = "110105" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "731";
        return first17 + ChineseIdNumber.CheckChar(first17);
    }
}

public sealed class SqliteBackupTests(SqliteApp app) : BackupTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresBackupTests(PostgresApp app) : BackupTests(app), IClassFixture<PostgresApp>;
