using Fengqiao.Features.Areas;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Scope;
using Fengqiao.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fengqiao.Tests.Features.Areas;

/// <summary>
/// The jurisdiction filter narrows by a path range first (PathRange). A caller posted to two districts gets the
/// range around both; the areas between them lie inside that range and must still be left out.
/// </summary>
public abstract class ScopeRangeTests(FengqiaoApp app)
{
    [Theory]
    [InlineData("/22/2201/220102/", "/22/2201/220105/")] // Nanguan and Erdao; Kuancheng and Chaoyang lie between
    [InlineData("/22/2201/220104/")]
    [InlineData("/22/2201/220104/", "/22/2202/")]
    public async Task ACallerSeesExactlyTheSubtreesOfTheirPosts(params string[] posts)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var all = await db.Areas.IgnoreQueryFilters().Select(a => a.Path).ToListAsync();
        db.Jurisdiction.Grant(null, posts);

        var seen = await db.Areas.Select(a => a.Path).ToListAsync();

        var expected = all.Where(p => posts.Any(t => p.StartsWith(t, StringComparison.Ordinal))).Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.Count > posts.Length, "the demo has areas under each post");
        Assert.Equal(expected, seen.Order(StringComparer.Ordinal).ToList());
        Assert.Equal(posts.Length == 1, db.Jurisdiction.OneRange);
    }

    [Fact]
    public async Task AListFilteredByAnAreaHoldsThatSubtreeOnly()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        db.Jurisdiction.GrantAll();
        var under = await db.Areas.UnderPath(a => a.Path, "/22/2201/220104/").Select(a => a.Path).ToListAsync();
        Assert.NotEmpty(under);
        Assert.All(under, p => Assert.StartsWith("/22/2201/220104/", p, StringComparison.Ordinal));
        Assert.Equal(
            await db.Areas.CountAsync(a => a.Path.StartsWith("/22/2201/220104/")),
            under.Count);
    }

    [Fact]
    public void TheRangeEndsJustAfterThePrefix()
    {
        Assert.Equal("/22/22010", PathRange.Upper("/22/2201/"));
        Assert.Equal("0", PathRange.Upper("/"));
        var nobody = new Jurisdiction();
        Assert.Equal((string.Empty, string.Empty), (nobody.Low, nobody.High)); // starts closed: an empty range
    }
}

public sealed class SqliteScopeRangeTests(SqliteApp app) : ScopeRangeTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresScopeRangeTests(PostgresApp app) : ScopeRangeTests(app), IClassFixture<PostgresApp>;
