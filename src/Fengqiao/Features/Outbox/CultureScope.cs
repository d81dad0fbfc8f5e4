using System.Globalization;
using Fengqiao.Infrastructure.Localization;

namespace Fengqiao.Features.Outbox;

/// <summary>Renders in the recipient's language, whatever the language of the person whose change caused the message.</summary>
internal readonly struct CultureScope : IDisposable
{
    private readonly CultureInfo _culture;
    private readonly CultureInfo _uiCulture;

    public CultureScope(string? language)
    {
        (_culture, _uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var chosen = new CultureInfo(Normalise(language));
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (chosen, chosen);
    }

    /// <summary>One of the app's languages: English for <c>en</c>, <c>en-GB</c> …; Chinese otherwise.</summary>
    public static string Normalise(string? language) =>
        language is not null && language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? LocalizationSetup.English : LocalizationSetup.Chinese;

    public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _uiCulture);
}
