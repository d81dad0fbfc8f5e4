using System.Globalization;
using Fengqiao.Infrastructure.Scope;
using Fengqiao.Infrastructure.Web;
using Microsoft.Extensions.Localization;

namespace Fengqiao.Features.People.Import;

/// <summary>
/// <c>import-staff FILE.xlsx [--lang zh-CN|en]</c>: the personnel department's workbook into the database, all or
/// nothing. Prints one line per problem (sheet, row, column, message; tab-separated, in the chosen language, else the
/// system's) and exit code 1 with nothing written; else what was created and updated, exit code 0.
/// </summary>
public static class StaffImportCli
{
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
            return 2;
        }
        var import = new StaffImport(sp.GetRequiredService<Infrastructure.Data.AppDb>(), sp.GetRequiredService<ChecksFactory>());
        var (result, problems) = await import.RunAsync(file, CancellationToken.None);
        if (result is null)
        {
            await output.WriteLineAsync(string.Join('\t', l["Sheet"], l["Row"], l["Column"], l["Problem"]));
            foreach (var p in problems)
            {
                await output.WriteLineAsync(string.Join('\t', p.Sheet, p.Row.ToString(CultureInfo.InvariantCulture), p.Column, p.Message));
            }
            await output.WriteLineAsync(l["Nothing was written: {0} problems to correct.", problems.Count]);
            return 1;
        }
        foreach (var column in result.IgnoredColumns)
        {
            await output.WriteLineAsync(l["Not imported: the column {0} (ID and phone numbers of staff are not stored).", column]);
        }
        await output.WriteLineAsync(l["Imported. Created: {0} areas, {1} units, {2} people, {3} posts. Updated: {4} areas, {5} units, {6} people, {7} posts.",
            result.AreasCreated, result.UnitsCreated, result.PeopleCreated, result.PostsCreated,
            result.AreasUpdated, result.UnitsUpdated, result.PeopleUpdated, result.PostsUpdated]);
        return 0;
    }
}
