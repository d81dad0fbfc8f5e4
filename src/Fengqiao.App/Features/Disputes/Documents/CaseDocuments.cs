using System.Security.Cryptography;

namespace Fengqiao.Features.Disputes.Documents;

/// <summary>A document as issued: its bytes, their SHA-256 and the code printed on every page.</summary>
public sealed record IssuedDocument(byte[] Pdf, string Sha256, string Verification, string FileName);

/// <summary>
/// Issues a case document: checks it can exist yet, writes the PDF, and records on the case's timeline who issued
/// which document when, with the SHA-256 of the very bytes returned. The verification code printed in the footer
/// leads from a paper copy to that timeline entry, whose hash checks any electronic copy. The event does not change
/// the case, so it carries the case's current version and no one's edit is refused because a document was printed.
/// </summary>
public sealed class CaseDocuments(AppDb db, DisputeWorkflow workflow, LocalClock clock, DisputeCategories categories,
    DocumentFont font, IStringLocalizer<SharedResource> l)
{
    /// <summary>Why this document cannot be issued for this case yet, in the reader's language; null when it can.</summary>
    public string? Refusal(CaseDocumentKind kind, CaseFile file) => kind switch
    {
        CaseDocumentKind.Record when file.Sessions.Count == 0 =>
            l["No mediation session has been recorded for this case yet, so there is no mediation record to print."].Value,
        CaseDocumentKind.Agreement when file.Agreement is null =>
            l["No agreement has been recorded for this case yet, so there is no agreement to print."].Value,
        CaseDocumentKind.JudicialConfirmation when file.Agreement is null => l["There is no agreement to confirm."].Value,
        CaseDocumentKind.JudicialConfirmation when !DisputeWorkflow.AllowedFrom[DisputeAction.RequestJudicialConfirmation].Contains(file.Case.Status) =>
            l["A case that is {0} cannot be {1}.", l.Enum(file.Case.Status), l.Enum(DisputeAction.RequestJudicialConfirmation).ToLowerInvariant()].Value,
        CaseDocumentKind.JudicialConfirmation when clock.Today > file.Agreement!.JudicialConfirmationBy =>
            l["The 30-day window to request judicial confirmation closed on {0}.", file.Agreement.JudicialConfirmationBy.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)].Value,
        _ => null,
    };

    public async Task<IssuedDocument> IssueAsync(CaseDocumentKind kind, CaseFile file, CancellationToken ct)
    {
        font.EnsurePresent();
        var verification = Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).Insert(4, "-");
        var now = clock.Now;
        var pdf = new CaseDocumentWriter(l, clock, categories).Write(kind, file, verification, now);
        var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        var d = file.Case;
        var note = l["{0} · {1} · verification code {2} · SHA-256 {3}", l[kind.TitleKey()], CaseDocumentKinds.Number(d.Code), verification, sha];
        var e = workflow.NewEvent(d, DisputeEventType.DocumentIssued, d.Status, note, d.Version);
        // The case was read untracked: point at it by id, or EF would insert it again.
        e.Dispute = null;
        e.DisputeId = d.Id;
        db.DisputeEvents.Add(e);
        await db.SaveChangesAsync(ct);
        return new IssuedDocument(pdf, sha, verification, $"{d.Code}-{kind.Slug()}.pdf");
    }
}
