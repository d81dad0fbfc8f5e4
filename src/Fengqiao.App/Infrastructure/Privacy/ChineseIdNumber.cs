namespace Fengqiao.Infrastructure.Privacy;

public enum IdNumberProblem
{
    None,
    Missing,
    Format,
    BirthDate,
    Checksum,
}

/// <summary>
/// The 18-character resident identity card number (GB 11643-1999): 6-digit region, 8-digit birth
/// date, 3-digit sequence (odd for men), and an ISO 7064 MOD 11-2 check character (0–9 or X).
/// </summary>
public static class ChineseIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    /// <summary>Upper-case, without spaces: the form that is hashed and stored.</summary>
    public static string Normalise(string? value) => (value ?? "").Trim().Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    public static IdNumberProblem Check(string? value, out DateOnly birthDate)
    {
        birthDate = default;
        var id = Normalise(value);
        if (id.Length == 0)
        {
            return IdNumberProblem.Missing;
        }
        if (id.Length != 18 || !id.AsSpan(0, 17).ContainsOnlyDigits() || !(char.IsAsciiDigit(id[17]) || id[17] == 'X') || id[0] == '0')
        {
            return IdNumberProblem.Format;
        }
        if (!DateOnly.TryParseExact(id.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out birthDate)
            || birthDate.Year < 1880)
        {
            return IdNumberProblem.BirthDate;
        }
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (id[i] - '0') * Weights[i];
        }
        return CheckChars[sum % 11] == id[17] ? IdNumberProblem.None : IdNumberProblem.Checksum;
    }

    /// <summary>The check character for the first 17 digits (for generators and tests).</summary>
    public static char CheckChar(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }
        return CheckChars[sum % 11];
    }

    /// <summary>The message a user sees for a problem (a localisation key).</summary>
    public static string Message(IdNumberProblem problem) => problem switch
    {
        IdNumberProblem.Missing => "This field is required.",
        IdNumberProblem.Format => "An ID number has 18 characters: 17 digits and a last digit or X.",
        IdNumberProblem.BirthDate => "The ID number's birth date (characters 7–14) is not a real date.",
        IdNumberProblem.Checksum => "The ID number's last character does not match the others: check for a mistyped digit.",
        _ => "",
    };

    private static bool ContainsOnlyDigits(this ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        return true;
    }
}

/// <summary>Mainland mobile numbers: 11 digits starting 13–19, with an optional +86.</summary>
public static class ChineseMobile
{
    public static string Normalise(string? value)
    {
        var digits = new string((value ?? "").Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal) ? digits[2..] : digits;
    }

    public static bool IsValid(string? value)
    {
        var n = Normalise(value);
        return n.Length == 11 && n[0] == '1' && n[1] is >= '3' and <= '9';
    }

    public const string InvalidMessage = "A mobile number has 11 digits and starts with 13–19.";
}
