using NetArchTest.Rules;

namespace Fengqiao.Tests.Features.Platform;

/// <summary>
/// Dependencies point one way: Infrastructure names no feature. A feature that must react to others' writes registers its
/// own hook (an interceptor, an operator command) from its AddX(). The one exception left is the context itself, whose
/// DbSets and jurisdiction filters still name the features' entities (issue 22 carries it), and the migrations built from it.
/// </summary>
public sealed class DependencyRulesTests
{
    private static readonly string[] StillAllowed = ["Fengqiao.Infrastructure.Data.AppDb"];

    [Fact]
    public void InfrastructureRefersToNoFeatureBeyondTheContext()
    {
        var result = Types.InAssembly(typeof(Fengqiao.Infrastructure.Data.AppDb).Assembly)
            .That().ResideInNamespace("Fengqiao.Infrastructure")
            .And().DoNotResideInNamespace("Fengqiao.Infrastructure.Data.Migrations")
            .ShouldNot().HaveDependencyOn("Fengqiao.Features")
            .GetResult();
        var offenders = (result.FailingTypeNames ?? [])
            .Where(t => !StillAllowed.Any(a => t == a || t.StartsWith(a + "/", StringComparison.Ordinal) || t.StartsWith(a + "+", StringComparison.Ordinal)))
            .ToList();
        Assert.True(offenders.Count == 0, "Infrastructure types that name a feature:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void TheRuleSeesAFeatureDependencyWhereThereIsOne()
    {
        // The context does name features today: if this stops failing the rule above, the exception can go.
        var result = Types.InAssembly(typeof(Fengqiao.Infrastructure.Data.AppDb).Assembly)
            .That().HaveName("AppDb").And().ResideInNamespace("Fengqiao.Infrastructure.Data")
            .ShouldNot().HaveDependencyOn("Fengqiao.Features")
            .GetResult();
        Assert.False(result.IsSuccessful);
    }
}
