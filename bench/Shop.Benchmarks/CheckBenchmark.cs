using AngleSharp;
using AngleSharp.Io;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Shop.Jobs.Checking;

namespace Shop.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project bench/Shop.Benchmarks -- check`: AngleSharp's own parse of the fixture pages
/// against the full check (parse + extraction + rules) of the same bytes, in one BenchmarkDotNet run; the Ratio
/// column is the cost of the check relative to the parse.
/// </summary>
[MemoryDiagnoser]
public class CheckBenchmark
{
    private List<byte[]> _pages = [];
    private readonly IBrowsingContext _context = BrowsingContext.New(Configuration.Default);
    private readonly PageChecker _checker = PageChecker.Create();

    [GlobalSetup]
    public void Setup()
    {
        var directory = FixturePages();
        _pages = Directory.EnumerateFiles(directory, "*.html").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
    }

    [Benchmark(Baseline = true, Description = "AngleSharp parse only")]
    public async Task<int> ParseOnly()
    {
        var nodes = 0;
        foreach (var page in _pages)
        {
            using var stream = new MemoryStream(page, writable: false);
            using var document = await _context.OpenAsync(r => r.Content(stream).Address("http://localhost/"));
            nodes += document.All.Length;
        }
        return nodes;
    }

    [Benchmark(Description = "Full check (parse + extract + rules)")]
    public async Task<int> FullCheck()
    {
        var flags = 0;
        foreach (var page in _pages)
        {
            using var stream = new MemoryStream(page, writable: false);
            var result = await _checker.CheckAsync("bench", stream, null, null, CancellationToken.None);
            flags += result.Flags.Count;
        }
        return flags;
    }

    /// <summary>The fixture corpus of Shop.Jobs.Tests, found from the working directory upwards (BenchmarkDotNet runs
    /// the benchmark in a child process below bin/).</summary>
    public static string FixturePages()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tests", "Shop.Jobs.Tests", "Fixtures", "pages");
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        throw new DirectoryNotFoundException("tests/Shop.Jobs.Tests/Fixtures/pages not found above the working directory");
    }

    /// <summary>`-- check-quick`: the same two loops timed with a stopwatch, interleaved over 30 rounds after 300 warm-up rounds; the fastest
    /// round of each is reported too, as the figure least disturbed by other work on a shared machine.</summary>
    public static async Task QuickAsync()
    {
        var bench = new CheckBenchmark();
        bench.Setup();
        // Until tiered compilation has settled (a few seconds): fewer rounds measure the JIT, not the code.
        for (var i = 0; i < 300; i++) { await bench.ParseOnly(); await bench.FullCheck(); }
        var parse = new List<double>();
        var full = new List<double>();
        // Processor time (all threads, GC included) as well as wall time: on a shared machine the wall clock counts the
        // other work's time slices too, the processor time far less so.
        var process = System.Diagnostics.Process.GetCurrentProcess();
        TimeSpan parseCpu = TimeSpan.Zero, fullCpu = TimeSpan.Zero;
        long parseBytes = 0, fullBytes = 0;
        for (var i = 0; i < 30; i++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var bytes = GC.GetTotalAllocatedBytes(precise: false);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await bench.ParseOnly();
            parse.Add(clock.Elapsed.TotalMilliseconds);
            process.Refresh();
            parseCpu += process.TotalProcessorTime - cpu;
            parseBytes += GC.GetTotalAllocatedBytes(precise: false) - bytes;
            cpu = process.TotalProcessorTime;
            bytes = GC.GetTotalAllocatedBytes(precise: false);
            clock.Restart();
            await bench.FullCheck();
            full.Add(clock.Elapsed.TotalMilliseconds);
            process.Refresh();
            fullCpu += process.TotalProcessorTime - cpu;
            fullBytes += GC.GetTotalAllocatedBytes(precise: false) - bytes;
        }
        double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
        Console.WriteLine(FormattableString.Invariant(
            $"{bench._pages.Count} pages: median parse {Median(parse):0.0} ms, full check {Median(full):0.0} ms, ratio {Median(full) / Median(parse):0.00}; fastest parse {parse.Min():0.0} ms, full check {full.Min():0.0} ms, ratio {full.Min() / parse.Min():0.00}"));
        Console.WriteLine(FormattableString.Invariant(
            $"processor time per round: parse {parseCpu.TotalMilliseconds / 30:0.0} ms, full check {fullCpu.TotalMilliseconds / 30:0.0} ms, ratio {fullCpu / parseCpu:0.00}; allocated per round: parse {parseBytes / 30 / 1024.0 / 1024:0.0} MB, full check {fullBytes / 30 / 1024.0 / 1024:0.0} MB"));
    }

    /// <summary>`-- check-phases`: parse, then extraction and rules over the already parsed documents; fastest of 25 rounds after 300 warm-up rounds,
    /// to see which phase the check's cost is in.</summary>
    public static async Task PhasesAsync()
    {
        var bench = new CheckBenchmark();
        bench.Setup();
        var docs = new List<AngleSharp.Dom.IDocument>();
        foreach (var page in bench._pages)
        {
            using var stream = new MemoryStream(page, writable: false);
            docs.Add(await bench._context.OpenAsync(r => r.Content(stream).Address("http://localhost/")));
        }
        var options = new CheckOptions();
        for (var i = 0; i < 300; i++)
        {
            await bench.ParseOnly();
            foreach (var d in docs) bench._checker.Evaluate("bench", PageExtractor.Extract(d, options, CancellationToken.None), null);
        }
        double bestExtract = double.MaxValue, bestRules = double.MaxValue, bestParse = double.MaxValue;
        for (var round = 0; round < 25; round++)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await bench.ParseOnly();
            bestParse = Math.Min(bestParse, clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            var pages = docs.Select(d => PageExtractor.Extract(d, options, CancellationToken.None)).ToList();
            bestExtract = Math.Min(bestExtract, clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            foreach (var p in pages) bench._checker.Evaluate("bench", p, null);
            bestRules = Math.Min(bestRules, clock.Elapsed.TotalMilliseconds);
        }
        var asynchronous = 0;
        foreach (var page in bench._pages)
        {
            using var stream = new MemoryStream(page, writable: false);
            var task = bench._checker.CheckAsync("bench", stream, null, null, CancellationToken.None);
            if (!task.IsCompleted) asynchronous++;
            await task;
        }
        Console.WriteLine(FormattableString.Invariant(
            $"fastest: parse {bestParse:0.00} ms, extract {bestExtract:0.00} ms, rules {bestRules:0.00} ms; {asynchronous} of {bench._pages.Count} checks completed asynchronously"));
    }

    /// <summary>`-- check-loop [seconds]`: the full check over the corpus again and again, for a profiler to attach to
    /// (`dotnet-trace collect -- dotnet Shop.Benchmarks.dll check-loop 20`).</summary>
    public static async Task LoopAsync(int seconds)
    {
        var bench = new CheckBenchmark();
        bench.Setup();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var rounds = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            await bench.FullCheck();
            rounds++;
        }
        Console.WriteLine(FormattableString.Invariant($"{rounds} rounds of {bench._pages.Count} pages in {clock.Elapsed.TotalSeconds:0.0} s"));
    }

    public static void Run()
    {
        // In process: the machine is shared and a separate benchmark build of the whole web app times out.
        var config = DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(5).WithIterationCount(15).WithId("in-process"))
            .WithOptions(ConfigOptions.DisableOptimizationsValidator)
            // The fastest iteration is the figure least disturbed by other work on a shared machine.
            .AddColumn(BenchmarkDotNet.Columns.StatisticColumn.Min);
        BenchmarkRunner.Run<CheckBenchmark>(config);
    }
}
