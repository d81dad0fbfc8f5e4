using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Fengqiao.Infrastructure.Privacy;

/// <summary>
/// ASP.NET Core's Data Protection keys (which sign the sign-in cookie, the antiforgery tokens and the links in residents'
/// and departments' e-mails) live in the database (<c>DataProtectionKeys</c>), so that every app node reads one key ring
/// and a link sent last week still opens after a restart or on another node. Each key is encrypted at rest with the
/// personal-data key from configuration (<see cref="FieldProtector"/>), so a copy of the database alone cannot forge a
/// session.
/// </summary>
public static class KeyRingStore
{
    public const string ApplicationName = "Fengqiao";

    public static WebApplicationBuilder AddKeyRing(this WebApplicationBuilder builder)
    {
        builder.Services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<AppDb>();
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlEncryptor = new FieldXmlEncryptor(sp.GetRequiredService<FieldProtector>())));
        return builder;
    }
}

/// <summary>Encrypts a key's XML with the personal-data key; <see cref="FieldXmlDecryptor"/> reads it back.</summary>
public sealed class FieldXmlEncryptor(FieldProtector protector) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(new XElement("encryptedKey", new XComment(" Encrypted with Fengqiao's personal-data key (Privacy:Keys). "),
            new XElement("value", protector.Protect(plaintextElement.ToString(SaveOptions.DisableFormatting)))), typeof(FieldXmlDecryptor));
}

/// <summary>Made by Data Protection through its constructor taking the app's services.</summary>
public sealed class FieldXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        XElement.Parse(services.GetRequiredService<FieldProtector>().Unprotect((string?)encryptedElement.Element("value")
            ?? throw new InvalidOperationException("An encrypted Data Protection key has no value.")));
}
