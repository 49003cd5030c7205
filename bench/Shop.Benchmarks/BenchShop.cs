using System.Diagnostics;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shop.Core.Model;

namespace Shop.Benchmarks;

/// <summary>
/// The web app over its full pipeline (in-process test server) on a SQLite file in a temp folder, for the page
/// benchmarks. With <paramref name="signedInAsMerchandiser"/> every request is a merchandiser's: the benchmarks
/// measure the pages, not the sign-in.
/// </summary>
internal sealed class BenchShop(string dataDirectory, bool signedInAsMerchandiser) : WebApplicationFactory<Shop.Web.Pages.Admin.Flags.IndexModel>
{
    public const int Requests = 200;

    public static BenchShop Create(string name, bool signedInAsMerchandiser)
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SHOP_WEB", FindWebContentRoot());
        return new BenchShop(Path.Combine(Path.GetTempPath(), $"shop-bench-{name}-{Guid.NewGuid():N}"), signedInAsMerchandiser);
    }

    public string DataDirectory => dataDirectory;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Shop:DataDirectory", dataDirectory);
        builder.UseSetting("Jobs:RunServer", "false");
        builder.UseSetting("Demo:Enabled", "false");
        // Console logging of every SQL command would dominate the timings.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
        if (!signedInAsMerchandiser) return;
        builder.ConfigureTestServices(services =>
        {
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, BenchUser>("Bench", _ => { });
            services.PostConfigure<AuthenticationOptions>(o => o.DefaultAuthenticateScheme = o.DefaultChallengeScheme = "Bench");
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
    }

    internal static string FindWebContentRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Shop.Web");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("Run the benchmark from inside the repository: src/Shop.Web was not found above it.");
    }

    /// <summary>20 warm-up requests, then <see cref="Requests"/> timed ones; prints a Markdown row: median, p95 and,
    /// with <paramref name="cpuPerRequest"/>, the process's CPU time per request (client and in-process server
    /// together), the steadier figure when other processes share the cores.</summary>
    public static async Task MeasureAsync(HttpClient client, string name, Func<int, string> url, bool cpuPerRequest = false)
    {
        for (var i = 0; i < 20; i++) (await client.GetAsync(url(i))).EnsureSuccessStatusCode();
        var times = new List<double>(Requests);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < Requests; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(url(i));
            await response.Content.ReadAsByteArrayAsync();
            watch.Stop();
            response.EnsureSuccessStatusCode();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / Requests;
        times.Sort();
        var row = $"| {name} | {times[times.Count / 2]:0.0} ms | {times[(int)(times.Count * 0.95)]:0.0} ms |";
        Console.WriteLine(cpuPerRequest ? $"{row} {cpu:0.0} ms |" : row);
    }

    private sealed class BenchUser(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var identity = new ClaimsIdentity([new System.Security.Claims.Claim(ClaimTypes.Name, "bench"), new System.Security.Claims.Claim(ClaimTypes.Role, Roles.Merchandiser)], "Bench");
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), "Bench")));
        }
    }
}
