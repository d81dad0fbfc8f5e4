using Microsoft.AspNetCore.Authorization;

namespace Fengqiao.Features.Outbox.Templates;

/// <summary>The notice templates: every event in every language, the built-in wording or an administrator's own.</summary>
[Authorize(Policy = OutboxEndpoints.AdminPolicy)]
public sealed class IndexModel(TemplateEditor editor) : PageModel
{
    public IReadOnlyList<TemplateRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await editor.ListAsync(ct);
}
