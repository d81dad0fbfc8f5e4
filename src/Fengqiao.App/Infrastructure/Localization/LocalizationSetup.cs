using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Localization;

namespace Fengqiao.Infrastructure.Localization;

public static partial class LocalizationSetup
{
    public const string Chinese = "zh-CN";
    public const string English = "en";
    public static readonly string[] Cultures = [Chinese, English];

    public static WebApplicationBuilder AddLocalizationSupport(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Cultures.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture(Chinese);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            // Query string, then the user's choice (cookie), then the browser.
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return builder;
    }

    /// <summary>The localised name of an enum value; English falls back to the value's words.</summary>
    public static string Enum<T>(this IStringLocalizer localizer, T value) where T : struct, System.Enum
    {
        var key = $"{typeof(T).Name}.{value}";
        var found = localizer[key];
        return found.ResourceNotFound ? Words(value.ToString()) : found.Value;
    }

    public static bool IsChinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);

    /// <summary>
    /// Works in <paramref name="culture"/> until disposed, whatever the language of the request that started the work: a
    /// background job's messages in its owner's language, a notice in its recipient's.
    /// </summary>
    public static IDisposable InCulture(string culture)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var c = CultureInfo.GetCultureInfo(culture);
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (c, c);
        return new Restore(previous);
    }

    /// <summary>The app's language nearest to <paramref name="language"/>: English for <c>en</c>, <c>en-GB</c> …; Chinese otherwise.</summary>
    public static string Nearest(string? language) =>
        language is not null && language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Chinese;

    private sealed class Restore((CultureInfo, CultureInfo) previous) : IDisposable
    {
        public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
    }

    /// <summary>Picks the name in the reader's language.</summary>
    public static string Pick(string zh, string en) => IsChinese ? zh : en;

    private static string Words(string pascal)
    {
        var spaced = PascalBoundary().Replace(pascal, " $1").Trim();
        return spaced.Length == 0 ? spaced : spaced[0] + spaced[1..].ToLowerInvariant();
    }

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex PascalBoundary();
}
