using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shop.Core.Data;

namespace Shop.Web.Tests.Infrastructure;

/// <summary>
/// The whole web app on a fresh SQLite file. Pages see the user named by the X-Test-User header ("name|Role|Role");
/// /api/v1 keeps its own API-key scheme, so API tests use real keys (the bootstrap key, or keys issued in the UI).
/// </summary>
public class ShopFactory : WebApplicationFactory<Shop.Web.Pages.Admin.Flags.IndexModel>
{
    public const string BootstrapKey = "test-bootstrap-key-0123456789abcdef";
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), $"shop-web-{Guid.NewGuid():N}");

    protected virtual void Configure(IWebHostBuilder builder) { }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Shop:DataDirectory", dataDirectory);
        builder.UseSetting("Jobs:RunServer", "false");
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting(Shop.Web.Api.ApiKeys.BootstrapVariable, BootstrapKey);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
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
        Configure(builder);
    }

    public HttpClient Client(string? user)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (user is not null) client.DefaultRequestHeaders.Add("X-Test-User", user);
        return client;
    }

    public HttpClient ApiClient(string? key = BootstrapKey)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (key is not null) client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public async Task<T> WithDbAsync<T>(Func<ShopDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ShopDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private sealed class HeaderUser(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "TestHeader";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (Request.Headers["X-Test-User"].FirstOrDefault() is not { } value) return Task.FromResult(AuthenticateResult.NoResult());
            var parts = value.Split('|');
            var claims = new List<System.Security.Claims.Claim> { new(ClaimTypes.Name, parts[0]) };
            claims.AddRange(parts.Skip(1).Select(r => new System.Security.Claims.Claim(ClaimTypes.Role, r)));
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName)));
        }
    }
}
