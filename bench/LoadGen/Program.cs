using LoadGen;

const string Usage = """
    usage: LoadGen MODE --option value ...
      rate          --url URL --rps N --seconds S [--method GET|POST] [--form "k=v&k2=v2"] [--json BODY]
                    [--concurrency-cap C] [--label L] [--timeout S] [--probe-url URL --probe-seconds S]
                    [--values FILE]   ({n}, {pick} url-escaped, {raw} from FILE in --form or --json)
      crash-writer  --url BASE --acked FILE [--workers W] [--api-key K]   (runs until SIGTERM or SIGINT)
      latency       --url URL [--login USER:PASSWORD] [--requests N] [--warmup W] [--method M] [--json BODY]
                    [--values FILE] [--label L]   ({n}, {pick} url-escaped, {raw} from FILE in the url or body)
      probe         --url URL --seconds S [--label L]
      rss           --pid P --seconds S --out FILE [--label L]
    """;

if (args.Length == 0)
{
    Console.Error.WriteLine(Usage);
    return 2;
}
try
{
    var options = Options.Parse(args, 1);
    return args[0] switch
    {
        "rate" => await RateMode.RunAsync(options),
        "crash-writer" => await CrashWriter.RunAsync(options),
        "probe" => await ProbeMode.RunAsync(options),
        "latency" => await LatencyMode.RunAsync(options),
        "rss" => await RssMode.RunAsync(options),
        _ => throw new ArgumentException($"Unknown mode '{args[0]}'."),
    };
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}
