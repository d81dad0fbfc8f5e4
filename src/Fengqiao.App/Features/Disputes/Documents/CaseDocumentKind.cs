namespace Fengqiao.Features.Disputes.Documents;

/// <summary>The documents of a people's mediation case file, by the slug of their URL.</summary>
public enum CaseDocumentKind
{
    /// <summary>受理通知书</summary>
    Acceptance = 1,
    /// <summary>调解笔录</summary>
    Record = 2,
    /// <summary>人民调解协议书</summary>
    Agreement = 3,
    /// <summary>司法确认申请书, with the agreement attached.</summary>
    JudicialConfirmation = 4,
}

public static class CaseDocumentKinds
{
    public static readonly IReadOnlyDictionary<string, CaseDocumentKind> BySlug = new Dictionary<string, CaseDocumentKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["acceptance"] = CaseDocumentKind.Acceptance,
        ["record"] = CaseDocumentKind.Record,
        ["agreement"] = CaseDocumentKind.Agreement,
        ["judicial-confirmation"] = CaseDocumentKind.JudicialConfirmation,
    };

    public static string Slug(this CaseDocumentKind kind) => BySlug.First(k => k.Value == kind).Key;

    /// <summary>The English title, which is also the localiser key of the Chinese one.</summary>
    public static string TitleKey(this CaseDocumentKind kind) => kind switch
    {
        CaseDocumentKind.Acceptance => "Notice of acceptance",
        CaseDocumentKind.Record => "Mediation record",
        CaseDocumentKind.Agreement => "People's mediation agreement",
        _ => "Application for judicial confirmation",
    };

    /// <summary>
    /// The case number printed on every document of the file, from the case code ("220104001-2026-00012" →
    /// "（2026）220104001调字第00012号": year, street, 调字 for a mediation case, serial). One number for the whole
    /// file, as a committee's register keeps it; the same in both languages so a copy always matches the register.
    /// </summary>
    public static string Number(string caseCode)
    {
        var parts = caseCode.Split('-');
        return parts is [var street, var year, var serial] ? $"（{year}）{street}调字第{serial}号" : $"{caseCode}号";
    }
}
