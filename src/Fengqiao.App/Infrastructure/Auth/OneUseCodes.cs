using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace Fengqiao.Infrastructure.Auth;

public sealed class SecondFactorOptions
{
    public const string Section = "SecondFactor";
    /// <summary>A code that has signed someone in is refused the second time (RFC 6238 §5.2). Off only in tests that sign one account in many times a minute.</summary>
    public bool RejectReusedCodes { get; set; } = true;
}

/// <summary>
/// Identity's authenticator codes, each good once. Identity's own provider accepts a code as often as it likes within
/// its window (and does not say which time step matched), so someone who sees a code being typed could sign in with it
/// too. This one checks the code with one step of clock drift either way, and remembers the last step that signed the
/// account in (in Identity's user tokens); a code from that step or an earlier one is refused. Two sign-ins racing with
/// one code update the same user row, and its concurrency stamp lets only one of them through.
/// </summary>
public sealed class OneUseCodes(IOptions<SecondFactorOptions> options, TimeProvider time, ILogger<OneUseCodes> logger)
    : AuthenticatorTokenProvider<AppUser>
{
    private const string Store = "Fengqiao";
    private const string LastStep = "LastCodeStep";

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token.Length != 6 || !token.All(char.IsAsciiDigit))
        {
            return false;
        }
        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(time.GetUtcNow().UtcDateTime, token, out var step, new VerificationWindow(previous: 1, future: 1)))
        {
            return false;
        }
        if (!options.Value.RejectReusedCodes)
        {
            return true;
        }
        var last = await manager.GetAuthenticationTokenAsync(user, Store, LastStep);
        if (long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var used) && step <= used)
        {
            logger.LogWarning("A second-factor code was used again for {UserName}", user.UserName);
            return false;
        }
        return (await manager.SetAuthenticationTokenAsync(user, Store, LastStep, step.ToString(CultureInfo.InvariantCulture))).Succeeded;
    }
}
