using System.CommandLine;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Fengqiao.Infrastructure.Backup;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Fengqiao.Tools.Commands;

/// <summary>
/// The operator commands <c>backup DIR</c>, <c>restore DIR</c> and <c>export-hash</c>. A backup is taken from the
/// running system without stopping it (SQLite's online backup API, or pg_dump on one exported snapshot) and holds the
/// database, the key ring of the encrypted fields and a manifest with the export hash of exactly what was copied.
/// A restore goes only onto an empty database, puts the key ring in place, and succeeds only when the restored tables
/// hash to the manifest's value. Exit codes: 0 done and verified; 1 failed or hashes differ; 2 refused (folder or
/// database not suitable); 3 data restored and verified but the configured keys are not the backup's.
/// </summary>
public static class BackupCommands
{
    public static Command Backup(Func<IServiceProvider> services)
    {
        var dir = new Argument<string>("DIR") { Description = "A new folder for the backup (database, key ring, manifest)." };
        var command = new Command("backup", "Backs up the running system without stopping it, verified by a hash of every table.") { dir };
        command.SetAction((r, _) => BackupAsync(services(), r.GetValue(dir)!));
        return command;
    }

    public static Command Restore(Func<IServiceProvider> services)
    {
        var dir = new Argument<DirectoryInfo>("DIR") { Description = "A folder written by backup." };
        dir.AcceptExistingOnly();
        var command = new Command("restore",
            "Restores a backup onto an empty database and checks the table hashes (exit code 3: restored, but the configured keys are not the backup's).") { dir };
        command.SetAction((r, _) => RestoreAsync(services(), r.GetValue(dir)!.FullName));
        return command;
    }

    public static Command ExportHashCommand(Func<IServiceProvider> services)
    {
        var command = new Command("export-hash", "Prints the hash of every table and of the whole database (compare two databases).");
        command.SetAction((_, _) => ExportHashAsync(services(), Console.Out));
        return command;
    }

    public static async Task<int> BackupAsync(IServiceProvider services, string dir, TextWriter? output = null)
    {
        var o = output ?? Console.Out;
        var e = output ?? Console.Error;
        var ct = CancellationToken.None;
        var clock = Stopwatch.StartNew();
        dir = Path.GetFullPath(dir);
        if (File.Exists(Path.Combine(dir, BackupManifest.FileName)))
        {
            await e.WriteLineAsync($"{dir} already holds a backup; give a new folder.");
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var postgres = db is PostgresAppDb;
        var connection = db.Database.GetConnectionString()!;
        if (!postgres && SqliteBackup.TargetFile(connection) is { } source && !File.Exists(source))
        {
            await e.WriteLineAsync($"There is no database at {source}: run the command with the app's ConnectionStrings:Fengqiao and from its folder.");
            return 2;
        }
        var tables = ExportHash.Tables(db);
        try
        {
            var ring = LoadKeyRing(scope.ServiceProvider, postgres);
            if (await KeyProblemAsync(db, scope.ServiceProvider.GetServices<IEncryptedSample>(), ring, ct) is { } problem)
            {
                await e.WriteLineAsync(problem);
                return 1;
            }
            CreatePrivateDirectory(dir);
            string file;
            ExportHashResult hash;
            if (postgres)
            {
                file = Path.Combine(dir, PostgresBackup.FileName);
                await o.WriteLineAsync($"Dumping PostgreSQL database {new Npgsql.NpgsqlConnectionStringBuilder(connection).Database} with pg_dump, and hashing {tables.Count} tables of the same snapshot …");
                hash = await PostgresBackup.BackupAsync(connection, file, tables, ct);
            }
            else
            {
                file = Path.Combine(dir, SqliteBackup.FileName);
                await o.WriteLineAsync($"Copying SQLite database {SqliteBackup.TargetFile(connection)} with the online backup API …");
                hash = await SqliteBackup.BackupAsync(connection, file, tables, ct);
                await o.WriteLineAsync($"Integrity check of the copy: ok. Hashed {tables.Count} tables.");
            }
            await KeyRingFile.WriteAsync(Path.Combine(dir, KeyRingFile.FileName), ring, ct);
            await o.WriteLineAsync($"Key ring ({ring.Keys.Count} key(s), current {ring.CurrentKey}) written to {KeyRingFile.FileName}, readable by its owner only.");
            var manifest = new BackupManifest(postgres ? nameof(DatabaseProvider.Postgres) : nameof(DatabaseProvider.Sqlite), DateTime.UtcNow,
                BackupManifest.CurrentAppVersion, Path.GetFileName(file), new FileInfo(file).Length, hash.Rows, hash.Total, hash.Tables);
            await manifest.WriteAsync(dir, ct);
            var bytes = Directory.EnumerateFiles(dir).Sum(f => new FileInfo(f).Length);
            await o.WriteLineAsync($"Export hash: {hash.Total}");
            await o.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Backup complete: {dir}, {hash.Rows:N0} rows in {tables.Count} tables, {bytes / 1048576.0:0.0} MB ({bytes} bytes) in {clock.Elapsed.TotalSeconds:0.00} s."));
            return 0;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or DbException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            await e.WriteLineAsync($"Backup failed: {ex.Message}");
            return 1;
        }
    }

    public static async Task<int> RestoreAsync(IServiceProvider services, string dir, TextWriter? output = null)
    {
        var o = output ?? Console.Out;
        var e = output ?? Console.Error;
        var ct = CancellationToken.None;
        var clock = Stopwatch.StartNew();
        dir = Path.GetFullPath(dir);
        var manifest = await BackupManifest.ReadAsync(dir, ct);
        if (manifest is null)
        {
            await e.WriteLineAsync($"{dir} holds no backup ({BackupManifest.FileName} is missing).");
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var postgres = db is PostgresAppDb;
        var provider = postgres ? nameof(DatabaseProvider.Postgres) : nameof(DatabaseProvider.Sqlite);
        if (manifest.Provider != provider)
        {
            await e.WriteLineAsync($"This is a {manifest.Provider} backup, and this process is configured for {provider} (Database:Provider).");
            return 2;
        }
        if (manifest.AppVersion != BackupManifest.CurrentAppVersion)
        {
            await o.WriteLineAsync($"Note: the backup was made by version {manifest.AppVersion}; this is {BackupManifest.CurrentAppVersion}.");
        }
        var connection = db.Database.GetConnectionString()!;
        try
        {
            var data = Path.Combine(dir, manifest.DataFile);
            await o.WriteLineAsync($"Restoring {manifest.Rows:N0} rows backed up {manifest.CreatedUtc:u} …");
            var refusal = postgres
                ? await PostgresBackup.RestoreAsync(connection, data, ct)
                : await SqliteBackup.RestoreAsync(connection, data, ct);
            if (refusal is not null)
            {
                await e.WriteLineAsync(refusal);
                return 2;
            }
            var keysInPlace = await RestoreKeysAsync(scope.ServiceProvider, dir, o, e, ct);
            var hash = await ExportHash.OfDatabaseAsync(postgres, connection, ExportHash.Tables(db), ct);
            await o.WriteLineAsync($"Export hash: {hash.Total} (the backup's: {manifest.ExportHash})");
            if (hash.Total != manifest.ExportHash)
            {
                var differ = hash.Tables.Where(t => !manifest.Tables.Contains(t)).Select(t => t.Table);
                await e.WriteLineAsync($"The restored tables differ from the backup: {string.Join(", ", differ)}.");
                return 1;
            }
            await o.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Restore complete and verified: {hash.Rows:N0} rows in {hash.Tables.Count} tables in {clock.Elapsed.TotalSeconds:0.00} s."));
            if (postgres)
            {
                await o.WriteLineAsync("Start the app on this database (all nodes with the restored keys); run `migrate` first if this version is newer than the backup's.");
            }
            return keysInPlace ? 0 : 3;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or DbException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            await e.WriteLineAsync($"Restore failed: {ex.Message}");
            return 1;
        }
    }

    public static async Task<int> ExportHashAsync(IServiceProvider services, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var hash = await ExportHash.OfDatabaseAsync(db is PostgresAppDb, db.Database.GetConnectionString()!, ExportHash.Tables(db), CancellationToken.None);
        await hash.WriteToAsync(output);
        return 0;
    }

    /// <summary>The keys this process's app uses: from configuration, or from the key file (read, never created here).</summary>
    private static PrivacyKeyRing LoadKeyRing(IServiceProvider services, bool postgres) =>
        PrivacyKeyRing.Load(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>().ContentRootPath, postgres);

    /// <summary>
    /// A backup whose keys do not open the data is worthless, and a command started with another content root than the
    /// app's would find (or have created) another key file: try the ring on a stored ID number before copying anything.
    /// </summary>
    private static async Task<string?> KeyProblemAsync(AppDb db, IEnumerable<IEncryptedSample> samples, PrivacyKeyRing ring, CancellationToken ct)
    {
        string? sample = null;
        foreach (var source in samples)
        {
            sample ??= await source.AnyAsync(db, ct);
        }
        if (sample is null)
        {
            return null;
        }
        try
        {
            _ = new FieldProtector(ring).Unprotect(sample);
            return null;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or InvalidOperationException)
        {
            return "The privacy keys this command found do not decrypt the stored ID numbers: run it with the app's configuration "
                + "(Privacy:Keys, or Privacy:KeyFile and the same content root as the app).";
        }
    }

    /// <summary>Puts the backup's key ring where the app reads it; false when the app takes other keys from configuration.</summary>
    private static async Task<bool> RestoreKeysAsync(IServiceProvider services, string dir, TextWriter o, TextWriter e, CancellationToken ct)
    {
        var source = Path.Combine(dir, KeyRingFile.FileName);
        var backup = await KeyRingFile.ReadAsync(source, ct);
        var configuration = services.GetRequiredService<IConfiguration>();
        var file = KeyRingFile.ConfiguredFile(configuration, services.GetRequiredService<IHostEnvironment>().ContentRootPath);
        if (file is null)
        {
            if (KeyRingFile.Covers(configuration.GetSection("Privacy").Get<PrivacyKeyRing>()!, backup))
            {
                await o.WriteLineAsync("The keys in configuration (Privacy:Keys, Privacy:HashKey) are the backup's.");
                return true;
            }
            await e.WriteLineAsync($"This app takes its keys from configuration (Privacy:Keys:*, Privacy:CurrentKey, Privacy:HashKey), and they are not the backup's. "
                + $"Put the keys from {source} into the configuration of every node, or the encrypted ID and phone numbers cannot be read.");
            return false;
        }
        if (File.Exists(file))
        {
            if (KeyRingFile.Covers(await KeyRingFile.ReadAsync(file, ct), backup))
            {
                await o.WriteLineAsync($"The key file {file} already holds the backup's keys.");
                return true;
            }
            // Never destroy a key ring: it may be the only key to some other copy of the data.
            var aside = file + ".replaced-" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            File.Move(file, aside);
            await o.WriteLineAsync($"The key file that was there is kept as {aside}.");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await KeyRingFile.WriteAsync(file, backup, ct);
        await o.WriteLineAsync($"Key ring restored to {file} (Privacy:KeyFile); restart the app so that it reads it.");
        return true;
    }

    private static void CreatePrivateDirectory(string dir)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(dir);
        }
        else
        {
            Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
