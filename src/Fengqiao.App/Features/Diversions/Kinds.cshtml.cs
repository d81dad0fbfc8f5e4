using Microsoft.AspNetCore.Authorization;

namespace Fengqiao.Features.Diversions;

/// <summary>The diversion catalogue for administrators: each kind of non-police call, where it goes, on what legal basis, in how long.</summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class KindsModel(AppDb db, FieldProtector protector) : PageModel
{
    public List<KindRow> Kinds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Kinds = await KindCommands.ListAsync(db, protector, ct);
}
