using Fengqiao.Features.Areas;
using Fengqiao.Features.People;
using Fengqiao.Features.Units;

namespace Fengqiao.Features.Teams;

public enum TeamKind
{
    /// <summary>社区警务团队: the community police officer with auxiliaries, cadres and grid officers (the article counts 9,833).</summary>
    CommunityPolice = 1,
    /// <summary>平安志愿巡逻队: building leaders, couriers, property staff and residents (Xing Yun's team).</summary>
    VolunteerPatrol = 2,
}

public enum MemberRole
{
    Officer = 1,
    AuxiliaryPolice = 2,
    CommunityCadre = 3,
    GridOfficer = 4,
    BuildingLeader = 5,
    Courier = 6,
    PropertyStaff = 7,
    Resident = 8,
}

public enum TipStatus
{
    New = 1,
    Acknowledged = 2,
    Handled = 3,
}

public enum OutreachKind
{
    RuleOfLawVicePrincipal = 1,
    AntiFraudTalk = 2,
    FarmingHelp = 3,
    LegalPublicity = 4,
    Other = 5,
}

/// <summary>
/// A team that serves a community or a street: a community police team, or a volunteer patrol
/// team like the one Xing Yun set up. Its tips go to <see cref="StationUnitId"/>, the police
/// station whose area contains the team's area.
/// </summary>
public sealed class Team : IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public TeamKind Kind { get; set; }
    public string? Description { get; set; }
    public int AreaId { get; set; }
    public Area? Area { get; set; }
    public required string AreaPath { get; set; }
    /// <summary>
    /// The receiving station. No navigation on purpose: the station's area is above the team's, so a
    /// community-level reader may not see the station, and a join would hide the team from them.
    /// </summary>
    public int StationUnitId { get; set; }
    public List<TeamMember> Members { get; set; } = [];
    public long Version { get; set; }
}

/// <summary>A member of a team: staff (with a person) or a volunteer (with a resident account, to log patrols and send tips).</summary>
public sealed class TeamMember
{
    public int Id { get; set; }
    public int TeamId { get; set; }
    public Team? Team { get; set; }
    /// <summary>Copy of the team's area path, for the jurisdiction filter.</summary>
    public required string AreaPath { get; set; }
    public required string Name { get; set; }
    public MemberRole Role { get; set; }
    public int? PersonId { get; set; }
    public Person? Person { get; set; }
    /// <summary>The resident account (AppUser id) of a volunteer who signs in to the portal.</summary>
    public string? UserId { get; set; }
    public DateOnly JoinedOn { get; set; }
    public bool Active { get; set; } = true;
}

/// <summary>One patrol by a team: when, where it went, what it saw, how many took part.</summary>
public sealed class PatrolLog
{
    public int Id { get; set; }
    public int TeamId { get; set; }
    public Team? Team { get; set; }
    public required string AreaPath { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset EndedAt { get; set; }
    public required string Route { get; set; }
    public string? Observations { get; set; }
    public int Participants { get; set; }
    public string? LoggedByUserId { get; set; }
    public required string LoggedByName { get; set; }
    /// <summary>The id the volunteer's phone gave the draft: a replay of the same draft finds this log instead of making another.</summary>
    public Guid? ClientId { get; set; }
}

/// <summary>
/// A confidential tip to the police (治安线索). It belongs to the receiving station's area, so the
/// county, city and province above see that it exists; only the receiving station sees who gave it
/// (<see cref="TipPrivacy"/>).
/// </summary>
public sealed class Tip : IVersioned
{
    public int Id { get; set; }
    public required string Code { get; set; }
    /// <summary>The receiving station's area path.</summary>
    public required string AreaPath { get; set; }
    public int StationUnitId { get; set; }
    public Unit? Station { get; set; }
    public int? TeamId { get; set; }
    public Team? Team { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public TipStatus Status { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public DateTimeOffset? HandledAt { get; set; }
    public string? HandledNote { get; set; }
    public required string TipsterName { get; set; }
    public string? TipsterPhoneCipher { get; set; }
    public string? TipsterPhoneMasked { get; set; }
    public string? SubmittedByUserId { get; set; }
    public long Version { get; set; }
    /// <summary>The id the volunteer's phone gave the draft: a replay of the same draft finds this tip instead of making another.</summary>
    public Guid? ClientId { get; set; }
}

/// <summary>Police work among the people: a rule-of-law vice principal's lesson, an anti-fraud talk, helping farmers plough.</summary>
public sealed class OutreachActivity
{
    public int Id { get; set; }
    public OutreachKind Kind { get; set; }
    public required string Title { get; set; }
    public required string Place { get; set; }
    public DateOnly HeldOn { get; set; }
    public int Audience { get; set; }
    public int AreaId { get; set; }
    public Area? Area { get; set; }
    public required string AreaPath { get; set; }
    public int? OfficerId { get; set; }
    public Person? Officer { get; set; }
}

/// <summary>The weekly community meeting (社区周例会): who came, the minutes, and the decisions as tasks.</summary>
public sealed class Meeting : IVersioned
{
    public int Id { get; set; }
    public int AreaId { get; set; }
    public Area? Area { get; set; }
    public required string AreaPath { get; set; }
    public DateOnly HeldOn { get; set; }
    public required string PoliceAttendees { get; set; }
    public required string CommunityAttendees { get; set; }
    public required string Minutes { get; set; }
    public List<MeetingTask> Tasks { get; set; } = [];
    public long Version { get; set; }
}

/// <summary>A decision of a meeting: who does what by when, and when it was done.</summary>
public sealed class MeetingTask : IVersioned
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public required string AreaPath { get; set; }
    public required string Description { get; set; }
    public required string OwnerName { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly? DoneOn { get; set; }
    public long Version { get; set; }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> b)
    {
        b.ToTable("Teams");
        b.InJurisdiction(x => x.AreaPath);
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Description).HasMaxLength(500);
        b.Property(t => t.AreaPath).HasMaxLength(200);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasIndex(t => t.AreaPath);
        b.HasIndex(t => new { t.Kind, t.AreaPath });
        b.HasOne(t => t.Area).WithMany().HasForeignKey(t => t.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(t => t.StationUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> b)
    {
        b.ToTable("TeamMembers");
        b.InJurisdiction(x => x.AreaPath);
        b.Property(m => m.AreaPath).HasMaxLength(200);
        b.Property(m => m.Name).HasMaxLength(50);
        b.Property(m => m.UserId).HasMaxLength(450);
        b.HasIndex(m => m.AreaPath);
        b.HasIndex(m => m.UserId);
        b.HasOne(m => m.Team).WithMany(t => t.Members).HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(m => m.Person).WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PatrolLogConfiguration : IEntityTypeConfiguration<PatrolLog>
{
    public void Configure(EntityTypeBuilder<PatrolLog> b)
    {
        b.ToTable("PatrolLogs");
        b.InJurisdiction(x => x.AreaPath);
        b.Property(p => p.AreaPath).HasMaxLength(200);
        b.Property(p => p.Route).HasMaxLength(500);
        b.Property(p => p.Observations).HasMaxLength(2000);
        b.Property(p => p.LoggedByUserId).HasMaxLength(450);
        b.Property(p => p.LoggedByName).HasMaxLength(100);
        b.HasIndex(p => p.AreaPath);
        b.HasIndex(p => new { p.TeamId, p.StartedAt });
        b.HasIndex(p => p.LoggedByUserId);
        b.HasIndex(p => p.ClientId).IsUnique();
        b.HasOne(p => p.Team).WithMany().HasForeignKey(p => p.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TipConfiguration : IEntityTypeConfiguration<Tip>
{
    public void Configure(EntityTypeBuilder<Tip> b)
    {
        b.ToTable("Tips");
        b.InJurisdiction(x => x.AreaPath);
        b.HasIndex(t => t.Code).IsUnique();
        b.HasIndex(t => t.AreaPath);
        b.HasIndex(t => new { t.Status, t.ReceivedAt });
        b.HasIndex(t => t.SubmittedByUserId);
        b.HasIndex(t => t.ClientId).IsUnique();
        b.Property(t => t.Code).HasMaxLength(40);
        b.Property(t => t.AreaPath).HasMaxLength(200);
        b.Property(t => t.Text).HasMaxLength(2000);
        b.Property(t => t.HandledNote).HasMaxLength(2000);
        b.Property(t => t.TipsterName).HasMaxLength(50);
        b.Property(t => t.TipsterPhoneCipher).HasMaxLength(200);
        b.Property(t => t.TipsterPhoneMasked).HasMaxLength(20);
        b.Property(t => t.SubmittedByUserId).HasMaxLength(450);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasOne(t => t.Station).WithMany().HasForeignKey(t => t.StationUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(t => t.Team).WithMany().HasForeignKey(t => t.TeamId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class OutreachActivityConfiguration : IEntityTypeConfiguration<OutreachActivity>
{
    public void Configure(EntityTypeBuilder<OutreachActivity> b)
    {
        b.ToTable("OutreachActivities");
        b.InJurisdiction(x => x.AreaPath);
        b.Property(o => o.Title).HasMaxLength(200);
        b.Property(o => o.Place).HasMaxLength(200);
        b.Property(o => o.AreaPath).HasMaxLength(200);
        b.HasIndex(o => o.AreaPath);
        b.HasIndex(o => new { o.Kind, o.HeldOn });
        b.HasOne(o => o.Area).WithMany().HasForeignKey(o => o.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(o => o.Officer).WithMany().HasForeignKey(o => o.OfficerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.ToTable("Meetings");
        b.InJurisdiction(x => x.AreaPath);
        b.Property(m => m.AreaPath).HasMaxLength(200);
        b.Property(m => m.PoliceAttendees).HasMaxLength(500);
        b.Property(m => m.CommunityAttendees).HasMaxLength(500);
        b.Property(m => m.Minutes).HasMaxLength(4000);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasIndex(m => m.AreaPath);
        b.HasIndex(m => new { m.AreaId, m.HeldOn });
        b.HasOne(m => m.Area).WithMany().HasForeignKey(m => m.AreaId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeetingTaskConfiguration : IEntityTypeConfiguration<MeetingTask>
{
    public void Configure(EntityTypeBuilder<MeetingTask> b)
    {
        b.ToTable("MeetingTasks");
        b.InJurisdiction(x => x.AreaPath);
        b.Property(t => t.AreaPath).HasMaxLength(200);
        b.Property(t => t.Description).HasMaxLength(500);
        b.Property(t => t.OwnerName).HasMaxLength(100);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasIndex(t => t.AreaPath);
        b.HasIndex(t => new { t.DoneOn, t.DueOn });
        b.HasOne(t => t.Meeting).WithMany(m => m.Tasks).HasForeignKey(t => t.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}
