namespace Fengqiao.Features.Statistics;

/// <summary>
/// The list of records behind a figure, for an area and period. The lists apply the viewer's
/// jurisdiction themselves, so a link never shows more than the figure counted.
/// </summary>
public static class RecordLinks
{
    public static string? For(string figure, string area, Period p)
    {
        var a = Uri.EscapeDataString(area);
        var from = p.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = p.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return figure switch
        {
            "community-police-share" or "station-police-share" => $"/people?area={a}&kind=PoliceOfficer",
            "seconded-officers" or "seconded-share" => "/secondments?active=true",
            "comprehensive-windows" => "/services?kind=StationWindow",
            "services-handled" or "services-in-time" or "average-wait" or "good-reviews" or "bad-reviews" => $"/services/stats?area={a}&from={from}&to={to}",
            "disputes-registered" => $"/disputes?area={a}&from={from}&to={to}",
            "disputes-resolved" or "resolution-rate" => $"/disputes?area={a}&resolvedFrom={from}&resolvedTo={to}",
            "disputes-overdue" => $"/disputes?view=Overdue&area={a}",
            "community-police-teams" => $"/teams?area={a}&kind=CommunityPolice",
            "volunteers" => $"/teams?area={a}&kind=VolunteerPatrol",
            "supervision-notices" or "supervision-open" => "/supervision",
            "dangers-found" or "dangers-removed" => $"/dangers?area={a}",
            "dangers-open" => $"/dangers?area={a}&status=Open",
            "dangers-overdue" => $"/dangers?area={a}&overdue=true",
            "visits" or "visit-coverage" or "anti-fraud" => $"/visits?area={a}",
            "households" or "residents" => $"/households?area={a}",
            "demands-raised" or "demands-answered" or "referrals-in-time" => $"/demands?area={a}",
            "referrals-overdue" => $"/demands?area={a}&overdue=true",
            "patrols" or "patrol-participants" => $"/patrols?area={a}&from={from}&to={to}",
            "resident-requests" => "/requests",
            _ => null,
        };
    }
}
