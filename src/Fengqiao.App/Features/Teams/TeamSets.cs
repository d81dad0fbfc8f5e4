namespace Fengqiao.Features.Teams;

/// <summary>This feature's tables on the one context: <c>db.Teams</c>, filtered to the caller's jurisdiction by the entities' configurations.</summary>
public static class TeamSets
{
    extension(AppDb db)
    {
        public DbSet<Team> Teams => db.Set<Team>();
        public DbSet<TeamMember> TeamMembers => db.Set<TeamMember>();
        public DbSet<PatrolLog> PatrolLogs => db.Set<PatrolLog>();
        public DbSet<Tip> Tips => db.Set<Tip>();
        public DbSet<OutreachActivity> OutreachActivities => db.Set<OutreachActivity>();
        public DbSet<Meeting> Meetings => db.Set<Meeting>();
        public DbSet<MeetingTask> MeetingTasks => db.Set<MeetingTask>();
    }
}
