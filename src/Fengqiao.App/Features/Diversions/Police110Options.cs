namespace Fengqiao.Features.Diversions;

/// <summary>The <c>Bridges:Police110</c> section: the 110 command centre's shared secret and the departments' links.</summary>
public sealed class Police110Options
{
    public const string Section = "Bridges:Police110";

    /// <summary>The HMAC secret 110 signs its deliveries with. Empty: the intake refuses every delivery.</summary>
    public string Secret { get; set; } = "";
    /// <summary>Days a department's signed link stays valid after it is sent.</summary>
    public int LinkDays { get; set; } = 30;
}
