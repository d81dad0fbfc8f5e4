using System.CommandLine;
using System.Globalization;
using Fengqiao.Features.People.Import;
using Fengqiao.Infrastructure.Data;
using Fengqiao.Infrastructure.Scope;
using Fengqiao.Infrastructure.Web;
using Microsoft.Extensions.Localization;

namespace Fengqiao.Tools.Commands;

/// <summary>
/// <c>import-staff FILE.xlsx [--lang zh-CN|en]</c>: the personnel department's workbook into the database, all or
/// nothing. Prints one line per problem (sheet, row, column, message; tab-separated, in the chosen language, else the
/// system's) and exit code 1 with nothing written; else what was created and updated, exit code 0.
/// </summary>
public static class StaffCommands
{
    public static Command ImportStaff(Func<IServiceProvider> services)
    {
        var file = new Argument<string>("FILE") { Description = "The personnel department's workbook (.xlsx): sheets Areas, Units, People, Posts." };
        var language = new Option<string>("--lang") { Description = "The language of the problems printed: zh-CN or en (default: the system's)." };
        language.AcceptOnlyFromAmong("zh-CN", "en");
        var command = new Command("import-staff", "Fills or updates the organisation from the workbook, all or nothing (see README).") { file, language };
        command.SetAction(async (r, ct) =>
        {
            var sp = services();
            await sp.PrepareDatabaseAsync(ct);
            return await RunAsync(sp, r.GetValue(file)!, r.GetValue(language), Console.Out);
        });
        return command;
    }

    public static async Task<int> RunAsync(IServiceProvider services, string file, string? language, TextWriter output)
    {
        if (language is not null)
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(language);
        }
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<Jurisdiction>().GrantAll();
        sp.GetRequiredService<Jurisdiction>().UserName = "import-staff";
        var l = sp.GetRequiredService<IStringLocalizer<SharedResource>>();
        if (!File.Exists(file))
        {
            await output.WriteLineAsync(l["There is no file {0}.", file]);
            return ToolCommands.Failed;
        }
        var import = new StaffImport(sp.GetRequiredService<AppDb>(), sp.GetRequiredService<ChecksFactory>());
        var (result, problems) = await import.RunAsync(file, CancellationToken.None);
        if (result is null)
        {
            await output.WriteLineAsync(string.Join('\t', l["Sheet"], l["Row"], l["Column"], l["Problem"]));
            foreach (var p in problems)
            {
                await output.WriteLineAsync(string.Join('\t', p.Sheet, p.Row.ToString(CultureInfo.InvariantCulture), p.Column, p.Message));
            }
            await output.WriteLineAsync(l["Nothing was written: {0} problems to correct.", problems.Count]);
            return ToolCommands.Failed;
        }
        foreach (var column in result.IgnoredColumns)
        {
            await output.WriteLineAsync(l["Not imported: the column {0} (ID and phone numbers of staff are not stored).", column]);
        }
        await output.WriteLineAsync(l["Imported. Created: {0} areas, {1} units, {2} people, {3} posts. Updated: {4} areas, {5} units, {6} people, {7} posts.",
            result.AreasCreated, result.UnitsCreated, result.PeopleCreated, result.PostsCreated,
            result.AreasUpdated, result.UnitsUpdated, result.PeopleUpdated, result.PostsUpdated]);
        return ToolCommands.Ok;
    }
}
