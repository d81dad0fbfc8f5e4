using Fengqiao.Features.Open311;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Scope;
using Fengqiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Features.Open311;

/// <summary>
/// A photo has its report's scope. Without it EF warns at every start that a filtered report is the required end of
/// its photos (a hidden report would leave its photos visible), and a photo of another station's report is readable.
/// </summary>
public sealed class RequestPhotoModelTests
{
    [Fact]
    public void TheModelOfEitherProviderBuildsWithoutAFilteredRequiredNavigationWarning()
    {
        static void Build<T>(DbContextOptionsBuilder<T> options, Func<DbContextOptions<T>, AppDb> create) where T : AppDb
        {
            // A fresh internal service provider, so the model is built here (not taken from another test's cache), and the warning is thrown.
            options.EnableServiceProviderCaching(false).ConfigureWarnings(w => w.Throw(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning));
            using var db = create(options.Options);
            Assert.NotNull(db.Model.FindEntityType(typeof(RequestPhoto))!.GetDeclaredQueryFilters().SingleOrDefault());
        }
        Build(new DbContextOptionsBuilder<SqliteAppDb>().UseSqlite("Data Source=:memory:"), o => new SqliteAppDb(o, Jurisdiction.System()));
        Build(new DbContextOptionsBuilder<PostgresAppDb>().UseNpgsql("Host=127.0.0.1;Database=none"), o => new PostgresAppDb(o, Jurisdiction.System()));
    }
}

public abstract class RequestPhotoTests(FengqiaoApp app)
{
    [Fact]
    public async Task APhotoIsSeenWhereItsReportIsAndPubliclyOnlyOnPurpose()
    {
        var client = await app.ClientAsync(null);
        var posted = await client.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = FengqiaoApp.Open311Key, ["service_code"] = "danger-fallingobject", ["description"] = "阳台鸽子盘松动", ["address_id"] = "220104001001001",
        }));
        Assert.Equal(System.Net.HttpStatusCode.Created, posted.StatusCode);
        var code = System.Text.Json.JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString();
        int photoId;
        string path;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            db.Jurisdiction.GrantAll();
            var request = await db.ResidentRequests.FirstAsync(r => r.Code == code);
            Assert.StartsWith("/22/2201/220104/", request.AreaPath, StringComparison.Ordinal);
            path = request.AreaPath;
            var photo = new RequestPhoto { RequestId = request.Id, ContentType = "image/png", FileName = "pigeon-plate.png", Bytes = [0x89, 0x50, 0x4E, 0x47], UploadedAt = DateTimeOffset.UtcNow };
            db.Add(photo);
            await db.SaveChangesAsync();
            photoId = photo.Id;
        }

        async Task<(bool Scoped, bool Public)> SeenFromAsync(string post)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            db.Jurisdiction.Grant(null, [post]);
            return (await db.Set<RequestPhoto>().AnyAsync(p => p.Id == photoId),
                await db.Set<RequestPhoto>().IgnoreQueryFilters().AnyAsync(p => p.Id == photoId));
        }

        Assert.Equal((true, true), await SeenFromAsync(path));
        Assert.Equal((true, true), await SeenFromAsync("/22/2201/220104/"));
        Assert.Equal((false, true), await SeenFromAsync("/22/2202/"));
    }
}

public sealed class SqliteRequestPhotoTests(SqliteApp app) : RequestPhotoTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresRequestPhotoTests(PostgresApp app) : RequestPhotoTests(app), IClassFixture<PostgresApp>;
