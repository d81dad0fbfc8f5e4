using System.Data.Common;
using Fengqiao.Features.Areas;
using Fengqiao.Features.Households;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Infrastructure.Data;

/// <summary>
/// The one bulk writer (resident import, province generator) stores exactly what EF stores for the same entity, writes
/// inside the caller's transaction (a rollback leaves nothing), and either lets the database number the rows or keeps
/// the rows' own ids.
/// </summary>
public abstract class BulkWriterTests(FengqiaoApp app)
{
    [Fact]
    public async Task ABulkWrittenRowEqualsTheRowEfWritesForTheSameEntity()
    {
        await using var scope = Scope(out var db);
        var area = await db.Areas.OrderBy(a => a.Id).FirstAsync(a => a.Level == AreaLevel.Grid, Ct);
        // Microseconds: PostgreSQL keeps no finer, whoever writes.
        var created = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc).AddTicks(1234560);
        Household Draft(string code) => new()
        {
            Code = code, Address = "重庆路9号", AreaId = area.Id, AreaPath = area.Path, Tags = HouseholdTags.ElderlyAlone | HouseholdTags.SpecialCare,
            PhoneCipher = null, PhoneHash = null, PhoneMasked = "139****0000", MemberCount = 2, CreatedAt = created,
        };
        var byEf = Draft("BW-EF-" + Guid.NewGuid().ToString("N")[..8]);
        db.Households.Add(byEf);
        await db.SaveChangesAsync(Ct);

        var bulkCode = "BW-BULK-" + Guid.NewGuid().ToString("N")[..8];
        await using (var tx = await db.Database.BeginTransactionAsync(Ct))
        {
            await using (var writer = await BulkWriter.OpenAsync<Household>(db, BulkKeys.Generated, Ct))
            {
                writer.Add(Draft(bulkCode));
                await writer.CompleteAsync(Ct);
            }
            await tx.CommitAsync(Ct);
        }
        var bulkId = await db.Households.Where(h => h.Code == bulkCode).Select(h => h.Id).SingleAsync(Ct);

        var efRow = await RawRowAsync(db, byEf.Id);
        var bulkRow = await RawRowAsync(db, bulkId);
        Assert.Equal(efRow, bulkRow);
        var read = await db.Households.AsNoTracking().SingleAsync(h => h.Id == bulkId, Ct);
        Assert.Equal((created, 1L, HouseholdTags.ElderlyAlone | HouseholdTags.SpecialCare, (string?)null), (read.CreatedAt, read.Version, read.Tags, read.PhoneHash));
    }

    [Fact]
    public async Task RowsWrittenInATransactionThatIsRolledBackAreGone()
    {
        await using var scope = Scope(out var db);
        var household = await db.Households.OrderBy(h => h.Id).FirstAsync(Ct);
        var before = await db.Residents.CountAsync(Ct);
        await using (var tx = await db.Database.BeginTransactionAsync(Ct))
        {
            await using (var writer = await BulkWriter.OpenAsync<Resident>(db, BulkKeys.Generated, Ct))
            {
                for (var i = 0; i < 3; i++)
                {
                    var hash = "bw-" + Guid.NewGuid().ToString("N");
                    writer.Add(new Resident
                    {
                        HouseholdId = household.Id, AreaPath = household.AreaPath, Name = "测试" + i, IdCipher = "k1:" + hash, IdHash = hash,
                        IdMasked = "220102********0000", BirthDate = new DateOnly(1950, 2, 28), Gender = Gender.Male, Relation = Relation.Other,
                    });
                }
                await writer.CompleteAsync(Ct);
            }
            Assert.Equal(before + 3, await db.Residents.CountAsync(Ct));
            await tx.RollbackAsync(Ct);
        }
        Assert.Equal(before, await db.Residents.CountAsync(Ct));
    }

    [Fact]
    public async Task RowsThatBringTheirOwnIdsKeepThem()
    {
        await using var scope = Scope(out var db);
        var household = await db.Households.OrderBy(h => h.Id).FirstAsync(Ct);
        var id = await db.Residents.MaxAsync(r => r.Id, Ct) + 1000;
        var hash = "bw-" + Guid.NewGuid().ToString("N");
        await using (var tx = await db.Database.BeginTransactionAsync(Ct))
        {
            await using (var writer = await BulkWriter.OpenAsync<Resident>(db, BulkKeys.FromRows, Ct))
            {
                writer.Add(new Resident
                {
                    Id = id, HouseholdId = household.Id, AreaPath = household.AreaPath, Name = "定号", IdCipher = "k1:" + hash, IdHash = hash,
                    IdMasked = "220102********0001", BirthDate = new DateOnly(2000, 1, 31), Gender = Gender.Female, Relation = Relation.Child, Version = 1,
                });
                await writer.CompleteAsync(Ct);
            }
            await tx.CommitAsync(Ct);
        }
        var read = await db.Residents.AsNoTracking().SingleAsync(r => r.IdHash == hash, Ct);
        Assert.Equal((id, new DateOnly(2000, 1, 31), Gender.Female, Relation.Child), (read.Id, read.BirthDate, read.Gender, read.Relation));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private AsyncServiceScope Scope(out AppDb db)
    {
        var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Jurisdiction>().GrantAll();
        db = scope.ServiceProvider.GetRequiredService<AppDb>();
        return scope;
    }

    /// <summary>The stored row as the database holds it, but for its id and code.</summary>
    private static async Task<Dictionary<string, object?>> RawRowAsync(AppDb db, int id)
    {
        await db.Database.OpenConnectionAsync(Ct);
        await using DbCommand cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = "SELECT * FROM \"Households\" WHERE \"Id\" = @id";
        var p = cmd.CreateParameter();
        p.ParameterName = "@id";
        p.Value = id;
        cmd.Parameters.Add(p);
        await using var reader = await cmd.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct));
        return Enumerable.Range(0, reader.FieldCount)
            .Where(i => reader.GetName(i) is not ("Id" or "Code"))
            .ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i));
    }
}

public sealed class SqliteBulkWriterTests(SqliteApp app) : BulkWriterTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresBulkWriterTests(PostgresApp app) : BulkWriterTests(app), IClassFixture<PostgresApp>;
