using System.Collections.Concurrent;
using Scriban;

namespace Fengqiao.Features.Outbox.Templates;

/// <summary>A notice's subject and body, parsed.</summary>
public sealed record ParsedTemplate(Template Subject, Template Body);

/// <summary>
/// The wording notices are rendered from: an administrator's template where there is one, else the built-in one. The
/// administrators' rows are read at most every <see cref="Refresh"/> (a notice is written on every report, so not a
/// query each time), and at once on this node after an edit; another node sees an edit within that period.
/// </summary>
public sealed class EffectiveTemplates(IServiceScopeFactory scopes, IStringLocalizer<SharedResource> l, TimeProvider time)
{
    public static readonly TimeSpan Refresh = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<(NoticeKind, string), ParsedTemplate> _defaults = new();
    private readonly Lock _gate = new();
    private Dictionary<(NoticeKind, string), ParsedTemplate> _overrides = [];
    private DateTimeOffset _loadedAt = DateTimeOffset.MinValue;

    public ParsedTemplate For(NoticeKind kind, string language)
    {
        var overrides = Current();
        return overrides.TryGetValue((kind, language), out var own) ? own : BuiltIn(kind, language);
    }

    /// <summary>The built-in wording, parsed once.</summary>
    public ParsedTemplate BuiltIn(NoticeKind kind, string language) => _defaults.GetOrAdd((kind, language), k => Default(k.Item1, k.Item2));

    /// <summary>Called after an edit on this node: the next notice reads the templates again.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _loadedAt = DateTimeOffset.MinValue;
        }
    }

    private ParsedTemplate Default(NoticeKind kind, string language)
    {
        var (subject, body) = TemplateCatalog.Default(kind, language, l);
        var known = TemplateCatalog.Placeholders(kind).Select(p => p.Name).ToList();
        return new(TemplateText.Parse(subject, known).Template!, TemplateText.Parse(body, known).Template!);
    }

    private Dictionary<(NoticeKind, string), ParsedTemplate> Current()
    {
        lock (_gate)
        {
            if (time.GetUtcNow() - _loadedAt < Refresh)
            {
                return _overrides;
            }
            // Synchronous: notices are rendered inside SaveChanges, which may itself be synchronous.
            using var scope = scopes.CreateScope();
            var rows = scope.ServiceProvider.GetRequiredService<AppDb>().Set<NoticeTemplate>().AsNoTracking().ToList();
            var loaded = new Dictionary<(NoticeKind, string), ParsedTemplate>();
            foreach (var row in rows)
            {
                if (TemplateCatalog.Kind(row.Event) is not { } kind)
                {
                    continue;
                }
                var known = TemplateCatalog.Placeholders(kind).Select(p => p.Name).ToList();
                // Saved templates were checked when saved; one that no longer parses (a placeholder withdrawn) falls back to the default.
                if (TemplateText.Parse(row.Subject, known).Template is { } subject && TemplateText.Parse(row.Body, known).Template is { } body)
                {
                    loaded[(kind, LocalizationSetup.Nearest(row.Language))] = new(subject, body);
                }
            }
            (_overrides, _loadedAt) = (loaded, time.GetUtcNow());
            return loaded;
        }
    }
}
