using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shop.Core.Data;
using Shop.Core.Model;

namespace Shop.Web.Api;

/// <summary>API keys: how they look, how they are stored (SHA-256 only), issued and revoked.</summary>
public static class ApiKeys
{
    public const string Scheme = "ApiKey";
    public const string Header = "X-Api-Key";
    public const string Policy = "ApiKey";
    public const string BootstrapVariable = "SHOP_BOOTSTRAP_API_KEY";
    public const int MinimumLength = 20;

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string NewKey() => "shop_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Stores a new key and its audit entry; the caller shows <paramref name="key"/> once and forgets it.</summary>
    public static ApiKey Add(ShopDbContext db, string key, string name, string role, string actor, DateTime now)
    {
        var apiKey = new ApiKey
        {
            Name = name, Prefix = key[..Math.Min(12, key.Length)], Hash = Hash(key), Role = role, CreatedUtc = now, CreatedBy = actor,
        };
        db.ApiKeys.Add(apiKey);
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = now, Actor = actor, Action = "apikey.issue", EntityType = "ApiKey", EntityId = apiKey.Prefix,
            Details = $"{name} ({role})",
        });
        return apiKey;
    }

    /// <summary>SHOP_BOOTSTRAP_API_KEY: makes sure an admin key with exactly this value exists (for compose, CI and tests).</summary>
    public static async Task EnsureBootstrapKeyAsync(ShopDbContext db, IConfiguration configuration, TimeProvider time, ILogger logger, CancellationToken ct)
    {
        if (configuration[BootstrapVariable] is not { Length: > 0 } key) return;
        if (key.Length < MinimumLength)
        {
            logger.LogError("{Variable} is shorter than {Length} characters; no API key was created from it.", BootstrapVariable, MinimumLength);
            return;
        }
        var hash = Hash(key);
        // A revoked bootstrap key stays revoked: an operator's revocation wins over a stale environment variable.
        if (await db.ApiKeys.AnyAsync(k => k.Hash == hash, ct)) return;
        Add(db, key, "bootstrap", Roles.Admin, "startup", time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Bootstrap admin API key created from {Variable}", BootstrapVariable);
    }
}

/// <summary>Authenticates `X-Api-Key` against the stored hashes; used only by the /api/v1 group.</summary>
internal sealed class ApiKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ShopDbContext db, TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers[ApiKeys.Header].FirstOrDefault() is not { Length: > 0 } key) return AuthenticateResult.NoResult();
        var hash = ApiKeys.Hash(key.Trim());
        var apiKey = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Hash == hash, Context.RequestAborted);
        if (apiKey is null) return AuthenticateResult.Fail("Unknown API key.");
        if (apiKey.RevokedUtc is not null) return AuthenticateResult.Fail("This API key has been revoked.");
        var now = time.GetUtcNow().UtcDateTime;
        // Last use to the minute is enough to spot dead keys, and spares a write on every call.
        if (apiKey.LastUsedUtc is null || now - apiKey.LastUsedUtc > TimeSpan.FromMinutes(1))
        {
            await db.ApiKeys.Where(k => k.Id == apiKey.Id).ExecuteUpdateAsync(u => u.SetProperty(k => k.LastUsedUtc, now), Context.RequestAborted);
        }
        var identity = new ClaimsIdentity(
            [new System.Security.Claims.Claim(ClaimTypes.Name, $"api-key:{apiKey.Name}"), new System.Security.Claims.Claim(ClaimTypes.Role, apiKey.Role), new System.Security.Claims.Claim("api_key_id", apiKey.Id.ToString())],
            ApiKeys.Scheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKeys.Scheme));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = $"{ApiKeys.Scheme} header=\"{ApiKeys.Header}\"";
        return WriteProblemAsync(StatusCodes.Status401Unauthorized, $"Send a valid, unrevoked API key in the {ApiKeys.Header} header.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "This API key's role may not do this.");

    private Task WriteProblemAsync(int status, string title)
    {
        Response.StatusCode = status;
        Response.ContentType = "application/problem+json";
        return Response.WriteAsync(System.Text.Json.JsonSerializer.Serialize(new { status, title }));
    }
}
