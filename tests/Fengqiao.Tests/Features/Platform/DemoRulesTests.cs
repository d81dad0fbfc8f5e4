using NetArchTest.Rules;

namespace Fengqiao.Tests.Features.Platform;

/// <summary>
/// Demo data sits in one place of its own: the seeders live under Features.Demo and use the features' public API, and no
/// runtime feature depends on them. The sign-in page lists the demo accounts in demo mode; the province generator, which
/// borrows the demo's place names, lives in the tools project (src/Fengqiao.Tools), not in the app.
/// </summary>
public sealed class DemoRulesTests
{
    private static readonly string[] StillAllowed = ["Fengqiao.Features.Account.LoginModel"];

    [Fact]
    public void DemoTypesLiveOnlyInTheDemoFeature()
    {
        // By reflection: the rules library matches names ignoring case, and "LoginCodeModel" holds "deMo".
        var outside = typeof(Fengqiao.Infrastructure.Data.AppDb).Assembly.GetTypes()
            .Where(t => t.Name.Contains("Demo", StringComparison.Ordinal) && !(t.Namespace ?? "").StartsWith("Fengqiao.Features.Demo", StringComparison.Ordinal))
            .Select(t => t.FullName)
            .ToList();
        Assert.True(outside.Count == 0, "Demo types outside Features.Demo:\n" + string.Join("\n", outside));
    }

    [Fact]
    public void NoRuntimeFeatureDependsOnTheDemo()
    {
        var result = Types.InAssembly(typeof(Fengqiao.Infrastructure.Data.AppDb).Assembly)
            .That().ResideInNamespace("Fengqiao.Features")
            .And().DoNotResideInNamespace("Fengqiao.Features.Demo")
            .ShouldNot().HaveDependencyOn("Fengqiao.Features.Demo")
            .GetResult();
        var offenders = (result.FailingTypeNames ?? [])
            .Where(t => !StillAllowed.Any(a => t.StartsWith(a, StringComparison.Ordinal)))
            .ToList();
        Assert.True(offenders.Count == 0, "Runtime features that name the demo:\n" + string.Join("\n", offenders));
    }
}
