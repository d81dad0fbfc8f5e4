using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Fengqiao.Features.Outbox.Templates;

/// <summary>A problem in a template, at a line and column counted from 1.</summary>
public sealed record TemplateProblem(bool Unknown, string Detail, int Line, int Column);

/// <summary>
/// Scriban templates for notices: parsed once, checked for the placeholders they may use, and rendered in a sandbox
/// (Scriban reaches no .NET object that is not handed to it; loops, recursion and regular expressions are bounded).
/// </summary>
public static class TemplateText
{
    private static readonly HashSet<string> Builtins = [.. new TemplateContext().BuiltinObject.Keys];

    /// <summary>The template, or the first problem: a parse error, or a placeholder not in <paramref name="known"/>.</summary>
    public static (Template? Template, TemplateProblem? Problem) Parse(string source, IEnumerable<string> known)
    {
        var template = Template.Parse(source);
        if (template.HasErrors)
        {
            var error = template.Messages.First(m => m.Type == Scriban.Parsing.ParserMessageType.Error);
            return (null, new TemplateProblem(false, error.Message, error.Span.Start.Line + 1, error.Span.Start.Column + 1));
        }
        var names = new Names();
        template.Page?.Accept(names);
        var allowed = new HashSet<string>(known, StringComparer.Ordinal);
        allowed.UnionWith(Builtins);
        allowed.UnionWith(names.Declared);
        if (names.Used.FirstOrDefault(u => !allowed.Contains(u.Name)) is { } unknown)
        {
            return (null, new TemplateProblem(true, unknown.Name, unknown.Span.Start.Line + 1, unknown.Span.Start.Column + 1));
        }
        return (template, null);
    }

    /// <summary>Renders with the placeholders' values (text; null for none, which is false in an <c>if</c>).</summary>
    public static string Render(Template template, IReadOnlyDictionary<string, string?> values)
    {
        var globals = new ScriptObject();
        foreach (var (name, value) in values)
        {
            globals.SetValue(name, value, true);
        }
        var context = new TemplateContext
        {
            LoopLimit = 100, RecursiveLimit = 10, LimitToString = TemplateCatalog.MaxBody * 2, RegexTimeOut = TimeSpan.FromMilliseconds(100),
            StrictVariables = false, EnableRelaxedMemberAccess = true,
        };
        context.PushGlobal(globals);
        return template.Render(context);
    }

    /// <summary>The global names a template reads, and those it sets itself (<c>assign</c>, <c>for</c>).</summary>
    private sealed class Names : ScriptVisitor
    {
        public List<ScriptVariableGlobal> Used { get; } = [];
        public HashSet<string> Declared { get; } = new(StringComparer.Ordinal);

        public override void Visit(ScriptVariableGlobal node)
        {
            Used.Add(node);
            base.Visit(node);
        }

        public override void Visit(ScriptAssignExpression node)
        {
            if (node.Target is ScriptVariable v)
            {
                Declared.Add(v.Name);
            }
            base.Visit(node);
        }

        public override void Visit(ScriptForStatement node)
        {
            if (node.Variable is ScriptVariable v)
            {
                Declared.Add(v.Name);
            }
            base.Visit(node);
        }
    }
}
