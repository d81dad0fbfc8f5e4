using Microsoft.AspNetCore.Identity;

namespace Fengqiao.Infrastructure.Auth;

/// <summary>
/// A sign-in. Staff accounts belong to a person (<see cref="PersonId"/>; the People feature owns the relationship) whose posts decide what the account
/// may see; resident accounts (role <see cref="Roles.Resident"/>) have no person and see only
/// their own records.
/// </summary>
public sealed class AppUser : IdentityUser
{
    public int? PersonId { get; set; }
    /// <summary>A resident's name as they gave it, for their bookings and reports.</summary>
    public string? DisplayName { get; set; }
    public string? PreferredCulture { get; set; }
}

public static class Roles
{
    /// <summary>Runs the system: every area and unit, every record; not accounts, not the audit log.</summary>
    public const string Administrator = "Administrator";
    /// <summary>Station director and above: manages posts and secondments within their scope.</summary>
    public const string Leader = "Leader";
    public const string Officer = "Officer";
    public const string Clerk = "Clerk";
    /// <summary>A member of the public using the resident portal.</summary>
    public const string Resident = "Resident";
    /// <summary>Reads the audit log, and nothing else: separate from the administrator who runs the system.</summary>
    public const string Auditor = "Auditor";
    /// <summary>Manages sign-ins: who holds which role, unlocking accounts, resetting a second factor. Sees no records.</summary>
    public const string SecurityOfficer = "SecurityOfficer";

    public static readonly string[] Staff = [Administrator, Leader, Officer, Clerk];
    public static readonly string[] All = [.. Staff, Resident, Auditor, SecurityOfficer];
    /// <summary>The three separated duties (三员分立): they must sign in with a second factor.</summary>
    public static readonly string[] NeedSecondFactor = [Administrator, SecurityOfficer, Auditor];
}

public static class Policies
{
    public const string Staff = "Staff";
    public const string ManageStaff = "ManageStaff";
    public const string ManageAreas = "ManageAreas";
    public const string Resident = "Resident";
    public const string Audit = "Audit";
    public const string ManageAccounts = "ManageAccounts";
}
