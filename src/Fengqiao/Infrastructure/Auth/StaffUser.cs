using Fengqiao.Features.People;
using Microsoft.AspNetCore.Identity;

namespace Fengqiao.Infrastructure.Auth;

/// <summary>A staff sign-in. What the account may see comes from the posts of its <see cref="Person"/>.</summary>
public sealed class StaffUser : IdentityUser
{
    public int? PersonId { get; set; }
    public Person? Person { get; set; }
    public string? PreferredCulture { get; set; }
}

public static class Roles
{
    /// <summary>Runs the system: every area, every record, user accounts.</summary>
    public const string Administrator = "Administrator";
    /// <summary>Station director and above: manages posts and secondments within their scope.</summary>
    public const string Leader = "Leader";
    public const string Officer = "Officer";
    public const string Clerk = "Clerk";

    public static readonly string[] All = [Administrator, Leader, Officer, Clerk];
}

public static class Policies
{
    public const string Staff = "Staff";
    public const string ManageStaff = "ManageStaff";
    public const string ManageAreas = "ManageAreas";
}
