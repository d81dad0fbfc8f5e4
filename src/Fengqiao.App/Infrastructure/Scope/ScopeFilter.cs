using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;

namespace Fengqiao.Infrastructure.Scope;

/// <summary>
/// How an entity is confined to the caller's <see cref="Jurisdiction"/>, declared by the entity's own configuration
/// (<c>b.InJurisdiction(x =&gt; x.AreaPath)</c>) and turned into a query filter by the context, which knows the
/// jurisdiction. A record outside it does not exist for that caller (404 on every verb); reads that must see past it
/// (public pages, the alert hook) say <c>IgnoreQueryFilters</c>.
/// </summary>
public static class ScopeFilter
{
    private const string Annotation = "Fengqiao:Jurisdiction";

    /// <summary>
    /// Confines <typeparamref name="T"/> by its area path: first the range that holds all of the caller's subtrees
    /// (answered from the path index), then, for a caller posted to several, each subtree.
    /// </summary>
    public static EntityTypeBuilder<T> InJurisdiction<T>(this EntityTypeBuilder<T> b, Expression<Func<T, string>> path) where T : class
    {
        Expression<Func<string, AppDb, bool>> inScope = (p, db) => string.Compare(p, db.ScopeLow) >= 0 && string.Compare(p, db.ScopeHigh) < 0
            && (db.ScopeOneRange || db.ScopePaths.Any(s => p.StartsWith(s)));
        var rule = Expression.Lambda<Func<T, AppDb, bool>>(
            ReplacingExpressionVisitor.Replace(inScope.Parameters[0], path.Body, inScope.Body), path.Parameters[0], inScope.Parameters[1]);
        return b.InJurisdiction(rule);
    }

    /// <summary>A rule of the entity's own, for records seen from more than one area (a person, a campaign, a notice).</summary>
    public static EntityTypeBuilder<T> InJurisdiction<T>(this EntityTypeBuilder<T> b, Expression<Func<T, AppDb, bool>> rule) where T : class
    {
        b.Metadata.SetAnnotation(Annotation, rule);
        return b;
    }

    /// <summary>
    /// Turns every declared rule into the entity's query filter, bound to <paramref name="db"/>: EF replaces that
    /// instance with the context that runs each query, so the jurisdiction is the caller's, per query.
    /// </summary>
    internal static void Apply(ModelBuilder builder, AppDb db)
    {
        var context = Expression.Constant(db, typeof(AppDb));
        foreach (var entity in builder.Model.GetEntityTypes().ToList())
        {
            if (entity.FindAnnotation(Annotation)?.Value is not LambdaExpression rule)
            {
                continue;
            }
            entity.RemoveAnnotation(Annotation);
            var body = ReplacingExpressionVisitor.Replace(rule.Parameters[1], context, rule.Body);
            entity.SetQueryFilter(Expression.Lambda(body, rule.Parameters[0]));
        }
    }
}
