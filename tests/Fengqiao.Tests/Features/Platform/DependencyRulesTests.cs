using System.Text.RegularExpressions;
using Fengqiao.Infrastructure.Data;
using NetArchTest.Rules;

namespace Fengqiao.Tests.Features.Platform;

/// <summary>
/// Dependencies point one way. Infrastructure names no feature: the context's tables are the features' own extension
/// properties, and each entity declares its jurisdiction rule in its configuration; a feature that must react to
/// others' writes registers its own hook (an interceptor, a seed) from its AddX(). Features meet only through what they
/// expose: a feature's non-public types are its internals, and no other feature may name them.
/// </summary>
public sealed class DependencyRulesTests
{
    private static readonly System.Reflection.Assembly App = typeof(AppDb).Assembly;

    [Fact]
    public void InfrastructureRefersToNoFeature()
    {
        var result = Types.InAssembly(App)
            .That().ResideInNamespace("Fengqiao.Infrastructure")
            .ShouldNot().HaveDependencyOn("Fengqiao.Features")
            .GetResult();
        Assert.True(result.IsSuccessful, "Infrastructure types that name a feature:\n" + string.Join("\n", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void TheRuleSeesAFeatureDependencyWhereThereIsOne()
    {
        // A page of the Disputes feature names the Areas feature: the same rule, pointed at it, must fail.
        var result = Types.InAssembly(App)
            .That().ResideInNamespace("Fengqiao.Features.Disputes")
            .ShouldNot().HaveDependencyOn("Fengqiao.Features.Areas")
            .GetResult();
        Assert.False(result.IsSuccessful);
    }

    public static TheoryData<string> Features() =>
        [.. App.GetTypes().Select(t => t.Namespace).OfType<string>()
            .Where(n => n.StartsWith("Fengqiao.Features.", StringComparison.Ordinal))
            .Select(n => n.Split('.')[2]).Distinct().Order()];

    [Theory]
    [MemberData(nameof(Features))]
    public void NoOtherFeatureNamesAFeaturesInternals(string feature)
    {
        var own = $@"^Fengqiao\.Features\.{Regex.Escape(feature)}(\.|$)";
        var internals = Types.InAssembly(App).That().ResideInNamespaceMatching(own).And().AreNotPublic().GetTypes()
            .Where(t => !t.IsNested && !t.Name.Contains('<', StringComparison.Ordinal))
            .Select(t => t.FullName!).ToArray();
        if (internals.Length == 0)
        {
            return;
        }
        var result = Types.InAssembly(App)
            .That().DoNotResideInNamespaceMatching(own)
            .ShouldNot().HaveDependencyOnAny(internals)
            .GetResult();
        Assert.True(result.IsSuccessful,
            $"Types outside {feature} that name its internals (make what others need public, or move it):\n" + string.Join("\n", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void TheFeatureRuleSeesAnInternalWhereOneIsNamed()
    {
        // Inside its own feature a feature's types do name its internals (its configurations, its queries): the rule must see that.
        var internals = Types.InAssembly(App).That().ResideInNamespace("Fengqiao.Features.Disputes").And().AreNotPublic().GetTypes()
            .Where(t => !t.IsNested && !t.Name.Contains('<', StringComparison.Ordinal)).Select(t => t.FullName!).ToArray();
        Assert.NotEmpty(internals);
        var result = Types.InAssembly(App).That().ResideInNamespace("Fengqiao.Features.Disputes")
            .ShouldNot().HaveDependencyOnAny(internals).GetResult();
        Assert.False(result.IsSuccessful);
    }
}
