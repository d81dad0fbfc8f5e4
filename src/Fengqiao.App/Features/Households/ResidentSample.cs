namespace Fengqiao.Features.Households;

/// <summary>A stored resident ID number, for the backup's key check (<see cref="IEncryptedSample"/>).</summary>
internal sealed class ResidentSample : IEncryptedSample
{
    public Task<string?> AnyAsync(AppDb db, CancellationToken ct) =>
        db.Residents.IgnoreQueryFilters().AsNoTracking().Select(r => r.IdCipher).FirstOrDefaultAsync(ct);
}
