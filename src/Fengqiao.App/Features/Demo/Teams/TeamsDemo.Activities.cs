using Fengqiao.Features.Areas;
using Fengqiao.Features.People;
using Fengqiao.Features.Teams;

namespace Fengqiao.Features.Demo.Teams;

/// <summary>The demo teams' work: patrol logs, tips, outreach activities and weekly meetings.</summary>
public static partial class TeamsDemo
{
    private static List<PatrolLog> Patrols(List<Built> volunteerTeams, List<Built> communityTeams, LocalClock clock, Random rng, DateOnly today, string volunteerId)
    {
        var logs = new List<PatrolLog>();
        // Oldest first, up to yesterday evening: nothing ends in the future.
        for (var back = 60; back >= 1; back--)
        {
            var day = today.AddDays(-back);
            foreach (var built in volunteerTeams)
            {
                if (rng.NextDouble() >= 0.55 || built.Volunteers.Count == 0)
                {
                    continue;
                }
                var by = built.Volunteers[rng.Next(built.Volunteers.Count)];
                if (built.Volunteers.Exists(v => v.UserId == volunteerId) && rng.Next(3) == 0)
                {
                    by = built.Volunteers.Find(v => v.UserId == volunteerId)!;
                }
                var start = day.ToDateTime(new TimeOnly(18, 30)).AddMinutes(15 * rng.Next(0, 6));
                logs.Add(Log(built.Team, clock, start, 60 + (15 * rng.Next(0, 7)), rng, 2 + rng.Next(7), by.Name, by.UserId));
            }
            foreach (var built in communityTeams)
            {
                if (rng.NextDouble() >= 0.08 || built.OfficerName.Length == 0)
                {
                    continue;
                }
                var start = day.ToDateTime(new TimeOnly(9, 0)).AddMinutes(30 * rng.Next(0, 12));
                logs.Add(Log(built.Team, clock, start, 45 + (15 * rng.Next(0, 5)), rng, 2 + rng.Next(3), built.OfficerName, null));
            }
        }
        return logs;
    }

    private static PatrolLog Log(Team team, LocalClock clock, DateTime localStart, int minutes, Random rng, int participants, string by, string? userId)
    {
        var started = clock.FromLocal(localStart).ToUniversalTime();
        var quiet = rng.NextDouble() < 0.55;
        return new PatrolLog
        {
            TeamId = team.Id,
            AreaPath = team.AreaPath,
            StartedAt = started,
            EndedAt = started.AddMinutes(minutes),
            Route = Routes[rng.Next(Routes.Length)],
            Observations = quiet ? Quiet[rng.Next(Quiet.Length)] : Findings[rng.Next(Findings.Length)],
            Participants = participants,
            LoggedByUserId = userId,
            LoggedByName = by,
        };
    }

    private static async Task<List<Tip>> TipsAsync(
        AppDb db, FieldProtector protector, LocalClock clock, Random rng, DemoNames names, List<Built> volunteerTeams, List<DemoStation> stations,
        DateOnly today, DateTimeOffset now, string volunteerId, CancellationToken ct)
    {
        var tips = new List<Tip>();
        if (volunteerTeams.Count == 0)
        {
            return tips;
        }
        var stationPaths = stations.ToDictionary(s => s.Id, s => s.AreaPath);
        var drafts = new List<(DateTimeOffset At, Built Team, TeamMember? By, int Text)>();
        for (var i = 0; i < 40; i++)
        {
            // The first two teams (Chongqing Road Street and Xiangyang) hear the most.
            var built = volunteerTeams[rng.Next(3) == 0 ? rng.Next(volunteerTeams.Count) : rng.Next(Math.Min(2, volunteerTeams.Count))];
            var local = today.AddDays(-rng.Next(1, 61)).ToDateTime(new TimeOnly(8, 0)).AddMinutes(rng.Next(0, 13 * 60));
            var by = built.Volunteers.Count == 0 ? null : built.Volunteers[rng.Next(built.Volunteers.Count)];
            drafts.Add((clock.FromLocal(local).ToUniversalTime(), built, by, rng.Next(TipTexts.Length)));
        }
        // 王淑芬's own three, so that her portal page has tips to follow.
        var mine = volunteerTeams.Find(b => b.Volunteers.Exists(v => v.UserId == volunteerId));
        if (mine is not null)
        {
            var wang = mine.Volunteers.Find(v => v.UserId == volunteerId);
            foreach (var back in WangsTipDays)
            {
                var local = today.AddDays(-back).ToDateTime(new TimeOnly(20, 15));
                drafts.Add((clock.FromLocal(local).ToUniversalTime(), mine, wang, rng.Next(TipTexts.Length)));
            }
        }
        foreach (var (at, built, by, text) in drafts.OrderBy(d => d.At))
        {
            var stationPath = stationPaths[built.Team.StationUnitId];
            var phone = by?.UserId == volunteerId ? VolunteerPhone : "1" + (char)('3' + rng.Next(7)) + rng.Next(100_000_000, 1_000_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var age = (now - at).TotalDays;
            var status = age > 14 ? (rng.Next(10) < 9 ? TipStatus.Handled : TipStatus.Acknowledged)
                : age > 3 ? (rng.Next(10) switch { < 2 => TipStatus.New, < 7 => TipStatus.Acknowledged, _ => TipStatus.Handled })
                : TipStatus.New;
            var acknowledged = status == TipStatus.New ? (DateTimeOffset?)null : Earlier(at.AddHours(1 + rng.Next(20)), now);
            var handled = status == TipStatus.Handled ? Earlier(at.AddDays(1 + rng.Next(10)), now) : (DateTimeOffset?)null;
            tips.Add(new Tip
            {
                Code = await TipCommands.NextCodeAsync(db, stationPath, clock.DayOf(at).Year, ct),
                AreaPath = stationPath,
                StationUnitId = built.Team.StationUnitId,
                TeamId = built.Team.Id,
                Text = TipTexts[text].Text,
                ReceivedAt = at,
                Status = status,
                AcknowledgedAt = acknowledged,
                HandledAt = handled,
                HandledNote = status == TipStatus.Handled ? TipTexts[text].Note : null,
                TipsterName = by?.Name ?? names.Next().Zh,
                TipsterPhoneCipher = protector.Protect(phone),
                TipsterPhoneMasked = Mask.Phone(phone),
                SubmittedByUserId = by?.UserId,
            });
        }
        return tips;
    }

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static List<OutreachActivity> Outreach(
        List<DemoArea> areas, Dictionary<int, DemoArea> streets, Dictionary<int, DemoStation> stationOfStreet, ILookup<int, DemoPost> postsByUnit,
        Random rng, DateOnly today)
    {
        var activities = new List<OutreachActivity>();
        var communities = areas.Where(a => a.Level == AreaLevel.Community && a.ParentId is not null && streets.ContainsKey(a.ParentId.Value)).ToList();
        if (communities.Count == 0)
        {
            return activities;
        }
        int? OfficerOf(DemoArea community) =>
            stationOfStreet.TryGetValue(community.ParentId!.Value, out var s)
                ? postsByUnit[s.Id].FirstOrDefault(p => p.Role == PostRole.CommunityPolice)?.PersonId
                : null;
        void Add(OutreachKind kind, string title, string place, DateOnly day, int audience, DemoArea where) =>
            activities.Add(new OutreachActivity
            {
                Kind = kind, Title = title, Place = place, HeldOn = day > today ? today : day, Audience = audience,
                AreaId = where.Id, AreaPath = where.Path, OfficerId = OfficerOf(where),
            });

        // Rule-of-law vice principals: the Liberation station's officers at their schools, and others.
        var liberation = communities.Where(c => streets[c.ParentId!.Value].NameZh == "解放街道").ToList();
        foreach (var c in liberation)
        {
            Add(OutreachKind.RuleOfLawVicePrincipal, LawLessons[rng.Next(LawLessons.Length)], School(c.NameZh), today.AddDays(-rng.Next(3, 90)), 300 + rng.Next(600), c);
        }
        for (var i = 0; i < 12; i++)
        {
            var c = communities[rng.Next(communities.Count)];
            Add(OutreachKind.RuleOfLawVicePrincipal, LawLessons[rng.Next(LawLessons.Length)], School(c.NameZh), today.AddDays(-rng.Next(3, 120)), 200 + rng.Next(700), c);
        }
        // Anti-fraud talks in communities.
        for (var i = 0; i < 30; i++)
        {
            var c = communities[rng.Next(communities.Count)];
            Add(OutreachKind.AntiFraudTalk, FraudTalks[rng.Next(FraudTalks.Length)], c.NameZh + "党群服务中心", today.AddDays(-rng.Next(1, 120)), 30 + rng.Next(120), c);
        }
        // Helping elderly farmers plough in spring, and bring the harvest in, in the towns' villages (Liudaogou first).
        var villages = communities.Where(c => c.NameZh.EndsWith('村')).OrderBy(c => streets[c.ParentId!.Value].NameZh == "六道沟镇" ? 0 : 1).ThenBy(c => c.Code).ToList();
        var spring = today.Month >= 5 ? today.Year : today.Year - 1;
        var autumn = today.Month >= 10 ? today.Year : today.Year - 1;
        for (var i = 0; i < Math.Min(10, villages.Count); i++)
        {
            var v = villages[i];
            Add(OutreachKind.FarmingHelp, "春耕时节帮助老年农户翻地、备耕", v.NameZh + "田间", new DateOnly(spring, 4, 10).AddDays(rng.Next(40)), 3 + rng.Next(10), v);
            if (i % 2 == 0)
            {
                Add(OutreachKind.FarmingHelp, "帮助留守老人抢收玉米", v.NameZh + "田间", new DateOnly(autumn, 9, 20).AddDays(rng.Next(25)), 2 + rng.Next(6), v);
            }
        }
        // Legal publicity and the rest.
        for (var i = 0; i < 12; i++)
        {
            var c = communities[rng.Next(communities.Count)];
            Add(OutreachKind.LegalPublicity, Publicity[rng.Next(Publicity.Length)], c.NameZh + "文化广场", today.AddDays(-rng.Next(1, 120)), 50 + rng.Next(250), c);
        }
        for (var i = 0; i < 4; i++)
        {
            var c = communities[rng.Next(communities.Count)];
            Add(OutreachKind.Other, "为外卖骑手、快递员开展交通安全培训", c.NameZh + "快递驿站", today.AddDays(-rng.Next(1, 90)), 15 + rng.Next(40), c);
        }
        return activities;
    }

    /// <summary>"阜北社区" → "阜北小学": the primary school named after the community.</summary>
    private static string School(string community) =>
        community.EndsWith("社区", StringComparison.Ordinal) ? community[..^2] + "小学"
        : community.EndsWith('村') ? community[..^1] + "小学"
        : community + "小学";

    private static List<Meeting> Meetings(DemoArea community, Built team, List<DemoPost> communityPosts, DemoNames names, Random rng, DateOnly today)
    {
        var meetings = new List<Meeting>();
        var secretary = communityPosts.Find(p => p.Role == PostRole.CommunitySecretary)?.Name ?? names.Next().Zh;
        var grids = communityPosts.Where(p => p.Role == PostRole.GridOfficer).Select(p => p.Name).ToList();
        if (grids.Count == 0)
        {
            grids.Add(names.Next().Zh);
        }
        var officer = team.OfficerName.Length > 0 ? team.OfficerName : names.Next().Zh;
        var auxiliary = team.Team.Members.Find(m => m.Role == MemberRole.AuxiliaryPolice)?.Name;
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        for (var week = 7; week >= 0; week--)
        {
            var held = monday.AddDays(-7 * week);
            var resident = names.Next().Zh;
            var topic = Topics[rng.Next(Topics.Length)];
            var incidents = rng.Next(1, 9);
            var disputes = rng.Next(0, 5);
            var meeting = new Meeting
            {
                AreaId = community.Id,
                AreaPath = community.Path,
                HeldOn = held,
                PoliceAttendees = officer + "（社区民警）" + (auxiliary is null ? "" : "、" + auxiliary + "（辅警）"),
                CommunityAttendees = $"{secretary}（社区书记）、{string.Join('、', grids.Take(2))}（网格员）、{resident}（居民代表）",
                Minutes = $"通报本周警情{incidents}起、矛盾纠纷{disputes}件（已化解{rng.Next(0, disputes + 1)}件）。{topic}",
            };
            var count = 1 + rng.Next(3);
            for (var t = 0; t < count; t++)
            {
                var (description, owner, days) = Decisions[rng.Next(Decisions.Length)];
                var due = held.AddDays(days);
                var ownerName = owner switch
                {
                    DecisionOwner.Officer => officer,
                    DecisionOwner.Grid => grids[rng.Next(grids.Count)],
                    _ => secretary,
                };
                // Older decisions are mostly carried out; one of the fourth week's is left overdue on purpose.
                var done = !(week == 4 && t == 0) && rng.Next(10) < (week >= 2 ? 8 : 3);
                DateOnly? doneOn = null;
                if (done)
                {
                    var day = due.AddDays(-rng.Next(0, Math.Max(1, days)));
                    day = day < held ? held : day;
                    doneOn = day > today ? null : day;
                }
                meeting.Tasks.Add(new MeetingTask { AreaPath = community.Path, Description = description, OwnerName = ownerName, DueOn = due, DoneOn = doneOn });
            }
            meetings.Add(meeting);
        }
        return meetings;
    }
}
