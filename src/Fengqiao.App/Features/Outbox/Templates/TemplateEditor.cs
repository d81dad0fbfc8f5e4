using Fengqiao.Features.Open311;
using Scriban.Syntax;

namespace Fengqiao.Features.Outbox.Templates;

public enum TemplateOutcome
{
    Ok,
    NotFound,
    Invalid,
    /// <summary>Someone else saved or reset the template since this editor loaded it: nothing was overwritten.</summary>
    Conflict,
}

public sealed record TemplateRow(string Event, NoticeKind Kind, string Language, bool Customised, DateTimeOffset? UpdatedAt, string? UpdatedBy);

/// <summary>A template as an editor opens it: the administrators' own, or the built-in one (version 0).</summary>
public sealed record TemplateForm(string Event, NoticeKind Kind, string Language, string Subject, string Body, long Version, bool Customised);

/// <summary>A template rendered with a sample report: the e-mail, and the SMS the subject becomes (one SMS holds 70 Chinese characters).</summary>
public sealed record TemplatePreview(string Subject, string Body, string Sms)
{
    public bool SmsTooLong => Sms.Length > TemplateCatalog.SmsLength;
}

/// <summary>
/// The administrators' side of the notice templates: each event in each language, checked (it parses, it uses only the
/// event's placeholders, it renders), previewed with a sample report, saved with the version check, or reset to the
/// built-in wording. Every save and reset is in the audit log (the change audit: who, which template, which fields).
/// </summary>
public sealed class TemplateEditor(AppDb db, Notices notices, EffectiveTemplates effective, FeedbackLinks links, LocalClock clock,
    IStringLocalizer<SharedResource> l, TimeProvider time)
{
    public async Task<List<TemplateRow>> ListAsync(CancellationToken ct)
    {
        var own = await db.Set<NoticeTemplate>().AsNoTracking().ToListAsync(ct);
        return [.. TemplateCatalog.Kinds.SelectMany(k => LocalizationSetup.Cultures.Select(language =>
        {
            var evt = Notices.EventName(k);
            var row = own.FirstOrDefault(t => t.Event == evt && t.Language == language);
            return new TemplateRow(evt, k, language, row is not null, row?.UpdatedAt, row?.UpdatedBy);
        }))];
    }

    public async Task<TemplateForm?> LoadAsync(string? evt, string? language, CancellationToken ct)
    {
        if (TemplateCatalog.Kind(evt) is not { } kind || !LocalizationSetup.Cultures.Contains(language))
        {
            return null;
        }
        var row = await db.Set<NoticeTemplate>().AsNoTracking().FirstOrDefaultAsync(t => t.Event == evt && t.Language == language, ct);
        if (row is not null)
        {
            return new(evt!, kind, language!, row.Subject, row.Body, row.Version, true);
        }
        var (subject, body) = TemplateCatalog.Default(kind, language!, l);
        return new(evt!, kind, language!, subject, body, 0, false);
    }

    /// <summary>Checks the subject and body; when both are sound, renders them with a sample report in the template's language.</summary>
    public TemplatePreview? Check(Checks c, NoticeKind kind, string language, string? subject, string? body)
    {
        c.Required("subject", subject, TemplateCatalog.MaxSubject).Required("body", body, TemplateCatalog.MaxBody);
        if (!c.Ok)
        {
            return null;
        }
        var known = TemplateCatalog.Placeholders(kind).Select(p => p.Name).ToList();
        var (s, sp) = TemplateText.Parse(subject!, known);
        var (b, bp) = TemplateText.Parse(body!, known);
        Problem(c, "subject", sp, known);
        Problem(c, "body", bp, known);
        if (s is null || b is null)
        {
            return null;
        }
        using (LocalizationSetup.InCulture(language))
        {
            var sample = Sample(kind);
            var token = kind == NoticeKind.Resolved ? links.Token(sample.Request.Code) : null;
            try
            {
                var (subjectText, bodyText) = notices.Render(sample, token, new ParsedTemplate(s, b));
                return new TemplatePreview(subjectText, bodyText, notices.SmsText(sample, subjectText, token));
            }
            catch (ScriptRuntimeException e)
            {
                c.Add("body", "The template stops at line {0}, column {1}: {2}", e.Span.Start.Line + 1, e.Span.Start.Column + 1, e.OriginalMessage);
                return null;
            }
        }
    }

    public async Task<TemplateOutcome> SaveAsync(Checks c, string? evt, string? language, string? subject, string? body, long version, CancellationToken ct)
    {
        if (TemplateCatalog.Kind(evt) is not { } kind || !LocalizationSetup.Cultures.Contains(language))
        {
            return TemplateOutcome.NotFound;
        }
        if (Check(c, kind, language!, subject, body) is null)
        {
            return TemplateOutcome.Invalid;
        }
        var row = await db.Set<NoticeTemplate>().FirstOrDefaultAsync(t => t.Event == evt && t.Language == language, ct);
        if ((row is null) != (version == 0))
        {
            return TemplateOutcome.Conflict; // saved by someone else since the default was opened, or reset since it was
        }
        if (row is null)
        {
            row = new NoticeTemplate { Event = evt!, Language = language!, Subject = "", Body = "" };
            db.Add(row);
        }
        (row.Subject, row.Body, row.UpdatedAt, row.UpdatedBy) = (subject!, body!, time.GetUtcNow(), db.Jurisdiction.UserName);
        return Done(await SaveAsync(row, version, ct));
    }

    /// <summary>Back to the built-in wording: the administrators' row goes (unless someone changed it since <paramref name="version"/>).</summary>
    public async Task<TemplateOutcome> ResetAsync(string? evt, string? language, long version, CancellationToken ct)
    {
        if (TemplateCatalog.Kind(evt) is null || !LocalizationSetup.Cultures.Contains(language))
        {
            return TemplateOutcome.NotFound;
        }
        var row = await db.Set<NoticeTemplate>().FirstOrDefaultAsync(t => t.Event == evt && t.Language == language, ct);
        if (row is null)
        {
            return version == 0 ? TemplateOutcome.Ok : TemplateOutcome.Conflict;
        }
        db.Remove(row);
        return Done(await SaveAsync(row, version, ct));
    }

    private TemplateOutcome Done(bool saved)
    {
        if (!saved)
        {
            return TemplateOutcome.Conflict;
        }
        effective.Invalidate();
        return TemplateOutcome.Ok;
    }

    private async Task<bool> SaveAsync(NoticeTemplate row, long version, CancellationToken ct)
    {
        try
        {
            return version == 0 ? await db.SaveChangesAsync(ct) > 0 : await db.SaveVersionedAsync(row, version, ct);
        }
        catch (DbUpdateException)
        {
            // Two editors saved a default at once: the unique (event, language) index lets only the first in.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private void Problem(Checks c, string field, TemplateProblem? p, List<string> known)
    {
        if (p is null)
        {
            return;
        }
        if (p.Unknown)
        {
            c.Add(field, "Unknown placeholder {0} at line {1}, column {2}. The placeholders are: {3}.", p.Detail, p.Line, p.Column, string.Join(", ", known));
        }
        else
        {
            c.Add(field, "The template cannot be read at line {0}, column {1}: {2}", p.Line, p.Column, p.Detail);
        }
    }

    /// <summary>A report as it might be, in the current culture: what the preview is rendered with.</summary>
    private ReportNotice Sample(NoticeKind kind)
    {
        var request = new ResidentRequest
        {
            Code = "R220104001-" + clock.Today.Year + "-00042", ServiceCode = "dispute-neighbour", Description = "", AreaPath = "/",
            Status = kind == NoticeKind.Received ? RequestStatus.Submitted : RequestStatus.BecameDispute, ExpectedOn = clock.Today.AddDays(3),
        };
        var note = kind switch
        {
            NoticeKind.Resolved => "The parties reached an agreement through mediation.",
            NoticeKind.Reopened => "The case has been reopened.",
            NoticeKind.Updated => "It has been referred to the body that can settle it.",
            _ => null,
        };
        return new ReportNotice(request, kind, null, note, "重庆路派出所", "Chongqing Road Police Station",
            kind == NoticeKind.Received ? null : "220104001-" + clock.Today.Year + "-00007");
    }
}
