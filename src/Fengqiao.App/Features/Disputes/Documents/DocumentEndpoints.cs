namespace Fengqiao.Features.Disputes.Documents;

public static class DocumentEndpoints
{
    /// <summary>On the disputes group, so the same staff policy and jurisdiction filter guard it.</summary>
    public static RouteGroupBuilder MapDisputeDocuments(this RouteGroupBuilder g)
    {
        g.MapGet("/{id:int}/documents/{kind}.pdf", Get).WithName("DisputeDocument")
            .WithSummary("A case document as PDF (kind = acceptance | record | agreement | judicial-confirmation), in the reader's language or ?lang=zh-CN|en. " +
                "Its SHA-256 and verification code are recorded on the case's timeline (DocumentIssued).")
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf");
        return g;
    }

    private static async Task<Results<FileContentHttpResult, NotFound<ProblemDetails>, Conflict<ProblemDetails>, ValidationProblem>> Get(
        AppDb db, CaseDocuments documents, ChecksFactory checks, IStringLocalizer<SharedResource> l, HttpResponse response,
        int id, string kind, string? lang, CancellationToken ct)
    {
        var culture = lang is null ? null : LocalizationSetup.Cultures.FirstOrDefault(c => c.StartsWith(lang, StringComparison.OrdinalIgnoreCase) || lang.StartsWith(c, StringComparison.OrdinalIgnoreCase));
        var c = checks.Create().When(lang is not null && culture is null, "lang", "Choose zh-CN or en.");
        if (!c.Ok)
        {
            return c.Problem();
        }
        if (culture is not null)
        {
            // For this request only: the localiser and name picking read the current UI culture.
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        }
        if (!CaseDocumentKinds.BySlug.TryGetValue(kind, out var which))
        {
            return TypedResults.NotFound(new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = l["There is no such document. Choose acceptance, record, agreement or judicial-confirmation."],
            });
        }
        var file = await CaseFile.LoadAsync(db, id, ct);
        if (file is null)
        {
            return TypedResults.NotFound(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = l["There is no such case in your jurisdiction."] });
        }
        if (documents.Refusal(which, file) is { } why)
        {
            return TypedResults.Conflict(new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = why });
        }
        var issued = await documents.IssueAsync(which, file, ct);
        response.Headers["X-Document-Sha256"] = issued.Sha256;
        response.Headers["X-Document-Verification"] = issued.Verification;
        return TypedResults.File(issued.Pdf, "application/pdf", issued.FileName);
    }
}
