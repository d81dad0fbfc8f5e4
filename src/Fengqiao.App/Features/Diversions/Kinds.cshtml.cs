using Fengqiao.Infrastructure.Auth;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Fengqiao.Features.Diversions;

/// <summary>The diversion catalogue for administrators: each kind of non-police call, where it goes, on what legal basis, in how long.</summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class KindsModel(AppDb db, FieldProtector protector) : PageModel
{
    public List<KindRow> Kinds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Kinds = await KindCommands.ListAsync(db, protector, ct);
}
