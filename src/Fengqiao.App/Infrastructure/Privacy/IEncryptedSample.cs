namespace Fengqiao.Infrastructure.Privacy;

/// <summary>
/// One stored ciphertext of a feature's personal fields (a resident's ID number), for checking that a key ring opens the
/// data before a backup is taken. Registered by the features that encrypt; null when they hold nothing yet.
/// </summary>
public interface IEncryptedSample
{
    Task<string?> AnyAsync(AppDb db, CancellationToken ct);
}
