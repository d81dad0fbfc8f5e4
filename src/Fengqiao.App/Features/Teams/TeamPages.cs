using Fengqiao.Features.Areas;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Fengqiao.Features.Teams;

/// <summary>A place to choose in a form: its code and its name in the reader's language.</summary>
public sealed record AreaOption(string Code, string Name, AreaLevel Level);

/// <summary>What the pages of the teams feature share: area pickers, times in the local zone, errors on the form.</summary>
public static class TeamPages
{
    /// <summary>How many places a picker offers.</summary>
    public const int PickerSize = 800;

    public const string LocalMinute = "yyyy-MM-dd HH:mm";
    /// <summary>The value format of an &lt;input type="datetime-local"&gt;.</summary>
    public const string InputMinute = "yyyy-MM-ddTHH:mm";

    /// <summary>Places in the reader's jurisdiction from <paramref name="from"/> down to <paramref name="to"/>, in tree order.</summary>
    public static async Task<IReadOnlyList<AreaOption>> PlacesAsync(AppDb db, AreaLevel from, AreaLevel to, CancellationToken ct)
    {
        var rows = await db.Areas.AsNoTracking().Where(a => a.Level >= from && a.Level <= to).OrderBy(a => a.Path).Take(PickerSize)
            .Select(a => new { a.Code, a.NameZh, a.NameEn, a.Level, ParentZh = a.Parent!.NameZh, ParentEn = a.Parent.NameEn })
            .ToListAsync(ct);
        return [.. rows.Select(a => new AreaOption(a.Code,
            a.Level == AreaLevel.Township
                ? LocalizationSetup.Pick(a.NameZh, a.NameEn)
                : $"{LocalizationSetup.Pick(a.ParentZh, a.ParentEn)} · {LocalizationSetup.Pick(a.NameZh, a.NameEn)}",
            a.Level))];
    }

    public static string Local(LocalClock clock, DateTimeOffset instant) => clock.ToLocal(instant).ToString(LocalMinute, CultureInfo.InvariantCulture);

    /// <summary>A wall-clock time as the value of a datetime-local input ("" for none).</summary>
    public static string InputValue(DateTime? wallClock) => wallClock?.ToString(InputMinute, CultureInfo.InvariantCulture) ?? "";

    /// <summary>A wall-clock time from a form, as a UTC instant (null stays null).</summary>
    public static DateTimeOffset? FromForm(LocalClock clock, DateTime? wallClock) =>
        wallClock is null ? null : clock.FromLocal(wallClock.Value).ToUniversalTime();

    /// <summary>Puts the API's field errors on the page's form fields (prefix "Input.").</summary>
    public static void ShowErrors(ModelStateDictionary state, Checks c, string prefix = "Input.")
    {
        foreach (var (field, messages) in c.Errors)
        {
            // "tasks[0].dueOn" → "Input.Tasks[0].DueOn", the name the form's field has.
            var key = field.Length == 0 ? "" : prefix + string.Join('.', field.Split('.').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
            messages.ForEach(m => state.AddModelError(key, m));
        }
    }

    /// <summary>At most <paramref name="length"/> characters, with an ellipsis when cut.</summary>
    public static string Excerpt(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}
