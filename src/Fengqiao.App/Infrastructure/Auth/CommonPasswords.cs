using System.Collections.Frozen;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;

namespace Fengqiao.Infrastructure.Auth;

/// <summary>
/// Refuses the passwords people pick most: the 49,000-word list of zxcvbn-ts (npm <c>@zxcvbn-ts/language-common</c>,
/// which the host's build copies beside the app as <c>common-passwords.json</c>), a few Chinese favourites, and any password that contains the user name. The descriptions
/// are the English keys of the localized messages; pages put them in the reader's language.
/// </summary>
public sealed class CommonPasswords : IPasswordValidator<AppUser>
{
    public const string CommonMessage = "This password is one of the most common ones; choose another.";
    public const string ContainsUserNameMessage = "The password must not contain the user name.";

    private const string FileName = "common-passwords.json";
    private static readonly Lazy<FrozenSet<string>> List = new(Load);

    private static readonly string[] ChineseFavourites =
        ["woaini1314", "5201314520", "1314520520", "woaiwojia", "qq123456789", "zhang123456", "wang123456", "li123456789", "a123456789", "aa123456789"];

    public static bool IsCommon(string password) => List.Value.Contains(password.ToLowerInvariant());

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }
        if (IsCommon(password))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordIsCommon", Description = CommonMessage }));
        }
        if (user.UserName is { Length: >= 3 } name && password.Contains(name, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordContainsUserName", Description = ContainsUserNameMessage }));
        }
        return Task.FromResult(IdentityResult.Success);
    }

    private static FrozenSet<string> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, FileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The common-password list is missing at {path}. Build the host (src/Fengqiao), whose npm ci installs @zxcvbn-ts/language-common.", path);
        }
        using var stream = File.OpenRead(path);
        var words = JsonSerializer.Deserialize<string[]>(stream) ?? [];
        return words.Select(w => w.ToLowerInvariant()).Concat(ChineseFavourites).ToFrozenSet(StringComparer.Ordinal);
    }
}
