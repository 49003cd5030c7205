using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shop.Core.Model;
using Shop.Web.Infrastructure;
using Shop.Web.Tests.Infrastructure;

namespace Shop.Web.Tests.Account;

public sealed class BootstrapTests
{
    private static async Task<HttpStatusCode> SignInStatusAsync(IdentityShopFactory shop, string email, string password)
    {
        var client = shop.Browser();
        var page = await client.GetDocumentAsync("/Account/Login");
        var response = await client.SubmitFormAsync(page, "/Account/Login", new() { ["Email"] = email, ["Password"] = password });
        return response.StatusCode;
    }

    [Fact]
    public async Task Admin_from_environment_variables_can_sign_in_and_no_first_run_file_is_written()
    {
        using var shop = new IdentityShopFactory(new()
        {
            [Bootstrap.AdminEmailKey] = "ops@example.com",
            [Bootstrap.AdminPasswordKey] = "Bootstrap-Secret-2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, await SignInStatusAsync(shop, "ops@example.com", "Bootstrap-Secret-2026"));
        await using var scope = shop.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ShopUser>>();
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        Assert.Equal(["ops@example.com"], admins.Select(u => u.Email));
        Assert.False(File.Exists(Path.Combine(shop.DataDirectory, Bootstrap.FirstRunFileName)));
    }

    [Fact]
    public async Task Without_environment_variables_the_first_start_writes_a_random_password_once()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"shop-boot-{Guid.NewGuid():N}");
        try
        {
            string firstFile;
            using (var first = new IdentityShopFactory(dataDirectory: dataDirectory))
            {
                first.Services.GetRequiredService<IServiceProvider>();
                firstFile = await File.ReadAllTextAsync(Path.Combine(dataDirectory, Bootstrap.FirstRunFileName));
                var email = Regex.Match(firstFile, @"Email:\s+(\S+)").Groups[1].Value;
                var password = Regex.Match(firstFile, @"Password:\s+(\S+)").Groups[1].Value;
                Assert.Equal(Bootstrap.GeneratedAdminEmail, email);
                Assert.True(password.Length >= 20);
                Assert.Equal(HttpStatusCode.Redirect, await SignInStatusAsync(first, email, password));
            }
            using (var second = new IdentityShopFactory(dataDirectory: dataDirectory))
            {
                second.Services.GetRequiredService<IServiceProvider>();
                Assert.Equal(firstFile, await File.ReadAllTextAsync(Path.Combine(dataDirectory, Bootstrap.FirstRunFileName)));
            }
        }
        finally
        {
            try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public void Random_passwords_differ_and_meet_the_password_rules()
    {
        var a = Bootstrap.RandomPassword();
        var b = Bootstrap.RandomPassword();
        Assert.NotEqual(a, b);
        Assert.Equal(24, a.Length);
        Assert.Contains(a, char.IsUpper);
        Assert.Contains(a, char.IsLower);
        Assert.Contains(a, char.IsDigit);
        Assert.Contains(a, c => !char.IsLetterOrDigit(c));
    }
}
