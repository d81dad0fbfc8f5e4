namespace Fengqiao.Infrastructure.Privacy;

/// <summary>How personal values are shown to someone who has not revealed them.</summary>
public static class Mask
{
    /// <summary><c>220102********1234</c>: the region and the last four, as on Chinese forms.</summary>
    public static string IdNumber(string id) =>
        id.Length < 10 ? new string('*', id.Length) : string.Concat(id.AsSpan(0, 6), new string('*', id.Length - 10), id.AsSpan(id.Length - 4));

    /// <summary><c>139****1111</c>.</summary>
    public static string Phone(string phone) =>
        phone.Length < 7 ? new string('*', phone.Length) : string.Concat(phone.AsSpan(0, 3), new string('*', phone.Length - 7), phone.AsSpan(phone.Length - 4));

    /// <summary><c>z***@example.org</c>: the first letter and the domain.</summary>
    public static string Email(string email)
    {
        var at = email.LastIndexOf('@');
        return at <= 0 ? new string('*', email.Length) : string.Concat(email.AsSpan(0, 1), "***", email.AsSpan(at));
    }

    /// <summary><c>张*</c>, <c>欧阳**</c> for Chinese names; the first letter for others.</summary>
    public static string Name(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0)
        {
            return "";
        }
        var keep = trimmed.Length >= 4 && trimmed.All(c => c > 0x2E80) ? 2 : 1;
        return string.Concat(trimmed.AsSpan(0, keep), new string('*', Math.Max(1, trimmed.Length - keep)));
    }
}
