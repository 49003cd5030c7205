using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Shop.Web.Flags;
using Shop.Core.Model;
using Claim = System.Security.Claims.Claim;
using Shop.Core.Data;

namespace Shop.E2E.Tests.Infrastructure;

/// <summary>
/// The whole app on Kestrel at 127.0.0.1 on a free port, over a temporary SQLite folder, and one headless Chromium.
/// Staff identity comes from a header the browser context sends (see <see cref="StaffHeader"/>), so these flows
/// exercise the review pages without depending on the sign-in pages.
/// </summary>
public class LiveShop : WebApplicationFactory<Shop.Web.Pages.Admin.Flags.IndexModel>, IAsyncLifetime
{
    public const string StaffHeader = "X-Test-User";
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), $"shop-e2e-{Guid.NewGuid():N}");
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;

    public static string ScreenshotPath(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Shop:DataDirectory", dataDirectory);
        builder.UseSetting("Jobs:RunServer", "false");
        builder.UseUrls("http://127.0.0.1:0");
        ConfigureShop(builder);
        if (!UsesStaffHeader) return;
        builder.ConfigureTestServices(services =>
        {
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, HeaderUser>(HeaderUser.SchemeName, _ => { });
            services.PostConfigure<AuthenticationOptions>(o =>
            {
                o.DefaultAuthenticateScheme = HeaderUser.SchemeName;
                o.DefaultChallengeScheme = HeaderUser.SchemeName;
                o.DefaultForbidScheme = HeaderUser.SchemeName;
            });
        });
    }

    /// <summary>False for a fixture whose flows sign in through the real sign-in page and cookie.</summary>
    protected virtual bool UsesStaffHeader => true;

    /// <summary>Settings of a derived fixture, applied after the defaults above.</summary>
    protected virtual void ConfigureShop(IWebHostBuilder builder) { }

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("SHOP_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"Chromium not found at {chromium}. Install Debian's chromium (apt-get install chromium) or set SHOP_CHROMIUM; scripts/test.sh does this.");
        }
        // Playwright's 5 s default for expectations is too tight while CI runs the other test assemblies on the same
        // two cores; a real failure still fails, only later.
        Assertions.SetDefaultExpectTimeout(20_000);
        UseKestrel();
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First(a => a.StartsWith("http://127.0.0.1", StringComparison.Ordinal)));
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public Task<IBrowserContext> NewContextAsync(string? staff) => Browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = BaseAddress.ToString(),
        ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        ExtraHTTPHeaders = staff is null ? null : new Dictionary<string, string> { [StaffHeader] = staff },
    });

    /// <summary>A published home roller with 1.0 mm needles, its open error flag and the stored supplier page (with
    /// hostile markup that must stay inert).</summary>
    public async Task<(int ProductId, int FlagId)> SeedFlaggedRollerAsync(string name)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
        var product = new Product
        {
            Name = name, Slug = $"e2e-{Guid.NewGuid():N}", Kind = ProductKind.Roller, Published = true, OpenFlagCount = 1,
            NeedleLengthMm = 1.0, IntendedUse = IntendedUse.Home, SupplierUrl = "https://supplier.example/roller",
        };
        product.Flags.Add(new Flag
        {
            Rule = "home-use-needle-too-long", Severity = Severity.Error, Status = FlagStatus.Open,
            Message = $"{name} is sold for home use but its needles are 1.0 mm.", EvidenceHash = "e2e",
            Evidence = [new FlagEvidence { Text = "Needle length: 1.0 mm", From = EvidenceSource.Spec }],
            FirstSeenUtc = DateTime.UtcNow, LastSeenUtc = DateTime.UtcNow,
        });
        db.Products.Add(product);
        await db.SaveChangesAsync();
        db.PageSnapshots.Add(new PageSnapshot
        {
            ProductId = product.Id, Url = product.SupplierUrl, FetchedUtc = DateTime.UtcNow, ContentHash = "e2e", FactsJson = "{}",
            CompressedBody = SnapshotText.Gzip(
                "<html><body><h1>Derma Roller</h1><p>Perfect for home use.</p><p>Needle length: 1.0 mm</p>" +
                "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=1</script></body></html>"),
        });
        await db.SaveChangesAsync();
        return (product.Id, product.Flags[0].Id);
    }

    public async Task<T> WithDbAsync<T>(Func<ShopDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ShopDbContext>());
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
        await base.DisposeAsync();
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
    }

    private sealed class HeaderUser(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "TestHeader";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (Request.Headers[StaffHeader].FirstOrDefault() is not { } value) return Task.FromResult(AuthenticateResult.NoResult());
            var parts = value.Split('|');
            var claims = new List<Claim> { new(ClaimTypes.Name, parts[0]) };
            claims.AddRange(parts.Skip(1).Select(r => new Claim(ClaimTypes.Role, r)));
            var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
        }
    }
}
