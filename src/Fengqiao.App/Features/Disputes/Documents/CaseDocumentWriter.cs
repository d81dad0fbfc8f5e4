using PdfSharp.Pdf;

namespace Fengqiao.Features.Disputes.Documents;

/// <summary>
/// The four documents in the layouts people's mediation committees use (after the Ministry of Justice's model
/// texts): title, case number, the parties, the body, and a signature line with a fingerprint box (按指印) for each
/// party, the mediators' lines and the committee's seal. Every word goes through the localiser: the reader's language
/// chooses Chinese or English.
/// </summary>
internal sealed class CaseDocumentWriter(IStringLocalizer l, LocalClock clock, DisputeCategories categories)
{
    private static bool Zh => LocalizationSetup.IsChinese;

    public byte[] Write(CaseDocumentKind kind, CaseFile file, string verification, DateTimeOffset issuedAt)
    {
        using var doc = new PdfDocument();
        doc.Info.Title = $"{l[kind.TitleKey()]} {CaseDocumentKinds.Number(file.Case.Code)}";
        doc.Info.Subject = file.Case.Code;
        doc.Info.Creator = "Fengqiao";
        using (var sheet = new PdfSheet(doc))
        {
            switch (kind)
            {
                case CaseDocumentKind.Acceptance:
                    Acceptance(sheet, file);
                    break;
                case CaseDocumentKind.Record:
                    Record(sheet, file);
                    break;
                case CaseDocumentKind.Agreement:
                    Agreement(sheet, file, kind);
                    break;
                default:
                    JudicialConfirmation(sheet, file);
                    Agreement(sheet, file, CaseDocumentKind.JudicialConfirmation);
                    break;
            }
            var issued = Local(issuedAt);
            sheet.Footers((page, pages) => l["Case {0} · verification code {1} · issued {2} · page {3} of {4}", file.Case.Code, verification, issued, page, pages]);
        }
        using var stream = new MemoryStream();
        doc.Save(stream, false);
        return stream.ToArray();
    }

    /// <summary>A document starts on a new page; an attachment says so above its letterhead.</summary>
    private void Head(PdfSheet s, CaseFile f, string titleKey, bool attachment = false)
    {
        s.NewPage();
        if (attachment)
        {
            s.Paragraph(l["Attachment"], s.Heading, indent: false);
        }
        s.Centered(f.CommitteeName.Length > 0 ? l["{0} People's Mediation Committee", f.CommitteeName] : "", s.Heading, 4);
        s.Centered(l[titleKey], s.Title, 8);
        s.RightAligned(l["No. {0}", CaseDocumentKinds.Number(f.Case.Code)], s.Body, 10);
    }

    private void Parties(PdfSheet s, CaseFile f)
    {
        foreach (var p in f.Parties)
        {
            var details = new List<string> { p.Name };
            details.Add(l["ID number: {0}", p.IdMasked ?? "__________________"]);
            if (p.Address is not null)
            {
                details.Add(l["address: {0}", p.Address]);
            }
            s.Field(l.Enum(p.Role), string.Join(Zh ? "，" : ", ", details));
        }
    }

    private void Acceptance(PdfSheet s, CaseFile f)
    {
        Head(s, f, CaseDocumentKind.Acceptance.TitleKey());
        s.Paragraph(l["To: {0}", string.Join(Zh ? "、" : ", ", f.Parties.Select(p => p.Name))], indent: false);
        s.Paragraph(l["The committee has received the application to mediate the dispute “{0}” ({1}). It meets the conditions for people's mediation, and on {2} the committee decided to accept it.",
            f.Case.Title, categories.Name(f.Case.Category), Day(f.Case.RegisteredOn)]);
        s.Paragraph(l["The committee will arrange mediation promptly. Please take part at the time you are told and bring the evidence you have."]);
        s.Paragraph(l["Mediation is voluntary: a party may refuse it or ask to end it, and may instead protect their rights through arbitration, administrative or judicial channels."]);
        if (f.OfficerName is not null)
        {
            s.Paragraph(l["Handled by: {0}", f.OfficerName], indent: false);
        }
        Seal(s, f, f.Case.RegisteredOn);
        s.SectionHeading(l["Receipt"]);
        foreach (var p in f.Parties)
        {
            s.SignatureLine(l["{0} {1} (signature)", l.Enum(p.Role), p.Name], l["Fingerprint"], l["Date: ________"]);
        }
    }

    private void Record(PdfSheet s, CaseFile f)
    {
        Head(s, f, CaseDocumentKind.Record.TitleKey());
        s.Field(l["Matter"], l["Mediation of the dispute “{0}”", f.Case.Title]);
        Parties(s, f);
        var number = 0;
        foreach (var session in f.Sessions)
        {
            s.SectionHeading(l["Session {0}", ++number]);
            s.Field(l["Time"], Local(session.HeldAt));
            s.Field(l["Place"], session.Place);
            s.Field(l["Mediators"], session.Mediators);
            if (session.Attendees is not null)
            {
                s.Field(l["Attendees"], session.Attendees);
            }
            s.Field(l["Recorder"], "__________");
            s.Paragraph(l["The mediators told the parties their rights and duties in people's mediation, and that mediation is voluntary and equal."]);
            s.Paragraph(session.Minutes ?? l["(No minutes were written.)"]);
            s.Field(l["Outcome"], l.Enum(session.Outcome));
        }
        s.Paragraph(l["The parties have read this record, or had it read to them, and confirm that it is correct."]);
        Signatures(s, f, withRecorder: true);
    }

    private void Agreement(PdfSheet s, CaseFile f, CaseDocumentKind within)
    {
        var a = f.Agreement!;
        Head(s, f, CaseDocumentKind.Agreement.TitleKey(), attachment: within == CaseDocumentKind.JudicialConfirmation);
        Parties(s, f);
        s.SectionHeading(l["Facts of the dispute and matters in issue"]);
        s.Paragraph(f.Case.Summary);
        s.SectionHeading(l["Through mediation the parties agreed of their own free will as follows"]);
        s.Paragraph(a.Terms);
        s.SectionHeading(l["How and when it is performed"]);
        s.Paragraph(a.PerformBy is { } by ? l["To be performed by {0}.", Day(by)] : l["To be performed when it is signed."]);
        s.Paragraph(l["This agreement is binding on the parties, who shall perform it as agreed. The parties may jointly apply to the people's court for judicial confirmation within 30 days of its taking effect (by {0}).", Day(a.JudicialConfirmationBy)]);
        s.Paragraph(l["It takes effect when the parties have signed it or put their fingerprints on it, the mediators have signed it and the committee has sealed it. It is made in {0} copies: one for each party and one for the committee.", f.Parties.Count + 1]);
        s.Paragraph(l["Signed by {0} on {1}, as recorded.", a.SignedBy, Day(a.SignedOn)], s.Small, indent: false);
        Signatures(s, f, withRecorder: false);
        Seal(s, f, a.SignedOn);
    }

    private void JudicialConfirmation(PdfSheet s, CaseFile f)
    {
        var a = f.Agreement!;
        s.NewPage();
        s.Centered(l[CaseDocumentKind.JudicialConfirmation.TitleKey()], s.Title, 8);
        s.RightAligned(l["No. {0}", CaseDocumentKinds.Number(f.Case.Code)], s.Body, 10);
        s.SectionHeading(l["Applicants"]);
        Parties(s, f);
        var committee = l["{0} People's Mediation Committee", f.CommitteeName];
        s.SectionHeading(l["Request"]);
        s.Paragraph(l["To confirm that the people's mediation agreement the applicants reached on {0} through mediation by {1} is valid.", Day(a.SignedOn), committee]);
        s.SectionHeading(l["Facts and reasons"]);
        s.Paragraph(l["A dispute arose between the applicants ({0}): {1} Through mediation by {2} they reached, on {3}, the agreement attached: {4}",
            categories.Name(f.Case.Category), f.Case.Summary, committee, Day(a.SignedOn), a.Terms]);
        s.Paragraph(l["The applicants declare that they reached the agreement of their own free will; that there is no collusion and no evasion of the law; that it harms neither the interests of the state, the public interest nor anyone's lawful rights; and that they bear the legal consequences of any false statement."]);
        s.Paragraph(l["This application is made within 30 days of the agreement taking effect (by {0}).", Day(a.JudicialConfirmationBy)]);
        s.Paragraph(l["Respectfully submitted to"], indent: true, after: 0);
        s.Paragraph(l["People's Court of {0}", f.CourtName], indent: false);
        foreach (var p in f.Parties)
        {
            s.SignatureLine(l["Applicant {0} (signature)", p.Name], l["Fingerprint"], l["Date: ________"]);
        }
        s.Paragraph(l["Attached: the people's mediation agreement {0}", CaseDocumentKinds.Number(f.Case.Code)], s.Body, indent: false);
    }

    private void Signatures(PdfSheet s, CaseFile f, bool withRecorder)
    {
        s.SectionHeading(l["Signatures"]);
        foreach (var p in f.Parties)
        {
            s.SignatureLine(l["{0} {1} (signature)", l.Enum(p.Role), p.Name], l["Fingerprint"], l["Date: ________"]);
        }
        s.SignatureLine(l["Mediators {0} (signature)", f.Mediators], null, l["Date: ________"]);
        if (withRecorder)
        {
            s.SignatureLine(l["Recorder (signature)"], null, l["Date: ________"]);
        }
    }

    private void Seal(PdfSheet s, CaseFile f, DateOnly day)
    {
        s.Space(10);
        s.RightAligned(l["(Seal of the {0} People's Mediation Committee)", f.CommitteeName], s.Body, 2);
        s.RightAligned(Day(day), s.Body, 10);
    }

    private static string Day(DateOnly d) => Zh
        ? d.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)
        : d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private string Local(DateTimeOffset at) => Zh
        ? clock.ToLocal(at).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture)
        : clock.ToLocal(at).ToString("d MMMM yyyy HH:mm", CultureInfo.InvariantCulture);
}
