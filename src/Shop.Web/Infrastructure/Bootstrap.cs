using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Shop.Core.Data;
using Shop.Core.Model;

namespace Shop.Web.Infrastructure;

/// <summary>
/// First-run bootstrap of api.md, in one place: roles, and an admin user, either from
/// SHOP_BOOTSTRAP_ADMIN_EMAIL + SHOP_BOOTSTRAP_ADMIN_PASSWORD or, when no admin exists yet, with a random password
/// told once on the console and in <see cref="FirstRunFileName"/> in the data folder. There is no default password.
/// </summary>
internal sealed class Bootstrap(
    UserManager<ShopUser> users, RoleManager<IdentityRole> roles, IConfiguration configuration, IHostEnvironment environment, ILogger<Bootstrap> logger)
{
    public const string AdminEmailKey = "SHOP_BOOTSTRAP_ADMIN_EMAIL";
    public const string AdminPasswordKey = "SHOP_BOOTSTRAP_ADMIN_PASSWORD";
    public const string FirstRunFileName = "first-run-admin.txt";
    public const string GeneratedAdminEmail = "admin@shop.local";

    public async Task RunAsync(CancellationToken ct)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) Check(await roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
        }
        await EnsureAdminUserAsync(ct);
        // SHOP_BOOTSTRAP_API_KEY (an admin API key) belongs here too, beside the admin user.
    }

    private async Task EnsureAdminUserAsync(CancellationToken ct)
    {
        var email = configuration[AdminEmailKey];
        var password = configuration[AdminPasswordKey];
        if (!string.IsNullOrWhiteSpace(email) && !string.IsNullOrEmpty(password))
        {
            await EnsureConfiguredAdminAsync(email.Trim(), password);
            return;
        }
        if (!string.IsNullOrWhiteSpace(email) || !string.IsNullOrEmpty(password))
        {
            logger.LogWarning("Only one of {Email} and {Password} is set; both are needed to bootstrap an admin user", AdminEmailKey, AdminPasswordKey);
        }
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0) return;
        await CreateRandomAdminAsync(ct);
    }

    private async Task EnsureConfiguredAdminAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new ShopUser { UserName = email, Email = email, EmailConfirmed = true };
            Check(await users.CreateAsync(user, password), $"create the bootstrap admin {email} ({AdminPasswordKey} must meet the password rules)");
            logger.LogInformation("Bootstrap admin {Email} created", email);
        }
        else if (!await users.CheckPasswordAsync(user, password))
        {
            // The environment is the source of truth for this account: a changed variable changes the password.
            var token = await users.GeneratePasswordResetTokenAsync(user);
            Check(await users.ResetPasswordAsync(user, token, password), $"set the password of {email} from {AdminPasswordKey}");
            logger.LogInformation("Bootstrap admin {Email}: password set from {Key}", email, AdminPasswordKey);
        }
        if (!await users.IsInRoleAsync(user, Roles.Admin)) Check(await users.AddToRoleAsync(user, Roles.Admin), $"make {email} an admin");
    }

    private async Task CreateRandomAdminAsync(CancellationToken ct)
    {
        var password = RandomPassword();
        var user = await users.FindByEmailAsync(GeneratedAdminEmail);
        if (user is null)
        {
            user = new ShopUser { UserName = GeneratedAdminEmail, Email = GeneratedAdminEmail, EmailConfirmed = true };
            Check(await users.CreateAsync(user, password), "create the first admin");
        }
        else
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            Check(await users.ResetPasswordAsync(user, token, password), "reset the first admin's password");
        }
        Check(await users.AddToRoleAsync(user, Roles.Admin), "make the first admin an admin");

        var file = Path.Combine(ShopCoreExtensions.ResolveDataDirectory(configuration, environment.ContentRootPath), FirstRunFileName);
        var message = $"""
            Shop: first sign-in
            A first admin account was created with a random password (shown only here and on the console, once).
              Sign in at:  /Account/Login
              Email:       {GeneratedAdminEmail}
              Password:    {password}
            Then create named accounts under Admin > Users and delete this file.
            To choose the admin yourself, set {AdminEmailKey} and {AdminPasswordKey} before the first start.

            """;
        await File.WriteAllTextAsync(file, message, ct);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        // Straight to the console, not the logger: the password must not end up in collected logs.
        Console.WriteLine();
        Console.WriteLine(message);
        logger.LogWarning("First admin {Email} created with a random password; it is in {File}", GeneratedAdminEmail, file);
    }

    public static string RandomPassword()
    {
        const string lower = "abcdefghijkmnopqrstuvwxyz", upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", digits = "23456789", symbols = "-_.!@#%+=";
        // One of each class (Identity's default rules), the rest from all of them, then shuffled.
        var chars = new List<char>
        {
            lower[RandomNumberGenerator.GetInt32(lower.Length)], upper[RandomNumberGenerator.GetInt32(upper.Length)],
            digits[RandomNumberGenerator.GetInt32(digits.Length)], symbols[RandomNumberGenerator.GetInt32(symbols.Length)],
        };
        chars.AddRange(RandomNumberGenerator.GetString(lower + upper + digits + symbols, 20));
        var array = chars.ToArray();
        RandomNumberGenerator.Shuffle(array.AsSpan());
        return new string(array);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Bootstrap could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}
