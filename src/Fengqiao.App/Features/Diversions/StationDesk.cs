namespace Fengqiao.Features.Diversions;

public sealed record RedivertInput(string? KindCode, string? Note, long? Version);

public sealed record PoliceMatterInput(string? Note, long? Version);

/// <summary>
/// The station's side of a returned diversion, shared by the API and the detail page: send it to another kind (and so
/// another department), or take it as a police matter. Only diversions in the caller's jurisdiction are found.
/// </summary>
public sealed class StationDesk(AppDb db, DiversionCommands commands)
{
    public async Task<DiversionChange> RedivertAsync(Checks c, int id, RedivertInput i, CancellationToken ct)
    {
        var d = await db.Set<Diversion>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
        {
            return new(ChangeOutcome.NotFound);
        }
        c.When(i.Version is null, "version", "Send the version you read, so that no one else's change is overwritten.").Optional("note", i.Note, 1000);
        var code = i.KindCode?.Trim();
        var kind = string.IsNullOrEmpty(code) ? null : await db.Set<DiversionKind>().AsNoTracking().FirstOrDefaultAsync(k => k.Code == code && k.Active, ct);
        c.When(kind is null, "kindCode", "There is no such kind in the diversion catalogue.");
        var unit = kind is null ? null : await DiversionCommands.DepartmentAsync(db, kind, d.AreaPath, ct);
        c.When(kind is not null && unit is null, "kindCode", "No department of this kind serves the place of the call.")
            .When(unit is not null && unit.Id == d.UnitId && kind!.Id == d.KindId, "kindCode", "It was returned by this department: choose another kind.");
        if (!DiversionCommands.Allows(d.Status, DiversionAction.Redivert))
        {
            return new(ChangeOutcome.WrongState, d.Status);
        }
        if (!c.Ok || kind is null || unit is null)
        {
            return new(ChangeOutcome.Invalid);
        }
        return await commands.RedivertAsync(d, i.Version!.Value, kind, unit, i.Note, ct);
    }

    public async Task<DiversionChange> TakeAsPoliceAsync(Checks c, int id, PoliceMatterInput i, CancellationToken ct)
    {
        var d = await db.Set<Diversion>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
        {
            return new(ChangeOutcome.NotFound);
        }
        c.When(i.Version is null, "version", "Send the version you read, so that no one else's change is overwritten.").Required("note", i.Note, 1000);
        if (!DiversionCommands.Allows(d.Status, DiversionAction.TakeAsPolice))
        {
            return new(ChangeOutcome.WrongState, d.Status);
        }
        return c.Ok ? await commands.TakeAsPoliceAsync(d, i.Version!.Value, i.Note, ct) : new(ChangeOutcome.Invalid);
    }
}
