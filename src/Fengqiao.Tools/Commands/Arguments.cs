using System.CommandLine.Parsing;
using System.Globalization;

namespace Fengqiao.Tools.Commands;

/// <summary>The argument checks the commands share, so that an error reads the same in every command.</summary>
internal static class Arguments
{
    /// <summary>Adds <paramref name="message"/> to the option's errors unless <paramref name="ok"/>.</summary>
    public static void Check(OptionResult result, bool ok, string message)
    {
        if (!ok)
        {
            result.AddError(message);
        }
    }

    /// <summary>True for no value (the default applies) or a valid day (yyyy-MM-dd).</summary>
    public static bool TryDay(string? text, out DateOnly? day)
    {
        day = null;
        if (text is null)
        {
            return true;
        }
        var ok = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed);
        day = ok ? parsed : null;
        return ok;
    }
}
