using System.CommandLine;
using Fengqiao.Tools.Generator;

namespace Fengqiao.Tools.Commands;

/// <summary><c>generate-province</c>: a province-sized, repeatable dataset into an empty database (<see cref="ProvinceGenerator"/>).</summary>
public static class GenerateCommand
{
    public static Command GenerateProvince(Func<IServiceProvider> services)
    {
        var scale = new Option<double>("--scale") { Description = "Multiplies every count; 1.0 is the whole province (more than 0, at most 10).", DefaultValueFactory = _ => 1.0 };
        scale.Validators.Add(r => Arguments.Check(r, r.GetValueOrDefault<double>() is > 0 and <= 10, "--scale must be more than 0 and at most 10."));
        var seed = new Option<int>("--seed") { Description = "Makes the content repeatable.", DefaultValueFactory = _ => 20240524 };
        var years = new Option<int>("--years") { Description = "Years of activity (1 to 30).", DefaultValueFactory = _ => 5 };
        years.Validators.Add(r => Arguments.Check(r, r.GetValueOrDefault<int>() is >= 1 and <= 30, "--years must be from 1 to 30."));
        var end = new Option<string>("--end") { Description = "The last day of activity, yyyy-MM-dd (default: yesterday in China)." };
        end.Validators.Add(r => Arguments.Check(r, Arguments.TryDay(r.GetValueOrDefault<string>(), out _), "--end must be a date written yyyy-MM-dd."));
        var province = new Option<string>("--province")
        {
            Description = "The province's two-digit code (GB/T 2260, e.g. 21 Liaoning): Jilin's shape under that code and name (default 22, Jilin).",
            DefaultValueFactory = _ => Features.Demo.DemoPlaces.ProvinceCode,
        };
        province.Validators.Add(r => Arguments.Check(r, Provinces.Find(r.GetValueOrDefault<string>()) is not null,
            "--province must be the two-digit code of one of the 31 provinces, e.g. 22."));
        var command = new Command("generate-province", "Fills an empty database with a generated province and the rollups of what it wrote (migrates first).")
        {
            scale, seed, years, end, province,
        };
        command.SetAction(async (r, ct) =>
        {
            var sp = services();
            var last = Arguments.TryDay(r.GetValue(end), out var day) && day is { } d ? d : GeneratorOptions.Yesterday(sp.GetRequiredService<TimeProvider>());
            return await ProvinceGenerator.RunAsync(sp, new GeneratorOptions(r.GetValue(scale), r.GetValue(seed), r.GetValue(years), last, r.GetValue(province)!), ct);
        });
        return command;
    }
}
